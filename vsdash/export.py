"""Files to take away: the presentation as PPTX (native, editable charts) and PDF.

Every export starts from data that ``vsdash.privacy`` has already checked (a ``Deck`` or a
chart's table). Every slide names the selection and the period and, for demo data, carries the
"Demodata — fictief" badge. Tables as CSV/XLSX are written by ``vsdash.spreadsheets``. No
streamlit here.
"""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

from vsdash.i18n import fmt_date, fmt_number, fmt_percent, t
from vsdash.presentation import SLIDES, Deck

BADGE_FILL = (0xFF, 0xF4, 0xCE)
BADGE_TEXT = (0x3D, 0x2E, 0x00)
BADGE_EDGE = (0x8A, 0x6D, 0x00)
BLUE = (0x00, 0x72, 0xB2)
GREY = (0x76, 0x76, 0x76)


# --- shared slide texts ---------------------------------------------------------------------


def key_figure_items(deck: Deck) -> list[tuple[str, str, str]]:
    """The key figures as (label, value, note) for a slide, with the units of the catalogue."""
    lang, key = deck.lang, deck.key
    figures = key.figures
    notes = figures.notes(lang)
    change_note = (
        t("present_previous", lang, n=key.previous, periode=notes["previous_period"])
        if figures.change is not None
        else notes["change"]
    )
    return [
        (
            t("reports", lang),
            key.reports,
            t("population_note", lang, inwoners=fmt_number(key.inhabitants, lang), jaar=key.population_year),
        ),
        (t("per_10k_year", lang), key.per_10k, notes["rate"]),
        (t("vs_previous_period_short", lang), key.change, change_note if key.has_channel else ""),
        (t("campaigns_running", lang), fmt_number(key.campaigns, lang), ""),
        (t("activities", lang), fmt_number(key.activities, lang), ""),
    ]


def effect_lines(deck: Deck) -> list[str]:
    """The effect card in words: campaign, dates, the sentence, the numbers and the caveat."""
    lang, card = deck.lang, deck.effect
    if card is None:
        return [deck.effect_reason]
    lines = [
        f"{card.naam} · {card.gemeente_naam} · {fmt_date(card.start, lang)} – {fmt_date(card.end, lang)}",
        card.sentence,
    ]
    if not card.hidden:
        est = card.estimate
        lines.append(
            t(
                "present_effect_numbers",
                lang,
                verwacht=fmt_number(est.expected, lang),
                laag=fmt_number(est.expected_low, lang),
                hoog=fmt_number(est.expected_high, lang),
                gemeld=card.observed_label,
                pct=fmt_percent(est.relative_change, lang, sign=True),
            )
        )
        lines += [d.render(lang) for d in est.diagnostics]
    lines.append(t("caveat_willingness", lang))
    return lines


def trend_note(deck: Deck) -> str:
    """Campaigns shaded on the trend, in words (a native chart cannot shade periods)."""
    lang = deck.lang
    if deck.bands.empty:
        return t("present_no_bands", lang)
    names = "; ".join(
        f"{c.naam} ({fmt_date(pd.Timestamp(c.start).date(), lang)} – {fmt_date(pd.Timestamp(c.eind).date(), lang)})"
        for c in deck.bands.itertuples()
    )
    return t("present_bands", lang, campagnes=names)


# --- PowerPoint -----------------------------------------------------------------------------


def deck_to_pptx(deck: Deck) -> bytes:
    """The deck as a 16:9 PowerPoint file with native charts (trend, effect, activities).

    The map is a picture (maps are not a chart type); every other chart can be edited in
    PowerPoint, its data sheet included. Hidden (suppressed) counts are empty points.
    """
    from pptx import Presentation
    from pptx.util import Inches

    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    blank = prs.slide_layouts[6]
    for slide_id in SLIDES:
        slide = prs.slides.add_slide(blank)
        _pptx_frame(slide, deck, deck.slide_title(slide_id))
        getattr(_PptxSlides, slide_id)(slide, deck)
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()


def _rgb(colour):
    from pptx.dml.color import RGBColor

    return RGBColor(*colour)


