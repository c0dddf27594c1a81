"""Defects found by the second trust audit (audit 2): Vergelijken, Kaart, Programma, Activiteiten,
Campagnes, Gegevens and their downloads.

Each test pins one finding a council member could have quoted wrongly, for a municipality of its
own size and a period of its own kind; it failed before its fix.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
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


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_vergelijken_ranking_says_over_which_days_each_count_was_counted(store, lang):
    """For 10-19 March the ranking listed Amsterdam "34" and Almelo "0" under an intro naming
    10-19 March; Amsterdam's 34 were counted over 10-23 March (whole weeks) and Almelo's over the
    whole of March (a small count). Each row now names its counted days, the key figures' own."""
    from vsdash import publication
    from vsdash.i18n import fmt_date, t
    from vsdash.views.comparison import build_comparison

    model = build_comparison(
        store,
        gemeente="GM0141",
        programma=None,
        start=TEN_DAYS[0],
        end=TEN_DAYS[1],
        group_choice="alle",
        focus=None,
        metric="meldingen",
        boundaries=(None, "ontbreekt"),
        lang=lang,
    )
    table = model.ranking.table.set_index(t("municipality", lang))
    for code, name in [("GM0363", "Amsterdam"), ("GM0141", "Almelo")]:
        key = publication.key_figures(store, gemeente=code, start=TEN_DAYS[0], end=TEN_DAYS[1])
        counted = f"{fmt_date(key.counted_start, lang)} – {fmt_date(key.counted_end, lang)}"
        assert table.loc[name, t("cmp_col_counted", lang)] == counted
        labels = key.labels(lang)
        assert table.loc[name, t("reports", lang)] == labels["reports"]
        assert table.loc[name, t("cmp_col_rate", lang)] == labels["rate"]
    assert t("cmp_col_counted", lang) in model.ranking_caption


def test_the_counts_export_by_municipality_names_each_rows_counted_days(store):
    """`vsdash export counts --by gemeente` for 10-19 March wrote Amsterdam 34 and Enschede 29 with
    no days beside them; Amsterdam's were counted over 10-23 March, Enschede's over all of March.
    Each row now says its days, and the total says it adds rows of different days."""
    from vsdash import publication
    from vsdash.commands.export import TOTAL, counts_download, counts_table
    from vsdash.i18n import fmt_date

    table = counts_table(store, "gemeente", *TEN_DAYS)
    download = counts_download(store, table, gemeente=None, by="gemeente")
    rows = download.set_index("Gemeentecode")
    units = set()
    for code in ("GM0363", "GM0153"):
        key = publication.key_figures(store, gemeente=code, start=TEN_DAYS[0], end=TEN_DAYS[1])
        units.add(key.counted_unit)
        assert rows.loc[code, "Meldingen"] == key.labels("nl")["reports"]
        assert rows.loc[code, "Geteld over"] == f"{fmt_date(key.counted_start)} – {fmt_date(key.counted_end)}"
    assert units == {"week", "month"}, "the case needs rows counted over weeks and over months"
    assert "elk over de eigen dagen" in rows.loc[TOTAL, "Geteld over"]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_programma_funding_names_the_days_it_sums_and_its_parts_add_up(store, lang):
    """For 10-19 March the funding chart's text said "per maand, 1 maart 2025 tot en met 31 maart
    2025; samen € 28.495", an amount for ten days; and € 14.247 + € 14.247 made "€ 28.495"."""
    from vsdash.i18n import fmt_date, fmt_euro
    from vsdash.views.programme import build_programme

    model = build_programme(
        store,
        gemeente=None,
        codes=None,
        programma="veilige_steden",
        start=TEN_DAYS[0],
        end=TEN_DAYS[1],
        label="Veilige Steden",
        lang=lang,
    )
    alt = model.funding.alt
    assert fmt_date(TEN_DAYS[0], lang) in alt and fmt_date(TEN_DAYS[1], lang) in alt
    assert fmt_date(dt.date(2025, 3, 1), lang) not in alt
    euros = [m.value for m in model.metrics[1:3]]

    def amount(text: str) -> int:
        return int("".join(ch for ch in text if ch.isdigit()))

    together = amount(euros[0]) + amount(euros[1])
    assert fmt_euro(together, lang) in model.summary and fmt_euro(together, lang) in alt
    assert fmt_euro(together, lang) in model.budget.note


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_figures_command_says_over_which_days_the_reports_were_counted(demo_store_url, capsys, lang):
    """`vsdash figures --gemeente GM0141 --from 2025-03-10 --to 2025-03-19` printed "Meldingen 0"
    and nothing else about the days: the 0 was counted over all of March (Overzicht, the slides
    and the JSON's "counted" say so), and Amsterdam's 34 over 10-23 March."""
    from vsdash import publication
    from vsdash.cli import main
    from vsdash.store import Store

    store = Store(demo_store_url)
    try:
        for code in ("GM0141", "GM0363"):
            key = publication.key_figures(store, gemeente=code, start=TEN_DAYS[0], end=TEN_DAYS[1])
            argv = ["figures", "--gemeente", code, "--from", "2025-03-10", "--to", "2025-03-19"]
            assert main([*argv, "--lang", lang, "--store", demo_store_url]) == 0
            printed = capsys.readouterr().out
            counted = key.notes(lang)["counted"]
            assert counted and counted in printed
    finally:
        store.close()


