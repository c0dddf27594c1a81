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


def test_the_key_figure_slide_says_over_which_months_the_reports_were_counted(store):
    """The slide, PPTX and PDF name the counted months, as the page and the council letter do.

    For 10 March - 2 April the slide said "Meldingen 53" under that period only; the 53 were
    counted over 1 March - 30 April, which the page and the letter said and the slides did not.
    """
    import io

    from pptx import Presentation

    from vsdash import deck_pptx, deck_text
    from vsdash.presentation import build_deck

    deck = build_deck(store, gemeente="GM0141", start=SHORT[0], end=SHORT[1], lang="nl", with_map=False)
    counted = deck.key.figures.notes("nl")["counted"]
    assert counted.startswith("Geteld over hele maanden")
    items = {label: note for label, _value, note in deck_text.key_figure_items(deck)}
    assert counted in items["Meldingen"]
    slide = Presentation(io.BytesIO(deck_pptx.deck_to_pptx(deck))).slides[0]
    text = " ".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)
    assert counted in text
    # A period counted as chosen says nothing extra.
    whole = build_deck(
        store, gemeente="GM0344", start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31), with_map=False
    )
    assert not whole.key.figures.notes("nl")["counted"]
    assert {label: note for label, _v, note in deck_text.key_figure_items(whole)}["Meldingen"].startswith(
        "Inwoners"
    )
