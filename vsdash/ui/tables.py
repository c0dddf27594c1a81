"""Streamlit rendering of tables whose columns a view model describes (``vsdash.views`` ``Column``)."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler

from vsdash.i18n import fmt_euro, fmt_number

# Amounts and counts are written by the server in the page's language: Streamlit's "euro" and
# "localized" formats follow the reader's browser, so a Dutch page showed "€150,000.00" in an
# English browser. The numbers stay numbers underneath, so a column still sorts by amount.
_WRITERS = {"euro": fmt_euro, "number": fmt_number}


def _config(column):
    """The streamlit column configuration of one described column."""
    kinds = {
        "pinned_text": lambda: st.column_config.TextColumn(column.label, pinned=True),
        "wide_text": lambda: st.column_config.TextColumn(column.label, width="large"),
        "date": lambda: st.column_config.DateColumn(column.label, format="DD-MM-YYYY"),
        "datetime": lambda: st.column_config.DatetimeColumn(column.label, format="DD-MM-YYYY HH:mm"),
        "number": lambda: st.column_config.NumberColumn(column.label),
        "euro": lambda: st.column_config.NumberColumn(column.label),
        "link": lambda: st.column_config.LinkColumn(column.label, display_text=column.link_text),
    }
    if column.kind == "text":
        return column.label
    if column.kind not in kinds:
        raise ValueError(
            f"unknown column kind {column.kind!r} for {column.name!r}; known: text, {', '.join(kinds)}"
        )
    return kinds[column.kind]()


def styled_table(table: pd.DataFrame, columns: Sequence, lang: str) -> Styler:
    """``table`` with its amount and count columns written for ``lang`` (nl: € 150.000, 1.234).

    A Styler's display values are what Streamlit shows (a column configuration without a format
    leaves them alone); the cells keep their numbers, so sorting still goes by value.
    """
    formats = {
        column.name: (lambda value, write=_WRITERS[column.kind]: write(value, lang))
        for column in columns
        if column.kind in _WRITERS and column.name in table.columns
    }
    # Text cells show the display value too: an empty one reads "–" there as well, not "None".
    return table.style.format(na_rep="–").format(formats, na_rep="–")


def show_described_table(table: pd.DataFrame, columns: Sequence, key: str, lang: str) -> None:
    """Show ``table`` with only ``columns``, in their order, headed and formatted as they describe.

    Columns of ``table`` not described (identifiers) stay in the data but are not shown. An empty
    cell reads "–" (Streamlit would write "None", e.g. the end date of a running activity).
    Amounts and counts read as ``lang`` writes them, whatever the browser's language.
    """
    st.dataframe(
        styled_table(table, columns, lang),
        key=key,
        placeholder="–",
        hide_index=True,
        width="stretch",
        column_order=[column.name for column in columns],
        column_config={column.name: _config(column) for column in columns},
    )
