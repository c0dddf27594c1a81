"""Characteristics of municipalities for choosing comparable ones, each with its source.

Comparable municipalities are chosen by what a municipality *is* (its size class, whether it is
one of the G4, whether it is a student city), never by the figure that is then compared (reports
per inhabitant), which would make every comparison circular. Each characteristic is data with a
named source (``SOURCES``). G40 membership and urbanity are not in the store; they join here when
loaded as data.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from vsdash import reference

#: Size classes by inhabitants on 1 January (lower bound, key); the CBS top class starts at 250,000.
SIZE_CLASSES = ((250_000, "250plus"), (150_000, "150_250"), (100_000, "100_150"), (0, "lt100"))
SOURCES = {
    "grootteklasse": "CBS StatLine 03759NED, bevolking op 1 januari",
    "g4": "G4: Amsterdam, Rotterdam, Den Haag en Utrecht",
    "studentenstad": "Gemeenten met een universiteit (vsdash.reference.STUDENT_CITIES)",
}


def size_class(inhabitants: float) -> str:
    """The size class key of a municipality with ``inhabitants`` (see ``SIZE_CLASSES``)."""
    for lower, key in SIZE_CLASSES:
        if inhabitants >= lower:
            return key
    return SIZE_CLASSES[-1][1]


def municipality_characteristics(population: pd.DataFrame, year: int) -> pd.DataFrame:
    """Characteristics of every municipality with a population figure for ``year`` (or earlier).

    Returns gemeentecode, inwoners, jaar (the population year used), grootteklasse (key of
    ``SIZE_CLASSES``), g4 and studentenstad (booleans).
    """
    known = population[population["jaar"] <= year]
    if known.empty:
        known = population[population["jaar"] == population["jaar"].min()]
    latest = known.sort_values("jaar").groupby("gemeentecode", as_index=False).last()
    out = latest[["gemeentecode", "inwoners", "jaar"]].copy()
    out["inwoners"] = out["inwoners"].astype(int)
    out["grootteklasse"] = out["inwoners"].map(size_class)
    out["g4"] = out["gemeentecode"].isin(reference.G4)
    out["studentenstad"] = out["gemeentecode"].isin(reference.STUDENT_CITIES)
    return out.reset_index(drop=True)


def comparable(
    characteristics: pd.DataFrame, code: str, *, prefer: Sequence[str] = (), limit: int = 5
) -> list[str]:
    """Up to ``limit`` municipalities like ``code``: same size class, G4 or not, student city or not.

    Ordered by ``prefer`` first (e.g. the programme's participants), then by closeness in
    inhabitants. Empty when ``code`` has no characteristics or nothing else matches.
    """
    chars = characteristics.set_index("gemeentecode")
    if code not in chars.index:
        return []
    own = chars.loc[code]
    same = chars[
        (chars["grootteklasse"] == own["grootteklasse"])
        & (chars["g4"] == own["g4"])
        & (chars["studentenstad"] == own["studentenstad"])
        & (chars.index != code)
    ]
    order = pd.DataFrame(
        {
            "voorkeur": [0 if c in set(prefer) else 1 for c in same.index],
            "afstand": (same["inwoners"] - own["inwoners"]).abs().to_numpy(),
        },
        index=same.index,
    ).sort_values(["voorkeur", "afstand"])
    return list(order.index[:limit])
