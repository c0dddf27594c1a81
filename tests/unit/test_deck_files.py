"""The PPTX and PDF read back: title placeholders, alternative texts, notes, templates, PDF/UA tags.

Decks follow the officer's composition (``Deck.slides``), so the tests compose their own: all
nine kinds, with a peer comparison and lessons they set themselves, and the same with no peers
and no lessons.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import itertools
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from vsdash import deck_pdf, deck_pptx, deck_text
from vsdash.presentation import SLIDE_KINDS, SlideSpec, build_deck
from vsdash.store import Store

ROOT = Path(__file__).resolve().parents[2]
PERIOD = (dt.date(2024, 1, 1), dt.date(2024, 6, 30))
WEEKS = (dt.date(2024, 1, 8), dt.date(2024, 6, 30))  # not whole months: counted and drawn per week
OWN_NOTE = "Vertel dat Groningen later begon."
OWN_TEXT = "Wat we gaan doen: <b>vet</b> & meer\nTweede regel"
PEERS = pd.DataFrame(
    {
        "gemeentecode": ["GM0344", "GM0363", "GM0599", "VS"],
        "naam": ["Utrecht", "Amsterdam", "Rotterdam", "Veilige Steden"],
        "rate": [12.0, 9.5, float("nan"), 10.3],
        "low": [10.1, 8.0, float("nan"), 9.9],
        "high": [13.9, 11.1, float("nan"), 10.7],
        "label": ["12,0", "9,5", "<5", "10,3"],
        "is_selection": [True, False, False, False],
        "is_programme": [False, False, False, True],
    }
)
LESSONS = pd.DataFrame(
    {
        "titel": ["Ben jij OK? bij de bushaltes"],
        "gemeente_naam": ["Utrecht"],
        "jaar": [2024],
        "uitkomst": ["Meer meldingen tijdens de campagne"],
        "lessen": ["Posters bij bushaltes werkten beter dan online advertenties."],
    }
)
COMPOSITION = (
    SlideSpec("tekst", title="Waarom we dit doen", text=OWN_TEXT),
    SlideSpec("kerncijfers"),
    SlideSpec("trend"),
    SlideSpec("effect"),
    SlideSpec("kaart"),
    SlideSpec("activiteiten"),
    SlideSpec("vergelijking", notes=OWN_NOTE),
    SlideSpec("lessen"),
    SlideSpec("geleerd"),
)


@pytest.fixture(scope="module")
def store(demo_store_url, tmp_path_factory):
    """A private copy of the demo store (one DuckDB file, one process)."""
    copy = tmp_path_factory.mktemp("deckfiles") / "demo.duckdb"
    shutil.copy(Path(demo_store_url.removeprefix("duckdb:///")), copy)
    opened = Store(f"duckdb:///{copy}")
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def utrecht(store):
    deck = build_deck(store, gemeente="GM0344", start=PERIOD[0], end=PERIOD[1])
    return dataclasses.replace(deck, slides=COMPOSITION, peers=PEERS, lessons_register=LESSONS)


@pytest.fixture(scope="module")
def utrecht_pptx(utrecht):
    return deck_pptx.deck_to_pptx(utrecht)


@pytest.fixture(scope="module")
def utrecht_pdf(utrecht):
    return deck_pdf.deck_to_pdf(utrecht)


def _open(data: bytes):
    from pptx import Presentation

    return Presentation(io.BytesIO(data))


def _texts(slide) -> str:
    return " ".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)


def test_assumption_the_composition_covers_every_kind():
    assert {spec.kind for spec in COMPOSITION} == set(SLIDE_KINDS)


# --- PPTX -----------------------------------------------------------------------------------


def test_every_slide_has_a_title_placeholder_in_the_officers_order(utrecht, utrecht_pptx):
    from pptx.enum.shapes import PP_PLACEHOLDER

    prs = _open(utrecht_pptx)
    assert len(prs.slides) == len(COMPOSITION)
    for slide, spec in zip(prs.slides, COMPOSITION, strict=True):
        title = slide.shapes.title
        assert title is not None and title.is_placeholder
        assert title.placeholder_format.type in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
        assert title.text_frame.text == deck_text.slide_title(utrecht, spec)
    assert prs.slides[0].shapes.title.text_frame.text == "Waarom we dit doen"


def test_titles_never_run_into_the_subtitle(utrecht, utrecht_pptx):
    prs = _open(utrecht_pptx)
    for slide in prs.slides:
        title = slide.shapes.title
        subtitle = next(shape for shape in slide.shapes if shape.name == "Ondertitel")
        assert subtitle.text_frame.text == utrecht.subtitle
        assert subtitle.top >= title.top + title.height
        size = title.text_frame.paragraphs[0].runs[0].font.size.pt
        lines = deck_pptx.wrapped_lines(title.text_frame.text, size, title.width / 914400, bold=True)
        assert lines * size * 1.2 / 72 <= title.height / 914400  # the box holds every line of the title


def test_a_long_title_shrinks_then_wraps_and_the_subtitle_moves_down(utrecht):
    long = "Wat we volgend jaar gaan doen in de binnenstad, rond het station en bij de uitgaansgebieden"
    deck = dataclasses.replace(
        utrecht, slides=(SlideSpec("tekst", title=long, text="x"), SlideSpec("kerncijfers"))
    )
    prs = _open(deck_pptx.deck_to_pptx(deck))
    wrapped, short = (slide.shapes.title for slide in prs.slides)
    assert wrapped.text_frame.paragraphs[0].runs[0].font.size.pt == deck_pptx.TITLE_MIN_PT
    assert wrapped.height > short.height
    for slide in prs.slides:
        subtitle = next(shape for shape in slide.shapes if shape.name == "Ondertitel")
        assert subtitle.top >= slide.shapes.title.top + slide.shapes.title.height
    assert deck_pptx.fit_title("Utrecht in cijfers", 9.9) == (deck_pptx.TITLE_MAX_PT, 1)


def test_every_picture_and_chart_has_alternative_text(utrecht, utrecht_pptx):
    prs = _open(utrecht_pptx)
    found = {}
    for slide, spec in zip(prs.slides, COMPOSITION, strict=True):
        for shape in slide.shapes:
            if shape.shape_type is not None and (shape.has_chart or shape.shape_type == 13):  # 13: picture
                descr = shape._element.xpath("./*[1]/p:cNvPr")[0].get("descr", "")
                assert len(descr) > 40 and not descr.endswith(".png"), (spec.kind, descr)
                found[spec.kind] = descr
    assert set(found) >= {"trend", "effect", "kaart", "activiteiten", "vergelijking"}
    assert found["trend"].startswith("Lijngrafiek") and "Utrecht" in found["trend"]
    assert "Neude" in found["kaart"] or "risicogebied" in found["kaart"].lower()
    assert "Amsterdam: 9,5 per 10.000 inwoners per jaar (95%: 8,0 tot 11,1)" in found["vergelijking"]
    assert "Rotterdam: <5" in found["vergelijking"]


def test_notes_carry_the_key_sentence_the_caveats_and_the_officers_notes(utrecht, utrecht_pptx):
    prs = _open(utrecht_pptx)
    willingness = "meldingsbereidheid"
    for slide, spec in zip(prs.slides, COMPOSITION, strict=True):
        notes = slide.notes_slide.notes_text_frame.text
        assert notes == deck_text.slide_notes(utrecht, spec)
        if spec.kind in deck_text.DATA_KINDS:
            assert willingness in notes and "Kanttekeningen" in notes
            assert deck_text.key_sentence(utrecht, spec) in notes
    by_kind = {
        spec.kind: slide.notes_slide.notes_text_frame.text
        for slide, spec in zip(prs.slides, COMPOSITION, strict=True)
    }
    assert by_kind["vergelijking"].endswith(OWN_NOTE)
    assert utrecht.key.reports in by_kind["kerncijfers"]
    assert OWN_NOTE not in by_kind["trend"]


def test_the_demo_badge_is_on_every_slide(utrecht_pptx):
    assert all("Demodata — fictief" in _texts(slide) for slide in _open(utrecht_pptx).slides)


def test_the_trend_chart_draws_every_line_its_legend_names_on_a_dutch_month_axis(store):
    # All municipalities: enough reports for weekly points, 26 of them on the axis.
    deck = build_deck(store, gemeente=None, start=WEEKS[0], end=WEEKS[1], with_map=False)
    assert deck.grain == "week" and len(deck.trend) >= 20
    deck = dataclasses.replace(deck, slides=(SlideSpec("trend"),))
    slide = _open(deck_pptx.deck_to_pptx(deck)).slides[0]
    chart = next(shape.chart for shape in slide.shapes if shape.has_chart)
    names = [series.name for series in chart.plots[0].series]
    assert names == ["Meldingen", "Zelfde periode vorig jaar"]
    for series in chart.plots[0].series:  # last year's weeks start on other weekdays: still drawn
        drawn = [v for v in series.values if v is not None]
        assert len(drawn) >= len(deck.trend) - 2, series.name
    xml = chart._chartSpace.xml
    assert "<c:dateAx>" in xml
    assert re.search(r'formatCode="\[\$-413\]mmm yyyy"', xml)
    step = int(re.search(r'<c:majorUnit val="(\d+)"/>\s*<c:majorTimeUnit val="months"/>', xml).group(1))
    assert 6 / step <= 7  # half a year: at most seven ticks, not 26 dates
    assert 'rot="0"' in xml  # level labels, not slanted


def test_activity_counts_step_by_whole_numbers(utrecht, utrecht_pptx):
    slide = _open(utrecht_pptx).slides[COMPOSITION.index(SlideSpec("activiteiten"))]
    chart = next(shape.chart for shape in slide.shapes if shape.has_chart)
    axis = chart.value_axis
    assert axis.major_unit >= 1 and float(axis.major_unit).is_integer()
    assert axis.minimum_scale == 0
    # Top to bottom in the page's order (a bar chart draws its first category at the bottom).
    assert list(chart.plots[0].categories)[::-1] == list(utrecht.activities["categorie_label"])


def test_the_effect_chart_carries_the_expected_counts_interval(utrecht, utrecht_pptx):
    est = utrecht.effect.estimate
    slide = _open(utrecht_pptx).slides[COMPOSITION.index(SlideSpec("effect"))]
    chart = next(shape.chart for shape in slide.shapes if shape.has_chart)
    expected, observed = chart.plots[0].series
    assert list(expected.values) == [pytest.approx(est.expected), None]
    assert list(observed.values) == [None, pytest.approx(est.observed)]
    ns = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart"}
    bars = expected._element.findall("c:errBars", ns)
    assert len(bars) == 1 and not observed._element.findall("c:errBars", ns)
    plus = float(bars[0].find("c:plus/c:numLit/c:pt[@idx='0']/c:v", ns).text)
    minus = float(bars[0].find("c:minus/c:numLit/c:pt[@idx='0']/c:v", ns).text)
    assert (est.expected + plus, est.expected - minus) == (
        pytest.approx(est.expected_high),
        pytest.approx(est.expected_low),
    )


def test_empty_comparison_and_lessons_say_so_in_a_sentence(utrecht):
    deck = dataclasses.replace(
        utrecht,
        slides=(SlideSpec("vergelijking"), SlideSpec("lessen")),
        peers=PEERS.iloc[0:0],
        lessons_register=LESSONS.iloc[0:0],
    )
    comparison, lessons = _open(deck_pptx.deck_to_pptx(deck)).slides
    assert "geen vergelijkbare gemeenten" in _texts(comparison)
    assert "nog geen uitkomsten of lessen" in _texts(lessons)
    assert not any(shape.shape_type == 13 for shape in comparison.shapes)
    from pypdf import PdfReader

    pages = PdfReader(io.BytesIO(deck_pdf.deck_to_pdf(deck))).pages
    assert (
        "geen vergelijkbare" in pages[0].extract_text() and "nog geen uitkomsten" in pages[1].extract_text()
    )


def test_a_trend_whose_every_point_is_hidden_still_writes(utrecht):
    trend = utrecht.trend.assign(n=float("nan"), label="<5")
    deck = dataclasses.replace(utrecht, trend=trend, previous=trend.iloc[0:0], slides=(SlideSpec("trend"),))
    slide = _open(deck_pptx.deck_to_pptx(deck)).slides[0]
    chart = next(shape.chart for shape in slide.shapes if shape.has_chart)
    assert [series.name for series in chart.plots[0].series] == ["Meldingen"]  # no legend entry for last year
    assert chart.value_axis.major_unit == 1
    unknown = dataclasses.replace(utrecht, slides=(SlideSpec("grafiek"),))
    for write in (deck_pptx.deck_to_pptx, deck_pdf.deck_to_pdf):
        with pytest.raises(ValueError, match="Onbekende soort dia 'grafiek'"):
            write(unknown)


def test_a_municipality_without_a_reporting_point_gets_no_line_of_zeros(store):
    deck = build_deck(store, gemeente="GM0080", start=PERIOD[0], end=PERIOD[1], with_map=False)
    if deck.key.has_channel:
        pytest.skip("Leeuwarden has a reporting point in this demo store")
    slide = _open(deck_pptx.deck_to_pptx(dataclasses.replace(deck, slides=(SlideSpec("trend"),)))).slides[0]
    assert not any(shape.has_chart for shape in slide.shapes)
    assert "geen meldpunt" in _texts(slide)


# --- templates ------------------------------------------------------------------------------


def _template(potx: bool = False, with_title_only: bool = True) -> bytes:
    """A small house-style template: "Title Only" renamed, moved last and its title moved; one example slide."""
    from pptx import Presentation
    from pptx.dml.color import RGBColor
    from pptx.util import Inches

    prs = Presentation()  # 4:3, unlike the deck's own 16:9
    master = prs.slide_master
    ids = master._element.get_or_add_sldLayoutIdLst()
    title_only = next(layout for layout in prs.slide_layouts if layout.name == "Title Only")
    title_only.name = "Alleen titel (huisstijl)"
    for entry in list(ids):
        if master.part.related_part(entry.rId) is title_only.part:
            ids.remove(entry)
            ids.append(entry)  # not at index 5 any more: found by placeholder type
    title = next(ph for ph in title_only.placeholders if ph.placeholder_format.type == 1)
    title.left, title.top, title.width, title.height = Inches(0.4), Inches(0.3), Inches(9.2), Inches(1.0)
    master.background.fill.solid()
    master.background.fill.fore_color.rgb = RGBColor(0xF2, 0xF6, 0xFA)
    if not with_title_only:
        for layout in list(prs.slide_layouts):
            kinds = {ph.placeholder_format.type for ph in layout.placeholders}
            if kinds & {1, 3}:  # TITLE, CENTER_TITLE
                prs.slide_layouts.remove(layout)
    else:
        prs.slides.add_slide(prs.slide_layouts[0]).shapes.title.text = "Voorbeeld uit het sjabloon"
    buffer = io.BytesIO()
    prs.save(buffer)
    data = buffer.getvalue()
    if potx:
        source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
        with zipfile.ZipFile(out, "w") as target:
            for item in source.infolist():
                content = source.read(item.filename)
                if item.filename == "[Content_Types].xml":
                    content = content.replace(
                        deck_pptx.PRESENTATION_CONTENT_TYPE, deck_pptx.TEMPLATE_CONTENT_TYPE
                    )
                target.writestr(item, content)
        data = out.getvalue()
    return data


@pytest.mark.parametrize("potx", [False, True], ids=["pptx", "potx"])
def test_the_templates_title_layout_and_master_are_used(utrecht, potx):
    from pptx import Presentation

    data = _template(potx)
    if potx:
        with pytest.raises(ValueError):  # the reason for as_presentation: python-pptx refuses a .potx
            Presentation(io.BytesIO(data))
    deck = dataclasses.replace(utrecht, slides=COMPOSITION[:3])
    prs = _open(deck_pptx.deck_to_pptx(deck, template=data))
    assert len(prs.slides) == 3  # the template's example slide is gone
    assert (prs.slide_width, prs.slide_height) == (914400 * 10, 914400 * 7.5)
    assert prs.slide_master.background.fill.fore_color.rgb == (0xF2, 0xF6, 0xFA)
    for slide in prs.slides:
        assert slide.slide_layout.name == "Alleen titel (huisstijl)"
        assert slide.shapes.title.top == 914400 * 0.3
        assert slide.shapes.title.left + slide.shapes.title.width <= prs.slide_width
        assert all(shape.left + shape.width <= prs.slide_width + 914400 * 0.01 for shape in slide.shapes)


def test_a_template_without_a_title_layout_or_no_powerpoint_at_all_is_refused(utrecht, tmp_path):
    with pytest.raises(deck_pptx.TemplateError, match="geen dia-indeling met een titelvak"):
        deck_pptx.deck_to_pptx(utrecht, template=_template(with_title_only=False))
    broken = tmp_path / "huisstijl.potx"
    broken.write_bytes(b"no zip at all")
    with pytest.raises(deck_pptx.TemplateError, match="huisstijl.potx is geen bruikbaar PowerPoint-bestand"):
        deck_pptx.check_template(broken)


def _report(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "vsdash",
            "report",
            "--gemeente",
            "GM0344",
            "--from",
            "2024-01-01",
            "--to",
            "2024-03-31",
            *args,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_report_cli_uses_a_template_and_refuses_a_bad_one(store, tmp_path):
    template = tmp_path / "huisstijl.potx"
    template.write_bytes(_template(potx=True))
    store.execute("CHECKPOINT")
    copy = tmp_path / "cli.duckdb"
    shutil.copy(store.url.removeprefix("duckdb:///"), copy)
    out = tmp_path / "deck.pptx"
    wrong = _report("--format", "pdf", "--out", str(tmp_path / "d.pdf"), "--template", str(template))
    assert (
        wrong.returncode == 2
        and "alleen voor --format pptx" in wrong.stderr
        and "Traceback" not in wrong.stderr
    )
    (tmp_path / "leeg.potx").write_bytes(b"")
    bad = _report("--format", "pptx", "--out", str(out), "--template", str(tmp_path / "leeg.potx"))
    assert bad.returncode == 2 and "leeg.potx is geen bruikbaar" in bad.stderr and not out.exists()
    good = _report(
        "--format", "pptx", "--out", str(out), "--template", str(template), "--store", f"duckdb:///{copy}"
    )
    assert good.returncode == 0, good.stderr
    prs = _open(out.read_bytes())
    assert {slide.slide_layout.name for slide in prs.slides} == {"Alleen titel (huisstijl)"}


# --- PDF ------------------------------------------------------------------------------------


def _struct_elements(reader):
    """Every structure element of a tagged PDF, in the structure tree's (reading) order."""
    found = []

    def walk(node):
        node = node.get_object()
        if not isinstance(node, dict):
            return
        if "/S" in node:
            found.append(node)
        kids = node.get("/K")
        for kid in kids if isinstance(kids, list) else ([] if kids is None else [kids]):
            walk(kid)

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return found


