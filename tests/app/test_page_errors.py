"""A page that fails shows the reader a short message with a code; the log keeps the traceback."""

from __future__ import annotations

import logging

from streamlit.testing.v1 import AppTest


def _failing_page(kind: str) -> None:
    from vsdash.ui.errors import show_page_error

    if kind == "bug":
        try:
            {}["ontbrekende_sleutel"]
        except KeyError as exc:
            show_page_error(exc)
    else:
        import psycopg

        show_page_error(psycopg.OperationalError("connection refused"))


def _run(kind: str, lang: str = "nl") -> AppTest:
    at = AppTest.from_function(_failing_page, args=(kind,))
    at.session_state["taal"] = lang
    at.run()
    assert not at.exception
    return at


def test_reader_sees_a_short_dutch_message_and_the_log_the_traceback(caplog):
    with caplog.at_level(logging.ERROR, logger="vsdash.page"):
        at = _run("bug")
    message = at.error[0].value
    assert message.startswith("Er ging iets mis bij het maken van deze pagina.")
    assert "Traceback" not in message and "KeyError" not in message
    code = message.rsplit("foutcode ", 1)[1].rstrip(".")
    record = next(r for r in caplog.records if code in r.getMessage())
    assert record.exc_info[0] is KeyError  # the code in the message finds the traceback in the log


def test_a_lost_database_says_so_and_that_nothing_is_lost():
    at = _run("database")
    assert "De database is tijdelijk niet bereikbaar. Er gaat niets verloren" in at.error[0].value


def test_the_message_follows_the_page_language():
    at = _run("bug", lang="en")
    assert at.error[0].value.startswith("Something went wrong while building this page.")
