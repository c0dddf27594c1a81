"""What the disclosure-attack suites share: the measure of an attack and how its result is read.

An attack ends in a guess for each *target* (a cell whose true count is 1..k-1); ``Outcome``
collects the true counts and the guesses, clipped as a generous attacker clips them, and gives the
share recovered and the chance baseline (see ``tests/unit/test_disclosure_attacks.py``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import numpy as np

#: The threshold the attacks are run with (the dashboard's default k).
K = 5


@dataclass
class Outcome:
    """True counts of the targets of one attack class and the attacker's guesses."""

    name: str
    truths: list[int] = field(default_factory=list)
    guesses: list[int] = field(default_factory=list)

    def add(self, truth: int, estimate: float | None) -> None:
        if 1 <= truth < K:
            self.truths.append(int(truth))
            self.guesses.append(guess(estimate))

    @property
    def targets(self) -> int:
        return len(self.truths)

    @property
    def recovered(self) -> float:
        """Share of targets whose true count the attacker guessed exactly."""
        return float(np.mean(np.array(self.truths) == np.array(self.guesses))) if self.truths else 0.0

    @property
    def baseline(self) -> float:
        """Share of targets that always guessing the most common small count gets right."""
        return Counter(self.truths).most_common(1)[0][1] / len(self.truths) if self.truths else 0.0


def guess(estimate: float | None) -> int:
    """The attacker's guess from an estimate: rounded and clipped to 1..k-1; 1 when there is none."""
    if estimate is None or not np.isfinite(estimate):
        return 1
    return int(np.clip(np.rint(estimate), 1, K - 1))


def report(outcome: Outcome) -> str:
    """One line for a test's output and benchmarks/RESULTS.md: targets, recovered, baselines."""
    return (
        f"{outcome.name}: {outcome.targets} targets, recovered {outcome.recovered:.1%}, "
        f"chance baseline {outcome.baseline:.1%} (uniform 25%)"
    )


def assert_no_better_than_chance(outcome: Outcome, min_targets: int = 30) -> None:
    """The pass rule of every attack on a protected surface: enough targets, no gain over chance."""
    print(report(outcome))
    assert outcome.targets >= min_targets, f"too few small cells to measure: {report(outcome)}"
    assert outcome.recovered <= outcome.baseline, report(outcome)
