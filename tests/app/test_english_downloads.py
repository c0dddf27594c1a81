"""Every download of every page in English carries no Dutch headings, sheet names, notes or file
names; the Dutch downloads keep their Dutch (english3).

The pages run as a reader sees them (AppTest, the frame included); ``st.download_button`` is
recorded, so the test opens the very bytes a click would send: CSV, Excel, the summary (.md,
.txt) and the council letter (.docx). Data cells (municipality names, activity titles typed by
people) may be Dutch in any language; headings, sheet names, the "Toelichting"/"About" sheet and
its definitions, and file names may not.
"""

from __future__ import annotations

import io
import re

import pytest
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from tests.app.test_pages import PAGES, run_page
from vsdash.i18n import t
from vsdash.indicators import CATALOGUE

# Words a Dutch reader would recognise at once and an English one would not.
DUTCH = ("gemeente", "meldingen", "periode", "bron", "eenheid", "samenvatting", "inwoners", "toelichting")
DUTCH_WORD = re.compile("|".join(DUTCH), re.IGNORECASE)
# Import templates are the import's own file format: their column names are the field names of
# docs/data-dictionary.md (the import also reads English ones); only their file names are checked.
TEMPLATE_KEYS = re.compile(r"^tpl_")


def _record_downloads(monkeypatch) -> list[dict]:
    """Replace ``st.download_button`` (and the column method) by a recorder of what it would send."""
    found: list[dict] = []

    def record(label, data=None, file_name=None, mime=None, **kwargs):
        found.append({"label": label, "data": data, "file_name": file_name, "key": kwargs.get("key", "")})
        return False

    monkeypatch.setattr(st, "download_button", record)
    monkeypatch.setattr(DeltaGenerator, "download_button", lambda self, *a, **kw: record(*a, **kw))
    return found


def download_bytes(download: dict) -> bytes:
    data = download["data"]
    data = data() if callable(data) else data
    return data.encode() if isinstance(data, str) else data


def run_recorded(monkeypatch, store_url: str, page: str, state: dict):
    """Run ``page`` with ``state``; return the AppTest and the downloads its buttons would send."""
    found = _record_downloads(monkeypatch)
    at = run_page(monkeypatch, store_url, page, state)
    assert not at.exception, at.exception
    return at, found


def _page_downloads(monkeypatch, store_url: str, page: str, lang: str) -> list[dict]:
    state = {"taal": lang, "gemeente": "GM0344", "overview_downloads": True}  # Overzicht's panel open
    return run_recorded(monkeypatch, store_url, page, state)[1]


