"""Defects found by the trust audit across surfaces (a council member quoting any figure must be right).

Each test pins one finding: a figure that differed between surfaces, or a sentence that
misread a figure, for a municipality of its own size and a period of its own kind.
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import pytest

from vsdash import publication
from vsdash.store import Store

# A short odd window (24 days): small Almelo is then counted over whole months (1 March - 30 April).
SHORT = (dt.date(2025, 3, 10), dt.date(2025, 4, 2))


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


def _meldingen(store, scope: dict, start: dt.date, end: dt.date, grain: str):
    from vsdash.views.reports import build_reports

    codes = publication.selection_codes(store, scope.get("gemeente"), scope.get("programma"), start, end)
    return build_reports(
        store,
        codes=codes,
        gemeente=scope.get("gemeente"),
        start=start,
        end=end,
        grain=grain,
        split="categorie",
        label="x",
        lang="nl",
    )


def test_meldingen_names_the_key_figure_total_of_a_group(store):
    """Meldingen's "n van de TOTAAL" is the total Overzicht, the slides and the API publish.

    For the programme in 2025 per week the page said "284 van de 18.437 meldingen" while
    Overzicht said 18.467: the group's own months were summed instead of its members' figures.
    """
    from vsdash.i18n import fmt_number

    year = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    scope = {"programma": "veilige_steden"}
    key = publication.key_figures(store, start=year[0], end=year[1], **scope)
    model = _meldingen(store, scope, *year, "week")
    hidden = [note for note in model.trend.notes if "niet apart" in note]
    assert len(hidden) == 1
    assert f"van de {fmt_number(key.reports, 'nl')} meldingen" in hidden[0]
    shown = float(model.trend.chart.table.iloc[:, 1].map(_number).sum())
    assert hidden[0].startswith(fmt_number(key.reports - int(round(shown)), "nl") + " van de")


def _number(label) -> float:
    """A Dutch label as a number; an empty or hidden cell ("–", "<5", NaN) counts as nothing shown."""
    text = str(label).replace(".", "").replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        return 0.0
    return 0.0 if value != value else value


def test_the_not_shown_sentence_names_perturbation_as_a_cause(store):
    """A group's total is the sum of its members' figures, its chart the group's own cells.

    Twelve whole months leave no partial period, yet Overzicht said the 30 reports not in the
    chart "vallen in de gedeeltelijke weken of maanden": the difference is perturbation.
    """
    from vsdash.views.overview import build_overview

    year = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    model = build_overview(
        store, gemeente=None, programma="veilige_steden", start=year[0], end=year[1], label="x", lang="nl"
    )
    assert model.key.hidden, "the case needs a group whose chart and total differ"
    (note,) = [n for n in model.trend_notes if "niet apart" in n]
    assert "licht veranderd" in note


def test_meldingen_per_month_without_a_whole_month_says_so(store):
    """A 24-day window counted in weeks has no whole month: the page says to choose weeks.

    It drew an empty chart under "213 van de 213 meldingen staan niet apart in de grafiek".
    """
    model = _meldingen(store, {"gemeente": "GM0344"}, *SHORT, "month")
    assert model.trend.chart is None
    assert "hele maand" in model.trend.message
    assert not any("niet apart" in note for note in model.trend.notes)


def test_meldingen_split_says_what_its_bars_leave_out(store):
    """The stacked split's bars add up to fewer reports than the total: the page says how many.

    Almelo, 10 March - 2 April (demo store): bars of 48 under a total of 53, without a word.
    """
    from vsdash import schema
    from vsdash.i18n import fmt_number, t

    gaps = 0
    for scope, period, grain in [
        ({"gemeente": "GM0344"}, SHORT, "week"),
        ({"gemeente": "GM0344"}, (dt.date(2025, 1, 1), dt.date(2025, 12, 31)), "month"),
        ({"programma": "veilige_steden"}, SHORT, "week"),
        ({"gemeente": "GM0363"}, SHORT, "week"),
    ]:
        key = publication.key_figures(store, start=period[0], end=period[1], **scope)
        model = _meldingen(store, scope, *period, grain)
        assert model.parts.chart is not None
        table = model.parts.chart.table
        columns = [t(f"rep_{c}", "nl") for c in schema.REPORT_CATEGORIES if t(f"rep_{c}", "nl") in table]
        shown = int(round(sum(_number(v) for v in table[columns].to_numpy().ravel())))
        notes = [n for n in model.parts.notes if "niet apart" in n]
        if shown < key.reports:
            gaps += 1
            assert len(notes) == 1, (scope, period)
            assert notes[0].startswith(f"{fmt_number(key.reports - shown, 'nl')} van de {key.reports_label}")
        else:
            assert not notes
    assert gaps, "no case whose bars leave reports out"


@pytest.mark.parametrize(
    ("grain", "periods", "last"),
    [
        ("month", pd.date_range("2025-11-01", "2026-10-01", freq="MS"), "31 oktober 2026"),
        ("week", pd.date_range("2025-03-10", "2025-03-31", freq="W-MON"), "6 april 2025"),
        ("day", pd.date_range("2025-03-10", "2025-04-02", freq="D"), "2 april 2025"),
    ],
)
def test_trend_text_alternative_ends_on_the_last_day_shown(grain, periods, last):
    """The chart's sentence names the last day it covers, not the first day of its last period.

    Utrecht's last 12 months read "van 1 november 2025 tot 1 oktober 2026": October looked left out.
    """
    from vsdash import charts

    series = pd.DataFrame({"periode": periods, "n": 10.0, "label": "10"})
    none = pd.DataFrame(columns=["naam", "start", "eind", "schaal"])
    breaks = pd.DataFrame(columns=["datum", "soort_breuk", "label", "gemeentecode"])
    spec = charts.report_trend_chart(series, none, breaks, grain=grain, lang="nl")
    assert f"tot en met {last}:" in spec.alt


def test_a_chart_of_months_has_month_ticks_even_over_two_months():
    """Two monthly points got ticks "1 mrt 2025, 8 mrt, 15 mrt ...", which read as weekly data."""
    from vsdash import charts

    series = pd.DataFrame({"periode": pd.to_datetime(["2025-03-01", "2025-04-01"]), "n": 20.0, "label": "20"})
    none = pd.DataFrame(columns=["naam", "start", "eind", "schaal"])
    breaks = pd.DataFrame(columns=["datum", "soort_breuk", "label", "gemeentecode"])
    spec = charts.report_trend_chart(series, none, breaks, grain="month", lang="nl")
    assert list(spec.figure.layout.xaxis.ticktext) == ["mrt 2025", "apr"]
    # Weeks over the same span keep their days.
    weeks = series.assign(periode=pd.to_datetime(["2025-03-03", "2025-03-31"]))
    spec = charts.report_trend_chart(weeks, none, breaks, grain="week", lang="nl")
    assert spec.figure.layout.xaxis.ticktext[0] == "3 mrt 2025"


def test_key_figure_labels_are_written_in_the_language_asked_for(store):
    """Figures computed for a Dutch page gave "5.591" as the English report count too."""
    year = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    figures = publication.key_figures(store, start=year[0], end=year[1], lang="nl")
    assert figures.reports >= 1000, "the case needs a count with a thousands separator"
    assert figures.labels("en")["reports"] == f"{figures.reports:,}"
    assert figures.labels("nl")["reports"] == f"{figures.reports:,}".replace(",", ".")


def test_whats_new_does_not_name_the_size_of_a_report_import(tmp_path):
    """An import of 2 reports read "Import 'week.csv' op ...: 2 rijen" on Overzicht.

    The size of an import is an exact count of reports that no privacy step touched: a quiet
    week's import would publish its 1 to 4 reports (the health check names no count for this).
    """
    from vsdash import ingest
    from vsdash.views.overview import build_overview

    opened = Store(f"duckdb:///{tmp_path / 'real.duckdb'}")
    try:
        data = (
            b"Meldingsnummer;Datum melding;Soort;Bron\n1;01-03-2024;verbaal;App\n2;02-03-2024;verbaal;App\n"
        )
        ingest.import_file(opened, data, "reports", file_name="week.csv", gemeente="GM0268")
        model = build_overview(
            opened,
            gemeente="GM0268",
            programma=None,
            start=dt.date(2024, 1, 1),
            end=dt.date(2024, 3, 31),
            label="Nijmegen",
            lang="nl",
        )
    finally:
        opened.close()
    (item,) = [text for text in model.whats_new if "week.csv" in text]
    assert not re.search(r"\b2\b", item), item


def test_the_effect_slide_says_when_its_campaign_ran_before_the_period(store):
    """A deck for 10 March - 2 April 2025 showed Almelo's 2023 campaign under "Wat deed de laatste
    campagne?" while its other slides said "Campagnes in de periode: 0", without a word."""
    from vsdash import deck_text
    from vsdash.presentation import build_deck

    deck = build_deck(store, gemeente="GM0344", start=SHORT[0], end=SHORT[1], lang="nl", with_map=False)
    assert deck.effect is not None and deck.effect.end < SHORT[0], "the case needs an earlier campaign"
    lines = deck_text.effect_lines(deck)
    # The second line, which the app's slide shows beside the chart (the rest goes to the notes).
    assert "vóór de gekozen periode" in lines[1]
    # A campaign inside the period gets no such line.
    year = build_deck(
        store, gemeente="GM0344", start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31), with_map=False
    )
    assert year.effect is not None and year.effect.end >= dt.date(2025, 1, 1)
    assert not any("vóór de gekozen periode" in line for line in deck_text.effect_lines(year))


