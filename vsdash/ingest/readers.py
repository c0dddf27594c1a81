"""Read uploaded bytes safely: size limit, encodings, CSV dialects, XLSX without zip bombs.

Every reader returns a frame of text cells indexed by spreadsheet row number (header = row 1) or
refuses the file with ``ImportRefused`` and a Dutch message. Risk areas (GeoJSON/GeoPackage) are
read by ``vsdash.ingest.georeader``.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import datetime as dt
import hashlib
import io
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, BinaryIO

import numpy as np
import pandas as pd

from vsdash import settings
from vsdash.ingest.limits import (
    CHUNK_ROWS,
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


@dataclass(frozen=True)
class Upload:
    """A file to import: its name, size and bytes, or the path they are read from in pieces.

    An import of a file on disk never holds the whole file in memory: it is hashed, checked and
    parsed from the path, a slice at a time (issue 15: a 200 MB import took 4,2 GB).
    """

    name: str
    size: int
    path: Path | None = None
    data: bytes | None = None

    def open(self) -> BinaryIO:
        """A binary stream of the file, from its start."""
        return self.path.open("rb") if self.path is not None else io.BytesIO(self.data or b"")

    def read(self) -> bytes:
        """All the bytes (for the small or compressed formats: XLSX, GeoJSON, GeoPackage, UTF-16)."""
        return self.data if self.data is not None else self.path.read_bytes()


def file_sha256(data: bytes | Upload) -> str:
    """The SHA-256 of a file's bytes (the import log records it), read in slices from a path."""
    if isinstance(data, Upload) and data.data is None:
        digest = hashlib.sha256()
        with data.open() as stream:
            while block := stream.read(_SLICE):
                digest.update(block)
        return digest.hexdigest()
    return hashlib.sha256(data.data if isinstance(data, Upload) else data).hexdigest()


def open_source(source: str | Path | bytes, file_name: str | None = None) -> Upload:
    """The file ``source`` (a path or bytes) as an ``Upload``, refusing files over the size limit."""
    limit = settings.max_upload_bytes()
    if isinstance(source, bytes | bytearray):
        data = bytes(source)
        upload = Upload(file_name or "upload", len(data), data=data)
    else:
        path = Path(source)
        name = file_name or path.name
        if not path.is_file():
            raise ImportRefused(f"{name}: bestand niet gevonden.")
        upload = Upload(name, path.stat().st_size, path=path)
    if upload.size > limit:
        raise ImportRefused(_too_big(upload.name, upload.size, limit))
    return upload


def read_source(source: str | Path | bytes, file_name: str | None = None) -> tuple[bytes, str]:
    """Return the bytes and file name of ``source`` (a path or bytes), refusing files over the limit."""
    upload = open_source(source, file_name)
    return upload.read(), upload.name


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
    if max_rows is None:
        stream = TableStream(Upload(file_name, len(data), data=data), header_row, known_headers)
        frame = pd.concat(list(stream))
        return frame, stream.layout
    if _BLANK.fullmatch(data):
        raise ImportRefused(f"{file_name} is leeg.")
    suffix = _tabular_suffix(file_name)
    if suffix in (".xlsx", ".xlsm"):
        frame, layout = _read_xlsx(data, file_name, header_row, known_headers, max_rows=max_rows)
        frame = frame.fillna("").astype(TEXT)
    else:
        frame, layout = _read_csv(data, file_name, header_row, known_headers, max_rows=max_rows)
    _check_header(frame.columns, layout, file_name)
    frame.index = pd.RangeIndex(layout.first_data_row, layout.first_data_row + len(frame))
    if layout.skipped_below:
        frame = frame.drop(index=[r for r in layout.skipped_below if r in frame.index])
    frame = _without_blank_rows(frame)
    if frame.empty:
        raise ImportRefused(f"{file_name} bevat een kopregel (rij {layout.header_row}) maar geen gegevens.")
    return frame, layout


