"""Peak memory of importing a 200 MB reports CSV with --skip-invalid, against a naive read, in one run.

Usage: ``python benchmarks/import_memory.py [--mb 200] [--invalid 0.01]``. The CSV is generated
(Dutch Excel style, as ``import_bench.py``) with a share of refused rows (impossible dates), so the
refused-rows path runs too. Each measurement is a fresh process; its peak resident memory comes
from the kernel (``wait4``'s ``ru_maxrss``). The naive baseline is ``pandas.read_csv(dtype=str)``
of the same file: what reading it as text costs before anything is validated. The result goes to
``benchmarks/RESULTS.md`` under "Import memory" (only that section is replaced). Target: 1 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from a checkout
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
TARGET_MB = 1024
BYTES_PER_ROW = 59  # measured on import_bench.generate_csv output


def make_csv(path: Path, megabytes: float, invalid: float) -> int:
    """Write about ``megabytes`` of reports; every 1/``invalid``-th row has an impossible date."""
    from benchmarks.import_bench import generate_csv

    rows = int(megabytes * 1024**2 / BYTES_PER_ROW)
    generate_csv(path, rows)
    if invalid > 0:
        step = max(int(1 / invalid), 2)
        lines = path.read_bytes().split(b"\n")
        for i in range(1, len(lines) - 1, step):
            fields = lines[i].split(b";")
            fields[2] = b"31-02-2024"
            lines[i] = b";".join(fields)
        path.write_bytes(b"\n".join(lines))
    return rows


# Runs the command as its only child, then prints the child's peak RSS (KB) as the last line.
_MEASURE = (
    "import resource, subprocess, sys; done = subprocess.run(sys.argv[1:]); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(done.returncode)"
)


def peak_mb(command: list[str]) -> tuple[float, float, str]:
    """Run ``command`` in a fresh process; return (peak resident MB, seconds, tail of its stdout)."""
    # The upload limit (default 200 MB) is a setting; the benchmark measures memory, not that limit.
    env = dict(os.environ, PYTHONPATH=str(ROOT), VSDASH_MAX_UPLOAD_MB="1000")
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, *command], cwd=ROOT, env=env, capture_output=True, text=True
    )
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(
            f"{command[:4]} failed ({done.returncode}): {done.stdout[-2000:]} {done.stderr[-2000:]}"
        )
    *output, peak_kb = done.stdout.strip().splitlines()
    return int(peak_kb) / 1024, elapsed, "\n".join(output)


def write_section(
    size_mb: float, rows: int, invalid: float, naive: float, ours: float, secs: float, summary: str
) -> None:
    verdict = "under" if ours <= TARGET_MB else "OVER"
    section = "\n".join(
        [
            "## Import memory",
            "",
            f"`python benchmarks/import_memory.py --mb {size_mb:g} --invalid {invalid:g}`: peak resident memory of "
            f"`python -m vsdash import --kind reports --skip-invalid` of a generated {size_mb:g} MB CSV "
            f"({rows:,} rows, {invalid:.0%} refused) into a new DuckDB store, each in a fresh process. "
            f"Target: at most {TARGET_MB} MB.",
            "",
            f"- naive baseline, `pandas.read_csv(dtype=str)` of the same file: **{naive:,.0f} MB**",
            f"- `vsdash import --skip-invalid`: **{ours:,.0f} MB** in {secs:.0f} s ({verdict} the target)",
            f"- machine: {os.cpu_count()} cores (shared), Python {sys.version.split()[0]}",
            f"- result: `{summary}`",
            "",
        ]
    )
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n\n"
    pattern = re.compile(r"^## Import memory\n.*?(?=^## |\Z)", re.S | re.M)
    text = pattern.sub(section, text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section
    RESULTS.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=200)
    parser.add_argument("--invalid", type=float, default=0.01)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="imp-mem-") as tmp:
        csv = Path(tmp) / "meldingen.csv"
        rows = make_csv(csv, args.mb, args.invalid)
        print(f"{csv.stat().st_size / 1024**2:.0f} MB, {rows:,} rows", flush=True)
        naive, _, _ = peak_mb(
            [sys.executable, "-c", f"import pandas as pd; pd.read_csv({str(csv)!r}, sep=';', dtype=str)"]
        )
        print(f"naive read_csv: {naive:,.0f} MB", flush=True)
        env_store = f"duckdb:///{Path(tmp) / 'bench.duckdb'}"
        ours, secs, out = peak_mb(
            [
                sys.executable,
                "-m",
                "vsdash",
                "import",
                str(csv),
                "--kind",
                "reports",
                "--skip-invalid",
                "--json",
                "--store",
                env_store,
            ]
        )
        print(f"vsdash import: {ours:,.0f} MB in {secs:.0f} s", flush=True)
    result = json.loads(out)
    summary = ", ".join(f"{k} {result[k]}" for k in ("accepted", "rejected", "written", "refused"))
    write_section(args.mb, rows, args.invalid, naive, ours, secs, summary)
    print(f"-> {RESULTS}")


if __name__ == "__main__":
    main()