def test_a_risk_area_trend_without_a_whole_month_draws_no_empty_chart():
    """Almelo's risk area over 10 March - 2 April: no whole month to draw, and the x axis ran
    from -1 to 6 (plotly's numbers) under "Meldingen per maand"; a date axis then left an empty
    dated chart (audit 2), so there is no chart at all and the page says why."""
    from vsdash import maps

    weekly = pd.DataFrame(
        {
            "risicogebied_id": "RG1",
            "periode": pd.to_datetime(["2025-03-10", "2025-03-17", "2025-03-24", "2025-03-31"]),
            "n": [1, 2, 1, 3],
            "ckey": [11, 12, 13, 14],
        }
    )
    measures = pd.DataFrame(columns=["risicogebied_id", "datum", "maatregel"])
    assert maps.risk_area_trend(weekly, measures, "RG1", "Grotestraat", *SHORT, lang="nl") is None
    spec = maps.risk_area_trend(
        weekly, measures, "RG1", "Grotestraat", SHORT[0], dt.date(2025, 4, 30), lang="nl"
    )
    assert spec.figure.layout.xaxis.type == "date" and len(spec.table) == 1


def test_a_municipality_without_reporting_point_gets_no_bare_trend_heading_or_negative_axis(store):
    """Leeuwarden's Overzicht: "Meldingen per maand" with nothing under it, and the activities'
    all-zero bars on an axis from -1 to 1 in steps of 0,5."""
    from vsdash.views.overview import build_overview

    model = build_overview(
        store,
        gemeente="GM0080",
        programma=None,
        start=dt.date(2025, 11, 1),
        end=dt.date(2026, 10, 31),
        label="Leeuwarden",
        lang="nl",
    )
    assert not model.key.has_channel
    assert model.trend is None and model.trend_message
    # Overzicht's activities are an SVG (issue 17): its axis ticks are whole numbers from 0.
    ticks = _svg_texts(model.activities.svg)
    assert "0" in ticks and "1" in ticks
    assert not any(mark in tick for tick in ticks for mark in (",", "-", "\u2212"))  # no halves, no -1


