"""Record and cell keys on both backends (issue 14): given at import, upgraded in old stores."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from tests.db.helpers import UTRECHT_STATION, reports_csv, risk_area_geojson, utrecht_rows
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


def test_hexagon_blocks_are_the_same_cells_in_every_period_on_both_backends(store_url):
    # Issue 14 / ADR 0006: a hexagon's count over a period is the sum of fixed blocks of weeks.
    store = Store(store_url)
    try:
        ingest.import_file(store, reports_csv(utrecht_rows(400)), "reports", file_name="m.csv")
        year = ReportFilter(("GM0344",), dt.date(2024, 1, 1), dt.date(2024, 12, 31))
        blocks = store.hex_block_counts(year)
        assert list(blocks.columns) == ["gemeentecode", "h3_r8", privacy.BLOCK_COL, "n", "ckey"]
        assert set(blocks[privacy.BLOCK_COL].dt.date) <= {
            a for a, _ in privacy.week_blocks(dt.date(2024, 1, 1), dt.date(2024, 12, 30))
        }
        # The blocks add up, counts and keys, to the hexagons' own weekly sums.
        per_hex = privacy.combine_cells(blocks, "h3_r8").set_index("h3_r8")
        whole = privacy.combine_cells(store.hex_counts(year), "h3_r8").set_index("h3_r8")
        pd.testing.assert_frame_equal(per_hex[["n", "ckey"]], whole[["n", "ckey"]], check_dtype=False)
        assert int(blocks["n"].sum()) == 400
        # A period starting mid-week starts at its first Monday; the block of its first weeks is
        # the same cell as in the whole year whenever it is the same block.
        later = store.hex_block_counts(ReportFilter(("GM0344",), dt.date(2024, 1, 3), dt.date(2024, 12, 31)))
        assert later[privacy.BLOCK_COL].min() >= pd.Timestamp(2024, 1, 8)
        shared = blocks.merge(later, on=["h3_r8", privacy.BLOCK_COL], suffixes=("", "_later"))
        same_block = {a for a, _ in privacy.week_blocks(dt.date(2024, 1, 1), dt.date(2024, 12, 30))} & {
            a for a, _ in privacy.week_blocks(dt.date(2024, 1, 8), dt.date(2024, 12, 30))
        }
        shared = shared[shared[privacy.BLOCK_COL].dt.date.isin(same_block)]
        assert len(shared) and (shared["n"] == shared["n_later"]).all()
        assert (shared["ckey"] == shared["ckey_later"]).all()
        assert store.hex_block_counts(
            ReportFilter(("GM0344",), dt.date(2024, 1, 2), dt.date(2024, 1, 7))
        ).empty
    finally:
        store.close()


def test_risk_area_blocks_add_up_to_the_areas_weeks_on_both_backends(store_url):
    store = Store(store_url)
    try:
        areas = risk_area_geojson([("RG1", "Utrecht", "Stationsgebied", "station_ov", UTRECHT_STATION)])
        ingest.import_file(store, areas, "risk-areas", file_name="rg.geojson")
        rows = [f"R{i};GM0344;{i % 28 + 1:02d}-{i % 12 + 1:02d}-2024;;verbaal;52,09;5,11" for i in range(60)]
        ingest.import_file(store, reports_csv(rows), "reports", file_name="r.csv")
        flt = ReportFilter(("GM0344",), dt.date(2024, 1, 3), dt.date(2024, 11, 30))
        blocks = store.area_counts(flt, "risicogebied_id", "block")
        assert set(blocks[privacy.BLOCK_COL].dt.date) <= {
            a for a, _ in privacy.week_blocks(dt.date(2024, 1, 8), dt.date(2024, 11, 25))
        }
        weeks = store.area_counts(flt, "risicogebied_id")
        assert int(blocks["n"].sum()) == int(weeks["n"].sum()) > 0
        assert privacy.combine_keys(blocks["ckey"]) == privacy.combine_keys(weeks["ckey"])
    finally:
        store.close()
