"""Streamlit widgets for maps: a deck with its text alternative, a legend with named colours and
the table behind the map on request."""

from __future__ import annotations

import html

import streamlit as st

from vsdash import maps
from vsdash.i18n import t


def show_map(spec: maps.MapSpec, key: str, *, selectable: bool = False):
    """Draw a map with its one-sentence alt text; return the selection event when ``selectable``."""
    event = st.pydeck_chart(
        spec.deck,
        height=maps.MAP_HEIGHT_PX,
        alt=spec.alt,
        key=key,
        on_select="rerun" if selectable else "ignore",
        selection_mode="single-object",
    )
    st.caption(spec.alt)
    return event


def show_legend(spec: maps.MapSpec, lang: str) -> None:
    """Legend: each colour as a swatch next to its text, so colour never stands alone."""
    items = []
    for entry in spec.legend:
        if entry.shape == "line":
            swatch = f"border:3px solid {entry.colour};background:transparent;"
        else:
            swatch = f"background:{entry.colour};border:1px solid #555;"
        items.append(
            f'<li style="display:flex;align-items:center;gap:0.45rem;margin:0.1rem 0;">'
            f'<span aria-hidden="true" style="display:inline-block;flex:0 0 1.1rem;width:1.1rem;height:1.1rem;{swatch}"></span>'
            f"<span>{html.escape(entry.label)}</span></li>"
        )
    st.markdown(
        f'<div class="vs-map-legend" role="group" aria-label="{html.escape(t("map_legend_title", lang))}">'
        f"<strong>{html.escape(t('map_legend_title', lang))}</strong>"
        f'<ul style="list-style:none;padding-left:0;margin:0.3rem 0;">{"".join(items)}</ul></div>',
        unsafe_allow_html=True,  # colours are constants and labels come from i18n, escaped above
    )


@st.fragment
def show_table_toggle(spec: maps.MapSpec, key: str, lang: str) -> None:
    """The "Toon als tabel" switch; a fragment, so flipping it does not send the map again."""
    if st.toggle(t("show_as_table", lang), key=f"{key}__table"):
        st.dataframe(spec.table, hide_index=True, width="stretch")