def test_pdf_is_tagged_with_language_alternative_texts_and_marked_content(utrecht, utrecht_pdf):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(utrecht_pdf))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "nl"
    assert root["/MarkInfo"]["/Marked"] is True or root["/MarkInfo"]["/Marked"] == True  # noqa: E712
    assert "/StructTreeRoot" in root
    assert reader.metadata.title.startswith("Veilige Steden: Utrecht")
    elements = _struct_elements(reader)
    figures = [e for e in elements if e["/S"] == "/Figure"]
    # trend, effect, map, activities and comparison are pictures; each says what it shows
    assert len(figures) == 5
    alts = [str(f.get("/Alt", "")) for f in figures]
    assert all(len(alt) > 40 for alt in alts), alts
    assert alts[0] == deck_text.trend_alt(utrecht)
    assert any("Amsterdam" in alt for alt in alts)


def test_pdf_reads_in_the_officers_slide_order(utrecht, utrecht_pdf):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(utrecht_pdf))
    assert len(reader.pages) == len(COMPOSITION)
    page_of = {page["/StructParents"]: i for i, page in enumerate(reader.pages)}
    headings = [e for e in _struct_elements(reader) if e["/S"] == "/H1"]
    assert len(headings) == len(COMPOSITION)
    order = [page_of[h["/Pg"]["/StructParents"]] for h in headings if "/Pg" in h]
    assert order == sorted(order) and len(order) == len(COMPOSITION)
    for page, spec in zip(reader.pages, COMPOSITION, strict=True):
        text = page.extract_text()
        assert deck_text.slide_title(utrecht, spec).split()[0] in text
        assert "Demodata — fictief" in text
    first = reader.pages[0].extract_text()
    assert "<b>vet</b> & meer" in first  # typed text is text, never markup