def _about_facts(book_bytes: bytes) -> dict[str, str]:
    import io

    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(book_bytes)).worksheets[-1]
    return {str(r[0].value): str(r[1].value) for r in sheet.iter_rows() if r[0].value and len(r) > 1}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_activity_register_download_says_nothing_in_it_was_perturbed(store, lang):
    """The register's Excel file said "to protect the people who reported, the numbers have been
    changed slightly" on its Toelichting, of budgets and reach that are exactly as entered; a
    download of report counts keeps that sentence."""
    from vsdash import spreadsheets
    from vsdash.i18n import t
    from vsdash.views.activities import ActivityFilters, build_activities

    model = build_activities(
        store,
        codes=("GM0363",),
        start=dt.date(2025, 1, 1),
        end=dt.date(2025, 12, 31),
        filters=ActivityFilters(),
        label="Amsterdam",
        lang=lang,
    )
    facts = _about_facts(spreadsheets.table_xlsx_bytes(model.export, "Register", about=model.about))
    privacy = facts[t("sheet_about_privacy", lang)]
    assert t("perturbation_note", lang) not in privacy and privacy == t("sheet_privacy_none", lang)
    # A file of report counts still says they were changed.
    from vsdash.commands.export import counts_download, counts_table

    counts = counts_download(store, counts_table(store, "gemeente", *TEN_DAYS), gemeente=None, by="gemeente")
    facts = _about_facts(spreadsheets.table_xlsx_bytes(counts, "Meldingen", about=model.about))
    assert t("perturbation_note", lang) in facts[t("sheet_about_privacy", lang)]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_whole_register_download_does_not_name_the_chosen_period_as_its_own(store, lang):
    """With "only activities in the period" off, Amsterdam's register download held its 15
    activities of 2018-2026 and its Toelichting said "Periode: 1 januari 2025 – 31 december 2025"."""
    from vsdash import spreadsheets
    from vsdash.i18n import fmt_date, t
    from vsdash.views.activities import ActivityFilters, build_activities

    year = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    for only, expected in (
        (False, t("act_period_all", lang)),
        (True, f"{fmt_date(year[0], lang)} – {fmt_date(year[1], lang)}"),
    ):
        model = build_activities(
            store,
            codes=("GM0363",),
            start=year[0],
            end=year[1],
            filters=ActivityFilters(only_period=only),
            label="Amsterdam",
            lang=lang,
        )
        facts = _about_facts(spreadsheets.table_xlsx_bytes(model.export, "Register", about=model.about))
        assert facts[t("period", lang)] == expected


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_density_map_says_when_its_hexagons_add_up_to_more_than_its_total(store, lang):
    """Amsterdam's map of 2025: its hexagons added up to about a quarter more reports than the
    map's own total (every block of 1 to 4 reports publishes 0 or 5, and most hexagon-blocks hold
    one report), and no sentence said so; a reader adding them up quoted the larger number."""
    from vsdash import maps, publication
    from vsdash.i18n import fmt_number
    from vsdash.views.map import build_map

    year = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    boundaries = maps.prepare_boundaries(None, None, "GM0363", missing_reason="-", lang=lang)
    model = build_map(
        store,
        gemeente="GM0363",
        codes=("GM0363",),
        start=year[0],
        end=year[1],
        label="Amsterdam",
        boundaries=boundaries,
        lang=lang,
    )
    hexagons = publication.published_hexagons(store, ("GM0363",), *year, lang=lang)
    summed = int(hexagons.cells["count"].dropna().sum())
    assert summed > hexagons.total, "the case needs hexagons that add up to more than the total"
    note = [n for n in model.density_notes if fmt_number(summed, lang) in n]
    assert note and fmt_number(hexagons.total, lang) in note[0]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_public_import_log_does_not_publish_the_size_of_a_report_import(tmp_path, lang):
    """Gegevens' import log, open to everyone, listed "week.csv · reports · 2 · 0 · 2 · 0": the exact
    number of reports of a quiet week, untouched by any privacy step (the first audit removed the
    same number from Overzicht's "what is new"). Its headings were the store's column names
    (tijdstip, aanvaard ...) on the English page too. Now the public sees no row counts of report
    imports, in headings of its language; a signed-in administrator still sees them."""
    from vsdash import ingest, publication
    from vsdash.i18n import t
    from vsdash.store import Store

    opened = Store(f"duckdb:///{tmp_path / 'real.duckdb'}")
    try:
        data = (
            b"Meldingsnummer;Datum melding;Soort;Bron\n1;01-03-2024;verbaal;App\n2;02-03-2024;verbaal;App\n"
        )
        ingest.import_file(opened, data, "reports", file_name="week.csv", gemeente="GM0268")
        log = opened.import_log()
    finally:
        opened.close()
    public = publication.public_import_log(log, admin=False, lang=lang)
    row = public.iloc[0]
    assert row[t("data_log_col_file", lang)] == "week.csv"
    assert row[t("data_log_col_kind", lang)] == t("data_kind_reports", lang)
    for column in publication.IMPORT_LOG_COUNTS:
        assert pd.isna(row[t(f"data_log_col_{column}", lang)]), column
    assert public.attrs["withheld"]
    assert "aanvaard" not in public.columns and "tijdstip" not in public.columns
    assert t("data_log_col_user", lang) not in public.columns  # who imported: administrators only
    admin = publication.public_import_log(log, admin=True, lang=lang).iloc[0]
    assert admin[t("data_log_col_geschreven", lang)] == 2 and not pd.isna(admin[t("data_log_col_user", lang)])


