"""Record keys and cell keys in the store (issue 14, ADR 0006): given at ingest, additive, upgraded."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from tests.db.helpers import reports_csv, utrecht_rows
from vsdash import ingest, privacy, schema
from vsdash.demo import generate_demo
from vsdash.store import ReportFilter, Store

YEAR = ReportFilter(("GM0344",), dt.date(2023, 1, 1), dt.date(2023, 12, 31))


def _raw_key(store: Store, where: str) -> tuple[int, int]:
    found = store.query(f"SELECT count(*) AS n, coalesce(sum(record_key), 0) AS s FROM reports WHERE {where}")
    return int(found["n"].iloc[0]), int(found["s"].iloc[0]) % 256


def test_demo_reports_have_keys_spread_over_0_to_255(demo_store_url):
    store = Store(demo_store_url)
    keys = store.query("SELECT record_key FROM reports")["record_key"]
    assert keys.notna().all() and keys.between(0, 255).all()
    # 30,000 uniform draws: every value appears, none more than twice its expected share.
    counts = keys.value_counts()
    assert len(counts) == 256 and counts.max() < 2 * len(keys) / 256


def test_every_count_query_returns_the_cell_key_of_its_reports(demo_store_url):
    store = Store(demo_store_url)
    n, key = _raw_key(
        store,
        "gemeentecode = 'GM0344' AND gebeurd_op >= DATE '2023-01-01' AND gebeurd_op < DATE '2024-01-01'",
    )
    monthly = store.count_reports(YEAR, "month")
    assert monthly["n"].sum() == n
    assert privacy.combine_keys(monthly["ckey"]) == key
    hours = store.count_by_hour(YEAR)
    assert (hours["n"].sum(), privacy.combine_keys(hours["ckey"])) == (n, key)
    day = ReportFilter(("GM0344",), dt.date(2023, 3, 6), dt.date(2023, 3, 6))
    one = store.count_reports(day, "day", ("categorie",))
    for row in one.itertuples():
        assert (row.n, row.ckey) == _raw_key(
            store,
            "gemeentecode = 'GM0344' AND CAST(gebeurd_op AS DATE) = DATE '2023-03-06' "
            f"AND categorie = '{row.categorie}'",
        )
    # Weekly tables (hexagons, wijken) add up to the same key over whole weeks.
    weeks = ReportFilter(("GM0344",), dt.date(2023, 1, 2), dt.date(2023, 12, 31))
    n_w, key_w = _raw_key(
        store,
        "gemeentecode = 'GM0344' AND gebeurd_op >= DATE '2023-01-02' AND gebeurd_op < DATE '2024-01-01'",
    )
    wijk = store.area_counts(weeks, "wijkcode")
    no_wijk = _raw_key(
        store,
        "gemeentecode = 'GM0344' AND gebeurd_op >= DATE '2023-01-02' AND gebeurd_op < DATE '2024-01-01' "
        "AND wijkcode IS NULL",
    )
    assert wijk["n"].sum() + no_wijk[0] == n_w
    assert (privacy.combine_keys(wijk["ckey"]) + no_wijk[1]) % 256 == key_w


def test_combine_cells_adds_counts_and_keys_per_group():
    cells = pd.DataFrame({"g": ["a", "a", "b"], "n": [3, 4, 1], "ckey": [200, 100, 7]})
    out = privacy.combine_cells(cells, "g")
    assert out.to_dict("list") == {"g": ["a", "b"], "n": [7, 1], "ckey": [44, 7]}
    total = privacy.combine_cells(cells, None)
    assert total.to_dict("list") == {"n": [8], "ckey": [51]}


def test_imported_reports_get_random_keys_that_never_change(empty_store):
    result = ingest.import_file(empty_store, reports_csv(utrecht_rows(300)), "reports", file_name="m.csv")
    assert result.written == 300
    first = empty_store.query("SELECT melding_id, record_key FROM reports ORDER BY melding_id")
    assert first["record_key"].between(0, 255).all() and first["record_key"].nunique() > 100
    # Importing the same file again writes nothing, so no stored key changes.
    ingest.import_file(empty_store, reports_csv(utrecht_rows(300)), "reports", file_name="m.csv")
    again = empty_store.query("SELECT melding_id, record_key FROM reports ORDER BY melding_id")
    pd.testing.assert_frame_equal(first, again)


def test_a_store_without_keys_is_upgraded_with_fixed_keys(tmp_path):
    path = tmp_path / "old.duckdb"
    store = Store(f"duckdb:///{path}")
    generate_demo(store, seed=3, reports=2_000)
    # Make it look like a store written before issue 14.
    store.execute("ALTER TABLE reports DROP COLUMN record_key")
    store.execute("DROP INDEX agg_daily_idx")
    for table in schema.AGGREGATE_TABLES:
        store.execute(f"ALTER TABLE {table.name} DROP COLUMN ckey")
    store.execute("CREATE INDEX agg_daily_idx ON agg_daily (gemeentecode, dag)")
    store.set_meta("schema_versie", "1")
    store.close()

    upgraded = Store(f"duckdb:///{path}")
    assert upgraded.meta("schema_versie") == str(schema.SCHEMA_VERSION)
    keys = upgraded.query("SELECT record_key FROM reports")["record_key"]
    assert keys.notna().all() and keys.between(0, 255).all() and keys.nunique() > 200
    everything = ReportFilter(None, *upgraded.report_date_range())
    before = upgraded.count_reports(everything, "month")
    upgraded.close()
    # Opening again changes nothing: the keys were written once.
    reopened = Store(f"duckdb:///{path}")
    after = reopened.count_reports(everything, "month")
    pd.testing.assert_frame_equal(before, after)
    n, key = _raw_key(reopened, "TRUE")
    assert (after["n"].sum(), privacy.combine_keys(after["ckey"])) == (n, key)
    reopened.close()


@pytest.mark.parametrize("n_reports", [1, 2, 5])
def test_keys_make_a_single_report_cell_key_uniform(n_reports):
    # The sum of n uniform keys modulo 256 is uniform: what a cell's key tells about its records.
    rng = np.random.default_rng(n_reports)
    sums = rng.integers(0, 256, size=(200_000, n_reports)).sum(axis=1) % 256
    freq = np.bincount(sums, minlength=256) / len(sums)
    assert np.abs(freq - 1 / 256).max() < 0.0015


# --- fixed blocks of weeks (ADR 0006) ------------------------------------------------------------


@pytest.mark.parametrize("seed", range(5))
def test_week_blocks_tile_a_period_with_few_aligned_blocks(seed):
    rng = np.random.default_rng(seed)
    for _ in range(200):
        first = privacy.BLOCK_ORIGIN + dt.timedelta(weeks=int(rng.integers(0, 1500)))
        n_weeks = int(rng.integers(1, 400))
        last = first + dt.timedelta(weeks=n_weeks - 1)
        blocks = privacy.week_blocks(first, last)
        assert blocks[0][0] == first and blocks[-1][1] == last
        for (_a, b), (c, _) in zip(blocks, blocks[1:], strict=False):
            assert c == b + dt.timedelta(weeks=1)  # contiguous, no gaps, no overlaps
        for a, b in blocks:
            size = (b - a).days // 7 + 1
            offset = (a - privacy.BLOCK_ORIGIN).days // 7
            # Power-of-two sizes aligned to the fixed origin: the same block in every period.
            assert size & (size - 1) == 0 and offset % size == 0
        assert len(blocks) <= 2 * np.log2(n_weeks) + 2


def test_week_blocks_want_mondays():
    with pytest.raises(ValueError, match="Monday"):
        privacy.week_blocks(dt.date(2024, 1, 2), dt.date(2024, 3, 4))


def test_published_in_blocks_is_the_sum_of_each_blocks_published_value():
    rng = np.random.default_rng(3)
    mondays = pd.date_range("2023-01-02", periods=60, freq="W-MON")
    weekly = pd.DataFrame({"week": mondays, "n": rng.poisson(2, 60), "ckey": rng.integers(0, 256, 60)})
    first, last = dt.date(2023, 2, 6), dt.date(2023, 10, 30)
    expected = 0
    for a, b in privacy.week_blocks(first, last):
        block = weekly[(weekly["week"] >= pd.Timestamp(a)) & (weekly["week"] <= pd.Timestamp(b))]
        expected += privacy.published_count(int(block["n"].sum()), privacy.combine_keys(block["ckey"]))
    assert privacy.published_in_blocks(weekly, first, last) == expected
    assert privacy.published_in_blocks(weekly.iloc[0:0], first, last) == 0
