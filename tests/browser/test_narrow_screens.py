"""Narrow screens: Overzicht on a phone (390 px), where council members read it.

The trend is drawn on the server in two layouts (``slide_figures.page_trend_svg``); the frame's CSS
shows the one that fits the chart's box. On a phone the wide drawing would be scaled to about a
third and its text to about 5 px; these tests measure what the browser renders: the text of every
chart shown is at least 10 px, the page does not scroll sideways, and the chart keeps its alt text,
caption, table switch (by keyboard) and link.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import wait_idle
from vsdash.i18n import t

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1440, "height": 900}

# Per image shown: its alt text, rendered width, and smallest text size in screen pixels (the SVG's
# font sizes are in viewBox units, scaled by rendered width over viewBox width).
_SHOWN_CHARTS = """() => [...document.querySelectorAll('[data-testid="stImage"] img')]
  .filter(img => img.getBoundingClientRect().width > 0)
  .map(img => {
    const svg = atob(img.src.split(',')[1]);
    const viewWidth = parseFloat(svg.match(/viewBox="[\\d.]+ [\\d.]+ ([\\d.]+)/)[1]);
    const sizes = [...svg.matchAll(/font-size: ([\\d.]+)px/g)].map(m => parseFloat(m[1]));
    const width = img.getBoundingClientRect().width;
    return {alt: img.alt, width, textPx: Math.min(...sizes) * width / viewWidth};
  })"""

_SIDEWAYS = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  return {
    page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    main: main.scrollWidth - main.clientWidth,
  };
}"""


def _open(browser, url: str, viewport: dict):
    ctx = browser.new_context(viewport=viewport)
    page = ctx.new_page()
    page.goto(url)
    wait_idle(page)
    return ctx, page


@pytest.mark.parametrize("query", ["", "?gemeente=GM0344&van=2023-01-01&tot=2025-10-31"])
def test_overzicht_charts_read_at_phone_width_without_sideways_scrolling(app_url, browser, query):
    ctx, page = _open(browser, app_url + "/" + query, PHONE)
    charts = page.evaluate(_SHOWN_CHARTS)
    # One trend (its narrow layout) and the activities; the wide trend is not shown.
    assert [c["alt"].split(" ")[0] for c in charts] == ["Lijngrafiek", "Staafdiagram"], charts
    for chart in charts:
        assert chart["width"] > 300, chart  # the column's width, not a thumbnail
        assert chart["textPx"] >= 10, f"text of {chart['alt'][:40]!r} is {chart['textPx']:.1f} px"
    assert page.evaluate(_SIDEWAYS) == {"page": 0, "main": 0}
    # The chart's caption (its alt text), the link to the interactive page and the table switch.
    trend_alt = charts[0]["alt"]
    assert page.get_by_text(trend_alt, exact=True).is_visible()
    assert page.get_by_role("link", name=t("overview_trend_interactive", "nl")).is_visible()
    switch = page.locator('.st-key-overview_trend__table input[type="checkbox"]')
    switch.focus()
    page.keyboard.press("Space")
    wait_idle(page)
    assert switch.is_checked()
    table = page.locator('[data-testid="stDataFrame"]')
    table.first.wait_for()
    assert page.evaluate(_SIDEWAYS) == {"page": 0, "main": 0}  # the table scrolls in its own box
    ctx.close()


def test_overzicht_shows_the_wide_trend_on_a_desktop(app_url, browser):
    """On a wide screen the page is as before: the wide trend fills the main column, text 10 px or more."""
    ctx, page = _open(browser, app_url + "/", DESKTOP)
    charts = page.evaluate(_SHOWN_CHARTS)
    assert [c["alt"].split(" ")[0] for c in charts] == ["Lijngrafiek", "Staafdiagram"], charts
    trend = charts[0]
    assert trend["width"] > 800 and trend["textPx"] >= 10
    assert all(c["textPx"] >= 10 for c in charts)
    assert page.evaluate(_SIDEWAYS) == {"page": 0, "main": 0}
    ctx.close()
