"""The server's share of a fresh server's first page (issue 17 item 8): what it imports and queries.

A fresh server's first reader waits for the first page's imports and for Overzicht's model
(``vsdash.ui.warmup``). These tests keep out what that page does not need: plotly's chart
builders (Overzicht draws SVG), pandera (only writing validates), matplotlib before the model
is built; and they keep the per-municipality figures at a fixed number of store queries, with
the same cells as one municipality at a time.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

import pandas as pd
import pytest

from vsdash import publication
from vsdash.settings import PROJECT_ROOT
from vsdash.store import Store
from vsdash.ui import warmup


def _modules_after(imports: str) -> set[str]:
    """The top-level names in ``sys.modules`` after ``imports`` ran in a fresh interpreter."""
    code = f"{imports}\nimport sys\nprint(' '.join(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return set(done.stdout.split())


def test_the_overview_model_imports_no_chart_library_and_no_validation():
    loaded = _modules_after("import vsdash.views.overview")
    assert "vsdash.views.overview" in loaded
    assert not {"plotly", "vsdash.charts", "pandera", "matplotlib"} & loaded


def test_the_first_page_modules_import_neither_plotly_charts_nor_pandera():
    # Streamlit itself imports plotly; vsdash's plotly chart builders are the other pages' own.
    modules = "; ".join(f"import {name}" for name in warmup.FIRST_PAGE_MODULES)
    loaded = _modules_after(modules)
    assert set(warmup.FIRST_PAGE_MODULES) <= loaded
    assert not {"vsdash.charts", "pandera", "matplotlib", "vsdash.slide_figures"} & loaded


def test_the_code_imported_before_listening_needs_no_store_and_logs_no_noise():
    """``vsdash serve`` imports the first page's code before it listens; a store that is down
    must not stop that, and Streamlit's "No runtime found" per cached function stays out of the log."""
    code = (
        "from vsdash.ui import warmup\nwarmup.import_before_listening()\n"
        "import sys\nprint(' '.join(sorted(sys.modules)))"
    )
    env = {**os.environ, "VSDASH_DATABASE_URL": "postgresql://vsdash@127.0.0.1:9/niet_bereikbaar"}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    loaded = set(done.stdout.split())
    assert set(warmup.BEFORE_LISTENING_MODULES) <= loaded and "matplotlib" in loaded
    assert "No runtime found" not in done.stderr


def test_validation_still_imports_pandera_when_it_is_used():
    loaded = _modules_after("from vsdash import schema\nschema.pandera_schema(schema.PROGRAMMES_TABLE)")
    assert "pandera" in loaded


@pytest.fixture(scope="module")
def store(demo_store_url):
    found = Store(demo_store_url)
    yield found
    found.close()


PERIODS = [
    (dt.date(2023, 1, 1), dt.date(2023, 12, 31)),  # whole months: counted in months
    (dt.date(2024, 3, 4), dt.date(2024, 5, 17)),  # weeks, months where a municipality's counts are small
    (dt.date(2022, 2, 9), dt.date(2022, 2, 20)),  # two weeks: most municipalities snap to months
]


@pytest.mark.parametrize(("start", "end"), PERIODS)
def test_counted_periods_are_each_municipality_counted_on_its_own(store, start, end):
    codes = sorted(set(store.channels()["gemeentecode"])) + ["GM9999"]  # and one without reports
    together = publication.counted_periods(store, codes, start, end)
    units = set()
    for code in codes:
        alone = publication.counted_period(store, (code,), start, end)
        found = together[code]
        assert (found.start, found.end, found.unit, found.published) == (
            alone.start,
            alone.end,
            alone.unit,
            alone.published,
        )
        pd.testing.assert_frame_equal(found.parts, alone.parts, check_exact=True)
        units.add(alone.unit)
    if (end - start).days < 30:
        assert units == {"week", "month"}  # the test covers municipalities of both units


def test_member_figures_query_the_store_a_fixed_number_of_times(store, monkeypatch):
    calls = []
    original = Store.count_reports

    def counting(self, *args, **kwargs):
        calls.append(args)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Store, "count_reports", counting)
    codes = sorted(set(store.channels()["gemeentecode"]))
    assert len(codes) > 4
    figures = publication.member_figures(store, codes, dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    assert list(figures["gemeentecode"]) == codes
    assert len(calls) == 2  # this year's months and last year's, for every municipality at once
