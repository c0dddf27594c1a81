"""Find the table in a spreadsheet as people make them: title rows above, totals and notes below.

A municipal export often starts with a title ("Meldingen straatintimidatie Nijmegen 2024"), a
blank line or an export date, and ends with a totals row ("Totaal 300") or a note ("Bron: ...").
``locate_table`` picks the header row and the last data row from the cells alone; the import
shows the choice in its preview and lets the officer change the header row.

Rows are numbered as a spreadsheet shows them: the first row of the sheet is row 1.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

#: How far down a header row is looked for (title blocks are a few rows, never dozens).
MAX_HEADER_SEARCH = 25

# Words that start a totals or notes row below the data.
_TRAILER_WORDS = (
    "totaal",
    "totalen",
    "total",
    "som",
    "aantal",
    "subtotaal",
    "bron",
    "noot",
    "opmerking",
    "toelichting",
    "gegenereerd",
    "geëxporteerd",
    "geexporteerd",
    "export",
    "peildatum",
    "*",
)
_NUMBER = re.compile(r"^[+-]?[\d.,\s]+$")
_DATE = re.compile(r"^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}")


@dataclass(frozen=True)
class TableLayout:
    """Where the table sits in a sheet: header row and data rows (1-based sheet row numbers)."""

    header_row: int
    first_data_row: int
    last_data_row: int
    skipped_above: tuple[int, ...] = ()  # title, blank or note rows above the header
    skipped_below: tuple[int, ...] = ()  # totals or note rows below the data

    @property
    def moved(self) -> bool:
        """True when the table is not the plain 'header in row 1, data to the end' shape."""
        return self.header_row != 1 or bool(self.skipped_below)


def normalise_label(text: object) -> str:
    """A header or alias in one comparable form: lower case, no accents, words joined by ``_``."""
    value = unicodedata.normalize("NFKD", str(text).replace("\ufeff", ""))
    value = "".join(c for c in value if not unicodedata.combining(c))
    value = value.strip().strip('"').strip().lower()
    value = re.sub(r"[^\w]+", "_", value)
    return value.strip("_")


def _filled(row: Sequence[str]) -> list[str]:
    return [str(c).strip() for c in row if str(c).strip() != ""]


def _looks_like_value(cell: str) -> bool:
    return bool(_NUMBER.match(cell) or _DATE.match(cell))


def _header_score(row: Sequence[str], known: set[str], width: int) -> float:
    """How much ``row`` looks like a header: many filled text cells, known names count double."""
    cells = _filled(row)
    if len(cells) < 2 or len(cells) < 0.5 * width:
        return 0.0
    if any(_looks_like_value(c) for c in cells):
        return 0.0
    if len({c.lower() for c in cells}) < len(cells):  # a header names each column once
        return 0.0
    matches = sum(normalise_label(c) in known for c in cells)
    return len(cells) + 2 * matches


def locate_table(
    rows: Sequence[Sequence[str]], known_headers: Iterable[str] = (), header_row: int | None = None
) -> TableLayout:
    """Pick the header row and the data rows of a sheet given as rows of text cells.

    ``known_headers`` are the names (already ``normalise_label``-ed) an import recognises; a row
    holding them is preferred as the header. ``header_row`` (1-based) overrides the choice. Rows
    below the data that are much emptier than the data and start with a word such as "Totaal" or
    "Bron", or hold only numbers, are left out (``skipped_below``); blank rows are always left out.
    """
    if not rows:
        raise ValueError("rows is empty")
    width = max(len(_filled(r)) for r in rows)
    if header_row is None:
        known = set(known_headers)
        limit = min(len(rows), MAX_HEADER_SEARCH)
        scores = [_header_score(rows[i], known, width) for i in range(limit)]
        best = max(range(limit), key=lambda i: (scores[i], -i))
        header_index = best if scores[best] > 0 else 0
    else:
        if not 1 <= header_row <= len(rows):
            raise ValueError(f"header_row must be between 1 and {len(rows)}, got {header_row}")
        header_index = header_row - 1
    above = tuple(i + 1 for i in range(header_index))
    body = list(range(header_index + 1, len(rows)))
    filled = {i: _filled(rows[i]) for i in body}
    data_counts = sorted(len(filled[i]) for i in body if filled[i])
    typical = data_counts[len(data_counts) // 2] if data_counts else 0
    last = len(rows) - 1
    below: list[int] = []
    while last > header_index:
        cells = filled[last]
        if cells and not _is_trailer(cells, typical):
            break
        if cells:
            below.append(last + 1)
        last -= 1
    return TableLayout(
        header_row=header_index + 1,
        first_data_row=header_index + 2,
        last_data_row=last + 1,
        skipped_above=above,
        skipped_below=tuple(sorted(below)),
    )


def _is_trailer(cells: list[str], typical: int) -> bool:
    """A totals or notes row: emptier than a data row and opening with a word such as "Totaal",
    or only a few numbers (a count under a column)."""
    first = normalise_label(cells[0]).split("_")[0] if normalise_label(cells[0]) else cells[0][:1]
    starts_with_word = first in _TRAILER_WORDS or cells[0].startswith("*")
    if starts_with_word and len(cells) < max(typical, 2):
        return True
    return len(cells) <= max(1, typical // 2) and all(_NUMBER.match(c) for c in cells)
