"""The sidebar period stays inside the data range after an import or undo (issue 20)."""

from __future__ import annotations

import datetime as dt

import pytest

from vsdash.periods import clamp as clamp_period

D = dt.date
LO, HI = D(2024, 1, 3), D(2024, 12, 30)


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        ((D(2024, 2, 1), D(2024, 3, 1)), (D(2024, 2, 1), D(2024, 3, 1))),
        ((D(2019, 1, 1), D(2024, 3, 1)), (LO, D(2024, 3, 1))),
        ((D(2019, 1, 1), D(2020, 1, 1)), (LO, LO)),
        ((D(2025, 6, 1), D(2026, 1, 1)), (HI, HI)),
        ((D(2019, 1, 1), D(2030, 1, 1)), (LO, HI)),
        ((D(2030, 1, 1),), (HI,)),
        ((), (LO, HI)),
        (None, (LO, HI)),
    ],
)
def test_clamp_period(period, expected):
    assert clamp_period(period, LO, HI) == expected