def test_pdf_in_english_says_so(store):
    from pypdf import PdfReader

    deck = build_deck(store, gemeente="GM0344", start=PERIOD[0], end=PERIOD[1], lang="en", with_map=False)
    deck = dataclasses.replace(deck, slides=(SlideSpec("kerncijfers"),))
    reader = PdfReader(io.BytesIO(deck_pdf.deck_to_pdf(deck)))
    assert reader.trailer["/Root"]["/Lang"] == "en"
    assert "Utrecht in figures" in reader.pages[0].extract_text()


def test_exported_charts_name_months_in_dutch_not_iso(utrecht):
    from vsdash import slide_figures

    fig = slide_figures.trend_figure(utrecht)
    fig.canvas.draw()
    labels = [label.get_text() for label in fig.axes[0].get_xticklabels() if label.get_text()]
    assert 2 <= len(labels) <= 7
    assert not any(re.search(r"\d{4}-\d{2}", label) for label in labels)
    assert all(
        re.fullmatch(r"(jan|feb|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec)\.? 20\d\d", label)
        for label in labels
    )


def test_slide_figures_share_no_state_between_sessions_drawing_at_once(utrecht):
    """Sessions draw slides in threads of one process: figures stay out of pyplot's registry.

    A Presenteren run once failed with "'FigureCanvasBase' object has no attribute
    'get_renderer'" while another session drew: pyplot's global figure state. Each figure now has
    its own Agg canvas, so eight threads drawing maps and charts at once give the same pictures
    as one thread drawing them in turn.
    """
    import urllib.error
    from concurrent.futures import ThreadPoolExecutor

    import matplotlib.pyplot as plt

    from vsdash import slide_figures
    from vsdash.static_map import risk_area_figure

    def offline(_url, _timeout):
        raise urllib.error.URLError("no network")

    def draw(kind: str) -> bytes:
        fig = risk_area_figure(utrecht, get=offline) if kind == "map" else slide_figures.trend_figure(utrecht)
        return slide_figures.figure_png(fig, dpi=40)

    open_before = plt.get_fignums()
    alone = {kind: draw(kind) for kind in ("map", "trend")}
    with ThreadPoolExecutor(max_workers=8) as pool:
        together = list(pool.map(draw, ["map", "trend"] * 4))
    assert together == [alone["map"], alone["trend"]] * 4
    assert plt.get_fignums() == open_before  # nothing left in pyplot's registry


