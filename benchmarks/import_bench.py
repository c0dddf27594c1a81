"""Time ``python -m vsdash import`` on a generated 1M-row reports CSV (Dutch Excel style).

Usage: ``python benchmarks/import_bench.py [--rows 1000000] [--repeats 3]``. Each repeat imports
the file into a new, empty DuckDB store in a separate process (as a user would run it) and the
median wall time is written to ``benchmarks/RESULTS.md`` under the "Import" heading (only that
section is replaced; other sections of the file are kept).
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from a checkout
RESULTS = ROOT / "benchmarks" / "RESULTS.md"


def generate_csv(path: Path, rows: int, seed: int = 7) -> None:
    """Write ``rows`` reports in Utrecht and Amsterdam, semicolon-separated, decimal commas."""
    from vsdash import geo

    rng = np.random.default_rng(seed)
    # Draw points around the two centres and keep those inside their municipality (valid rows).
    draw = int(rows * 1.3) + 100
    codes = np.where(rng.random(draw) < 0.5, "GM0344", "GM0363")
    lat = np.where(codes == "GM0344", 52.0907, 52.3731) + rng.normal(0, 0.008, draw)
    lon = np.where(codes == "GM0344", 5.1214, 4.8922) + rng.normal(0, 0.012, draw)
    inside = geo.point_in_municipality(lat, lon, codes, geo.load_municipality_boundaries(), tolerance_m=0)
    codes, lat, lon = codes[inside][:rows], lat[inside][:rows], lon[inside][:rows]
    days = pd.Timestamp("2020-01-01") + pd.to_timedelta(rng.integers(0, 1800, rows), unit="D")
    frame = pd.DataFrame(
        {
            "melding_id": [f"M{i:07d}" for i in range(rows)],
            "gemeentecode": codes,
            "datum": days.strftime("%d-%m-%Y"),
            "tijd": [
                f"{h:02d}:{m:02d}"
                for h, m in zip(rng.integers(0, 24, rows), rng.integers(0, 60, rows), strict=True)
            ],
            "categorie": rng.choice(["verbaal", "non-verbaal", "fysiek", "achtervolgen", "overig"], rows),
            "breedtegraad": np.round(lat, 5).astype(str),
            "lengtegraad": np.round(lon, 5).astype(str),
        }
    )
    frame["breedtegraad"] = frame["breedtegraad"].str.replace(".", ",", regex=False)
    frame["lengtegraad"] = frame["lengtegraad"].str.replace(".", ",", regex=False)
    frame.to_csv(path, sep=";", index=False, encoding="utf-8-sig")


def time_import(csv: Path, folder: Path, run: int) -> tuple[float, str]:
    store = folder / f"bench-{run}.duckdb"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    start = time.perf_counter()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "vsdash",
            "import",
            str(csv),
            "--kind",
            "reports",
            "--json",
            "--store",
            f"duckdb:///{store}",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"import failed ({done.returncode}): {done.stdout[-2000:]} {done.stderr[-2000:]}")
    return elapsed, done.stdout.strip()


def write_section(rows: int, times: list[float], summary: str) -> None:
    section = "\n".join(
        [
            "## Import",
            "",
            f"`python benchmarks/import_bench.py --rows {rows}`: `python -m vsdash import --kind reports` of a "
            f"generated {rows:,}-row CSV (semicolons, decimal commas, dd-mm-jjjj dates, coordinates) into a new "
            "DuckDB store, in a fresh process each time (parse, validate, H3 res 7/8/9, wijk point-in-polygon, "
            "coordinates in municipality, write, rebuild aggregates). Target: at most 60 s.",
            "",
            f"- median: **{statistics.median(times):.1f} s** over {len(times)} runs "
            f"({', '.join(f'{t:.1f}' for t in times)} s)",
            f"- machine: {os.cpu_count()} cores (shared), Python {sys.version.split()[0]}",
            f"- result: `{summary}`",
            "",
        ]
    )
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n\n"
    pattern = re.compile(r"^## Import\n.*?(?=^## |\Z)", re.S | re.M)
    text = pattern.sub(section, text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section
    RESULTS.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="imp-bench-") as tmp:
        folder = Path(tmp)
        csv = folder / "meldingen.csv"
        generate_csv(csv, args.rows)
        times, summary = [], ""
        for run in range(args.repeats):
            elapsed, out = time_import(csv, folder, run)
            summary = re.sub(r'"warnings": \[[^\]]*\], ', "", out)[:200]
            times.append(elapsed)
            print(f"run {run + 1}: {elapsed:.1f} s", flush=True)
    write_section(args.rows, times, summary)
    print(f"median {statistics.median(times):.1f} s -> {RESULTS}")


if __name__ == "__main__":
    main()
