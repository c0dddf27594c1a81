"""Pure aggregations: DataFrame in, DataFrame (or number) out. No I/O, no streamlit.

Rates always use the population of the year the count refers to (1 January of that year); when
that year is not loaded, the nearest loaded year is used and the caller is told which.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np
import pandas as pd

# scipy.special, not scipy.stats: the same quantiles without a second of imports on the first page.
from scipy import special


def population_in_year(population: pd.DataFrame, codes: Sequence[str] | None, year: int) -> tuple[int, int]:
    """Total population of ``codes`` (None = all) in ``year``; returns (inhabitants, year used).

    ``population`` has columns gemeentecode, jaar, inwoners. When ``year`` is not loaded the
    nearest available year is used.
    """
    if population.empty:
        return 0, year
    years = np.array(sorted(population["jaar"].unique()))
    used = int(years[np.argmin(np.abs(years - year))])
    rows = population[population["jaar"] == used]
    if codes is not None:
        rows = rows[rows["gemeentecode"].isin(list(codes))]
    return int(rows["inwoners"].sum()), used


def rate_per_10k(count: float, inhabitants: float) -> float:
    """Reports per 10,000 inhabitants (NaN when the population is unknown)."""
    return float("nan") if not inhabitants else 10_000 * count / inhabitants


def poisson_rate_interval(count: int, inhabitants: float, level: float = 0.95) -> tuple[float, float]:
    """Exact (Garwood) interval for a rate per 10,000 inhabitants from a Poisson count."""
    if not inhabitants:
        return float("nan"), float("nan")
    alpha = 1 - level
    # chi2.ppf(q, 2k) / 2 is gammaincinv(k, q): the same number, computed the same way by scipy.
    low = 0.0 if count == 0 else special.gammaincinv(count, alpha / 2)
    high = special.gammaincinv(count + 1, 1 - alpha / 2)
    return 10_000 * low / inhabitants, 10_000 * high / inhabitants


def shift_year(day: dt.date, years: int = -1) -> dt.date:
    """The same calendar day ``years`` away (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def relative_change(current: float, previous: float) -> float:
    """(current − previous) / previous, NaN when there is nothing to compare with."""
    return float("nan") if not previous else (current - previous) / previous


def campaigns_in_period(
    campaigns: pd.DataFrame, codes: Sequence[str] | None, start: dt.date, end: dt.date
) -> pd.DataFrame:
    """Campaigns overlapping [start, end] in which any of ``codes`` (None = any) took part.

    ``campaigns`` has one row per campaign and municipality; returns one row per campaign with
    the number of municipalities taking part in the selection.
    """
    if campaigns.empty:
        return campaigns.assign(gemeenten=pd.Series(dtype=int))
    rows = campaigns
    if codes is not None:
        rows = rows[rows["gemeentecode"].isin(list(codes))]
    s, e = pd.Timestamp(start), pd.Timestamp(end)
    rows = rows[(pd.to_datetime(rows["start"]) <= e) & (pd.to_datetime(rows["eind"]) >= s)]
    grouped = rows.groupby(["campagne_id", "naam", "schaal", "start", "eind"], as_index=False).agg(
        gemeenten=("gemeentecode", "nunique")
    )
    return grouped.sort_values("start").reset_index(drop=True)


def channel_breaks(
    channels: pd.DataFrame, codes: Sequence[str] | None, start: dt.date, end: dt.date
) -> pd.DataFrame:
    """Channel launches and endings inside [start, end]: known breaks in the report series."""
    if channels.empty:
        return pd.DataFrame(columns=["datum", "gemeentecode", "naam", "soort_breuk"])
    rows = channels if codes is None else channels[channels["gemeentecode"].isin(list(codes))]
    events = pd.concat(
        [
            rows.assign(datum=pd.to_datetime(rows["start"]), soort_breuk="start"),
            rows[rows["eind"].notna()].assign(datum=lambda d: pd.to_datetime(d["eind"]), soort_breuk="eind"),
        ]
    )
    s, e = pd.Timestamp(start), pd.Timestamp(end)
    events = events[(events["datum"] >= s) & (events["datum"] <= e)]
    return (
        events[["datum", "gemeentecode", "naam", "soort_breuk"]].sort_values("datum").reset_index(drop=True)
    )


#: Nation-wide breaks in every report series (facts): street harassment became an offence.
NATIONAL_BREAKS = pd.DataFrame(
    {
        "datum": [pd.Timestamp("2024-07-01")],
        "gemeentecode": [None],
        "naam": ["Wet seksuele misdrijven"],
        "soort_breuk": ["wet"],
    }
)


def known_breaks(
    channels: pd.DataFrame,
    codes: Sequence[str] | None,
    start: dt.date,
    end: dt.date,
    include_channels: bool = True,
) -> pd.DataFrame:
    """National breaks and (optionally) channel launches/endings inside [start, end]."""
    s, e = pd.Timestamp(start), pd.Timestamp(end)
    national = NATIONAL_BREAKS[(NATIONAL_BREAKS["datum"] >= s) & (NATIONAL_BREAKS["datum"] <= e)]
    if not include_channels:
        return national.reset_index(drop=True)
    parts = [frame for frame in (national, channel_breaks(channels, codes, start, end)) if not frame.empty]
    if not parts:
        return national.reset_index(drop=True)
    return pd.concat(parts).sort_values("datum").reset_index(drop=True)


def activities_by_category(
    activities: pd.DataFrame,
    codes: Sequence[str] | None,
    start: dt.date,
    end: dt.date,
    categories: Sequence[str],
) -> pd.DataFrame:
    """Number of activities per category that ran (at least partly) in [start, end]."""
    rows = activities if codes is None else activities[activities["gemeentecode"].isin(list(codes))]
    s, e = pd.Timestamp(start), pd.Timestamp(end)
    ends = pd.to_datetime(rows["eind"]).fillna(pd.Timestamp.max)
    rows = rows[(pd.to_datetime(rows["start"]) <= e) & (ends >= s)]
    counts = rows.groupby("categorie").size().reindex(list(categories), fill_value=0)
    return counts.rename_axis("categorie").reset_index(name="n")


def fill_periods(
    series: pd.DataFrame, start: dt.date, end: dt.date, grain: str, complete_only: bool = True
) -> pd.DataFrame:
    """Counts per period with zero rows for empty periods, so a trend line does not skip weeks.

    With ``complete_only`` (the default) periods that [start, end] only partly covers are left
    out: a half week at either end would otherwise look like a drop in reports.
    """
    freq = {"day": "D", "week": "W-MON", "month": "MS"}[grain]
    first = pd.Timestamp(start)
    if grain == "week":
        first -= pd.Timedelta(days=first.dayofweek)
    elif grain == "month":
        first = first.replace(day=1)
    index = pd.date_range(first, pd.Timestamp(end), freq=freq, name="periode")
    if complete_only and len(index):
        next_starts = index[1:].append(pd.DatetimeIndex([index[-1] + pd.tseries.frequencies.to_offset(freq)]))
        index = index[
            (index >= pd.Timestamp(start)) & (next_starts - pd.Timedelta(days=1) <= pd.Timestamp(end))
        ]
        index.name = "periode"
    if "ckey" in series.columns:
        # Cell keys add up with the counts (ADR 0006); an empty period has key 0.
        summed = series.groupby("periode")[["n", "ckey"]].sum()
        filled = summed.reindex(index, fill_value=0).astype("int64")
        filled["ckey"] %= 256
        return filled.reset_index()
    counts = series.groupby("periode")["n"].sum() if not series.empty else pd.Series(dtype="int64")
    return counts.reindex(index, fill_value=0).astype("int64").reset_index(name="n")


def counts_by_channel_kind(counts: pd.DataFrame, channels: pd.DataFrame) -> pd.DataFrame:
    """Sum counts per period by kind of channel (``soort``: web meldpunt, app, ...).

    ``counts`` has periode, kanaal_id, n and optionally ckey; returns periode, soort, n (unknown
    channels: ``overig``) and, when given, ckey summed like n: the channels of one kind together
    are a cell of their own, and without its key privacy could not perturb it (ADR 0006, item 2).
    """
    kinds = channels.set_index("kanaal_id")["soort"]
    rows = counts.assign(soort=counts["kanaal_id"].map(kinds).fillna("overig"))
    summed = ["n", "ckey"] if "ckey" in rows.columns else ["n"]
    return rows.groupby(["periode", "soort"], as_index=False)[summed].sum()


def rates_per_period(
    series: pd.DataFrame, population: pd.DataFrame, codes: Sequence[str] | None
) -> pd.DataFrame:
    """Add ``inwoners``, ``jaar`` (population year used) and ``rate`` (per 10,000) to a period series.

    Each period uses the population of its own year (nearest loaded year when missing), summed over
    ``codes`` (None = all municipalities in ``population``).
    """
    out = series.copy()
    years = pd.to_datetime(out["periode"]).dt.year
    lookup = {int(y): population_in_year(population, codes, int(y)) for y in years.unique()}
    out["inwoners"] = [lookup[int(y)][0] for y in years]
    out["jaar"] = [lookup[int(y)][1] for y in years]
    out["rate"] = [
        rate_per_10k(float(n), p) if not pd.isna(n) else np.nan
        for n, p in zip(out["n"], out["inwoners"], strict=True)
    ]
    return out


def activities_in_period(
    activities: pd.DataFrame, codes: Sequence[str] | None, start: dt.date, end: dt.date
) -> pd.DataFrame:
    """Activities of ``codes`` (None = all) that start in [start, end] (markers on a trend)."""
    rows = activities if codes is None else activities[activities["gemeentecode"].isin(list(codes))]
    starts = pd.to_datetime(rows["start"])
    return rows[(starts >= pd.Timestamp(start)) & (starts <= pd.Timestamp(end))].reset_index(drop=True)


def readable_grain(weekly: pd.DataFrame, k: int) -> str:
    """``week`` when weekly counts are mostly visible (median at least 2k), else ``month``.

    Weekly counts of a small city are mostly below k and would be suppressed; months then tell
    the story without holes. An empty series has no weekly detail to show: ``month``.
    """
    return "week" if not weekly.empty and weekly["n"].median() >= 2 * k else "month"


def codes_with_channel(
    channels: pd.DataFrame, codes: Sequence[str] | None, start: dt.date, end: dt.date
) -> tuple[str, ...]:
    """Municipalities of ``codes`` (None = all) with a reporting channel open at some time in [start, end].

    These are the municipalities whose inhabitants could report: the denominator of a rate.
    """
    rows = channels if codes is None else channels[channels["gemeentecode"].isin(list(codes))]
    ends = pd.to_datetime(rows["eind"]).fillna(pd.Timestamp.max)
    rows = rows[(pd.to_datetime(rows["start"]) <= pd.Timestamp(end)) & (ends >= pd.Timestamp(start))]
    return tuple(sorted(set(rows["gemeentecode"])))


def whole_weeks(start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    """The days the weekly map tables count for the period [start, end]: (first day, last day).

    Hexagon and risk-area counts are stored per ISO week (Monday) and a period takes the weeks
    whose Monday falls in it: from the first Monday on or after ``start`` to the Sunday of the
    week that holds ``end``. Pages say so under the map, so its total can be read against the
    trend's.
    """
    first = start + dt.timedelta(days=(7 - start.weekday()) % 7)
    last = end + dt.timedelta(days=6 - end.weekday())
    return first, last


def trend_and_last_year(
    series: pd.DataFrame,
    previous: pd.DataFrame,
    start: dt.date,
    end: dt.date,
    grain: str,
    *,
    lang: str = "nl",
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The trend of [start, end] and the same period a year earlier, drawn on this year's axis.

    ``series`` and ``previous`` are report counts per period (periode, n) of the two periods.
    Both come back with every period filled and small counts suppressed (``n`` float, NaN when
    hidden; ``label``), ready for ``charts.report_trend_chart``. Each period's total is not
    published beside a trend, so primary suppression only (ADR 0002).
    """
    from vsdash import privacy

    now = fill_periods(series, start, end, grain)
    now = privacy.suppress_small_counts(now, "n", total_shown=False, lang=lang)
    before = fill_periods(previous, shift_year(start), shift_year(end), grain)
    before["periode"] = before["periode"] + pd.DateOffset(years=1)
    before = privacy.suppress_small_counts(before, "n", total_shown=False, lang=lang)
    return now.astype({"n": "float"}), before.astype({"n": "float"})
