"""Write an import to the store chunk by chunk in one transaction, keep refused rows, undo the last import."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd

from vsdash import import_undo, report_channels, schema, settings
from vsdash.ingest.fields import COORDINATE_FIELDS, FIELDS, KEYS, TABLE_OF
from vsdash.ingest.limits import MAX_ERRORS_LISTED
from vsdash.ingest.results import ImportRefused, ImportResult, Progress, _noop
from vsdash.ingest.rows import _locate, _to_table_rows
from vsdash.schema import TABLES
from vsdash.store import with_record_keys


class RolledBack(Exception):
    """Raised inside the import's transaction to undo everything it wrote (the file is refused)."""


class ImportWriter:
    """Write an import chunk by chunk in ONE transaction and fill in its ``ImportResult``.

    ``transaction()`` opens the store's transaction (unless nothing is to be written: a dry run,
    or a demo store the import may not replace); ``add`` counts each validated chunk and writes
    its valid rows and its refused rows; ``finish`` writes the new channels and the import log,
    rebuilds the aggregates, or refuses the file and rolls everything back (``RolledBack``).

    Rows whose key already exists are counted in ``result.duplicates`` and not written again.
    Refused rows are kept in ``import_rejections`` and, for a DuckDB store, in a CSV beside it,
    written as the chunks come and put in place when the transaction has committed. With
    ``replace_demo`` the demo rows are cleared first, after keeping a copy that undo restores.
    Reports get their channel (``report_channels``): from the file, or ``default_channel``;
    channels not yet in the store are registered with the import, starting on their first report.
    """

    def __init__(
        self,
        store,
        result: ImportResult,
        *,
        skip_invalid: bool,
        write: bool,
        count: bool = True,
        default_channel: str | None = None,
    ) -> None:
        self.store, self.result = store, result
        self.skip_invalid, self.write, self.default_channel = skip_invalid, write, default_channel
        self.count = count  # without writing: count duplicates and new channels (a dry run)
        self.rows_seen = 0
        self.refusing = False
        self._cur = None
        self._existing_channels: pd.DataFrame | None = None
        self._new_channels: pd.DataFrame | None = None  # first report of each new channel so far
        self._used_channels: set[str] = set()
        self._gemeenten: set[str] = set()
        self._part: Path | None = None  # the refused rows' CSV while it is being written
        self._staging: Path | None = None  # a DuckDB store's reports, a Parquet file per chunk
        self._staged: list[str] = []

    @contextlib.contextmanager
    def transaction(self, *, user: str, replace_demo: bool) -> Iterator[None]:
        """The one transaction the import writes in (nothing is opened when nothing is written)."""
        self._user = user
        if not self.write:
            if self.result.kind == "reports":
                self._existing_channels = self.store.channels()
            yield
            return
        store, result = self.store, self.result
        import_id = f"imp-{dt.datetime.now():%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:6]}"
        result.import_id = import_id
        final = _rejections_path(store, import_id)
        try:
            with store.transaction() as cur:
                self._cur = cur
                wipes_demo = bool(replace_demo and store.is_demo())
                import_undo.prepare_undo(store, import_id, cur, wipes_demo=wipes_demo)
                if wipes_demo:
                    clear_demo(store, cur)
                if result.kind == "reports":
                    self._existing_channels = store.query("SELECT * FROM channels", cursor=cur)
                yield
        except BaseException:
            result.import_id = None
            if self._part is not None:
                self._part.unlink(missing_ok=True)
            raise
        finally:
            self._cur = None
            if self._staging is not None:
                shutil.rmtree(self._staging, ignore_errors=True)
        if self._part is not None and final is not None:
            self._part.replace(final)
            result.rejections_file = str(final)

    def add(
        self,
        valid: pd.DataFrame,
        errors: pd.DataFrame,
        raw: pd.DataFrame,
        columns: dict[str, str],
        rows: int,
        geometry=None,
    ) -> None:
        """Count one validated chunk (``rows`` rows of the file) and write it, unless refusing."""
        from vsdash.ingest.validation import _row_errors

        result = self.result
        bad = errors.index.unique()
        self.rows_seen += rows
        result.rows += rows
        result.rejected += len(bad)
        result.accepted += rows - len(bad)
        result.errors_total += len(errors)
        room = MAX_ERRORS_LISTED - len(result.errors)
        if room > 0 and len(errors):
            result.errors += _row_errors(errors, raw, columns, room)
        if result.rejected and not self.skip_invalid:
            self.refusing = True  # the rest is still checked, to list and count every error
        if self.refusing or not (self.write or self.count):
            return
        table_rows = _to_table_rows(result.kind, valid, geometry, _noop)
        if self.write:
            self._write(table_rows, errors, raw, columns)
        else:
            self._count(table_rows)

    def _count(self, rows: dict[str, pd.DataFrame]) -> None:
        """A dry run: count the rows the store has already, and the channels that would be new."""
        existing = _existing_keys(self.store, self.result.kind, rows, None)
        if self.result.kind == "survey":
            old = changed_survey_rows(self.store, rows["survey_indicators"], existing, None)
            existing &= ~_keys_in(rows["survey_indicators"], old)
            self.result.replaced += survey_years(old)
        self.result.duplicates += int(existing.sum())
        if self.result.kind == "reports":
            fresh = rows["reports"][~existing.to_numpy()]
            _, channels = report_channels.assign_channels(
                fresh, self._existing_channels, self.default_channel
            )
            self._new_channels = _first_of_channels(self._new_channels, channels)

    def _write(
        self, rows: dict[str, pd.DataFrame], errors: pd.DataFrame, raw: pd.DataFrame, columns: dict[str, str]
    ) -> None:
        store, result, cur = self.store, self.result, self._cur
        import_id, kind = result.import_id, result.kind
        if kind == "reports":
            rows["reports"] = _attach_risk_areas(store, rows["reports"], cur)
            ids, channels = report_channels.assign_channels(
                rows["reports"], self._existing_channels, self.default_channel
            )
            rows["reports"] = rows["reports"].assign(kanaal_id=ids)
            self._new_channels = _first_of_channels(self._new_channels, channels)
        existing = _existing_keys(store, kind, rows, cur)
        if kind == "channels":
            # A channel already known gets the file's name, kind and dates; undo puts the old back.
            fresh = rows["channels"].loc[~existing.to_numpy(), "kanaal_id"]
            import_undo.add_channels(store, import_id, fresh, cur)
            existing &= ~_replace_changed_channels(store, rows["channels"], existing, import_id, cur)
        if kind == "survey":
            # A stored year the file gives other figures for is replaced; undo writes the old back.
            old = changed_survey_rows(store, rows["survey_indicators"], existing, cur)
            if len(old):
                import_undo.keep_old_survey(store, import_id, old, cur)
                _delete_survey_years(store, old, cur)
            existing &= ~_keys_in(rows["survey_indicators"], old)
            result.replaced += survey_years(old)
        result.duplicates += int(existing.sum())
        new = dict(rows)
        main = TABLE_OF[kind]
        new[main] = rows[main][~existing.to_numpy()]
        if kind != "channels":  # the channels table has no import_id; undo uses its note
            new[main] = new[main].assign(import_id=import_id)
        if kind == "campaigns":
            new["campaign_municipalities"] = rows["campaign_municipalities"][
                rows["campaign_municipalities"]["campagne_id"].isin(new[main]["campagne_id"])
            ]
        for table, frame in new.items():
            if table == "reports" and store.dialect == "duckdb":
                self._stage_reports(frame)
                continue
            # Reports were validated above, column by column; pandera over a million rows again
            # would double the import time. Coordinates (_lat/_lon) are dropped here.
            store.insert(table, frame, cur, validate=table != "reports")
        result.written += len(new[main])
        if kind == "reports":
            self._used_channels |= set(new[main]["kanaal_id"])
            self._gemeenten |= set(new[main]["gemeentecode"])
        if len(errors):
            store.insert("import_rejections", _rejections(import_id, kind, errors, raw, columns), cur)
            self._append_rejections(errors, raw, columns)

    def _stage_reports(self, frame: pd.DataFrame) -> None:
        """Keep a chunk of reports for a DuckDB store in a Parquet file, inserted all at once in ``finish``.

        DuckDB keeps rows appended in a transaction in memory until it commits (about 300 bytes
        a report with its key index); one ``INSERT ... SELECT`` from files at the end writes them
        in row groups instead (issue 15: the 200 MB import).
        """
        if frame.empty:
            return
        if self._staging is None:
            self._staging = Path(tempfile.mkdtemp(prefix="vsdash-import-"))
        frame = with_record_keys(frame)[schema.REPORTS.column_names]
        text = [c for c in frame.columns if frame[c].dtype == object]
        frame = frame.astype(dict.fromkeys(text, "string"))  # one Parquet type whatever the chunk holds
        path = self._staging / f"{len(self._staged):06d}.parquet"
        frame.to_parquet(path, index=False)
        self._staged.append(str(path))

    def _append_rejections(self, errors: pd.DataFrame, raw: pd.DataFrame, columns: dict[str, str]) -> None:
        from vsdash import privacy

        final = _rejections_path(self.store, self.result.import_id)
        if final is None:
            return
        reasons = errors.groupby(level=0)["message"].agg(" | ".join)
        frame = _safe_rows(raw, self.result.kind, columns).loc[reasons.index].copy()
        frame.insert(0, "rij", reasons.index.astype(int))
        frame["reden"] = reasons.to_numpy()
        frame = privacy.safe_export_frame(frame)
        if self._part is None:
            final.parent.mkdir(parents=True, exist_ok=True)
            self._part = final.with_name(final.name + ".deel")
            frame.to_csv(self._part, sep=";", index=False, encoding="utf-8-sig")
        else:
            frame.to_csv(self._part, sep=";", index=False, header=False, encoding="utf-8", mode="a")

    def finish(self, progress: Progress) -> None:
        """Refuse the file (roll back), or write the channels, the import log and the aggregates."""
        result = self.result
        if self.refusing:
            result.refused = True
            result.written, result.duplicates = 0, 0  # what was written is rolled back
            if self._cur is not None:
                raise RolledBack
            return
        if result.replaced:
            result.warnings.append(replacement_sentence(self.store, result.replaced))
        new_channels = self._new_channels if self._new_channels is not None else _no_channels()
        if not self.write:
            result.channels_new = list(new_channels["naam"])
            return
        store, cur, import_id = self.store, self._cur, result.import_id
        if self._staged:
            _release_memory()
            columns = ", ".join(schema.REPORTS.column_names)
            progress(0.87, f"{result.written:,} meldingen schrijven".replace(",", "."))
            store.execute(
                f"INSERT INTO reports ({columns}) SELECT {columns} FROM read_parquet($files)",
                {"files": self._staged},
                cur,
            )
        if result.kind == "reports":
            # Only channels that reports written now use; a file of duplicates registers nothing.
            new_channels = new_channels[new_channels["kanaal_id"].isin(self._used_channels)]
            store.insert("channels", new_channels, cur)
            import_undo.add_channels(store, import_id, new_channels["kanaal_id"], cur)
            result.channels_new = list(new_channels["naam"])
        store.insert(
            "import_log",
            pd.DataFrame(
                [
                    {
                        "import_id": import_id,
                        "tijdstip": dt.datetime.now(),
                        "gebruiker": self._user,
                        "bestand": result.file_name,
                        "sha256": result.sha256,
                        "soort": result.kind,
                        "aanvaard": result.accepted,
                        "geweigerd": result.rejected,
                        "geschreven": result.written,
                        "dubbel": result.duplicates,
                        "ongedaan": False,
                    }
                ]
            ),
            cur,
        )
        progress(0.9, "Samenvattingen bijwerken")
        if result.kind == "reports":
            store.rebuild_aggregates(gemeenten=sorted(self._gemeenten), cursor=cur)
        else:
            store.bump_version(cur)


