"""The deck as a PowerPoint file: native, editable charts on layouts with a real title placeholder.

Every slide is built on the layout of the (municipal) template that has a title placeholder and
the fewest other placeholders (PowerPoint's "Title Only"), found by placeholder type rather than
by position, so a municipality's house style (fonts, colours, logo) applies. Titles are sized to
fit on one line; a title that cannot fit wraps and pushes the subtitle down instead of running
over it. Every chart and picture carries alternative text, every slide speaker notes (its key
sentence, the caveats and the officer's own notes), and demo data the "Demodata — fictief" badge.
Slides follow the officer's composition (``Deck.slides``). No streamlit here.
"""

from __future__ import annotations

import io
import math
import re
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from vsdash import deck_text
from vsdash.i18n import fmt_date, t
from vsdash.presentation import Deck, SlideSpec

BADGE_FILL = (0xFF, 0xF4, 0xCE)
BADGE_TEXT = (0x3D, 0x2E, 0x00)
BADGE_EDGE = (0x8A, 0x6D, 0x00)
BLUE = (0x00, 0x72, 0xB2)
GREY = (0x59, 0x59, 0x59)  # 7:1 on white
BODY_MIN_PT = 14  # the smallest body text a projected slide is read at from the back of a room
NOTE_MIN_PT = 12  # a key figure's note, in a column a sixth of the slide wide
DARK = (0x1A, 0x1A, 0x1A)

EMU_PER_INCH = 914400
TITLE_MAX_PT, TITLE_MIN_PT = 32, 20
# Wide enough for "Demo data — fictitious" at 13 pt bold with the box's insets (2.5 let it touch the edge).
BADGE_WIDTH, BADGE_HEIGHT = 2.7, 0.45  # inches
# Excel/PowerPoint locale codes for date formats: month names in the deck's language whatever
# the reader's Office language is ([$-413] Dutch (Netherlands), [$-809] English (United Kingdom)).
DATE_LOCALE = {"nl": "[$-413]", "en": "[$-809]"}
TEMPLATE_CONTENT_TYPE = b"application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
PRESENTATION_CONTENT_TYPE = (
    b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
)


class TemplateError(ValueError):
    """A template file that cannot be used, with a Dutch message naming the file and why."""


@dataclass(frozen=True)
class Box:
    """A rectangle on the slide, in inches."""

    left: float
    top: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.left + self.width

    @property
    def bottom(self) -> float:
        return self.top + self.height


def deck_to_pptx(deck: Deck, template: str | Path | bytes | None = None) -> bytes:
    """The deck as a PowerPoint file, one slide per ``SlideSpec`` in ``deck.slides``.

    ``template`` is a .pptx or .potx (path or bytes) whose slide master and layouts are used;
    its own slides are dropped. Without a template the slides are 16:9 on python-pptx's default
    master. Raises ``TemplateError`` (Dutch) for a file that is not a usable PowerPoint file.
    """
    prs = _open(template)
    if template is None:
        from pptx.util import Inches

        prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    deck_text.check_kinds(deck)
    layout = title_layout(prs, _template_name(template))
    size = (prs.slide_width / EMU_PER_INCH, prs.slide_height / EMU_PER_INCH)
    for spec in deck.slides:
        slide = prs.slides.add_slide(layout)
        body = _frame(slide, deck, deck_text.slide_title(deck, spec), size, own_geometry=template is None)
        getattr(_Slides, spec.kind)(slide, deck, spec, body)
        slide.notes_slide.notes_text_frame.text = deck_text.slide_notes(deck, spec)
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()


# --- template -------------------------------------------------------------------------------


def _template_name(template) -> str:
    return str(template) if isinstance(template, (str, Path)) else "het sjabloon"


def check_template(template: str | Path | bytes, name: str | None = None) -> str:
    """Open a template and find its title layout; return that layout's name.

    Raises ``TemplateError`` (Dutch, naming the file) when the file is not a usable PowerPoint
    package or has no layout with a title placeholder.
    """
    name = name or _template_name(template)
    return title_layout(_open(template, name), name).name


