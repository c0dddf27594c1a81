"""vsdash: the Veilige Steden dashboard. Router and frame: page config, global filters, navigation.

Run with ``streamlit run dashboard.py`` (see README for the one-command set-up).
"""

from __future__ import annotations

import time

import streamlit as st

from vsdash.i18n import t
from vsdash.settings import SettingsError
from vsdash.store import StoreError
from vsdash.ui import cached, errors, frame, warmup
from vsdash.ui.navigation import PAGES
from vsdash.ui.widgets import share_link

started = time.perf_counter()
frame.use_explicit_navigation()
st.set_page_config(
    page_title="Veilige Steden",
    page_icon=":material/shield_person:",
    layout="wide",
    initial_sidebar_state="auto",  # open beside the page; on a phone closed, over the page when opened
)
frame.install_style()

try:
    cached.store()
except StoreError as exc:
    # The reader gets a short Dutch sentence with an error code; the log keeps the details.
    errors.show_page_error(exc)
    st.stop()
except SettingsError as exc:
    st.error(t("store_error", "nl", error=exc))
    st.stop()

selection = errors.guarded(frame.render_sidebar)
st.session_state["_selection"] = selection
lang = selection.lang
frame.declare_language(lang)

page = st.navigation(
    [
        st.Page(
            spec.file, title=t(spec.label_key, lang), icon=spec.icon, url_path=spec.url_path, default=i == 0
        )
        for i, spec in enumerate(PAGES)
    ]
)
# Every page its own window title (WCAG 2.4.2): the page name first, as screen readers announce it.
st.set_page_config(page_title=t("a11y_window_title", lang, page=page.title))
if cached.is_demo(selection.url, selection.version):
    frame.demo_badge(lang)
frame.link_notices(lang)
errors.guarded(page.run)
# After the page, so the page's own URL parameters are in the link.
share_link(lang, st.sidebar, key="share_link_sidebar")
frame.log_run_time(page.url_path or "overzicht", started)
# The server's warm-up of the other pages may start now; a new data version is warmed again.
warmup.note_page_served(selection.url, selection.version)