def _release_memory() -> None:
    """Hand the memory the chunks used back to the system before DuckDB's one big insert.

    Freed Python and Arrow memory stays with the process otherwise, and the insert (with the
    key index of every new report) comes on top of it: at 50 MB this lowered the peak by 116 MB.
    """
    import ctypes
    import gc

    import pyarrow as pa

    gc.collect()
    pa.default_memory_pool().release_unused()
    with contextlib.suppress(OSError, AttributeError):  # not glibc: its allocator keeps what it keeps
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def _no_channels() -> pd.DataFrame:
    return pd.DataFrame(columns=["kanaal_id", "gemeentecode", "naam", "soort", "start", "eind"])


def _first_of_channels(known: pd.DataFrame | None, found: pd.DataFrame) -> pd.DataFrame:
    """New channels of the chunks so far: each with its earliest report, the first in the file on a tie.

    ``assign_channels`` gives a chunk's new channels that way; merged chunk by chunk in file
    order, the result is what one call over the whole file would give.
    """
    if known is None or known.empty:
        return found.reset_index(drop=True)
    if found.empty:
        return known
    both = pd.concat([known, found], ignore_index=True)
    first = both.sort_values("start", kind="stable").drop_duplicates("kanaal_id", keep="first")
    return first.sort_values("kanaal_id", kind="stable").reset_index(drop=True)


