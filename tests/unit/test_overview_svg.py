"""Overzicht's charts drawn on the server as SVG (issue 17): the slides' drawing of the same numbers.

Overzicht shows no plotly: its trend and activities are ``vsdash.slide_figures`` drawings, the
ones the PDF and PowerPoint use, rendered as SVG. These tests hold the page's SVG to the deck's
drawing of the same published selection, the drawing to the published cells, and the SVG's text
to what imports may put in a name.
"""

from __future__ import annotations

import datetime as dt
from xml.etree import ElementTree

import numpy as np
import pandas as pd
import pytest

from vsdash import charts, publication, slide_figures
from vsdash.presentation import build_deck
from vsdash.views.overview import build_overview

SVG = "{http://www.w3.org/2000/svg}"
# Utrecht over almost three years: a local campaign, a national one, the app's launch and the law.
UTRECHT = dict(gemeente="GM0344", start=dt.date(2023, 1, 1), end=dt.date(2025, 10, 31))


def svg_texts(svg: str) -> list[str]:
    """The texts an SVG shows (its <text> elements), in order; fails on an SVG that is not XML."""
    root = ElementTree.fromstring(svg.encode("utf-8"))
    return ["".join(el.itertext()).strip() for el in root.iter(f"{SVG}text")]


@pytest.fixture(scope="module")
def utrecht(store):
    model = build_overview(store, programma=None, label="Utrecht", lang="nl", **UTRECHT)
    deck = build_deck(store, lang="nl", with_map=False, **UTRECHT)
    return model, deck


def test_overzicht_draws_the_slides_figures_of_the_same_selection(utrecht):
    """One drawing for both surfaces: the page's SVG is the deck's trend and activities, drawn at page size."""
    model, deck = utrecht
    assert model.trend.svg == slide_figures.page_trend_svg(
        deck.trend, deck.previous, deck.bands, deck.breaks, grain=deck.grain, lang="nl"
    )
    assert model.activities.svg == slide_figures.page_activities_svg(deck.activities, lang="nl")
    # ... which is draw_trend and draw_activities at the page's size and margins
    trend = slide_figures.draw_trend(
        deck.trend,
        deck.previous,
        deck.bands,
        deck.breaks,
        grain=deck.grain,
        lang="nl",
        figsize=slide_figures.PAGE_TREND_FIGSIZE,
        margins=slide_figures.PAGE_TREND_MARGINS,
    )
    activities = slide_figures.draw_activities(
        deck.activities,
        lang="nl",
        figsize=slide_figures.PAGE_ACTIVITIES_FIGSIZE,
        margins=slide_figures.PAGE_ACTIVITIES_MARGINS,
    )
    assert model.trend.svg == slide_figures.figure_svg(trend, tight=False)
    assert model.activities.svg == slide_figures.figure_svg(activities, tight=False)


def test_the_trend_svg_names_its_campaigns_breaks_and_axis_in_dutch(utrecht):
    model, deck = utrecht
    texts = svg_texts(model.trend.svg)
    assert len(deck.bands) >= 2 and len(deck.breaks) >= 2
    for name in deck.bands["naam"]:
        assert name in texts
    assert any("strafbaar" in text for text in texts)  # 1 July 2024, the national law
    assert "Meldingen per maand" in texts and "Zelfde periode vorig jaar" in texts
    assert {"jan 2024", "jul 2024"} <= set(texts)  # Dutch month names on the date axis
    # The alt text the page gives the image counts the same bands the SVG shades.
    assert f"{len(deck.bands)} campagneperiodes zijn gearceerd" in model.trend.alt


