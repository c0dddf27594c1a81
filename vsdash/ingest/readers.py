"""Read uploaded bytes safely: size limit, encodings, CSV dialects, XLSX without zip bombs.

Every reader returns a frame of text cells indexed by spreadsheet row number (header = row 1) or
refuses the file with ``ImportRefused`` and a Dutch message. Risk areas (GeoJSON/GeoPackage) are
read by ``vsdash.ingest.georeader``.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import hashlib
import io
import re
import zipfile
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd

from vsdash import settings
from vsdash.ingest.limits import (
    MAX_CELLS,
    MAX_COLUMNS,
    MAX_ROWS,
    MAX_SHARED_STRINGS_BYTES,
    MAX_XLSX_UNCOMPRESSED,
    MAX_ZIP_RATIO,
)
from vsdash.ingest.results import ImportRefused
from vsdash.sheet_layout import MAX_HEADER_SEARCH, TableLayout, locate_table

TABULAR_SUFFIXES = (".csv", ".txt", ".xlsx", ".xlsm")
GEO_SUFFIXES = (".geojson", ".json", ".gpkg")
#: Text cells: Arrow-backed strings with NaN for missing, compared and matched like object strings.
TEXT = pd.StringDtype(storage="pyarrow", na_value=np.nan)
_BLANK = re.compile(rb"[\xef\xbb\xbf \t\r\n]*")
_SLICE = 1 << 20


def file_sha256(data: bytes) -> str:
    """The SHA-256 of a file's bytes (the import log records it)."""
    return hashlib.sha256(data).hexdigest()


def read_source(source: str | Path | bytes, file_name: str | None = None) -> tuple[bytes, str]:
    """Return the bytes and file name of ``source`` (a path or bytes), refusing files over the limit."""
    limit = settings.max_upload_bytes()
    if isinstance(source, bytes | bytearray):
        data, name = bytes(source), file_name or "upload"
    else:
        path = Path(source)
        name = file_name or path.name
        if not path.is_file():
            raise ImportRefused(f"{name}: bestand niet gevonden.")
        if path.stat().st_size > limit:
            raise ImportRefused(_too_big(name, path.stat().st_size, limit))
        data = path.read_bytes()
    if len(data) > limit:
        raise ImportRefused(_too_big(name, len(data), limit))
    return data, name


def _too_big(name: str, size: int, limit: int) -> str:
    return (
        f"{name} is {size / 1024**2:.1f} MB; de grens is {limit / 1024**2:.0f} MB "
        "(instelling VSDASH_MAX_UPLOAD_MB). Splits het bestand of vraag de beheerder de grens te verhogen."
    )


def read_table(
    data: bytes, file_name: str, header_row: int | None = None, known_headers: Iterable[str] = ()
) -> pd.DataFrame:
    """Read a CSV or XLSX file into a frame of text cells, indexed by spreadsheet row number.

    Row numbers are as a spreadsheet shows them: with the header in row 1 the first data row is
    2. Title rows above the header and totals or notes rows below the data are left out (see
    ``read_table_layout``). Fully empty rows are dropped. Refuses (``ImportRefused``) empty,
    binary, disguised or unsafe files with a Dutch message, and files over the limits in
    ``vsdash.ingest.limits`` before they are parsed. Cells are Arrow-backed strings (``TEXT``): a
    few bytes each instead of a Python object of 50 or more, which is most of an import's memory.
    """
    return read_table_layout(data, file_name, header_row, known_headers)[0]