_CHANNEL_VALUES = ["naam", "soort", "start", "eind"]
# The figures of a survey row (everything but its key and the import it came from).
_SURVEY_VALUES = [
    c for c in TABLES["survey_indicators"].column_names if c not in ("gemeentecode", "jaar", "import_id")
]


def changed_survey_rows(store, incoming: pd.DataFrame, existing: pd.Series, cursor) -> pd.DataFrame:
    """The stored survey rows (whole rows) whose municipality and year the file gives other figures for.

    A row the file repeats with the same figures is a duplicate, not a change. Read inside the
    import's transaction (``cursor``), so the preview and the import judge the same rows.
    """
    known = incoming[existing.to_numpy()]
    if known.empty:
        return pd.DataFrame(columns=TABLES["survey_indicators"].column_names)
    stored = store.query(
        "SELECT * FROM survey_indicators WHERE gemeentecode = ANY($codes)",
        {"codes": sorted(known["gemeentecode"].astype(str).unique())},
        cursor,
    )
    stored["jaar"] = stored["jaar"].astype("int64")
    probe = known.assign(jaar=known["jaar"].astype("int64"))
    paired = probe.merge(stored, on=["gemeentecode", "jaar"], suffixes=("", "_oud"))
    differs = pd.Series(False, index=paired.index)
    for column in _SURVEY_VALUES:
        new, old = paired[column], paired[f"{column}_oud"]
        if pd.api.types.is_numeric_dtype(new) and pd.api.types.is_numeric_dtype(old):
            same = np.isclose(new.astype(float), old.astype(float), rtol=0, atol=1e-9, equal_nan=True)
        else:
            same = (new.isna() & old.isna()) | (new.astype(str) == old.astype(str))
        differs |= ~np.asarray(same, dtype=bool)
    changed = paired.loc[differs, ["gemeentecode", "jaar"]]
    return stored.merge(changed, on=["gemeentecode", "jaar"]).reset_index(drop=True)


