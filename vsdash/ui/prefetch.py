"""Let a first visitor's browser load the chart code while the server still prepares the page.

Streamlit's front end loads the code of an element type only when the first element of that
type arrives. Plotly's is by far the largest (a 4.7 MB chunk whose evaluation took 1.2–1.5 s of
the browser's main thread in a traced first page, a third of all its work), and the first
chart of a fresh server's first page arrives last, after the server's imports and the page's
model: so the browser waited for the server, and then the reader waited for the browser.
:func:`start_chart_code` is the first thing the frame sends: a script that imports that same
chunk at once, so the browser evaluates it while the server works. Streamlit's own lazy import
later finds the module already loaded (one module map per page, keyed by URL).

This module imports only Streamlit: dashboard.py calls it before its heavier imports, which on
a fresh server wait for the warm-up thread that is loading the same modules.
"""

from __future__ import annotations

import functools
from pathlib import Path

import streamlit as st

#: Front-end chunks to start loading at once, by the name of Streamlit's element component.
CHUNKS = ("PlotlyChart",)


@functools.cache
def chunk_files(names: tuple[str, ...] = CHUNKS) -> tuple[str, ...]:
    """The file names of the chunks ``names`` in the installed Streamlit's front end.

    A name with no single match (a Streamlit version that bundles its charts differently) is
    left out: the page then loads that code as before, when the chart arrives.
    """
    folder = Path(st.__file__).parent / "static" / "static" / "js"
    found = []
    for name in names:
        matches = sorted(folder.glob(f"{name}.*.js"))
        if len(matches) == 1:
            found.append(matches[0].name)
    return tuple(found)


def prefetch_html(files: tuple[str, ...]) -> str:
    """A hidden element whose script imports ``files`` relative to Streamlit's own entry module.

    Resolved against the entry script's address, as Streamlit's own imports are, so the URL is
    the same under a ``baseUrlPath`` and on every page's address. Import errors are ignored: the
    chart then loads its code itself.
    """
    imports = ", ".join(f'"./{name}"' for name in files)
    return (
        "<style>.stElementContainer:has(.vs-prefetch) {display: none;}</style>"
        '<span class="vs-prefetch"></span>'
        "<script>(() => {"
        'const entry = document.querySelector(\'script[type="module"][src*="static/js/index."]\');'
        "if (!entry) return;"
        f"for (const file of [{imports}]) import(new URL(file, entry.src).href).catch(() => {{}});"
        "})();</script>"
    )


def start_chart_code() -> None:
    """Send the browser the hidden script that starts loading the chart code (see module docstring)."""
    files = chunk_files()
    if files:
        with st.sidebar:  # out of the main area's flow; hidden by its own style at once
            st.html(prefetch_html(files), unsafe_allow_javascript=True)  # constant script, no user content
