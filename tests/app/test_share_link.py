"""The share link is drawn only once its expander is opened (issue 17, first page fast).

``st.code`` makes a first visitor's browser load Streamlit's syntax highlighter (1.5 MB, about
0.5 s of processor time), so the closed expander sends no code element; opening it reruns the
page and shows the link with every filter in it.
"""

from __future__ import annotations

from tests.app.test_pages import run_page


def _share_expanders(at):
    return [e for e in at.expander if e.label == "Link naar deze weergave"]


def test_closed_share_link_sends_no_code(monkeypatch, demo_store_url):
    at = run_page(monkeypatch, demo_store_url, "pages/overzicht.py", {"gemeente": "GM0344"})
    assert not at.exception, at.exception
    assert len(_share_expanders(at)) == 1
    assert len(at.code) == 0


def test_opened_share_link_shows_the_filters(monkeypatch, demo_store_url):
    at = run_page(
        monkeypatch, demo_store_url, "pages/overzicht.py", {"gemeente": "GM0344", "share_link_sidebar": True}
    )
    assert not at.exception, at.exception
    (expander,) = _share_expanders(at)
    (code,) = expander.code
    assert "gemeente=GM0344" in code.value


def test_presentation_has_its_own_share_link(monkeypatch, demo_store_url):
    """Presenteren draws a second link in its main area: a second key, both open on their own."""
    at = run_page(monkeypatch, demo_store_url, "pages/presenteren.py", {"share_link": True})
    assert not at.exception, at.exception
    assert len(_share_expanders(at)) == 2
    assert len(at.code) == 1
