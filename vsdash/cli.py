"""Command line: ``python -m vsdash <command> ...``.

Each command lives in ``vsdash/commands/<name>.py`` with ``register(subparsers)`` that adds its
parser and sets ``func`` (taking the parsed args, returning an exit code). Errors meant for people
are raised as ``UserError`` and printed without a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys

COMMANDS = [
    "demo",
    "status",
    "effect",
    "export",
    "import_",
    "hash_password",
    "report",
    "bench",
    "docs",
    "figures",
    "serve",
    "boundaries",
]


class UserError(Exception):
    """An error caused by input, explained to the user in Dutch; printed without a traceback."""


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """Build the argument parser with every available command, or with the one module ``only``."""
    parser = argparse.ArgumentParser(
        prog="python -m vsdash", description="Veilige Steden dashboard: opdrachtregel"
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for name in COMMANDS if only is None else [only]:
        try:
            module = importlib.import_module(f"vsdash.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"vsdash.commands.{name}":
                continue  # command not built yet
            raise
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit code."""
    from vsdash.settings import SettingsError

    # Only the command asked for is loaded: the others import statsmodels, geopandas and pydeck,
    # seconds that would delay every command (and the server's start) for nothing.
    parser = build_parser(only=_module_of(sys.argv[1:] if argv is None else argv))
    args = parser.parse_args(argv)
    as_json = bool(getattr(args, "json", False))
    try:
        code = int(args.func(args) or 0)
        sys.stdout.flush()  # a closed pipe shows here, not in the interpreter's last flush
        return code
    except BrokenPipeError:
        return _reader_went_away()
    except (UserError, SettingsError) as exc:
        return _report_error(str(exc), "invoer", 2, as_json)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - people get a sentence, developers ask for the traceback
        if os.environ.get("VSDASH_DEBUG"):
            raise
        message = f"Onverwachte fout ({type(exc).__name__}): {exc}. Zet VSDASH_DEBUG=1 voor details."
        return _report_error(message, "onverwacht", 1, as_json)


def _reader_went_away() -> int:
    """The program reading our output stopped (``vsdash figures --json | head``): no traceback.

    Further writes (and Python's own flush at exit) go to /dev/null; the exit code is the shell's
    for a command ended by a closed pipe (128 + SIGPIPE).
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return 141


def _module_of(argv: list[str]) -> str | None:
    """The module in ``vsdash/commands`` of the command ``argv`` starts with (None: unknown or none)."""
    if not argv or argv[0].startswith("-"):
        return None
    name = argv[0].replace("-", "_")
    for module in (name, f"{name}_"):
        if module in COMMANDS:
            return module
    return None


def _report_error(message: str, kind: str, code: int, as_json: bool) -> int:
    """Print an error for people (stderr) or, with ``--json``, as one JSON object on stdout."""
    try:
        if as_json:
            # A script reading --json output gets JSON for errors too, with the same Dutch sentence.
            print(
                json.dumps(
                    {"error": {"soort": kind, "message": message}, "exit_code": code}, ensure_ascii=False
                ),
                flush=True,
            )
        else:
            print(f"Fout: {message}", file=sys.stderr)
    except BrokenPipeError:
        return _reader_went_away()
    return code
