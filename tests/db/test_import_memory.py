"""The end of a large import on a DuckDB store stays within memory (issue 15, item 6).

A 200 MB reports file (3,5 million reports) is inserted into a DuckDB store in one transaction,
then the aggregates of its municipalities are rebuilt in that same transaction. DuckDB does not
know how many rows a transaction has added to a table: it plans as if ``reports`` were as large
as it was at the last commit (empty, for a new store).
"""

from __future__ import annotations

from vsdash.store import Store

ROWS = 300_000
HEADROOM_MB = 16  # the old plan failed even at 24 MB


def _index_mb(cur) -> int:
    """What DuckDB's primary-key indexes hold in memory now, in MB."""
    found = cur.execute("SELECT memory_usage_bytes FROM duckdb_memory() WHERE tag = 'ART_INDEX'").fetchone()
    return int(found[0]) // 2**20


def test_the_aggregates_of_a_large_uncommitted_import_are_rebuilt_without_holding_its_reports(tmp_path):
    """With ``= ANY($codes)`` DuckDB joins the reports to the list and builds the join's table
    from the reports it thinks empty: every new report in memory at once (over 500 MB at 3,5
    million reports). The rebuild must fit in a few MB above what the uncommitted rows take."""
    store = Store(f"duckdb:///{tmp_path / 'store.duckdb'}")
    try:
        with store.transaction() as cur:
            cur.execute(
                "INSERT INTO reports (melding_id, gemeentecode, gebeurd_op, ontvangen_op, categorie, "
                "import_id, record_key) SELECT 'M' || i, 'GM0344', TIMESTAMP '2024-01-01' + "
                "INTERVAL (i % 366) DAY, TIMESTAMP '2024-01-01', 'verbaal', 'imp-t', "
                f"CAST(i % 256 AS INTEGER) FROM range({ROWS}) t(i)"
            )
            # The key index cannot leave memory (the new rows can, to disk); on top of it the
            # rebuild gets HEADROOM_MB, where holding the 300.000 reports would need more.
            limit = cur.execute("SELECT current_setting('memory_limit')").fetchone()[0]
            cur.execute(f"SET memory_limit = '{_index_mb(cur) + HEADROOM_MB}MB'")
            try:
                store.rebuild_aggregates(gemeenten=["GM0344"], cursor=cur)
            finally:
                cur.execute(f"SET memory_limit = '{limit}'")  # the commit merges the key index
        daily = store.query(
            "SELECT count(*) AS days, sum(n) AS n FROM agg_daily WHERE gemeentecode = 'GM0344'"
        )
        assert (int(daily["days"].iloc[0]), int(daily["n"].iloc[0])) == (366, ROWS)
        hexes = store.query("SELECT count(*) AS n FROM agg_hex")  # no h3 cells: no rows, and no error
        assert int(hexes["n"].iloc[0]) == 0
    finally:
        store.close()
