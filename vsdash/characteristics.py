"""Comparable municipalities: the one definition used by Vergelijken, Programma and the peer slide.

Comparable municipalities are chosen by what a municipality *is* (its CBS size class, whether it
is one of the G4, whether it is a student city), never by the figure that is then compared
(reports per inhabitant), which would make every comparison circular. Each characteristic is data
with a named source (``SOURCES``). G40 membership and urbanity are not in the store; they join
here when loaded as data.

The candidates are the participants of one programme in the period that had a reporting point
open in it: a municipality without one has no rate to put beside the selection's (having a
reporting point is a fact about the channel, not about how many reports came in). Among them
``comparable`` takes, in this order, the first rule that finds anyone:

1. ``kenmerken``: same size class, G4 or not, student city or not;
2. ``grootteklasse``: same size class;
3. ``inwonertal``: the ``NEAREST`` participants closest in inhabitants.

``ComparableGroup.sentence`` says in one sentence which rule chose the group.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from vsdash import reference
from vsdash.i18n import t
from vsdash.publication import exposure, members_in_period, population_year
from vsdash.store import Store

#: Lower bounds of the CBS size classes (inhabitants on 1 January); i18n ``size_class_0``.. name them.
SIZE_CLASSES = (0, 20_000, 50_000, 100_000, 150_000, 250_000)
SOURCES = {
    "grootteklasse": "CBS StatLine 03759NED, bevolking op 1 januari",
    "g4": "G4: Amsterdam, Rotterdam, Den Haag en Utrecht",
    "studentenstad": "Gemeenten met een universiteit (vsdash.reference.STUDENT_CITIES)",
}
#: The rules in the order they are tried (see the module docstring).
BASES = ("kenmerken", "grootteklasse", "inwonertal")
MAX_PEERS = 6
NEAREST = 3
DEFAULT_PROGRAMME = "veilige_steden"


def size_class(inhabitants: float) -> int:
    """The index in ``SIZE_CLASSES`` of the size class of a municipality with ``inhabitants``."""
    if inhabitants < 0:
        raise ValueError(f"inhabitants must be zero or more, got {inhabitants}")
    return max(i for i, low in enumerate(SIZE_CLASSES) if inhabitants >= low)


def municipality_characteristics(population: pd.DataFrame, year: int) -> pd.DataFrame:
    """Characteristics of every municipality with a population figure for ``year`` (or earlier).

    Returns gemeentecode, inwoners, jaar (the population year used), grootteklasse (index in
    ``SIZE_CLASSES``), g4 and studentenstad (booleans).
    """
    known = population[population["jaar"] <= year]
    if known.empty:
        known = population[population["jaar"] == population["jaar"].min()]
    latest = known.sort_values("jaar").groupby("gemeentecode", as_index=False).last()
    out = latest[["gemeentecode", "inwoners", "jaar"]].copy()
    out["inwoners"] = out["inwoners"].astype(int)
    out["grootteklasse"] = out["inwoners"].map(size_class).astype(int)
    out["g4"] = out["gemeentecode"].isin(reference.G4)
    out["studentenstad"] = out["gemeentecode"].isin(reference.STUDENT_CITIES)
    return out.reset_index(drop=True)


def comparable(
    characteristics: pd.DataFrame, code: str, candidates: Sequence[str], *, limit: int = MAX_PEERS
) -> tuple[tuple[str, ...], str]:
    """The municipalities among ``candidates`` comparable to ``code``, and the rule that chose them.

    Closest in inhabitants first, at most ``limit`` (``NEAREST`` by the last rule). The rule is one
    of ``BASES``; an empty tuple (rule ``inwonertal``) when there is no other candidate with
    characteristics. Report counts play no part: only ``characteristics`` is read.
    """
    chars = characteristics.set_index("gemeentecode")
    others = [c for c in dict.fromkeys(candidates) if c != code and c in chars.index]
    if code not in chars.index or not others:
        return (), BASES[-1]
    own = chars.loc[code]
    pool = chars.loc[others]
    order = pd.DataFrame({"afstand": (pool["inwoners"] - own["inwoners"]).abs()}, index=pool.index)
    order = order.assign(code=order.index).sort_values(["afstand", "code"])
    same_class = pool["grootteklasse"] == own["grootteklasse"]
    rules = {
        "kenmerken": same_class & (pool["g4"] == own["g4"]) & (pool["studentenstad"] == own["studentenstad"]),
        "grootteklasse": same_class,
    }
    for basis, matches in rules.items():
        chosen = [c for c in order.index if matches[c]]
        if chosen:
            return tuple(chosen[:limit]), basis
    return tuple(order.index[:NEAREST]), BASES[-1]


@dataclass(frozen=True)
class ComparableGroup:
    """The comparable municipalities of ``focus`` in a period, and how they were chosen."""

    focus: str
    codes: tuple[str, ...]  # without ``focus``; closest in inhabitants first
    basis: str  # one of BASES
    programme: str
    programme_name: str
    is_member: bool  # whether ``focus`` itself took part in ``programme`` in the period
    population_year: int
    size_class: int
    g4: bool
    student_city: bool

    def sentence(self, names: pd.Series | dict, lang: str) -> str:
        """One plain sentence: who the group is and by which characteristics it was chosen."""
        name = names.get(self.focus, self.focus)
        common = {
            "naam": name,
            "programma": self.programme_name,
            "klasse": t(f"size_class_{self.size_class}", lang),
            "jaar": self.population_year,
            "lijst": ", ".join(names.get(c, c) for c in self.codes),
            "g4": t("comparable_g4_yes" if self.g4 else "comparable_g4_no", lang),
            "student": t("comparable_student_yes" if self.student_city else "comparable_student_no", lang),
        }
        prefix = "" if self.is_member else t("peers_not_member", lang, **common) + " "
        if not self.codes:
            return prefix + t("peers_none", lang, **common)
        return prefix + t(f"comparable_by_{self.basis}", lang, **common)


def programme_of(
    memberships: pd.DataFrame, code: str, programma: str | None, start: dt.date, end: dt.date
) -> tuple[str, bool]:
    """The programme to compare within, and whether ``code`` took part in it in the period.

    ``programma`` when given; otherwise the municipality's own programme in the period (Veilige
    Steden first; Veilige Steden when it took part in none).
    """
    if programma:
        return programma, code in members_in_period(memberships, programma, start, end)
    own = [
        prog
        for prog in sorted(memberships["programma"].unique())
        if code in members_in_period(memberships, prog, start, end)
    ]
    if DEFAULT_PROGRAMME in own or not own:
        return DEFAULT_PROGRAMME, bool(own)
    return own[0], True


def candidates(
    memberships: pd.DataFrame,
    channels: pd.DataFrame,
    population: pd.DataFrame,
    programme: str,
    start: dt.date,
    end: dt.date,
) -> tuple[str, ...]:
    """The participants of ``programme`` in [start, end] that had a reporting point open in it."""
    members = members_in_period(memberships, programme, start, end)
    open_days = exposure(channels, population, members, start, end)
    return tuple(open_days.loc[open_days["dagen"] > 0, "gemeentecode"])


def comparable_group(
    store: Store, *, gemeente: str, start: dt.date, end: dt.date, programma: str | None = None
) -> ComparableGroup:
    """The ``ComparableGroup`` of ``gemeente`` in [start, end]: what every surface compares it with.

    ``programma`` (the sidebar's programme) is the programme compared within; without it the
    municipality's own (``programme_of``). The population year is the period's
    (``publication.population_year``), as for its rates.
    """
    memberships, population = store.memberships(), store.population()
    programme, is_member = programme_of(memberships, gemeente, programma, start, end)
    pool = candidates(memberships, store.channels(), population, programme, start, end)
    year = population_year(population, end)
    chars = municipality_characteristics(population, year)
    codes, basis = comparable(chars, gemeente, pool)
    own = chars.set_index("gemeentecode").reindex([gemeente]).iloc[0]
    known = pd.notna(own["inwoners"])
    return ComparableGroup(
        focus=gemeente,
        codes=codes,
        basis=basis,
        programme=programme,
        programme_name=str(store.programmes().set_index("programma")["naam"].get(programme, programme)),
        is_member=is_member,
        population_year=int(own["jaar"]) if known else year,
        size_class=size_class(int(own["inwoners"])) if known else 0,
        g4=gemeente in reference.G4,
        student_city=gemeente in reference.STUDENT_CITIES,
    )
