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
