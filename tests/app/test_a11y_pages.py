"""WCAG 2.1 AA on every page of the router, as the app sends it to the browser.

For each page in ``vsdash.ui.navigation.PAGES``, in Dutch and in English: every chart and map has
a text alternative with numbers and its own "Toon als tabel" switch (key: the figure's key +
"__table", one convention for charts and maps), figures use the language's
decimal marks and month names, and the frame declares the document language.
"""

from __future__ import annotations

import base64
import json
import re

import pytest
from streamlit.elements.lib.utils import user_key_from_element_id

from tests.app.test_pages import PAGES, run_page
from vsdash.i18n import t
from vsdash.ui.widgets import table_switch_key

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
    # Charts drawn on the server (Overzicht's SVGs, issue 17) are images: the same alt rule.
    images = [img for element in at.get("image") for img in element.proto.imgs]
    for img in images:
        assert img.alt and re.search(r"\d", img.alt), f"{page}: image without an alt text with numbers"
    # One convention for charts and maps (widgets.table_switch): the figure drawn with key K has
    # the switch "Toon als tabel" with key K + "__table".
    label = t("show_as_table", lang)
    switches = {s.key: s.label for s in at.toggle if s.key and s.key.endswith("__table")}
    assert set(switches.values()) <= {label}, f"{page}: a table switch with another label: {switches}"
    # st.image has no key: each image is paired with a switch by count; a chart sent in a wide
    # and a narrow layout (one shown at a time) is one chart with one alt text and one switch.
    unkeyed = len({img.alt for img in images})
    for element in figures + maps:
        key = user_key_from_element_id(element.proto.id)
        if not key:
            # Streamlit sends a pydeck map's key only when selection is on; pair those by count.
            unkeyed += 1
            continue
        assert switches.pop(table_switch_key(key), None) == label, f"{page}: {key!r} has no '{label}' switch"
    assert len(switches) >= unkeyed, f"{page}: a chart or map has no table switch"
    for element in figures:
        layout = json.loads(element.proto.spec)["layout"]
        assert layout.get("separators") == {"nl": ",.", "en": ".,"}[lang]
        for key, axis in layout.items():
            if key.startswith("xaxis") and lang == "nl":
                words = {w for text in axis.get("ticktext") or () for w in str(text).split()}
                assert not words & ENGLISH_MONTHS, f"{page}: English months on a Dutch axis: {words}"
    for img in images:
        svg = base64.b64decode(img.url.removeprefix("data:image/svg+xml;base64,")).decode("utf-8")
        words = set(re.findall(r">([^<>]+)</text>", svg)) if lang == "nl" else set()
        assert not {w for text in words for w in text.split()} & ENGLISH_MONTHS, f"{page}: English months"
    declared = [h.proto.body for h in at.get("html") if "vs-document-language" in h.proto.body]
    assert len(declared) == 1 and f'data-lang="{lang}"' in declared[0]


@pytest.mark.parametrize("page", PAGES)
def test_every_table_switch_shows_a_table(monkeypatch, demo_store_url, page):
    """With every switch on, each chart's data appears as a table (plus its further panels).

    A page without charts or maps (Gegevens) needs no switch; it must then have none of either.
    """
    at = run_page(monkeypatch, demo_store_url, page, {})
    keys = [s.key for s in at.toggle if s.label == t("show_as_table", "nl")]
    drawn = len(at.get("plotly_chart")) + len(at.get("deck_gl_json_chart")) + len(at.get("image"))
    if not keys:
        assert drawn == 0, f"{page}: {drawn} charts or maps without a table switch"
        return
    tables_before = len(at.dataframe)
    at = run_page(monkeypatch, demo_store_url, page, {key: True for key in keys})
    assert not at.exception, at.exception
    # Every switch adds at least its own table to those the page shows anyway.
    assert len(at.dataframe) - tables_before >= len(keys)
