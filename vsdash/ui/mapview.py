"""Streamlit widgets for maps: a deck with its text alternative, a legend with named colours and
the table behind the map on request (the same "Toon als tabel" switch as every chart)."""

from __future__ import annotations

import html
from collections.abc import Collection

import streamlit as st

from vsdash import maps, plain_text
from vsdash.i18n import t
from vsdash.ui.widgets import show_table, table_switch


def show_map(
    spec: maps.MapSpec,
    key: str,
    lang: str,
    *,
    selectable: bool = False,
    always_shown: Collection[str] = (),
):
    """Draw a map with its legend, its one-sentence alt text, its notes and its "Toon als tabel" switch.

    The same conventions as ``widgets.show_chart``: the alt text is the map's accessible name and a
    visible caption, and the switch (key ``key + "__table"``) shows the table behind the map plus
    its further tables (``MapSpec.more_tables``). Tables named in ``always_shown`` are drawn open
    under the map instead, because the page's question is answered by them. Returns the selection
    event when ``selectable``.
    """
    if not spec.alt or spec.table is None:
        raise ValueError(f"map {key!r} has no text alternative or table; every map needs both")
    map_col, legend_col = st.columns([3, 1])
    with map_col:
        event = st.pydeck_chart(
            spec.deck,
            height=maps.MAP_HEIGHT_PX,
            alt=spec.alt,
            key=key,
            on_select="rerun" if selectable else "ignore",
            selection_mode="single-object",
        )
    with legend_col:
        show_legend(spec, lang)
    st.caption(plain_text.markdown(spec.alt))  # the alt text names areas and events: plain text
    for note in spec.notes:
        st.caption(note)
    _map_table_switch(spec, key, lang, tuple(always_shown))
    for caption in always_shown:
        st.markdown(f"**{caption}**")
        show_table(spec.more_tables[caption])
    return event


@st.fragment
def _map_table_switch(spec: maps.MapSpec, key: str, lang: str, always_shown: tuple[str, ...]) -> None:
    """The map's table switch; a fragment, so flipping it does not send the map again."""
    more = {caption: table for caption, table in spec.more_tables.items() if caption not in always_shown}
    table_switch(spec.table, more, key, lang, title=spec.alt)  # the alt text heads the "Toelichting"


def show_legend(spec: maps.MapSpec, lang: str) -> None:
    """Legend: each colour as a swatch next to its text, so colour never stands alone."""
    items = []
    for entry in spec.legend:
        if entry.shape == "note":  # a sentence about the whole map, no colour of its own
            items.append(f'<li style="margin:0.35rem 0 0;font-size:0.9em;">{html.escape(entry.label)}</li>')
            continue
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


def choose_picked_area(
    picked: str | None, options: Collection[str], key: str, none: str, default: str | None = None
) -> None:
    """Let a risk area clicked on the map (or named in the link, ``?risicogebied=``) choose it once.

    After that the selectbox ``key`` stays the user's to change; on the first visit, or when the
    value is no longer an option (another municipality was chosen), it starts on ``default``
    (the busiest risk area) or ``none``.
    """
    picked = picked or st.query_params.get("risicogebied")
    last = f"_{key}_last_pick"
    if picked in options and picked != st.session_state.get(last):
        st.session_state[key] = picked
    st.session_state[last] = picked
    if st.session_state.get(key) not in (none, *options):
        st.session_state[key] = default if default in options else none
