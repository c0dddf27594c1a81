"""Shared widgets: a chart with its text alternative and a "Toon als tabel" switch, key figures,
and a guard that turns an unexpected error in one part of a page into a Dutch message."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator

import streamlit as st

from vsdash.charts import ChartSpec
from vsdash.i18n import t

log = logging.getLogger("vsdash")


def show_chart(spec: ChartSpec, key: str, lang: str, **kwargs) -> object:
    """Draw a chart with its one-sentence alt text, and its data as a table on request."""
    config = {"displaylogo": False, "toImageButtonOptions": {"format": "png", "filename": key, "scale": 2}}
    event = st.plotly_chart(spec.figure, key=key, alt=spec.alt, config=config, **kwargs)
    st.caption(spec.alt)
    if st.toggle(t("show_as_table", lang), key=f"{key}__table"):
        st.dataframe(spec.table, hide_index=True, width="stretch")
    return event


@contextlib.contextmanager
def section_guard(lang: str, what: str) -> Iterator[None]:
    """Show a Dutch message instead of a traceback when a part of a page fails; log the details."""
    try:
        yield
    except Exception as exc:  # noqa: BLE001 - never show a traceback to users; the log keeps it
        log.exception("section %s failed", what)
        st.error(t("error_generic", lang, kind=f"{what}: {type(exc).__name__}"))
