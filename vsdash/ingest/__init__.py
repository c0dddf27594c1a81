"""Read CSV/XLSX/GeoJSON files, validate every row, and write them atomically with an import log.

Six kinds of data (``KINDS``): reports, activities, campaigns, risk areas, population and channels.

Flow of ``import_file``: refuse unsafe files (empty, too big, not what the name says, zip bombs,
unknown encodings) -> read every cell as text, ``CHUNK_ROWS`` rows at a time -> map Dutch or English headers to fields ->
parse (dates ``dd-mm-jjjj [uu:mm]``, decimal commas, municipality names) -> validate with pandera
(vocabularies, ranges, dates not in the future, coordinates inside the municipality, duplicate ids,
spreadsheet formulas) -> in ONE transaction: drop rows that already exist, write the new rows, the
import log and the refused rows, rebuild the report aggregates of the affected municipalities.

All or nothing by default: one invalid row refuses the file and the store is unchanged. With
``skip_invalid`` the valid rows are written and the refused rows kept with their reasons (table
``import_rejections``; for a DuckDB store also ``imports/<import_id>-geweigerd.csv`` beside it).

Reports lose their raw coordinates here: they become H3 cells (res 7/8/9), a wijkcode and a risk
area, and the coordinates are dropped (``docs/adr/0001``); refused rows keep only
the mapped fields (no coordinates, free text or ignored columns), and undo removes them too.

One door per module, so each step and its limits can be read in one place:

- ``limits``: every limit an import enforces (cells, errors listed, zip ratio);
- ``readers``: bytes -> text cells for CSV/XLSX; ``georeader``: GeoJSON/GeoPackage polygons;
- ``fields``: the fields of each kind, their aliases and keys (the import's schema);
- ``prepare``: the column plan applied to the cells (fixed values, RD X/Y, wijk names; issue 20);
- ``parsing`` and ``validation``: text -> typed values -> pandera checks, errors per cell;
- ``rows``: validated rows shaped into the store's tables;
- ``keys``: keys that occur twice anywhere in a file read in chunks (a first pass);
- ``transaction``: the one write transaction (chunk by chunk), refused rows, demo clearing and undo;
- ``pipeline``: ``import_file``, which runs the steps in order; ``templates``: example files.

Everything callers use is importable from ``vsdash.ingest`` itself.
"""

from __future__ import annotations

from vsdash.ingest.fields import (
    COORDINATE_FIELDS,
    FIELDS,
    FORMULA_START,
    KEYS,
    KIND_LABELS,
    KINDS,
    TABLE_OF,
    Field,
    optional_fields,
    required_fields,
    resolve_columns,
)
from vsdash.ingest.limits import (
    CHUNK_ROWS,
    MAX_CELL_CHARS,
    MAX_ERRORS_LISTED,
    MAX_XLSX_UNCOMPRESSED,
    MAX_ZIP_RATIO,
)
from vsdash.ingest.pipeline import demo_sentence, import_file
from vsdash.ingest.readers import (
    GEO_SUFFIXES,
    TABULAR_SUFFIXES,
    TableStream,
    Upload,
    file_columns,
    file_sha256,
    open_source,
    read_source,
    read_table,
    read_table_layout,
)
from vsdash.ingest.results import ImportRefused, ImportResult, Progress, RowError
from vsdash.ingest.templates import EXAMPLES, template
from vsdash.ingest.transaction import DEMO_TABLES, ImportWriter, clear_demo, last_import, undo_last_import
from vsdash.ingest.validation import EARLIEST, validate_rows

__all__ = [
    "CHUNK_ROWS",
    "COORDINATE_FIELDS",
    "DEMO_TABLES",
    "EARLIEST",
    "EXAMPLES",
    "FIELDS",
    "FORMULA_START",
    "GEO_SUFFIXES",
    "KEYS",
    "KINDS",
    "KIND_LABELS",
    "MAX_CELL_CHARS",
    "MAX_ERRORS_LISTED",
    "MAX_XLSX_UNCOMPRESSED",
    "MAX_ZIP_RATIO",
    "TABLE_OF",
    "TABULAR_SUFFIXES",
    "TableStream",
    "Upload",
    "Field",
    "ImportWriter",
    "ImportRefused",
    "ImportResult",
    "Progress",
    "RowError",
    "clear_demo",
    "demo_sentence",
    "file_columns",
    "file_sha256",
    "import_file",
    "last_import",
    "open_source",
    "optional_fields",
    "read_source",
    "read_table",
    "read_table_layout",
    "required_fields",
    "resolve_columns",
    "template",
    "undo_last_import",
    "validate_rows",
]