def test_the_trend_slide_shades_each_campaign_on_its_dates_as_its_note_says(store):
    # Almelo's local campaign (6 July - 9 August 2026) lies inside the default period: the note
    # said "Campagnes (gearceerd)" over a native chart that shaded nothing.
    start, end = dt.date(2025, 11, 1), dt.date(2026, 10, 31)
    deck = build_deck(store, gemeente="GM0141", start=start, end=end, with_map=False)
    assert not deck.bands.empty
    deck = dataclasses.replace(deck, slides=(SlideSpec("trend"),))
    slide = _open(deck_pptx.deck_to_pptx(deck)).slides[0]
    graphic = next(shape for shape in slide.shapes if shape.has_chart)
    assert "<c:manualLayout>" in graphic.chart._chartSpace.xml  # the plot area the bands are laid on
    bands = [shape for shape in slide.shapes if shape.name.startswith("Campagne")]
    assert len(bands) == len(deck.bands)
    x, _, w, _ = deck_pptx.TREND_PLOT
    first = pd.Timestamp(deck.trend["periode"].min())
    last = pd.Timestamp(deck.trend["periode"].max())
    plot_left = graphic.left + x * graphic.width
    for shape, band in zip(bands, deck.bands.itertuples(), strict=True):
        where = plot_left + w * graphic.width * (pd.Timestamp(band.start) - first).days / (last - first).days
        assert abs(shape.left - where) < 0.02 * graphic.width, band.naam
        assert graphic.top <= shape.top and shape.top + shape.height <= graphic.top + graphic.height
        assert band.naam in shape._element.xpath("./*[1]/p:cNvPr")[0].get("descr")


