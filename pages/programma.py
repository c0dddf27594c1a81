"""Programma: the ministry's view of a programme, and the knowledge register's search (issue 19).

The page renders ``vsdash.views.programme.ProgrammeModel`` and ``KnowledgeSearchModel``; every
figure comes from ``vsdash.publication`` under a catalogue definition.
"""

import streamlit as st

from vsdash.ui import cached, frame
from vsdash.ui.tables import show_described_table
from vsdash.ui.widgets import plain_markdown, section_guard, show_chart
from vsdash.views.programme import DEFAULT_QUERY, SEARCH_KEY

sel = frame.current()
lang = sel.lang
model = cached.programme_model(sel)
st.title(model.title)
st.write(model.intro)

with section_guard(lang, "kerncijfers"):
    for column, figure in zip(st.columns(len(model.metrics)), model.metrics, strict=True):
        column.metric(figure.label, figure.value, help=figure.help or None)
    st.markdown(model.summary)

with section_guard(lang, "deelnemers"):
    st.subheader(model.participants_title)
    show_chart(model.participants, "prog_participants", lang)
    st.subheader(model.phases.title)
    show_described_table(model.phases.rows, model.phases.columns, "prog_phases", lang)
    st.caption(model.phases.note)

with section_guard(lang, "financiering"):
    st.subheader(model.funding_title)
    show_chart(model.funding, "prog_funding", lang)
    st.caption(model.funding_note)
    st.subheader(model.budget.title)
    show_described_table(model.budget.rows, model.budget.columns, "prog_budget", lang)
    st.caption(model.budget.note)

with section_guard(lang, "verspreiding"):
    st.subheader(model.spread.title)
    show_described_table(model.spread.rows, model.spread.columns, "prog_spread", lang)
    st.caption(model.spread.note)
    st.subheader(model.peers.title)
    show_described_table(model.peers.rows, model.peers.columns, "prog_peers", lang)
    st.caption(model.peers.note)

with section_guard(lang, "kennisregister"):
    st.session_state.setdefault(SEARCH_KEY, DEFAULT_QUERY)
    search = cached.knowledge_search(sel, st.session_state[SEARCH_KEY])
    st.subheader(search.title)
    st.write(search.intro)
    st.text_input(search.label, key=SEARCH_KEY, help=search.help, max_chars=100)
    st.markdown(plain_markdown(search.found))
    if len(search.results):
        show_described_table(search.results, search.columns, "prog_knowledge", lang)
        st.caption(search.caveat)
