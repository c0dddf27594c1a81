"""Simulation studies of the campaign effect estimator on Dutch-shaped series (issue 16).

Runs the scenarios of ``tests/unit/test_effects_dutch_sims.py`` (and the cases that only a
warning can catch) with more runs, and prints a Markdown table for ``benchmarks/RESULTS.md``.
Usage: ``python benchmarks/effect_studies.py [runs] [text] [first seed]`` from the repository
root; with ``text`` only the scenarios whose name contains it run. The first seed defaults to
1,000,000: the estimator's own random draws use seeds 0, 1, ..., so simulation seeds from 0
would share their random streams with it.

Shares carry their binomial standard error. "oracle" is the coverage a perfect estimator (true
mean and dispersion) shows on the same seeds: over a few hundred runs it wanders between about
93% and 96% by chance alone, so a coverage is read next to it.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "unit")]

from simulated_reports import run_study  # noqa: E402
from test_effects_dutch_sims import SCENARIOS  # noqa: E402


def main(n_runs: int, only: str = "", seed0: int = 1_000_000) -> None:
    """Print one table row per scenario (whose name contains ``only``)."""
    print(
        "| scenario | runs | bias of expected | coverage | oracle | p < 0.05 | median width | warnings | seconds |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for name, kwargs in SCENARIOS.items():
        if only not in name:
            continue
        started = time.perf_counter()
        result = run_study(n_runs, seed0=seed0, **kwargs)
        warned = (
            ", ".join(
                f"{code} {share:.1%} ± {result.standard_error(share):.1%}"
                for code, share in result.warned.items()
            )
            or "–"
        )
        print(
            f"| {name} | {result.runs} | {result.bias:+.1%} "
            f"| {result.coverage:.1%} ± {result.standard_error(result.coverage):.1%} "
            f"| {result.oracle_coverage:.1%} "
            f"| {result.significant:.1%} ± {result.standard_error(result.significant):.1%} "
            f"| {result.width:.2f} | {warned} | {time.perf_counter() - started:.0f} |",
            flush=True,
        )


if __name__ == "__main__":
    main(
        int(sys.argv[1]) if len(sys.argv) > 1 else 200,
        sys.argv[2] if len(sys.argv) > 2 else "",
        int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000,
    )
