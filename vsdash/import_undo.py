"""Undo an import exactly: its rows, the channels it registered, its refused rows and a demo wipe.

Before an import writes, ``prepare_undo`` records what undo needs in the same transaction:

- when the import replaces the demo data, a copy of every demo table (``undo_<id>_<table>``),
  so undo brings the demo back row for row;
- the channels the import registered, so undo removes them and only them;
- the channels and survey years the import replaced, so undo writes the old rows back.

``undo_last_import`` then leaves the store's data as it was before the import: ``data_hash``
(every table except the import log and the meta bookkeeping) is equal. The import log keeps the
entry, marked ``ongedaan``: that an import happened and was undone is history, not data.
"""

from __future__ import annotations

import hashlib
import json
import re

import pandas as pd

from vsdash import schema

_META_PREFIX = "ongedaan_maken:"
# meta keys that are bookkeeping, not data: the cache version, remembered column plans, undo notes.
_BOOKKEEPING = ("versie", "koppeling:", _META_PREFIX)
DEMO_TABLES = schema.DEMO_TABLES + tuple(t.name for t in schema.AGGREGATE_TABLES)
# Rows an import writes carry its id in these tables.
_IMPORTED_TABLES = ("reports", "activities", "risk_areas", "population", "survey_indicators")


def _snapshot_name(import_id: str, table: str) -> str:
    return f"undo_{re.sub(r'[^0-9A-Za-z]', '_', import_id)}_{table}"


def prepare_undo(store, import_id: str, cursor, *, wipes_demo: bool, new_channels=()) -> None:
    """Record what undoing ``import_id`` needs (call inside the import's transaction, before writing)."""
    note: dict = {"kanalen": sorted(new_channels), "demo": None}
    if wipes_demo:
        for table in DEMO_TABLES:
            copy = _snapshot_name(import_id, table)
            store.execute(f"DROP TABLE IF EXISTS {copy}", cursor=cursor)
            store.execute(f"CREATE TABLE {copy} AS SELECT * FROM {table}", cursor=cursor)
        note["demo"] = {"tabellen": list(DEMO_TABLES), "demo": "ja"}
    store.set_meta(_META_PREFIX + import_id, json.dumps(note), cursor)


def add_channels(store, import_id: str, channels, cursor) -> None:
    """Add channel ids registered by ``import_id`` to its undo note."""
    found = store.query("SELECT waarde FROM meta WHERE sleutel = $k", {"k": _META_PREFIX + import_id}, cursor)
    note = json.loads(found["waarde"].iloc[0]) if not found.empty else {"kanalen": [], "demo": None}
    note["kanalen"] = sorted(set(note["kanalen"]) | set(channels))
    store.set_meta(_META_PREFIX + import_id, json.dumps(note), cursor)


def keep_old_channels(store, import_id: str, rows: pd.DataFrame, cursor) -> None:
    """Keep channel rows a channels import replaces, so undo writes them back."""
    found = store.query("SELECT waarde FROM meta WHERE sleutel = $k", {"k": _META_PREFIX + import_id}, cursor)
    note = json.loads(found["waarde"].iloc[0]) if not found.empty else {"kanalen": [], "demo": None}
    records = rows.astype(object).where(rows.notna(), None)
    note["kanalen_oud"] = note.get("kanalen_oud", []) + [
        {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in r.items()}
        for r in records.to_dict("records")
    ]
    store.set_meta(_META_PREFIX + import_id, json.dumps(note), cursor)


def keep_old_survey(store, import_id: str, rows: pd.DataFrame, cursor) -> None:
    """Keep the survey rows a survey import replaces (issue 19), so undo writes them back as they were."""
    found = store.query("SELECT waarde FROM meta WHERE sleutel = $k", {"k": _META_PREFIX + import_id}, cursor)
    note = json.loads(found["waarde"].iloc[0]) if not found.empty else {"kanalen": [], "demo": None}
    records = rows.astype(object).where(rows.notna(), None)
    note["enquete_oud"] = note.get("enquete_oud", []) + [
        {k: (v.item() if hasattr(v, "item") else v) for k, v in r.items()} for r in records.to_dict("records")
    ]
    store.set_meta(_META_PREFIX + import_id, json.dumps(note), cursor)


def _restore_old_survey(store, records: list[dict], cursor) -> None:
    store.insert("survey_indicators", pd.DataFrame(records), cursor)


def _restore_old_channels(store, records: list[dict], cursor) -> None:
    old = pd.DataFrame(records)
    store.execute("DELETE FROM channels WHERE kanaal_id = ANY($ids)", {"ids": list(old["kanaal_id"])}, cursor)
    for column in ("start", "eind"):
        old[column] = pd.to_datetime(old[column]).dt.date.astype(object).where(old[column].notna(), None)
    store.insert("channels", old, cursor)


def demo_counts(store, cursor=None) -> dict[str, int]:
    """How many demo rows a wipe would delete, per table, and the municipalities they cover."""
    out = {}
    for table in ("reports", "activities", "campaigns", "channels", "risk_areas"):
        n = store.query(f"SELECT count(*) AS n FROM {table}", cursor=cursor)
        out[table] = int(n["n"].iloc[0])
    return out


def demo_municipalities(store) -> list[str]:
    """The municipalities that hold demo rows (reports, activities or channels)."""
    found = store.query(
        "SELECT DISTINCT gemeentecode FROM reports UNION SELECT DISTINCT gemeentecode FROM activities "
        "UNION SELECT DISTINCT gemeentecode FROM channels"
    )
    return sorted(found["gemeentecode"].astype(str))


