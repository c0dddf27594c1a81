"""The one door to data: an embedded DuckDB file by default, PostgreSQL by URL.

``Store.open(url)`` accepts ``duckdb:///relative/path.duckdb`` (relative to the project root),
``duckdb:////absolute/path.duckdb`` and ``postgresql://user:pass@host:port/db``. A store that does
not exist yet is created with the reference tables (municipalities, population, programmes,
memberships, peer groups) and no demo data.

SQL in this module is written once for both databases: parameters are ``$name`` and are
translated per backend. Pages never read the raw ``reports`` table; they ask for aggregates that
are pushed down into the database (``count_reports``, ``hex_counts``, ...), computed from the
pre-aggregated tables that ``rebuild_aggregates`` keeps in step with ``reports``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import re
import secrets
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import numpy as np
import pandas as pd

from vsdash import reference, schema
from vsdash.settings import PROJECT_ROOT, store_url


class StoreError(Exception):
    """A store problem explained in Dutch (bad URL, locked file, unreachable server)."""


@dataclass(frozen=True)
class StoreLocation:
    """A parsed store URL: the backend and where it points."""

    backend: str  # "duckdb" or "postgresql"
    target: str  # file path for duckdb, connection string for postgresql

    @classmethod
    def parse(cls, url: str) -> StoreLocation:
        """Parse a store URL, raising ``StoreError`` with the allowed forms when it is not one."""
        if url.startswith("duckdb:///"):
            rest = url[len("duckdb:///") :]
            if rest.startswith("/"):
                path = Path(rest)
            elif rest == ":memory:":
                return cls("duckdb", ":memory:")
            else:
                path = PROJECT_ROOT / rest
            return cls("duckdb", str(path))
        if url.startswith(("postgresql://", "postgres://", "postgresql+psycopg://")):
            return cls("postgresql", url.replace("postgresql+psycopg://", "postgresql://"))
        raise StoreError(
            f"Onbekend adres voor de opslag: {url!r}. Toegestaan: duckdb:///relatief/pad.duckdb, "
            "duckdb:////absoluut/pad.duckdb of postgresql://gebruiker@host/database."
        )


_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


class _DuckDBBackend:
    dialect = "duckdb"

    def __init__(self, path: str) -> None:
        import duckdb

        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self._con = duckdb.connect(path)
        except duckdb.IOException as exc:
            if "lock" in str(exc).lower():
                # DuckDB lets one process write a file; a running dashboard holds it.
                raise StoreError(
                    f"De opslag {path} is in gebruik door een ander programma, meestal het draaiende "
                    "dashboard: een DuckDB-bestand kan maar door één programma tegelijk geopend worden. "
                    "Stop het dashboard en probeer het opnieuw, of gebruik PostgreSQL "
                    "(VSDASH_DATABASE_URL=postgresql://...) zodat dashboard en opdrachtregel tegelijk werken."
                ) from exc
            raise StoreError(
                f"De opslag {path} is niet te openen: {exc}. Is er een ander programma dat het bestand gebruikt?"
            ) from exc
        self._write_lock = threading.RLock()

    def cursor(self):
        # A cursor is a thread-safe duplicate connection to the same database.
        return self._con.cursor()

    def query(self, sql: str, params: dict | None = None, cursor=None) -> pd.DataFrame:
        cur = cursor or self.cursor()
        return cur.execute(sql, _used(sql, params)).df()

    def execute(self, sql: str, params: dict | None = None, cursor=None) -> None:
        (cursor or self.cursor()).execute(sql, _used(sql, params))

    @contextlib.contextmanager
    def transaction(self) -> Iterator[object]:
        with self._write_lock:
            cur = self.cursor()
            cur.execute("BEGIN TRANSACTION")
            try:
                yield cur
            except BaseException:
                cur.execute("ROLLBACK")
                raise
            else:
                cur.execute("COMMIT")

    def insert_frame(self, table: str, frame: pd.DataFrame, cursor) -> None:
        cursor.register("_incoming", frame)
        try:
            cols = ", ".join(frame.columns)
            cursor.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM _incoming")
        finally:
            cursor.unregister("_incoming")

    def table_exists(self, table: str) -> bool:
        found = self.query(
            "SELECT count(*) AS n FROM information_schema.tables WHERE table_name = $t", {"t": table}
        )
        return bool(found["n"].iloc[0])

    def close(self) -> None:
        self._con.close()


class _PsycopgBackend:
    """PostgreSQL through psycopg 3: one connection per thread, transactions with an advisory lock."""

    dialect = "postgresql"

    def __init__(self, dsn: str) -> None:
        import psycopg

        self._dsn = dsn
        self._local = threading.local()
        try:
            self._connect()
        except psycopg.OperationalError as exc:
            raise StoreError(f"De PostgreSQL-server is niet bereikbaar ({_redact(dsn)}): {exc}") from exc

    def _connect(self):
        import psycopg

        con = getattr(self._local, "con", None)
        if con is None or con.closed:
            con = psycopg.connect(self._dsn, autocommit=True)
            self._local.con = con
        return con

    def cursor(self):
        return self._connect().cursor()

    @staticmethod
    def _sql(sql: str) -> str:
        return _PARAM.sub(r"%(\1)s", sql.replace("%", "%%"))

    def query(self, sql: str, params: dict | None = None, cursor=None) -> pd.DataFrame:
        cur = cursor or self.cursor()
        cur.execute(self._sql(sql), params or {})
        cols = [d.name for d in cur.description] if cur.description else []
        return pd.DataFrame(cur.fetchall(), columns=cols)

    def execute(self, sql: str, params: dict | None = None, cursor=None) -> None:
        (cursor or self.cursor()).execute(self._sql(sql), params or {})

    @contextlib.contextmanager
    def transaction(self) -> Iterator[object]:
        con = self._connect()
        with con.transaction(), con.cursor() as cur:
            # One writer at a time across every app instance and CLI process.
            cur.execute("SELECT pg_advisory_xact_lock(7331)")
            yield cur

    def insert_frame(self, table: str, frame: pd.DataFrame, cursor) -> None:
        # One CSV stream, written in chunks: far faster than a Python call per row. Empty fields
        # are NULL (the schema has no meaningful empty strings).
        cols = ", ".join(frame.columns)
        sql = f"COPY {table} ({cols}) FROM STDIN WITH (FORMAT csv, NULL '')"
        with cursor.copy(sql) as copy:
            for start in range(0, len(frame), _COPY_CHUNK):
                chunk = frame.iloc[start : start + _COPY_CHUNK]
                copy.write(chunk.to_csv(index=False, header=False, date_format="%Y-%m-%d %H:%M:%S.%f"))

    def table_exists(self, table: str) -> bool:
        found = self.query("SELECT to_regclass($t) IS NOT NULL AS present", {"t": table})
        return bool(found["present"].iloc[0])

    def close(self) -> None:
        con = getattr(self._local, "con", None)
        if con is not None:
            con.close()


_COPY_CHUNK = 200_000


def _used(sql: str, params: dict | None) -> dict:
    """Only the parameters the statement names (DuckDB refuses extra ones)."""
    if not params:
        return {}
    names = set(_PARAM.findall(sql))
    return {k: v for k, v in params.items() if k in names}


def _redact(dsn: str) -> str:
    parsed = urlparse(dsn)
    if parsed.password:
        return dsn.replace(parsed.password, "***")
    return dsn


@dataclass(frozen=True)
class ReportFilter:
    """A selection of reports: municipalities (None = all), period, categories (None = all).

    Frozen and made of tuples, so it is hashable and can key caches.
    """

    gemeenten: tuple[str, ...] | None
    start: dt.date
    end: dt.date
    categories: tuple[str, ...] | None = None

    def params(self) -> dict:
        return {
            "codes": list(self.gemeenten or ()),
            "start": self.start,
            "end": self.end,
            "cats": list(self.categories or ()),
        }

    def where(self, date_col: str = "dag", with_category: bool = True) -> str:
        clauses = [f"{date_col} BETWEEN $start AND $end"]
        if self.gemeenten is not None:
            clauses.append("gemeentecode = ANY($codes)")
        if with_category and self.categories:
            clauses.append("categorie = ANY($cats)")
        return " AND ".join(clauses)


GRAINS = ("day", "week", "month")

# Cell keys (ADR 0006): an aggregate row and every count read from the store carry, next to ``n``,
# the sum of their records' keys modulo 256, so privacy can perturb each published cell the same
# way whatever query produced it.
_CELL_KEY = f"CAST(sum(record_key) % {schema.RECORD_KEY_MODULUS} AS INTEGER) AS ckey"
_SUM_KEYS = f"CAST(sum(ckey) % {schema.RECORD_KEY_MODULUS} AS INTEGER) AS ckey"


def with_record_keys(frame: pd.DataFrame) -> pd.DataFrame:
    """Return ``frame`` (report rows) with a random ``record_key`` wherever it has none.

    The key is drawn once, from the operating system's randomness, when a report enters the
    store, and never changes: that is what makes a published cell show the same value whatever
    query produced it (ADR 0006). The demo generator draws its keys from its own seed instead.
    """
    if "record_key" in frame.columns and frame["record_key"].notna().all():
        return frame
    rng = np.random.default_rng(secrets.randbits(128))
    drawn = pd.Series(rng.integers(0, schema.RECORD_KEY_MODULUS, size=len(frame)), index=frame.index)
    current = frame["record_key"] if "record_key" in frame.columns else pd.Series(pd.NA, index=frame.index)
    return frame.assign(record_key=pd.to_numeric(current).fillna(drawn).astype("int64"))


class Store:
    """The store: reference tables, imported data and pre-aggregated report counts."""

    def __init__(self, url: str | None = None) -> None:
        self.url = url or store_url()
        self.location = StoreLocation.parse(self.url)
        if self.location.backend == "duckdb":
            self._db = _DuckDBBackend(self.location.target)
        else:
            self._db = _PsycopgBackend(self.location.target)
        self.dialect = self._db.dialect
        self._ensure_schema()

    # -- generic access ---------------------------------------------------------------------------

    def query(self, sql: str, params: dict | None = None, cursor=None) -> pd.DataFrame:
        """Run a read query (``$name`` parameters), inside ``cursor``'s transaction when given."""
        return self._db.query(sql, params, cursor)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[object]:
        """A write transaction: everything in it is written, or nothing (one writer at a time)."""
        with self._db.transaction() as cur:
            yield cur

    def execute(self, sql: str, params: dict | None = None, cursor=None) -> None:
        """Run a statement, inside ``cursor``'s transaction when one is given."""
        self._db.execute(sql, params, cursor)

    def insert(self, table: str, frame: pd.DataFrame, cursor=None, validate: bool = True) -> int:
        """Validate ``frame`` against the schema of ``table`` and append it; return rows written."""
        spec = schema.TABLES[table]
        if table == "reports":
            frame = with_record_keys(frame)
        frame = schema.validate_frame(spec, frame) if validate else frame[spec.column_names]
        if frame.empty:
            return 0
        if cursor is None:
            with self.transaction() as cur:
                self._db.insert_frame(table, frame, cur)
        else:
            self._db.insert_frame(table, frame, cursor)
        return len(frame)

    def close(self) -> None:
        """Close the connection."""
        self._db.close()

    # -- schema and reference data -----------------------------------------------------------------

    def _ensure_schema(self) -> None:
        if self._db.table_exists("meta"):
            self._upgrade_schema()
            self._add_new_tables()
            self._add_missing_columns()
            return
        with self.transaction() as cur:
            # Several instances may start at once on one new database: the first to take the
            # writer lock creates the schema; the others find it made once they get the lock.
            if self._db.table_exists("meta"):
                return
            for table in schema.ALL_TABLES:
                self._db.execute(table.ddl(self.dialect), cursor=cur)
            self._create_indexes(cur)
            self.insert("municipalities", reference.load_municipalities(), cur)
            self.insert("population", reference.load_population(), cur)
            self.insert("programmes", reference.PROGRAMMES, cur)
            self.insert("memberships", reference.memberships(), cur)
            self.insert("peer_groups", reference.peer_groups(), cur)
            self.insert(
                "meta",
                pd.DataFrame({"sleutel": ["schema_versie"], "waarde": [str(schema.SCHEMA_VERSION)]}),
                cur,
            )

    def _create_indexes(self, cur) -> None:
        for cols in (("gemeentecode", "dag"),):
            self._db.execute(
                f"CREATE INDEX IF NOT EXISTS agg_daily_idx ON agg_daily ({', '.join(cols)})", cursor=cur
            )

    def _upgrade_schema(self) -> None:
        """Bring a store written by an older version up to ``schema.SCHEMA_VERSION``.

        Version 2 (issue 14) adds ``reports.record_key`` and ``ckey`` to the aggregate tables.
        Existing reports get keys from a keyed hash of their identity (a secret made once per
        store and kept in ``meta``), so the keys are fixed and the published counts of an old
        store do not change between runs; the aggregates are then rebuilt.
        """
        if self.meta("schema_versie") not in (None, "1"):
            return
        with self.transaction() as cur:
            salt = secrets.token_hex(16)
            self.set_meta("record_key_salt", salt, cur)
            self.execute("ALTER TABLE reports ADD COLUMN record_key INTEGER", cursor=cur)
            # md5 exists in both DuckDB and PostgreSQL; two hex digits give a uniform 0..255.
            digits = "'0123456789abcdef'"
            hashed = "md5($salt || gemeentecode || '|' || melding_id)"
            self.execute(
                f"UPDATE reports SET record_key = (strpos({digits}, substr({hashed}, 1, 1)) - 1) * 16 "
                f"+ strpos({digits}, substr({hashed}, 2, 1)) - 1",
                {"salt": salt},
                cur,
            )
            # DuckDB refuses to alter a table with an index on it: drop the index, put it back.
            self.execute("DROP INDEX IF EXISTS agg_daily_idx", cursor=cur)
            for table in schema.AGGREGATE_TABLES:
                self.execute(f"ALTER TABLE {table.name} ADD COLUMN ckey INTEGER", cursor=cur)
            self._create_indexes(cur)
            self.rebuild_aggregates(cursor=cur)
            self.set_meta("schema_versie", str(schema.SCHEMA_VERSION), cur)

    def _add_missing_columns(self) -> None:
        """Add optional columns that a newer schema has and an existing store lacks (empty).

        A new optional column (such as the knowledge register's ``uitkomst``, issue 19) needs no
        data migration, so it is found by looking rather than by a version number; a store written
        by an older version reads on, with the column empty.
        """
        found = self.query(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_name = ANY($t)",
            {"t": [t.name for t in schema.BASE_TABLES]},
        )
        present = set(zip(found["table_name"], found["column_name"], strict=True))
        tables = set(found["table_name"])
        missing = [
            (table, col)
            for table in schema.BASE_TABLES
            if table.name in tables
            for col in table.columns
            if col.nullable and (table.name, col.name) not in present
        ]
        if not missing:
            return
        with self.transaction() as cur:
            for table, col in missing:
                # The column's SQL type as the table's DDL writes it for this database.
                sql = schema.Table(table.name, "", (col,)).ddl(self.dialect).split("\n")[1].strip()
                self.execute(f"ALTER TABLE {table.name} ADD COLUMN IF NOT EXISTS {sql}", cursor=cur)

    def _add_new_tables(self) -> None:
        """Create tables added after the store was made (such as ``survey_indicators``, issue 19)."""
        missing = [table for table in schema.ALL_TABLES if not self._db.table_exists(table.name)]
        if not missing:
            return
        with self.transaction() as cur:
            for table in missing:
                self._db.execute(table.ddl(self.dialect), cursor=cur)

    def set_meta(self, key: str, value: str, cursor=None) -> None:
        """Set a property of the store (e.g. ``demo`` = ``ja``)."""
        self.execute("DELETE FROM meta WHERE sleutel = $k", {"k": key}, cursor)
        self.execute("INSERT INTO meta (sleutel, waarde) VALUES ($k, $v)", {"k": key, "v": value}, cursor)

    def meta(self, key: str) -> str | None:
        """Return a property of the store, or None."""
        found = self.query("SELECT waarde FROM meta WHERE sleutel = $k", {"k": key})
        return None if found.empty else str(found["waarde"].iloc[0])

    def is_demo(self) -> bool:
        """Whether the store holds synthetic demo data (every page then shows the demo badge)."""
        return self.meta("demo") == "ja"

    def table_counts(self) -> dict[str, int]:
        """Rows per main table, as ``status`` prints them."""
        names = ("reports", "activities", "campaigns", "risk_areas", "municipalities")
        sql = " UNION ALL ".join(f"SELECT '{n}' AS t, count(*) AS n FROM {n}" for n in names)
        found = self.query(sql)
        return {row.t: int(row.n) for row in found.itertuples()}

    def content_hash(self) -> str:
        """A hash of every base table's content: equal hashes mean an unchanged store."""
        digest = hashlib.sha256()
        for table in schema.BASE_TABLES + schema.AGGREGATE_TABLES:
            cols = ", ".join(table.column_names)
            frame = self.query(f"SELECT {cols} FROM {table.name} ORDER BY {cols}")
            digest.update(table.name.encode())
            digest.update(str(len(frame)).encode())
            if not frame.empty:
                digest.update(pd.util.hash_pandas_object(frame.astype(str), index=False).values.tobytes())
        return digest.hexdigest()

    # -- aggregates ----------------------------------------------------------------------------------

    def rebuild_aggregates(self, gemeenten: Sequence[str] | None = None, cursor=None) -> None:
        """Recompute the pre-aggregated tables from ``reports`` (for ``gemeenten``, or all)."""
        scope = "" if gemeenten is None else " WHERE gemeentecode = ANY($codes)"
        # On DuckDB, ``= ANY`` on ``reports`` becomes a scan of its primary-key index, which after
        # a large import pins every new report at once (3,5 million: out of memory under a 500 MB
        # limit, over 500 MB without one); ``list_contains`` is a plain filter on the column scan.
        from_reports = (
            " WHERE list_contains($codes, gemeentecode)" if scope and self.dialect == "duckdb" else scope
        )
        params = {"codes": list(gemeenten)} if gemeenten is not None else {}
        statements = {
            "agg_daily": "SELECT gemeentecode, CAST(gebeurd_op AS DATE) AS dag, categorie, kanaal_id, "
            f"count(*) AS n, {_CELL_KEY} FROM reports{{w}} GROUP BY 1, 2, 3, 4",
            "agg_hour": "SELECT gemeentecode, CAST(date_trunc('month', gebeurd_op) AS DATE) AS maand, "
            "CAST(EXTRACT(isodow FROM gebeurd_op) AS INTEGER) AS weekdag, "
            "CAST(EXTRACT(hour FROM gebeurd_op) AS INTEGER) AS uur, categorie, count(*) AS n, "
            f"{_CELL_KEY} FROM reports{{w}} GROUP BY 1, 2, 3, 4, 5",
            "agg_hex": "SELECT gemeentecode, CAST(date_trunc('week', gebeurd_op) AS DATE) AS week, h3_r8, "
            f"count(*) AS n, {_CELL_KEY} FROM reports{{w}}{{and_}} h3_r8 IS NOT NULL GROUP BY 1, 2, 3",
            "agg_area": "SELECT gemeentecode, CAST(date_trunc('week', gebeurd_op) AS DATE) AS week, "
            f"risicogebied_id, wijkcode, count(*) AS n, {_CELL_KEY} FROM reports{{w}} GROUP BY 1, 2, 3, 4",
        }

        def run(cur) -> None:
            for table, select in statements.items():
                self.execute(f"DELETE FROM {table}{scope}", params, cur)
                sql = select.format(w=from_reports, and_=" AND" if scope else " WHERE")
                cols = ", ".join(schema.TABLES[table].column_names)
                self.execute(f"INSERT INTO {table} ({cols}) {sql}", params, cur)

        if cursor is None:
            with self.transaction() as cur:
                run(cur)
                self.bump_version(cur)
        else:
            run(cursor)
            self.bump_version(cursor)

    def bump_version(self, cursor=None) -> None:
        """Increase the data version, which keys every cache of the app (call after each write)."""
        current = self._db.query("SELECT waarde FROM meta WHERE sleutel = 'versie'", cursor=cursor)
        value = int(current["waarde"].iloc[0]) + 1 if not current.empty else 1
        self.set_meta("versie", str(value), cursor)

    # -- reads for pages (aggregated; pushed down into the database) ---------------------------------

    def municipalities(self) -> pd.DataFrame:
        """All municipalities with their latest known population."""
        return self.query(
            "SELECT m.gemeentecode, m.naam, m.weergavenaam, m.provincie, m.lat, m.lon, p.inwoners, p.jaar "
            "FROM municipalities m LEFT JOIN population p ON p.gemeentecode = m.gemeentecode "
            "AND p.jaar = (SELECT max(jaar) FROM population q WHERE q.gemeentecode = m.gemeentecode) "
            "ORDER BY m.weergavenaam"
        )

    def population(self) -> pd.DataFrame:
        """Population per municipality and year."""
        return self.query("SELECT gemeentecode, jaar, inwoners FROM population ORDER BY gemeentecode, jaar")

    def memberships(self) -> pd.DataFrame:
        """Programme memberships with the programme's name."""
        return self.query(
            "SELECT m.*, p.naam AS programma_naam FROM memberships m JOIN programmes p USING (programma) "
            "ORDER BY programma, gemeentecode"
        )

    def peer_groups(self) -> pd.DataFrame:
        """Peer group membership."""
        return self.query("SELECT groep, gemeentecode FROM peer_groups ORDER BY groep, gemeentecode")

    def programmes(self) -> pd.DataFrame:
        """The programmes."""
        return self.query("SELECT * FROM programmes ORDER BY programma")

    def report_date_range(self) -> tuple[dt.date, dt.date] | None:
        """First and last day with reports, or None when there are none."""
        found = self.query("SELECT min(dag) AS lo, max(dag) AS hi FROM agg_daily")
        if found.empty or pd.isna(found["lo"].iloc[0]):
            return None
        return pd.Timestamp(found["lo"].iloc[0]).date(), pd.Timestamp(found["hi"].iloc[0]).date()

    def count_reports(
        self, selection: ReportFilter, grain: str = "week", by: Sequence[str] = ()
    ) -> pd.DataFrame:
        """Count reports per period (``day``/``week``/``month``) and optional ``by`` columns.

        ``by`` may hold ``gemeentecode``, ``categorie`` and ``kanaal_id``. Returns columns
        ``periode`` (the first day of the period), the ``by`` columns, ``n`` and ``ckey`` (the
        cell key, see ``privacy.combine_keys``; every count method of the store returns one).
        """
        if grain not in GRAINS:
            raise ValueError(f"grain must be one of {GRAINS}, got {grain!r}")
        allowed = {"gemeentecode", "categorie", "kanaal_id"}
        unknown = set(by) - allowed
        if unknown:
            raise ValueError(f"cannot group reports by {sorted(unknown)}; allowed: {sorted(allowed)}")
        period = "dag" if grain == "day" else f"CAST(date_trunc('{grain}', dag) AS DATE)"
        extra = "".join(f", {c}" for c in by)
        sql = (
            f"SELECT {period} AS periode{extra}, CAST(sum(n) AS BIGINT) AS n, {_SUM_KEYS} FROM agg_daily "
            f"WHERE {selection.where()} GROUP BY {period}{extra} ORDER BY periode{extra}"
        )
        found = self.query(sql, selection.params())
        found["periode"] = pd.to_datetime(found["periode"])
        found["n"] = found["n"].astype("int64")
        found["ckey"] = found["ckey"].astype("int64")
        return found

    def count_by_hour(self, selection: ReportFilter) -> pd.DataFrame:
        """Reports per ISO weekday (1 = Monday) and hour, for the months the period touches."""
        params = selection.params()
        params["start"] = selection.start.replace(day=1)
        sql = (
            f"SELECT weekdag, uur, CAST(sum(n) AS BIGINT) AS n, {_SUM_KEYS} FROM agg_hour "
            f"WHERE {selection.where('maand')} GROUP BY weekdag, uur ORDER BY weekdag, uur"
        )
        return self.query(sql, params)

    def hex_counts(self, selection: ReportFilter) -> pd.DataFrame:
        """Reports per H3 resolution-8 cell (as an integer) in the period; categories are ignored."""
        params = selection.params()
        sql = (
            f"SELECT gemeentecode, h3_r8, CAST(sum(n) AS BIGINT) AS n, {_SUM_KEYS} FROM agg_hex "
            f"WHERE {selection.where('week', with_category=False)} GROUP BY gemeentecode, h3_r8"
        )
        return self.query(sql, params)

    def hex_block_counts(self, selection: ReportFilter) -> pd.DataFrame:
        """Reports per H3 resolution-8 cell and fixed block of weeks (``privacy.week_blocks``).

        The weeks are those whose Monday falls in the period, as ``hex_counts`` takes them; they are
        tiled by blocks of 1, 2, 4 ... weeks aligned to a fixed origin, so a block is the same cell
        (same reports, same key) in every period that uses it (ADR 0006). Columns: gemeentecode,
        h3_r8, ``blok`` (the block's first Monday), n and ckey; categories are ignored.
        """
        return self._block_counts("agg_hex", "h3_r8", selection)

    def _block_counts(self, table: str, by: str, selection: ReportFilter) -> pd.DataFrame:
        """Counts of a weekly aggregate table per ``by`` and fixed block of weeks of the period."""
        from vsdash.privacy import BLOCK_COL, week_blocks

        first = selection.start + dt.timedelta(days=(7 - selection.start.weekday()) % 7)
        last = selection.end - dt.timedelta(days=selection.end.weekday())
        if first > last:
            columns = ["gemeentecode", by, BLOCK_COL, "n", "ckey"]
            return pd.DataFrame({c: pd.Series(dtype="int64") for c in columns}).astype(
                {"gemeentecode": object, BLOCK_COL: "datetime64[ns]"}
            )
        starts = [a for a, _ in week_blocks(first, last)]
        weeks = ReportFilter(selection.gemeenten, first, last)
        params = weeks.params() | {f"b{i}": day for i, day in enumerate(starts)}
        # The block of a week: the last block that starts on or before it (blocks are in order).
        if len(starts) == 1:
            block = "0"
        else:
            whens = " ".join(f"WHEN week < $b{i + 1} THEN {i}" for i in range(len(starts) - 1))
            block = f"CASE {whens} ELSE {len(starts) - 1} END"
        sql = (
            f"SELECT gemeentecode, {by}, {block} AS {BLOCK_COL}, CAST(sum(n) AS BIGINT) AS n, {_SUM_KEYS} "
            f"FROM {table} WHERE {weeks.where('week', with_category=False)} AND {by} IS NOT NULL "
            "GROUP BY 1, 2, 3"
        )
        found = self.query(sql, params)
        found[BLOCK_COL] = pd.DatetimeIndex(starts).to_numpy()[found[BLOCK_COL].to_numpy(dtype=np.int64)]
        # The columns come in order from the SELECT; only the types of the two backends differ.
        found["n"] = found["n"].astype("int64", copy=False)
        found["ckey"] = found["ckey"].astype("int64", copy=False)
        return found

    def area_counts(
        self, selection: ReportFilter, by: str = "risicogebied_id", grain: str | None = None
    ) -> pd.DataFrame:
        """Reports per risk area or wijk (``by``), optionally per week (``grain='week'``).

        ``grain='block'`` gives them per fixed block of weeks, as ``hex_block_counts`` does for
        hexagons (column ``blok``): a period's count is then the sum of its published blocks.
        """
        if by not in ("risicogebied_id", "wijkcode"):
            raise ValueError(f"by must be risicogebied_id or wijkcode, got {by!r}")
        if grain == "block":
            return self._block_counts("agg_area", by, selection)
        period = ", week AS periode" if grain == "week" else ""
        group = ", week" if grain == "week" else ""
        sql = (
            f"SELECT gemeentecode, {by}{period}, CAST(sum(n) AS BIGINT) AS n, {_SUM_KEYS} FROM agg_area "
            f"WHERE {selection.where('week', with_category=False)} AND {by} IS NOT NULL "
            f"GROUP BY gemeentecode, {by}{group}"
        )
        return self.query(sql, selection.params())

    def campaigns(self) -> pd.DataFrame:
        """Campaigns with the municipalities taking part (one row per campaign and municipality)."""
        return self.query(
            "SELECT c.campagne_id, c.naam, c.schaal, c.kanalen, c.start, c.eind, cm.gemeentecode "
            "FROM campaigns c JOIN campaign_municipalities cm USING (campagne_id) ORDER BY c.start, cm.gemeentecode"
        )

    def channels(self) -> pd.DataFrame:
        """Reporting channels with launch and end dates."""
        return self.query("SELECT * FROM channels ORDER BY gemeentecode, start")

    def activities(self) -> pd.DataFrame:
        """All activities (a register, small enough to filter in the page's cached frame)."""
        return self.query("SELECT * FROM activities ORDER BY gemeentecode, start")

    def risk_areas(self) -> pd.DataFrame:
        """Risk areas with their polygon (WKT) and centre."""
        return self.query("SELECT * FROM risk_areas ORDER BY gemeentecode, naam")

    def risk_area_measures(self) -> pd.DataFrame:
        """Measures taken in risk areas."""
        return self.query("SELECT * FROM risk_area_measures ORDER BY risicogebied_id, datum")

    def survey_indicators(self) -> pd.DataFrame:
        """Survey figures (Veiligheidsmonitor style) per municipality and survey year."""
        found = self.query("SELECT * FROM survey_indicators ORDER BY gemeentecode, jaar")
        return found.astype({"jaar": "int64", "basis_aantal": "int64"}) if not found.empty else found

    def ground_truth(self) -> pd.DataFrame:
        """The demo generator's built-in campaign lifts (empty for real data)."""
        return self.query("SELECT * FROM demo_ground_truth ORDER BY campagne_id, gemeentecode")

    def import_log(self) -> pd.DataFrame:
        """The import log, newest first."""
        return self.query("SELECT * FROM import_log ORDER BY tijdstip DESC")
