"""Activiteiten: the register of what municipalities did, by the evaluation's four categories.

The page renders ``vsdash.views.activities.ActivitiesModel``; with its default filters it counts
what the catalogue's ``activities`` indicator counts (Overzicht, Presenteren, ``vsdash figures``).
"""

import streamlit as st

from vsdash.ui import cached, frame
from vsdash.ui.tables import show_described_table
from vsdash.ui.widgets import plain_markdown, section_guard, show_chart
from vsdash.views.activities import ONLY_PERIOD_KEY, ActivityFilters

sel = frame.current()
lang = sel.lang
st.session_state.setdefault(ONLY_PERIOD_KEY, True)
model = cached.activities_model(sel, ActivityFilters.from_state(st.session_state))
st.title(model.title)
st.write(model.intro)

with st.expander(model.filters_title, expanded=True):
    cells = [*st.columns(3), *st.columns(3)]
    for cell, choice in zip(cells, model.choices, strict=False):
        st.session_state[choice.key] = list(choice.selected)  # choices this selection lacks are dropped
        cell.multiselect(
            choice.label,
            choice.options,
            key=choice.key,
            format_func=choice.label_of,
            placeholder=model.all_label,
        )
    cells[-1].toggle(model.only_period_label, key=ONLY_PERIOD_KEY, help=model.only_period_help)

with section_guard(lang, "kerncijfers"):
    for column, figure in zip(st.columns(len(model.metrics)), model.metrics, strict=True):
        column.metric(figure.label, figure.value, help=figure.help or None)
    if model.covid_sentence:
        st.markdown(model.covid_sentence)
    st.caption(model.scope)

if model.empty_message:
    st.info(model.empty_message)
    st.stop()

with section_guard(lang, "status"):
    st.subheader(model.status_title)
    show_chart(model.status_chart, "act_status_chart", lang)

with section_guard(lang, "tijdlijn"):
    st.subheader(model.timeline_title)
    show_chart(model.timeline_chart, "act_timeline", lang)

with section_guard(lang, "register"):
    st.subheader(model.register_title)
    show_described_table(model.register, model.columns, "act_register", lang)
    st.caption(model.register_note)
    csv_col, xlsx_col = st.columns(2)
    csv_col.download_button(
        model.downloads[0],
        model.csv_bytes,
        f"{model.file_stem}.csv",
        "text/csv",
        key="act_download_csv",
        on_click="ignore",
    )
    xlsx_col.download_button(
        model.downloads[1],
        model.xlsx_bytes,
        f"{model.file_stem}.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="act_download_xlsx",
        on_click="ignore",
    )

with section_guard(lang, "details"):
    st.subheader(model.detail_title)
    options = dict(model.detail_options)
    chosen = st.selectbox(model.detail_label, list(options), key="act_detail", format_func=options.get)
    detail = model.detail(chosen)
    st.markdown(f"#### {plain_markdown(detail.title)}")
    st.markdown(detail.line(plain_markdown))
    if detail.facts:
        st.markdown(detail.facts_markdown(plain_markdown))
    st.caption(detail.provenance(plain_markdown))
