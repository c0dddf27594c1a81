"""Defects found by the third trust audit (audit 3): English, programmes, edge periods, words.

Each test pins one finding a council member could have quoted wrongly, on a surface the first two
audits (``test_trust_audit.py``, ``test_trust_audit2.py``) did not cover; it failed before its fix.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from vsdash import publication

YEAR = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
# Mid-month to mid-month: Amsterdam and Utrecht are counted over weeks, small towns over months.
MID_MONTHS = (dt.date(2025, 2, 15), dt.date(2025, 5, 14))
# Wednesday to Tuesday: two whole weeks are counted, and they hold no whole month.
WED_TO_TUE = (dt.date(2025, 3, 5), dt.date(2025, 3, 11))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_rate_counts_no_days_before_the_data_start(store, lang):
    """Rotterdam's reporting app opened in 2017, the data start on 1 January 2019. For July 2018 -
    June 2019 the key figure read 2,9 per 10,000 a year, half of the 5,8 of January - June 2019
    with the same 190 reports: the half year without data counted as days with a reporting point.
    And 2018 itself read "0 meldingen, 0,0 per 10.000", as if no one had reported."""
    from vsdash.i18n import fmt_date

    first, _last = store.report_date_range()
    half_before = (dt.date(first.year - 1, 7, 1), dt.date(first.year, 6, 30))
    half_after = (first, dt.date(first.year, 6, 30))
    straddling = publication.key_figures(store, gemeente="GM0599", start=half_before[0], end=half_before[1])
    inside = publication.key_figures(store, gemeente="GM0599", start=half_after[0], end=half_after[1])
    assert straddling.reports == inside.reports > 0
    assert straddling.labels(lang)["rate"] == inside.labels(lang)["rate"]
    assert fmt_date(first, lang) in straddling.notes(lang)["counted"]

    before = publication.key_figures(
        store, gemeente="GM0599", start=dt.date(first.year - 1, 1, 1), end=dt.date(first.year - 1, 12, 31)
    )
    assert before.reports is None and before.rate_per_10k_per_year is None
    assert before.reasons["reports"] == publication.REASON_NO_DATA
    said = before.reason_text("reports", lang)
    assert fmt_date(first, lang) in said
    assert before.labels(lang)["reports"] == "–"


def test_a_period_after_the_data_says_so_in_the_api_and_the_command(store, demo_store_url, capsys):
    """`vsdash figures --gemeente GM0363` for the two months after the data's last day printed
    "Meldingen 0" and "0,0 (0,0–14,5)", a rate over one day; for a quarter that runs a month past
    the data the change was missing "because a reporting point opened or closed", which none did."""
    from vsdash.cli import main
    from vsdash.i18n import fmt_date

    _first, last = store.report_date_range()
    after = (last + dt.timedelta(days=5), last + dt.timedelta(days=60))
    figures = json.loads(publication.key_figures_json(store, gemeente="GM0363", start=after[0], end=after[1]))
    assert figures["reports"] is None and figures["rate_per_10k_per_year"] is None
    assert figures["reasons"]["reports"]["code"] == publication.REASON_NO_DATA

    # Whole months from the data's last month on: the first holds data, the others do not.
    month = last.replace(day=1)
    quarter_end = (month + dt.timedelta(days=95)).replace(day=1) - dt.timedelta(days=1)
    key = publication.key_figures(store, gemeente="GM0363", start=month, end=quarter_end)
    assert key.reports and key.reasons["change"] == publication.REASON_DATA_ENDS
    assert "meldpunt" not in key.reason_text("change", "nl")
    assert fmt_date(last, "nl") in key.notes("nl")["counted"]
    argv = ["figures", "--gemeente", "GM0363", "--from", month.isoformat(), "--to", quarter_end.isoformat()]
    assert main([*argv, "--store", demo_store_url]) == 0
    printed = capsys.readouterr().out
    assert f"tot en met {fmt_date(last, 'nl')}" in printed
    assert "geopend of gesloten" not in printed


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_group_counted_over_different_days_does_not_name_one_period(store, lang):
    """All municipalities, 15 February - 14 May 2025: Overzicht said "Geteld over hele maanden:
    1 februari – 31 mei" of a total whose largest part was counted over 10 February - 18 May, and
    "Verandering t.o.v. de vorige periode van dezelfde lengte: 1 oktober 2024 – 9 februari 2025",
    four months and more before a period of three; the slides and the letter said the same."""
    from vsdash import council_letter, deck_text
    from vsdash.i18n import fmt_date, t
    from vsdash.presentation import build_deck
    from vsdash.views.overview import build_overview

    key = publication.key_figures(store, start=MID_MONTHS[0], end=MID_MONTHS[1])
    members = publication.member_figures(store, sorted(set(store.channels()["gemeentecode"])), *MID_MONTHS)
    assert members["eenheid"].nunique() == 2, "the case needs members counted over weeks and months"
    assert key.counted_mixed
    model = build_overview(
        store, gemeente=None, programma=None, start=MID_MONTHS[0], end=MID_MONTHS[1], label="x", lang=lang
    )
    whole_months = t(
        "counted_month", lang, van=fmt_date(key.counted_start, lang), tot=fmt_date(key.counted_end, lang)
    )
    assert whole_months not in " ".join(model.notes)
    assert ("per gemeente" if lang == "nl" else "per municipality") in " ".join(model.notes)
    assert ("eigen getelde dagen" if lang == "nl" else "its own counted days") in model.metrics[2].help
    json_counted = key.as_json()["counted"]
    assert json_counted["per_municipality"] is True

    deck = build_deck(store, gemeente=None, start=MID_MONTHS[0], end=MID_MONTHS[1], lang=lang, with_map=False)
    notes = " ".join(note for _l, _v, note in deck_text.key_figure_items(deck))
    letter = " ".join(note for _n, _v, note in council_letter.key_figure_rows(deck))
    for text in (notes, letter):
        assert ("eigen getelde dagen" if lang == "nl" else "its own counted days") in text

    # One municipality, or a group of whole months, still names its one period.
    one = publication.key_figures(store, gemeente="GM0363", start=MID_MONTHS[0], end=MID_MONTHS[1])
    assert not one.counted_mixed and one.notes(lang)["counted"].startswith(
        t("counted_week", lang, van="", tot="")[:10]
    )
    assert not publication.key_figures(store, start=YEAR[0], end=YEAR[1]).counted_mixed


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize(
    ("code", "period"), [("GM0363", WED_TO_TUE), ("GM0344", (dt.date(2024, 2, 26), dt.date(2024, 3, 3)))]
)
def test_a_trend_of_weeks_without_a_whole_month_is_drawn_in_weeks(store, code, period, lang):
    """Amsterdam, Wednesday 5 - Tuesday 11 March 2025 (and Utrecht's leap week of 29 February
    2024): Overzicht drew an empty "Meldingen per maand" under "19 van de 19 meldingen staan niet
    apart", and the deck's trend slide said "Er zijn geen meldingen in deze selectie" beside a key
    figure slide of 19. The counted weeks are the total's own published parts: they are drawn."""
    from vsdash import deck_text
    from vsdash.i18n import t
    from vsdash.presentation import build_deck
    from vsdash.views.overview import build_overview

    model = build_overview(
        store, gemeente=code, programma=None, start=period[0], end=period[1], label="x", lang=lang
    )
    assert model.key.reports and model.key.counted_unit == "week"
    assert model.trend_title == t("trend_title_week", lang)
    assert len(model.trend.table) >= 1
    assert not any(t("hidden_note", lang, n="", totaal="")[:8] in note for note in model.trend_notes)
    deck = build_deck(store, gemeente=code, start=period[0], end=period[1], lang=lang, with_map=False)
    assert len(deck.trend) >= 1 and deck_text.empty_reason(deck, "trend") == ""
    assert deck.trend["n"].sum() == model.key.reports