def _texts_to_check(download: dict) -> list[str]:
    """The headings, sheet names and notes of one download (not its data cells)."""
    name = download["file_name"]
    texts = [name]
    if TEMPLATE_KEYS.match(download["key"]) or name.endswith((".pptx", ".pdf", ".geojson")):
        return texts  # the slides have their own tests (test_deck_files); templates: see above
    content = download_bytes(download)
    if name.endswith(".csv"):
        texts.append(content.decode("utf-8-sig").splitlines()[0])  # the heading row
    elif name.endswith(".xlsx"):
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(content))
        texts += book.sheetnames
        *data_sheets, about = book.worksheets
        for sheet in data_sheets:
            texts += [str(c.value) for c in sheet[1] if c.value is not None]
        for row in about.iter_rows(values_only=True):
            cells = [str(v) for v in row if v is not None]
            # The table's title (a chart's text alternative naming places) and the selection are data.
            if cells and cells[0] in (t("sheet_about_title", "en"), t("sheet_about_selection", "en")):
                cells = cells[:1]
            texts += cells
    elif name.endswith((".md", ".txt")):
        texts += content.decode("utf-8").splitlines()[:1]  # the title; the body names places
    elif name.endswith(".docx"):
        from docx import Document

        document = Document(io.BytesIO(content))
        texts += [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    return texts


# One municipality with Overzicht's panel open; a programme with the Meldingen split by channel.
SELECTIONS = [
    {"gemeente": "GM0344", "overview_downloads": True},
    {"programma": "veilige_steden", "meldingen_split": "kanaal", "overview_downloads": True},
]


@pytest.mark.parametrize("selection", SELECTIONS, ids=["utrecht", "programma"])
@pytest.mark.parametrize("page", PAGES)
def test_english_downloads_carry_no_dutch(monkeypatch, demo_store_url, page, selection):
    _, downloads = run_recorded(monkeypatch, demo_store_url, page, {"taal": "en", **selection})
    assert downloads, f"{page}: no downloads found"
    dutch = [
        (download["file_name"], text)
        for download in downloads
        for text in _texts_to_check(download)
        if DUTCH_WORD.search(text)
    ]
    assert not dutch, f"{page}: Dutch in English downloads: {dutch}"


def test_english_definitions_sheet_is_the_catalogue_in_english(monkeypatch, demo_store_url):
    downloads = _page_downloads(monkeypatch, demo_store_url, "pages/overzicht.py", "en")
    (key_figures,) = [d for d in downloads if d["key"] == "overview_key_figures__xlsx"]
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(download_bytes(key_figures)))
    assert book.sheetnames == ["key figures", "About"]
    rows = [list(r) for r in book["About"].iter_rows(values_only=True)]
    by_id = {row[0]: row for row in rows if row and row[0] in {ind.id for ind in CATALOGUE}}
    for ind in CATALOGUE:
        expected = [ind.unit_en, ind.denominator_en, ind.period_rule_en, ind.privacy_rule_en, ind.source_en]
        assert by_id[ind.id][3:8] == expected, ind.id
    sheet = book["key figures"]
    unit = [c.value for c in sheet[1]].index("unit") + 1
    units = {sheet.cell(r, 1).value: sheet.cell(r, unit).value for r in range(2, sheet.max_row + 1)}
    assert units["reports"] == "reports" and units["inhabitants"] == "inhabitants"


def test_dutch_downloads_keep_their_dutch(monkeypatch, demo_store_url):
    """The Dutch files are what they were: Dutch definitions, units and sheet names, Dutch file names."""
    downloads = _page_downloads(monkeypatch, demo_store_url, "pages/overzicht.py", "nl")
    names = {d["key"]: d["file_name"] for d in downloads}
    assert names["overview_key_figures__xlsx"] == "kerncijfers.xlsx"
    assert names["overview_trend__csv"] == "meldingen-in-de-tijd.csv"
    (key_figures,) = [d for d in downloads if d["key"] == "overview_key_figures__xlsx"]
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(download_bytes(key_figures)))
    assert book.sheetnames == ["kerncijfers", "Toelichting"]
    rows = [list(r) for r in book["Toelichting"].iter_rows(values_only=True)]
    by_id = {row[0]: row for row in rows if row and row[0] in {ind.id for ind in CATALOGUE}}
    for ind in CATALOGUE:
        expected = [
            ind.definition_nl,
            ind.unit,
            ind.denominator,
            ind.period_rule,
            ind.privacy_rule,
            ind.source,
        ]
        assert by_id[ind.id][2:8] == expected, ind.id
    heading = download_bytes([d for d in downloads if d["key"] == "overview_key_figures__csv"][0]).decode(
        "utf-8-sig"
    )
    assert heading.splitlines()[0].startswith("indicator;naam;waarde;laag;hoog;eenheid;toelichting")
    assert ";meldingen;" in heading.splitlines()[1]


@pytest.mark.parametrize(
    ("lang", "summary", "letter"),
    [("nl", "samenvatting", "raadsinformatiebrief"), ("en", "summary", "council-letter")],
)
def test_presentation_files_are_named_in_the_readers_language(
    monkeypatch, demo_store_url, lang, summary, letter
):
    downloads = _page_downloads(monkeypatch, demo_store_url, "pages/presenteren.py", lang)
    names = {d["key"]: d["file_name"] for d in downloads}
    deck = "veilige-steden" if lang == "nl" else "safe-cities"
    assert re.fullmatch(rf"{deck}-GM0344-\d{{8}}-\d{{8}}\.pptx", names["dia_pptx"])
    stem = names["dia_pptx"].removesuffix(".pptx")
    assert names["dia_summary_txt"] == f"{stem}-{summary}.txt"
    assert names["dia_summary_docx"] == f"{stem}-{letter}.docx"
