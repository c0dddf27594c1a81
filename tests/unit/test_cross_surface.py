"""One figure, one value: every surface shows the key figures of the publication layer.

For random selections (one municipality, a programme, everything; periods of a week to three
years) each key indicator must have the same value on the Overzicht page model, the Presenteren
deck, the PPTX's text, the CSV and XLSX downloads, Vergelijken's rates and ``vsdash figures``;
for the trust audit's selections also on ``GET /api/v1/figures``, ``vsdash export counts``, the
PDF, the council letter's .docx and the English deck.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import random

import pandas as pd
import pytest

from vsdash import cli, council_letter, deck_pdf, deck_pptx, deck_text, publication, spreadsheets
from vsdash.indicators import indicator
from vsdash.presentation import build_deck
from vsdash.store import Store
from vsdash.views.comparison import build_comparison
from vsdash.views.overview import build_overview


def _selections(store: Store, n: int = 8, seed: int = 13):
    rng = random.Random(seed)
    first, last = store.report_date_range()
    codes = sorted(set(store.channels()["gemeentecode"]))
    scopes = [{"gemeente": "GM0344"}, {"gemeente": "GM0080"}, {"programma": "veilige_steden"}, {}]
    found = []
    for i in range(n):
        scope = scopes[i] if i < len(scopes) else {"gemeente": rng.choice(codes)}
        days = rng.choice([7, 31, 92, 365, 730, 1095])
        start = first + dt.timedelta(days=rng.randrange(0, max(1, (last - first).days - days)))
        found.append((scope, start, min(last, start + dt.timedelta(days=days - 1))))
    return found


def _cli_json(url: str, scope: dict, start: dt.date, end: dt.date) -> dict:
    argv = ["figures", "--from", start.isoformat(), "--to", end.isoformat(), "--json", "--store", url]
    for key, value in scope.items():
        argv += [f"--{key}", value]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert cli.main(argv) == 0
    return json.loads(out.getvalue())


def _pptx_first_slide_text(data: bytes) -> str:
    from pptx import Presentation

    slide = Presentation(io.BytesIO(data)).slides[0]
    return " ".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)


@pytest.mark.parametrize("case", range(8))
def test_every_surface_shows_the_same_key_figures(store, demo_store_url, case):
    scope, start, end = _selections(store)[case]
    lang = "nl"
    figures = publication.key_figures(store, start=start, end=end, lang=lang, **scope)
    labels = figures.labels(lang)

    # Overzicht's page model
    model = build_overview(
        store, start=start, end=end, label="x", lang=lang, **{"gemeente": None, "programma": None, **scope}
    )
    assert model.key == figures
    shown = {m.label: m.value for m in model.metrics}
    assert shown["Meldingen"] == labels["reports"]
    assert shown["Per 10.000 inwoners per jaar"] == labels["rate"]
    assert shown["t.o.v. vorige periode"] == labels["change"]
    # Issue 19: the willingness to report and the prevalence it is made of.
    survey_row = {m.label: m.value for m in model.survey_metrics}
    assert survey_row["Meldingsbereidheid (per 1.000)"] == labels["reporting_ratio"]
    assert survey_row["Ervaren intimidatie"] == labels["survey_prevalence"]

    # Presenteren: the deck and its PPTX
    deck = build_deck(
        store,
        gemeente=scope.get("gemeente"),
        programma=scope.get("programma"),
        start=start,
        end=end,
        lang=lang,
        with_map=False,
    )
    assert deck.key.figures == figures
    assert (deck.key.reports, deck.key.change) == (labels["reports"], labels["change"])
    slide = _pptx_first_slide_text(deck_pptx.deck_to_pptx(deck))
    for value in (labels["reports"], labels["change"], labels["activities"]):
        assert value in slide
    if figures.rate_per_10k_per_year is not None:
        assert labels["rate"] in slide
    # Issue 19: the willingness to report beside the rate on the key-figure slide, or why there is none.
    items = {label: (value, note) for label, value, note in deck_text.key_figure_items(deck)}
    ratio_value, ratio_note = items[indicator("reporting_ratio").short_name(lang)]
    assert ratio_value == labels["reporting_ratio"]
    assert "Meldingsbereidheid" in slide and ratio_note in slide
    if figures.survey is None:
        assert "geen enquêtecijfer" in ratio_note
    else:
        assert labels["survey_prevalence"] in ratio_note
        if figures.survey.ratio is not None:
            assert labels["reporting_ratio"] in slide and labels["ratio_interval"] in ratio_note

    # The council letter: the same ratio and prevalence, in the catalogue's words
    letter = {name: (value, note) for name, value, note in council_letter.key_figure_rows(deck)}
    assert letter[indicator("reporting_ratio").name_nl][0] == labels["reporting_ratio"]
    assert letter[indicator("survey_prevalence").name_nl][0] == labels["survey_prevalence"]
    if figures.survey is None:
        assert letter[indicator("survey_prevalence").name_nl][1] == figures.reason_text(
            "survey_prevalence", lang
        )

    # Downloads: the same numbers, as numbers
    table = publication.key_figures_table(figures, lang)
    csv = pd.read_csv(
        io.BytesIO(spreadsheets.table_csv_bytes(table)), sep=";", decimal=",", encoding="utf-8-sig"
    )
    by_id = csv.set_index("indicator")["waarde"]
    assert _same(by_id["reports"], figures.reports)
    assert _same(by_id["rate_per_10k_per_year"], figures.as_json()["rate_per_10k_per_year"])
    assert _same(by_id["change"], figures.as_json()["change"])
    xlsx = pd.read_excel(io.BytesIO(spreadsheets.table_xlsx_bytes(table, "kerncijfers"))).set_index(
        "indicator"
    )
    assert _same(xlsx.loc["activities", "waarde"], figures.activities)
    data = figures.as_json()
    for key in ("survey_prevalence", "reporting_ratio"):
        assert _same(by_id[key], data[key])
        assert _same(csv.set_index("indicator").loc[key, "laag"], data[f"{key}_low"])
        assert _same(xlsx.loc[key, "waarde"], data[key])

    # The command line
    assert _cli_json(demo_store_url, scope, start, end) == json.loads(json.dumps(figures.as_json()))

    # Vergelijken's rows (publication.member_figures): the same rate, and a group is their sum
    codes = figures.codes if figures.codes is not None else sorted(set(store.channels()["gemeentecode"]))
    rows = publication.member_figures(store, codes, start, end)
    assert int(rows["n"].sum()) == figures.reports or not figures.has_channel
    if scope.get("gemeente") and figures.rate_per_10k_per_year is not None:
        assert rows["rate"].iloc[0] == pytest.approx(figures.rate_per_10k_per_year)
    # ... and the same reporting ratio: one municipality's row is its figure, a group's the sums.
    with_ratio = rows[rows["ratio"].notna()]
    if figures.survey is not None and figures.survey.ratio is not None:
        assert figures.survey.ratio == pytest.approx(with_ratio["n"].sum() / with_ratio["ervaren"].sum())
        if scope.get("gemeente"):
            assert rows["ratio"].iloc[0] == pytest.approx(figures.survey.ratio)
    else:
        assert with_ratio.empty
    # ... and on Vergelijken's willingness chart, one municipality's row shows the same ratio.
    if scope.get("gemeente"):
        page = build_comparison(
            store,
            gemeente=scope["gemeente"],
            programma=None,
            start=start,
            end=end,
            group_choice="alle",
            focus=None,
            metric="meldingen",
            boundaries=(None, "test"),
            lang=lang,
        )
        name = store.municipalities().set_index("gemeentecode")["weergavenaam"][scope["gemeente"]]
        own = page.ratio.table.set_index("Gemeente").loc[name, "Meldingsbereidheid"]
        if figures.survey is not None and figures.survey.ratio is not None:
            assert own == f"{labels['reporting_ratio']} ({labels['ratio_interval']})"
        else:
            assert own == ""


def _same(cell, value) -> bool:
    if value is None:
        return pd.isna(cell)
    return float(cell) == pytest.approx(float(value))


# --- a campaign's window: the effect card, the Campagnes page, the forest, the deck and its PPTX --


@pytest.mark.parametrize("code", ["GM0855", "GM0479"])
def test_a_campaign_window_has_one_published_count_on_every_surface(store, code):
    from vsdash import campaign_effects, privacy
    from vsdash.i18n import fmt_number
    from vsdash.views import campaigns as views

    first, last = store.report_date_range()
    deck = build_deck(
        store, gemeente=code, start=dt.date(2024, 1, 1), end=dt.date(2024, 12, 31), with_map=False
    )
    assert deck.effect is not None and deck.effect.estimate is not None, deck.effect_reason
    card_of_deck = deck.effect
    names = store.municipalities().set_index("gemeentecode")["weergavenaam"].to_dict()
    inputs = views.effect_inputs(store)
    # The deck uses the recommended settings (comparison municipalities), as the page by default.
    page = views.build_effect_card(
        inputs, campagne_id=card_of_deck.campagne_id, code=code, with_controls=True, names=names, lang="nl"
    )
    est = card_of_deck.estimate
    assert page.published.observed_label == card_of_deck.observed_label == fmt_number(est.observed, "nl")
    shown = {m.label: m.value for m in page.metrics}
    if not card_of_deck.hidden:
        assert shown["Binnengekomen"] == card_of_deck.observed_label
        assert shown["Verwacht"] == fmt_number(est.expected, "nl")
        assert shown["Extra meldingen"] == fmt_number(est.extra, "nl")
    pd.testing.assert_frame_equal(
        page.published.weekly.reset_index(drop=True), card_of_deck.weekly.reset_index(drop=True)
    )

    # The forest plot's row of the same campaign and municipality: the same published window.
    effects = campaign_effects.estimate_all_campaigns(
        inputs.weekly_counts,
        inputs.campaigns,
        inputs.channels,
        inputs.population,
        (first, last),
        codes=[code],
    )
    row = effects[effects["campagne_id"] == card_of_deck.campagne_id].iloc[0]
    assert int(row["observed"]) == est.observed

    # The card's weeks are the cells Overzicht publishes for those weeks (same reports, same key).
    weeks = page.published.weekly
    trend = publication.published_trend_of(
        store,
        (code,),
        weeks["week"].min().date(),
        weeks["week"].max().date() + dt.timedelta(days=6),
        grain="week",
    )
    by_week = trend.cells.set_index("periode")["n"]
    for week, value in zip(weeks["week"], weeks["observed"], strict=True):
        assert by_week[week] == value
    assert not weeks["observed"].between(1, privacy.resolve_k() - 1).any()

    # The PPTX's effect chart carries the published count, never the exact one.
    if not card_of_deck.hidden:
        from pptx import Presentation

        slides = Presentation(io.BytesIO(deck_pptx.deck_to_pptx(deck))).slides
        # One series per bar: "Binnengekomen" is the second category of the last series.
        values = [
            list(plot.series[-1].values)
            for slide in slides
            for shape in slide.shapes
            if shape.has_chart
            for plot in shape.chart.plots
            if list(plot.categories) == ["Verwacht zonder campagne", "Binnengekomen"]
        ]
        assert values and values[0][1] == est.observed


@pytest.mark.parametrize(
    ("code", "programma"),
    [("GM0344", None), ("GM0014", None), ("GM0141", None), ("GM0080", None), ("GM0344", "veilige_steden")],
)
def test_vergelijken_programma_and_the_peer_slide_compare_with_the_same_group(store, code, programma):
    """One definition of comparable municipalities (``characteristics.comparable_group``) everywhere."""
    from vsdash import characteristics, peers
    from vsdash.views.comparison import build_comparison
    from vsdash.views.programme import build_programme

    start, end = dt.date(2024, 1, 1), dt.date(2024, 12, 31)
    chosen = characteristics.comparable_group(store, gemeente=code, start=start, end=end, programma=programma)
    assert chosen.codes
    page = build_comparison(
        store,
        gemeente=code,
        programma=programma,
        start=start,
        end=end,
        group_choice="vergelijkbaar",
        focus=None,
        metric="meldingen",
        boundaries=(None, "test"),
        lang="nl",
    )
    slide = peers.peer_comparison(store, gemeente=code, start=start, end=end, programma=programma)
    assert page.group == (code, *chosen.codes)
    assert tuple(slide.table.loc[~slide.table["is_programme"], "gemeentecode"]) == page.group
    # The same sentence says how the group was chosen on the page and on the slide.
    assert (
        page.peer_note
        == slide.note
        == chosen.sentence(store.municipalities().set_index("gemeentecode")["weergavenaam"], "nl")
    )
    # Programma lists the same municipalities for it, when it shows the programme compared within.
    if chosen.is_member:
        model = build_programme(
            store,
            programma=chosen.programme,
            gemeente=code,
            codes=None,
            start=start,
            end=end,
            label="x",
            lang="nl",
        )
        row = model.peers.rows.set_index("gemeentecode").loc[code]
        names = store.municipalities().set_index("gemeentecode")["weergavenaam"]
        assert row["vergelijkbaar"].startswith(", ".join(names[c] for c in chosen.codes))


# --- the surfaces the test above does not reach: the HTTP API, `export counts`, the PDF, the
# council letter's .docx and the English deck (trust audit) ------------------------------------

AUDIT_SELECTIONS = [
    ({"gemeente": "GM0344"}, dt.date(2025, 11, 1), dt.date(2026, 10, 31)),  # the default: last 12 months
    ({"gemeente": "GM0141"}, dt.date(2025, 3, 10), dt.date(2025, 4, 2)),  # small, counted in months
    ({"gemeente": "GM0080"}, dt.date(2025, 1, 1), dt.date(2025, 12, 31)),  # no reporting point
    ({"programma": "veilige_steden"}, dt.date(2025, 3, 10), dt.date(2025, 4, 2)),
    ({}, dt.date(2025, 1, 1), dt.date(2025, 12, 31)),  # all municipalities, a calendar year
]


def _api_json(url: str, scope: dict, start: dt.date, end: dt.date) -> dict:
    import asyncio
    import concurrent.futures

    from vsdash.ui import server

    params = {"van": start.isoformat(), "tot": end.isoformat(), **scope}
    # In a thread of its own: a browser test's event loop may run in this worker's main thread.
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        response = pool.submit(asyncio.run, server.figures_response(url, params)).result()
    assert response.status_code == 200, response.body
    return json.loads(response.body)


def _docx_text(data: bytes) -> str:
    from docx import Document

    document = Document(io.BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return " ".join([p.text for p in document.paragraphs] + cells)


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return " ".join(
        " ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(data)).pages
    )


@pytest.mark.parametrize(("scope", "start", "end"), AUDIT_SELECTIONS)
def test_api_export_pdf_letter_and_english_deck_show_the_same_key_figures(
    store, demo_store_url, tmp_path, scope, start, end
):
    figures = publication.key_figures(store, start=start, end=end, **scope)
    published = json.loads(json.dumps(figures.as_json()))

    # GET /api/v1/figures: one municipality or one programme (it has no "all municipalities")
    if scope:
        assert _api_json(demo_store_url, scope, start, end) == published

    # `vsdash export counts --by gemeente`: each row and the total as the key figures publish them
    if "programma" not in scope:
        out = tmp_path / "counts.csv"
        argv = ["export", "counts", "--by", "gemeente", "--from", start.isoformat(), "--to", end.isoformat()]
        argv += ["--out", str(out), "--store", demo_store_url]
        argv += ["--gemeente", scope["gemeente"]] if scope else []
        if not figures.has_channel:
            # No reporting point is not zero reports: the export says so instead of writing 0.
            err = io.StringIO()
            with contextlib.redirect_stderr(err):
                assert cli.main(argv) == 2
            assert "geen meldpunt" in err.getvalue() and not out.exists()
        else:
            assert cli.main(argv) == 0
            rows = pd.read_csv(out, sep=";", decimal=",", encoding="utf-8-sig")
            total = rows.loc[rows["Gemeentecode"] == "Totaal", "Meldingen"]
            assert int(total.iloc[0]) == figures.reports

    # The deck as PDF and the council letter as .docx, in Dutch; the PPTX in English
    deck = build_deck(
        store,
        gemeente=scope.get("gemeente"),
        programma=scope.get("programma"),
        start=start,
        end=end,
        lang="nl",
        with_map=False,
    )
    labels = figures.labels("nl")
    pdf = _pdf_text(deck_pdf.deck_to_pdf(deck))
    letter = _docx_text(council_letter.council_letter_docx(deck))
    for value in (labels["reports"], labels["change"], labels["activities"]):
        assert value in pdf
        assert value in letter
    if figures.rate_per_10k_per_year is not None:
        assert labels["rate"] in pdf and labels["rate"] in letter
    assert figures.notes("nl")["counted"] in letter
    assert " ".join(figures.notes("nl")["counted"].split()) in pdf

    english = build_deck(
        store,
        gemeente=scope.get("gemeente"),
        programma=scope.get("programma"),
        start=start,
        end=end,
        lang="en",
        with_map=False,
    )
    assert english.key.figures == publication.key_figures(store, start=start, end=end, lang="en", **scope)
    slide = _pptx_first_slide_text(deck_pptx.deck_to_pptx(english))
    en = figures.labels("en")
    for value in (en["reports"], en["change"], en["activities"]):
        assert value in slide
    if figures.rate_per_10k_per_year is not None:
        assert en["rate"] in slide
