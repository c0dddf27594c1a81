"""Simulated weekly report series with a known campaign lift, for testing the effect estimator.

Counts are negative binomial (NB2: Var = mu + alpha * mu^2) around a mean with a linear trend and
yearly seasonality; the campaign multiplies the mean in its window by ``1 + lift``. Nothing here
resembles real reports; it exists so tests can compare an estimate with the truth.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

FIRST_WEEK = dt.date(2013, 1, 7)  # a Monday; six years of data end before the Covid period


@dataclass(frozen=True)
class SimulatedCampaign:
    series: pd.DataFrame
    start: dt.date
    end: dt.date
    lift: float
    controls: pd.DataFrame | None = None


def _nb(rng: np.random.Generator, mu: np.ndarray, alpha: float) -> np.ndarray:
    shape = 1 / alpha
    return rng.poisson(mu * rng.gamma(shape, 1 / shape, size=mu.shape))


def simulate_campaign(
    seed: int,
    *,
    lift: float = 0.0,
    base: float = 30.0,
    alpha: float = 0.05,
    n_weeks: int = 312,
    window_weeks: int = 6,
    trend_per_year: float = 0.05,
    season_amplitude: float = 0.25,
    common_shock: float = 0.0,
    n_controls: int = 0,
    control_base: float = 40.0,
) -> SimulatedCampaign:
    """Simulate ``n_weeks`` weeks whose last ``window_weeks`` are the campaign window.

    ``common_shock`` multiplies the mean of treated and control municipalities alike in the window
    (national news, say); only ``lift`` is the campaign's own effect.
    """
    rng = np.random.default_rng(seed)
    weeks = pd.date_range(FIRST_WEEK, periods=n_weeks, freq="7D")
    years = np.arange(n_weeks) / 52.18
    angle = 2 * np.pi * (weeks.dayofyear.to_numpy() - 1) / 365.25
    phase = rng.uniform(0, 2 * np.pi)
    season = season_amplitude * np.sin(angle + phase) + 0.1 * np.cos(2 * angle)
    common = np.zeros(n_weeks)
    common[-window_weeks:] = np.log1p(common_shock)
    mu = base * np.exp(trend_per_year * (years - years[-1]) + season + common)
    effect = np.ones(n_weeks)
    effect[-window_weeks:] = 1 + lift
    series = pd.DataFrame({"week": weeks, "reports": _nb(rng, mu * effect, alpha)})
    controls = None
    if n_controls:
        frames = []
        for k in range(n_controls):
            control_mu = control_base * np.exp(0.02 * (years - years[-1]) + season + common)
            frames.append(
                pd.DataFrame(
                    {"gemeente": f"GM{9000 + k:04d}", "week": weeks, "reports": _nb(rng, control_mu, alpha)}
                )
            )
        controls = pd.concat(frames, ignore_index=True)
    start = weeks[-window_weeks].date()
    end = weeks[-1].date() + dt.timedelta(days=6)
    return SimulatedCampaign(series=series, start=start, end=end, lift=lift, controls=controls)


@dataclass(frozen=True)
class SimulatedDutchCampaign:
    """A simulated campaign in a series shaped like Dutch meldpunt data, with its true expectation.

    ``true_expected`` is the sum of the no-campaign mean over the window; ``true_extra`` the
    reports the campaign added in expectation (``true_expected`` x the average lift).
    """

    series: pd.DataFrame
    start: dt.date
    end: dt.date
    true_expected: float
    true_extra: float
    region: str
    controls: pd.DataFrame | None = None
    launch: dt.date | None = None
    bend: dt.date | None = None  # the Monday from which the trend steepens (``trend_change``)
    # The true mean of each window week with the campaign, and the dispersion the counts were
    # drawn with: what an estimator that knew everything would predict from (``oracle_covers``).
    window_mean: np.ndarray | None = None
    alpha: float = 0.05

    def oracle_covers(self, rng: np.random.Generator, n_draws: int = 4000) -> bool:
        """Whether the observed window total lies in the central 95% of its own true distribution.

        An interval of the estimator's form (observed minus a range of totals) can cover the true
        extra reports only as often as this, even with the true model: over a few hundred seeds
        this share itself wanders between about 93% and 96%, so a study's coverage is judged
        next to the oracle's on the same seeds.
        """
        mean = self.window_mean[:, None]
        shape = 1 / self.alpha
        draws = rng.poisson(mean * rng.gamma(shape, 1 / shape, size=(len(self.window_mean), n_draws)))
        low, high = np.quantile(draws.sum(axis=0), [0.025, 0.975])
        observed = self.series["reports"].to_numpy()[-len(self.window_mean) :].sum()
        return bool(low <= observed <= high)


def simulate_dutch_campaign(
    seed: int,
    *,
    start: dt.date,
    window_weeks: int = 6,
    lift: float = 0.0,
    decay_weeks: float | None = None,
    base: float = 30.0,
    alpha: float = 0.05,
    years_before: float = 5.0,
    region: str = "zuid",
    summer_dip: float = -0.35,
    christmas_dip: float = -0.45,
    public_holiday: float = 0.10,
    launch_weeks_before: int | None = None,
    launch_level: float = 0.4,
    trend_per_year: float = 0.05,
    trend_change: float = 0.0,
    n_controls: int = 0,
    control_sizes: tuple[float, ...] | None = None,
    spike_weeks: tuple[int, ...] = (),
    spike: float = 0.0,
) -> SimulatedDutchCampaign:
    """Simulate weekly reports with the Dutch calendar, an optional channel launch and controls.

    The mean has a trend, one smooth seasonal wave, the school-holiday dips of ``region`` (summer)
    and Christmas, a rise in weeks with a public holiday, and optionally a level jump of
    ``launch_level`` from ``launch_weeks_before`` weeks before the campaign (a new reporting app) and
    a trend that steepens by ``trend_change`` a year over the last year before the campaign. The
    campaign multiplies the mean by ``1 + lift`` (decaying as exp(-t / decay_weeks) when given).
    Controls (in the same holiday region) share the season, calendar and the national ``spike`` in ``spike_weeks`` (indices
    into the window) but not the campaign, the launch or the trend change; ``control_sizes``
    scales each control's level (e.g. one ten times larger).
    """
    from vsdash.calendar_nl import weekly_calendar

    rng = np.random.default_rng(seed)
    first = pd.Timestamp(start) - pd.Timedelta(days=pd.Timestamp(start).dayofweek)
    n_pre = int(round(years_before * 52))
    weeks = pd.date_range(first - pd.Timedelta(weeks=n_pre), periods=n_pre + window_weeks, freq="7D")
    n = len(weeks)
    years = (np.arange(n) - n_pre) / 52.18
    angle = 2 * np.pi * (weeks.dayofyear.to_numpy() - 1) / 365.25
    season = 0.15 * np.sin(angle + rng.uniform(0, 2 * np.pi))

    def calendar_effect(cal: pd.DataFrame) -> np.ndarray:
        return (
            np.log1p(summer_dip) * cal["zomervakantie"].to_numpy()
            + np.log1p(christmas_dip) * cal["kerstvakantie"].to_numpy()
            + np.log1p(public_holiday) * cal["feestdag"].to_numpy()
        )

    own_calendar = calendar_effect(weekly_calendar(weeks, region))
    common = np.zeros(n)
    for k in spike_weeks:
        common[n_pre + k] = np.log1p(spike)
    log_mu = np.log(base) + trend_per_year * years + season + own_calendar + common
    log_mu += trend_change * np.clip(years + 1, 0, None)
    launch = None
    if launch_weeks_before is not None:
        launch_at = n_pre - launch_weeks_before
        log_mu[launch_at:] += np.log1p(launch_level)
        launch = weeks[launch_at].date()
    mu = np.exp(log_mu)
    effect = np.ones(n)
    t = np.arange(window_weeks)
    effect[n_pre:] = 1 + lift * (np.exp(-t / decay_weeks) if decay_weeks else 1.0)
    series = pd.DataFrame({"week": weeks, "reports": _nb(rng, mu * effect, alpha)})
    controls = None
    sizes = control_sizes or (1.0,) * n_controls
    if sizes and n_controls:
        frames = []
        for k, size in enumerate(sizes):
            control_mu = 40.0 * size * np.exp(0.02 * years + season + own_calendar + common)
            frames.append(
                pd.DataFrame(
                    {"gemeente": f"GM{9000 + k:04d}", "week": weeks, "reports": _nb(rng, control_mu, alpha)}
                )
            )
        controls = pd.concat(frames, ignore_index=True)
    # The bend's hinge is zero up to the first week at least a year (52.18 weeks) before the window.
    bend = weeks[n_pre - 52].date() if trend_change else None
    true_expected = float(mu[n_pre:].sum())
    return SimulatedDutchCampaign(
        series=series,
        start=weeks[n_pre].date(),
        end=weeks[-1].date() + dt.timedelta(days=6),
        true_expected=true_expected,
        true_extra=float((mu[n_pre:] * (effect[n_pre:] - 1)).sum()),
        region=region,
        controls=controls,
        launch=launch,
        bend=bend,
        window_mean=(mu * effect)[n_pre:],
        alpha=alpha,
    )


@dataclass(frozen=True)
class StudyResult:
    """What a simulation study of the estimator measured over its runs."""

    runs: int
    bias: float  # mean of expected / true expected - 1: the systematic error of the expected count
    coverage: float  # share of runs whose 95% interval of extra reports holds the true extra reports
    significant: float  # share of runs with p < 0.05 (false positives at no effect, power otherwise)
    warned: dict[str, float]  # share of runs carrying each warning code
    width: float  # median width of the 95% interval of the relative change
    # Share of runs whose observed total lies in the central 95% of its true distribution: the
    # coverage a perfect estimator would show on the same seeds (``SimulatedDutchCampaign.oracle_covers``).
    oracle_coverage: float = float("nan")

    def standard_error(self, share: float) -> float:
        """The binomial standard error of a share measured over this study's runs."""
        return float(np.sqrt(share * (1 - share) / self.runs))


