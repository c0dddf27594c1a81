"""Overzicht: key figures, the trend with campaign bands, activities by category, what is new.

The page renders ``vsdash.views.overview.OverviewModel``; every figure comes from the publication
layer (``vsdash.publication``), so it matches the other pages, the slides and the downloads. Its
charts are server-side SVG (no plotly on the first page, issue 17), linked to the pages that show
them interactively.
"""

import streamlit as st

from vsdash.ui import cached, frame
from vsdash.ui.widgets import (
    downloads_panel,
    plain_markdown,
    section_guard,
    show_static_chart,
    table_switch,
)

sel = frame.current()
lang = sel.lang
model = cached.overview_model(
    sel.url, sel.version, sel.gemeente, sel.programma, sel.start, sel.end, sel.label, lang
)
st.title(model.title)
st.write(model.intro)

with section_guard(lang, "kerncijfers"):
    if model.notice:
        st.info(model.notice)
    for row in (model.metrics, model.survey_metrics):
        for column, figure in zip(st.columns(len(row)), row, strict=True):
            column.metric(
                figure.label,
                figure.value,
                delta=figure.delta,
                delta_color="off",
                delta_arrow="off",
                help=figure.help or None,
            )
    st.caption(":material/info: " + " ".join(model.survey_notes))
    st.caption(" ".join(model.notes))
    table_switch(
        model.key_table, {}, "overview_key_figures", lang, title=model.key_table_title, downloads=False
    )

with section_guard(lang, "trend"):
    st.subheader(model.trend_title)
    if model.trend_message:
        st.info(model.trend_message)
    if model.trend is not None:
        show_static_chart(
            model.trend,
            "overview_trend",
            lang,
            page="pages/meldingen.py",
            link=model.trend_link,
            downloads=False,
        )
    for note in model.trend_notes:
        st.caption(":material/info: " + note)

left, right = st.columns(2)
with left, section_guard(lang, "activiteiten"):
    st.subheader(model.activities_title)
    show_static_chart(
        model.activities,
        "overview_activities",
        lang,
        page="pages/activiteiten.py",
        link=model.activities_link,
        downloads=False,
    )

with right, section_guard(lang, "nieuw"):
    st.subheader(model.whats_new_title)
    st.markdown("\n".join(f"- {plain_markdown(item)}" for item in model.whats_new))

# The six table downloads in one expander, drawn when opened: fewer widgets per filter change.
with section_guard(lang, "downloads"):
    figures = [(model.key_table, {}, "overview_key_figures", model.key_table_title)]
    for chart, key in ((model.trend, "overview_trend"), (model.activities, "overview_activities")):
        if chart is not None:
            figures.append((chart.table, chart.more_tables, key, chart.alt))
    downloads_panel(figures, lang, key="overview_downloads")