def test_programma_names_the_sources_of_its_characteristics_in_english_on_the_english_page(store):
    """The English Programma page's peers note ended "Sources: CBS StatLine 03759NED, bevolking op
    1 januari; G4: Amsterdam, Rotterdam, Den Haag en Utrecht; Gemeenten met een universiteit"."""
    from vsdash.views.programme import build_programme

    notes = {
        lang: build_programme(
            store,
            gemeente="GM0363",
            codes=("GM0363",),
            programma=None,
            start=dt.date(2025, 1, 1),
            end=dt.date(2025, 12, 31),
            label="Amsterdam",
            lang=lang,
        ).peers.note
        for lang in ("nl", "en")
    }
    for dutch in ("bevolking op", " en Utrecht", "Gemeenten met", "gemeenten met"):
        assert dutch not in notes["en"], dutch
    assert "population on 1 January" in notes["en"] and "bevolking op 1 januari" in notes["nl"]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_vergelijken_small_multiples_name_the_months_they_count(store, lang):
    """For 10 June - 20 August 2024 the small multiples drew June, July and August whole (1 June -
    31 August) under "count whole calendar months", and no sentence said that meant days outside
    the chosen period; a whole-month period gets no such sentence."""
    from vsdash.i18n import fmt_date
    from vsdash.views.comparison import build_comparison

    def caption(start, end):
        return build_comparison(
            store,
            gemeente="GM0344",
            programma=None,
            start=start,
            end=end,
            group_choice="G4",
            focus=None,
            metric="meldingen",
            boundaries=(None, "-"),
            lang=lang,
        ).trends_caption

    odd = caption(dt.date(2024, 6, 10), dt.date(2024, 8, 20))
    assert fmt_date(dt.date(2024, 6, 1), lang) in odd and fmt_date(dt.date(2024, 8, 31), lang) in odd
    whole = caption(dt.date(2024, 6, 1), dt.date(2024, 8, 31))
    assert fmt_date(dt.date(2024, 6, 1), lang) not in whole


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_vergelijken_texts_of_one_municipality_are_singular(store, lang):
    """Amsterdam alone in January 2019 (its only peers had no reporting point yet): "1 kleine
    lijngrafieken" and "de meldingsbereidheid van 1 gemeenten" ("1 small line charts")."""
    from vsdash.views.comparison import build_comparison

    model = build_comparison(
        store,
        gemeente="GM0363",
        programma=None,
        start=dt.date(2019, 1, 1),
        end=dt.date(2019, 1, 31),
        group_choice="vergelijkbaar",
        focus=None,
        metric="meldingen",
        boundaries=(None, "-"),
        lang=lang,
    )
    assert model.group == ("GM0363",), "the case needs a group of one"
    wrong = (
        ("1 kleine lijngrafieken", "van 1 gemeenten")
        if lang == "nl"
        else ("1 small line charts", "of 1 municipalities")
    )
    texts = model.trends.alt + " " + model.ratio.alt
    assert not any(w in texts for w in wrong), texts


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_knowledge_search_compares_no_reports_around_an_activity_that_did_not_take_place(store, lang):
    """'Safe Clubbing': Nijmegen's cancelled training read "voor 5, na 0, verschil −5" and
    Dordrecht's postponed one "0, 5, +5", changes around dates on which nothing happened."""
    from vsdash.i18n import t
    from vsdash.knowledge import NOT_HELD, search_knowledge

    found = search_knowledge(store, "Safe Clubbing", lang=lang)
    statuses = {key: t(f"act_status_{key}", lang) for key in NOT_HELD}
    not_held = found[found["status"].isin(statuses.values())]
    held = found[~found["status"].isin(statuses.values())]
    assert len(not_held) >= 2 and len(held) >= 2, "the case needs activities of both kinds"
    for row in not_held.itertuples():
        assert (row.voor, row.na, row.verschil) == ("–", "–", "–")
        assert row.venster.startswith("Niet vergeleken" if lang == "nl" else "Not compared")
    assert held["voor"].ne("–").any()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_risk_area_month_says_it_counts_the_weeks_that_begin_in_it(store, lang):
    """Amsterdam Centraal over 2025, "meldingen per maand": January's point counted the weeks of
    6 January - 2 February (the store counts risk areas per week; 1-5 January belongs to the week
    of 30 December), and the text called it a month without saying so."""
    import pandas as pd

    from vsdash.store import ReportFilter
    from vsdash.views.map import build_risk_area

    year = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    detail = build_risk_area(
        store,
        codes=("GM0363",),
        start=year[0],
        end=year[1],
        risicogebied_id="GM0363-amsterdam-centraal",
        lang=lang,
    )
    weeks = store.area_counts(ReportFilter(("GM0363",), *year), "risicogebied_id", "week")
    mondays = pd.to_datetime(weeks["periode"]).dt.date
    assert min(mondays) == dt.date(2025, 1, 6), "January's first days belong to a week of 2024"
    assert (
        "weken die in die maand beginnen" if lang == "nl" else "weeks that begin in it"
    ) in detail.trend.alt


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_activity_status_text_keeps_covid_a_proper_name(store, lang):
    """Amsterdam's status chart text read "1 uitgesteld (covid-19)" ("1 postponed (covid-19)")."""
    from vsdash.views.activities import ActivityFilters, build_activities

    model = build_activities(
        store,
        codes=("GM0363",),
        start=dt.date(2025, 1, 1),
        end=dt.date(2025, 12, 31),
        filters=ActivityFilters(only_period=False),
        label="Amsterdam",
        lang=lang,
    )
    alt = model.status_chart.alt
    assert "(Covid-19)" in alt and "covid-19" not in alt, alt