def _tabular_suffix(file_name: str) -> str:
    """The suffix of a CSV or XLSX file name; refuses (in Dutch) every other kind of file."""
    suffix = Path(file_name).suffix.lower()
    if suffix in (".xlsx", ".xlsm", ".csv", ".txt", ""):
        return suffix
    if suffix == ".xls":
        raise ImportRefused(f"{file_name} is een oud Excel-bestand (.xls); sla het op als .xlsx of als CSV.")
    if suffix in GEO_SUFFIXES:
        raise ImportRefused(
            f"{file_name}: GeoJSON en GeoPackage zijn alleen voor risicogebieden; gebruik CSV of XLSX."
        )
    raise ImportRefused(
        f"{file_name}: bestandstype {suffix} wordt niet ondersteund; gebruik CSV (.csv) of Excel (.xlsx)."
    )


def _check_header(columns, layout: TableLayout, file_name: str) -> None:
    if len(columns) == 0 or all(str(c).strip() == "" for c in columns):
        raise ImportRefused(f"{file_name} heeft geen kopregel met kolomnamen in rij {layout.header_row}.")


def _without_blank_rows(frame: pd.DataFrame) -> pd.DataFrame:
    keep = (frame != "").any(axis=1).to_numpy()
    return frame if keep.all() else frame[keep]


def _is_blank(upload: Upload) -> bool:
    """Whether the file holds nothing but spaces, line ends and a byte-order mark."""
    with upload.open() as stream:
        while block := stream.read(_SLICE):
            if not _BLANK.fullmatch(block):
                return False
    return True