def _open(template, name: str | None = None):
    """A Presentation from the template (a .potx made loadable in memory), without its slides."""
    from pptx import Presentation

    if template is None:
        return Presentation()
    name = name or _template_name(template)
    try:
        data = Path(template).read_bytes() if isinstance(template, (str, Path)) else bytes(template)
    except OSError as exc:
        raise TemplateError(f"Sjabloon {name}: kan het bestand niet lezen ({exc.strerror}).") from None
    try:
        prs = Presentation(io.BytesIO(as_presentation(data)))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise TemplateError(
            f"Sjabloon {name} is geen bruikbaar PowerPoint-bestand ({type(exc).__name__}); "
            "toegestaan zijn .pptx en .potx."
        ) from None
    _drop_slides(prs)
    return prs


def as_presentation(data: bytes) -> bytes:
    """A .potx's bytes with the main part declared a presentation, so python-pptx opens it.

    A template and a presentation differ only in that content type; everything else (master,
    layouts, theme) is the same package. A .pptx passes through unchanged.
    """
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise zipfile.BadZipFile("not a zip package")
    source = zipfile.ZipFile(io.BytesIO(data))
    types = source.read("[Content_Types].xml")
    if TEMPLATE_CONTENT_TYPE not in types:
        return data
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                content = content.replace(TEMPLATE_CONTENT_TYPE, PRESENTATION_CONTENT_TYPE)
            target.writestr(item, content)
    return out.getvalue()


def _drop_slides(prs) -> None:
    """Remove the template's example slides: the deck brings its own."""
    id_list = prs.slides._sldIdLst
    for entry in list(id_list):
        prs.part.drop_rel(entry.rId)
        id_list.remove(entry)


def title_layout(prs, name: str = "het sjabloon"):
    """The layout with a title placeholder and the fewest other content placeholders.

    Found by placeholder type, not by index: in a municipal template "Title Only" can be anywhere.
    A layout with an ordinary title is preferred over a title-slide layout (centred title).
    """
    from pptx.enum.shapes import PP_PLACEHOLDER

    furniture = {PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER}
    best, best_score = None, None
    for layout in prs.slide_layouts:
        types = [ph.placeholder_format.type for ph in layout.placeholders]
        if PP_PLACEHOLDER.TITLE in types:
            centred = 0
        elif PP_PLACEHOLDER.CENTER_TITLE in types:
            centred = 1
        else:
            continue
        others = sum(
            1 for kind in types if kind not in furniture | {PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE}
        )
        score = (centred, others)
        if best_score is None or score < best_score:
            best, best_score = layout, score
    if best is None:
        raise TemplateError(
            f"Sjabloon {name} heeft geen dia-indeling met een titelvak; voeg in de diamodelweergave een "
            "indeling 'Alleen titel' toe."
        )
    return best


# --- the frame of every slide: title, subtitle, badge ---------------------------------------


