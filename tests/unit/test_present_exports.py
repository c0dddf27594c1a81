"""The presentation deck, its PPTX and PDF exports, the council summary, table exports and the CLI."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from vsdash import deck_pdf, deck_pptx
from vsdash.i18n import fmt_number
from vsdash.presentation import SLIDES, build_deck
from vsdash.store import Store
from vsdash.summary import council_summary, summary_markdown

ROOT = Path(__file__).resolve().parents[2]
PERIOD = (dt.date(2024, 1, 1), dt.date(2024, 12, 31))


@pytest.fixture(scope="module")
def store_copy(demo_store_url, tmp_path_factory):
    """A private copy of the demo store (one DuckDB file, one process)."""
    source = Path(demo_store_url.removeprefix("duckdb:///"))
    copy = tmp_path_factory.mktemp("present") / "demo.duckdb"
    shutil.copy(source, copy)
    store = Store(f"duckdb:///{copy}")
    yield store
    store.close()


@pytest.fixture(scope="module")
def utrecht(store_copy):
    return build_deck(store_copy, gemeente="GM0344", start=PERIOD[0], end=PERIOD[1])


@pytest.fixture(scope="module")
def real_store(demo_store_url, tmp_path_factory):
    """A copy of the demo store with the demo flag cleared: exports must then carry no badge."""
    source = Path(demo_store_url.removeprefix("duckdb:///"))
    copy = tmp_path_factory.mktemp("real") / "real.duckdb"
    shutil.copy(source, copy)
    store = Store(f"duckdb:///{copy}")
    store.set_meta("demo", "nee")
    assert not store.is_demo()
    yield store
    store.close()


def _pptx_texts(data: bytes) -> list[str]:
    from pptx import Presentation

    prs = Presentation(io.BytesIO(data))
    return [
        " ".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)
        for slide in prs.slides
    ]


def test_deck_has_every_slide_and_an_effect(utrecht):
    assert utrecht.is_demo
    assert utrecht.effect is not None, utrecht.effect_reason
    assert utrecht.map_png.startswith(b"\x89PNG")
    assert utrecht.learned and utrecht.caveats[0] in utrecht.learned
    assert [utrecht.slide_title(s) for s in SLIDES][0] == "Utrecht in cijfers"


def test_pptx_has_slides_native_charts_names_and_badges(utrecht):
    from pptx import Presentation

    data = deck_pptx.deck_to_pptx(utrecht)
    prs = Presentation(io.BytesIO(data))
    assert len(prs.slides) == len(SLIDES) >= 5
    charts = [shape for slide in prs.slides for shape in slide.shapes if shape.has_chart]
    assert len(charts) >= 2
    kinds = {shape.chart.chart_type for shape in charts}
    assert len(kinds) >= 2  # a line chart (trend) and bar charts (effect, activities)
    for text in _pptx_texts(data):
        assert "Utrecht" in text
        assert "1 januari 2024" in text
        assert "Demodata — fictief" in text


def test_exports_of_real_data_carry_no_demo_badge(real_store):
    deck = build_deck(real_store, gemeente="GM0344", start=PERIOD[0], end=PERIOD[1], with_map=False)
    assert not deck.is_demo
    assert not any("Demodata" in text for text in _pptx_texts(deck_pptx.deck_to_pptx(deck)))
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(deck_pdf.deck_to_pdf(deck)))
    assert not any("Demodata" in page.extract_text() for page in reader.pages)
    assert not any("demodata" in p.lower() for p in council_summary(deck))


def test_pdf_has_one_page_per_slide_with_name_and_badge(utrecht):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(deck_pdf.deck_to_pdf(utrecht)))
    assert len(reader.pages) == len(SLIDES)
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert width / height == pytest.approx(16 / 9, rel=0.01)
    for page in reader.pages:
        text = page.extract_text()
        assert "Utrecht" in text and "Demodata — fictief" in text


def test_summary_writes_the_caveats_in(utrecht):
    text = " ".join(council_summary(utrecht))
    assert "meldingsbereidheid" in text
    assert "aantallen licht veranderd" in text  # perturbed counts (ADR 0006), no "<5"
    assert "1 juli 2024" in text and "strafbaar" in text  # the period crosses the criminalisation
    assert "demodata" in text
    assert summary_markdown(utrecht).startswith("# Raadsinformatie")


def test_summary_mentions_covid_and_channel_launches_when_they_apply(store_copy):
    deck = build_deck(
        store_copy, gemeente="GM0344", start=dt.date(2020, 6, 1), end=dt.date(2021, 5, 31), with_map=False
    )
    text = " ".join(council_summary(deck))
    assert "coronatijd" in text
    launches = deck.channel_launches
    if not launches.empty:
        assert "meldkanaal" in text


def test_summary_never_states_a_small_count(store_copy):
    """In a quiet week a municipality has 1..4 reports: the deck never states a count of 1..4."""
    from vsdash.store import ReportFilter

    weekly = store_copy.count_reports(
        ReportFilter(None, dt.date(2023, 1, 2), dt.date(2023, 12, 31)), "week", ("gemeentecode",)
    )
    small = weekly[(weekly["n"] >= 1) & (weekly["n"] <= 4)].iloc[0]
    start = small["periode"].date()
    found = build_deck(
        store_copy,
        gemeente=small["gemeentecode"],
        start=start,
        end=start + dt.timedelta(days=6),
        with_map=False,
    )
    assert 1 <= int(small["n"]) <= 4
    # Published over the counted weeks or months: 0 or at least 5, never the true small count.
    published = found.key.figures.reports
    assert published == 0 or published >= 5
    text = " ".join(council_summary(found)) + " " + " ".join(found.learned)
    assert not re.search(r"\b[1-4] meldingen", text)
    assert found.key.reports == fmt_number(published, "nl")


def test_all_municipalities_deck_explains_the_missing_effect(store_copy):
    deck = build_deck(store_copy, gemeente=None, start=PERIOD[0], end=PERIOD[1], with_map=False)
    assert deck.effect is None and "één gemeente" in deck.effect_reason
    assert len(_pptx_texts(deck_pptx.deck_to_pptx(deck))) == len(SLIDES)


def _cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "vsdash", "report", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--gemeente", "GM9999", "--from", "2024-01-01", "--to", "2024-12-31", "--format", "pdf"], "GM9999"),
        (["--gemeente", "GM0344", "--from", "2024-31-01", "--to", "2024-12-31", "--format", "pdf"], "--from"),
        (
            ["--gemeente", "GM0344", "--from", "2024-12-31", "--to", "2024-01-01", "--format", "pdf"],
            "na --to",
        ),
        (["--gemeente", "GM0344", "--from", "2010-01-01", "--to", "2010-12-31", "--format", "pdf"], "buiten"),
        (
            ["--gemeente", "GM0344", "--from", "2024-01-01", "--to", "2024-12-31", "--format", "doc"],
            "invalid",
        ),
    ],
)
def test_report_cli_refuses_bad_arguments_without_traceback(store_copy, tmp_path, args, message):
    out = tmp_path / "deck.pdf"
    result = _cli(*args, "--store", _other_copy(store_copy, tmp_path), "--out", str(out))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert message in result.stderr
    assert not out.exists()


def test_report_cli_refuses_a_wrong_suffix_and_a_missing_folder(tmp_path):
    result = _cli(
        "--gemeente",
        "GM0344",
        "--from",
        "2024-01-01",
        "--to",
        "2024-12-31",
        "--format",
        "pptx",
        "--out",
        str(tmp_path / "deck.pdf"),
    )
    assert result.returncode == 2 and "eindigen op .pptx" in result.stderr
    result = _cli(
        "--gemeente",
        "GM0344",
        "--from",
        "2024-01-01",
        "--to",
        "2024-12-31",
        "--format",
        "pdf",
        "--out",
        str(tmp_path / "nope" / "deck.pdf"),
    )
    assert result.returncode == 2 and "bestaat niet" in result.stderr


def test_report_cli_writes_a_pptx(store_copy, tmp_path):
    out = tmp_path / "utrecht.pptx"
    result = _cli(
        "--gemeente",
        "GM0344",
        "--from",
        "2024-01-01",
        "--to",
        "2024-12-31",
        "--format",
        "pptx",
        "--store",
        _other_copy(store_copy, tmp_path),
        "--out",
        str(out),
    )
    assert result.returncode == 0, result.stderr
    assert len(_pptx_texts(out.read_bytes())) == len(SLIDES)


def _other_copy(store: Store, tmp_path: Path) -> str:
    """The CLI runs in another process: give it its own copy of the store file."""
    source = Path(store.url.removeprefix("duckdb:///"))
    target = tmp_path / "cli.duckdb"
    if not target.exists():
        store.execute("CHECKPOINT")
        shutil.copy(source, target)
    return f"duckdb:///{target}"


def test_presentation_map_draws_the_kaarts_published_hexagons_only_where_large_enough(demo_store_url):
    # Issue 14: the deck's map reads the hexagons the Kaart publishes (perturbed, no 1..4), and
    # draws none where there are fewer than k reports per hexagon on average.
    import datetime as dt

    import h3

    from vsdash import presentation, privacy, publication
    from vsdash.store import ReportFilter, Store

    store = Store(demo_store_url)
    try:
        flt = ReportFilter(("GM0344",), dt.date(2024, 1, 1), dt.date(2024, 12, 31))
        drawn = presentation._hexes(store, flt, "nl")
        kaart = publication.published_hexagons(store, flt.gemeenten, flt.start, flt.end)
        assert kaart.allowed and len(drawn) == len(kaart.cells) > 10
        assert list(drawn["n"]) == list(kaart.cells["count"])
        assert drawn["n"].notna().all() and not drawn["n"].between(1, privacy.resolve_k() - 1).any()
        # A quarter of Amsterdam is too sparse for 0.7 km² hexagons: the 5 km² parents are drawn,
        # each the perturbed sum of its children (a cell of its own, from their combined key).
        quarter = publication.published_hexagons(
            store, ("GM0363",), dt.date(2024, 1, 1), dt.date(2024, 3, 31)
        )
        assert quarter.allowed and quarter.resolution == 7
        assert {h3.get_resolution(c) for c in quarter.cells["h3"]} == {7}
        assert quarter.total >= privacy.resolve_k() * len(quarter.cells)
        one_week = ReportFilter(("GM0479",), dt.date(2024, 3, 4), dt.date(2024, 3, 10))
        assert presentation._hexes(store, one_week, "nl").empty
        assert not publication.published_hexagons(
            store, one_week.gemeenten, one_week.start, one_week.end
        ).allowed
    finally:
        store.close()


def test_risk_areas_on_the_deck_and_the_kaart_are_sums_of_published_blocks_of_weeks(demo_store_url):
    # Issue 14 / ADR 0006: a risk area's count over a period is the sum of its published blocks of
    # weeks, on the Kaart's table and on the deck alike (the deck summed it without keys before,
    # which showed counts of 5 and more exactly).
    import datetime as dt

    from vsdash import maps, presentation, privacy
    from vsdash.store import ReportFilter, Store

    store = Store(demo_store_url)
    try:
        codes = ("GM0363",)
        flt = ReportFilter(codes, dt.date(2023, 2, 1), dt.date(2024, 5, 19))
        areas = store.risk_areas()
        areas = areas[areas["gemeentecode"].isin(codes)]
        blocks = store.area_counts(flt, "risicogebied_id", "block")
        assert set(blocks[privacy.BLOCK_COL].dt.date) <= {
            a for a, _ in privacy.week_blocks(dt.date(2023, 2, 6), dt.date(2024, 5, 13))
        }
        expected = {}
        for area, rows in blocks.groupby("risicogebied_id"):
            expected[area] = sum(privacy.published_count(int(r.n), int(r.ckey)) for r in rows.itertuples())
        table = maps.risk_area_table(areas, store.risk_area_measures(), blocks)
        assert dict(zip(table["risicogebied_id"], table["count"].astype(int), strict=True)) == {
            a: expected.get(a, 0) for a in table["risicogebied_id"]
        }
        exact = store.area_counts(flt, "risicogebied_id").set_index("risicogebied_id")["n"]
        assert (table.set_index("risicogebied_id")["count"] != exact.reindex(table["risicogebied_id"])).any()
        deck = presentation._risk_areas(store, flt, codes, "nl")
        assert list(deck["n"].astype(int)) == list(table["count"].astype(int))
        assert not deck["n"].between(1, privacy.resolve_k() - 1).any()
    finally:
        store.close()
