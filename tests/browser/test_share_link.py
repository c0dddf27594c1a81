"""A link copied from the address bar opens the same view for someone else; arrow keys step slides."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser.conftest import wait_idle

pytestmark = pytest.mark.browser


def _choose(page, key: str, text: str, url_part: str, *, sidebar: bool = False, exact: bool = False) -> None:
    """Pick ``text`` in the selectbox ``key`` the way a person does, until the URL shows ``url_part``."""
    scope = '[data-testid="stSidebar"] ' if sidebar else ""
    box = page.locator(f'{scope}.st-key-{key} input[role="combobox"]')
    option = page.get_by_role("option", name=text if exact else re.compile(re.escape(text))).first
    for _attempt in range(3):  # a rerun that is still finishing can swallow the first pick
        box.click()
        box.fill(text)
        option.wait_for()
        option.click()
        try:
            page.wait_for_function("p => location.search.includes(p)", arg=url_part, timeout=10_000)
        except PlaywrightTimeout:
            wait_idle(page)
            continue
        page.wait_for_timeout(400)  # let the rerun start before waiting for it to finish
        wait_idle(page)
        return
    raise AssertionError(
        f"choosing {text!r} in {key} did not reach the URL: {page.evaluate('location.href')}"
    )


def _selected(page, key: str) -> str:
    return page.locator(f'.st-key-{key} input[role="combobox"]').first.input_value()


def test_copied_link_restores_municipality_and_campaign(app_url, browser):
    ctx = browser.new_context(viewport={"width": 1440, "height": 900})
    page = ctx.new_page()
    page.goto(app_url + "/")
    wait_idle(page)
    _choose(page, "gemeente", "Utrecht", "gemeente=GM0344", sidebar=True, exact=True)
    assert "Utrecht" in page.locator("h1").first.inner_text()
    page.locator('[data-testid="stSidebarNav"] a[href$="/campagnes"]').click()
    wait_idle(page)
    _choose(page, "campagne", "Lokale meldcampagne Utrecht", "campagne=lokaal-GM0344")
    chosen = _selected(page, "campagne")
    url = page.evaluate("location.href")  # the address bar (page.url lags behind replaceState)
    assert "gemeente=GM0344" in url and "campagne=" in url
    fresh = browser.new_context(viewport={"width": 1440, "height": 900}).new_page()
    fresh.goto(url)
    wait_idle(fresh)
    assert "Utrecht" in fresh.locator("h1").first.inner_text()
    assert _selected(fresh, "campagne") == chosen
    assert "Utrecht" in _selected(fresh, "gemeente")
    fresh.context.close()
    ctx.close()


def test_presentation_slide_is_in_the_link_and_arrow_keys_step(app_url, browser):
    ctx = browser.new_context(viewport={"width": 1366, "height": 768})
    page = ctx.new_page()
    page.goto(app_url + "/presenteren?gemeente=GM0344&van=2024-01-01&tot=2024-12-31&dia=3")
    wait_idle(page)
    assert page.locator("h1").first.inner_text() == "Wat deed de laatste campagne?"
    assert page.locator('[data-testid="stSidebar"]').first.is_hidden()
    page.locator("h1").first.click()  # focus the page, not a widget
    page.keyboard.press("ArrowRight")
    wait_idle(page)
    assert page.locator("h1").first.inner_text() == "Waar kwamen de meldingen vandaan?"
    assert "dia=4" in page.evaluate("location.search")
    page.keyboard.press("ArrowLeft")
    wait_idle(page)
    assert "dia=3" in page.evaluate("location.search")
    page.get_by_role("button", name=re.compile("Volgende")).click()
    wait_idle(page)
    assert "dia=4" in page.evaluate("location.search")
    ctx.close()