def _pptx_text(slide, left, top, width, height, lines, size=18, bold=False, colour=(0x1A, 0x1A, 0x1A)):
    from pptx.util import Inches, Pt

    box = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height))
    frame = box.text_frame
    frame.word_wrap = True
    for i, line in enumerate([lines] if isinstance(lines, str) else lines):
        para = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        para.text = line
        para.font.size = Pt(size)
        para.font.bold = bold
        para.font.color.rgb = _rgb(colour)
        para.space_after = Pt(6)
    return box


def _pptx_frame(slide, deck: Deck, title: str) -> None:
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.util import Inches, Pt

    _pptx_text(slide, 0.5, 0.3, 9.6, 0.9, title, size=32, bold=True)
    _pptx_text(slide, 0.5, 1.05, 10, 0.5, deck.subtitle, size=16, colour=GREY)
    if deck.is_demo:
        badge = slide.shapes.add_shape(
            MSO_SHAPE.ROUNDED_RECTANGLE, Inches(10.3), Inches(0.35), Inches(2.6), Inches(0.5)
        )
        badge.fill.solid()
        badge.fill.fore_color.rgb = _rgb(BADGE_FILL)
        badge.line.color.rgb = _rgb(BADGE_EDGE)
        badge.text_frame.text = t("demo_badge", deck.lang)
        para = badge.text_frame.paragraphs[0]
        para.font.size, para.font.bold = Pt(14), True
        para.font.color.rgb = _rgb(BADGE_TEXT)


def _pptx_chart(slide, kind, categories, series, left, top, width, height, number_format="#,##0"):
    from pptx.chart.data import CategoryChartData
    from pptx.enum.chart import XL_LEGEND_POSITION
    from pptx.util import Inches, Pt

    data = CategoryChartData(number_format=number_format)
    data.categories = categories
    for name, values in series:
        data.add_series(name, [None if pd.isna(v) else float(v) for v in values])
    graphic = slide.shapes.add_chart(kind, Inches(left), Inches(top), Inches(width), Inches(height), data)
    chart = graphic.chart
    chart.font.size = Pt(14)
    chart.has_legend = len(series) > 1
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
    return chart


