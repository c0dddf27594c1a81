"""Tables to take away as spreadsheets people can compute with: XLSX and CSV for Dutch Excel.

Every table a page shows (a chart's table, the key figures, the activity register) and the
command line's counts leave through :func:`table_xlsx_bytes` and :func:`table_csv_bytes`, which
write the *published* values as numbers, never as formatted text:

- numbers are numeric cells with a Dutch-reading number format (``#,##0``, ``0,0%``, euro),
  dates are date cells (``dd-mm-jjjj``); an interval ``15,8–18,5`` becomes two columns, low and high;
- a cell that is hidden (``<5``, ``x``) is left empty and its row flagged in the column
  "Bescherming", as is a row with perturbed counts (cell-key perturbation, ADR 0006);
- the workbook has a second sheet, "Toelichting": what the table is about, the period, the
  source, the privacy note, the demo flag for demo data and the definitions of the catalogue
  (``vsdash.indicators``);
- CSV: ``;`` separated, decimal comma, no thousands mark, UTF-8 with BOM, the same columns.

The numbers are not recomputed here: display labels are read back exactly as ``fmt_number``
wrote them (``1.547`` → 1547 in Dutch, ``1,547`` in English), and numeric columns are kept as
they are. Text cells are neutralised against spreadsheet formulas (``privacy.safe_export_frame``).
No streamlit here.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from vsdash import privacy
from vsdash.i18n import fmt_date, t
from vsdash.indicators import BY_ID, CATALOGUE

#: ``table.attrs`` key naming the columns whose counts are cell-key perturbed (see ``mark_perturbed``).
PERTURBED_ATTR = "perturbed_columns"

# Display markers: hidden (primary, complementary) and "no value" (not protected, just absent).
_HIDDEN_MARKERS = re.compile(r"^<\d+$|^x$")
_EMPTY_MARKERS = {"", "–", "-", "—", "None", "nan", "NaT"}
_NUMBER = {
    "nl": re.compile(r"^[+\-−]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$"),
    "en": re.compile(r"^[+\-−]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$"),
}
_INTERVAL_DASH = "–"


@dataclass(frozen=True)
class About:
    """What a download is about, for its "Toelichting" sheet (and the CSV's demo column).

    ``period`` is already written for readers ("1 januari 2024 – 31 december 2024").
    """

    title: str
    selection: str = ""
    period: str = ""
    demo: bool = False
    source: str = ""
    lang: str = "nl"

    @classmethod
    def of(
        cls,
        title: str,
        *,
        selection: str = "",
        start: dt.date | None = None,
        end: dt.date | None = None,
        demo: bool = False,
        lang: str = "nl",
    ) -> About:
        """An ``About`` for a selection and period, with the dashboard's default source."""
        period = f"{fmt_date(start, lang)} – {fmt_date(end, lang)}" if start and end else ""
        return cls(title, selection, period, demo, t("sheet_source_default", lang), lang)


#: ``table.attrs`` key mapping numeric columns to how they are written: "euro" or "year".
KINDS_ATTR = "column_kinds"
_KINDS = ("euro", "year")


def mark_kind(table: pd.DataFrame, kind: str, *columns: str) -> pd.DataFrame:
    """Record on ``table`` that numeric ``columns`` are amounts in euro or years; returns ``table``.

    A year is written without a thousands mark (2024, not 2.024), an amount with a euro sign.
    """
    if kind not in _KINDS:
        raise ValueError(f"kind must be one of {_KINDS}, got {kind!r}")
    table.attrs[KINDS_ATTR] = {**table.attrs.get(KINDS_ATTR, {}), **dict.fromkeys(columns, kind)}
    return table


def mark_perturbed(table: pd.DataFrame, *columns: str) -> pd.DataFrame:
    """Record on ``table`` which of its columns hold cell-key perturbed counts; returns ``table``.

    The downloads flag every row with a value in such a column as protected.
    """
    table.attrs[PERTURBED_ATTR] = tuple(dict.fromkeys([*table.attrs.get(PERTURBED_ATTR, ()), *columns]))
    return table


# --- reading the table ----------------------------------------------------------------------


@dataclass
class SheetColumn:
    """One column of a download: its heading, kind and cell values (None = empty)."""

    name: str
    kind: str  # text, date, number, percent, euro, year
    values: list
    decimals: int = 0  # digits after the decimal mark (for percentages: of the fraction)
    cell_kinds: list[str] | None = None  # per-row kind where rows differ (the key-figures table)


def _parse_number(text: str, lang: str) -> tuple[float, int] | None:
    """A label written by ``fmt_number`` read back: (value, decimals), or None if it is not one."""
    text = text.strip()
    pattern = _NUMBER["en" if lang == "en" else "nl"]
    if not pattern.match(text):
        return None
    thousands, decimal = (",", ".") if lang == "en" else (".", ",")
    plain = text.replace("−", "-").replace(thousands, "").replace(decimal, ".")
    decimals = len(plain.split(".")[1]) if "." in plain else 0
    return (float(plain) if decimals else int(plain)), decimals


def _parse_cell(value, lang: str):
    """Classify one display cell: ("empty"|"hidden"|"reason", None, 0) or (kind, number, decimals).

    None when the cell is not a number, a marker or one of the dashboard's phrases for a missing
    number ("geen meldpunt": a reason, kept beside the column; "afgeschermd": hidden).
    """
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA:
        return "empty", None, 0
    text = str(value).strip()
    if text in _EMPTY_MARKERS:
        return "empty", None, 0
    if _HIDDEN_MARKERS.match(text) or text == t("privacy_rate_hidden_short", lang):
        return "hidden", None, 0
    if text == t("no_channel_short", lang):
        return "reason", None, 0
    if text.endswith("%"):
        found = _parse_number(text[:-1].strip(), lang)
        return ("percent", found[0] / 100, found[1] + 2) if found else None
    if text.startswith("€"):
        found = _parse_number(text[1:].strip(), lang)
        return ("euro", found[0], found[1]) if found else None
    found = _parse_number(text, lang)
    return ("number", found[0], found[1]) if found else None


def _interval(value, lang: str):
    """An interval label ("15,8–18,5", "+12% – +40%", "+5% – …") as (kind, low, high, decimals)."""
    text = str(value).strip() if value is not None else ""
    if text.count(_INTERVAL_DASH) != 1:
        return None
    low_text, high_text = (part.strip() for part in text.split(_INTERVAL_DASH))
    low = _parse_cell(low_text, lang)
    high = ("open", None, 0) if high_text == "…" else _parse_cell(high_text, lang)
    if not low or not high or low[0] not in ("number", "percent") or high[0] not in (low[0], "open"):
        return None
    return low[0], low[1], high[1], max(low[2], high[2])


def _is_date_column(values: pd.Series) -> bool:
    if pd.api.types.is_datetime64_any_dtype(values):
        return True
    present = values.dropna()
    return not present.empty and all(isinstance(v, dt.date) for v in present)


def _as_date(value) -> dt.date | None:
    if value is None or pd.isna(value):
        return None
    return value.date() if isinstance(value, (pd.Timestamp, dt.datetime)) else value


def _typed_columns(table: pd.DataFrame, lang: str) -> tuple[list[SheetColumn], list[bool], list[bool]]:
    """The table's columns with typed cells, and per row: a value hidden, a perturbed value present."""
    rows = len(table)
    hidden = [False] * rows
    perturbed = [False] * rows
    # Every published report count is perturbed: a "Meldingen" column is one even where the table's
    # builder did not mark it (map and comparison tables).
    marked = {*table.attrs.get(PERTURBED_ATTR, ()), t("reports", lang)}
    low_word, high_word = t("sheet_low", lang), t("sheet_high", lang)
    out: list[SheetColumn] = []
    for name in table.columns:
        values = table[name]
        heading = str(name)
        if pd.api.types.is_bool_dtype(values):
            words = (t("yes", lang), t("no", lang))
            out.append(SheetColumn(heading, "text", [words[0] if v else words[1] for v in values]))
            continue
        if _is_date_column(values):
            out.append(SheetColumn(heading, "date", [_as_date(v) for v in values]))
            continue
        if pd.api.types.is_numeric_dtype(values):
            cells = [None if pd.isna(v) else _plain_number(v) for v in values]
            decimals = max((_decimals_of(v) for v in cells if v is not None), default=0)
            kind = table.attrs.get(KINDS_ATTR, {}).get(name, "number")
            out.append(SheetColumn(heading, kind, cells, decimals))
            if name in marked:
                perturbed = [p or v is not None for p, v in zip(perturbed, cells, strict=True)]
            continue
        parsed = [_parse_cell(v, lang) for v in values]
        kinds = {p[0] for p in parsed if p is not None} - {"empty", "hidden", "reason"}
        some_hidden = any(p is not None and p[0] == "hidden" for p in parsed)
        if all(p is not None for p in parsed) and (len(kinds) == 1 or (not kinds and some_hidden)):
            kind = next(iter(kinds), "number")
            out.append(SheetColumn(heading, kind, [p[1] for p in parsed], max(p[2] for p in parsed)))
            if any(p[0] == "reason" for p in parsed):
                # Why a number is missing ("geen meldpunt") stays readable beside it.
                reasons = [
                    str(v).strip() if p[0] == "reason" else None for v, p in zip(values, parsed, strict=True)
                ]
                out.append(SheetColumn(f"{heading} ({t('sheet_note', lang)})", "text", reasons))
            hidden = [h or p[0] == "hidden" for h, p in zip(hidden, parsed, strict=True)]
            if name in marked:
                perturbed = [q or p[1] is not None for q, p in zip(perturbed, parsed, strict=True)]
            continue
        intervals = [_interval(v, lang) for v in values]
        interval_kinds = {iv[0] for iv in intervals if iv}
        if len(interval_kinds) == 1 and all(
            iv is not None or (p is not None and p[0] == "empty")
            for iv, p in zip(intervals, parsed, strict=True)
        ):
            (kind,) = interval_kinds
            decimals = max(iv[3] for iv in intervals if iv)
            for word, part in ((low_word, 1), (high_word, 2)):
                cells = [iv[part] if iv else None for iv in intervals]
                out.append(SheetColumn(f"{heading} ({word})", kind, cells, decimals))
            continue
        out.append(
            SheetColumn(
                heading,
                "text",
                [
                    None if p is not None and p[0] == "empty" else v
                    for p, v in zip(parsed, values, strict=True)
                ],
            )
        )
    return out, hidden, perturbed


def _plain_number(value) -> int | float:
    """A Python number for openpyxl and the CSV: whole numbers as int (2148, not 2148.0)."""
    number = float(value)
    return int(number) if number.is_integer() else number


def _decimals_of(value: float) -> int:
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return min(len(text.split(".")[1]), 4) if "." in text else 0


def _key_figure_rows(table: pd.DataFrame, lang: str):
    """For the key-figures table (``publication.key_figures_table``): per row its kind and protection.

    Returns None for any other table. The catalogue says which indicators are perturbed; such a
    figure left empty because its count is small is hidden.
    """
    if table.empty or not all(isinstance(v, str) and v in BY_ID for v in table.iloc[:, 0]):
        return None
    small = t("reason_small_count", lang, k=privacy.resolve_k())
    kinds, hidden, perturbed = [], [], []
    for ind_id, value, note in zip(table.iloc[:, 0], table.iloc[:, 2], table.iloc[:, 6], strict=True):
        entry = BY_ID[ind_id]
        kinds.append(
            "percent" if entry.unit.startswith("fractie") else "euro" if entry.unit == "euro" else "number"
        )
        perturbed.append(entry.perturbed and pd.notna(value))
        hidden.append(entry.perturbed and pd.isna(value) and note == small)
    return kinds, hidden, perturbed


def _neutralised(values: list) -> list:
    return privacy.safe_export_frame(pd.DataFrame({"v": values}, dtype=object))["v"].tolist()


def spreadsheet_columns(
    table: pd.DataFrame, about: About | None = None, lang: str = "nl"
) -> list[SheetColumn]:
    """The columns of a download: typed values, the protection flag and (for demo data) the demo flag."""
    lang = about.lang if about is not None else lang
    columns, hidden, perturbed = _typed_columns(table, lang)
    key_rows = _key_figure_rows(table, lang)
    if key_rows is not None:
        columns[2].cell_kinds, hidden, perturbed = key_rows
    flags = [
        t("sheet_hidden", lang) if h else t("sheet_perturbed", lang) if p else ""
        for h, p in zip(hidden, perturbed, strict=True)
    ]
    if any(flags):
        columns.append(SheetColumn(t("sheet_protection", lang), "text", flags))
    demo_names = {"demodata", "demo"}
    if about is not None and about.demo and not any(c.name.lower() in demo_names for c in columns):
        columns.append(SheetColumn(t("sheet_demo", lang), "text", [t("yes", lang)] * len(table)))
    headings = _neutralised([c.name for c in columns])
    for column, heading in zip(columns, headings, strict=True):
        column.name = heading
        if column.kind == "text":
            column.values = _neutralised(column.values)
    return columns


# --- writers ----------------------------------------------------------------------------------


def _xlsx_format(kind: str, decimals: int) -> str:
    """Excel's number format for a cell (codes are locale-independent; Excel shows its own marks)."""
    if kind == "percent":
        places = max(decimals - 2, 0)
        return "0" + ("." + "0" * places if places else "") + "%"
    if kind == "euro":
        return '"€" #,##0'
    if kind == "year":
        return "0"
    return "#,##0" + ("." + "0" * decimals if decimals else "")


DATE_FORMAT = "dd-mm-yyyy"


def table_xlsx_bytes(
    table: pd.DataFrame,
    sheet: str | None = None,
    *,
    about: About | None = None,
    lang: str = "nl",
    more: dict[str, pd.DataFrame] | None = None,
) -> bytes:
    """A table as an Excel workbook: typed cells on ``sheet``, and a "Toelichting" sheet.

    ``sheet`` names the first sheet (default "gegevens", "data" in English).

    ``more`` holds further tables of the same figure by caption (a chart's ``more_tables``), each
    on a sheet of its own before the "Toelichting". Number formats are Excel's
    locale-independent codes, so Dutch Excel shows 1.547 and 17,1 and an English Excel 1,547 and
    17.1 for the same numeric cell.
    """
    from openpyxl import Workbook

    lang = about.lang if about is not None else lang
    book = Workbook()
    sheets = [(sheet or t("sheet_data", lang), table), *(more or {}).items()]
    protected = False
    for number, (caption, frame) in enumerate(sheets):
        columns = spreadsheet_columns(frame, about, lang)
        protected = protected or any(c.name == t("sheet_protection", lang) for c in columns)
        _write_data_sheet(book.active if number == 0 else book.create_sheet(), caption, columns, len(frame))
    _write_about_sheet(book, about, lang, protected=protected)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _write_data_sheet(data, title: str, columns: list[SheetColumn], rows: int) -> None:
    """Fill one worksheet: a bold header row, typed cells with their number formats, widths."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    taken = {ws.title for ws in data.parent.worksheets if ws is not data}
    name = _sheet_title(title)
    data.title = name if name not in taken else f"{name[:28]} {len(taken) + 1}"
    data.append([c.name for c in columns])
    for cell in data[1]:
        cell.font = Font(bold=True)
    for row in range(rows):
        data.append([c.values[row] for c in columns])
    for index, column in enumerate(columns, start=1):
        letter = get_column_letter(index)
        for row in range(rows):
            cell = data[f"{letter}{row + 2}"]
            if column.kind == "date":
                cell.number_format = DATE_FORMAT
            elif column.cell_kinds is not None and column.values[row] is not None:
                cell.number_format = _xlsx_format(column.cell_kinds[row], _decimals_of(column.values[row]))
            elif column.kind != "text":
                cell.number_format = _xlsx_format(column.kind, column.decimals)
        width = max([len(str(column.name))] + [len(str(v)) for v in column.values[:200] if v is not None])
        data.column_dimensions[letter].width = min(max(width + 2, 10), 60)
    data.freeze_panes = "A2"


def _sheet_title(name: str) -> str:
    # Excel forbids []:*?/\ in sheet names and allows 31 characters.
    cleaned = re.sub(r"[\[\]:*?/\\]", " ", str(name)).strip() or "gegevens"
    return cleaned[:31]


def _write_about_sheet(book, about: About | None, lang: str, *, protected: bool = True) -> None:
    """The "Toelichting" sheet: what, which period, source, privacy, demo flag and the definitions.

    ``protected``: the file holds counts of reports that were perturbed or withheld. Without
    them (an activity register, budgets) the privacy line says nothing was changed, not that it was.
    """
    from openpyxl.styles import Alignment, Font

    sheet = book.create_sheet(_sheet_title(t("sheet_about", lang)))
    facts = [(t("sheet_about_title", lang), about.title if about else "")]
    if about is not None and about.selection:
        facts.append((t("sheet_about_selection", lang), about.selection))
    if about is not None and about.period:
        facts.append((t("period", lang), about.period))
    facts.append(
        (
            t("sheet_about_source", lang),
            (about.source if about and about.source else t("sheet_source_default", lang)),
        )
    )
    privacy_text = (
        t("perturbation_note", lang) + " " + t("sheet_privacy_cells", lang)
        if protected
        else t("sheet_privacy_none", lang)
    )
    facts.append((t("sheet_about_privacy", lang), privacy_text))
    if about is not None and about.demo:
        facts.append((t("sheet_demo", lang), f"{t('demo_badge', lang)}: {t('demo_badge_help', lang)}"))
    for label, text in facts:
        sheet.append([label, text])
        sheet.cell(sheet.max_row, 1).font = Font(bold=True)
    sheet.append([])
    sheet.append([t("sheet_definitions", lang)])
    sheet.cell(sheet.max_row, 1).font = Font(bold=True, size=12)
    header = [t(key, lang) for key in _DEFINITION_HEADINGS]
    sheet.append(header)
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for row in definitions_rows(lang):
        sheet.append(row)
    for letter, width in zip("ABCDEFGH", (24, 40, 80, 28, 40, 50, 60, 45), strict=True):
        sheet.column_dimensions[letter].width = width
    for row in sheet.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


_DEFINITION_HEADINGS = (
    "sheet_def_id",
    "sheet_def_name",
    "sheet_def_definition",
    "sheet_def_unit",
    "sheet_def_denominator",
    "sheet_def_period",
    "sheet_def_privacy",
    "sheet_def_source",
)


def definitions_rows(lang: str = "nl") -> list[list[str]]:
    """The catalogue's definitions, one row per indicator, in the order of ``_DEFINITION_HEADINGS``.

    The name carries the short label a tile or slide shows in front of it ("Ervaren intimidatie:
    Straatintimidatie meegemaakt (enquête)"), so a label read on a slide is found here.
    """
    return [
        [
            ind.id,
            ind.glossed_name(lang),
            ind.definition(lang),
            ind.unit_in(lang),
            ind.denominator_in(lang),
            ind.period_rule_in(lang),
            ind.privacy_rule_in(lang),
            ind.source_in(lang),
        ]
        for ind in CATALOGUE
    ]


def _csv_cell(value, kind: str) -> str:
    """One cell as Dutch Excel reads it: decimal comma, no thousands mark, ISO dates."""
    if value is None:
        return ""
    if kind == "date":
        return value.isoformat()
    if kind == "text":
        return str(value)
    text = f"{value:.10f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def table_csv_bytes(table: pd.DataFrame, *, about: About | None = None, lang: str = "nl") -> bytes:
    """A table as CSV for Dutch spreadsheet programs: ``;``, decimal comma, UTF-8 with BOM.

    The same columns as the workbook's first sheet (numbers as numbers, intervals split, the
    protection flag, the demo flag for demo data).
    """
    columns = spreadsheet_columns(table, about, lang)
    frame = pd.DataFrame(
        {c.name: [_csv_cell(v, c.kind) for v in c.values] for c in columns}, columns=[c.name for c in columns]
    )
    return frame.to_csv(index=False, sep=";", lineterminator="\r\n").encode("utf-8-sig")
