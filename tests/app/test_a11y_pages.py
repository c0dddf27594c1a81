"""WCAG 2.1 AA on every page of the router, as the app sends it to the browser.

For each page in ``vsdash.ui.navigation.PAGES``, in Dutch and in English: every chart and map has
a text alternative with numbers and its own "Toon als tabel" switch, figures use the language's
decimal marks and month names, and the frame declares the document language.
"""

from __future__ import annotations

import json
import re

import pytest

from tests.app.test_pages import PAGES, run_page
from vsdash.i18n import t

ENGLISH_MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
SCENARIOS = [{}, {"taal": "en", "gemeente": "GM0344"}]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("state", SCENARIOS, ids=["nl-alle", "en-utrecht"])
def test_charts_and_maps_are_readable_without_seeing_them(monkeypatch, demo_store_url, page, state):
    lang = state.get("taal", "nl")
    at = run_page(monkeypatch, demo_store_url, page, state)
    assert not at.exception, at.exception
    figures = list(at.get("plotly_chart"))
    maps = list(at.get("deck_gl_json_chart"))
    for element in figures + maps:
        alt = element.proto.alt
        assert alt and re.search(r"\d", alt), f"{page}: chart without an alt text with numbers: {alt!r}"
    switches = [s for s in at.toggle if s.label == t("show_as_table", lang)]
    assert len(switches) >= len(figures) + len(maps), f"{page}: a chart or map has no table switch"
    for element in figures:
        layout = json.loads(element.proto.spec)["layout"]
        assert layout.get("separators") == {"nl": ",.", "en": ".,"}[lang]
        for key, axis in layout.items():
            if key.startswith("xaxis") and lang == "nl":
                words = {w for text in axis.get("ticktext") or () for w in str(text).split()}
                assert not words & ENGLISH_MONTHS, f"{page}: English months on a Dutch axis: {words}"
    declared = [h.proto.body for h in at.get("html") if "vs-document-language" in h.proto.body]
    assert len(declared) == 1 and f'data-lang="{lang}"' in declared[0]


@pytest.mark.parametrize("page", PAGES)
def test_every_table_switch_shows_a_table(monkeypatch, demo_store_url, page):
    """With every switch on, each chart's data appears as a table (plus its further panels)."""
    at = run_page(monkeypatch, demo_store_url, page, {})
    keys = [s.key for s in at.toggle if s.label == t("show_as_table", "nl")]
    assert keys
    at = run_page(monkeypatch, demo_store_url, page, {key: True for key in keys})
    assert not at.exception, at.exception
    assert len(at.dataframe) >= len(keys)