def _svg_texts(svg: str) -> list[str]:
    """The texts an SVG shows (its <text> elements), in order."""
    from xml.etree import ElementTree

    return [
        "".join(el.itertext()).strip()
        for el in ElementTree.fromstring(svg.encode()).iter("{http://www.w3.org/2000/svg}text")
    ]


def test_the_english_split_names_being_followed_as_harassment():
    """The English legend listed "Verbal, Non-verbal, Physical, Following, Other": "Following"
    reads as "the ones that follow", not as a kind of harassment."""
    from vsdash import schema
    from vsdash.i18n import t

    names = [t(f"rep_{c}", "en") for c in schema.REPORT_CATEGORIES]
    assert "Following" not in names and "Being followed" in names


def test_the_heat_map_says_why_its_cells_add_up_to_another_total(store):
    """Utrecht's last 12 months (demo store): "Heat map of 2,354 reports" under a key figure of
    2,402, unexplained. Here the programme's year, large enough for a heat map in the test store."""
    from vsdash.i18n import fmt_number

    period = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    scope = {"programma": "veilige_steden"}
    key = publication.key_figures(store, start=period[0], end=period[1], **scope)
    hours = publication.published_hours(store, key.codes, *period)
    assert hours.allowed and hours.total != key.reports, "the case needs a heat map whose cells differ"
    model = _meldingen(store, scope, *period, "month")
    (note,) = [n for n in model.hours.notes if "Samen tellen de vakken" in n]
    assert fmt_number(hours.total, "nl") in note and key.reports_label in note