def test_a_busy_risk_area_over_days_without_a_whole_week_says_it_counts_whole_weeks():
    """A busy area (weeks drawn) over Wednesday-Friday: no whole week, so no chart and a sentence
    about whole weeks, not the months sentence."""
    from vsdash import maps

    weekly = pd.DataFrame(
        {"risicogebied_id": "RG1", "periode": pd.to_datetime(["2025-03-10"]), "n": [40], "ckey": [7]}
    )
    measures = pd.DataFrame(columns=["risicogebied_id", "datum", "maatregel"])
    days = (dt.date(2025, 3, 12), dt.date(2025, 3, 14))
    assert maps.risk_area_trend(weekly, measures, "RG1", "Neude", *days, lang="nl") is None
    text = maps.risk_area_trend_missing(weekly, "RG1", "Neude", *days, lang="nl")
    assert "hele week" in text and "hele maand" not in text


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_vergelijken_activity_map_is_named_as_the_catalogue_names_the_figure(store, lang):
    """The map's activities were labelled "Aantal activiteiten" (all of them, it suggested) where
    it counts the activities that ran in the period, the catalogue's "Activiteiten in de periode",
    the same number as the key figure."""
    from vsdash import publication
    from vsdash.i18n import t
    from vsdash.indicators import indicator
    from vsdash.views.comparison import build_comparison

    model = build_comparison(
        store,
        gemeente="GM0363",
        programma=None,
        start=dt.date(2025, 1, 1),
        end=dt.date(2025, 12, 31),
        group_choice="G4",
        focus=None,
        metric="activiteiten",
        boundaries=(None, "-"),
        lang=lang,
    )
    name = indicator("activities").name(lang)
    table = model.map_chart.table.set_index(t("municipality", lang))
    assert name in table.columns and t("cmp_metric_activiteiten", lang) == name
    key = publication.key_figures(
        store, gemeente="GM0363", start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31)
    )
    assert table.loc["Amsterdam", name] == key.labels(lang)["activities"]


