"""The shared trend figure on a projector and in three places: the PDF slide's text is 12 pt or more
as printed on the page, and the legend lists the lines in the same order in the PDF, the PowerPoint
chart and Overzicht's SVG (wide and narrow): this period's reports first, last year second."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from xml.etree import ElementTree

import pytest

from vsdash import deck_pdf, deck_pptx, slide_figures
from vsdash.presentation import SlideSpec, build_deck
from vsdash.views.overview import build_overview

# Utrecht over almost three years: last year's line, two campaigns, the app's launch and the law.
UTRECHT = dict(gemeente="GM0344", start=dt.date(2023, 1, 1), end=dt.date(2025, 10, 31))
SVG = "{http://www.w3.org/2000/svg}"
IN_ORDER = ["Meldingen", "Zelfde periode vorig jaar"]


@pytest.fixture(scope="module")
def trend_deck(store):
    deck = build_deck(store, lang="nl", with_map=False, **UTRECHT)
    assert not deck.previous.empty and len(deck.bands) >= 2 and len(deck.breaks) >= 2
    return dataclasses.replace(deck, slides=(SlideSpec("trend"),))


def _picture_on_pdf_page(pdf: bytes) -> tuple[float, float]:
    """Width and height (pt) at which the PDF's only page draws its picture: the ``cm`` before ``Do``."""
    from pypdf import PdfReader

    placed = []
    page = PdfReader(io.BytesIO(pdf)).pages[0]

    def before(operator, _args, cm, _tm):
        if operator == b"Do":
            placed.append((cm[0], cm[3]))

    page.extract_text(visitor_operand_before=before)
    assert len(placed) == 1, placed
    return placed[0]


def test_every_text_of_the_pdf_trend_is_at_least_12_points_on_the_slide(trend_deck):
    """Ticks were 8-10 pt as printed: unread on a projector, beside 14 pt body text."""
    from matplotlib.text import Text
    from PIL import Image

    width_pt, _ = _picture_on_pdf_page(deck_pdf.deck_to_pdf(trend_deck))
    fig = slide_figures.trend_figure(trend_deck)
    png = slide_figures.figure_png(fig, dpi=deck_pdf.DPI)
    with Image.open(io.BytesIO(png)) as image:
        scale = width_pt / (image.width / deck_pdf.DPI * 72)  # points on the slide per figure point
    texts = [
        text
        for text in fig.findobj(Text)
        if text.get_visible() and text.get_text().strip() and text.get_window_extent().width > 0
    ]
    kinds = {text.get_text() for text in texts}
    assert {"jan 2024", "Meldingen per maand", *IN_ORDER} <= kinds
    assert set(trend_deck.bands["naam"]) <= kinds
    small = {
        text.get_text(): round(text.get_fontsize() * scale, 1)
        for text in texts
        if text.get_fontsize() * scale < 12
    }
    assert not small, small


def test_overzicht_keeps_its_text_size(store):
    """The deck's larger text is the deck's: Overzicht's SVG still draws its ticks at 11 pt."""
    model = build_overview(store, programma=None, label="Utrecht", lang="nl", **UTRECHT)
    root = ElementTree.fromstring(model.trend.svg.encode("utf-8"))
    assert (root.get("width"), root.get("height")) == ("720pt", "259.2pt")
    assert "font-size: 11px" in model.trend.svg and "font-size: 14px" not in model.trend.svg


def _svg_legend(svg: str) -> list[str]:
    root = ElementTree.fromstring(svg.encode("utf-8"))
    legend = next(el for el in root.iter(f"{SVG}g") if (el.get("id") or "").startswith("legend"))
    return ["".join(el.itertext()).strip() for el in legend.iter(f"{SVG}text")]


def test_the_legend_order_is_the_same_in_pdf_pptx_and_overzicht(store, trend_deck):
    from pptx import Presentation

    fig = slide_figures.trend_figure(trend_deck)
    pdf_legend = [text.get_text() for text in fig.axes[0].get_legend().get_texts()]
    slide = Presentation(io.BytesIO(deck_pptx.deck_to_pptx(trend_deck))).slides[0]
    chart = next(shape for shape in slide.shapes if shape.has_chart).chart
    pptx_legend = [series.name for series in chart.plots[0].series]
    model = build_overview(store, programma=None, label="Utrecht", lang="nl", **UTRECHT)
    assert pdf_legend == pptx_legend == _svg_legend(model.trend.svg) == _svg_legend(model.trend.narrow_svg)
    assert pdf_legend == IN_ORDER
    # Last year's line is still drawn under this period's (legend order is not drawing order).
    lines = {line.get_label(): line for line in fig.axes[0].get_lines()}
    assert lines["Zelfde periode vorig jaar"].get_zorder() <= lines["Meldingen"].get_zorder()
    assert fig.axes[0].get_lines().index(lines["Zelfde periode vorig jaar"]) < fig.axes[0].get_lines().index(
        lines["Meldingen"]
    )


def test_without_last_year_the_legend_names_only_the_reports(trend_deck):
    deck = dataclasses.replace(trend_deck, previous=trend_deck.previous.iloc[0:0])
    fig = slide_figures.trend_figure(deck)
    assert [text.get_text() for text in fig.axes[0].get_legend().get_texts()] == ["Meldingen"]