def test_every_text_on_the_slide_map_is_at_least_12_points_as_projected(utrecht, utrecht_pptx):
    # The map's source line was 7.5 pt and its names and legend 9.4 pt on the slide: unread in a room.
    from PIL import Image

    from vsdash import slide_figures

    slide = _open(utrecht_pptx).slides[[s.kind for s in utrecht.slides].index("kaart")]
    picture = next(shape for shape in slide.shapes if shape.shape_type == 13)
    with Image.open(io.BytesIO(picture.image.blob)) as image:
        scale = (picture.width / 914400) / (image.width / 150)  # figure_png draws at 150 dpi
    fig = slide_figures.risk_area_map(utrecht)
    fig.canvas.draw()
    texts = [
        text
        for text in fig.findobj(lambda a: hasattr(a, "get_fontsize") and hasattr(a, "get_text"))
        if text.get_visible() and text.get_text().strip()
    ]
    assert any("CBS" in text.get_text() for text in texts)
    small = {
        text.get_text(): round(text.get_fontsize() * scale, 1)
        for text in texts
        if text.get_fontsize() * scale < 12
    }
    assert not small, small


@pytest.mark.parametrize("page", [False, True], ids=["slide", "overzicht"])
def test_a_campaign_name_from_two_thirds_of_the_axis_stays_inside_the_plot(page):
    # Almelo's "Lokale meldcampagne Almelo 2026" (6 July, on a November-October axis) was written
    # rightwards from its start and ran past the plot's right edge on the PDF slide.
    from vsdash import slide_figures

    periods = pd.date_range("2025-11-01", periods=12, freq="MS")
    trend = pd.DataFrame({"periode": periods, "n": [20.0] * 12, "label": ["20"] * 12})
    bands = pd.DataFrame(
        {
            "naam": ["Lokale meldcampagne Almelo 2026"],
            "start": [dt.date(2026, 7, 6)],
            "eind": [dt.date(2026, 8, 9)],
        }
    )
    breaks = pd.DataFrame(columns=["datum", "naam", "soort_breuk"])
    size = (
        {"figsize": slide_figures.PAGE_TREND_FIGSIZE, "margins": slide_figures.PAGE_TREND_MARGINS}
        if page
        else {}
    )
    fig = slide_figures.draw_trend(trend, None, bands, breaks, grain="month", lang="nl", **size)
    ax = fig.axes[0]
    renderer = fig.canvas.get_renderer()
    name = next(text for text in ax.texts if text.get_text() == "Lokale meldcampagne Almelo 2026")
    box, plot = name.get_window_extent(renderer), ax.get_window_extent(renderer)
    assert plot.x0 <= box.x0 and box.x1 <= plot.x1


