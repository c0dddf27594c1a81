"""Downloads offered on the pages (issue 18): the council letter beside the summary, table downloads."""

from __future__ import annotations

import pytest

from tests.app.test_pages import PAGES, run_page
from vsdash.ui.widgets import download_name


def _downloads(at) -> dict[str, str]:
    """Download buttons by the end of their widget id (the key), with their labels."""
    return {button.proto.id.rsplit("-", 1)[-1]: button.proto.label for button in at.get("download_button")}


def test_presenteren_offers_the_council_letter_next_to_the_summary(monkeypatch, demo_store_url):
    at = run_page(monkeypatch, demo_store_url, "pages/presenteren.py", {"gemeente": "GM0344", "dia": 1})
    assert not at.exception, at.exception
    found = _downloads(at)
    assert found["dia_summary_docx"] == "Raadsinformatiebrief (.docx)"
    keys = list(found)
    assert keys.index("dia_summary_docx") == keys.index("dia_summary_txt") + 1


def test_overzicht_groups_its_downloads_in_one_expander_drawn_when_opened(monkeypatch, demo_store_url):
    """Six download buttons redrawn at every filter change doubled the browser's work per change;
    closed, the "Downloads" expander sends none, while every "Toon als tabel" switch stays."""
    at = run_page(monkeypatch, demo_store_url, "pages/overzicht.py", {"gemeente": "GM0344"})
    assert not at.exception, at.exception
    assert _downloads(at) == {}
    assert [e.label for e in at.expander].count("Tabellen downloaden (CSV, Excel)") == 1
    switches = {toggle.key for toggle in at.toggle}
    assert {"overview_key_figures__table", "overview_trend__table", "overview_activities__table"} <= switches


def test_overzicht_tables_download_as_csv_and_excel(monkeypatch, demo_store_url):
    state = {"gemeente": "GM0344", "overview_downloads": True}  # the reader opened the expander
    at = run_page(monkeypatch, demo_store_url, "pages/overzicht.py", state)
    assert not at.exception, at.exception
    found = _downloads(at)
    assert found["overview_key_figures__csv"] == "CSV: kerncijfers"
    assert found["overview_key_figures__xlsx"] == "Excel: kerncijfers"
    figures = ("overview_key_figures", "overview_trend", "overview_activities")
    assert list(found) == [f"{key}__{kind}" for key in figures for kind in ("csv", "xlsx")]
    (panel,) = [e for e in at.expander if e.label == "Tabellen downloaden (CSV, Excel)"]
    assert len(panel.get("download_button")) == 6


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("state", [{}, {"taal": "en", "gemeente": "GM0344"}], ids=["nl-alle", "en-utrecht"])
def test_every_download_on_a_page_names_what_it_downloads(monkeypatch, demo_store_url, page, state):
    """Two buttons that both read "CSV" are one name for two tables: a screen reader (and a council
    member looking for the right file) cannot tell them apart, so each names its chart or map."""
    state = state | {"overview_downloads": True}  # Overzicht's grouped downloads, opened
    at = run_page(monkeypatch, demo_store_url, page, state)
    assert not at.exception, at.exception
    found = _downloads(at)
    labels = list(found.values())
    assert len(labels) == len(set(labels)), f"{page}: download buttons with the same label: {labels}"
    lang = state.get("taal", "nl")
    for key, label in found.items():
        for suffix, kind in (("__csv", "CSV"), ("__xlsx", "Excel")):
            if key.endswith(suffix):
                name = download_name(key.removesuffix(suffix), lang)
                assert label == f"{kind}: {name}", f"{page}: {key} reads {label!r}"
