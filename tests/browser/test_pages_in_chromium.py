"""Open every page in headless chromium, as a person would, and fail on any Streamlit exception."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import ARTIFACTS, wait_idle
from vsdash.ui.navigation import PAGES

pytestmark = pytest.mark.browser


def _page_links(page) -> list[str]:
    hrefs = page.eval_on_selector_all(
        '[data-testid="stSidebarNav"] a', "els => els.map(e => e.getAttribute('href'))"
    )
    found = [re.sub(r"^https?://[^/]+", "", h).split("?")[0] for h in hrefs]
    # With a single page Streamlit shows no menu; the page list is the router's own.
    return found or ["/" if i == 0 else f"/{spec.url_path}" for i, spec in enumerate(PAGES)]


@pytest.mark.parametrize("query", ["", "?gemeente=GM0344"])
def test_every_page_renders_without_exception(app_url, browser, query):
    ctx = browser.new_context(viewport={"width": 1440, "height": 900})
    page = ctx.new_page()
    page.goto(app_url + "/" + query)
    wait_idle(page)
    links = _page_links(page)
    assert links, "no navigation links found"
    for href in links:
        page.goto(app_url + href + query)
        wait_idle(page)
        exceptions = page.eval_on_selector_all(
            '[data-testid="stException"]', "els => els.map(e => e.innerText)"
        )
        assert not exceptions, f"{href}: {exceptions}"
        errors = page.eval_on_selector_all(
            '[data-testid="stAlertContentError"]', "els => els.map(e => e.innerText)"
        )
        assert not errors, f"{href}: {errors}"
        assert page.locator(".vs-demo-badge").count() >= 1, f"{href}: demo badge missing"
        name = href.strip("/").replace("/", "_") or "home"
        page.screenshot(path=str(ARTIFACTS / f"{name}{'_gemeente' if query else ''}.png"), full_page=True)
    ctx.close()


def test_url_restores_the_selection(app_url, browser):
    ctx = browser.new_context()
    page = ctx.new_page()
    page.goto(app_url + "/?gemeente=GM0344&van=2023-01-01&tot=2023-12-31")
    wait_idle(page)
    assert "Utrecht" in page.locator("h1").first.inner_text()
    url = page.url
    assert "gemeente=GM0344" in url and "van=2023-01-01" in url
    fresh = browser.new_context().new_page()
    fresh.goto(url)
    wait_idle(fresh)
    assert "Utrecht" in fresh.locator("h1").first.inner_text()
    ctx.close()


def test_deep_link_on_a_fresh_server_runs_the_frame(demo_store_url, browser):
    """The first request to a new server may be a shared link to any page (not only "/")."""
    from vsdash.bench_browser import serve

    proc, base = serve(demo_store_url, ARTIFACTS / "streamlit-deeplink.log")
    try:
        page = browser.new_context().new_page()
        page.goto(base + "/meldingen?gemeente=GM0344")
        wait_idle(page)
        exceptions = page.eval_on_selector_all(
            '[data-testid="stException"]', "els => els.map(e => e.innerText)"
        )
        assert not exceptions, exceptions
        assert "Utrecht" in page.locator("h1").first.inner_text()
        assert page.locator(".vs-demo-badge").count() == 1
        assert page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').count() >= 2
    finally:
        proc.terminate()
        proc.wait(10)
