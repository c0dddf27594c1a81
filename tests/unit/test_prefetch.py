"""The chart code a first visitor's browser starts on early (``vsdash.ui.prefetch``)."""

from __future__ import annotations

from vsdash.ui import prefetch


def test_the_installed_streamlit_has_the_plotly_chunk():
    """Fails when a Streamlit upgrade renames or splits the chunk: the prefetch would stop silently."""
    (name,) = prefetch.chunk_files()
    assert name.startswith("PlotlyChart.") and name.endswith(".js")


def test_an_unknown_chunk_is_left_out():
    assert prefetch.chunk_files(("NoSuchChart",)) == ()
    assert prefetch.chunk_files(("NoSuchChart", "PlotlyChart")) == prefetch.chunk_files()


def test_the_script_imports_relative_to_streamlits_entry_module():
    html = prefetch.prefetch_html(("PlotlyChart.abc123.js",))
    assert 'for (const file of ["./PlotlyChart.abc123.js"])' in html
    assert "new URL(file, entry.src)" in html  # same URL as Streamlit's own lazy import
    assert ".stElementContainer:has(.vs-prefetch) {display: none;}" in html
