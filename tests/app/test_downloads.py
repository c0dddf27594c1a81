"""Downloads offered on the pages (issue 18): the council letter beside the summary, table downloads."""

from __future__ import annotations

from tests.app.test_pages import run_page


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


def test_overzicht_tables_download_as_csv_and_excel(monkeypatch, demo_store_url):
    at = run_page(monkeypatch, demo_store_url, "pages/overzicht.py", {"gemeente": "GM0344"})
    assert not at.exception, at.exception
    found = _downloads(at)
    assert found["overview_key_figures__csv"] == "CSV"
    assert found["overview_key_figures__xlsx"] == "Excel"