def _keys_in(frame: pd.DataFrame, rows: pd.DataFrame) -> pd.Series:
    """For each row of ``frame``: is its (gemeentecode, jaar) among ``rows``?"""
    keys = set(zip(rows["gemeentecode"].astype(str), rows["jaar"].astype("int64"), strict=True))
    probe = zip(frame["gemeentecode"].astype(str), frame["jaar"].astype("int64"), strict=True)
    return pd.Series([key in keys for key in probe], index=frame.index)


def _delete_survey_years(store, rows: pd.DataFrame, cursor) -> None:
    for code, year in zip(rows["gemeentecode"], rows["jaar"], strict=True):
        store.execute(
            "DELETE FROM survey_indicators WHERE gemeentecode = $code AND jaar = $jaar",
            {"code": str(code), "jaar": int(year)},
            cursor,
        )


def survey_years(rows: pd.DataFrame) -> list[dict]:
    """The (gemeentecode, jaar) of survey rows as plain dicts, sorted."""
    pairs = sorted(set(zip(rows["gemeentecode"].astype(str), rows["jaar"].astype(int), strict=True)))
    return [{"gemeentecode": code, "jaar": year} for code, year in pairs]


def replacement_sentence(store, replaced: list[dict]) -> str:
    """What a survey import replaces, in Dutch: "vervangt de cijfers van 2023 voor Utrecht ..."."""
    names = store.municipalities().set_index("gemeentecode")["weergavenaam"]
    years: dict[str, list[int]] = {}
    for item in replaced:
        years.setdefault(item["gemeentecode"], []).append(int(item["jaar"]))
    parts = [
        f"de cijfers van {_and(sorted(found))} voor {names.get(code, code)}"
        for code, found in sorted(years.items(), key=lambda kv: names.get(kv[0], kv[0]))
    ]
    return f"Deze import vervangt {_and(parts)}. 'Laatste import terugdraaien' zet de vorige cijfers terug."


def _and(items) -> str:
    items = [str(i) for i in items]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]