def test_a_programmes_letter_names_the_programmes_own_funding(demo_store_url):
    """Presenteren for "Alle gemeenten (Leefbaarheid en Veiligheid)" in 2025: the council letter's
    "Rijksbijdrage in de periode" read € 320.000 (Veilige Steden's money of the members that are in
    both), where the API and `vsdash figures --programma leefbaarheid_veiligheid` say € 0."""
    from vsdash import council_letter
    from vsdash.composition import Composition
    from vsdash.i18n import t
    from vsdash.indicators import indicator
    from vsdash.store import Store
    from vsdash.ui import cached
    from vsdash.ui.frame import Selection

    store = Store(demo_store_url)
    try:
        programme = "leefbaarheid_veiligheid"
        key = publication.key_figures(store, start=YEAR[0], end=YEAR[1], programma=programme)
        vs = publication.key_figures(store, start=YEAR[0], end=YEAR[1], codes=key.codes)
        assert vs.funding_eur > 0 == key.funding_eur, "the case needs members funded by another programme"
    finally:
        store.close()
    label = f"{t('all_municipalities', 'nl')} (Leefbaarheid en Veiligheid)"
    sel = Selection(None, key.codes, *YEAR, programme, "nl", label, demo_store_url, "audit3")
    deck = cached.composed_deck(sel, Composition())
    rows = {name: value for name, value, _note in council_letter.key_figure_rows(deck)}
    assert rows[indicator("funding_eur").name("nl")] == key.labels("nl")["funding"]
    from vsdash.ui.server import FiguresRequest, figures_json

    api = json.loads(figures_json(demo_store_url, FiguresRequest(None, programme, *YEAR)))
    assert deck.key.figures.as_json()["funding_eur"] == api["funding_eur"] == 0


