"""Throughput of ``geo.cells_for_points`` against the naive per-point string API, in one run.

Usage: ``python -m benchmarks.h3_binning [n_points]`` (default 2,000,000; ingest may see 10M).
"""

from __future__ import annotations

import sys
import time

import h3
import numpy as np

from vsdash import geo


def main(n_points: int = 2_000_000) -> None:
    """Print points per second for the naive loop and for cells_for_points at resolution 8."""
    rng = np.random.default_rng(42)
    lat = rng.uniform(50.75, 53.55, n_points)
    lon = rng.uniform(3.36, 7.22, n_points)

    naive_n = min(n_points, 500_000)
    start = time.perf_counter()
    naive = [
        h3.latlng_to_cell(a, b, 8)
        for a, b in zip(lat[:naive_n].tolist(), lon[:naive_n].tolist(), strict=True)
    ]
    naive_rate = naive_n / (time.perf_counter() - start)

    start = time.perf_counter()
    cells = geo.cells_for_points(lat, lon, 8)
    rate = n_points / (time.perf_counter() - start)

    assert [h3.int_to_str(int(c)) for c in cells[:1000]] == naive[:1000]
    print(f"naive h3.latlng_to_cell (str) : {naive_rate / 1e6:5.2f} M points/s ({naive_n:,} points)")
    print(f"geo.cells_for_points (uint64) : {rate / 1e6:5.2f} M points/s ({n_points:,} points)")
    print(f"10M points would take about {10_000_000 / rate:.1f} s on one core")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2_000_000)
