"""Fixtures shared by the unit tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def store(demo_store_url):
    """The session's demo store (30,000 reports, seed 42), opened once per test module."""
    from vsdash.store import Store

    opened = Store(demo_store_url)
    yield opened
    opened.close()
