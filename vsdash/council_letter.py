"""The council summary as a Word document in the style of a raadsinformatiebrief (python-docx).

:func:`council_letter_docx` writes what ``vsdash.summary`` says (the same parts, from the same
``presentation.Deck``) as a letter a civil servant can open in Word or LibreOffice, adapt and
send to the council: a heading block (to, subject, period, date), the occasion, what happened,
what changed in the reports, a table of the key figures as ``vsdash.publication`` publishes
them, the caveats, the sources and, for demo data, a warning at the top. Headings use Word's
heading styles and the table has a header row, so a screen reader can navigate both; the
document's language is Dutch (or English). No streamlit here.
"""

from __future__ import annotations

import datetime as dt
import io

from vsdash.i18n import fmt_date, t
from vsdash.indicators import indicator
from vsdash.presentation import Deck
from vsdash.summary import council_sections

MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_LANGUAGE_TAGS = {"nl": "nl-NL", "en": "en-GB"}


def key_figure_rows(deck: Deck) -> list[tuple[str, str, str]]:
    """The key figures as (indicator name, value as published, note), in the catalogue's words."""
    lang, figures = deck.lang, deck.key.figures
    labels, notes = figures.labels(lang), figures.notes(lang)
    surveyed = figures.survey_notes(lang)
    reports_note = notes["counted"] or figures.reason_text("reports", lang)
    rows = [
        ("reports", labels["reports"], reports_note),
        ("rate_per_10k_per_year", labels["rate"], notes["rate"]),
        # Issue 19: beside the rate, how many experienced it and how many of them reported,
        # or why there is no survey figure.
        ("survey_prevalence", labels["survey_prevalence"], _joined(surveyed["survey"], surveyed["coverage"])),
        ("reporting_ratio", labels["reporting_ratio"], surveyed["ratio"]),
        ("previous_reports", labels["previous"], notes["previous_period"]),
        ("change", labels["change"], notes["change"]),
        ("campaigns", labels["campaigns"], ""),
        ("activities", labels["activities"], ""),
        (
            "inhabitants",
            labels["inhabitants"],
            t("letter_population_year", lang, jaar=figures.population_year),
        ),
        ("funding_eur", labels["funding"], ""),
    ]
    return [(indicator(key).name(lang), value, note) for key, value, note in rows]


def _joined(*texts: str) -> str:
    return " ".join(text for text in texts if text)


def sources(deck: Deck) -> list[str]:
    """Where the figures come from: the catalogue's sources of the figures in the letter, once each."""
    lang = deck.lang
    ids = ("reports", "inhabitants", "survey_prevalence", "campaigns", "activities", "funding_eur")
    found = list(dict.fromkeys(indicator(key).source_in(lang) for key in ids))
    return [*found, t("letter_definitions_source", lang)]


def council_letter_docx(deck: Deck, *, made_on: dt.date | None = None) -> bytes:
    """Write the council letter for ``deck`` as a .docx file and return its bytes."""
    from docx import Document
    from docx.shared import Cm, Pt

    lang = deck.lang
    parts = council_sections(deck)
    document = Document()
    _set_language(document, _LANGUAGE_TAGS.get(lang, "nl-NL"))
    title = t("summary_title", lang, selectie=deck.label)
    props = document.core_properties
    props.title, props.subject = title, t("letter_subject", lang)
    props.author = t("letter_author", lang)
    props.language = _LANGUAGE_TAGS.get(lang, "nl-NL")
    props.keywords = t("letter_keywords", lang) + (
        f"; {t('letter_keyword_demo', lang)}" if deck.is_demo else ""
    )

    document.add_heading(title, level=0)
    if parts.demo:
        warning = document.add_paragraph()
        run = warning.add_run(f"{t('demo_badge', lang)}. {parts.demo}")
        run.bold = True
    facts = document.add_table(rows=0, cols=2)
    for label, text in (
        (t("letter_to", lang), t("letter_to_council", lang)),
        (t("letter_subject_label", lang), t("letter_subject", lang)),
        (t("period", lang), deck.period_text),
        (t("letter_date", lang), fmt_date(made_on or dt.date.today(), lang)),
    ):
        cells = facts.add_row().cells
        cells[0].paragraphs[0].add_run(label).bold = True
        cells[1].text = text
    _column_widths(facts, (Cm(3.5), Cm(12.5)))

    for heading, text in (
        ("letter_h_occasion", parts.opening),
        ("letter_h_done", parts.done),
        ("letter_h_changed", parts.changed),
    ):
        document.add_heading(t(heading, lang), level=1)
        document.add_paragraph(text)

    document.add_heading(t("letter_h_figures", lang), level=1)
    rows = key_figure_rows(deck)
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    header = table.rows[0]
    _mark_header_row(header)
    for cell, text in zip(
        header.cells,
        (t("letter_col_figure", lang), t("letter_col_value", lang), t("letter_col_note", lang)),
        strict=True,
    ):
        cell.paragraphs[0].add_run(text).bold = True
    for name, value, note in rows:
        cells = table.add_row().cells
        cells[0].text, cells[1].text, cells[2].text = name, value, note
    _column_widths(table, (Cm(5.5), Cm(3), Cm(7.5)))
    caption = document.add_paragraph(t("perturbation_note", lang))
    for run in caption.runs:
        run.font.size = Pt(9)

    document.add_heading(t("letter_h_caveats", lang), level=1)
    for caveat in parts.caveats:
        document.add_paragraph(caveat, style="List Bullet")

    document.add_heading(t("letter_h_sources", lang), level=1)
    for source in sources(deck):
        document.add_paragraph(source, style="List Bullet")

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _column_widths(table, widths) -> None:
    """Give a table's columns their widths (Word reads them per cell, LibreOffice per column)."""
    table.autofit = False
    for index, width in enumerate(widths):
        table.columns[index].width = width
        for cell in table.columns[index].cells:
            cell.width = width


def _set_language(document, tag: str) -> None:
    """Declare the text's language on the default style, so spelling and screen readers use it."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for style in (document.styles["Normal"], *[s for s in document.styles if s.name.startswith("Heading")]):
        rpr = style.element.get_or_add_rPr()
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            rpr.append(lang)
        lang.set(qn("w:val"), tag)


def _mark_header_row(row) -> None:
    """Mark a table row as its header (repeated on each page and announced by screen readers)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)
