"""Survey figures beside report counts: prevalence and the willingness to report (issue 19).

A population survey in the style of the CBS Veiligheidsmonitor (every two years, people aged 15
and over, reliable for municipalities of 70.000+ inhabitants) gives the share of people who
experienced street harassment in the last 12 months, with a 95% margin. Reports divided by the
estimated number of people who experienced it is the *reporting ratio*: more reports at an equal
surveyed prevalence means that more people report.

Pure functions, DataFrames and numbers in and out; ``vsdash.publication`` applies them to the
published (perturbed) counts, so privacy is decided there, once.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

# scipy.special, not scipy.stats: the same quantiles without a second of imports on the first page.
from scipy import special

#: The shares a survey row carries (column prefix in ``survey_indicators``), in display order.
SHARES = ("straatintimidatie", "onveilig_buurt", "onveilig_avond")
DAYS_PER_YEAR = 365.25
#: The base a survey row refers to when its file does not say (the Veiligheidsmonitor's 15+).
DEFAULT_BASE_TEXT = "inwoners 15 jaar en ouder"


def rounds_used(survey: pd.DataFrame, codes: Sequence[str], end: dt.date) -> pd.DataFrame:
    """Per municipality the survey round used for a period ending on ``end``.

    The rule: the most recent round whose year is at or before ``end.year`` (a round describes
    the 12 months before its fieldwork, so a later round says nothing about an earlier period).
    Returns the ``survey_indicators`` rows of the codes that have such a round (one per code).
    """
    if survey.empty:
        return survey.iloc[0:0]
    found = survey[survey["gemeentecode"].isin(list(codes)) & (survey["jaar"].astype(int) <= end.year)]
    return found.sort_values("jaar").groupby("gemeentecode", as_index=False).tail(1).reset_index(drop=True)


@dataclass(frozen=True)
class PooledShare:
    """A share over one or more municipalities, weighted by their base, with its 95% margin."""

    percent: float
    margin: float  # half-width of the 95% interval, percentage points
    base: int  # people the share refers to, summed


def pooled_share(rows: pd.DataFrame, share: str = "straatintimidatie") -> PooledShare | None:
    """The base-weighted share over ``rows`` (survey rows) with the margin of independent samples.

    Each municipality's standard error is its margin / 1.96; the pooled standard error is
    sqrt(sum((base_i × se_i)^2)) / sum(base_i). None when no row has the share.
    """
    rows = rows[rows[f"{share}_pct"].notna()]
    if rows.empty:
        return None
    z = special.ndtri(0.975)
    base = rows["basis_aantal"].astype(float)
    total = float(base.sum())
    percent = float((rows[f"{share}_pct"].astype(float) * base).sum() / total)
    se = math.sqrt(float(((rows[f"{share}_marge"].astype(float) / z * base) ** 2).sum())) / total
    return PooledShare(percent, z * se, int(total))


def reporting_ratio(
    reports: int, experienced: float, experienced_se: float, level: float = 0.95
) -> tuple[float, float, float]:
    """Reports per person who experienced street harassment, with an interval carrying both errors.

    ``experienced`` is the estimated number of people who experienced it over the same time as the
    reports (prevalence × base × years), ``experienced_se`` its standard error from the survey
    margin. The interval combines the exact (Garwood) Poisson interval of the count with the
    survey's normal interval of the denominator on the log scale (MOVER, Donner & Zou 2012). The
    upper bound is infinite when the survey interval reaches zero. Raises ``ValueError`` when
    ``experienced`` is not positive.
    """
    if not experienced > 0:
        raise ValueError(f"experienced must be positive, got {experienced!r}")
    alpha = 1 - level
    z = special.ndtri(1 - alpha / 2)
    # chi2.ppf(q, 2k) / 2 is gammaincinv(k, q), the Garwood bounds of vsdash.metrics.
    count_low = 0.0 if reports == 0 else special.gammaincinv(reports, alpha / 2)
    count_high = special.gammaincinv(reports + 1, 1 - alpha / 2)
    den_low = experienced - z * experienced_se
    den_high = experienced + z * experienced_se
    ratio = reports / experienced
    if reports == 0:
        high = count_high / den_low if den_low > 0 else math.inf
        return 0.0, 0.0, high
    low = ratio * math.exp(-math.hypot(math.log(reports / count_low), math.log(den_high / experienced)))
    high = (
        ratio * math.exp(math.hypot(math.log(count_high / reports), math.log(experienced / den_low)))
        if den_low > 0
        else math.inf
    )
    return ratio, low, high


@dataclass(frozen=True)
class MemberRatio:
    """One municipality's survey round and reporting ratio over its counted days."""

    year: int
    percent: float
    margin: float
    base: int
    experienced: float  # people who experienced street harassment over the counted days
    experienced_se: float


def member_ratio(row: pd.Series, days: int) -> MemberRatio:
    """Expected people who experienced street harassment over ``days`` days, from a survey row."""
    z = special.ndtri(0.975)
    years = days / DAYS_PER_YEAR
    base = int(row["basis_aantal"])
    share = float(row["straatintimidatie_pct"]) / 100
    se = float(row["straatintimidatie_marge"]) / 100 / z
    return MemberRatio(
        year=int(row["jaar"]),
        percent=float(row["straatintimidatie_pct"]),
        margin=float(row["straatintimidatie_marge"]),
        base=base,
        experienced=share * base * years,
        experienced_se=se * base * years,
    )