def test_a_programmes_deck_is_named_after_the_programme(store):
    # build_deck(programma=...) without a label titled the slides "Alle gemeenten in cijfers".
    deck = build_deck(
        store, gemeente=None, programma="veilige_steden", start=PERIOD[0], end=PERIOD[1], with_map=False
    )
    assert deck.label == "Veilige Steden"
    slide = _open(
        deck_pptx.deck_to_pptx(dataclasses.replace(deck, slides=(SlideSpec("kerncijfers"),)))
    ).slides[0]
    assert slide.shapes.title.text_frame.text.startswith("Veilige Steden")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_key_figures_are_at_least_14_points_and_every_text_fits_its_box(store, lang):
    # The notes under the figures were 11 pt and the caveats 13 pt: unreadable on a projector.
    deck = build_deck(store, gemeente="GM0363", start=PERIOD[0], end=PERIOD[1], lang=lang, with_map=False)
    deck = dataclasses.replace(deck, slides=(SlideSpec("kerncijfers"),))
    slide = _open(deck_pptx.deck_to_pptx(deck)).slides[0]
    items = deck_text.key_figure_items(deck)
    framing = ("Demodata", "Ondertitel")
    boxes = [s for s in slide.shapes if s.has_text_frame and s.name not in framing and not s.is_placeholder]
    assert len(boxes) >= 13  # six labels, six values, notes, the caveats
    for shape in boxes:
        paragraphs = [p for p in shape.text_frame.paragraphs if p.text]
        sizes = {p.font.size.pt for p in paragraphs}
        # Labels and notes may shrink to keep a long Dutch word whole in a sixth of the slide; the
        # notes to 12 pt at the least, the figures and the caveats not below 14 pt.
        if shape.top > boxes[0].top:
            least = 12 if any(shape.text_frame.text == note for _, _, note in items) else 14
            assert min(sizes) >= least, (shape.text_frame.text, sizes)
        size, bold = max(sizes), any(p.font.bold for p in paragraphs)
        rows = sum(deck_pptx.wrapped_lines(p.text, size, shape.width / 914400, bold) for p in paragraphs)
        needed = rows * size * 1.2 / 72 + (len(paragraphs) - 1) * size * 0.4 / 72
        assert needed <= shape.height / 914400 + 0.05, shape.text_frame.text
    tops = sorted((s.top, s.top + s.height) for s in boxes if s.left < 914400 * 2)  # the first column
    for (_, bottom), (top, _) in itertools.pairwise(tops):
        assert bottom <= top + 914400 * 0.05  # label, value, note and caveats do not overlap


