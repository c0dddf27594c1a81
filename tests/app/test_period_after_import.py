"""A period picked before an import that changed the data range does not break the next run."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.app.test_pages import run_page


@pytest.mark.parametrize(
    "period",
    [
        (dt.date(2001, 1, 1), dt.date(2001, 6, 1)),
        (dt.date(2001, 1, 1), dt.date(2099, 1, 1)),
        (dt.date(2099, 1, 1),),
    ],
)
def test_period_outside_the_data_range_is_clamped_not_a_traceback(monkeypatch, demo_store_url, period):
    state = {
        "_frame_initialised": True,
        "periode": period,
        "gemeente": "ALL",
        "programma": "ALL",
        "taal": "nl",
    }
    at = run_page(monkeypatch, demo_store_url, "pages/gegevens.py", state)
    assert not at.exception, at.exception
    picked = at.session_state["periode"]
    lo, hi = at.date_input(key="periode").min, at.date_input(key="periode").max
    assert all(lo <= d <= hi for d in picked)
