"""Meldingen: reports over time, by category and channel, per 10,000 inhabitants, by weekday and hour.

The page renders ``vsdash.views.reports.ReportsModel``; its figures come from the publication layer.
"""

import streamlit as st

from vsdash.i18n import t
from vsdash.ui import cached, frame
from vsdash.ui.widgets import section_guard, show_chart
from vsdash.views.reports import GRAINS, SPLITS

sel = frame.current()
lang = sel.lang
default = cached.default_grain(sel.url, sel.version, sel.codes, sel.start, sel.end)
if st.session_state.get("meldingen_grain") not in GRAINS:
    st.session_state["meldingen_grain"] = default
st.session_state.setdefault("meldingen_split", SPLITS[0])
grain = st.session_state["meldingen_grain"] or default
model = cached.reports_model(sel, grain, st.session_state["meldingen_split"])

st.title(model.title)
st.write(model.intro)
if model.notice:
    st.info(model.notice)
    st.stop()

st.segmented_control(
    t("grain", lang), GRAINS, key="meldingen_grain", format_func=lambda g: t(f"grain_label_{g}", lang)
)
st.caption(model.grain_hint)


def render(section, key: str) -> None:
    """A section of the model: heading, chart or message, the sentences under it."""
    st.subheader(section.title)
    if section.message:
        st.info(section.message)
    if section.chart is not None:
        show_chart(section.chart, key, lang)
    for note in section.notes:
        st.caption(":material/info: " + note)


with section_guard(lang, "trend"):
    render(model.trend, "reports_trend")

left, right = st.columns(2)
with left, section_guard(lang, "categorie"):
    st.radio(
        t("split_by", lang),
        SPLITS,
        key="meldingen_split",
        horizontal=True,
        format_func=lambda s: t(f"split_{s}", lang),
    )
    render(model.parts, f"reports_by_{st.session_state['meldingen_split']}")

with right, section_guard(lang, "per_inwoner"):
    render(model.rates, "reports_rate")

with section_guard(lang, "uren"):
    render(model.hours, "reports_heat")

st.caption(model.footer)