def test_a_cli_command_read_by_head_ends_without_a_traceback(demo_store_url, tmp_path):
    """`vsdash figures --json … | head` printed two tracebacks (BrokenPipeError, then again while
    reporting it as "Onverwachte fout"); the conventions promise people no traceback."""
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    # A copy: the module's store fixture holds the shared file open, and DuckDB lets one process in.
    copy = tmp_path / "copy.duckdb"
    shutil.copy(demo_store_url.removeprefix("duckdb:///"), copy)
    demo_store_url = f"duckdb:///{copy}"
    root = Path(__file__).resolve().parents[2]
    argv = [sys.executable, "-m", "vsdash", "figures", "--gemeente", "GM0363", "--from", "2025-01-01"]
    process = subprocess.Popen(
        [*argv, "--to", "2025-12-31", "--json", "--store", demo_store_url],
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    process.stdout.close()  # the reader goes away before anything is written
    _, err = process.communicate(timeout=120)
    assert b"Traceback" not in err and b"BrokenPipeError" not in err, err.decode()
    assert process.returncode == 141


# --- audit 2, found and left by the helper, fixed by the lead: the effect card ------------------------


def test_an_effect_caveat_writes_its_numbers_as_readers_of_the_page_do():
    from vsdash.effect_estimator import Diagnostic

    sparse = Diagnostic("effect_warn_sparse_pre", {"mean": 1.3})
    assert "1,3" in sparse.render("nl") and "1.3" not in sparse.render("nl")
    assert "1.3" in sparse.render("en")
    # A percentage is formatted when the sentence is written, so the English card is English too.
    bend = Diagnostic("effect_warn_trend_change_recent_up", {"date": dt.date(2025, 3, 3), "pct": 0.125})
    assert "12%" in bend.render("nl") and "3 maart 2025" in bend.render("nl")
    assert "12%" in bend.render("en") and "March" in bend.render("en")


def test_the_effect_cards_technical_method_is_in_the_pages_language(demo_store_url):
    from vsdash.store import Store
    from vsdash.views import campaigns as views

    store = Store(demo_store_url)
    try:
        names = dict(
            zip(store.municipalities()["gemeentecode"], store.municipalities()["weergavenaam"], strict=True)
        )
        inputs = views.effect_inputs(store)
        english = views.build_effect_card(
            inputs, campagne_id="lokaal-GM0363-1", code="GM0363", with_controls=True, names=names, lang="en"
        )
        dutch = views.build_effect_card(
            inputs, campagne_id="lokaal-GM0363-1", code="GM0363", with_controls=True, names=names, lang="nl"
        )
    finally:
        store.close()
    assert english.technical.startswith("Negative binomial GLM on") or english.technical.startswith(
        "Poisson GLM on"
    )
    for word in ("weken", "vóór", "seizoensharmonischen", "blootstelling", "simulaties"):
        assert word not in english.technical
    assert "weken vóór de campagne" in dutch.technical
    # The margin of the extra reports is not received minus the margin of expected; the card says so.
    extra = next(m for m in english.metrics if m.label == "Extra reports")
    assert "not received minus the margin" in extra.help
