"""A first visit loads no code it does not show (issue 17, first page fast).

The share link's ``st.code`` made every first visit load and run Streamlit's 1.5 MB syntax
highlighter; the link is now drawn when its expander is opened, and works the same then.
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
    assert "PlotlyChart" in loaded and "Metric" in loaded, sorted(set(loaded))
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
