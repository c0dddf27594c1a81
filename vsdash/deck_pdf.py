"""The deck as a tagged, accessible PDF (PDF/UA-1), one 16:9 page per slide.

The slides are written as HTML (headings, paragraphs, lists, pictures with alternative text) and
WeasyPrint turns that into a PDF/UA-1 file: a structure tree in reading order (the officer's slide
order), the document language, a title, and ``/Alt`` on every figure. Charts are the matplotlib
pictures of ``vsdash.slide_figures`` (Dutch month names on date axes); each picture's alternative
text says what it shows, in the same words as the PPTX. Every text typed by a person is escaped.
No streamlit here.
"""

from __future__ import annotations

import base64
import html
from pathlib import Path

from vsdash import deck_text
from vsdash.i18n import t
from vsdash.presentation import Deck, SlideSpec

PAGE_SIZE = (960, 540)  # points: 16:9, 33.9 x 19.1 cm
DPI = 130


def deck_to_pdf(deck: Deck) -> bytes:
    """The deck as a PDF/UA-1 document, one page per ``SlideSpec`` in ``deck.slides``."""
    from weasyprint import HTML

    return HTML(string=deck_html(deck)).write_pdf(pdf_variant="pdf/ua-1")


def deck_html(deck: Deck) -> str:
    """The whole deck as one HTML document: one ``<section>`` per slide, in the officer's order."""
    deck_text.check_kinds(deck)
    lang = deck.lang if deck.lang in ("nl", "en") else "nl"
    title = t("deck_document_title", lang, selectie=deck.label, periode=deck.period_text)
    sections = "\n".join(_section(deck, spec, n, len(deck.slides)) for n, spec in enumerate(deck.slides, 1))
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{_e(title)}</title><style>{_css()}</style></head><body>{sections}</body></html>"
    )


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _css() -> str:
    import matplotlib

    fonts = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    width, height = PAGE_SIZE
    # DejaVu Sans ships with matplotlib, so every character prints the same on any machine. The
    # page is the slide's size (13.3 by 7.5 inches): body text at 14 pt and notes at 12 pt at the
    # least, as on the PowerPoint slides, so the PDF can be projected too.
    return f"""
@font-face {{ font-family: "VS Sans"; src: url("{(fonts / "DejaVuSans.ttf").as_uri()}"); }}
@font-face {{ font-family: "VS Sans"; font-weight: bold; src: url("{(fonts / "DejaVuSans-Bold.ttf").as_uri()}"); }}
@page {{ size: {width}pt {height}pt; margin: 0; }}
html {{ font-family: "VS Sans", sans-serif; color: #1a1a1a; font-size: 13pt; }}
body {{ margin: 0; }}
section {{ width: {width}pt; height: {height}pt; box-sizing: border-box; padding: 26pt 40pt 20pt 40pt;
  position: relative; overflow: hidden; page-break-after: always; break-after: page; }}
section:last-child {{ page-break-after: auto; break-after: auto; }}
h1 {{ font-size: 24pt; line-height: 1.15; margin: 0 200pt 4pt 0; }}
h2 {{ font-size: 14pt; margin: 0 0 4pt 0; }}
.sub {{ color: #595959; font-size: 14pt; margin: 0 0 14pt 0; }}
.badge {{ position: absolute; top: 24pt; right: 40pt; margin: 0; padding: 4pt 10pt; font-weight: bold;
  font-size: 11pt; background: #fff4ce; color: #3d2e00; border: 1pt solid #8a6d00; border-radius: 5pt; }}
.figures {{ display: flex; gap: 14pt; }}
.figures div {{ flex: 1; }}
.label {{ color: #595959; margin: 0; font-size: 13pt; }}
.value {{ color: #0072b2; font-weight: bold; font-size: 34pt; margin: 4pt 0; }}
.value.long {{ font-size: 20pt; }}
.note {{ color: #595959; font-size: 12pt; margin: 0; }}
.caveats {{ color: #595959; font-size: 14pt; margin-top: 30pt; }}
.text {{ font-size: 17pt; }}
.small {{ font-size: 14pt; color: #595959; }}
.row {{ display: flex; gap: 20pt; }}
.row .main {{ flex: 3; }}
.row .side {{ flex: 2; font-size: 14pt; }}
.row .side.narrow {{ flex: 1; font-size: 14pt; }}
img {{ display: block; max-width: 100%; object-fit: contain; }}
ul {{ margin: 0; padding-left: 18pt; font-size: 15pt; }}
ul.dense {{ font-size: 14pt; }}
li {{ margin-bottom: 7pt; }}
.lesson {{ margin: 0 0 10pt 0; font-size: 14pt; }}
"""


