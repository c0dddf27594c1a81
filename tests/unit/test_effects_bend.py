"""A recent bend of the trend: the expectation weighs models that bend against the straight trend.

Simulated series with a known truth (``simulated_reports.simulate_dutch_campaign``); the straight
trend alone is obtained by raising ``HINGE_MIN_FIT_WEEKS`` above the series' length. The full
study of the bend scenario is in ``test_effects_dutch_sims.py`` (mark ``slow_sim``).
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from simulated_reports import simulate_dutch_campaign

import vsdash.effect_estimator as effect_estimator
from vsdash.effect_estimator import estimate_campaign_effect

SPRING = {"start": dt.date(2023, 3, 6), "window_weeks": 6, "region": "noord"}


def _bias(seeds, straight: bool, monkeypatch, scan: bool = True, **sim_kwargs) -> float:
    if straight:
        monkeypatch.setattr(effect_estimator, "HINGE_MIN_FIT_WEEKS", 10_000)
    if not scan:
        monkeypatch.setattr(effect_estimator, "SCAN_ALPHA", 0.0)
    biases = []
    for seed in seeds:
        sim = simulate_dutch_campaign(seed, **SPRING, **sim_kwargs)
        est = estimate_campaign_effect(
            sim.series, sim.start, sim.end, calendar=sim.region, checks=False, n_sim=200, seed=seed
        )
        biases.append(est.expected / sim.true_expected - 1)
    monkeypatch.undo()
    return float(np.mean(biases))


def test_a_clear_bend_in_the_last_year_is_followed_where_the_straight_trend_lags(monkeypatch):
    # Reports grow 60% a year faster over the last year: the straight trend, fitted on five years,
    # extrapolates the old slope and expects far too few. The scan is off here, to see the weighing
    # alone: when the scan models a jump instead, the jump takes most of the weight (ADR 0003).
    seeds = range(6)
    straight = _bias(seeds, True, monkeypatch, scan=False, trend_change=0.6, base=60.0)
    averaged = _bias(seeds, False, monkeypatch, scan=False, trend_change=0.6, base=60.0)
    assert straight < -0.2
    assert abs(averaged) < 0.1
    assert abs(averaged) < abs(straight) / 3


def test_without_a_bend_the_weighing_leaves_the_expectation_where_it_was(monkeypatch):
    seeds = range(6)
    straight = _bias(seeds, True, monkeypatch)
    averaged = _bias(seeds, False, monkeypatch)
    assert abs(straight) < 0.03
    assert abs(averaged - straight) < 0.015


def test_the_bend_weights_are_a_distribution_favouring_the_true_hinge():
    sim = simulate_dutch_campaign(3, **SPRING, trend_change=0.8, base=60.0)
    est = estimate_campaign_effect(
        sim.series, sim.start, sim.end, calendar=sim.region, checks=False, n_sim=200
    )
    assert "knikt" in est.method
    # The bend starts 52 weeks before the campaign; the fit's own models say so.
    y = sim.series["reports"].to_numpy(dtype=float)[:-6]
    weeks = sim.series["week"].iloc[:-6].reset_index(drop=True)
    design = effect_estimator._design_matrix(weeks, origin=weeks.iloc[-1], n_harmonics=2, steps=[])
    offset = np.zeros(len(y))
    fit = effect_estimator._fit_count_model(y, design, offset)
    models = effect_estimator._hinge_models(fit, y, design, offset, weeks)
    weights = np.array([w for w, _, _ in models])
    assert weights.min() >= 0 and weights.sum() == pytest.approx(1.0)
    best = max((m for m in models if m[1] is not None), key=lambda m: m[0])
    assert abs((sim.start - best[1].date()).days / 7 - 52) <= 12
    assert sum(w for w, hinge, _ in models if hinge is not None) > 0.9


@pytest.mark.parametrize(
    ("sim_kwargs", "why"),
    [({"years_before": 2.5}, "fewer than three years before the campaign"), ({"base": 2.0}, "sparse")],
)
def test_short_or_sparse_series_keep_the_straight_trend(sim_kwargs, why):
    sim = simulate_dutch_campaign(1, **SPRING, **sim_kwargs)
    est = estimate_campaign_effect(
        sim.series, sim.start, sim.end, calendar=sim.region, checks=False, n_sim=200
    )
    assert "knikt" not in est.method, why