def test_the_english_catalogue_defines_the_figures_as_the_dutch_one_and_the_code_do(store):
    """docs/indicatoren.md and the English definitions sheet said the preceding period lies "directly
    before the chosen period" (it lies before the counted weeks: for Wednesday 5 - Tuesday 11 March
    it ends on Sunday 2 March, not Tuesday 4 March) and left out weeks; the rate's days were "the
    days in the period", where the Dutch says the counted days with data."""
    from vsdash.indicators import indicator

    previous, rate = indicator("previous_reports"), indicator("rate_per_10k_per_year")
    assert "getelde periode" in previous.definition_nl and "counted period" in previous.definition_en
    assert "hele weken" in previous.definition_nl and "whole weeks" in previous.definition_en
    assert "chosen period" not in previous.definition_en
    assert "dag met gegevens" in rate.definition_nl and "day with data" in rate.definition_en
    assert "counted days" in rate.definition_en

    key = publication.key_figures(store, gemeente="GM0363", start=WED_TO_TUE[0], end=WED_TO_TUE[1])
    assert key.counted_start < WED_TO_TUE[0]
    assert key.previous_end == key.counted_start - dt.timedelta(days=1)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_vergelijken_all_of_a_programme_ranks_its_members_in_the_period(store, lang):
    """Vergelijken for Veilige Steden in 2025, group "Alle": 15 ranked and "Niet gerangschikt:
    Zaanstad (geen meldpunt)", a municipality that left the programme in 2022, beside Overzicht,
    the API and the letter, which count the programme's 15 members of 2025."""
    from vsdash.i18n import t
    from vsdash.views.comparison import build_comparison

    key = publication.key_figures(store, start=YEAR[0], end=YEAR[1], programma="veilige_steden")
    model = build_comparison(
        store,
        gemeente=None,
        programma="veilige_steden",
        start=YEAR[0],
        end=YEAR[1],
        group_choice="alle",
        focus=None,
        metric="meldingen",
        boundaries=(None, "-"),
        lang=lang,
    )
    assert sorted(model.group) == sorted(key.codes)
    names = store.municipalities().set_index("gemeentecode")["weergavenaam"]
    table = model.ranking.table
    assert sorted(table[t("municipality", lang)]) == sorted(names[list(key.codes)])
    counts = table[t("reports", lang)].str.replace(r"\D", "", regex=True).astype(int)
    assert counts.sum() == key.reports
    assert "Zaanstad" not in model.not_ranked


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_figures_command_names_the_activities_as_the_catalogue_does(demo_store_url, capsys, lang):
    """`vsdash figures` printed "Activiteiten 3" where the slides, the letter and the catalogue say
    "Activiteiten in de periode": the activities that ran in the period, not all of them."""
    from vsdash.cli import main
    from vsdash.indicators import indicator

    argv = ["figures", "--gemeente", "GM0363", "--from", "2025-01-01", "--to", "2025-12-31"]
    assert main([*argv, "--lang", lang, "--store", demo_store_url]) == 0
    lines = capsys.readouterr().out.splitlines()
    names = {indicator(key).name(lang) for key in ("reports", "campaigns", "activities")}
    for name in names:
        assert any(line.startswith(name + " ") for line in lines), (name, lines)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_week_of_a_trend_has_its_week_of_last_year(store, lang):
    """Meldingen for Veilige Steden, 15 February - 14 May 2025, per week: last year's weeks were
    shifted by a calendar year onto Wednesdays, and the table's last week (12 May) read "Zelfde
    periode vorig jaar: –" though that week of 2024 had reports. Each week now has the week 52
    weeks earlier, drawn on its own Monday."""
    from vsdash.i18n import t
    from vsdash.views.reports import build_reports

    codes = publication.selection_codes(store, None, "veilige_steden", *MID_MONTHS)
    model = build_reports(
        store,
        codes=codes,
        gemeente=None,
        start=MID_MONTHS[0],
        end=MID_MONTHS[1],
        grain="week",
        split="categorie",
        label="x",
        lang=lang,
    )
    table = model.trend.chart.table
    assert (table[t("same_period_last_year", lang)] != "–").all(), table
    trend = publication.published_trend_of(store, codes, *MID_MONTHS, grain="week")
    assert list(trend.previous["periode"]) == list(trend.cells["periode"])
    weeks_before = store.count_reports(
        publication.ReportFilter(
            codes, trend.counted.start - dt.timedelta(days=364), trend.counted.end - dt.timedelta(days=364)
        ),
        "week",
    )
    assert len(weeks_before) == len(trend.cells)


