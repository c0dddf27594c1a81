"""A first visitor's browser starts on the chart code before the page's widgets arrive (issue 17).

Without the prefetch (``vsdash.ui.prefetch``) Streamlit requests its 4.7 MB Plotly chunk only
when the first chart arrives, after the sidebar's widgets and the key figures.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import wait_idle

pytestmark = pytest.mark.browser

STARTS = """() => Object.fromEntries(performance.getEntriesByType('resource')
  .map(e => [e.name.split('/').pop().split('.')[0], e.startTime]))"""


def test_chart_code_is_requested_before_the_first_widget(app_url, browser):
    ctx = browser.new_context(viewport={"width": 1440, "height": 900})  # empty cache, as a first visit
    page = ctx.new_page()
    page.goto(app_url + "/")
    wait_idle(page)
    started = page.evaluate(STARTS)
    ctx.close()
    assert "PlotlyChart" in started and "Selectbox" in started and "Metric" in started, sorted(started)
    assert started["PlotlyChart"] < started["Selectbox"] < started["Metric"], started
    # The share link is closed: Streamlit's syntax highlighter is not loaded on a first visit.
    assert "StreamlitSyntaxHighlighter" not in started
