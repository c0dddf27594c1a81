"""Unexpected errors: readers get a short Dutch message, the server log keeps the traceback.

``client.showErrorDetails = "none"`` in ``.streamlit/config.toml`` is the backstop for anything
that escapes (Streamlit then shows only a generic sentence); ``guarded`` catches errors of the
frame and the page first, so readers see what happened in their language and what to do.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

import streamlit as st

from vsdash.i18n import t

log = logging.getLogger("vsdash")
T = TypeVar("T")


def guarded(run: Callable[[], T]) -> T:
    """Run ``run``; on an unexpected error log it, show the Dutch message and stop this run.

    Streamlit's own control flow (``st.stop``, ``st.rerun``) raises ``BaseException``s and passes.
    """
    try:
        return run()
    except Exception:  # noqa: BLE001 - readers never see a traceback; the log keeps it
        log.exception("page run failed")
        lang = st.session_state.get("taal", "nl")
        st.error(t("error_page", lang if lang in ("nl", "en") else "nl"))
        st.stop()
        raise  # st.stop() raises; this line is never reached