class TableStream:
    """A CSV or XLSX table read a chunk at a time: text cells indexed by spreadsheet row number.

    Iterating yields frames of at most about ``chunk_rows`` rows, as ``read_table`` would cut them
    from the whole table: fully empty rows and the totals or notes rows below the data are left
    out (the last ``_TAIL_ROWS`` rows are held back until the end is known). ``columns`` and the
    header row are known at once; ``layout`` is complete once an iteration has ended. A stream can
    be iterated more than once (an import reads it twice: the keys, then the rows). The limits on
    columns and rows are checked before the first row is parsed (CSV) or while reading (XLSX).
    """

    def __init__(
        self,
        upload: Upload,
        header_row: int | None = None,
        known_headers: Iterable[str] = (),
        chunk_rows: int = CHUNK_ROWS,
    ) -> None:
        self.name = upload.name
        self.chunk_rows = max(int(chunk_rows), 1)
        suffix = _tabular_suffix(upload.name)
        if _is_blank(upload):
            raise ImportRefused(f"{upload.name} is leeg.")
        known_headers = tuple(known_headers)
        if suffix in (".xlsx", ".xlsm"):
            self._data = upload.read()  # compressed; openpyxl needs random access to the zip
            with _workbook(self._data, upload.name) as book:
                head, top, header = _xlsx_head(book, upload.name, header_row, known_headers)
            self._head_rows = len(head)
            self._header = header
            self.columns = [header[i] for i, h in enumerate(header) if h.strip()]
            self._csv = None
        else:
            self._csv = _csv_source(upload, header_row, known_headers)
            top = self._csv.top
            with self._csv.open() as stream:
                self.columns = list(_csv_frame(stream, self._csv, upload.name, nrows=0).columns)
            lines = self._csv.lines - (top.header_row - 1)
            # Counted on the bytes, before parsing: a file with more rows or cells is refused whole.
            _check_length(lines if lines * self._csv.width <= MAX_CELLS else MAX_ROWS + 2, upload.name)
        self.top = top
        self.layout = top
        _check_header(self.columns, top, upload.name)

    def __iter__(self) -> Iterator[pd.DataFrame]:
        raw = self._csv_chunks() if self._csv is not None else self._xlsx_chunks()
        position, held, emitted = self.top.first_data_row, None, 0
        ready: list[pd.DataFrame] = []  # rows known not to be the last ones, not yet yielded
        for chunk in raw:
            chunk.index = pd.RangeIndex(position, position + len(chunk))
            position += len(chunk)
            frame = chunk if held is None else pd.concat([held, chunk])
            if len(frame) <= _TAIL_ROWS:
                held = frame
                continue
            out, held = _without_blank_rows(frame.iloc[:-_TAIL_ROWS]), frame.iloc[-_TAIL_ROWS:]
            ready.append(out)
            # Rows ready and rows held back make a chunk (not twice one, waiting for the next).
            if sum(len(r) for r in ready) + len(held) >= self.chunk_rows:
                out = pd.concat(ready) if len(ready) > 1 else ready[0]
                ready = []
                emitted += len(out)
                yield out
        if held is None:
            held = pd.DataFrame(columns=self.columns, dtype=TEXT)
        self.layout = _with_trailer(held, position - len(held), self.top)
        if self.layout.skipped_below:
            held = held.drop(index=[r for r in self.layout.skipped_below if r in held.index])
        # The last chunk takes the rows held back: a table of ``chunk_rows`` rows is one chunk.
        rest = pd.concat([*ready, _without_blank_rows(held)])
        if len(rest):
            emitted += len(rest)
            yield rest
        if not emitted:
            raise ImportRefused(
                f"{self.name} bevat een kopregel (rij {self.layout.header_row}) maar geen gegevens."
            )

    def _csv_chunks(self) -> Iterator[pd.DataFrame]:
        source = self._csv
        if source.encoding == "utf-16":  # decoded whole already (rare, and small in practice)
            with source.open() as stream:
                frame = _csv_frame(stream, source, self.name)
            for start in range(0, len(frame), self.chunk_rows):
                yield frame.iloc[start : start + self.chunk_rows].reset_index(drop=True)
            return
        # Each block of whole records is parsed with the header line in front, as a file of its
        # own: pandas' own chunked reader lets a line with too many fields pass silently when it
        # is the first of a chunk, and a block read as a whole file refuses it as the file would.
        with source.open() as stream:
            blocks = _record_blocks(stream, self.chunk_rows, source.top.header_row)
            header, _ = next(blocks, (b"", 0))
            for records, lines_before in blocks:
                try:
                    frame = _csv_frame(io.BytesIO(header + records), source, self.name, skiprows=0)
                except ImportRefused as refused:
                    raise _renumbered(refused, lines_before - 1) from refused
                if not isinstance(frame.index, pd.RangeIndex):
                    # pandas takes a first line with more fields than the header for row labels.
                    fields = len(frame.columns) + frame.index.nlevels
                    raise ImportRefused(
                        f"{self.name}: regel {lines_before + 1} heeft {fields} kolommen, de kopregel "
                        f"{len(frame.columns)}. Controleer het scheidingsteken ('{source.sep}') en de "
                        "aanhalingstekens in die regel."
                    )
                yield frame

    def _xlsx_chunks(self) -> Iterator[pd.DataFrame]:
        header = self._header
        width = len(header)
        named = [i for i, h in enumerate(header) if h.strip()]
        body: list[list[str]] = []

        def frame() -> pd.DataFrame:
            cells = pd.DataFrame([[r[i] for i in named] for r in body], columns=self.columns, dtype=str)
            return cells.fillna("").astype(TEXT)

        with _workbook(self._data, self.name) as book:
            rows = book.worksheets[0].iter_rows(values_only=True)
            for sheet_row, row in enumerate(rows, start=1):
                if sheet_row <= self.top.header_row:
                    continue
                if sheet_row <= self._head_rows:
                    # Rows read to find the header are trimmed there; read here as read there.
                    cells = _head_cells(row)[:width]
                else:
                    cells = [_xlsx_cell(v) for v in row[:width]]
                number = sheet_row - self.top.header_row
                if number > MAX_ROWS or number * width > MAX_CELLS:
                    _check_length(MAX_ROWS + 2, self.name)
                # Cells right of the header have no column name and are not read.
                body.append(cells + [""] * (width - len(cells)))
                if len(body) >= self.chunk_rows:
                    yield frame()
                    body = []
            if body:
                yield frame()


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
    """The encoding of a text file (UTF-8 with or without BOM, UTF-16, Windows-1252)."""
    return _scan_text(io.BytesIO(data), file_name)[0]


