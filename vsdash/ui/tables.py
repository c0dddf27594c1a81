"""Streamlit rendering of tables whose columns a view model describes (``vsdash.views`` ``Column``)."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import streamlit as st


def _config(column):
    """The streamlit column configuration of one described column."""
    kinds = {
        "pinned_text": lambda: st.column_config.TextColumn(column.label, pinned=True),
        "wide_text": lambda: st.column_config.TextColumn(column.label, width="large"),
        "date": lambda: st.column_config.DateColumn(column.label, format="DD-MM-YYYY"),
        "datetime": lambda: st.column_config.DatetimeColumn(column.label, format="DD-MM-YYYY HH:mm"),
        "number": lambda: st.column_config.NumberColumn(column.label, format="localized"),
        "euro": lambda: st.column_config.NumberColumn(column.label, format="euro"),
        "link": lambda: st.column_config.LinkColumn(column.label, display_text=column.link_text),
    }
    if column.kind == "text":
        return column.label
    if column.kind not in kinds:
        raise ValueError(
            f"unknown column kind {column.kind!r} for {column.name!r}; known: text, {', '.join(kinds)}"
        )
    return kinds[column.kind]()


def show_described_table(table: pd.DataFrame, columns: Sequence, key: str) -> None:
    """Show ``table`` with only ``columns``, in their order, headed and formatted as they describe.

    Columns of ``table`` not described (identifiers) stay in the data but are not shown. An empty
    cell reads "–" (Streamlit would write "None", e.g. the end date of a running activity).
    """
    st.dataframe(
        table,
        key=key,
        placeholder="–",
        hide_index=True,
        width="stretch",
        column_order=[column.name for column in columns],
        column_config={column.name: _config(column) for column in columns},
    )
