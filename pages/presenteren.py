"""Presenteren: the selection as slides for a networking day, one message per slide.

Full width, large type, no sidebar. The officer composes the deck (order, hidden slides, own text
slides, a peer comparison, notes); the composition and the slide number are in the URL, so a
copied link opens the same deck on the same slide. The slides, the downloads (PPTX, PDF) and the
council summary come from one composed ``presentation.Deck`` (``vsdash.views.presentation``).
"""

import streamlit as st

from vsdash import plain_text
from vsdash.ui import cached, frame, presenting
from vsdash.ui.widgets import section_guard, share_link

sel = frame.current()
lang = sel.lang
frame.presentation_style()

composition = presenting.composition(lang)
number = presenting.slide_number(len(composition.slides))
model = cached.presentation_model(sel, composition, number)

for notice in presenting.notices_and_errors():
    st.warning(plain_text.markdown(notice))  # notices quote what the link held
with section_guard(lang, f"dia {model.slide.kind}"):
    presenting.render_slide(model, lang)
presenting.step_buttons(model, lang)

st.divider()
with section_guard(lang, "samenstellen"):
    presenting.render_builder(model, lang)
tools_left, tools_right = st.columns(2, gap="large")
with tools_left, section_guard(lang, "selectie"):
    presenting.selection_tools(sel, lang)
with tools_right, section_guard(lang, "meenemen"):
    presenting.take_away(model, sel, composition, lang)
    share_link(lang)