def restores_demo(store, import_id: str) -> bool:
    """Whether undoing ``import_id`` brings back demo data it wiped."""
    found = store.query("SELECT waarde FROM meta WHERE sleutel = $k", {"k": _META_PREFIX + import_id})
    return not found.empty and bool(json.loads(found["waarde"].iloc[0]).get("demo"))


def refused_rows(store, import_id: str) -> pd.DataFrame:
    """The refused rows of an import as the officer can open them: row, reasons, mapped fields only.

    Coordinates are not in them (ADR 0001); columns the import ignored never were.
    """
    found = store.query(
        "SELECT rij, melding, gegevens FROM import_rejections WHERE import_id = $id ORDER BY rij",
        {"id": import_id},
    )
    if found.empty:
        return pd.DataFrame(columns=["rij", "reden"])
    reasons = found.groupby("rij", sort=True)["melding"].agg(" | ".join)
    records = found.drop_duplicates("rij").set_index("rij")["gegevens"].map(json.loads)
    cells = pd.DataFrame(list(records.loc[reasons.index]), index=reasons.index)
    out = cells.assign(reden=reasons)
    out.insert(0, "rij", reasons.index.astype(int))
    return out.reset_index(drop=True)


def undo_last_import(store, user: str = "onbekend") -> dict | None:
    """Undo the most recent import that is not undone; return its log entry, or None when there is none.

    The entry gets ``verwijderd`` (rows of the import deleted), ``demo_hersteld`` (whether the
    demo data came back) and ``ongedaan_door``. The import's refused rows are deleted from the
    store, and the refused-rows file beside a DuckDB store is removed.
    """
    with store.transaction() as cur:
        found = store.query(
            "SELECT * FROM import_log WHERE NOT ongedaan ORDER BY tijdstip DESC, import_id DESC LIMIT 1",
            cursor=cur,
        )
        if found.empty:
            return None
        entry = found.iloc[0].to_dict()
        import_id = entry["import_id"]
        params = {"id": import_id}
        note_row = store.query(
            "SELECT waarde FROM meta WHERE sleutel = $k", {"k": _META_PREFIX + import_id}, cur
        )
        note = json.loads(note_row["waarde"].iloc[0]) if not note_row.empty else {"kanalen": [], "demo": None}
        affected = set(
            store.query("SELECT DISTINCT gemeentecode FROM reports WHERE import_id = $id", params, cur)[
                "gemeentecode"
            ]
        )
        deleted = 0
        for table in _IMPORTED_TABLES:
            n = store.query(f"SELECT count(*) AS n FROM {table} WHERE import_id = $id", params, cur)
            deleted += int(n["n"].iloc[0])
            store.execute(f"DELETE FROM {table} WHERE import_id = $id", params, cur)
        n = store.query("SELECT count(*) AS n FROM campaigns WHERE import_id = $id", params, cur)
        deleted += int(n["n"].iloc[0])
        store.execute(
            "DELETE FROM campaign_municipalities WHERE campagne_id IN "
            "(SELECT campagne_id FROM campaigns WHERE import_id = $id)",
            params,
            cur,
        )
        store.execute("DELETE FROM campaigns WHERE import_id = $id", params, cur)
        if note.get("kanalen"):
            store.execute("DELETE FROM channels WHERE kanaal_id = ANY($ids)", {"ids": note["kanalen"]}, cur)
            deleted += len(note["kanalen"]) if entry["soort"] == "channels" else 0
        if note.get("kanalen_oud"):
            _restore_old_channels(store, note["kanalen_oud"], cur)
        if note.get("enquete_oud"):  # after the import's own rows of those years are deleted above
            _restore_old_survey(store, note["enquete_oud"], cur)
        store.execute("DELETE FROM import_rejections WHERE import_id = $id", params, cur)
        restored = False
        if note.get("demo"):
            for table in note["demo"]["tabellen"]:
                copy = _snapshot_name(import_id, table)
                store.execute(f"DELETE FROM {table}", cursor=cur)
                store.execute(f"INSERT INTO {table} SELECT * FROM {copy}", cursor=cur)
                store.execute(f"DROP TABLE {copy}", cursor=cur)
            store.set_meta("demo", note["demo"]["demo"], cur)
            restored = True
        elif affected:
            store.rebuild_aggregates(gemeenten=sorted(affected), cursor=cur)
        store.execute("DELETE FROM meta WHERE sleutel = $k", {"k": _META_PREFIX + import_id}, cur)
        store.execute("UPDATE import_log SET ongedaan = TRUE WHERE import_id = $id", params, cur)
        store.bump_version(cur)
    _remove_rejections_file(store, import_id)
    entry["verwijderd"] = deleted
    entry["demo_hersteld"] = restored
    entry["ongedaan_door"] = user
    return entry


def _remove_rejections_file(store, import_id: str) -> None:
    from vsdash.ingest.transaction import _rejections_path  # the ingest package imports this module

    path = _rejections_path(store, import_id)
    if path is not None:
        path.unlink(missing_ok=True)


def data_hash(store) -> str:
    """A hash of every table's rows, without the import log and meta bookkeeping (cache version,
    remembered column plans, undo notes): equal before an import and after its undo."""
    digest = hashlib.sha256()
    for table in schema.BASE_TABLES + schema.AGGREGATE_TABLES:
        if table.name == "import_log":
            continue
        cols = ", ".join(table.column_names)
        frame = store.query(f"SELECT {cols} FROM {table.name} ORDER BY {cols}")
        if table.name == "meta":
            frame = frame[~frame["sleutel"].astype(str).str.startswith(_BOOKKEEPING)]
        digest.update(table.name.encode())
        digest.update(str(len(frame)).encode())
        if not frame.empty:
            digest.update(pd.util.hash_pandas_object(frame.astype(str), index=False).values.tobytes())
    return digest.hexdigest()