def run_study(
    n_runs: int,
    *,
    seed0: int = 0,
    with_controls: bool = False,
    tell_launch: bool = False,
    declare_bend_weeks: int | None = None,
    n_sim: int = 400,
    estimate_kwargs: dict | None = None,
    **sim_kwargs,
) -> StudyResult:
    """Simulate ``n_runs`` Dutch-shaped campaigns and estimate each as the dashboard does.

    The estimator gets the series, the window, the simulation's holiday region, the controls
    (``with_controls``) and the launch date as a known break (``tell_launch``); the placebo runs
    are skipped (they do not change the estimate), the level-shift scan is not. With
    ``declare_bend_weeks`` the estimator is told of a trend change that many weeks after the
    simulated bend (0: its true date; negative: earlier); with no bend simulated, it is declared
    that many weeks after the point a year before the window where the bend scenario puts it.
    """
    from vsdash.effect_estimator import estimate_campaign_effect

    bias, covered, significant, widths, oracle = [], [], [], [], []
    warned: dict[str, int] = {}
    for run in range(n_runs):
        sim = simulate_dutch_campaign(seed0 + run, **sim_kwargs)
        oracle.append(sim.oracle_covers(np.random.default_rng([seed0 + run, 95])))
        kwargs = {"calendar": sim.region, "checks": False, **(estimate_kwargs or {})}
        if tell_launch and sim.launch is not None:
            kwargs["breaks"] = [sim.launch]
        if declare_bend_weeks is not None:
            anchor = sim.bend or sim.start - dt.timedelta(weeks=52)
            kwargs["trend_changes"] = [anchor + dt.timedelta(weeks=declare_bend_weeks)]
        est = estimate_campaign_effect(
            sim.series,
            sim.start,
            sim.end,
            sim.controls if with_controls else None,
            n_sim=n_sim,
            seed=run,
            **kwargs,
        )
        bias.append(est.expected / sim.true_expected - 1)
        covered.append(est.extra_low <= sim.true_extra <= est.extra_high)
        significant.append(est.p_value < 0.05)
        high = est.relative_high if est.relative_high is not None else np.inf
        widths.append(high - est.relative_low)
        for code in {d.code for d in est.diagnostics}:
            warned[code] = warned.get(code, 0) + 1
    return StudyResult(
        runs=n_runs,
        bias=float(np.mean(bias)),
        coverage=float(np.mean(covered)),
        significant=float(np.mean(significant)),
        warned={code: count / n_runs for code, count in sorted(warned.items())},
        width=float(np.median(widths)),
        oracle_coverage=float(np.mean(oracle)),
    )
