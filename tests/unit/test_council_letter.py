"""The council letter (.docx) read back with python-docx: headings, key-figure table, caveats, sources."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import shutil
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from vsdash.cli import main
from vsdash.council_letter import council_letter_docx, key_figure_rows
from vsdash.i18n import fmt_percent, t
from vsdash.indicators import indicator
from vsdash.presentation import build_deck
from vsdash.store import Store
from vsdash.summary import council_sections

PERIOD = (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
MADE_ON = dt.date(2025, 2, 3)


@pytest.fixture(scope="module")
def store_file(demo_store_url, tmp_path_factory) -> Path:
    """A private copy of the demo store (one DuckDB file, one process)."""
    copy = tmp_path_factory.mktemp("letter") / "demo.duckdb"
    shutil.copy(demo_store_url.removeprefix("duckdb:///"), copy)
    return copy


def _deck(path: Path, lang: str = "nl", demo: bool = True, gemeente: str = "GM0344"):
    store = Store(f"duckdb:///{path}")
    try:
        if not demo:
            store.set_meta("demo", "nee")
        return build_deck(store, gemeente=gemeente, start=PERIOD[0], end=PERIOD[1], lang=lang, with_map=False)
    finally:
        if not demo:
            store.set_meta("demo", "ja")
        store.close()


@pytest.fixture(scope="module")
def utrecht(store_file):
    return _deck(store_file)


def _read(data: bytes):
    return Document(io.BytesIO(data))


def _headings(document) -> list[tuple[str, str]]:
    return [
        (p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))
    ]


def test_letter_has_the_raadsinformatiebrief_headings(utrecht):
    document = _read(council_letter_docx(utrecht, made_on=MADE_ON))
    assert _headings(document) == [
        ("Title", "Raadsinformatie: aanpak straatintimidatie, Utrecht"),
        ("Heading 1", "Aanleiding"),
        ("Heading 1", "Wat er gebeurde"),
        ("Heading 1", "Wat er veranderde in de meldingen"),
        ("Heading 1", "Kerncijfers"),
        ("Heading 1", "Kanttekeningen"),
        ("Heading 1", "Bronnen"),
    ]
    facts = {row.cells[0].text: row.cells[1].text for row in document.tables[0].rows}
    assert facts["Aan"] == "De leden van de gemeenteraad"
    assert facts["Periode"] == "1 januari 2024 – 31 december 2024"
    assert facts["Datum"] == "3 februari 2025"
    assert document.core_properties.title.endswith("Utrecht")
    assert document.styles["Normal"].element.rPr.find(qn("w:lang")).get(qn("w:val")) == "nl-NL"


def test_letter_says_what_the_summary_says(utrecht):
    document = _read(council_letter_docx(utrecht, made_on=MADE_ON))
    text = [p.text for p in document.paragraphs]
    parts = council_sections(utrecht)
    for part in (parts.opening, parts.done, parts.changed):
        assert part in text
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert bullets[: len(utrecht.caveats)] == list(utrecht.caveats)
    assert any("CBS StatLine 03759NED" in b for b in bullets)
    assert any("indicatoren.md" in b for b in bullets)


@pytest.mark.parametrize(("change", "word"), [(-0.06, "minder"), (0.12, "meer")])
def test_the_summary_says_a_change_in_words_without_a_sign(utrecht, change, word):
    """The change label carries a sign ("\u22126%", "+12%"); the sentence says "6% minder", not "\u22126% minder"."""
    figures = dataclasses.replace(utrecht.key.figures, change=change, previous_reports=1000)
    key = dataclasses.replace(utrecht.key, figures=figures, change=fmt_percent(change, "nl", sign=True))
    changed = council_sections(dataclasses.replace(utrecht, key=key)).changed
    pct = fmt_percent(abs(change), "nl")
    sentence = next(part for part in changed.split(". ") if part.startswith("Dat is"))
    assert sentence.startswith(f"Dat is {pct} {word} dan"), sentence


def test_key_figure_table_holds_the_published_figures(utrecht):
    document = _read(council_letter_docx(utrecht, made_on=MADE_ON))
    table = document.tables[1]
    header = table.rows[0]
    assert [c.text for c in header.cells] == ["Cijfer", "Waarde", "Toelichting"]
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None  # read out as the table's header
    rows = {row.cells[0].text: row.cells[1].text for row in table.rows[1:]}
    labels = utrecht.key.figures.labels("nl")
    assert rows[indicator("reports").name_nl] == labels["reports"] == utrecht.key.reports
    assert rows[indicator("rate_per_10k_per_year").name_nl] == labels["rate"]
    assert rows[indicator("change").name_nl] == labels["change"]
    assert rows[indicator("activities").name_nl] == labels["activities"]
    assert rows[indicator("funding_eur").name_nl].startswith("€\u00a0")
    assert len(table.rows) - 1 == len(key_figure_rows(utrecht))


def test_demo_data_is_flagged_and_real_data_is_not(utrecht, store_file):
    demo = _read(council_letter_docx(utrecht, made_on=MADE_ON))
    assert demo.paragraphs[1].text.startswith(t("demo_badge", "nl"))
    assert demo.paragraphs[1].runs[0].bold
    real = _read(council_letter_docx(_deck(store_file, demo=False), made_on=MADE_ON))
    # (The catalogue's sources say "import of demodata" for any store; the warning is what matters.)
    assert not any(t("demo_badge", "nl") in p.text or "fictief" in p.text for p in real.paragraphs)
    assert "demodata" not in real.core_properties.keywords and "demodata" in demo.core_properties.keywords


def test_english_letter(store_file):
    document = _read(council_letter_docx(_deck(store_file, lang="en"), made_on=MADE_ON))
    names = [text for _, text in _headings(document)]
    assert names[1:] == [
        "Occasion",
        "What happened",
        "What changed in the reports",
        "Key figures",
        "Caveats",
        "Sources",
    ]
    assert document.styles["Normal"].element.rPr.find(qn("w:lang")).get(qn("w:val")) == "en-GB"
    assert [c.text for c in document.tables[1].rows[0].cells] == ["Figure", "Value", "Note"]


def test_report_cli_writes_the_letter(store_file, tmp_path, capsys):
    out = tmp_path / "brief.docx"
    store_url = f"duckdb:///{store_file}"
    args = ["report", "--gemeente", "GM0344", "--from", "2024-01-01", "--to", "2024-12-31"]
    assert main([*args, "--format", "docx", "--store", store_url, "--out", str(out)]) == 0, (
        capsys.readouterr().err
    )
    document = Document(out)
    assert document.paragraphs[0].text == "Raadsinformatie: aanpak straatintimidatie, Utrecht"
    assert len(document.tables) == 2
    wrong = tmp_path / "brief.pdf"
    assert main([*args, "--format", "docx", "--store", store_url, "--out", str(wrong)]) == 2
    assert "eindigen op .docx" in capsys.readouterr().err and not wrong.exists()


def test_english_letter_names_its_sources_in_english(store_file):
    # The English letter listed "Meldpunten en apps van de gemeenten (import of demodata), tabel
    # reports" and "EUR 50.000 per jaar voor de G4": Dutch words and a Dutch thousands separator.
    document = _read(council_letter_docx(_deck(store_file, lang="en"), made_on=MADE_ON))
    texts = [p.text for p in document.paragraphs]
    listed = texts[texts.index("Sources") + 1 :]
    assert any("CBS StatLine" in text for text in listed)
    dutch = re.compile(r"\b(van|de|het|tabel|bevolking|jaar|voor|gemeenten|demodata|kolom)\b|\d\.\d{3}\b")
    assert not [text for text in listed if dutch.search(text)]
