"""Meldingen page: grain defaults, the caveat beside campaign bands, and no small counts shown."""

from __future__ import annotations

from tests.app.test_pages import run_page

PAGE = "pages/meldingen.py"


def test_small_city_defaults_to_months(monkeypatch, demo_store_url):
    # Almelo in a 30k-report demo store has only a few reports a week: months tell the story.
    at = run_page(monkeypatch, demo_store_url, PAGE, {"gemeente": "GM0141"})
    assert not at.exception, at.exception
    assert at.button_group(key="meldingen_grain").value == "month"


def test_caveat_and_sections(monkeypatch, demo_store_url):
    at = run_page(monkeypatch, demo_store_url, PAGE, {"gemeente": "GM0344"})  # Ben jij OK? 2025 ran there
    assert not at.exception, at.exception
    captions = " ".join(c.value for c in at.caption)
    assert "meldingsbereidheid" in captions
    headers = [h.value for h in at.subheader]
    assert "Meldingen per 10.000 inwoners" in headers
    assert "Op welke dag en welk uur?" in headers


def test_no_channel_says_so(monkeypatch, demo_store_url):
    at = run_page(monkeypatch, demo_store_url, PAGE, {"gemeente": "GM0080"})
    assert not at.exception, at.exception
    assert any("geen meldpunt" in i.value for i in at.info)