def _replace_changed_channels(
    store, incoming: pd.DataFrame, existing: pd.Series, import_id: str, cur
) -> pd.Series:
    """Delete stored channels the file changes (keeping them for undo); return which rows changed."""
    known = incoming[existing.to_numpy()]
    changed = pd.Series(False, index=incoming.index)
    if known.empty:
        return changed
    old = store.query(
        "SELECT * FROM channels WHERE kanaal_id = ANY($ids)", {"ids": list(known["kanaal_id"])}, cur
    ).set_index("kanaal_id")

    def same(column: str, a, b) -> bool:
        if pd.isna(a) or pd.isna(b):
            return pd.isna(a) and pd.isna(b)
        if column in ("start", "eind"):  # a date from the file, a timestamp from the store
            return pd.Timestamp(a) == pd.Timestamp(b)
        return str(a) == str(b)

    for index, row in known.iterrows():
        before = old.loc[row["kanaal_id"]]
        if not all(same(c, row[c], before[c]) for c in _CHANNEL_VALUES):
            changed.loc[index] = True
    ids = list(known.loc[changed.loc[known.index], "kanaal_id"])
    if ids:
        import_undo.keep_old_channels(store, import_id, old.loc[ids].reset_index(), cur)
        store.execute("DELETE FROM channels WHERE kanaal_id = ANY($ids)", {"ids": ids}, cur)
    return changed


def _attach_risk_areas(store, reports: pd.DataFrame, cursor) -> pd.DataFrame:
    import geopandas as gpd
    import shapely

    if len(reports) == 0:
        return reports
    lat, lon = reports["_lat"].to_numpy(float), reports["_lon"].to_numpy(float)
    codes = sorted(reports["gemeentecode"].unique())
    areas = store.query(
        "SELECT risicogebied_id, gemeentecode, geometrie_wkt FROM risk_areas WHERE gemeentecode = ANY($codes)",
        {"codes": codes},
        cursor,
    )
    has_point = np.isfinite(lat) & np.isfinite(lon)
    if areas.empty or not has_point.any():
        return reports
    gdf = gpd.GeoDataFrame(
        areas, geometry=shapely.from_wkt(areas["geometrie_wkt"].to_numpy()), crs="EPSG:4326"
    )
    found = _locate(
        lat[has_point], lon[has_point], reports["gemeentecode"].to_numpy()[has_point], gdf, "risicogebied_id"
    )
    reports = reports.copy()
    reports.loc[reports.index[has_point], "risicogebied_id"] = found
    return reports


def _existing_keys(store, kind: str, rows: dict[str, pd.DataFrame], cursor) -> pd.Series:
    """For each row to write: does its key already exist in the store?"""
    table = TABLE_OF[kind]
    frame = rows[table]
    key = list(KEYS[kind])
    if frame.empty:
        return pd.Series(False, index=frame.index)
    if kind == "reports":
        # Only this chunk's numbers: the municipality's reports, those this import wrote in earlier
        # chunks among them, would make every chunk read all rows before it (quadratic).
        codes = sorted(frame["gemeentecode"].unique())
        ids = sorted(frame["melding_id"].astype(str).unique())
        present = store.query(
            f"SELECT {', '.join(key)} FROM {table} WHERE gemeentecode = ANY($codes) "
            "AND melding_id = ANY($ids)",
            {"codes": codes, "ids": ids},
            cursor,
        )
    elif kind in ("population", "survey"):
        codes = sorted(frame["gemeentecode"].unique())
        present = store.query(
            f"SELECT {', '.join(key)} FROM {table} WHERE gemeentecode = ANY($codes)", {"codes": codes}, cursor
        )
    else:
        ids = sorted(frame[key[0]].astype(str).unique())
        present = store.query(
            f"SELECT {key[0]} FROM {table} WHERE {key[0]} = ANY($ids)", {"ids": ids}, cursor
        )
    if present.empty:
        return pd.Series(False, index=frame.index)
    if kind in ("population", "survey"):
        present["jaar"] = present["jaar"].astype("int64")
        probe = pd.MultiIndex.from_arrays([frame["gemeentecode"].astype(str), frame["jaar"].astype("int64")])
    elif len(key) == 2:
        probe = pd.MultiIndex.from_arrays([frame[k].astype(str) for k in key])
    else:
        probe = pd.Index(frame[key[0]].astype(str))
    known = (
        pd.MultiIndex.from_frame(present[key].astype({k: str for k in key if k != "jaar"}))
        if len(key) == 2
        else pd.Index(present[key[0]].astype(str))
    )
    return pd.Series(probe.isin(known), index=frame.index)


def _kept_columns(kind: str, columns: dict[str, str]) -> list[str]:
    """The file columns a refused row keeps: mapped fields only, never coordinates or free text.

    Columns the import ignores (``naam_melder``, ``email``, ``adres``, ``omschrijving`` ...) may
    hold personal data the dashboard has no business keeping, and free text can too.
    """
    return [
        columns[f.name]
        for f in FIELDS[kind]
        # A refused contact role may be the very name or e-mail address it was refused for.
        if f.name in columns
        and f.name not in COORDINATE_FIELDS
        and f.parse not in ("text", "contact_role", "url")
    ]


