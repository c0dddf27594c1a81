"""The share link is drawn only once its expander is opened (issue 17, first page fast).

``st.code`` makes a first visitor's browser load Streamlit's syntax highlighter (1.5 MB, about
0.5 s of processor time), so the closed expander sends no code element; opening it reruns the
page and shows the link with every filter in it.
"""

from __future__ import annotations

from tests.app.test_pages import run_page
from vsdash.i18n import fmt_date


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


def _linked(monkeypatch, store_url: str, params: dict):
    """Open Overzicht as a shared link with ``params`` would (a new session, the URL's parameters)."""
    from streamlit.testing.v1 import AppTest

    from vsdash.settings import PROJECT_ROOT

    monkeypatch.setenv("VSDASH_DATABASE_URL", store_url)
    at = AppTest.from_file(str(PROJECT_ROOT / "dashboard.py"), default_timeout=120)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


def _notices(at) -> list[str]:
    return [i.value for i in at.info if i.value.startswith("De link ")]


def test_a_link_to_a_period_before_the_data_says_so_and_shows_a_whole_period(monkeypatch, demo_store_url):
    """A shared link for 2015 (the data start in 2019) once showed 1 January 2019, one day, silently."""
    at = _linked(
        monkeypatch, demo_store_url, {"gemeente": "GM0344", "van": "2015-01-01", "tot": "2015-12-31"}
    )
    (notice,) = _notices(at)
    assert notice.startswith(
        "De link vroeg om 1 januari 2015 – 31 december 2015, maar er zijn alleen gegevens over"
    )
    start, end = at.session_state["periode"]
    assert (end - start).days > 300  # the default period, not a single day
    assert f"Getoond: {fmt_date(start, 'nl')} – {fmt_date(end, 'nl')}." in notice


def test_a_link_running_past_the_data_is_clipped_and_says_so(monkeypatch, demo_store_url):
    at = _linked(monkeypatch, demo_store_url, {"van": "2025-01-01", "tot": "2030-12-31"})
    (notice,) = _notices(at)
    start, end = at.session_state["periode"]
    assert start.isoformat() == "2025-01-01" and end.year < 2030
    assert "31 december 2030" in notice and f"Getoond: 1 januari 2025 – {fmt_date(end, 'nl')}." in notice


def test_a_link_inside_the_data_and_with_known_codes_says_nothing(monkeypatch, demo_store_url):
    at = _linked(
        monkeypatch, demo_store_url, {"gemeente": "GM0344", "van": "2025-01-01", "tot": "2025-06-30"}
    )
    assert _notices(at) == []
    assert tuple(d.isoformat() for d in at.session_state["periode"]) == ("2025-01-01", "2025-06-30")


def test_a_link_with_an_unknown_municipality_says_what_is_shown_instead(monkeypatch, demo_store_url):
    at = _linked(monkeypatch, demo_store_url, {"gemeente": "GM9999", "programma": "geen_programma"})
    notices = _notices(at)
    assert any("gemeente GM9999" in n and "Getoond: alle gemeenten." in n for n in notices)
    assert any("programma geen_programma" in n for n in notices)
