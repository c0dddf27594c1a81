"""Blocks of weeks (ADR 0006): what they cost in accuracy and speed, against one cell per period.

Usage: ``python -m benchmarks.week_blocks [reports ...]`` (default 30000 100000). For each demo
store (seed 42) it prints

- campaign windows: the published count of every estimable register window as one cell, as a sum
  of published weeks and as a sum of published blocks, against the exact count, and how far each
  moves the card's relative change (``campaign_effects.estimate_one``, as the card runs it);
- hexagons: for every hexagon of every municipality, eight periods each of one, three and twelve
  months, the sum of published blocks against one cell per period;
- speed: the store calls of ``vsdash.bench``'s filter changes with ``Store.hex_counts`` and with
  ``Store.hex_block_counts``, and the Kaart's map payload with each.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

from vsdash import bench, campaign_effects, privacy
from vsdash.demo import generate_demo
from vsdash.store import ReportFilter, Store


def windows(store: Store) -> None:
    """Accuracy of a campaign window's published count, three ways."""
    span = store.report_date_range()
    weekly = store.count_reports(ReportFilter(None, *span), "week", ("gemeentecode",))
    campaigns, channels, population = store.campaigns(), store.channels(), store.population()
    rows = []
    for row in campaigns.itertuples():
        try:
            est = campaign_effects.estimate_one(
                weekly, campaigns, channels, population, row.campagne_id, row.gemeentecode, span, checks=False
            )
        except ValueError:
            continue
        series = campaign_effects.weekly_report_series(weekly, channels, population, row.gemeentecode, *span)
        first = pd.Timestamp(row.start) - pd.Timedelta(days=pd.Timestamp(row.start).dayofweek)
        last = pd.Timestamp(row.eind) - pd.Timedelta(days=pd.Timestamp(row.eind).dayofweek)
        w = series[(series["week"] >= first) & (series["week"] <= last)]
        exact = int(w["reports"].sum())
        rows.append(
            {
                "exact": exact,
                "one cell": privacy.published_count(exact, privacy.combine_keys(w["ckey"])),
                "weeks": sum(
                    privacy.published_count(int(n), int(c))
                    for n, c in zip(w["reports"], w["ckey"], strict=True)
                ),
                "blocks": privacy.published_in_blocks(series, first.date(), last.date(), "week", "reports"),
                "expected": est.expected,
                "n_weeks": len(w),
                "n_blocks": len(privacy.week_blocks(first.date(), last.date())),
            }
        )
    f = pd.DataFrame(rows)
    print(f"  {len(f)} windows, median {f.n_weeks.median():.0f} weeks in {f.n_blocks.median():.0f} blocks")
    for way in ("one cell", "weeks", "blocks"):
        error = (f[way] - f["exact"]) / f["exact"].clip(lower=1)
        moved = (f[way] - f["exact"]).abs() / f["expected"] * 100
        print(
            f"  window as {way}: count off by median {error.abs().median():.1%} (largest {error.abs().max():.0%},"
            f" mean signed {error.mean():+.1%}); relative change moves median {moved.median():.1f} points"
            f" (largest {moved.max():.0f})"
        )


def hexagons(store: Store) -> None:
    """Accuracy of hexagon counts: sum of published blocks against one cell per period."""
    codes = tuple(sorted(store.query("SELECT DISTINCT gemeentecode FROM agg_hex")["gemeentecode"]))
    for months in (1, 3, 12):
        parts = []
        for start in pd.date_range("2021-01-01", "2024-12-01", freq=f"{months}MS")[:8]:
            end = (start + pd.DateOffset(months=months) - pd.Timedelta(days=1)).date()
            blocks = store.hex_block_counts(ReportFilter(codes, start.date(), end))
            blocks["pub"] = [
                privacy.published_count(int(n), int(k))
                for n, k in zip(blocks["n"], blocks["ckey"], strict=True)
            ]
            per = blocks.groupby("h3_r8").agg(n=("n", "sum"), pub=("pub", "sum"), n_blocks=("n", "size"))
            one = privacy.combine_cells(blocks, "h3_r8").set_index("h3_r8")
            per["one"] = [
                privacy.published_count(int(n), int(k)) for n, k in zip(one["n"], one["ckey"], strict=True)
            ]
            parts.append(per)
        f = pd.concat(parts)
        large = f[f["n"] >= 20]
        print(
            f"  hexagons, {months} month(s): {len(f)} with reports, mean published minus true"
            f" {(f.pub - f.n).mean():+.2f} as blocks, {(f.one - f.n).mean():+.2f} as one cell; {len(large)} of 20+"
            f" (median {large.n_blocks.median():.0f} blocks): median relative error"
            f" {((large.pub - large.n).abs() / large.n).median():.1%} as blocks,"
            f" {((large.one - large.n).abs() / large.n).median():.1%} as one cell"
        )


def speed(store: Store) -> None:
    """Filter changes and map payload with hexagons per period and per block."""
    lo, hi = store.report_date_range()
    codes = sorted(store.query("SELECT DISTINCT gemeentecode FROM agg_daily")["gemeentecode"])
    changes = bench.filter_changes(codes, lo, hi)
    original = Store.hex_block_counts
    for name, hexagons_of in (("per period", Store.hex_counts), ("per block", original)):
        Store.hex_block_counts = hexagons_of  # what bench.vsdash_filter_change and map_payload call
        try:
            bench.vsdash_filter_change(store, changes[0])
            times = [bench._timed(lambda c=c: bench.vsdash_filter_change(store, c)) for c in changes * 3]
            payload = bench.map_payload(store, codes, lo, hi)
        finally:
            Store.hex_block_counts = original
        print(
            f"  hexagons {name}: filter change p95 {bench.p95(times):.1f} ms, median"
            f" {statistics.median(times):.1f} ms; map payload {payload:,} bytes"
        )


def main(sizes: list[int]) -> None:
    for reports in sizes:
        with tempfile.TemporaryDirectory() as folder:
            store = Store(f"duckdb:///{Path(folder) / 'demo.duckdb'}")
            generate_demo(store, seed=42, reports=reports)
            print(f"{reports:,} reports")
            windows(store)
            hexagons(store)
            started = time.perf_counter()
            speed(store)
            print(f"  (speed measured in {time.perf_counter() - started:.0f} s)")
            store.close()


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [30_000, 100_000])
