"""Browser fixtures: the real app served by streamlit on loopback, and Debian's headless chromium."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from vsdash.bench_browser import CHROMIUM_ARGS  # one set of flags for tests and benchmark

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"


# The served app has an administrator password, as in production, so the Gegevens page shows its
# login form (and, after login, the import form) to the browser tests instead of "imports locked".
ADMIN_PASSWORD = "browsertest-beheer-2024"


@pytest.fixture(scope="session")
def app_url(demo_store_url):
    """Serve dashboard.py on a free loopback port against a copy of the session's demo store."""
    from vsdash.auth import hash_password
    from vsdash.bench_browser import serve

    ARTIFACTS.mkdir(exist_ok=True)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("VSDASH_ADMIN_PASSWORD_HASH", hash_password(ADMIN_PASSWORD))
        proc, base = serve(demo_store_url, ARTIFACTS / "streamlit.log")
    yield base
    proc.terminate()
    proc.wait(10)


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium driven by Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).exists():
        pytest.fail("Debian's chromium is not installed: apt-get install -y chromium")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield b
        b.close()


def wait_idle(page, timeout_s: float = 60) -> None:
    """Wait until Streamlit has finished running the script and no skeleton is left (0.7 s quiet)."""
    from vsdash.bench_browser import wait_idle as wait_until_idle

    wait_until_idle(page, timeout_s, quiet_s=0.7)
