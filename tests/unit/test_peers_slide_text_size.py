"""The comparison slide on a projector: every text of its picture is 12 pt or more as printed on the
PDF page and the PowerPoint slide, for one row and for sixteen (the picture is drawn at about the
size it is shown and its height capped, so the slide does not scale it, and its text, down)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io

import pandas as pd
import pytest

from vsdash import deck_pdf, deck_pptx, slide_figures
from vsdash.presentation import SlideSpec, build_deck

NAMES = [
    "Utrecht",
    "Súdwest-Fryslân",
    "Amsterdam",
    "Rotterdam",
    "'s-Hertogenbosch",
    "Bergen op Zoom",
    "Alphen aan den Rijn",
    "Den Haag",
    "Groningen",
    "Eindhoven",
    "Tilburg",
    "Almere",
    "Nijmegen",
    "Enschede",
    "Haarlem",
]


def _peers(rows: int) -> pd.DataFrame:
    """``rows`` rows: the selection first, one not published, the programme last."""
    names = NAMES[: rows - 1] + ["Veilige Steden"] if rows > 1 else ["Utrecht"]
    rates = [8.0 + 0.7 * i for i in range(rows)]
    frame = pd.DataFrame(
        {
            "gemeentecode": [f"GM{i:04d}" for i in range(rows)],
            "naam": names,
            "rate": rates,
            "low": [r - 1.5 for r in rates],
            "high": [r + 1.5 for r in rates],
            "label": [f"{r:.1f}".replace(".", ",") for r in rates],
            "is_selection": [i == 0 for i in range(rows)],
            "is_programme": [rows > 1 and i == rows - 1 for i in range(rows)],
        }
    )
    if rows > 2:
        frame.loc[1, ["rate", "low", "high", "label"]] = [float("nan"), float("nan"), float("nan"), "<5"]
    return frame


@pytest.fixture(scope="module")
def base_deck(store):
    return build_deck(
        store, gemeente="GM0344", start=dt.date(2024, 1, 1), end=dt.date(2024, 12, 31), with_map=False
    )


def _deck(base_deck, rows: int):
    return dataclasses.replace(base_deck, slides=(SlideSpec("vergelijking"),), peers=_peers(rows))


def _small_texts(fig, scale: float) -> dict[str, float]:
    """The picture's texts printed below 12 pt at ``scale`` (slide points per figure point)."""
    from matplotlib.text import Text

    fig.canvas.draw()
    texts = [
        text
        for text in fig.findobj(Text)
        if text.get_visible() and text.get_text().strip() and text.get_window_extent().width > 0
    ]
    assert {"Utrecht"} <= {text.get_text() for text in texts}
    return {
        text.get_text(): round(text.get_fontsize() * scale, 1)
        for text in texts
        if text.get_fontsize() * scale < 12
    }


def _image_inches(png: bytes, dpi: float) -> tuple[float, float]:
    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        return image.width / dpi, image.height / dpi


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


@pytest.mark.parametrize("rows", [1, 4, 16])
def test_the_pdf_comparison_prints_its_text_at_12_points_or_more(base_deck, rows):
    """It was drawn 11 in wide and 0.5 in a row, then fitted into 880 x 390 pt: 8-11 pt as printed."""
    deck = _deck(base_deck, rows)
    width_pt, height_pt = _picture_on_pdf_page(deck_pdf.deck_to_pdf(deck))
    fig = slide_figures.peers_figure(deck)
    width_in, height_in = _image_inches(slide_figures.figure_png(fig, dpi=deck_pdf.DPI), deck_pdf.DPI)
    scale = width_pt / (width_in * 72)
    assert height_pt / (height_in * 72) == pytest.approx(scale, rel=0.02)  # not stretched
    assert height_pt <= 390.5
    assert not _small_texts(fig, scale)


@pytest.mark.parametrize("rows", [1, 4, 16])
def test_the_pptx_comparison_prints_its_text_at_12_points_or_more(base_deck, rows):
    from pptx import Presentation
    from pptx.util import Emu

    deck = _deck(base_deck, rows)
    slide = Presentation(io.BytesIO(deck_pptx.deck_to_pptx(deck))).slides[0]
    pictures = [shape for shape in slide.shapes if shape.shape_type == 13]
    assert len(pictures) == 1
    fig = slide_figures.peers_figure(deck)
    width_in, _ = _image_inches(slide_figures.figure_png(fig, dpi=150), 150)
    scale = Emu(pictures[0].width).inches / width_in
    assert not _small_texts(fig, scale)


def test_sixteen_rows_keep_their_names_apart(base_deck):
    """Rows closer together, not a taller picture: the names on the axis still do not touch."""
    fig = slide_figures.peers_figure(_deck(base_deck, 16))
    renderer = fig.canvas.get_renderer()
    fig.canvas.draw()
    boxes = sorted(
        (label.get_window_extent(renderer) for label in fig.axes[0].get_yticklabels()), key=lambda b: b.y0
    )
    assert len(boxes) == 16
    assert all(lower.y1 <= upper.y0 for lower, upper in zip(boxes, boxes[1:], strict=False))
    assert fig.get_size_inches()[1] <= slide_figures.DECK_PEERS_MAX_HEIGHT
