"""Every limit an import enforces, in one place a reviewer can read.

The upload size limit is a setting (``VSDASH_MAX_UPLOAD_MB``, ``settings.max_upload_bytes``);
the limits here protect the server from files that are small on disk but expensive to read.
"""

from __future__ import annotations

MAX_CELL_CHARS = 1000
MAX_ERRORS_LISTED = 1000
# A zip member that inflates more than this many times (and past 10 MB) is treated as a zip bomb;
# real workbooks compress about 5-20 times.
MAX_ZIP_RATIO = 200
MAX_XLSX_UNCOMPRESSED = 2 * 1024**3
# openpyxl reads all shared strings before the first row; beyond this a workbook should be a CSV.
MAX_SHARED_STRINGS_BYTES = 100 * 1024**2
# Checked before parsing (CSV: header and line count; XLSX: header row, then while streaming).
# The templates have at most 15 columns; a million columns once took 2.9 GB to refuse.
MAX_COLUMNS = 200
MAX_ROWS = 5_000_000
MAX_CELLS = 50_000_000
# Risk areas: a file with more areas or vertices than this is refused before any polygon is built.
# A detailed city-centre polygon has a few hundred vertices; a million made a map 33 MB per view.
MAX_RISK_AREAS = 5_000
MAX_GEO_VERTICES = 250_000
# One area with more vertices than this is simplified (within 1 m, more if needed) with a warning.
MAX_AREA_VERTICES = 1_000
# A big table is read, validated and written this many rows at a time (issue 15: a 200 MB import
# held every row at once and peaked at 4,2 GB); duplicates are found across the whole file.
CHUNK_ROWS = 50_000