def read_table_layout(
    data: bytes,
    file_name: str,
    header_row: int | None = None,
    known_headers: Iterable[str] = (),
    max_rows: int | None = None,
) -> tuple[pd.DataFrame, TableLayout]:
    """Read a table and say where it was found: header row (guessed, or ``header_row``) and skipped rows.

    ``known_headers`` (normalised names an import recognises) help find the header below a title.
    ``max_rows`` reads only the first data rows (the page's preview and mapping step, which run
    again on every click); totals rows at the bottom of a longer file are then not looked for.
    """
    if _BLANK.fullmatch(data):
        raise ImportRefused(f"{file_name} is leeg.")
    suffix = Path(file_name).suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        frame, layout = _read_xlsx(data, file_name, header_row, known_headers, max_rows=max_rows)
        frame = frame.fillna("").astype(TEXT)
    elif suffix in (".csv", ".txt", ""):
        frame, layout = _read_csv(data, file_name, header_row, known_headers, max_rows=max_rows)
    elif suffix == ".xls":
        raise ImportRefused(f"{file_name} is een oud Excel-bestand (.xls); sla het op als .xlsx of als CSV.")
    elif suffix in GEO_SUFFIXES:
        raise ImportRefused(
            f"{file_name}: GeoJSON en GeoPackage zijn alleen voor risicogebieden; gebruik CSV of XLSX."
        )
    else:
        raise ImportRefused(
            f"{file_name}: bestandstype {suffix} wordt niet ondersteund; gebruik CSV (.csv) of Excel (.xlsx)."
        )
    if frame.columns.empty or all(str(c).strip() == "" for c in frame.columns):
        raise ImportRefused(f"{file_name} heeft geen kopregel met kolomnamen in rij {layout.header_row}.")
    frame.index = pd.RangeIndex(layout.first_data_row, layout.first_data_row + len(frame))
    if layout.skipped_below:
        frame = frame.drop(index=[r for r in layout.skipped_below if r in frame.index])
    keep = (frame != "").any(axis=1).to_numpy()
    if not keep.all():
        frame = frame[keep]
    if frame.empty:
        raise ImportRefused(f"{file_name} bevat een kopregel (rij {layout.header_row}) maar geen gegevens.")
    return frame, layout


def file_columns(
    data: bytes, file_name: str, header_row: int | None = None, known_headers: Iterable[str] = ()
) -> list[str]:
    """The column headers of a CSV or XLSX file, as written (for the page's mapping step).

    Reads the first rows only (to find the header, as ``read_table`` does), so the mapping step
    does not parse the whole file on every rerun.
    """
    if _BLANK.fullmatch(data):
        raise ImportRefused(f"{file_name} is leeg.")
    suffix = Path(file_name).suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        frame = _read_xlsx(data, file_name, header_row, known_headers, header_only=True)[0]
        return [str(c) for c in frame.columns]
    if suffix in (".csv", ".txt", ""):
        frame = _read_csv(data, file_name, header_row, known_headers, header_only=True)[0]
        return [str(c) for c in frame.columns]
    return [str(c) for c in read_table(data, file_name).columns]


