"""Comparing municipalities: rates with exact intervals and peer groups.

Pure functions, DataFrame in and DataFrame out. A rate is only meaningful for the days on which a
municipality had a reporting channel: before its meldpunt opened there were no reports, which is
not the same as zero reports. Rates are therefore computed over *open days* only and expressed per
10,000 inhabitants **per year**, using the population of the period's population year
(``vsdash.publication.exposure``, the catalogue's one definition), so a city whose channel opened halfway the period is compared
fairly with one that had a channel all along.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np
import pandas as pd

from vsdash import metrics, privacy

RANKED = "gerangschikt"
HIDDEN = "afgeschermd"
# A published count below k is 0 (ADR 0006: 1-4 reports are published as 0 or 5, and 5 or 6 now and
# then as 0): it does not say "no reports", so it is listed apart instead of ranked last.
TOO_FEW = "te_weinig"
NO_CHANNEL = "geen_meldpunt"

PEER_CHOICES = ("G4", "vs_sinds_2020", "vs_sinds_2022", "studentenstad", "vergelijkbaar", "alle")


def open_days(channels: pd.DataFrame, codes: Sequence[str], start: dt.date, end: dt.date) -> pd.DataFrame:
    """Days in [start, end] on which each municipality had at least one reporting channel open.

    Returns one row per (gemeentecode, dag) with a column ``dag`` (Timestamp). Municipalities
    without any open day have no rows.
    """
    s, e = pd.Timestamp(start), pd.Timestamp(end)
    rows = channels[channels["gemeentecode"].isin(list(codes))]
    pieces = []
    for chan in rows.itertuples():
        first = max(pd.Timestamp(chan.start), s)
        last = min(pd.Timestamp(chan.eind), e) if pd.notna(chan.eind) else e
        if first <= last:
            pieces.append(
                pd.DataFrame({"gemeentecode": chan.gemeentecode, "dag": pd.date_range(first, last, freq="D")})
            )
    if not pieces:
        return pd.DataFrame(
            {"gemeentecode": pd.Series(dtype=object), "dag": pd.Series(dtype="datetime64[ns]")}
        )
    # Two channels open on the same day (web form and app) are one day of coverage.
    return pd.concat(pieces).drop_duplicates().reset_index(drop=True)


def municipality_rates(
    counts: pd.DataFrame,
    population: pd.DataFrame,
    channels: pd.DataFrame,
    codes: Sequence[str],
    start: dt.date,
    end: dt.date,
    level: float = 0.95,
) -> pd.DataFrame:
    """Reports per 10,000 inhabitants per year for each of ``codes``, with an exact Poisson interval.

    ``counts`` holds gemeentecode and n (any number of rows per municipality, e.g. per month).
    Returns one row per code: gemeentecode, n, dagen (open days), inwoners (on 1 January of the
    population year, ``publication.population_year``), jaar, persoonjaren, rate, low, high and meldpunt (False when no channel was open on any day: then
    rate, low and high are NaN, never 0).
    """
    from vsdash.publication import exposure

    codes = list(dict.fromkeys(codes))
    totals = counts.groupby("gemeentecode")["n"].sum() if not counts.empty else pd.Series(dtype="int64")
    # One denominator for every surface (vsdash.indicators, rate_per_10k_per_year).
    out = exposure(channels, population, codes, start, end)
    out.insert(1, "n", [int(totals.get(code, 0)) for code in codes])
    out["meldpunt"] = out["dagen"] > 0
    rate, low, high = [], [], []
    for row in out.itertuples():
        if not row.meldpunt or not row.persoonjaren:
            rate.append(np.nan), low.append(np.nan), high.append(np.nan)
            continue
        rate.append(metrics.rate_per_10k(row.n, row.persoonjaren))
        lo, hi = metrics.poisson_rate_interval(row.n, row.persoonjaren, level)
        low.append(lo), high.append(hi)
    return out.assign(rate=rate, low=low, high=high)


def ranked_rates(rates: pd.DataFrame, *, k: int | None = None, lang: str = "nl") -> pd.DataFrame:
    """The ranking table: suppressed counts, no rate where the count is hidden, no rank without a channel.

    ``rates`` comes from ``municipality_rates`` or ``publication.member_figures``. Suppression runs
    over the municipalities with a channel (their total is published elsewhere, so complementary
    suppression applies). A count shown but below k (a published 0: none, or a few reports
    perturbed to 0, ADR 0006) gets no rank: its rate of 0 and interval would rank it last with a
    precision the count does not have, so it is "te weinig", listed after the ranked rows. Its
    rate stays the published one (the key figures' own); the ranking's surfaces show no bar, dot,
    colour or interval for it (``charts_compare``, ``peers``). Returns the
    rows sorted: ranked (highest rate first), then too few, then hidden ("<5" or "x"), then "geen
    meldpunt"; with columns ``rang`` (Int64, NA when not ranked), ``status`` (gerangschikt /
    te_weinig / afgeschermd / geen_meldpunt), ``label`` (count as shown) and ``suppression``.
    """
    with_channel = rates[rates["meldpunt"]]
    shown = privacy.suppress_rates(
        with_channel, "n", ("rate", "low", "high"), k=k, total_shown=True, lang=lang
    )
    too_few = shown["n"].notna() & (shown["n"].astype("Float64") < privacy.resolve_k(k)).fillna(False)
    too_few = too_few.to_numpy(dtype=bool)
    without = rates[~rates["meldpunt"]].assign(
        n=pd.array([pd.NA] * int((~rates["meldpunt"]).sum()), dtype="Int64"),
        label="",
        suppression="",
    )
    shown["status"] = np.where(shown["n"].isna(), HIDDEN, np.where(too_few, TOO_FEW, RANKED))
    without = without.assign(status=NO_CHANNEL)
    ordered = pd.concat(
        [
            shown[shown["status"] == RANKED].sort_values("rate", ascending=False),
            shown[shown["status"] == TOO_FEW],
            shown[shown["status"] == HIDDEN],
            without,
        ],
        ignore_index=True,
    )
    ordered["n"] = ordered["n"].astype("Int64")
    ranked = ordered["status"] == RANKED
    ordered["rang"] = pd.array(np.where(ranked, np.cumsum(ranked), 0), dtype="Int64")
    ordered.loc[~ranked, "rang"] = pd.NA
    return ordered


def monthly_rates(
    counts: pd.DataFrame,
    population: pd.DataFrame,
    channels: pd.DataFrame,
    codes: Sequence[str],
    start: dt.date,
    end: dt.date,
) -> pd.DataFrame:
    """Reports per 10,000 inhabitants per year, month by month, NaN in months without a channel.

    ``counts`` holds periode (first day of the month), gemeentecode and n, and ``ckey`` when the
    counts come from the store: each month is then a cell with its key, for ``privacy`` to perturb
    like every other published count (ADR 0006). Pass whole months (``whole_months``): a part of a
    month would be a cell that changes with every start date, which is what differencing and
    averaging attacks feed on. Each month uses the key figure's definition
    (``rate_per_10k_per_year``) over its open days, so a launch halfway a month does not look like
    a dip and the line sits on the ranking's scale. Returns gemeentecode, periode, n (and ckey),
    open_dagen, persoonjaren (inhabitant-years with a channel), rate and meldpunt.
    """
    codes = list(dict.fromkeys(codes))
    keyed = privacy.KEY_COL in counts.columns
    values = ["n", privacy.KEY_COL] if keyed else ["n"]
    months = metrics.fill_periods(pd.DataFrame(columns=["periode", "n"]), start, end, "month")["periode"]
    grid = pd.MultiIndex.from_product([codes, months], names=["gemeentecode", "periode"]).to_frame(
        index=False
    )
    if not counts.empty:
        found = counts.groupby(["gemeentecode", "periode"], as_index=False)[values].sum()
        grid = grid.merge(found, on=["gemeentecode", "periode"], how="left")
    else:
        for col in values:
            grid[col] = 0
    for col in values:
        grid[col] = grid[col].fillna(0).astype("int64")
    if keyed:
        grid[privacy.KEY_COL] %= privacy.KEY_MODULUS  # keys add up like counts, modulo 256
    days = open_days(channels, codes, start, end)
    days["periode"] = days["dag"].dt.to_period("M").dt.to_timestamp()
    opened = days.groupby(["gemeentecode", "periode"]).size().rename("open_dagen").reset_index()
    grid = grid.merge(opened, on=["gemeentecode", "periode"], how="left")
    grid["open_dagen"] = grid["open_dagen"].fillna(0).astype("int64")
    grid["meldpunt"] = grid["open_dagen"] > 0
    # The catalogue's rate_per_10k_per_year, per month: one population year, open days only.
    from vsdash.publication import DAYS_PER_YEAR, population_year

    year = population_year(population, end)
    pop = population[population["jaar"] == year].set_index("gemeentecode")["inwoners"]
    inhabitants = grid["gemeentecode"].map(pop).fillna(0).to_numpy(dtype=float)
    grid["persoonjaren"] = inhabitants * grid["open_dagen"] / DAYS_PER_YEAR
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = 10_000 * grid["n"] / grid["persoonjaren"]
    grid["rate"] = rate.where(grid["meldpunt"] & (inhabitants > 0))
    return grid


def whole_months(start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    """The first day of ``start``'s month and the last day of ``end``'s: the months a monthly chart counts."""
    first = start.replace(day=1)
    following = (end.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return first, following - dt.timedelta(days=1)


def group_monthly_rates(published: pd.DataFrame) -> pd.DataFrame:
    """The group's rate per month, from its members' *published* months (``monthly_rates`` after privacy).

    A group's month is the sum of its members' published counts over their summed inhabitant-years
    with a channel, as the group's key figures are sums of its members' (``publication``), so the
    group line tells nothing the members' lines do not. Returns periode, n, persoonjaren, rate
    (NaN in a month in which no member had a channel) and label.
    """
    open_rows = published[published["meldpunt"]].assign(n=lambda d: d["n"].astype("float"))
    months = pd.DataFrame({"periode": sorted(published["periode"].unique())})
    summed = open_rows.groupby("periode", as_index=False)[["n", "persoonjaren"]].sum()
    out = months.merge(summed, on="periode", how="left")
    with np.errstate(divide="ignore", invalid="ignore"):
        out["rate"] = (10_000 * out["n"] / out["persoonjaren"]).where(out["persoonjaren"] > 0)
    return out


def peer_group_codes(
    choice: str,
    peer_groups: pd.DataFrame,
    universe: Sequence[str],
    comparable: Sequence[str] = (),
    focus: str | None = None,
) -> list[str]:
    """The municipalities to compare for a selector ``choice`` (one of ``PEER_CHOICES``).

    ``universe`` is the set for "alle"; ``comparable`` the codes of
    ``characteristics.comparable_group`` for "vergelijkbaar". The ``focus`` municipality is always included, so a city can be compared
    with a group it does not belong to.
    """
    if choice not in PEER_CHOICES:
        raise ValueError(f"peer group must be one of {PEER_CHOICES}, got {choice!r}")
    if choice == "alle":
        members = list(universe)
    elif choice == "vergelijkbaar":
        members = list(comparable)
    else:
        members = list(peer_groups.loc[peer_groups["groep"] == choice, "gemeentecode"])
    if focus and focus not in members:
        members = [focus, *members]
    return list(dict.fromkeys(members))


def activities_per_municipality(activities: pd.DataFrame, start: dt.date, end: dt.date) -> pd.DataFrame:
    """Number of activities per municipality that ran (at least partly) in [start, end]."""
    s, e = pd.Timestamp(start), pd.Timestamp(end)
    ends = pd.to_datetime(activities["eind"]).fillna(pd.Timestamp.max)
    rows = activities[(pd.to_datetime(activities["start"]) <= e) & (ends >= s)]
    return rows.groupby("gemeentecode").size().rename("n").reset_index()


def membership_spans(memberships: pd.DataFrame, until: dt.date) -> pd.DataFrame:
    """Programme memberships as date spans for a timeline: 1 January of the first year to 31
    December of the last (or ``until`` when still running).

    Returns programma, programma_naam, gemeentecode, jaar_start, jaar_eind, van, tot, loopt.
    """
    spans = memberships.copy()
    spans["van"] = pd.to_datetime(spans["jaar_start"].astype(int).astype(str) + "-01-01")
    ended = spans["jaar_eind"].notna()
    spans["tot"] = pd.Timestamp(until)
    spans.loc[ended, "tot"] = pd.to_datetime(spans.loc[ended, "jaar_eind"].astype(int).astype(str) + "-12-31")
    spans["loopt"] = ~ended
    return spans[
        ["programma", "programma_naam", "gemeentecode", "jaar_start", "jaar_eind", "van", "tot", "loopt"]
    ].reset_index(drop=True)


def membership_changes(memberships: pd.DataFrame, programme: str = "veilige_steden") -> pd.DataFrame:
    """Who joined a programme after its first year, and who left: gemeentecode, jaar, soort.

    ``soort`` is "ingestroomd" (joined later than the first cohort) or "gestopt" (has an end year).
    """
    rows = memberships[memberships["programma"] == programme]
    if rows.empty:
        return pd.DataFrame(columns=["gemeentecode", "jaar", "soort"])
    first_cohort = int(rows["jaar_start"].min())
    joined = rows[rows["jaar_start"] > first_cohort].assign(
        jaar=lambda d: d["jaar_start"], soort="ingestroomd"
    )
    left = rows[rows["jaar_eind"].notna()].assign(jaar=lambda d: d["jaar_eind"], soort="gestopt")
    changes = pd.concat([joined, left])[["gemeentecode", "jaar", "soort"]]
    changes["jaar"] = changes["jaar"].astype(int)
    return changes.sort_values(["jaar", "soort", "gemeentecode"]).reset_index(drop=True)


def group_rate(rates: pd.DataFrame) -> float:
    """Reports per 10,000 inhabitants per year of the whole group (municipalities with a channel).

    Pooled over the group, not averaged over rates, so a small city does not weigh as much as a
    large one. NaN when no municipality in the group had a channel.
    """
    open_rows = rates[rates["meldpunt"]]
    exposure = float(open_rows["persoonjaren"].sum())
    return metrics.rate_per_10k(float(open_rows["n"].sum()), exposure) if exposure else float("nan")


def campaign_rows_in_period(campaigns: pd.DataFrame, start: dt.date, end: dt.date) -> pd.DataFrame:
    """Rows of ``campaigns`` (one per campaign and municipality) whose campaign overlaps [start, end]."""
    s, e = pd.Timestamp(start), pd.Timestamp(end)
    overlaps = (pd.to_datetime(campaigns["start"]) <= e) & (pd.to_datetime(campaigns["eind"]) >= s)
    return campaigns[overlaps].reset_index(drop=True)