def _scan_text(stream: BinaryIO, file_name: str) -> tuple[str, int]:
    """The encoding of a text file and its number of line ends, read in slices.

    Checked in slices, so a 200 MB file is not decoded into a second copy just to look; the line
    count refuses a file with too many rows before it is parsed.
    """
    first = stream.read(_SLICE)
    if first.startswith(b"PK\x03\x04"):
        raise ImportRefused(
            f"{file_name} is geen tekstbestand maar een zip/Excel-bestand; geef het de naam .xlsx of sla het op als CSV."
        )
    if first.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16", -1
    decoders = {e: codecs.getincrementaldecoder(e)() for e in ("utf-8", "cp1252")}
    readable = dict.fromkeys(decoders, True)
    lines, block = 0, first
    while True:
        if b"\x00" in block:
            raise ImportRefused(
                f"{file_name} is geen tekstbestand (het bevat binaire gegevens); sla het op als CSV UTF-8."
            )
        lines += block.count(b"\n")
        final = not block
        for encoding, decoder in decoders.items():
            if readable[encoding]:
                try:
                    decoder.decode(block, final=final)
                except UnicodeDecodeError:
                    readable[encoding] = False
        if final:
            break
        block = stream.read(_SLICE)
    for encoding, ok in readable.items():
        if ok:
            return ("utf-8-sig" if encoding == "utf-8" else encoding), lines
    raise ImportRefused(
        f"{file_name}: de tekencodering is niet herkend (geen UTF-8 en geen Windows-1252). "
        "Sla het bestand in Excel op als 'CSV UTF-8 (door komma's gescheiden)'."
    )


@dataclass(frozen=True)
class _CsvSource:
    """How a CSV file is parsed: its encoding and separator, where its table starts, its size."""

    open: Callable[[], IO]  # a new stream from the start of the file
    encoding: str
    sep: str
    top: TableLayout
    width: int  # fields in the fullest of the first lines
    lines: int  # line ends in the file


def _csv_source(upload: Upload, header_row: int | None, known_headers: Iterable[str]) -> _CsvSource:
    """Find encoding, separator and header row from the first megabyte (the rest is not decoded)."""
    with upload.open() as stream:
        encoding, lines = _scan_text(stream, upload.name)
    if encoding == "utf-16":
        data = upload.read()
        try:
            text = data.decode("utf-16")  # rare, and small in practice
        except UnicodeDecodeError as exc:
            raise ImportRefused(f"{upload.name}: de tekencodering (UTF-16) is beschadigd.") from exc
        head_text, lines = text[:_SLICE], data.count(b"\n")

        def opener() -> IO:
            return io.StringIO(text)
    else:
        with upload.open() as stream:
            head_text = stream.read(_SLICE).decode(encoding, errors="replace")
        opener = upload.open
    head_lines = head_text.splitlines()
    if len(head_text) < upload.size and len(head_lines) > 1:
        head_lines = head_lines[:-1]  # the slice may end halfway a line
    head_lines = head_lines[:MAX_HEADER_SEARCH]
    # The separator is the one the fullest of the first lines uses most (a title line has none).
    counts = {
        sep: max(line.count(sep) for line in head_lines) if head_lines else 0 for sep in (";", ",", "\t")
    }
    sep = max(counts, key=counts.get)
    _check_width(counts[sep] + 1, upload.name)
    head_rows = list(csv.reader(head_lines, delimiter=sep))
    top = locate_table(head_rows or [[""]], known_headers, _within(header_row, len(head_rows), upload.name))
    return _CsvSource(opener, encoding, sep, top, counts[sep] + 1, lines)


