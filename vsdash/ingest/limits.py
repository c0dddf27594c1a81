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
# Risk areas: a file with more areas or vertices than this is refused before any polygon is built.
# A detailed city-centre polygon has a few hundred vertices; a million made a map 33 MB per view.
MAX_RISK_AREAS = 5_000
MAX_GEO_VERTICES = 250_000
