"""``python -m vsdash report`` for a programme and for all municipalities makes the Presenteren
page's files (english3).

The page runs as a reader sees it (AppTest, frame included) with the same selection in the
sidebar; its download buttons are recorded, so the test compares the very bytes a click sends
with the files the command writes: same name, same slides, same key figures, same letter.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
from pathlib import Path

import pytest

from tests.app.test_english_downloads import download_bytes, run_recorded
from vsdash.cli import main

PERIOD = (dt.date(2024, 1, 1), dt.date(2024, 12, 31))


@pytest.fixture(scope="module")
def cli_store(demo_store_url, tmp_path_factory) -> str:
    """A copy of the demo store for the command (the page keeps the original open)."""
    copy = tmp_path_factory.mktemp("report") / "demo.duckdb"
    shutil.copy(Path(demo_store_url.removeprefix("duckdb:///")), copy)
    return f"duckdb:///{copy}"


def _slides(data: bytes) -> list[str]:
    from pptx import Presentation

    return [
        " | ".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)
        for slide in Presentation(io.BytesIO(data)).slides
    ]


def _letter(data: bytes) -> list[str]:
    from docx import Document

    document = Document(io.BytesIO(data))
    return [p.text for p in document.paragraphs] + [
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    ]


def _report(store_url: str, out: Path, fmt: str, *selection: str, lang: str = "nl") -> Path:
    args = ["report", *selection, "--from", PERIOD[0].isoformat(), "--to", PERIOD[1].isoformat()]
    assert main([*args, "--format", fmt, "--taal", lang, "--store", store_url, "--out", str(out)]) == 0
    (written,) = [p for p in out.iterdir() if p.suffix == f".{fmt}"]
    return written


def _page(monkeypatch, store_url: str, lang: str, **sidebar):
    """The page's downloads by key, and its first slide's key figures (label, value)."""
    state = {"taal": lang, "periode": PERIOD, "dia": 1, **sidebar}
    at, downloads = run_recorded(monkeypatch, store_url, "pages/presenteren.py", state)
    return {d["key"]: d for d in downloads}, [(m.label, m.value) for m in at.metric]


@pytest.mark.parametrize(
    ("selection", "sidebar", "lang", "label"),
    [
        (
            ("--programma", "veilige_steden"),
            {"programma": "veilige_steden"},
            "nl",
            "Alle gemeenten (Veilige Steden)",
        ),
        ((), {}, "en", "All municipalities"),
    ],
    ids=["programma", "alle-gemeenten"],
)
def test_report_writes_the_presenteren_pages_files(
    monkeypatch, demo_store_url, cli_store, tmp_path, selection, sidebar, lang, label
):
    downloads, figures = _page(monkeypatch, demo_store_url, lang, **sidebar)
    written = _report(cli_store, tmp_path, "pptx", *selection, lang=lang)
    page_pptx = downloads["dia_pptx"]
    assert written.name == page_pptx["file_name"]  # the page's name, in the page's language
    slides = _slides(written.read_bytes())
    assert slides == _slides(download_bytes(page_pptx))
    assert label in slides[0]
    assert figures, "the key figures slide shows no figures"
    for name, value in figures:  # every figure of the page's first slide, as the slide shows it
        assert name in slides[0] and value in slides[0], (name, value, slides[0])

    letter = _report(cli_store, tmp_path, "docx", *selection, lang=lang)
    assert letter.name == downloads["dia_summary_docx"]["file_name"]
    assert _letter(letter.read_bytes()) == _letter(download_bytes(downloads["dia_summary_docx"]))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--programma", "geen_programma"],
            "--programma: 'geen_programma' is geen bekend programma; kies uit",
        ),
        (["--gemeente", "GM9999"], "--gemeente: 'GM9999' is geen bekende CBS-gemeentecode"),
    ],
)
def test_report_refuses_unknown_codes_in_dutch(cli_store, tmp_path, capsys, args, message):
    code = main(
        ["report", *args, "--from", "2024-01-01", "--to", "2024-12-31", "--format", "pdf"]
        + ["--store", cli_store, "--out", str(tmp_path / "deck.pdf")]
    )
    assert code != 0
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert not (tmp_path / "deck.pdf").exists()