def test_the_trend_drawing_plots_the_published_cells_and_last_year(store):
    """The lines drawn are the publication layer's cells (NaN where withheld), not a recount."""
    _, published = publication.key_figures_and_trend(store, lang="nl", **UTRECHT)
    running = pd.DataFrame(columns=["naam", "start", "eind"])
    breaks = pd.DataFrame(columns=["datum", "naam", "soort_breuk"])
    fig = slide_figures.draw_trend(
        published.cells, published.previous, running, breaks, grain=published.grain, lang="nl"
    )
    lines = {line.get_label(): line for line in fig.axes[0].get_lines()}
    drawn = np.asarray(lines["Meldingen"].get_ydata(), dtype=float)
    np.testing.assert_array_equal(drawn, published.cells["n"].to_numpy(dtype=float))
    before = np.asarray(lines["Zelfde periode vorig jaar"].get_ydata(), dtype=float)
    np.testing.assert_array_equal(before, published.previous["n"].to_numpy(dtype=float))


def test_the_activities_svg_writes_every_category_and_its_published_count(utrecht):
    model, deck = utrecht
    texts = svg_texts(model.activities.svg)
    table = model.activities.table
    assert list(table.iloc[:, 0]) == list(deck.activities["categorie_label"])
    for category, count in zip(table.iloc[:, 0], table.iloc[:, 1], strict=True):
        assert category in texts and count in texts
        assert f"{category} {count}" in model.activities.alt


def test_the_english_svg_reads_in_english(store):
    model = build_overview(store, programma=None, label="Utrecht", lang="en", **UTRECHT)
    texts = svg_texts(model.trend.svg)
    assert "Reports per month" in texts and "Same period last year" in texts
    assert "Jan 2024" in texts
    assert "Research" in svg_texts(model.activities.svg)


def test_names_from_imports_are_plain_escaped_text_in_the_svg():
    """A campaign or channel name is written as text: escaped, no markup, no $mathtext$."""
    periods = pd.date_range("2024-01-01", periods=12, freq="MS")
    trend = pd.DataFrame({"periode": periods, "n": np.arange(12.0) * 150, "label": [""] * 12})
    hostile = "<script>alert(1)</script> & $x^2$ ]]>"
    bands = pd.DataFrame({"naam": [hostile], "start": [dt.date(2024, 3, 1)], "eind": [dt.date(2024, 4, 1)]})
    breaks = pd.DataFrame(
        {"datum": [dt.date(2024, 7, 1)], "naam": ['"><img src=x onerror=alert(1)>'], "soort_breuk": ["start"]}
    )
    svg = slide_figures.figure_svg(
        slide_figures.draw_trend(trend, None, bands, breaks, grain="month", lang="nl")
    )
    root = ElementTree.fromstring(svg.encode("utf-8"))
    tags = {el.tag.removeprefix(SVG) for el in root.iter()}
    assert not tags & {"script", "img", "foreignObject", "a"}
    assert not any(name.startswith("on") for el in root.iter() for name in el.attrib)
    texts = svg_texts(svg)
    assert hostile in texts
    assert any('"><img src=x onerror=alert(1)>' in text for text in texts)
    assert "1.500" in texts  # Dutch thousands separator on the count axis


def test_the_same_figure_gives_the_same_svg(utrecht):
    """Cached per selection and shared: an SVG that changed on every draw would defeat the browser's diff."""
    _, deck = utrecht
    first, second = (
        slide_figures.figure_svg(slide_figures.draw_activities(deck.activities, lang="nl")) for _ in range(2)
    )
    assert first == second


