"""Server logging: one JSON object per line on standard output, for log collectors.

Container platforms and journald collect standard output; a JSON line per record keeps a
traceback in one record instead of spreading it over many lines. ``VSDASH_LOG_FORMAT=text``
gives plain lines for people reading a terminal.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys

# Loggers whose records the server shows: ours, Streamlit's and the ASGI server's.
SERVER_LOGGERS = ("vsdash", "streamlit", "uvicorn", "uvicorn.error", "uvicorn.access")


class JsonLineFormatter(logging.Formatter):
    """Format a record as one JSON object: time (UTC), level, logger, message, and traceback."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["traceback"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def configure(fmt: str = "json", level: int = logging.INFO, stream=None) -> logging.Handler:
    """Send the server's log records to ``stream`` (standard output) in ``fmt`` (json or text).

    Replaces the handlers Streamlit installs on its loggers, so every record is written once,
    in one format. Returns the handler (tests read from it).
    """
    handler = logging.StreamHandler(stream or sys.stdout)
    if fmt == "json":
        handler.setFormatter(JsonLineFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    # Streamlit gives each of its module loggers its own console handler; replace them all.
    existing = [n for n in logging.Logger.manager.loggerDict if n.startswith(SERVER_LOGGERS)]
    for name in (*SERVER_LOGGERS, *existing):
        logger = logging.getLogger(name)
        logger.handlers = [handler]
        logger.propagate = False
        if name in SERVER_LOGGERS:
            logger.setLevel(level)
    return handler
