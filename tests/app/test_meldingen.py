"""Meldingen page: grain defaults, the caveat beside campaign bands, and no small counts shown."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.app.test_pages import run_page

PAGE = "pages/meldingen.py"


def test_small_city_defaults_to_months(monkeypatch, demo_store_url):
    # Almelo in a 30k-report demo store has only a few reports a week: months tell the story.
    at = run_page(monkeypatch, demo_store_url, PAGE, {"gemeente": "GM0141"})
    assert not at.exception, at.exception
    assert at.button_group(key="meldingen_grain").value == "month"


def test_caveat_and_sections(monkeypatch, demo_store_url):
    year_2025 = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))  # Ben jij OK? 2025 ran in Utrecht
    at = run_page(monkeypatch, demo_store_url, PAGE, {"gemeente": "GM0344", "periode": year_2025})
    assert not at.exception, at.exception
    captions = " ".join(c.value for c in at.caption)
    assert "meldingsbereidheid" in captions
    headers = [h.value for h in at.subheader]
    assert "Meldingen per 10.000 inwoners per jaar" in headers
    assert "Op welke dag en welk uur?" in headers


def test_no_channel_says_so(monkeypatch, demo_store_url):
    at = run_page(monkeypatch, demo_store_url, PAGE, {"gemeente": "GM0080"})
    assert not at.exception, at.exception
    assert any("geen meldpunt" in i.value for i in at.info)


def test_yearly_rate_line_sits_on_the_key_figures_scale(monkeypatch, demo_store_url):
    """The rate chart uses the key figure's definition per period: its mean is near the key figure."""
    import pandas as pd

    from vsdash import publication
    from vsdash.store import Store

    year_2025 = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    at = run_page(
        monkeypatch,
        demo_store_url,
        PAGE,
        {"gemeente": "GM0344", "periode": year_2025, "meldingen_grain": "month"},
    )
    assert not at.exception, at.exception
    store = Store(demo_store_url)
    key = publication.key_figures(store, gemeente="GM0344", start=year_2025[0], end=year_2025[1])
    trend = publication.published_trend_of(store, ("GM0344",), *year_2025, grain="month")
    rates = publication.yearly_rates_per_period(
        trend.cells, store.channels(), store.population(), ("GM0344",), *year_2025, "month"
    )
    store.close()
    # Twelve whole months: the exposure-weighted mean of the monthly yearly rates is the key figure.
    days = pd.Series([p.days_in_month for p in rates["periode"]])
    weighted = float((rates["rate"].to_numpy() * days.to_numpy()).sum() / days.sum())
    assert weighted == pytest.approx(key.rate_per_10k_per_year, rel=1e-6)
