"""Kaart: report density per hexagon, risk areas with their measures, and before/after a campaign
or measure. The page renders the models of ``vsdash.views.map``; privacy is applied there."""

import streamlit as st

from vsdash import maps
from vsdash.i18n import t
from vsdash.ui import cached, frame
from vsdash.ui.mapview import choose_picked_area, show_map
from vsdash.ui.widgets import plain_markdown, section_guard, show_chart

AREA_KEY, EVENT_KEY, WEEKS_KEY, NONE = "kaart_risicogebied", "kaart_gebeurtenis", "kaart_weken", "-"

sel = frame.current()
lang = sel.lang
model = cached.map_model(sel)
st.title(model.title)
st.write(model.intro)
for notice in model.notices:
    st.info(notice)

picked_area = None
with section_guard(lang, "kaart"):
    st.subheader(model.density_title)
    event = show_map(model.density, "kaart_map", lang, selectable=model.selectable)
    picked_area = maps.picked_risk_area(event)
    for note in model.density_notes:
        st.caption(note)

with section_guard(lang, "risicogebied"):
    st.subheader(model.area_title)
    areas = dict(model.areas)
    if model.area_message:
        st.info(model.area_message)
    else:
        choose_picked_area(picked_area, areas, AREA_KEY, NONE, default=model.default_area)

        @st.fragment
        def risk_area_detail() -> None:
            """Trend and measures of one risk area (a fragment: choosing does not resend the map)."""
            chosen = st.selectbox(
                t("map_area_select", lang),
                [NONE, *areas],
                key=AREA_KEY,
                format_func=lambda rid: t("map_area_none", lang) if rid == NONE else areas[rid],
                help=t("map_area_select_help", lang),
            )
            if chosen != NONE:
                detail = cached.risk_area_detail(sel, chosen)
                st.markdown(detail.summary(plain_markdown))
                if detail.trend is None:
                    st.info(detail.trend_message)
                else:
                    show_chart(detail.trend, "kaart_trend", lang)

        risk_area_detail()

with section_guard(lang, "voor_na"):
    st.subheader(model.before_after_title)
    events = dict(model.events)
    if model.events_message:
        st.info(model.events_message)
    else:
        if model.events_note:
            st.caption(model.events_note)
        if st.session_state.get(EVENT_KEY) not in events:
            st.session_state[EVENT_KEY] = model.default_event

        @st.fragment
        def before_after() -> None:
            """Choose an event and window; a fragment, so the density map above is not resent."""
            left, right = st.columns([3, 1])
            key = left.selectbox(t("map_event", lang), list(events), key=EVENT_KEY, format_func=events.get)
            weeks = right.slider(t("map_window_weeks", lang), maps.MIN_COMPARE_WEEKS, 26, 8, key=WEEKS_KEY)
            change = cached.before_after_model(sel, key, weeks)
            if change.map is None:
                st.info(change.message)
                return
            st.caption(change.windows_text)
            if change.shortened:
                st.info(change.shortened)
            show_map(change.map, "kaart_voor_na", lang, always_shown=change.open_tables)
            if change.missing_table:
                st.markdown(f"**{change.missing_table[0]}**")
                st.write(change.missing_table[1])
            st.caption(":material/info: " + change.caveat)

        before_after()
