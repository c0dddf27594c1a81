"""What a reader sees when a page fails: a short Dutch (or English) sentence with an error code.

The traceback goes to the server log under the same code, so an administrator can find it;
readers never see code or internals (``client.showErrorDetails = "none"`` in config.toml hides
Streamlit's own display for errors that do not pass through here).
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable
from typing import TypeVar

import streamlit as st

from vsdash.i18n import LANGS, t

log = logging.getLogger("vsdash.page")
T = TypeVar("T")


def _lang() -> str:
    try:
        lang = st.session_state.get("taal", "nl")
    except Exception:  # noqa: BLE001 - no session (e.g. a callback during shutdown): Dutch
        lang = "nl"
    return lang if lang in LANGS else "nl"


def show_page_error(exc: BaseException) -> bool:
    """Log ``exc`` with its traceback and a code, show the reader a short message; return True.

    True tells Streamlit the error was shown (``st.App(on_script_error=...)``), so it does not
    draw its own. A lost database connection gets its own message: the reader can simply wait.
    """
    from vsdash.ui.server import is_database_error

    code = secrets.token_hex(4)
    lang = _lang()
    if is_database_error(exc):
        log.error("page failed: store unreachable [%s]: %s", code, exc)
        # No reset needed: the store reconnects by itself on the next run once the server is back.
        st.error(t("store_unreachable", lang, code=code), icon=":material/cloud_off:")
    else:
        log.error("page failed [%s]", code, exc_info=(type(exc), exc, exc.__traceback__))
        st.error(t("page_error", lang, code=code), icon=":material/error:")
    return True


def guarded(run: Callable[[], T]) -> T:
    """Run ``run``; on an unexpected error log it, show the short message and stop this run.

    Covers plain ``streamlit run`` too, where no ``on_script_error`` hook is installed; Streamlit's
    own control flow (``st.stop``, ``st.rerun``) raises ``BaseException``s and passes.
    """
    try:
        return run()
    except Exception as exc:  # noqa: BLE001 - readers never see a traceback; the log keeps it
        show_page_error(exc)
        st.stop()
        raise  # st.stop() raises; this line is never reached
