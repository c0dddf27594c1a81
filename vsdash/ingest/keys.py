"""Keys that occur more than once anywhere in a file that is read in chunks.

A key (``KEYS``: a report's municipality and number, an activity's id ...) may occur only once
in a file; every row that has a repeated key is refused, the first as well as the later ones.
Within one chunk validation sees that by itself; across chunks the first occurrence has long
been checked when its twin turns up. So an import of more than one chunk reads the file twice:
this first pass collects every row's key in a DuckDB table on disk (the key's text and the row
number, never the file in memory) and asks it which rows share a key; the second pass validates
with that answer (``validate_rows(duplicated=...)``), exactly as if the file were one chunk.
"""

from __future__ import annotations

import itertools
import shutil
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

from vsdash import column_mapping
from vsdash.column_mapping import Plan
from vsdash.ingest.prepare import prepare
from vsdash.ingest.validation import typed_keys

# The ledger's own memory: DuckDB spills what does not fit to its folder on disk.
_LEDGER_MEMORY = "128MB"
# Joins the parts of a two-part key; the first part is a CBS code, so the joined text is unambiguous.
_SEPARATOR = "\x1f"


class KeyLedger:
    """Every row's key, in a temporary DuckDB file; ``duplicated`` says which rows share one."""

    def __enter__(self) -> KeyLedger:
        import duckdb

        self._folder = Path(tempfile.mkdtemp(prefix="vsdash-sleutels-"))
        self._con = duckdb.connect(
            str(self._folder / "sleutels.duckdb"),
            config={
                "memory_limit": _LEDGER_MEMORY,
                "threads": 1,
                "temp_directory": str(self._folder / "tmp"),
            },
        )
        self._con.execute("CREATE TABLE sleutels (sleutel VARCHAR, rij BIGINT)")
        self.rows = 0
        return self

    def __exit__(self, *exc) -> None:
        self._con.close()
        shutil.rmtree(self._folder, ignore_errors=True)

    def add(self, keys: pd.DataFrame) -> None:
        """Add the keys of one chunk (index = row number); rows with an empty part never clash."""
        self.rows += len(keys)
        whole = keys[keys.notna().all(axis=1)]
        if whole.empty:
            return
        text = whole.iloc[:, 0].astype(str)
        for column in whole.columns[1:]:
            text = text + _SEPARATOR + whole[column].astype(str)
        frame = pd.DataFrame({"sleutel": text.to_numpy(dtype=object), "rij": whole.index.to_numpy("int64")})
        self._con.register("_sleutels", frame)
        try:
            self._con.execute("INSERT INTO sleutels SELECT sleutel, rij FROM _sleutels")
        finally:
            self._con.unregister("_sleutels")

    def duplicated(self) -> pd.Series:
        """True for each row whose key occurs more than once (only those rows are listed)."""
        rows = self._con.execute(
            "SELECT rij FROM sleutels WHERE sleutel IN "
            "(SELECT sleutel FROM sleutels GROUP BY sleutel HAVING count(*) > 1) ORDER BY rij"
        ).fetchnumpy()["rij"]
        return pd.Series(True, index=pd.Index(np.asarray(rows, dtype="int64")), dtype=bool)


def duplicate_rows(kind: str, first: list[pd.DataFrame], rest, plan: Plan, lookup, names):
    """Find the rows whose key occurs more than once in the whole file; return (rows, rows read).

    ``first`` are the chunks read already, ``rest`` the iterator of the others. A file of one
    chunk needs no second pass: (None, rows) says so, and validation then finds the duplicates
    among its rows itself. Otherwise the result is a boolean Series indexed by the row
    numbers of the rows whose key occurs more than once.
    """
    more = next(rest, None)
    if more is None and len(first) == 1:
        return None, len(first[0])
    with KeyLedger() as ledger:
        for chunk in itertools.chain(first, [] if more is None else [more], rest):
            if kind == "reports":
                # A report's key is read from its columns as they are: no coordinates to convert.
                stored = {k: v for k, v in plan.items() if k not in column_mapping.RD_FIELDS}
                cells, columns = column_mapping.apply_plan(chunk, stored)
            else:  # a channel's key may be made from its municipality and name
                found = prepare(kind, chunk, plan, lookup, names)
                cells, columns = found.cells, found.columns
            ledger.add(typed_keys(cells, kind, columns, lookup))
        return ledger.duplicated(), ledger.rows
