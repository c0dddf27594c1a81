"""Read uploaded bytes safely: size limit, encodings, CSV dialects, XLSX without zip bombs.

Every reader returns a frame of text cells indexed by spreadsheet row number (header = row 1) or
refuses the file with ``ImportRefused`` and a Dutch message. Risk areas (GeoJSON/GeoPackage) are
read by ``vsdash.ingest.georeader``.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
import zipfile
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from vsdash import settings
from vsdash.ingest.limits import MAX_XLSX_UNCOMPRESSED, MAX_ZIP_RATIO
from vsdash.ingest.results import ImportRefused
from vsdash.sheet_layout import MAX_HEADER_SEARCH, TableLayout, locate_table

TABULAR_SUFFIXES = (".csv", ".txt", ".xlsx", ".xlsm")
GEO_SUFFIXES = (".geojson", ".json", ".gpkg")


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
    binary, disguised or unsafe files with a Dutch message.
    """
    return read_table_layout(data, file_name, header_row, known_headers)[0]


def read_table_layout(
    data: bytes, file_name: str, header_row: int | None = None, known_headers: Iterable[str] = ()
) -> tuple[pd.DataFrame, TableLayout]:
    """Read a table and say where it was found: header row (guessed, or ``header_row``) and skipped rows.

    ``known_headers`` (normalised names an import recognises) help find the header below a title.
    """
    if not data.strip(b"\xef\xbb\xbf \t\r\n"):
        raise ImportRefused(f"{file_name} is leeg.")
    suffix = Path(file_name).suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        frame, layout = _read_xlsx(data, file_name, header_row, known_headers)
    elif suffix in (".csv", ".txt", ""):
        frame, layout = _read_csv(data, file_name, header_row, known_headers)
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
    frame = frame.fillna("").astype(str)
    frame.index = pd.RangeIndex(layout.first_data_row, layout.first_data_row + len(frame))
    if layout.skipped_below:
        frame = frame.drop(index=[r for r in layout.skipped_below if r in frame.index])
    keep = (frame != "").any(axis=1)
    frame = frame[keep]
    if frame.empty:
        raise ImportRefused(f"{file_name} bevat een kopregel (rij {layout.header_row}) maar geen gegevens.")
    return frame, layout


def _decode(data: bytes, file_name: str) -> str:
    if data.startswith(b"PK\x03\x04"):
        raise ImportRefused(
            f"{file_name} is geen tekstbestand maar een zip/Excel-bestand; geef het de naam .xlsx of sla het op als CSV."
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ImportRefused(f"{file_name}: de tekencodering (UTF-16) is beschadigd.") from exc
    if b"\x00" in data:
        raise ImportRefused(
            f"{file_name} is geen tekstbestand (het bevat binaire gegevens); sla het op als CSV UTF-8."
        )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise ImportRefused(
            f"{file_name}: de tekencodering is niet herkend (geen UTF-8 en geen Windows-1252). "
            "Sla het bestand in Excel op als 'CSV UTF-8 (door komma's gescheiden)'."
        ) from exc


def _read_csv(
    data: bytes, file_name: str, header_row: int | None, known_headers: Iterable[str]
) -> tuple[pd.DataFrame, TableLayout]:
    text = _decode(data, file_name)
    head_lines = text.splitlines()[:MAX_HEADER_SEARCH]
    # The separator is the one the fullest of the first lines uses most (a title line has none).
    counts = {
        sep: max(line.count(sep) for line in head_lines) if head_lines else 0 for sep in (";", ",", "\t")
    }
    sep = max(counts, key=counts.get)
    head_rows = list(csv.reader(head_lines, delimiter=sep))
    top = locate_table(head_rows or [[""]], known_headers, _within(header_row, len(head_rows), file_name))
    try:
        frame = pd.read_csv(
            io.StringIO(text),
            sep=sep,
            dtype=str,
            keep_default_na=False,
            na_filter=False,
            skip_blank_lines=False,
            skiprows=top.header_row - 1,
            engine="c",
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
        raise ImportRefused(f"{file_name} is geen leesbaar CSV-bestand ({exc}).") from exc
    return frame, _with_trailer(frame, top)


def _within(header_row: int | None, available: int, file_name: str) -> int | None:
    if header_row is not None and not 1 <= header_row <= max(available, 1):
        raise ImportRefused(
            f"{file_name}: kopregel in rij {header_row} kan niet; kies een rij van 1 tot en met {max(available, 1)}."
        )
    return header_row


# Totals and notes sit in the last few rows; only those are looked at, so a big file stays fast.
_TAIL_ROWS = 30


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
    data: bytes, file_name: str, header_row: int | None, known_headers: Iterable[str]
) -> tuple[pd.DataFrame, TableLayout]:
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
        sheet = book.worksheets[0]
        rows = [[_xlsx_cell(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    except Exception as exc:  # noqa: BLE001 - a damaged sheet can fail anywhere while streaming
        raise ImportRefused(
            f"{file_name}: het eerste werkblad is beschadigd ({type(exc).__name__})."
        ) from exc
    finally:
        book.close()
    if not rows:
        raise ImportRefused(f"{file_name} is leeg.")
    layout = locate_table(rows, known_headers, _within(header_row, len(rows), file_name))
    width = max(len(r) for r in rows)
    header = rows[layout.header_row - 1]
    header = header + [""] * (width - len(header))
    # Every row after the header is kept here; the rows below the data are dropped by row number.
    body = [r + [""] * (width - len(r)) for r in rows[layout.header_row :]]
    named = [i for i, h in enumerate(header) if h.strip()]
    frame = pd.DataFrame([[r[i] for i in named] for r in body], columns=[header[i] for i in named], dtype=str)
    return frame, layout


def file_columns(data: bytes, file_name: str) -> list[str]:
    """The column headers of a CSV or XLSX file, as written (for the page's mapping step)."""
    return [str(c) for c in read_table(data, file_name).columns]
