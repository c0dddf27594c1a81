"""Tables to take away: a chart's table as CSV and XLSX.

Every table has already been checked by ``vsdash.privacy`` and goes through
``privacy.safe_export_frame`` where spreadsheet cells are written. The presentation files are
written by ``vsdash.deck_pptx`` and ``vsdash.deck_pdf``. No streamlit here.
"""

from __future__ import annotations

import io

import pandas as pd

from vsdash import privacy

# --- tables ---------------------------------------------------------------------------------


def table_csv_bytes(table: pd.DataFrame) -> bytes:
    """A chart's table as CSV for Dutch spreadsheet programs (``;`` separated, UTF-8 with BOM).

    Text cells that a spreadsheet would run as a formula are neutralised first.
    """
    safe = privacy.safe_export_frame(table)
    return safe.to_csv(index=False, sep=";").encode("utf-8-sig")


def table_xlsx_bytes(table: pd.DataFrame, sheet: str = "gegevens") -> bytes:
    """A chart's table as an Excel workbook (one sheet), with formulas neutralised."""
    safe = privacy.safe_export_frame(table)
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        safe.to_excel(writer, index=False, sheet_name=sheet[:31])
    return buffer.getvalue()
