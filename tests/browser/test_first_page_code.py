"""A first visit loads no code it does not show (issue 17, first page fast).

The share link's ``st.code`` made every first visit load and run Streamlit's 1.5 MB syntax
highlighter; the link is now drawn when its expander is opened, and works the same then.
Overzicht's charts are server-side SVG images: the 4.7 MB plotly chunk is fetched only by a page
that draws a plotly chart (Meldingen, linked under the trend).
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import wait_idle

pytestmark = pytest.mark.browser

CHUNKS = """() => performance.getEntriesByType('resource').map(e => e.name.split('/').pop().split('.')[0])"""


def test_first_visit_skips_the_syntax_highlighter_until_the_link_is_opened(app_url, browser):
    ctx = browser.new_context(viewport={"width": 1440, "height": 900})  # empty cache, as a first visit
    page = ctx.new_page()
    page.goto(app_url + "/")
    wait_idle(page)
    loaded = page.evaluate(CHUNKS)
    assert "Metric" in loaded, sorted(set(loaded))
    assert "StreamlitSyntaxHighlighter" not in loaded
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_text("Link naar deze weergave").click()
    code = sidebar.locator('[data-testid="stCode"]')
    code.wait_for()
    link = code.inner_text().strip()
    assert link.startswith(app_url) and "?" in link
    assert link.split("?", 1)[1] == page.evaluate("location.search.slice(1)")  # every filter in it
    assert "StreamlitSyntaxHighlighter" in page.evaluate(CHUNKS)
    ctx.close()


def test_first_visit_draws_overzicht_without_fetching_plotly(app_url, browser):
    """The trend and activities are visible SVG images with their alt text; no plotly chunk is fetched."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 1600})  # empty cache
    page = ctx.new_page()
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(app_url + "/")
    wait_idle(page)
    assert not [url for url in fetched if "plotly" in url.lower()], fetched
    assert page.locator(".js-plotly-plot").count() == 0
    # The trend's narrow layout (for a phone's column) is in the page but not shown at this width.
    charts = page.locator('[data-testid="stImage"] img:visible')
    assert charts.count() == 2
    main = page.get_by_test_id("stMain").bounding_box()
    for i, start in enumerate(("Lijngrafiek van meldingen", "Staafdiagram Activiteiten")):
        chart = charts.nth(i)
        assert chart.get_attribute("alt").startswith(start)
        assert chart.get_attribute("src").startswith("data:image/svg+xml;base64,")
        assert chart.evaluate("img => img.complete && img.naturalWidth > 0")  # the SVG decoded
        box = chart.bounding_box()
        assert box["height"] > 100
    # The trend fills the main column; the activities their half of it.
    trend, activities = (charts.nth(i).bounding_box()["width"] for i in range(2))
    assert trend > 0.6 * main["width"] and 0.3 * main["width"] < activities < 0.6 * main["width"]

    # The link under the trend opens Meldingen, whose interactive charts do load plotly.
    page.get_by_role("link", name="Interactief bekijken op Meldingen").click()
    page.wait_for_url("**/meldingen**")
    wait_idle(page)
    page.locator(".js-plotly-plot").first.wait_for()
    assert [url for url in fetched if "plotly" in url.lower()], "Meldingen drew no plotly chart"
    ctx.close()
