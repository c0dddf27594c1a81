"""Command line: ``python -m vsdash <command> ...``.

Each command lives in ``vsdash/commands/<name>.py`` with ``register(subparsers)`` that adds its
parser and sets ``func`` (taking the parsed args, returning an exit code). Errors meant for people
are raised as ``UserError`` and printed without a traceback.
"""

from __future__ import annotations

import argparse
import importlib
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
]


class UserError(Exception):
    """An error caused by input, explained to the user in Dutch; printed without a traceback."""


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser with every available command."""
    parser = argparse.ArgumentParser(
        prog="python -m vsdash", description="Veilige Steden dashboard: opdrachtregel"
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for name in COMMANDS:
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

    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except (UserError, SettingsError) as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - people get a sentence, developers ask for the traceback
        if os.environ.get("VSDASH_DEBUG"):
            raise
        print(
            f"Onverwachte fout ({type(exc).__name__}): {exc}. Zet VSDASH_DEBUG=1 voor details.",
            file=sys.stderr,
        )
        return 1
