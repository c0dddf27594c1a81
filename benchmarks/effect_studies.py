"""Simulation studies of the campaign effect estimator on Dutch-shaped series (issue 16).

Runs the scenarios of ``tests/unit/test_effects_dutch_sims.py`` (and the cases that only a
warning can catch) with more runs, and prints a Markdown table for ``benchmarks/RESULTS.md``.
Usage: ``python benchmarks/effect_studies.py [runs] [text]`` from the repository root; with
``text`` only the scenarios whose name contains it run.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "unit")]

from simulated_reports import run_study  # noqa: E402
from test_effects_dutch_sims import SCENARIOS  # noqa: E402


def main(n_runs: int, only: str = "") -> None:
    """Print one table row per scenario (whose name contains ``only``)."""
    print("| scenario | runs | bias of expected | coverage | p < 0.05 | median width | warnings | seconds |")
    print("|---|---|---|---|---|---|---|---|")
    for name, kwargs in SCENARIOS.items():
        if only not in name:
            continue
        started = time.perf_counter()
        result = run_study(n_runs, **kwargs)
        warned = ", ".join(f"{code} {share:.0%}" for code, share in result.warned.items()) or "–"
        print(
            f"| {name} | {result.runs} | {result.bias:+.1%} | {result.coverage:.0%} | {result.significant:.0%} | "
            f"{result.width:.2f} | {warned} | {time.perf_counter() - started:.0f} |",
            flush=True,
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200, sys.argv[2] if len(sys.argv) > 2 else "")
