"""Vergelijken: municipalities side by side on a map, ranked with intervals, and as small multiples.

The page renders ``vsdash.views.comparison.CompareModel``; rates follow the indicator catalogue.
"""

import streamlit as st

from vsdash import compare
from vsdash.i18n import t
from vsdash.ui import cached, frame
from vsdash.ui.widgets import plain_markdown, section_guard, show_chart
from vsdash.views.comparison import METRICS

sel = frame.current()
lang = sel.lang
options = cached.compare_options(sel)
names = frame.municipality_names(sel)
st.session_state.setdefault("cmp_group", options.default_group)

st.title(t("cmp_title", lang))
intro = st.empty()  # filled from the model, which needs the choices below
c1, c2 = st.columns([2, 1])
group = c1.radio(
    t("cmp_group_label", lang),
    compare.PEER_CHOICES,
    key="cmp_group",
    horizontal=True,
    format_func=lambda c: t(f"cmp_group_{c}", lang),
)
focus = None
if group == "vergelijkbaar" and not sel.gemeente and options.candidates:
    focus = c2.selectbox(
        t("cmp_focus_label", lang), options.candidates, key="cmp_focus", format_func=lambda c: names.get(c, c)
    )
metric = st.session_state.get("cmp_metric", METRICS[0])
model = cached.comparison_model(sel, group, focus, metric)
intro.write(model.intro)
if model.peer_message:
    st.info(model.peer_message)
if model.peer_note:
    st.caption(model.peer_note)

with section_guard(lang, "kaart"):
    st.subheader(model.map_title)
    st.radio(
        t("cmp_metric_label", lang),
        METRICS,
        key="cmp_metric",
        horizontal=True,
        format_func=lambda m: t(f"cmp_metric_{m}", lang),
    )
    show_chart(model.map_chart, "cmp_map", lang)
    if model.map_message:
        st.info(model.map_message)
    st.caption(model.map_caption)

with section_guard(lang, "ranglijst"):
    st.subheader(model.ranking_title)
    show_chart(model.ranking, "cmp_ranked", lang)
    st.caption(model.ranking_caption)
    if model.not_ranked:
        st.markdown(plain_markdown(model.not_ranked))
    st.dataframe(model.ranking.table, hide_index=True, width="stretch", key="cmp_ranking_table")

with section_guard(lang, "meldingsbereidheid"):
    st.subheader(model.ratio_title)
    show_chart(model.ratio, "cmp_ratio", lang)
    st.caption(model.ratio_caption)
    st.dataframe(model.ratio.table, hide_index=True, width="stretch", key="cmp_ratio_table")

with section_guard(lang, "trends"):
    st.subheader(model.trends_title)
    show_chart(model.trends, "cmp_trends", lang)
    st.caption(model.trends_caption)

with section_guard(lang, "programmas"):
    st.subheader(model.memberships_title)
    show_chart(model.memberships, "cmp_memberships", lang)