def test_the_pdf_projects_like_the_slides_body_text_14_points_and_nothing_cut_off(store):
    # The PDF's notes were 10.5 pt, its caveats, map legend and trend note 11-12 pt; a page hides
    # what overflows it, so every sentence must still be on its page.
    from pypdf import PdfReader

    css = deck_pdf._css()
    sizes = {
        name: float(size)
        for name, size in re.findall(r"\n([\w.][\w .]*?) \{[^}]*?font-size: ([\d.]+)pt", css)
    }
    assert sizes[".note"] >= 12
    for body in (".sub", ".caveats", ".small", ".row .side", ".row .side.narrow", ".text", "ul", "ul.dense"):
        assert sizes[body] >= 14, body
    # All municipalities in 2025: the longest map legend and seven lessons learned.
    deck = build_deck(store, gemeente=None, start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31))
    assert len(deck.learned) > 6  # the "dense" list, 12.5 pt before
    kinds = ("kerncijfers", "trend", "kaart", "geleerd")
    deck = dataclasses.replace(deck, slides=tuple(SlideSpec(kind) for kind in kinds))
    pages = [
        "".join(page.extract_text().split())
        for page in PdfReader(io.BytesIO(deck_pdf.deck_to_pdf(deck))).pages
    ]
    wanted = [
        [*deck.caveats[:2], *(note for _, _, note in deck_text.key_figure_items(deck) if note)],
        [deck_text.trend_note(deck)],
        deck_text.map_lines(deck),
        deck.learned,
    ]
    for text, sentences in zip(pages, wanted, strict=True):
        for sentence in sentences:
            assert "".join(sentence.split()) in text, sentence  # lines break at a dash too
    # A section hides what overflows it (the text stays in the file, unseen): every line ends on its page.
    from weasyprint import HTML
    from weasyprint.formatting_structure import boxes

    def lines(box):
        if isinstance(box, boxes.LineBox):
            yield box
        for child in getattr(box, "children", None) or []:
            yield from lines(child)

    for page in HTML(string=deck_pdf.deck_html(deck)).render().pages:
        bottom = max(line.position_y + line.height for line in lines(page._page_box))
        assert bottom <= page.height  # overflow is clipped at the section's padding box: the page


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_demo_badge_holds_its_words_in_every_language(lang):
    # "Demo data — fictitious" ran to the edge of a 2.5-inch badge (no wrap), past it in a wide font.
    from vsdash.i18n import t

    words = t("demo_badge", lang)
    assert deck_pptx.text_width(words, 13, bold=True) + 0.2 <= deck_pptx.BADGE_WIDTH  # 0.1 inset each side