class _PptxSlides:
    """One builder per slide id; each draws below the title and subtitle."""

    @staticmethod
    def kerncijfers(slide, deck: Deck) -> None:
        items = key_figure_items(deck)
        width = 12.3 / len(items)
        for i, (label, value, note) in enumerate(items):
            left = 0.5 + i * width
            _pptx_text(slide, left, 2.2, width - 0.2, 0.6, label, size=16, colour=GREY)
            _pptx_text(slide, left, 2.8, width - 0.2, 1.2, value, size=44, bold=True, colour=BLUE)
            if note:
                _pptx_text(slide, left, 4.1, width - 0.2, 1.0, note, size=12, colour=GREY)
        _pptx_text(slide, 0.5, 5.6, 12.3, 1.4, deck.caveats[:2], size=13, colour=GREY)

    @staticmethod
    def trend(slide, deck: Deck) -> None:
        from pptx.enum.chart import XL_CHART_TYPE

        if deck.trend.empty:
            _pptx_text(slide, 0.5, 2.2, 12.3, 1, t("no_reports_period", deck.lang), size=20)
            return
        categories = [fmt_date(p.date(), deck.lang) for p in deck.trend["periode"]]
        previous = deck.previous.set_index("periode")["n"].reindex(deck.trend["periode"])
        chart = _pptx_chart(
            slide,
            XL_CHART_TYPE.LINE,
            categories,
            [(t("reports", deck.lang), deck.trend["n"]), (t("same_period_last_year", deck.lang), previous)],
            0.5,
            1.6,
            12.3,
            4.6,
        )
        chart.plots[0].series[0].format.line.color.rgb = _rgb(BLUE)
        chart.plots[0].series[1].format.line.color.rgb = _rgb(GREY)
        chart.plots[0].series[1].format.line.dash_style = 4  # MSO_LINE_DASH_STYLE.ROUND_DOT
        _pptx_text(slide, 0.5, 6.3, 12.3, 1.0, trend_note(deck), size=13, colour=GREY)

    @staticmethod
    def effect(slide, deck: Deck) -> None:
        from pptx.enum.chart import XL_CHART_TYPE

        card = deck.effect
        if card is None or card.hidden:
            _pptx_text(slide, 0.5, 2.0, 12.3, 4.5, effect_lines(deck), size=20)
            return
        est = card.estimate
        chart = _pptx_chart(
            slide,
            XL_CHART_TYPE.COLUMN_CLUSTERED,
            [t("expected_reports", deck.lang), t("observed_reports", deck.lang)],
            [(t("reports", deck.lang), [est.expected, est.observed])],
            0.5,
            1.7,
            5.6,
            5.0,
        )
        plot = chart.plots[0]
        plot.has_data_labels = True
        plot.data_labels.number_format, plot.data_labels.number_format_is_linked = "#,##0", False
        plot.series[0].format.fill.solid()
        plot.series[0].format.fill.fore_color.rgb = _rgb(BLUE)
        _pptx_text(slide, 6.4, 1.8, 6.5, 5.2, effect_lines(deck), size=16)

    @staticmethod
    def kaart(slide, deck: Deck) -> None:
        from pptx.util import Inches

        if deck.map_png:
            slide.shapes.add_picture(io.BytesIO(deck.map_png), Inches(0.5), Inches(1.6), height=Inches(5.3))
        _pptx_text(slide, 9.6, 2.0, 3.4, 4.5, map_lines(deck), size=13)

    @staticmethod
    def activiteiten(slide, deck: Deck) -> None:
        from pptx.enum.chart import XL_CHART_TYPE

        rows = deck.activities
        chart = _pptx_chart(
            slide,
            XL_CHART_TYPE.BAR_CLUSTERED,
            list(rows["categorie_label"]),
            [(t("activities", deck.lang), rows["n"])],
            0.5,
            1.7,
            12.3,
            5.0,
        )
        plot = chart.plots[0]
        plot.has_data_labels = True
        plot.series[0].format.fill.solid()
        plot.series[0].format.fill.fore_color.rgb = _rgb(BLUE)
        chart.category_axis.reverse_order = True  # same order as on the page, top to bottom

    @staticmethod
    def geleerd(slide, deck: Deck) -> None:
        _pptx_text(slide, 0.5, 1.7, 12.3, 5.5, [f"• {point}" for point in deck.learned], size=15)


def map_lines(deck: Deck) -> list[str]:
    """The map slide's legend in words: risk areas with their report counts (privacy-applied)."""
    lang = deck.lang
    lines = [t("present_map_note", lang, k=deck.k)]
    areas = deck.risk_areas.sort_values("n", ascending=False, na_position="last")
    for area in areas.head(8).itertuples():
        lines.append(f"{area.naam}: {area.label}")
    if len(areas) > 8:
        lines.append(t("present_more_areas", lang, n=len(areas) - 8))
    if areas.empty:
        lines.append(t("present_no_areas", lang))
    return lines


# --- PDF ------------------------------------------------------------------------------------

PDF_SIZE = (960, 540)  # points: 16:9, 33.9 x 19.1 cm


def _pdf_font() -> str:
    """Register DejaVu Sans (shipped with matplotlib) so every character of the labels prints."""
    import matplotlib
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        fonts = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
        pdfmetrics.registerFont(TTFont("DejaVuSans", str(fonts / "DejaVuSans.ttf")))
        pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(fonts / "DejaVuSans-Bold.ttf")))
    return "DejaVuSans"