def test_page_svgs_keep_their_size_and_name_a_late_band_inside_the_figure():
    """Fixed margins: every selection's SVG is 10 by 3.6 inches (text scales alike on the page), and a
    band starting near the end of the axis is named leftwards from its end, not past the edge."""
    periods = pd.date_range("2025-01-01", periods=12, freq="MS")
    trend = pd.DataFrame({"periode": periods, "n": np.full(12, 40.0), "label": ["40"] * 12})
    bands = pd.DataFrame(
        {
            "naam": ["Vroege campagne", "Late campagne"],
            "start": [dt.date(2025, 2, 1), dt.date(2025, 11, 1)],
            "eind": [dt.date(2025, 3, 1), dt.date(2025, 12, 1)],
        }
    )
    breaks = pd.DataFrame(columns=["datum", "naam", "soort_breuk"])
    fig = slide_figures.draw_trend(
        trend,
        None,
        bands,
        breaks,
        grain="month",
        lang="nl",
        figsize=slide_figures.PAGE_TREND_FIGSIZE,
        margins=slide_figures.PAGE_TREND_MARGINS,
    )
    root = ElementTree.fromstring(slide_figures.figure_svg(fig, tight=False).encode("utf-8"))
    assert (root.get("width"), root.get("height")) == ("720pt", "259.2pt")
    anchors = {"".join(el.itertext()).strip(): el.get("style", "") for el in root.iter(f"{SVG}text")}
    assert "text-anchor: start" in anchors["Vroege campagne"]
    assert "text-anchor: end" in anchors["Late campagne"]


def test_a_static_chart_is_drawn_once_when_first_read():
    """The model is built (and its key figures sent) before the SVG is drawn; then it is kept."""
    calls = []

    def draw() -> str:
        calls.append(1)
        return "<svg/>"

    chart = charts.StaticChart(draw, "Staafdiagram: 1", pd.DataFrame())
    assert calls == []
    assert chart.svg == "<svg/>" and chart.svg == "<svg/>"
    assert calls == [1]


def test_overzicht_model_module_does_not_import_matplotlib():
    """matplotlib (~0.9 s) is imported when a chart is first drawn, not before the key figures."""
    import subprocess
    import sys

    from vsdash.settings import PROJECT_ROOT

    code = "import sys, vsdash.views.overview; print('matplotlib' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"


def _smallest_text_px(svg: str, width_px: float) -> float:
    """The smallest font size of an SVG's texts, in screen pixels, when the image is ``width_px`` wide."""
    import re

    root = ElementTree.fromstring(svg.encode("utf-8"))
    view_width = float(root.get("viewBox").split()[2])
    sizes = [float(size) for size in re.findall(r"font-size: ([\d.]+)px", svg)]
    return min(sizes) * width_px / view_width


def test_the_narrow_trend_says_the_same_and_reads_at_phone_width(utrecht):
    """Narrow screens: a phone's 360 px column scales the wide trend's text to about 5 px; the
    narrow layout shows the same campaigns, breaks, legend and axis with text of 10 px or more."""
    model, deck = utrecht
    wide, narrow = model.trend.svg, model.trend.narrow_svg
    assert narrow is not None and narrow != wide
    assert narrow == slide_figures.page_trend_svg(
        deck.trend, deck.previous, deck.bands, deck.breaks, grain=deck.grain, lang="nl", narrow=True
    )
    assert _smallest_text_px(wide, 360) < 6  # why the variant exists
    assert _smallest_text_px(narrow, 360) >= 10
    # ... and the wide one is the one shown from the frame's switch width up: readable there too.
    from vsdash.ui.frame import NARROW_CHART_PX

    ticks_px = 11 * NARROW_CHART_PX / float(ElementTree.fromstring(wide.encode()).get("viewBox").split()[2])
    assert ticks_px >= 10
    texts = set(svg_texts(narrow))
    for name in deck.bands["naam"]:
        assert name in texts
    assert any("strafbaar" in text for text in texts)
    assert {"Meldingen per maand", "Zelfde periode vorig jaar", "Meldingen"} <= texts
    # Fewer date ticks than the wide drawing, so they do not run into each other.
    months = [text for text in texts if text[:3] in {"jan", "apr", "jul", "okt", "mrt", "mei", "sep", "nov"}]
    assert 2 <= len(months) <= slide_figures.PAGE_TREND_NARROW_TICKS + 1
    # The activities chart has no narrow variant: at 360 px its text is already 10 px or more.
    assert model.activities.narrow_svg is None
    assert _smallest_text_px(model.activities.svg, 360) >= 10
