"""Campaign effects from the store's tables: weekly series per municipality, and all estimates.

``vsdash.effect_estimator`` estimates one campaign on one weekly series. This module builds that series
from what the store holds (weekly counts, reporting channels, population per year, the campaign
register) and runs the estimator for every campaign x municipality, for the Campagnes page's
effect card and the ministry's forest plot. Pure pandas: DataFrames in, DataFrames out.

Which module to read: ``vsdash.effect_estimator`` is the statistics (no store, no privacy; also behind
``python -m vsdash effect`` on a user's own CSV files); this module is the bridge from the store
to it, and the place where an estimate becomes a published figure (its window count perturbed,
ADR 0006). What the card shows is assembled in ``vsdash.views.campaigns`` and, for the slides,
``vsdash.presentation``.

A week only counts as "zero reports" when a reporting channel was open that whole week. Weeks
before the first channel (or after the last one closed) have *no* reports, which is not the same
as zero reports ("geen meldpunt"); they are left out of the series, and so out of the fit.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from vsdash.calendar_nl import NATIONAL, holiday_region
from vsdash.effect_estimator import EffectEstimate, estimate_campaign_effect
from vsdash.metrics import NATIONAL_BREAKS
from vsdash.privacy import KEY_COL, KEY_MODULUS

SERIES_COLUMNS = ["week", "reports", "population"]
EFFECT_COLUMNS = [
    "campagne_id",
    "naam",
    "schaal",
    "gemeentecode",
    "start",
    "eind",
    "observed",
    "expected",
    "expected_low",
    "expected_high",
    "extra",
    "extra_low",
    "extra_high",
    "relative_change",
    "relative_low",
    "relative_high",
    "p_value",
    "warning_codes",
    "fout",
]


def _monday(day: dt.date | pd.Timestamp) -> pd.Timestamp:
    stamp = pd.Timestamp(day).normalize()
    return stamp - pd.Timedelta(days=stamp.dayofweek)


def open_weeks(channels: pd.DataFrame, code: str, data_start: dt.date, data_end: dt.date) -> pd.DatetimeIndex:
    """Mondays of the weeks in which ``code`` had a reporting channel open on all seven days.

    Only whole weeks inside [``data_start``, ``data_end``] count: a half week at either end (of
    the data or of a channel) would look like a drop in reports that is not there.
    """
    own = channels[channels["gemeentecode"] == code]
    first, last = _monday(data_start), _monday(data_end)
    if pd.Timestamp(data_start) > first:
        first += pd.Timedelta(days=7)
    if pd.Timestamp(data_end) < last + pd.Timedelta(days=6):
        last -= pd.Timedelta(days=7)
    if own.empty or last < first:
        return pd.DatetimeIndex([], name="week")
    mondays = pd.date_range(first, last, freq="7D")
    sundays = mondays + pd.Timedelta(days=6)
    covered = np.zeros(len(mondays), dtype=bool)
    for channel in own.itertuples():
        opened = pd.Timestamp(channel.start)
        closed = pd.Timestamp(channel.eind) if not pd.isna(channel.eind) else pd.Timestamp.max
        covered |= (mondays >= opened) & (sundays <= closed)
    return pd.DatetimeIndex(mondays[covered], name="week")


def population_by_week(population: pd.DataFrame, code: str, weeks: pd.DatetimeIndex) -> np.ndarray:
    """Inhabitants of ``code`` for each week: the population of that week's year (1 January).

    A year that is not loaded takes the nearest loaded year (as ``metrics.population_in_year``);
    NaN when the municipality has no population at all.
    """
    own = population[population["gemeentecode"] == code]
    if own.empty or len(weeks) == 0:
        return np.full(len(weeks), np.nan)
    years = own["jaar"].to_numpy()
    inhabitants = own["inwoners"].to_numpy(dtype=float)
    week_years = np.asarray(weeks.year)
    nearest = np.abs(week_years[:, None] - years[None, :]).argmin(axis=1)
    return inhabitants[nearest]


def weekly_report_series(
    counts: pd.DataFrame,
    channels: pd.DataFrame,
    population: pd.DataFrame,
    code: str,
    data_start: dt.date,
    data_end: dt.date,
) -> pd.DataFrame:
    """The weekly series of one municipality as ``effects.estimate_campaign_effect`` wants it.

    ``counts`` is ``store.count_reports(ReportFilter((code,), ...), "week")`` (columns
    ``periode, n``; a ``gemeentecode`` column, if present, is filtered on ``code``). Returns
    ``week, reports, population``: one row per whole week with an open channel (zeros filled in
    there), none for weeks without a channel ("geen meldpunt"), population of the week's year.
    When ``counts`` has cell keys (``ckey``, as every count from the store), the series keeps each
    week's key, so what the card publishes of the weeks can be perturbed (ADR 0006); the
    estimator never reads it.
    """
    rows = counts
    if "gemeentecode" in rows.columns:
        rows = rows[rows["gemeentecode"] == code]
    weeks = open_weeks(channels, code, data_start, data_end)
    keyed = KEY_COL in rows.columns
    per_week = rows.groupby(pd.to_datetime(rows["periode"]))[["n", KEY_COL] if keyed else ["n"]].sum()
    reports = per_week["n"].reindex(weeks, fill_value=0).to_numpy(dtype="int64")
    series = pd.DataFrame(
        {"week": weeks, "reports": reports, "population": population_by_week(population, code, weeks)},
        columns=SERIES_COLUMNS,
    )
    if keyed:
        # Keys add up like counts (modulo 256); a week without reports has key 0.
        series[KEY_COL] = per_week[KEY_COL].reindex(weeks, fill_value=0).to_numpy(dtype="int64") % KEY_MODULUS
    return series


@dataclass(frozen=True)
class CampaignContext:
    """What the estimator needs to know about one campaign in one municipality."""

    campagne_id: str
    gemeentecode: str
    naam: str
    schaal: str
    start: dt.date
    end: dt.date
    channel_launches: tuple[dt.date, ...]
    other_campaigns: tuple[tuple[dt.date, dt.date], ...]
    breaks: tuple[dt.date, ...] = ()
    region: str = NATIONAL


def campaign_context(
    campaigns: pd.DataFrame, channels: pd.DataFrame, campagne_id: str, code: str
) -> CampaignContext:
    """Dates, known breaks, holiday region and other campaigns for one campaign x municipality.

    Channel launches are the municipality's channel starts after its first channel (the first one
    starts the series, it is not a break inside it). Other known breaks are the day after each
    channel closed (the remaining channels then carry the series at a new level) and the national
    breaks in ``metrics.NATIONAL_BREAKS`` (the 1 July 2024 criminalisation of street harassment).
    ``region`` is the municipality's school-holiday region (``landelijk`` when unknown). Raises
    ``ValueError`` (Dutch) when the municipality did not take part in the campaign.
    """
    row = campaigns[(campaigns["campagne_id"] == campagne_id) & (campaigns["gemeentecode"] == code)]
    if row.empty:
        raise ValueError(f"Gemeente {code} deed niet mee aan campagne {campagne_id!r}.")
    camp = row.iloc[0]
    own_channels = channels[channels["gemeentecode"] == code]
    starts = sorted(set(pd.to_datetime(own_channels["start"]).dt.date))
    launches = set(starts[1:])
    closed = pd.to_datetime(own_channels["eind"]).dropna()
    breaks = {stamp.date() + dt.timedelta(days=1) for stamp in closed}
    breaks |= {stamp.date() for stamp in NATIONAL_BREAKS["datum"]}
    others = campaigns[(campaigns["gemeentecode"] == code) & (campaigns["campagne_id"] != campagne_id)]
    return CampaignContext(
        campagne_id=campagne_id,
        gemeentecode=code,
        naam=str(camp["naam"]),
        schaal=str(camp["schaal"]),
        start=pd.Timestamp(camp["start"]).date(),
        end=pd.Timestamp(camp["eind"]).date(),
        channel_launches=tuple(sorted(launches)),
        other_campaigns=tuple(
            (pd.Timestamp(o.start).date(), pd.Timestamp(o.eind).date()) for o in others.itertuples()
        ),
        breaks=tuple(sorted(breaks - launches)),
        region=holiday_region(code) or NATIONAL,
    )


def comparison_series(
    weekly_counts: pd.DataFrame,
    campaigns: pd.DataFrame,
    channels: pd.DataFrame,
    population: pd.DataFrame,
    context: CampaignContext,
    span: tuple[dt.date, dt.date],
    data_range: tuple[dt.date, dt.date],
    series_of: Callable[[str], pd.DataFrame] | None = None,
) -> pd.DataFrame:
    """Weekly series of comparison municipalities for one campaign: ``gemeente, week, reports, population``.

    A comparison municipality ran no campaign during the window, had a channel open in every
    week of ``span`` (the focal series from its first week to the window's end) and launched or
    closed no channel inside it, so its weekly total moves only with shocks shared across the
    country. ``weekly_counts`` has ``periode, gemeentecode, n``. ``series_of`` (code -> the frame
    :func:`weekly_report_series` returns) lets a caller that needs many series build each once.
    """
    lo, hi = pd.Timestamp(span[0]), pd.Timestamp(span[1])
    busy = campaigns[
        (pd.to_datetime(campaigns["start"]) <= pd.Timestamp(context.end))
        & (pd.to_datetime(campaigns["eind"]) >= pd.Timestamp(context.start))
    ]["gemeentecode"]
    needed = pd.date_range(_monday(lo), _monday(hi), freq="7D")
    # Municipalities whose channels launched or closed inside the span, all in one pass (the
    # forest plot asks this for every campaign; per municipality it was a third of its time).
    launched = pd.to_datetime(channels["start"])
    closed = pd.to_datetime(channels["eind"])
    moved = ((launched > lo) & (launched <= hi)) | ((closed >= lo) & (closed < hi))
    unsteady = set(channels.loc[moved, "gemeentecode"])
    frames = []
    for code in sorted(set(channels["gemeentecode"]) - set(busy) - {context.gemeentecode} - unsteady):
        if series_of is not None:
            series = series_of(code)
        else:
            series = weekly_report_series(weekly_counts, channels, population, code, *data_range)
        if not needed.isin(series["week"]).all():
            continue
        frames.append(series.assign(gemeente=code))
    if not frames:
        return pd.DataFrame(columns=["gemeente", *SERIES_COLUMNS])
    return pd.concat(frames, ignore_index=True)[["gemeente", *SERIES_COLUMNS]]


def estimate_one(
    weekly_counts: pd.DataFrame,
    campaigns: pd.DataFrame,
    channels: pd.DataFrame,
    population: pd.DataFrame,
    campagne_id: str,
    code: str,
    data_range: tuple[dt.date, dt.date],
    *,
    with_controls: bool = True,
    checks: bool = True,
    n_sim: int = 2000,
    series_of: Callable[[str], pd.DataFrame] | None = None,
) -> EffectEstimate:
    """Estimate the effect of one campaign in one municipality from the store's tables.

    ``weekly_counts`` has ``periode, gemeentecode, n`` (weekly counts over the whole data range,
    e.g. ``store.count_reports(ReportFilter(None, lo, hi), "week", by=("gemeentecode",))``).
    With ``with_controls`` (the recommended default) municipalities without a campaign in the
    window serve as comparison (see :func:`comparison_series`); where there are none the estimate
    uses the municipality's own history. The Dutch calendar of the municipality's holiday region,
    its channel launches and closures, the national breaks and its other campaigns are always
    modelled; ``checks`` runs the level-shift scan and the placebo runs. ``series_of`` is as in
    :func:`comparison_series`. Raises ``ValueError`` (Dutch) when no estimate is possible.

    When the weekly counts carry cell keys (every count from the store does), the estimate is a
    published figure: it is measured against the window's published count
    (``publication.published_window_count``), so observed, extra reports, the relative change
    and the p-value reveal nothing beyond that count (the placebo runs likewise against their
    windows' published counts), and its ``weekly`` frame keeps each week's
    key for ``publication.published_effect`` (which perturbs the weeks before anyone sees them).
    """
    context = campaign_context(campaigns, channels, campagne_id, code)
    if series_of is None:
        series_of = functools.partial(
            weekly_report_series,
            weekly_counts,
            channels,
            population,
            data_start=data_range[0],
            data_end=data_range[1],
        )
    series = series_of(code)
    if series.empty:
        raise ValueError(
            f"Gemeente {code} had in deze periode geen meldpunt; er is geen reeks om mee te rekenen."
        )
    controls = None
    if with_controls:
        span = (series["week"].iloc[0].date(), context.end)
        controls = comparison_series(
            weekly_counts, campaigns, channels, population, context, span, data_range, series_of
        )
        if controls.empty:
            controls = None
    keyed = KEY_COL in series.columns
    observed_total = placebo_observed = None
    if keyed:
        from vsdash.publication import published_window_count

        observed_total = published_window_count(series, context.start, context.end)
        # The placebo windows are measured against their published counts too (ADR 0006).
        placebo_observed = functools.partial(published_window_count, series)
    estimate = estimate_campaign_effect(
        series,
        context.start,
        context.end,
        controls,
        channel_launches=context.channel_launches,
        breaks=context.breaks,
        other_campaigns=context.other_campaigns,
        calendar=context.region,
        checks=checks,
        n_sim=n_sim,
        # The frames were built here, typed; validating them again would double the cost.
        validated=True,
        observed_total=observed_total,
        placebo_observed=placebo_observed,
    )
    if not keyed:
        return estimate
    keys = series.set_index("week")[KEY_COL]
    weekly = estimate.weekly.assign(**{KEY_COL: estimate.weekly["week"].map(keys).fillna(0).astype("int64")})
    return dataclasses.replace(estimate, weekly=weekly)


def estimate_all_campaigns(
    weekly_counts: pd.DataFrame,
    campaigns: pd.DataFrame,
    channels: pd.DataFrame,
    population: pd.DataFrame,
    data_range: tuple[dt.date, dt.date],
    *,
    codes: Sequence[str] | None = None,
    with_controls: bool = True,
    checks: bool = False,
    n_sim: int = 1000,
) -> pd.DataFrame:
    """Effect of every campaign in every municipality that took part (the ministry's overview).

    Each estimate uses the same settings as the effect card (:func:`estimate_one`): comparison
    municipalities when ``with_controls`` (the default, as on the card), the Dutch calendar, known
    breaks and the level-shift scan, so a campaign gets the same number in both places. The
    placebo runs (``checks``) are the card's: they add warnings, not a different estimate, and
    would triple the cost of the overview.

    Returns one row per campaign x municipality with the columns of ``EFFECT_COLUMNS``: window
    totals (observed, expected with its 95% predictive interval), extra reports and relative
    change with 95% intervals, the p-value, the estimator's warning keys, and ``fout`` (a Dutch
    reason, empty when the estimate succeeded; the numbers are NaN then). With keyed counts (from
    the store) ``observed`` and everything derived from it are the published figures of
    :func:`estimate_one`; ``publication.published_effects`` then leaves out the windows too small
    to show.
    """
    pairs = campaigns if codes is None else campaigns[campaigns["gemeentecode"].isin(list(codes))]

    @functools.cache
    def series_of(code: str) -> pd.DataFrame:
        return weekly_report_series(weekly_counts, channels, population, code, *data_range)

    rows = []
    for pair in pairs.itertuples():
        row = {
            "campagne_id": pair.campagne_id,
            "naam": pair.naam,
            "schaal": pair.schaal,
            "gemeentecode": pair.gemeentecode,
            "start": pd.Timestamp(pair.start).date(),
            "eind": pd.Timestamp(pair.eind).date(),
            "fout": "",
        }
        try:
            est = estimate_one(
                weekly_counts,
                campaigns,
                channels,
                population,
                pair.campagne_id,
                pair.gemeentecode,
                data_range,
                with_controls=with_controls,
                checks=checks,
                n_sim=n_sim,
                series_of=series_of,
            )
        except ValueError as exc:
            row["fout"] = str(exc)
            rows.append(row)
            continue
        row.update(
            observed=est.observed,
            expected=est.expected,
            expected_low=est.expected_low,
            expected_high=est.expected_high,
            extra=est.extra,
            extra_low=est.extra_low,
            extra_high=est.extra_high,
            relative_change=est.relative_change,
            relative_low=est.relative_low,
            relative_high=est.relative_high,
            p_value=est.p_value,
            warning_codes=tuple(d.code for d in est.diagnostics),
        )
        rows.append(row)
    frame = pd.DataFrame(rows, columns=EFFECT_COLUMNS)
    for col in EFFECT_COLUMNS[6:17]:
        frame[col] = pd.to_numeric(frame[col], errors="coerce").astype(float)
    frame["warning_codes"] = [w if isinstance(w, tuple) else () for w in frame["warning_codes"]]
    return frame