def _csv_frame(stream: IO, source: _CsvSource, file_name: str, **options):
    """``pandas.read_csv`` of the table's text cells (``nrows`` or ``chunksize`` in ``options``)."""
    try:
        return pd.read_csv(
            stream,
            sep=source.sep,
            encoding=None if source.encoding == "utf-16" else source.encoding,
            dtype=TEXT,
            keep_default_na=False,
            na_filter=False,
            skip_blank_lines=False,
            engine="c",
            **{"skiprows": source.top.header_row - 1, **options},
        )
    except pd.errors.EmptyDataError as exc:
        raise ImportRefused(f"{file_name} is leeg.") from exc
    except (pd.errors.ParserError, ValueError, OverflowError) as exc:
        raise _csv_refusal(exc, source, file_name) from exc


def _record_blocks(stream: BinaryIO, rows: int, skip: int) -> Iterator[tuple[bytes, int]]:
    """The header record, then blocks of about ``rows`` whole records, each with the lines before it.

    The first block holds the ``skip`` records up to and including the header row, of which only
    the last (the header itself) is returned. A line end inside quotes does not end a record: a
    line end ends one where the quotes before it (in the block) are even, as in CSV.
    """
    pending, lines_before, header_sent = b"", 0, False
    while True:
        block = stream.read(_BLOCK)
        pending += block
        ends = _record_ends(pending)
        if not header_sent:
            if len(ends) < skip and block:
                continue
            cut = ends[skip - 1] + 1 if len(ends) >= skip else len(pending)
            start = ends[skip - 2] + 1 if skip > 1 and len(ends) >= skip - 1 else 0
            yield pending[start:cut], 0
            lines_before += pending.count(b"\n", 0, cut)
            pending, header_sent = pending[cut:], True
            ends = _record_ends(pending)
        while len(ends) >= rows or (not block and pending):
            cut = ends[rows - 1] + 1 if len(ends) >= rows else len(pending)
            yield pending[:cut], lines_before
            lines_before += pending.count(b"\n", 0, cut)
            pending = pending[cut:]
            ends = ends[rows:] - cut  # a cut at a record's end leaves the quotes after it even
        if not block:
            return


_BLOCK = 4 << 20


def _record_ends(data: bytes) -> np.ndarray:
    """Positions of the line ends in ``data`` that end a record (outside quotes)."""
    if not data:
        return np.empty(0, dtype=np.int64)
    raw = np.frombuffer(data, dtype=np.uint8)
    newlines = np.flatnonzero(raw == 10)
    if not len(newlines):
        return newlines
    # The parity of the quotes before each byte; a uint8 running sum keeps its parity when it wraps.
    quotes = np.cumsum(raw == 34, dtype=np.uint8)
    return newlines[(quotes[newlines] & 1) == 0]


def _renumbered(refused: ImportRefused, lines: int) -> ImportRefused:
    """The refusal of a block, with its line number as a line of the whole file."""
    text = str(refused)
    found = re.search(r"regel (\d+) heeft", text)
    if not found:
        return refused
    return ImportRefused(text.replace(found[0], f"regel {int(found[1]) + lines} heeft", 1))


def _csv_refusal(exc: Exception, source: _CsvSource, file_name: str) -> ImportRefused:
    found = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", str(exc))
    if found:
        line = int(found[2]) + source.top.header_row - 1
        return ImportRefused(
            f"{file_name}: regel {line} heeft {found[3]} kolommen, de kopregel {found[1]}. "
            f"Controleer het scheidingsteken ('{source.sep}') en de aanhalingstekens in die regel."
        )
    return ImportRefused(f"{file_name} is geen leesbaar CSV-bestand ({_short(exc)}).")


