"""The server's warm-up (``vsdash.ui.warmup``): it fills what the first page reads, under the keys
that page asks for, and it survives an empty store and a store that is down.

AppTest runs the app in this process, so it shares the caches the warm-up filled: a first page
that then needs no model built and no store opened proves the warm-up warmed the right keys.
"""

from __future__ import annotations

import threading
import time

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from tests.app.test_pages import run_page
from vsdash import campaign_effects, maps, settings, store
from vsdash.settings import PROJECT_ROOT
from vsdash.ui import cached, frame, warmup
from vsdash.views import overview

DOWN_URL = "postgresql://vsdash@127.0.0.1:1/vsdash"  # nothing listens on port 1: refused at once


@pytest.fixture(autouse=True)
def cold_caches(monkeypatch):
    """Every test starts as a fresh server does: nothing cached in this process.

    The other pages' steps do not wait for a first page here (one test checks that they do).
    """
    monkeypatch.setattr(warmup, "LATER_STEPS_AFTER_S", 0.0)
    monkeypatch.setattr(warmup, "RENDER_PAUSE_S", 0.0)
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


def _first_visit(monkeypatch, url: str) -> AppTest:
    """A first visit to ``/`` without URL parameters, as a reader's browser makes it."""
    monkeypatch.setenv("VSDASH_DATABASE_URL", url)
    at = AppTest.from_file(str(PROJECT_ROOT / "dashboard.py"), default_timeout=120)
    at.run()
    return at


def _refuse(what: str):
    def refused(*args, **kwargs):
        raise AssertionError(f"{what} after the warm-up: the first page was not warm")

    return refused


def test_default_selection_is_what_a_first_visit_resolves(monkeypatch, demo_store_url):
    at = _first_visit(monkeypatch, demo_store_url)
    assert not at.exception
    resolved = at.session_state["_selection"]
    assert frame.default_selection(resolved.url, resolved.version) == resolved
    assert resolved.gemeente is None and resolved.codes is None and resolved.lang == "nl"


def test_warm_up_fills_every_cache_the_first_page_reads(monkeypatch, demo_store_url):
    monkeypatch.setenv("VSDASH_DATABASE_URL", demo_store_url)
    report = warmup.warm_up(demo_store_url)
    assert not report.failed and not report.skipped
    assert list(report.done) == [
        "imports",
        "store",
        "tables",
        "overzicht",
        "imports other pages",
        "boundaries",
        "campagnes",
    ]
    # From here on, building a model, opening a store, reading a reference table or simplifying
    # boundaries would mean the warm-up missed it.
    monkeypatch.setattr(overview, "build_overview", _refuse("Overzicht's model was built"))
    monkeypatch.setattr(store.Store, "__init__", _refuse("a store was opened"))
    for table in warmup.TABLES:
        monkeypatch.setattr(store.Store, table, _refuse(f"the table {table} was read"))
    monkeypatch.setattr(store.Store, "report_date_range", _refuse("the data range was read"))
    monkeypatch.setattr(maps, "prepare_boundaries", _refuse("the boundaries were simplified"))
    # Overzicht's charts are drawn once, by the warm-up (issue 17).
    from vsdash import slide_figures

    monkeypatch.setattr(slide_figures, "figure_svg", _refuse("an SVG chart was drawn"))

    at = _first_visit(monkeypatch, demo_store_url)
    assert not at.exception
    assert at.title[0].value  # Overzicht rendered its model
    cached.map_boundaries(None, "nl", str(settings.boundaries_dir()))


def test_warm_up_estimates_the_forest_plot_campagnes_reads(monkeypatch, demo_store_url):
    """Every campaign's effect, seconds of statistics, is ready before Campagnes is first opened."""
    monkeypatch.setenv("VSDASH_DATABASE_URL", demo_store_url)
    report = warmup.warm_up(demo_store_url)
    assert "campagnes" in report.done
    monkeypatch.setattr(campaign_effects, "estimate_all_campaigns", _refuse("the forest plot was estimated"))
    page = run_page(monkeypatch, demo_store_url, "pages/campagnes.py", {})
    assert not page.exception and not page.error, (page.exception, page.error)
    assert "Alle campagnes vergeleken" in [h.value for h in page.subheader]


