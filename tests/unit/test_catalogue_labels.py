"""One figure, one name: every label a reader sees on a catalogued figure is the catalogue's.

A council member who reads "Ervaren intimidatie" on a slide and looks it up in the definitions
(the Excel "Toelichting" sheet, docs/indicatoren.md, the help "?" of a metric) must find the same
name there. For one selection in Dutch and English this collects the labels of every catalogued
figure from Overzicht's key figures and its download, the key-figures slide (its items and the
PPTX), the council letter (its rows and the .docx table), the Excel definitions, ``vsdash figures``
and ``vsdash figures --json``, and checks each is the catalogue's name or short name for that
indicator.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json

import pytest

from vsdash import cli, council_letter, deck_pptx, deck_text, spreadsheets
from vsdash.i18n import t
from vsdash.indicators import BY_ID, CATALOGUE, catalogue_markdown, indicator
from vsdash.presentation import build_deck
from vsdash.views.overview import build_overview

LANGS = ("nl", "en")
# A municipality with a survey round in the demo data, so the survey figures get labels too.
SELECTION = {"gemeente": "GM0363", "start": dt.date(2025, 1, 1), "end": dt.date(2025, 12, 31)}


def _check(surface: str, indicator_id: str, label: str, lang: str) -> None:
    entry = indicator(indicator_id)
    allowed = {entry.name(lang), entry.short_name(lang)}
    assert label in allowed, (
        f"{surface} ({lang}) labels {indicator_id} {label!r}; the catalogue calls it {entry.name(lang)!r}"
        f" (short: {entry.short_name(lang)!r})"
    )


def _which(label: str, lang: str) -> str:
    """The one catalogue id whose name or short name is ``label`` (fails for none or several)."""
    found = [ind.id for ind in CATALOGUE if label in (ind.name(lang), ind.short_name(lang))]
    assert len(found) == 1, f"{label!r} ({lang}) is the name or short name of {found or 'no indicator'}"
    return found[0]


@pytest.fixture(scope="module")
def overviews(store):
    return {
        lang: build_overview(store, programma=None, label="Amsterdam", lang=lang, **SELECTION)
        for lang in LANGS
    }


@pytest.fixture(scope="module")
def decks(store):
    return {lang: build_deck(store, programma=None, lang=lang, with_map=False, **SELECTION) for lang in LANGS}


def _cli(url: str, lang: str, *extra: str) -> str:
    argv = ["figures", "--gemeente", SELECTION["gemeente"], "--lang", lang, "--store", url]
    argv += ["--from", SELECTION["start"].isoformat(), "--to", SELECTION["end"].isoformat(), *extra]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert cli.main(argv) == 0
    return out.getvalue()


@pytest.mark.parametrize("lang", LANGS)
def test_overview_key_figures_are_labelled_as_the_catalogue(overviews, lang):
    model = overviews[lang]
    tiles = [*model.metrics, *model.survey_metrics]
    # Every tile is a catalogued figure: the feelings of unsafety had no entry of their own.
    assert all(m.indicator for m in tiles), [m.label for m in tiles if not m.indicator]
    for tile in tiles:
        _check("Overzicht", tile.indicator, tile.label, lang)
        entry = indicator(tile.indicator)
        if tile.label != entry.name(lang):
            # The help "?" connects the short label with the name in the definitions.
            assert tile.help.startswith(entry.glossed_name(lang)), (tile.label, tile.help)
    shown = {m.indicator for m in tiles}
    assert shown == {
        "reports",
        "rate_per_10k_per_year",
        "change",
        "campaigns",
        "survey_prevalence",
        "reporting_ratio",
        "survey_unsafe_neighbourhood",
        "survey_unsafe_night",
    }
    # The key figures' download names each figure by its catalogue id.
    for key, name in model.key_table.iloc[:, :2].itertuples(index=False):
        _check("Overzicht download", key, name, lang)


@pytest.mark.parametrize("lang", LANGS)
def test_the_key_figures_slide_is_labelled_as_the_catalogue(decks, lang):
    deck = decks[lang]
    items = deck_text.key_figure_items(deck)
    for key, (label, _value, _note) in zip(deck_text.KEY_FIGURE_IDS, items, strict=True):
        _check("key-figures slide", key, label, lang)
    from pptx import Presentation

    slide = Presentation(io.BytesIO(deck_pptx.deck_to_pptx(deck))).slides[0]
    boxes = {shape.text_frame.text for shape in slide.shapes if shape.has_text_frame}
    for label, _value, _note in items:
        assert label in boxes, (label, boxes)


@pytest.mark.parametrize("lang", LANGS)
def test_the_council_letter_names_the_figures_as_the_catalogue(decks, lang):
    from docx import Document

    deck = decks[lang]
    names = [name for name, _value, _note in council_letter.key_figure_rows(deck)]
    ids = [_which(name, lang) for name in names]
    assert {"reports", "rate_per_10k_per_year", "survey_prevalence", "reporting_ratio", "change"} <= set(ids)
    document = Document(io.BytesIO(council_letter.council_letter_docx(deck, made_on=dt.date(2026, 1, 5))))
    written = [
        row.cells[0].text for table in document.tables for row in table.rows[1:] if row.cells[0].text in names
    ]
    assert written == names


@pytest.mark.parametrize("lang", LANGS)
def test_the_excel_definitions_show_the_short_name_beside_the_name(overviews, lang):
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(spreadsheets.table_xlsx_bytes(overviews[lang].key_table, lang=lang)))
    sheet = book[t("sheet_about", lang)]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    header = rows.index([t(key, lang) for key in spreadsheets._DEFINITION_HEADINGS])
    definitions = {row[0]: row[1] for row in rows[header + 1 :] if row and row[0] in BY_ID}
    assert set(definitions) == set(BY_ID)
    for key, name in definitions.items():
        entry = indicator(key)
        assert name == entry.glossed_name(lang)
        # The name cell holds both labels, so a label read on a slide is found here.
        assert entry.name(lang) in name and entry.short_name(lang) in name
    # A figure whose tile or slide label is short shows it: "Ervaren intimidatie: Straatintimidatie …".
    prevalence = indicator("survey_prevalence")
    assert definitions["survey_prevalence"] == f"{prevalence.short_name(lang)}: {prevalence.name(lang)}"


def test_docs_name_every_short_label():
    text = catalogue_markdown()
    shortened = [ind for ind in CATALOGUE if ind.short_name_nl]
    assert {ind.id for ind in shortened} >= {"survey_prevalence", "rate_per_10k_per_year"}
    for ind in shortened:
        section = text.split(f"## {ind.name_nl} (`{ind.id}`)")[1].split("\n## ")[0]
        assert f"**Korte naam** (tegels, dia's): {ind.short_name_nl}" in section
        assert f"*English: {ind.name_en} (short: {ind.short_name_en})." in section


@pytest.mark.parametrize("lang", LANGS)
def test_the_figures_command_labels_as_the_catalogue(demo_store_url, lang):
    printed = _cli(demo_store_url, lang).splitlines()
    rows = [line for line in printed if line and not line.startswith(" ") and line != t("demo_badge", lang)]
    labels = [line[:45].rstrip() for line in rows]
    ids = [_which(label, lang) for label in labels]
    assert set(ids) == {
        "reports",
        "rate_per_10k_per_year",
        "change",
        "campaigns",
        "activities",
        "survey_prevalence",
        "reporting_ratio",
    }


def test_the_figures_json_names_each_figure_as_the_catalogue(demo_store_url):
    payload = json.loads(_cli(demo_store_url, "nl", "--json"))
    names = payload["names"]
    # Every catalogued figure the JSON gives has its names beside it (previous_reports as previous.reports).
    assert {key for key in payload if key in BY_ID} | {"previous_reports"} == set(names)
    for key, given in names.items():
        for lang in LANGS:
            _check("figures --json", key, given[lang], lang)
            assert given[f"short_{lang}"] == indicator(key).short_name(lang)