def _detect_encoding(data: bytes, file_name: str) -> str:
    """The encoding of a text file (UTF-8 with or without BOM, UTF-16, Windows-1252).

    Checked in slices, so a 200 MB file is not decoded into a second copy just to look.
    """
    if data.startswith(b"PK\x03\x04"):
        raise ImportRefused(
            f"{file_name} is geen tekstbestand maar een zip/Excel-bestand; geef het de naam .xlsx of sla het op als CSV."
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    if b"\x00" in data:
        raise ImportRefused(
            f"{file_name} is geen tekstbestand (het bevat binaire gegevens); sla het op als CSV UTF-8."
        )
    for encoding in ("utf-8", "cp1252"):
        decoder = codecs.getincrementaldecoder(encoding)()
        view = memoryview(data)
        try:
            for offset in range(0, len(view), _SLICE):
                decoder.decode(view[offset : offset + _SLICE])
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            continue
        return "utf-8-sig" if encoding == "utf-8" else encoding
    raise ImportRefused(
        f"{file_name}: de tekencodering is niet herkend (geen UTF-8 en geen Windows-1252). "
        "Sla het bestand in Excel op als 'CSV UTF-8 (door komma's gescheiden)'."
    )


def _read_csv(
    data: bytes,
    file_name: str,
    header_row: int | None,
    known_headers: Iterable[str],
    header_only: bool = False,
    max_rows: int | None = None,
) -> tuple[pd.DataFrame, TableLayout]:
    encoding = _detect_encoding(data, file_name)
    if encoding == "utf-16":
        try:
            text = data.decode("utf-16")  # rare, and small in practice
        except UnicodeDecodeError as exc:
            raise ImportRefused(f"{file_name}: de tekencodering (UTF-16) is beschadigd.") from exc
        source: io.IOBase = io.StringIO(text)
        head_text = text[:_SLICE]
    else:
        # Only the first lines are decoded to find the header; the rest is parsed from the bytes.
        head_text = bytes(data[:_SLICE]).decode(encoding, errors="replace")
        source = io.BytesIO(data)
    head_lines = head_text.splitlines()
    if len(head_text) < len(data) and len(head_lines) > 1:
        head_lines = head_lines[:-1]  # the slice may end halfway a line
    head_lines = head_lines[:MAX_HEADER_SEARCH]
    # The separator is the one the fullest of the first lines uses most (a title line has none).
    counts = {
        sep: max(line.count(sep) for line in head_lines) if head_lines else 0 for sep in (";", ",", "\t")
    }
    sep = max(counts, key=counts.get)
    _check_width(counts[sep] + 1, file_name)
    head_rows = list(csv.reader(head_lines, delimiter=sep))
    top = locate_table(head_rows or [[""]], known_headers, _within(header_row, len(head_rows), file_name))
    if not header_only:
        # Counted on the bytes, before parsing: a file with more rows or cells is refused whole.
        lines = data.count(b"\n") - (top.header_row - 1)
        _check_length(lines if lines * (counts[sep] + 1) <= MAX_CELLS else MAX_ROWS + 2, file_name)
    try:
        frame = pd.read_csv(
            source,
            sep=sep,
            encoding=None if encoding == "utf-16" else encoding,
            dtype=TEXT,
            keep_default_na=False,
            na_filter=False,
            skip_blank_lines=False,
            skiprows=top.header_row - 1,
            engine="c",
            nrows=0 if header_only else max_rows,
        )
    except pd.errors.EmptyDataError as exc:
        raise ImportRefused(f"{file_name} is leeg.") from exc
    except (pd.errors.ParserError, ValueError, OverflowError) as exc:
        found = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", str(exc))
        if found:
            line = int(found[2]) + top.header_row - 1
            raise ImportRefused(
                f"{file_name}: regel {line} heeft {found[3]} kolommen, de kopregel {found[1]}. "
                f"Controleer het scheidingsteken ('{sep}') en de aanhalingstekens in die regel."
            ) from exc
        raise ImportRefused(f"{file_name} is geen leesbaar CSV-bestand ({_short(exc)}).") from exc
    return frame, _bottom(frame, top, header_only, max_rows)


def _within(header_row: int | None, available: int, file_name: str) -> int | None:
    if header_row is not None and not 1 <= header_row <= max(available, 1):
        raise ImportRefused(
            f"{file_name}: kopregel in rij {header_row} kan niet; kies een rij van 1 tot en met {max(available, 1)}."
        )
    return header_row


# Totals and notes sit in the last few rows; only those are looked at, so a big file stays fast.
_TAIL_ROWS = 30


def _bottom(frame: pd.DataFrame, top: TableLayout, header_only: bool, max_rows: int | None) -> TableLayout:
    """The layout with the rows below the data, unless only the top of the file was read."""
    if header_only:
        return top
    if max_rows is not None and len(frame) >= max_rows:
        return TableLayout(
            top.header_row, top.first_data_row, top.first_data_row + len(frame) - 1, top.skipped_above
        )
    return _with_trailer(frame, top)


def _with_trailer(frame: pd.DataFrame, top: TableLayout) -> TableLayout:
    """Add the totals or notes rows at the bottom of ``frame`` (header in ``top.header_row``)."""
    tail = frame.tail(_TAIL_ROWS).fillna("").astype(str)
    rows = [list(map(str, frame.columns)), *tail.values.tolist()]
    found = locate_table(rows, header_row=1)
    # Row m of ``rows`` (1-based; the header is 1) is sheet row ``offset + m``.
    offset = top.first_data_row + len(frame) - len(tail) - 2
    below = tuple(r + offset for r in found.skipped_below)
    last = offset + found.last_data_row
    return TableLayout(top.header_row, top.first_data_row, last, top.skipped_above, below)


def _check_width(columns: int, file_name: str) -> None:
    if columns > MAX_COLUMNS:
        raise ImportRefused(
            f"{file_name} heeft {columns:,} kolommen; de grens is {MAX_COLUMNS}. ".replace(",", ".")
            + "Verwijder de kolommen die niet nodig zijn of gebruik het sjabloon."
        )


def _check_length(rows: int, file_name: str) -> None:
    if rows > MAX_ROWS + 1:
        raise ImportRefused(
            f"{file_name} heeft meer dan {MAX_ROWS:,} rijen; splits het bestand in delen.".replace(",", ".")
        )


def _short(exc: Exception) -> str:
    text = str(exc)
    return text if len(text) <= 200 else text[:200] + "…"


def _check_zip(data: bytes, file_name: str) -> None:
    """Refuse anything that is not a plausible Excel workbook before openpyxl touches it."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ImportRefused(
            f"{file_name} is geen geldig Excel-bestand (.xlsx is een zip-archief; dit bestand niet)."
        ) from exc
    with archive:
        members = archive.infolist()
        names = {m.filename for m in members}
        if "xl/workbook.xml" not in names:
            raise ImportRefused(
                f"{file_name} is een zip-archief maar geen Excel-werkmap (xl/workbook.xml ontbreekt)."
            )
        strings = next((m.file_size for m in members if m.filename == "xl/sharedStrings.xml"), 0)
        if strings > MAX_SHARED_STRINGS_BYTES:
            # openpyxl keeps every shared string in memory before the first row is read.
            raise ImportRefused(
                f"{file_name} bevat {strings / 1024**2:.0f} MB aan tekst in de werkmap; de grens is "
                f"{MAX_SHARED_STRINGS_BYTES / 1024**2:.0f} MB. Sla het bestand op als CSV UTF-8 en lees dat in."
            )
        total = sum(m.file_size for m in members)
        if total > MAX_XLSX_UNCOMPRESSED:
            raise ImportRefused(
                f"{file_name} pakt uit tot {total / 1024**3:.1f} GB; dat is te groot om veilig te lezen."
            )
        for m in members:
            if m.file_size > 10 * 1024**2 and m.file_size > MAX_ZIP_RATIO * max(m.compress_size, 1):
                raise ImportRefused(
                    f"{file_name} wordt niet gelezen: onderdeel {m.filename} pakt {m.file_size // max(m.compress_size, 1)} "
                    "keer uit (een 'zip-bom'). Sla het bestand opnieuw op als .xlsx of als CSV."
                )


def _xlsx_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, dt.date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, bool):
        return "WAAR" if value else "ONWAAR"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


def _read_xlsx(
    data: bytes,
    file_name: str,
    header_row: int | None,
    known_headers: Iterable[str],
    header_only: bool = False,
    max_rows: int | None = None,
) -> tuple[pd.DataFrame, TableLayout]:
    """Stream the first sheet (openpyxl read-only), checking the limits row by row.

    The header is looked for in the first rows only; the rows after them are read one at a time.
    """
    import openpyxl

    _check_zip(data, file_name)
    try:
        # data_only=False: a formula stays visible as '=...' and is refused, not silently evaluated.
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many types for broken workbooks
        raise ImportRefused(
            f"{file_name} kan niet gelezen worden als Excel-werkmap ({type(exc).__name__})."
        ) from exc
    try:
        rows = book.worksheets[0].iter_rows(values_only=True)
        head: list[list[str]] = []
        for row in rows:
            cells = [_xlsx_cell(v) for v in row]  # a few rows only, so a too-wide sheet is named exactly
            while cells and not cells[-1].strip():
                cells.pop()
            head.append(cells)
            if len(head) >= max(MAX_HEADER_SEARCH, header_row or 0):
                break
        if not head or not any(head):
            raise ImportRefused(f"{file_name} is leeg.")
        top = locate_table(head, known_headers, _within(header_row, len(head), file_name))
        header = head[top.header_row - 1]
        _check_width(len(header), file_name)
        width = len(header)
        body: list[list[str]] = []
        if not header_only:
            for number, cells in enumerate(_later_rows(head[top.header_row :], rows, width), start=1):
                if max_rows is not None and number > max_rows:
                    break
                if number > MAX_ROWS or number * width > MAX_CELLS:
                    _check_length(MAX_ROWS + 2, file_name)
                # Cells right of the header have no column name and are not read.
                body.append(cells + [""] * (width - len(cells)))
    except ImportRefused:
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged sheet can fail anywhere while streaming
        raise ImportRefused(
            f"{file_name}: het eerste werkblad is beschadigd ({type(exc).__name__})."
        ) from exc
    finally:
        book.close()
    named = [i for i, h in enumerate(header) if h.strip()]
    frame = pd.DataFrame([[r[i] for i in named] for r in body], columns=[header[i] for i in named], dtype=str)
    return frame, _bottom(frame, top, header_only, max_rows)


def _later_rows(seen: list[list[str]], rows, width: int):
    """The rows after the header: those already read to find it, then the rest of the sheet."""
    for cells in seen:
        yield cells[:width]
    for row in rows:
        yield [_xlsx_cell(v) for v in row[:width]]
