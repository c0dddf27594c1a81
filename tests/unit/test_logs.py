"""Server logs: one JSON object per line, a traceback kept inside its record."""

from __future__ import annotations

import io
import json
import logging

from vsdash import logs


def test_records_are_json_lines_with_the_traceback_in_the_same_record():
    stream = io.StringIO()
    handler = logs.configure("json", stream=stream)
    try:
        log = logging.getLogger("vsdash.test")
        log.info("gestart op poort %d", 8501)
        try:
            raise ValueError("kapot")
        except ValueError:
            log.exception("pagina mislukt")
    finally:
        logging.getLogger("vsdash").removeHandler(handler)
    lines = stream.getvalue().splitlines()
    assert len(lines) == 2  # the multi-line traceback did not spill over extra lines
    first, second = (json.loads(line) for line in lines)
    assert first["message"] == "gestart op poort 8501" and first["level"] == "info"
    assert first["logger"] == "vsdash.test" and first["time"].endswith("+00:00")
    assert second["level"] == "error" and "ValueError: kapot" in second["traceback"]


def test_streamlits_module_loggers_write_through_the_same_handler():
    from streamlit.logger import get_logger

    streamlit_logger = get_logger("streamlit.vsdash_test_module")  # has its own console handler
    stream = io.StringIO()
    logs.configure("json", stream=stream)
    streamlit_logger.warning("let op")
    assert json.loads(stream.getvalue())["message"] == "let op"
    assert len(streamlit_logger.handlers) == 1


def test_text_format_for_people_at_a_terminal():
    stream = io.StringIO()
    logs.configure("text", stream=stream)
    logging.getLogger("vsdash.test").warning("opslag traag")
    assert "WARNING vsdash.test: opslag traag" in stream.getvalue()