@lru_cache(maxsize=4)
def _measure_font(bold: bool):
    import matplotlib
    from PIL import ImageFont

    fonts = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    # DejaVu Sans is wider than Calibri, Carlito and Arial: a title that fits in it fits on screen.
    return ImageFont.truetype(str(fonts / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")), 100)


def text_width(text: str, size_pt: float, bold: bool = True) -> float:
    """The width of ``text`` at ``size_pt`` in inches (measured in DejaVu Sans, a wide font)."""
    return _measure_font(bold).getlength(text) / 100 * size_pt / 72


def fit_title(text: str, width: float) -> tuple[int, int]:
    """Font size (pt) and number of lines for a title in a box ``width`` inches wide.

    The largest size from 32 down to 20 pt at which the title fits on one line; a title too long
    for 20 pt keeps 20 pt and wraps, and the caller makes room for the extra lines.
    """
    usable = width - 0.25  # the placeholder's own left and right insets
    for size in range(TITLE_MAX_PT, TITLE_MIN_PT - 1, -2):
        if text_width(text, size) <= usable:
            return size, 1
    return TITLE_MIN_PT, math.ceil(text_width(text, TITLE_MIN_PT) / usable * 1.1)


def wrapped_lines(text: str, size_pt: float, width: float, bold: bool = False) -> int:
    """How many lines ``text`` takes in a box ``width`` inches wide (greedy word wrap); 99 if a word is too wide."""
    usable = width - 0.2  # a text box's own insets
    lines, current = 1, ""
    for word in text.split():
        if text_width(word, size_pt, bold) > usable:
            return 99
        trial = f"{current} {word}".strip()
        if text_width(trial, size_pt, bold) <= usable:
            current = trial
        else:
            lines, current = lines + 1, word
    return lines


def fit_size(text: str, width: float, largest: int, smallest: int, max_lines: int, bold: bool = False) -> int:
    """The largest font size (pt) at which ``text`` fits ``width`` in at most ``max_lines`` lines, words whole."""
    for size in range(largest, smallest - 1, -1):
        if wrapped_lines(text, size, width, bold) <= max_lines:
            return size
    return smallest


def fit_block(lines, box: Box, largest: int, smallest: int) -> int:
    """The largest font size (pt) at which the paragraphs ``lines`` fit in ``box`` (line and paragraph spacing included)."""
    for size in range(largest, smallest - 1, -1):
        rows = sum(wrapped_lines(line, size, box.width) for line in lines)
        if rows * size * 1.2 / 72 + len(lines) * size * 0.4 / 72 + 0.1 <= box.height:
            return size
    return smallest


def fit_height(lines, width: float, size: int) -> float:
    """The height (inches) the paragraphs ``lines`` take at ``size`` pt in a box ``width`` wide (as ``fit_block``)."""
    rows = sum(wrapped_lines(line, size, width) for line in lines)
    return rows * size * 1.2 / 72 + len(lines) * size * 0.4 / 72 + 0.1


def _frame(slide, deck: Deck, title: str, size: tuple[float, float], own_geometry: bool) -> Box:
    """Title, subtitle and demo badge; returns the box left for the slide's content."""
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
    from pptx.util import Inches, Pt

    slide_w, slide_h = size
    placeholder = slide.shapes.title
    for shape in list(slide.placeholders):  # content placeholders the deck does not fill
        if shape.placeholder_format.idx != placeholder.placeholder_format.idx:
            shape._element.getparent().remove(shape._element)
    if own_geometry:
        box = Box(0.5, 0.3, slide_w - 1.0, 0.8)
    else:
        box = Box(
            *(
                v / EMU_PER_INCH
                for v in (placeholder.left, placeholder.top, placeholder.width, placeholder.height)
            )
        )
    badge_left = slide_w - 0.3 - BADGE_WIDTH
    if deck.is_demo and box.right > badge_left - 0.1 and box.top < 0.3 + BADGE_HEIGHT:
        box = Box(box.left, box.top, badge_left - 0.1 - box.left, box.height)
    points, lines = fit_title(title, box.width)
    needed = lines * points * 1.2 / 72 + 0.15
    if needed > box.height or own_geometry:
        box = Box(box.left, box.top, box.width, max(box.height, needed))
    placeholder.left, placeholder.top = Inches(box.left), Inches(box.top)
    placeholder.width, placeholder.height = Inches(box.width), Inches(box.height)
    frame = placeholder.text_frame
    frame.text = title
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.vertical_anchor = MSO_ANCHOR.BOTTOM  # a short title sits on the subtitle, never on top of it
    for para in frame.paragraphs:
        if own_geometry:  # a template's title keeps its own alignment
            para.alignment = PP_ALIGN.LEFT
        for run in para.runs:
            run.font.size = Pt(points)
            run.font.bold = True
    subtitle = _text(
        slide, Box(box.left, box.bottom + 0.02, slide_w - 2 * box.left, 0.4), deck.subtitle, 14, GREY
    )
    subtitle.name = "Ondertitel"
    if deck.is_demo:
        badge = slide.shapes.add_shape(
            MSO_SHAPE.ROUNDED_RECTANGLE,
            Inches(badge_left),
            Inches(0.3),
            Inches(BADGE_WIDTH),
            Inches(BADGE_HEIGHT),
        )
        badge.name = "Demodata"
        badge.fill.solid()
        badge.fill.fore_color.rgb = _rgb(BADGE_FILL)
        badge.line.color.rgb = _rgb(BADGE_EDGE)
        badge.text_frame.text = t("demo_badge", deck.lang)
        badge.text_frame.word_wrap = False
        para = badge.text_frame.paragraphs[0]
        para.font.size, para.font.bold = Pt(13), True
        para.font.color.rgb = _rgb(BADGE_TEXT)
        set_alt_text(badge, t("demo_badge", deck.lang))
    top = box.bottom + 0.55
    margin = max(box.left, 0.4)
    return Box(margin, top, slide_w - 2 * margin, slide_h - 0.35 - top)


# --- drawing helpers ------------------------------------------------------------------------


def _rgb(colour):
    from pptx.dml.color import RGBColor

    return RGBColor(*colour)


def set_alt_text(shape, text: str) -> None:
    """Alternative text (``descr`` on the shape's non-visual properties), read by screen readers."""
    shape._element.xpath("./*[1]/p:cNvPr")[0].set("descr", text)


def _text(slide, box: Box, lines, size=18, colour=DARK, bold=False):
    from pptx.util import Inches, Pt

    shape = slide.shapes.add_textbox(Inches(box.left), Inches(box.top), Inches(box.width), Inches(box.height))
    frame = shape.text_frame
    frame.word_wrap = True
    for i, line in enumerate([lines] if isinstance(lines, str) else lines):
        para = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        para.text = line
        para.font.size = Pt(size)
        para.font.bold = bold
        para.font.color.rgb = _rgb(colour)
        para.space_after = Pt(size * 0.4)
    return shape


def _chart(slide, kind, categories, series, box: Box, number_format="#,##0"):
    from pptx.chart.data import CategoryChartData
    from pptx.enum.chart import XL_LEGEND_POSITION
    from pptx.util import Inches, Pt

    data = CategoryChartData(number_format=number_format)
    data.categories = categories
    for name, values in series:
        data.add_series(name, [None if pd.isna(v) else float(v) for v in values])
    graphic = slide.shapes.add_chart(
        kind, Inches(box.left), Inches(box.top), Inches(box.width), Inches(box.height), data
    )
    chart = graphic.chart
    chart.font.size = Pt(14)
    chart.has_title = False  # the slide's title says what the chart is
    chart.has_legend = len(series) > 1
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
    return graphic, chart


def _horizontal_tick_labels(axis) -> None:
    """Tick labels level (no slanting), as LibreOffice otherwise rotates long dates."""
    tx_pr = axis._element.get_or_add_txPr()
    tx_pr.bodyPr.set("rot", "0")
    tx_pr.bodyPr.set("vert", "horz")


def _date_axis(chart, dates, lang: str) -> None:
    """A date axis with a tick every 1, 2, 3, 6 or 12 months, labelled "mrt 2025" in the deck's language."""
    from lxml import etree

    from vsdash.slide_figures import month_step

    axis = chart.category_axis
    axis.tick_labels.number_format = f"{DATE_LOCALE.get(lang, '')}mmm yyyy"
    axis.tick_labels.number_format_is_linked = False
    stamps = pd.to_datetime(pd.Series(dates))
    step = month_step(stamps.min(), stamps.max())
    element = axis._element
    ns = element.nsmap.get("c") or "http://schemas.openxmlformats.org/drawingml/2006/chart"
    for tag in ("baseTimeUnit", "majorUnit", "majorTimeUnit", "minorUnit", "minorTimeUnit"):
        for old in element.findall(f"{{{ns}}}{tag}"):
            element.remove(old)
    # Schema order inside c:dateAx: ... c:lblOffset, c:baseTimeUnit, c:majorUnit, c:majorTimeUnit ...
    anchor = element.find(f"{{{ns}}}lblOffset")
    position = list(element).index(anchor) + 1 if anchor is not None else len(element)
    for i, (tag, value) in enumerate(
        (("baseTimeUnit", "days"), ("majorUnit", str(step)), ("majorTimeUnit", "months"))
    ):
        node = etree.Element(f"{{{ns}}}{tag}")
        node.set("val", value)
        element.insert(position + i, node)
    _horizontal_tick_labels(axis)


# Where the trend chart draws its plot, as fractions of the chart: fixed (not left to the
# viewer), so the campaign bands laid over it sit on their dates in PowerPoint and LibreOffice.
TREND_PLOT = (0.07, 0.04, 0.91, 0.78)  # x, y, width, height
BAND_FILL = (0xE6, 0x9F, 0x00)  # Okabe-Ito orange, as the PDF's and Overzicht's campaign bands
BAND_ALPHA = 25  # per cent opaque: the lines stay visible through the band


def _manual_plot_area(chart, x: float, y: float, w: float, h: float) -> None:
    """Fix the inner plot area of ``chart`` at fractions of the chart's frame (c:manualLayout)."""
    from lxml import etree

    plot_area = chart._chartSpace.chart.plotArea
    ns = "http://schemas.openxmlformats.org/drawingml/2006/chart"
    for old in plot_area.findall(f"{{{ns}}}layout"):
        plot_area.remove(old)
    layout = etree.Element(f"{{{ns}}}layout")
    manual = etree.SubElement(layout, f"{{{ns}}}manualLayout")
    for tag, value in (("layoutTarget", "inner"), ("xMode", "edge"), ("yMode", "edge")):
        etree.SubElement(manual, f"{{{ns}}}{tag}").set("val", value)
    for tag, value in (("x", x), ("y", y), ("w", w), ("h", h)):
        etree.SubElement(manual, f"{{{ns}}}{tag}").set("val", f"{value:.4f}")
    plot_area.insert(0, layout)  # c:layout is the plot area's first child in the schema


def _campaign_bands(slide, deck: Deck, chart, chart_box: Box, dates: list) -> None:
    """Shade each campaign on the trend, as the note under the chart says (a native chart cannot).

    The plot area is fixed with a manual layout and the date axis is linear in days, so a band
    from a campaign's first to its last day lies where those days are on the axis.
    """
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.oxml.ns import qn
    from pptx.util import Inches

    if deck.bands.empty or len(dates) < 2:
        return
    x, y, w, h = TREND_PLOT
    _manual_plot_area(chart, x, y, w, h)
    first, last = pd.Timestamp(min(dates)), pd.Timestamp(max(dates))
    span = (last - first).days
    left0, width0 = chart_box.left + x * chart_box.width, w * chart_box.width
    top, height = chart_box.top + y * chart_box.height, h * chart_box.height
    for band in deck.bands.itertuples():
        start = max(pd.Timestamp(band.start), first)
        end = min(pd.Timestamp(band.eind), last)
        if start > end:
            continue
        left = left0 + width0 * (start - first).days / span
        right = left0 + width0 * (end - first).days / span
        rect = slide.shapes.add_shape(
            MSO_SHAPE.RECTANGLE, Inches(left), Inches(top), Inches(max(right - left, 0.04)), Inches(height)
        )
        rect.name = f"Campagne: {band.naam}"[:60]
        rect.fill.solid()
        rect.fill.fore_color.rgb = _rgb(BAND_FILL)
        colour = rect._element.spPr.find(qn("a:solidFill")).find(qn("a:srgbClr"))
        colour.append(colour.makeelement(qn("a:alpha"), {"val": str(BAND_ALPHA * 1000)}))
        rect.line.fill.background()
        rect.shadow.inherit = False
        period = f"{fmt_date(start.date(), deck.lang)} – {fmt_date(end.date(), deck.lang)}"
        set_alt_text(rect, f"{band.naam} ({period})")


def _error_bars(series, plus: list[float], minus: list[float]) -> None:
    """Custom vertical error bars on a bar series (python-pptx has no API for them)."""
    from lxml import etree

    ser = series._element
    ns = "http://schemas.openxmlformats.org/drawingml/2006/chart"

    def sub(parent, tag, val=None):
        node = etree.SubElement(parent, f"{{{ns}}}{tag}")
        if val is not None:
            node.set("val", str(val))
        return node

    bars = etree.Element(f"{{{ns}}}errBars")
    sub(bars, "errDir", "y")
    sub(bars, "errBarType", "both")
    sub(bars, "errValType", "cust")
    sub(bars, "noEndCap", "0")
    for tag, values in (("plus", plus), ("minus", minus)):
        literal = sub(sub(bars, tag), "numLit")
        sub(literal, "formatCode").text = "General"
        sub(literal, "ptCount", len(values))
        for i, value in enumerate(values):
            point = sub(literal, "pt")
            point.set("idx", str(i))
            sub(point, "v").text = repr(float(value))
    line = sub(bars, "spPr")
    ln = etree.SubElement(line, "{http://schemas.openxmlformats.org/drawingml/2006/main}ln", w="19050")
    fill = etree.SubElement(ln, "{http://schemas.openxmlformats.org/drawingml/2006/main}solidFill")
    etree.SubElement(fill, "{http://schemas.openxmlformats.org/drawingml/2006/main}srgbClr", val="1A1A1A")
    ser.find(f"{{{ns}}}cat").addprevious(bars)  # schema order: ... dLbls, trendline, errBars, cat, val


def _count_axis(axis, top: float) -> None:
    """A value axis for counts: from 0, whole steps only (never 0,5 activities)."""
    step = max(1, _nice_step(top))
    axis.minimum_scale = 0
    axis.maximum_scale = step * math.ceil(max(top, 1) * 1.1 / step)
    axis.major_unit = step
    axis.tick_labels.number_format = "#,##0"
    axis.tick_labels.number_format_is_linked = False


def _nice_step(top: float) -> int:
    """1, 2 or 5 times a power of ten, giving four to eight steps up to ``top``."""
    if top <= 0:
        return 1
    raw = top / 5
    power = 10 ** math.floor(math.log10(raw)) if raw >= 1 else 1
    for factor in (1, 2, 5, 10):
        if raw <= factor * power:
            return int(factor * power)
    return int(10 * power)


def _picture(slide, png: bytes, box: Box, alt: str):
    """A picture as large as fits in ``box`` with its aspect ratio kept, centred, with alt text."""
    from PIL import Image
    from pptx.util import Inches

    with Image.open(io.BytesIO(png)) as image:
        ratio = image.width / image.height
    width = min(box.width, box.height * ratio)
    height = width / ratio
    left = box.left + (box.width - width) / 2
    picture = slide.shapes.add_picture(
        io.BytesIO(png), Inches(left), Inches(box.top), Inches(width), Inches(height)
    )
    picture.name = re.sub(r"\s+", " ", alt)[:60]
    set_alt_text(picture, alt)
    return picture


def _empty(slide, deck: Deck, kind: str, box: Box) -> bool:
    """Write why there is nothing to show; True when the slide is empty."""
    reason = deck_text.empty_reason(deck, kind)
    if reason:
        _text(slide, Box(box.left, box.top, box.width, 1.5), reason, 20)
    return bool(reason)


class _Slides:
    """One builder per slide kind; each draws inside the box below the title and subtitle."""

    @staticmethod
    def kerncijfers(slide, deck: Deck, spec: SlideSpec, box: Box) -> None:
        items = deck_text.key_figure_items(deck)
        width = box.width / len(items) - 0.2
        # One size per row, so the figures line up; words are never broken ("geen meldpunt").
        # A label may go below 14 pt to keep a long word whole ("Meldingsbereidheid" in six columns).
        label_size = min(fit_size(label, width, 15, 11, 3) for label, _, _ in items)
        value_size = min(fit_size(value, width, 40, 14, 2, bold=True) for _, value, _ in items)
        label_h = (
            max(wrapped_lines(label, label_size, width) for label, _, _ in items) * label_size * 1.25 / 72
        )
        value_h = max(wrapped_lines(v, value_size, width, True) for _, v, _ in items) * value_size * 1.25 / 72
        value_top = box.top + label_h + 0.15
        note_top = value_top + value_h + 0.2
        caveats = deck.caveats[:2]
        caveat_size = BODY_MIN_PT
        caveat_h = fit_height(caveats, box.width, caveat_size)
        caveat_top = box.bottom - caveat_h
        note_h = caveat_top - 0.1 - note_top
        notes = [note for _, _, note in items if note]
        # Notes as large as fit (14 pt and up in English); a long Dutch word kept whole in a sixth of
        # the slide ("(Veiligheidsmonitor") can take them to 12 pt, never to the old 11.
        note_size = min(
            (fit_block([n], Box(0, 0, width, note_h), 16, NOTE_MIN_PT) for n in notes), default=16
        )
        for i, (label, value, note) in enumerate(items):
            left = box.left + i * (width + 0.2)
            _text(slide, Box(left, box.top, width, label_h + 0.1), label, label_size, GREY)
            _text(slide, Box(left, value_top, width, value_h + 0.1), value, value_size, BLUE, bold=True)
            if note:
                _text(slide, Box(left, note_top, width, note_h), note, note_size, GREY)
        _text(slide, Box(box.left, caveat_top, box.width, caveat_h), caveats, caveat_size, GREY)

    @staticmethod
    def trend(slide, deck: Deck, spec: SlideSpec, box: Box) -> None:
        from pptx.enum.chart import XL_CHART_TYPE, XL_MARKER_STYLE
        from pptx.enum.dml import MSO_LINE_DASH_STYLE
        from pptx.util import Pt

        if _empty(slide, deck, "trend", box):
            return
        dates = [pd.Timestamp(p).date() for p in deck.trend["periode"]]
        from vsdash.chart_text import trend_series_names

        previous = deck_text.previous_on_trend_axis(deck)
        # The legend names only lines that are drawn, in the order the PDF and Overzicht use.
        with_previous = bool(previous.notna().any())
        values = [deck.trend["n"], previous] if with_previous else [deck.trend["n"]]
        series = list(zip(trend_series_names(deck.lang, with_previous=with_previous), values, strict=True))
        chart_box = Box(box.left, box.top, box.width, box.height - 0.8)
        graphic, chart = _chart(slide, XL_CHART_TYPE.LINE_MARKERS, dates, series, chart_box)
        _date_axis(chart, dates, deck.lang)
        top = pd.concat([deck.trend["n"], previous]).max(skipna=True)
        _count_axis(
            chart.value_axis, 1.0 if pd.isna(top) else float(top)
        )  # every point hidden: still an axis
        styles = [(BLUE, 2.75, None), (GREY, 2.0, MSO_LINE_DASH_STYLE.ROUND_DOT)]
        for plotted, (colour, width, dash) in zip(chart.plots[0].series, styles, strict=False):
            plotted.smooth = False
            plotted.format.line.color.rgb = _rgb(colour)
            plotted.format.line.width = Pt(width)
            if dash is not None:
                plotted.format.line.dash_style = dash
                plotted.marker.style = XL_MARKER_STYLE.NONE
            else:
                plotted.marker.style = XL_MARKER_STYLE.CIRCLE
                plotted.marker.size = 5
                plotted.marker.format.fill.solid()
                plotted.marker.format.fill.fore_color.rgb = _rgb(colour)
        set_alt_text(graphic, deck_text.trend_alt(deck))
        _campaign_bands(slide, deck, chart, chart_box, dates)
        _text(
            slide, Box(box.left, chart_box.bottom + 0.1, box.width, 0.7), deck_text.trend_note(deck), 13, GREY
        )

    @staticmethod
    def effect(slide, deck: Deck, spec: SlideSpec, box: Box) -> None:
        from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION
        from pptx.util import Pt

        card = deck.effect
        if card is None or card.hidden:
            lines = deck_text.effect_lines(deck)
            _text(slide, box, lines, fit_block(lines, box, 22, 12))
            return
        est = card.estimate
        # Wide enough for both category names side by side, also on a 4:3 template.
        chart_box = Box(box.left, box.top, min(box.width * 0.6, max(box.width * 0.45, 5.2)), box.height)
        expected, observed = t("expected_reports", deck.lang), t("observed_reports", deck.lang)
        # One series per bar (the other point empty, bars overlapping fully): the expected bar
        # alone carries its 95% interval, and each bar gets its own colour as in the PDF.
        graphic, chart = _chart(
            slide,
            XL_CHART_TYPE.COLUMN_CLUSTERED,
            [expected, observed],
            [(expected, [est.expected, None]), (observed, [None, est.observed])],
            chart_box,
        )
        chart.has_legend = False  # the category labels name both bars
        plot = chart.plots[0]
        plot.overlap, plot.gap_width = 100, 60
        plot.has_data_labels = True
        labels = plot.data_labels
        labels.number_format, labels.number_format_is_linked = "#,##0", False
        labels.position = XL_LABEL_POSITION.INSIDE_BASE  # clear of the interval's whisker
        labels.font.bold, labels.font.size = True, Pt(16)
        labels.font.color.rgb = _rgb((0xFF, 0xFF, 0xFF))
        for plotted, colour in zip(plot.series, (GREY, BLUE), strict=True):
            plotted.format.fill.solid()
            plotted.format.fill.fore_color.rgb = _rgb(colour)
        _count_axis(chart.value_axis, max(est.expected_high, est.observed))
        _horizontal_tick_labels(chart.category_axis)
        _error_bars(
            plot.series[0], [est.expected_high - est.expected, 0], [est.expected - est.expected_low, 0]
        )
        set_alt_text(graphic, deck_text.effect_alt(deck))
        right = Box(chart_box.right + 0.3, box.top, box.right - chart_box.right - 0.3, box.height)
        lines = deck_text.effect_lines(deck)
        _text(slide, right, lines, fit_block(lines, right, 18, 11))

    @staticmethod
    def kaart(slide, deck: Deck, spec: SlideSpec, box: Box) -> None:
        legend = Box(box.left + box.width * 0.74, box.top, box.width * 0.26, box.height)
        if deck.map_png:
            _picture(
                slide,
                deck.map_png,
                Box(box.left, box.top, box.width * 0.72, box.height),
                deck_text.map_alt(deck),
            )
        lines = deck_text.map_lines(deck)
        _text(slide, legend, lines, fit_block(lines, legend, 14, 9))

    @staticmethod
    def activiteiten(slide, deck: Deck, spec: SlideSpec, box: Box) -> None:
        from pptx.enum.chart import XL_CHART_TYPE

        if _empty(slide, deck, "activiteiten", box):
            return
        rows = deck.activities.iloc[::-1]  # a bar chart draws its first category at the bottom
        graphic, chart = _chart(
            slide,
            XL_CHART_TYPE.BAR_CLUSTERED,
            list(rows["categorie_label"]),
            [(t("activities", deck.lang), rows["n"])],
            box,
        )
        plot = chart.plots[0]
        plot.has_data_labels = True
        plot.data_labels.number_format, plot.data_labels.number_format_is_linked = "#,##0", False
        plot.series[0].format.fill.solid()
        plot.series[0].format.fill.fore_color.rgb = _rgb(BLUE)
        _count_axis(chart.value_axis, float(rows["n"].max()))
        set_alt_text(graphic, deck_text.activities_alt(deck))

    @staticmethod
    def geleerd(slide, deck: Deck, spec: SlideSpec, box: Box) -> None:
        bullets = [f"• {point}" for point in deck.learned]
        _text(slide, box, bullets, fit_block(bullets, box, 20, 11))

    @staticmethod
    def vergelijking(slide, deck: Deck, spec: SlideSpec, box: Box) -> None:
        from vsdash import slide_figures

        if _empty(slide, deck, "vergelijking", box):
            return
        png = slide_figures.figure_png(slide_figures.peers_figure(deck), dpi=150)
        _picture(slide, png, box, deck_text.peers_alt(deck))

    @staticmethod
    def tekst(slide, deck: Deck, spec: SlideSpec, box: Box) -> None:
        lines = [line for line in spec.text.splitlines() if line.strip()] or [""]
        _text(slide, box, lines, fit_block(lines, box, 24, 11))

    @staticmethod
    def lessen(slide, deck: Deck, spec: SlideSpec, box: Box) -> None:
        from pptx.util import Pt

        if _empty(slide, deck, "lessen", box):
            return
        items = deck_text.lesson_lines(deck)
        size = fit_block([part for item in items for part in item if part], box, 18, 10)
        shape = _text(slide, box, [], size)
        frame = shape.text_frame
        first = True
        for heading, body in items:
            for text, bold, colour in ((heading, True, DARK), (body, False, GREY)):
                if not text:
                    continue
                para = frame.paragraphs[0] if first else frame.add_paragraph()
                first = False
                para.text = text
                para.font.size, para.font.bold = Pt(size), bold
                para.font.color.rgb = _rgb(colour)
                para.space_after = Pt(2 if bold else size * 0.6)