def test_the_english_letter_describes_itself_in_english(store):
    """The English council letter's document properties (Word: File > Info) read "Veilige Steden;
    straatintimidatie; demodata"."""
    import io

    from docx import Document

    from vsdash.council_letter import council_letter_docx
    from vsdash.presentation import build_deck

    deck = build_deck(store, gemeente="GM0363", start=YEAR[0], end=YEAR[1], lang="en", with_map=False)
    keywords = Document(io.BytesIO(council_letter_docx(deck))).core_properties.keywords
    assert "street harassment" in keywords and "demo data" in keywords
    assert "straatintimidatie" not in keywords and "demodata" not in keywords


def test_the_json_says_why_a_figure_is_missing_in_english_too(demo_store_url, capsys):
    """`vsdash figures --json --lang en` (and /api/v1/figures) gave the reasons in Dutch only:
    "Geen vergelijking: de vorige periode valt vóór het begin van de gegevens ..."."""
    from vsdash.cli import main

    argv = ["figures", "--gemeente", "GM0141", "--from", "2020-07-15", "--to", "2020-09-15", "--json"]
    assert main([*argv, "--lang", "en", "--store", demo_store_url]) == 0
    reasons = json.loads(capsys.readouterr().out)["reasons"]
    assert reasons["change"]["en"].startswith("No comparison")
    assert reasons["change"]["nl"].startswith("Geen vergelijking")
