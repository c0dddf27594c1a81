"""Gegevens: the import log (open), templates, and importing/undoing (after login)."""

import streamlit as st

from vsdash.i18n import t
from vsdash.ui import access, cached, data_import, frame
from vsdash.ui.widgets import section_guard

sel = frame.current()
lang = sel.lang
st.title(t("data_title", lang))
st.write(t("data_intro", lang))

with section_guard(lang, "importlog"):
    data_import.import_log(sel.url, sel.version, lang)

with section_guard(lang, "sjablonen"):
    data_import.templates(lang)

with section_guard(lang, "import"):
    st.divider()
    granted = access.signed_in_access(lang)
    if granted is not None:
        data_import.import_form(
            cached.store(), granted.account, cached.is_demo(sel.url, sel.version), lang, granted.scope
        )