def _safe_rows(raw: pd.DataFrame, kind: str, columns: dict[str, str]) -> pd.DataFrame:
    """The refused rows with only the columns that may be kept (``_kept_columns``)."""
    return raw[_kept_columns(kind, columns)]


def _rejections(
    import_id: str, kind: str, errors: pd.DataFrame, raw: pd.DataFrame, columns: dict[str, str]
) -> pd.DataFrame:
    kept = set(_kept_columns(kind, columns))
    records = (
        _safe_rows(raw, kind, columns)
        .loc[errors.index.unique()]
        .apply(lambda r: json.dumps(r.to_dict(), ensure_ascii=False), axis=1)
    )
    column = errors["field"].map(lambda f: columns.get(f, f))
    value = [raw.at[row, col] if col in kept else None for row, col in zip(errors.index, column, strict=True)]
    return pd.DataFrame(
        {
            "import_id": import_id,
            "rij": errors.index.astype(int),
            "kolom": column.to_numpy(),
            "waarde": value,
            "melding": errors["message"].astype(str).to_numpy(),
            "gegevens": records.loc[errors.index].to_numpy(),
        }
    )


def _rejections_path(store, import_id: str) -> Path | None:
    """Where a DuckDB store keeps the refused rows of ``import_id`` as CSV (None for PostgreSQL)."""
    if store.location.backend != "duckdb":
        return None
    base = Path(store.location.target).parent if store.location.target != ":memory:" else settings.DATA_DIR
    return base / "imports" / f"{import_id}-geweigerd.csv"


# -- demo and undo ------------------------------------------------------------------------------------

DEMO_TABLES = import_undo.DEMO_TABLES


def clear_demo(store, cursor) -> None:
    """Delete every row the demo generator wrote and unmark the store as demo (inside ``cursor``)."""
    for table in DEMO_TABLES:
        store.execute(f"DELETE FROM {table}", cursor=cursor)
    store.set_meta("demo", "nee", cursor)
    store.bump_version(cursor)


def last_import(store) -> dict | None:
    """The most recent import that has not been undone, as a dict, or None."""
    found = store.query(
        "SELECT * FROM import_log WHERE NOT ongedaan ORDER BY tijdstip DESC, import_id DESC LIMIT 1"
    )
    return None if found.empty else found.iloc[0].to_dict()


def import_municipalities(store, import_id: str, cursor=None) -> set[str]:
    """Every municipality that the rows of import ``import_id`` are about."""
    params = {"id": import_id}
    codes: set[str] = set()
    for table in ("reports", "activities", "risk_areas", "population", "survey_indicators"):
        found = store.query(
            f"SELECT DISTINCT gemeentecode FROM {table} WHERE import_id = $id", params, cursor
        )
        codes |= set(found["gemeentecode"].dropna().astype(str))
    found = store.query(
        "SELECT DISTINCT gemeentecode FROM campaign_municipalities WHERE campagne_id IN "
        "(SELECT campagne_id FROM campaigns WHERE import_id = $id)",
        params,
        cursor,
    )
    return codes | set(found["gemeentecode"].dropna().astype(str))


def undo_last_import(
    store, user: str = "onbekend", allowed_gemeenten: frozenset[str] | None = None
) -> dict | None:
    """Undo the most recent import exactly (its rows, channels, refused rows, a demo wipe).

    Returns the undone log entry (with ``verwijderd``: rows deleted, ``demo_hersteld``), or None
    when there is none. See ``vsdash.import_undo``. With ``allowed_gemeenten`` (an editor's
    municipalities) an import that touched another municipality is not undone: ``ImportRefused``
    says which, and who can.
    """
    if allowed_gemeenten is not None:
        entry = last_import(store)
        if entry is None:
            return None
        outside = sorted(import_municipalities(store, entry["import_id"]) - allowed_gemeenten)
        if outside:
            raise ImportRefused(
                f"De laatste import ({entry['bestand']}) gaat ook over {', '.join(outside)}, niet alleen "
                f"over uw gemeenten ({', '.join(sorted(allowed_gemeenten)) or 'geen'}). Alleen een "
                "programmabeheerder of een redacteur van die gemeenten kan hem ongedaan maken."
            )
    return import_undo.undo_last_import(store, user)
