"""What an import reports back: the refusal of a whole file, errors per cell, and the result."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

Progress = Callable[[float, str], None]


def _noop(fraction: float, message: str) -> None:
    return None


# -- results and refusals ---------------------------------------------------------------------------


class ImportRefused(Exception):
    """The whole file is refused (unreadable, unsafe, wrong columns); the message is Dutch."""


@dataclass(frozen=True)
class RowError:
    """One problem in one cell: spreadsheet row number (header = 1), column as in the file, value."""

    row: int | None
    column: str | None
    value: str | None
    message: str

    def as_dict(self) -> dict:
        return {"row": self.row, "column": self.column, "value": self.value, "message": self.message}

    def sentence(self) -> str:
        """The error as one Dutch sentence naming row, column and value."""
        where = f"rij {self.row}" if self.row is not None else "bestand"
        if self.column:
            where += f", kolom '{self.column}'"
        value = f", waarde {self.value!r}" if self.value not in (None, "") else ""
        return f"{where}{value}: {self.message}"


@dataclass
class ImportResult:
    """What an import did (or, for a dry run or a refusal, would have done)."""

    kind: str
    file_name: str
    sha256: str
    rows: int = 0
    accepted: int = 0
    rejected: int = 0
    written: int = 0
    duplicates: int = 0
    errors: list[RowError] = field(default_factory=list)
    errors_total: int = 0
    warnings: list[str] = field(default_factory=list)
    import_id: str | None = None
    dry_run: bool = False
    refused: bool = False
    rejections_file: str | None = None
    channels_new: list[str] = field(default_factory=list)  # reporting channels registered (or to be)
    layout: object | None = None  # sheet_layout.TableLayout: where the table was found in the sheet
    plan: dict | None = None  # column_mapping.Plan used: field -> column, fixed value or not used
    demo_wipe: dict | None = None  # rows per table the demo replacement deletes (and undo restores)
    # Issue 19: stored survey years the file gives other figures for: replaced (undo restores them).
    replaced: list[dict] = field(default_factory=list)  # {"gemeentecode": ..., "jaar": ...}

    @property
    def ok(self) -> bool:
        """True when everything asked was done (a refusal or a dry run with errors is not ok)."""
        return not self.refused

    def as_dict(self) -> dict:
        """The result as the command line prints it with ``--json``."""
        return {
            "accepted": self.accepted,
            "rejected": self.rejected,
            "written": self.written,
            "duplicates": self.duplicates,
            "errors": [e.as_dict() for e in self.errors],
            "errors_total": self.errors_total,
            "warnings": self.warnings,
            "import_id": self.import_id,
            "dry_run": self.dry_run,
            "refused": self.refused,
            "rejections_file": self.rejections_file,
            "channels_new": self.channels_new,
            "header_row": getattr(self.layout, "header_row", None),
            "skipped_rows": list(getattr(self.layout, "skipped_above", ()))
            + list(getattr(self.layout, "skipped_below", ())),
            "demo_wipe": self.demo_wipe,
            "replaced": self.replaced,
        }