def _read_csv(
    data: bytes,
    file_name: str,
    header_row: int | None,
    known_headers: Iterable[str],
    header_only: bool = False,
    max_rows: int | None = None,
) -> tuple[pd.DataFrame, TableLayout]:
    """The top of a CSV file: its header only, or its first ``max_rows`` rows (the mapping step).

    A whole file is read by ``TableStream``, which checks the row limits first.
    """
    source = _csv_source(Upload(file_name, len(data), data=data), header_row, known_headers)
    with source.open() as stream:
        frame = _csv_frame(stream, source, file_name, nrows=0 if header_only else max_rows)
    return frame, _bottom(frame, source.top, header_only, max_rows)


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
    tail = frame.tail(_TAIL_ROWS)
    return _with_trailer(tail, top.first_data_row + len(frame) - len(tail), top)


def _with_trailer(tail: pd.DataFrame, start: int, top: TableLayout) -> TableLayout:
    """Add the totals or notes rows among ``tail``, the last rows of the table (from row ``start``)."""
    tail = tail.tail(_TAIL_ROWS).fillna("").astype(str)
    rows = [list(map(str, tail.columns)), *tail.values.tolist()]
    found = locate_table(rows, header_row=1)
    # Row m of ``rows`` (1-based; the header is 1) is sheet row ``offset + m``.
    offset = start - 2
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
    with _workbook(data, file_name) as book:
        rows = book.worksheets[0].iter_rows(values_only=True)
        head, top, header = _xlsx_head(book, file_name, header_row, known_headers, rows)
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
    named = [i for i, h in enumerate(header) if h.strip()]
    frame = pd.DataFrame([[r[i] for i in named] for r in body], columns=[header[i] for i in named], dtype=str)
    return frame, _bottom(frame, top, header_only, max_rows)


@contextlib.contextmanager
def _workbook(data: bytes, file_name: str) -> Iterator:
    """The workbook open for reading; any failure inside but our own refusals becomes a Dutch refusal."""
    book = _open_book(data, file_name)
    try:
        yield book
    except ImportRefused:
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged sheet can fail anywhere while streaming
        raise ImportRefused(
            f"{file_name}: het eerste werkblad is beschadigd ({type(exc).__name__})."
        ) from exc
    finally:
        book.close()


def _open_book(data: bytes, file_name: str):
    """The workbook in openpyxl's read-only (streaming) mode, after the zip checks."""
    import openpyxl

    _check_zip(data, file_name)
    try:
        # data_only=False: a formula stays visible as '=...' and is refused, not silently evaluated.
        return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many types for broken workbooks
        raise ImportRefused(
            f"{file_name} kan niet gelezen worden als Excel-werkmap ({type(exc).__name__})."
        ) from exc


def _head_cells(row) -> list[str]:
    cells = [_xlsx_cell(v) for v in row]  # a few rows only, so a too-wide sheet is named exactly
    while cells and not cells[-1].strip():
        cells.pop()
    return cells


def _xlsx_head(book, file_name: str, header_row: int | None, known_headers: Iterable[str], rows=None):
    """The first rows of the first sheet, where the table starts in them, and its header row."""
    rows = book.worksheets[0].iter_rows(values_only=True) if rows is None else rows
    head: list[list[str]] = []
    for row in rows:
        head.append(_head_cells(row))
        if len(head) >= max(MAX_HEADER_SEARCH, header_row or 0):
            break
    if not head or not any(head):
        raise ImportRefused(f"{file_name} is leeg.")
    top = locate_table(head, known_headers, _within(header_row, len(head), file_name))
    header = head[top.header_row - 1]
    _check_width(len(header), file_name)
    return head, top, header


def _later_rows(seen: list[list[str]], rows, width: int):
    """The rows after the header: those already read to find it, then the rest of the sheet."""
    for cells in seen:
        yield cells[:width]
    for row in rows:
        yield [_xlsx_cell(v) for v in row[:width]]
