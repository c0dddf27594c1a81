"""Record and cell keys on both backends (issue 14): given at import, upgraded in old stores."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from tests.db.helpers import reports_csv, utrecht_rows
from vsdash import ingest, privacy, schema
from vsdash.store import ReportFilter, Store

EVERYTHING = ReportFilter(None, dt.date(2000, 1, 1), dt.date(2030, 1, 1))


def _raw(store: Store) -> tuple[int, int]:
    found = store.query("SELECT count(*) AS n, coalesce(sum(record_key), 0) AS s FROM reports")
    return int(found["n"].iloc[0]), int(found["s"].iloc[0]) % 256


def test_imported_reports_carry_keys_and_counts_carry_cell_keys(store_url):
    store = Store(store_url)
    try:
        ingest.import_file(store, reports_csv(utrecht_rows(120)), "reports", file_name="m.csv")
        counts = store.count_reports(EVERYTHING, "month")
        assert (int(counts["n"].sum()), privacy.combine_keys(counts["ckey"])) == _raw(store)
    finally:
        store.close()


def test_an_old_store_is_upgraded_with_fixed_keys(store_url):
    store = Store(store_url)
    ingest.import_file(store, reports_csv(utrecht_rows(150)), "reports", file_name="m.csv")
    # Make it look like a store written before issue 14 (schema version 1).
    store.execute("ALTER TABLE reports DROP COLUMN record_key")
    store.execute("DROP INDEX agg_daily_idx")
    for table in schema.AGGREGATE_TABLES:
        store.execute(f"ALTER TABLE {table.name} DROP COLUMN ckey")
    store.execute("CREATE INDEX agg_daily_idx ON agg_daily (gemeentecode, dag)")
    store.set_meta("schema_versie", "1")
    store.close()

    upgraded = Store(store_url)
    try:
        assert upgraded.meta("schema_versie") == str(schema.SCHEMA_VERSION)
        keys = upgraded.query("SELECT record_key FROM reports")["record_key"]
        assert keys.notna().all() and keys.between(0, 255).all() and keys.nunique() > 50
        counts = upgraded.count_reports(EVERYTHING, "month")
        assert (int(counts["n"].sum()), privacy.combine_keys(counts["ckey"])) == _raw(upgraded)
    finally:
        upgraded.close()
    again = Store(store_url)
    try:
        pd.testing.assert_frame_equal(counts, again.count_reports(EVERYTHING, "month"))
    finally:
        again.close()
