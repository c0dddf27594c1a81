"""The officer composes a deck in the browser, copies its link, and someone else opens the same deck."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import ARTIFACTS, wait_idle

pytestmark = pytest.mark.browser

START = "/presenteren?gemeente=GM0344&van=2025-01-01&tot=2025-12-31&dia=1"


def _open_builder(page) -> None:
    page.get_by_text("Dia's samenstellen").click()
    page.locator(".st-key-dia_lijst").wait_for()


def _outline(page) -> list[str]:
    return page.locator('.st-key-dia_lijst [data-testid="stMarkdown"]').all_inner_texts()


def _click(page, selector: str) -> None:
    # A button with a tooltip (help=) has a hidden twin Streamlit measures its width with.
    page.locator(selector).locator("visible=true").click()
    page.wait_for_timeout(300)  # let the rerun start before waiting for it to finish
    wait_idle(page)


def _slide_defects_are_gone(page) -> None:
    """Issue 18: no chart toolbar on a slide, one arrow per step button."""
    page.locator(".js-plotly-plot").first.hover()
    assert page.locator(".js-plotly-plot .modebar").count() == 0
    for key in ("dia_vorige", "dia_volgende"):
        assert page.locator(f".st-key-{key} kbd").is_hidden()
        assert page.locator(f'.st-key-{key} [data-testid="stIconMaterial"]').count() == 1


def test_a_composed_deck_travels_by_its_link(app_url, browser):
    ctx = browser.new_context(viewport={"width": 1440, "height": 1000})
    ctx.grant_permissions(["clipboard-read", "clipboard-write"], origin=app_url)
    page = ctx.new_page()
    page.goto(app_url + START)
    wait_idle(page)
    assert page.locator("h1").first.inner_text() == "Utrecht in cijfers"
    # The demo badge starts below Streamlit's header bar, not behind it (issue 18).
    header = page.locator('[data-testid="stHeader"]').bounding_box()
    badge = page.locator(".vs-demo-badge").first.bounding_box()
    assert badge["y"] >= header["y"] + header["height"], (badge, header)
    _open_builder(page)

    _click(page, ".st-key-dia_neer_0 button")  # key figures one place down
    assert page.locator("h1").first.inner_text() == "Meldingen door de tijd, met campagnes"
    _slide_defects_are_gone(page)
    _click(page, ".st-key-dia_verberg_3 button")  # hide the map
    page.locator(".st-key-dia_nieuw_titel input").fill("Onze aanpak & wat komt")
    page.locator(".st-key-dia_nieuw_tekst textarea").fill("Meer suswachters\nEen nieuwe campagne")
    _click(page, '[data-testid="stFormSubmitButton"] button')
    assert page.locator("h1").first.inner_text() == "Onze aanpak & wat komt"
    assert "Meer suswachters" in page.locator(".vs-slide-list").first.inner_text()
    notes = page.locator('[class*="st-key-dia_notities_"] textarea')
    notes.fill("Begin met de suswachters")
    notes.press("Control+Enter")
    page.wait_for_timeout(300)
    wait_idle(page)
    composed = _outline(page)
    assert composed[:3] == [
        "1. Meldingen door de tijd, met campagnes",
        "2. Onze aanpak & wat komt (nu getoond)",
    ] + ["3. Utrecht in cijfers"]
    assert "verborgen" in composed[4]
    page.screenshot(path=str(ARTIFACTS / "presentation-builder.png"), full_page=True)
    from tests.browser.test_accessibility import _blocking, _run_axe

    assert _blocking(_run_axe(page)) == []  # the open builder too: labels, contrast, names

    # Copy the link as a person does: open "Link naar deze weergave", press the copy button.
    main = page.get_by_test_id("stMainBlockContainer")
    main.get_by_text("Link naar deze weergave").click()
    code = main.locator('[data-testid="stCode"]').last
    code.scroll_into_view_if_needed()
    code.hover()
    copy = code.get_by_role("button", name="Copy to clipboard")
    copy.wait_for(state="visible")
    page.wait_for_timeout(500)  # the button fades in on hover
    copy.click(force=True)
    link = page.evaluate("navigator.clipboard.readText()").strip()
    assert link == code.inner_text().strip()
    assert re.search(r"dias=trend%2Ctekst%3A1%2Ckerncijfers%2Ceffect%2C-kaart", link), link
    ctx.close()

    other = browser.new_context(viewport={"width": 1440, "height": 1000})
    fresh = other.new_page()
    fresh.goto(link)
    wait_idle(fresh)
    assert fresh.locator("h1").first.inner_text() == "Onze aanpak & wat komt"
    assert "Dia 2 van 6" in fresh.locator(".vs-slide-meta").first.inner_text()
    _open_builder(fresh)
    assert _outline(fresh) == composed
    assert (
        fresh.locator('[class*="st-key-dia_notities_"] textarea').input_value() == "Begin met de suswachters"
    )
    assert not fresh.locator('[data-testid="stAlert"]').filter(has_text="link").count()  # nothing left out
    other.close()