def deck_to_pdf(deck: Deck) -> bytes:
    """The deck as a landscape 16:9 PDF, one slide per page; charts as matplotlib pictures."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    from vsdash import slide_figures as figs

    font = _pdf_font()
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=PDF_SIZE)
    pdf.setTitle(f"{deck.slide_title('kerncijfers')} · {deck.period_text}")
    width, height = PDF_SIZE

    def picture(png: bytes, x, y, w, h) -> None:
        pdf.drawImage(ImageReader(io.BytesIO(png)), x, y, w, h, preserveAspectRatio=True, anchor="c")

    for slide_id in SLIDES:
        _pdf_frame(pdf, deck, deck.slide_title(slide_id), font)
        body_top = height - 110
        if slide_id == "kerncijfers":
            items = key_figure_items(deck)
            column = (width - 80) / len(items)
            for i, (label, value, note) in enumerate(items):
                x = 40 + i * column
                _pdf_paragraph(pdf, label, x, body_top - 40, column - 10, 14, font, "#767676")
                _pdf_paragraph(pdf, value, x, body_top - 110, column - 10, 38, font + "-Bold", "#0072B2")
                if note:
                    _pdf_paragraph(pdf, note, x, body_top - 170, column - 10, 10, font, "#767676")
            _pdf_lines(pdf, deck.caveats[:2], 40, 150, width - 80, 11, font, "#555555")
        elif slide_id == "trend":
            if deck.trend.empty:
                _pdf_lines(pdf, [t("no_reports_period", deck.lang)], 40, body_top - 20, width - 80, 18, font)
            else:
                picture(figs.figure_png(figs.trend_figure(deck), dpi=110), 40, 70, width - 80, body_top - 80)
            _pdf_lines(pdf, [trend_note(deck)], 40, 60, width - 80, 10, font, "#555555")
        elif slide_id == "effect":
            if deck.effect is not None and not deck.effect.hidden:
                picture(figs.figure_png(figs.effect_figure(deck), dpi=110), 40, 40, 430, body_top - 50)
                _pdf_lines(pdf, effect_lines(deck), 490, body_top - 10, width - 530, 14, font)
            else:
                _pdf_lines(pdf, effect_lines(deck), 40, body_top - 10, width - 80, 18, font)
        elif slide_id == "kaart":
            if deck.map_png:
                picture(deck.map_png, 40, 30, 640, body_top - 40)
            _pdf_lines(pdf, map_lines(deck), 700, body_top - 10, width - 740, 11, font)
        elif slide_id == "activiteiten":
            picture(figs.figure_png(figs.activities_figure(deck), dpi=110), 40, 40, width - 80, body_top - 50)
        else:
            _pdf_lines(pdf, [f"• {p}" for p in deck.learned], 40, body_top - 10, width - 80, 13, font)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _pdf_frame(pdf, deck: Deck, title: str, font: str) -> None:
    width, height = PDF_SIZE
    pdf.setFillColorRGB(0.1, 0.1, 0.1)
    pdf.setFont(font + "-Bold", 26)
    pdf.drawString(40, height - 55, title)
    pdf.setFont(font, 13)
    pdf.setFillColorRGB(0.46, 0.46, 0.46)
    pdf.drawString(40, height - 80, deck.subtitle)
    if deck.is_demo:
        label = t("demo_badge", deck.lang)
        pdf.setFont(font + "-Bold", 12)
        w = pdf.stringWidth(label, font + "-Bold", 12) + 20
        pdf.setFillColorRGB(*(c / 255 for c in BADGE_FILL))
        pdf.setStrokeColorRGB(*(c / 255 for c in BADGE_EDGE))
        pdf.roundRect(width - 40 - w, height - 62, w, 26, 5, fill=1, stroke=1)
        pdf.setFillColorRGB(*(c / 255 for c in BADGE_TEXT))
        pdf.drawString(width - 30 - w, height - 53, label)


def _pdf_paragraph(pdf, text, x, top, width, size, font, colour="#1a1a1a") -> float:
    """Draw wrapped text with its top at ``top``; return the y below it."""
    from xml.sax.saxutils import escape

    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    style = ParagraphStyle("s", fontName=font, fontSize=size, leading=size * 1.25, textColor=colour)
    para = Paragraph(escape(text), style)
    _, used = para.wrapOn(pdf, width, 1000)
    para.drawOn(pdf, x, top - used)
    return top - used


def _pdf_lines(pdf, lines, x, top, width, size, font, colour="#1a1a1a") -> None:
    for line in lines:
        top = _pdf_paragraph(pdf, line, x, top, width, size, font, colour) - size * 0.6
