"""Defects found by the second trust audit (audit 2): Vergelijken, Kaart, Programma, Activiteiten,
Campagnes, Gegevens and their downloads.

Each test pins one finding a council member could have quoted wrongly, for a municipality of its
own size and a period of its own kind; it failed before its fix.
"""

from __future__ import annotations

import datetime as dt

import pytest

# A short odd window (24 days) without a whole month, and a 10-day one.
SHORT = (dt.date(2025, 3, 10), dt.date(2025, 4, 2))
TEN_DAYS = (dt.date(2025, 3, 10), dt.date(2025, 3, 19))


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize(("code", "window"), [("GM0141", SHORT), ("GM0363", TEN_DAYS)])
def test_a_risk_area_trend_without_a_whole_month_says_why_instead_of_an_empty_chart(
    store, code, window, lang
):
    """Almelo's Grotestraat over 10 March - 2 April: "Meldingen per maand" over an empty date axis.

    The chart counts whole months where weeks are too sparse, and no whole month falls in the
    window; the reader saw an empty dated chart next to a count for the period. Now there is no
    chart, and a sentence names the area, the period, why, and what to choose instead.
    """
    from vsdash.i18n import fmt_date
    from vsdash.views.map import build_risk_area

    area = store.risk_areas().query("gemeentecode == @code").iloc[0]
    detail = build_risk_area(
        store, codes=(code,), start=window[0], end=window[1], risicogebied_id=area.risicogebied_id, lang=lang
    )
    assert detail.trend is None
    message = detail.trend_message
    assert (
        area.naam in message and fmt_date(window[0], lang) in message and fmt_date(window[1], lang) in message
    )
    assert ("hele maand" if lang == "nl" else "whole month") in message
    # A window with a whole month still draws its months.
    month = build_risk_area(
        store,
        codes=(code,),
        start=dt.date(2025, 3, 1),
        end=dt.date(2025, 4, 2),
        risicogebied_id=area.risicogebied_id,
        lang=lang,
    )
    assert month.trend is not None and len(month.trend.table) >= 1 and month.trend_message == ""