def test_the_deck_describes_the_protection_the_figures_have(store):
    """Every slide deck said "Aantallen van 1 tot 5 worden niet genoemd (‘<5’)", while no count is
    shown as "<5" since counts are perturbed (ADR 0006), and the pages say "licht veranderd"."""
    from vsdash.presentation import build_deck, caveats

    deck = build_deck(store, gemeente="GM0141", start=SHORT[0], end=SHORT[1], lang="nl", with_map=False)
    said = " ".join(caveats(deck))
    assert "<" not in said and "niet genoemd" not in said
    assert "licht veranderd" in said


def test_map_captions_name_the_source_in_the_readers_language_and_the_vintage_drawn(store, monkeypatch):
    """Vergelijken in English read "Bron: CBS, Kadaster"; the Kaart named boundaries "2025"
    written into the code, while Vergelijken named the vintage drawn (a fetched 2026 one)."""
    import json

    from vsdash import geo, maps
    from vsdash.views.comparison import build_comparison

    geojson = json.loads(geo.load_municipality_boundaries().to_json(drop_id=True))

    page = build_comparison(
        store,
        gemeente="GM0344",
        programma=None,
        start=dt.date(2025, 1, 1),
        end=dt.date(2025, 12, 31),
        group_choice="alle",
        focus=None,
        metric="meldingen",
        boundaries=(geojson, ""),
        lang="en",
    )
    assert "Source: CBS, Kadaster" in page.map_caption and "Bron" not in page.map_caption

    monkeypatch.setattr(geo, "municipality_vintage_year", lambda: 2026)
    boundaries = maps.Boundaries()
    notes = " ".join(maps._base_notes(boundaries, "en", 5))
    assert "2026" in notes and "Source: CBS, Kadaster" in notes


def test_the_national_map_says_its_circles_are_the_municipalities_with_reports(store):
    """All municipalities, 10 March - 2 April: "een cirkel voor elk van de 15 gemeenten in alle
    gemeenten" (there are 342): the circles are the municipalities with reports."""
    from vsdash import maps
    from vsdash.store import ReportFilter

    counts = store.count_reports(ReportFilter(None, *SHORT), "month", ("gemeentecode",))
    totals = maps.municipality_totals(counts, store.municipalities())
    spec = maps.national_map(totals, maps.Boundaries(), label="Alle gemeenten", lang="nl")
    assert "in alle gemeenten" not in spec.alt
    assert f"{len(totals)} gemeenten met meldingen" in spec.alt
