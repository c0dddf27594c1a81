"""Presenteren page: the slide from the URL or state, the step buttons, the lessons and the tools."""

from __future__ import annotations

import datetime as dt

from tests.app.test_pages import run_page

PAGE = "pages/presenteren.py"


def test_effect_slide_of_utrecht(monkeypatch, demo_store_url):
    state = {"gemeente": "GM0344", "dia": 3}
    at = run_page(monkeypatch, demo_store_url, PAGE, state)
    assert not at.exception, at.exception
    assert at.title[0].value == "Wat deed de laatste campagne?"
    assert at.button(key="dia_vorige") and at.button(key="dia_volgende")
    assert at.query_params["dia"] in ("3", ["3"])
    assert any("Tijdens de campagne" in m.value for m in at.markdown)


def test_first_and_last_slide_disable_the_step_beyond(monkeypatch, demo_store_url):
    at = run_page(monkeypatch, demo_store_url, PAGE, {"gemeente": "GM0344", "dia": 1})
    assert at.button(key="dia_vorige").disabled and not at.button(key="dia_volgende").disabled
    assert at.title[0].value == "Utrecht in cijfers"
    assert {m.label for m in at.metric} >= {"Meldingen", "Per 10.000 inwoners per jaar"}
    # A period whose comparison (the preceding year) spans the 1 July 2024 criminalisation.
    state = {"gemeente": "GM0344", "dia": 6, "periode": (dt.date(2025, 1, 1), dt.date(2025, 12, 31))}
    at = run_page(monkeypatch, demo_store_url, PAGE, state)
    assert at.button(key="dia_volgende").disabled
    lessons = " ".join(m.value for m in at.markdown if "vs-slide-list" in m.value)
    assert "meldingsbereidheid" in lessons and "1 juli 2024" in lessons


def test_lessons_and_summary_in_english(monkeypatch, demo_store_url):
    at = run_page(monkeypatch, demo_store_url, PAGE, {"gemeente": "GM0344", "taal": "en", "dia": 6})
    assert not at.exception, at.exception
    assert at.title[0].value == "What we learned"
    assert "willing to report" in " ".join(m.value for m in at.markdown)


def test_all_municipalities_effect_slide_asks_for_one(monkeypatch, demo_store_url):
    at = run_page(monkeypatch, demo_store_url, PAGE, {"dia": 3})
    assert not at.exception, at.exception
    assert any("één gemeente" in m.value for m in at.markdown)
