"""vsdash: the Veilige Steden dashboard. Router and frame: page config, global filters, navigation.

Run with ``streamlit run dashboard.py`` (see README for the one-command set-up).
"""

from __future__ import annotations

import streamlit as st

from vsdash.i18n import t
from vsdash.store import StoreError
from vsdash.ui import cached, frame

st.set_page_config(page_title="Veilige Steden", page_icon=":material/shield_person:", layout="wide",
                   initial_sidebar_state="expanded")
frame.install_style()

try:
    cached.store()
except StoreError as exc:
    st.error(t("store_error", "nl", error=exc))
    st.stop()

selection = frame.render_sidebar()
st.session_state["_selection"] = selection
lang = selection.lang

PAGES = [
    st.Page("pages/overzicht.py", title=t("nav_overview", lang), icon=":material/dashboard:", default=True,
            url_path="overzicht"),
]
page = st.navigation(PAGES)
if cached.is_demo(selection.url, selection.version):
    frame.demo_badge(lang)
page.run()
