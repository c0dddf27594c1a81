"""Defects found by the trust audit across surfaces (a council member quoting any figure must be right).

Each test pins one finding: a figure that differed between surfaces, or a sentence that
misread a figure, for a municipality of its own size and a period of its own kind.
"""

from __future__ import annotations

import datetime as dt

import pytest

from vsdash import publication
from vsdash.store import Store

# A short odd window (24 days): small Almelo is then counted over whole months (1 March - 30 April).
SHORT = (dt.date(2025, 3, 10), dt.date(2025, 4, 2))


@pytest.fixture(scope="module")
def store(demo_store_url):
    opened = Store(demo_store_url)
    yield opened
    opened.close()


def test_meldingen_rate_per_period_uses_the_counted_months_not_the_chosen_days(store):
    """Each month's yearly rate divides that month's published count by that whole month's exposure.

    The month of April was counted in full (the key figures count whole months here), but its
    inhabitant-years were taken from 1-2 April only: Almelo's April read 810 per 10,000 a year
    next to a key figure of 43.
    """
    from vsdash.views.reports import build_reports

    code = "GM0141"
    key = publication.key_figures(store, gemeente=code, start=SHORT[0], end=SHORT[1])
    assert key.counted_unit == "month", "the case needs a period counted in whole months"
    model = build_reports(
        store,
        codes=(code,),
        gemeente=code,
        start=SHORT[0],
        end=SHORT[1],
        grain="month",
        split="categorie",
        label="Almelo",
        lang="nl",
    )
    from vsdash.i18n import t

    rates = model.rates.chart.table[t("reports_per_10k", "nl")]
    trend = publication.published_trend_of(store, (code,), *SHORT, grain="month")
    inhabitants = key.inhabitants
    assert len(trend.cells) == 2
    for cell, rate in zip(trend.cells.itertuples(), rates, strict=True):
        days = cell.periode.days_in_month
        expected = 10_000 * cell.n / (inhabitants * days / publication.DAYS_PER_YEAR)
        assert float(str(rate).replace(".", "").replace(",", ".")) == pytest.approx(expected, abs=0.06)