def test_warm_up_of_an_empty_store_warms_what_there_is(monkeypatch, tmp_path):
    url = f"duckdb:///{tmp_path / 'empty.duckdb'}"
    store.Store(url).close()  # the reference tables, no reports
    monkeypatch.setenv("VSDASH_DATABASE_URL", url)
    report = warmup.warm_up(url)
    assert {"store", "tables", "overzicht"} <= set(report.done)
    assert not report.failed

    at = _first_visit(monkeypatch, url)
    assert not at.exception
    resolved = at.session_state["_selection"]
    assert frame.default_selection(url, resolved.version) == resolved


def test_warm_up_survives_a_store_that_is_down(monkeypatch):
    monkeypatch.setenv("VSDASH_DATABASE_URL", DOWN_URL)
    started = time.monotonic()
    report = warmup.warm_up(DOWN_URL)
    assert time.monotonic() - started < 60
    assert "store" in report.failed and report.failed["store"]
    assert report.skipped == ["tables", "overzicht", "campagnes"]
    assert "imports" in report.done  # what needs no store is still warmed

    # Nothing of the failure is cached: the first page says in Dutch that the store is down.
    at = _first_visit(monkeypatch, DOWN_URL)
    assert not at.exception
    assert "niet bereikbaar" in at.error[0].value


def test_warm_up_never_builds_the_missing_embedded_store(monkeypatch):
    from vsdash import demo

    monkeypatch.setattr(settings, "default_store_missing", lambda url: True)
    monkeypatch.setattr(demo, "build_default_store", _refuse("the demo store was built"))
    report = warmup.warm_up("duckdb:///data/vsdash.duckdb")
    assert "store" in report.failed and report.skipped == ["tables", "overzicht", "campagnes"]


def test_start_warm_up_returns_while_the_warm_up_still_runs(monkeypatch):
    release, finished = threading.Event(), threading.Event()

    def slow_warm_up(url, lang="nl"):
        release.wait(30)
        finished.set()
        return warmup.WarmUpReport(done={"imports": 0.0})

    monkeypatch.setattr(warmup, "warm_up", slow_warm_up)
    thread = warmup.start_warm_up(DOWN_URL)
    assert thread.is_alive() and thread.daemon and not finished.is_set()
    release.set()
    thread.join(30)
    assert finished.is_set()


def test_other_pages_wait_until_the_first_page_is_served(monkeypatch):
    monkeypatch.setattr(warmup, "LATER_STEPS_AFTER_S", 60.0)
    warmup._page_served.clear()
    imported: list[tuple[str, ...]] = []
    monkeypatch.setattr(warmup, "_import", imported.append)
    monkeypatch.setattr(warmup, "_boundaries", lambda *args: None)
    thread = threading.Thread(target=warmup.warm_up, args=(DOWN_URL,), daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not imported and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(1.0)  # the store step fails at once; the warm-up now waits for a page
    assert imported == [warmup.FIRST_PAGE_MODULES] and thread.is_alive()
    warmup.note_page_served()
    thread.join(30)
    assert imported == [warmup.FIRST_PAGE_MODULES, warmup.OTHER_PAGE_MODULES]


def test_a_new_data_version_gets_its_forest_plot_warmed_in_a_warmed_server(monkeypatch):
    """After an import the first page run that sees the new version warms its forest plot once."""
    warmed = []
    done = threading.Event()

    def estimate(url, version, with_controls=True):
        warmed.append((url, version, with_controls))
        done.set()

    monkeypatch.setattr(cached, "campaign_effects_all", estimate)
    monkeypatch.setattr(warmup, "_warmed_versions", {"7"})
    url = "duckdb:///somewhere.duckdb"
    monkeypatch.setattr(warmup, "_serving_url", None)
    warmup.note_page_served(url, "8")  # not a warmed server (a test, a script): nothing happens
    time.sleep(0.2)
    assert warmed == []

    monkeypatch.setattr(warmup, "_serving_url", url)
    warmup.note_page_served(url, "7")  # warmed at the start already
    warmup.note_page_served(url, "8")  # an import happened
    warmup.note_page_served(url, "8")  # the next run of the same version starts nothing more
    assert done.wait(10)
    time.sleep(0.2)
    assert warmed == [(url, "8", True)]