def _section(deck: Deck, spec: SlideSpec, number: int, total: int) -> str:
    lang = deck.lang
    head = f'<h1>{_e(deck_text.slide_title(deck, spec))}</h1><p class="sub">{_e(deck.subtitle)}</p>'
    if deck.is_demo:
        head += f'<p class="badge">{_e(t("demo_badge", lang))}</p>'
    reason = deck_text.empty_reason(deck, spec.kind)
    body = f'<p class="text">{_e(reason)}</p>' if reason else getattr(_Body, spec.kind)(deck, spec)
    label = t("present_slide_of", lang, n=number, totaal=total)
    return f'<section aria-label="{_e(label)}">{head}{body}</section>'


def _img(png: bytes, alt: str, height_pt: float) -> str:
    data = base64.b64encode(png).decode("ascii")
    return f'<img src="data:image/png;base64,{data}" alt="{_e(alt)}" style="max-height: {height_pt}pt">'


def _paragraphs(lines, css: str = "") -> str:
    cls = f' class="{css}"' if css else ""
    return "".join(f"<p{cls}>{_e(line)}</p>" for line in lines)


class _Body:
    """One HTML body per slide kind, below the title and subtitle (about 430 pt of height)."""

    @staticmethod
    def kerncijfers(deck: Deck, spec: SlideSpec) -> str:
        cells = []
        for label, value, note in deck_text.key_figure_items(deck):
            long = " long" if len(value) > 6 else ""
            cells.append(
                f'<div><p class="label">{_e(label)}</p><p class="value{long}">{_e(value)}</p>'
                + (f'<p class="note">{_e(note)}</p>' if note else "")
                + "</div>"
            )
        caveats = _paragraphs(deck.caveats[:2])
        return f'<div class="figures">{"".join(cells)}</div><div class="caveats">{caveats}</div>'

    @staticmethod
    def trend(deck: Deck, spec: SlideSpec) -> str:
        from vsdash import slide_figures as figs

        png = figs.figure_png(figs.trend_figure(deck), dpi=DPI)
        return _img(png, deck_text.trend_alt(deck), 360) + _paragraphs([deck_text.trend_note(deck)], "small")

    @staticmethod
    def effect(deck: Deck, spec: SlideSpec) -> str:
        from vsdash import slide_figures as figs

        lines = deck_text.effect_lines(deck)
        if deck.effect is None or deck.effect.hidden:
            return _paragraphs(lines, "text")
        png = figs.figure_png(figs.effect_figure(deck), dpi=DPI)
        side = f"<p><strong>{_e(lines[0])}</strong></p>{_paragraphs(lines[1:])}"
        return (
            f'<div class="row"><div class="main">{_img(png, deck_text.effect_alt(deck), 380)}</div>'
            f'<div class="side">{side}</div></div>'
        )

    @staticmethod
    def kaart(deck: Deck, spec: SlideSpec) -> str:
        lines = deck_text.map_lines(deck)
        picture = _img(deck.map_png, deck_text.map_alt(deck), 400) if deck.map_png else ""
        return (
            f'<div class="row"><div class="main">{picture}</div>'
            f'<div class="side narrow">{_paragraphs(lines)}</div></div>'
        )

    @staticmethod
    def activiteiten(deck: Deck, spec: SlideSpec) -> str:
        from vsdash import slide_figures as figs

        png = figs.figure_png(figs.activities_figure(deck), dpi=DPI)
        return _img(png, deck_text.activities_alt(deck), 390)

    @staticmethod
    def geleerd(deck: Deck, spec: SlideSpec) -> str:
        size = "" if len(deck.learned) <= 6 else ' class="dense"'
        return f"<ul{size}>{''.join(f'<li>{_e(point)}</li>' for point in deck.learned)}</ul>"

    @staticmethod
    def vergelijking(deck: Deck, spec: SlideSpec) -> str:
        from vsdash import slide_figures as figs

        png = figs.figure_png(figs.peers_figure(deck), dpi=DPI)
        return _img(png, deck_text.peers_alt(deck), 390)

    @staticmethod
    def tekst(deck: Deck, spec: SlideSpec) -> str:
        return _paragraphs([line for line in spec.text.splitlines() if line.strip()], "text")

    @staticmethod
    def lessen(deck: Deck, spec: SlideSpec) -> str:
        items = deck_text.lesson_lines(deck)
        small = len(items) > 4
        parts = []
        for heading, body in items:
            parts.append(f"<h2{' class=small' if small else ''}>{_e(heading)}</h2>")
            if body:
                parts.append(f'<p class="lesson{" small" if small else ""}">{_e(body)}</p>')
        return "".join(parts)
