"""Shared fixtures: a small deterministic demo store built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Boundaries: the CBS files shipped in data/boundaries (the default), unless VSDASH_BOUNDARIES_DIR
# points elsewhere. Nothing outside the clone is needed.

DEMO_REPORTS = 30_000


@pytest.fixture(scope="session")
def demo_store_url(tmp_path_factory) -> str:
    """URL of a demo store with 30,000 reports (seed 42), shared by the tests of a session."""
    from vsdash.demo import generate_demo
    from vsdash.store import Store

    path = tmp_path_factory.mktemp("store") / "demo.duckdb"
    url = f"duckdb:///{path}"
    store = Store(url)
    generate_demo(store, seed=42, reports=DEMO_REPORTS)
    store.close()
    return url


@pytest.fixture()
def empty_store(tmp_path):
    """A new store with only the reference tables."""
    from vsdash.store import Store

    store = Store(f"duckdb:///{tmp_path / 'empty.duckdb'}")
    yield store
    store.close()
