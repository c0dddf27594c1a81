"""The campaign effect estimator, checked against simulated series whose true lift is known."""

from __future__ import annotations

import datetime as dt
import json
import math

import numpy as np
import pandas as pd
import pytest
from simulated_reports import simulate_campaign

from vsdash.effect_estimator import (
    EffectEstimate,
    describe_effect,
    estimate_campaign_effect,
    validate_weekly_reports,
)

N_RUNS = 200
N_SIM = 1000  # per estimate inside the simulation studies; the default 2000 only smooths the tails


def _estimate(sim, **kwargs) -> EffectEstimate:
    return estimate_campaign_effect(sim.series, sim.start, sim.end, sim.controls, **kwargs)


def _study(lift: float, *, seed0: int, **sim_kwargs) -> list[tuple[float, EffectEstimate]]:
    results = []
    for run in range(N_RUNS):
        sim = simulate_campaign(seed0 + run, lift=lift, **sim_kwargs)
        # The placebo runs add warnings, not a different estimate; skipping them keeps this fast.
        results.append((sim.lift, _estimate(sim, n_sim=N_SIM, seed=run, checks=False)))
    return results


def _covers(truth: float, est: EffectEstimate) -> bool:
    high = math.inf if est.relative_high is None else est.relative_high
    return est.relative_low <= truth <= high


# --- calibration: coverage, false positives, power --------------------------------------------


@pytest.mark.slow_sim
def test_interval_covers_true_lift_in_at_least_90_percent_of_runs():
    # Overdispersed (NB, alpha 0.08), seasonal, trending series; lifts vary from run to run.
    rng = np.random.default_rng(7)
    hits = 0
    for run in range(N_RUNS):
        lift = float(rng.uniform(-0.2, 0.8))
        sim = simulate_campaign(10_000 + run, lift=lift, alpha=0.08, base=float(rng.uniform(8, 40)))
        hits += _covers(sim.lift, _estimate(sim, n_sim=N_SIM, seed=run, checks=False))
    coverage = hits / N_RUNS
    assert coverage >= 0.90, f"coverage {coverage:.1%}"


@pytest.mark.slow_sim
def test_no_effect_is_called_significant_in_at_most_10_percent_of_runs():
    results = _study(0.0, seed0=20_000, alpha=0.1)
    false_positive = np.mean([est.p_value < 0.05 for _, est in results])
    assert false_positive <= 0.10, f"false-positive rate {false_positive:.1%}"


@pytest.mark.slow_sim
def test_a_70_percent_lift_at_30_a_week_over_6_weeks_is_detected_in_80_percent_of_runs():
    results = _study(0.7, seed0=30_000, base=30.0, window_weeks=6, alpha=0.05)
    detected = np.mean([est.p_value < 0.05 and est.relative_low > 0 for _, est in results])
    assert detected >= 0.80, f"power {detected:.1%}"


@pytest.mark.slow_sim
def test_controls_absorb_a_common_shock_that_biases_the_estimate_without_them():
    # Treated and controls both rise 50% in the window (national news, say); the campaign does nothing.
    with_controls, without = [], []
    for run in range(60):
        sim = simulate_campaign(40_000 + run, lift=0.0, common_shock=0.5, n_controls=5)
        with_controls.append(_estimate(sim, n_sim=500, seed=run, checks=False).relative_change)
        without.append(
            estimate_campaign_effect(
                sim.series, sim.start, sim.end, n_sim=500, seed=run, checks=False
            ).relative_change
        )
    assert abs(np.mean(with_controls)) < 0.05
    assert np.mean(without) > 0.35


def test_controls_used_are_listed_and_incomplete_ones_dropped_with_a_warning():
    sim = simulate_campaign(5, n_controls=3)
    controls = sim.controls[~((sim.controls["gemeente"] == "GM9001") & (sim.controls.index % 50 == 0))]
    est = estimate_campaign_effect(sim.series, sim.start, sim.end, controls, n_sim=200)
    assert est.controls_used == ["GM9000", "GM9002"]
    assert "effect_warn_controls_incomplete" in [d.key for d in est.diagnostics]
    assert "GM9001" in " ".join(est.warnings)


# --- diagnostics --------------------------------------------------------------------------------


def _keys(est: EffectEstimate) -> list[str]:
    return [d.key for d in est.diagnostics]


def test_clean_long_series_has_no_warnings():
    sim = simulate_campaign(1)
    assert _estimate(sim, n_sim=200).warnings == []


def test_short_pre_period_is_warned():
    sim = simulate_campaign(2, n_weeks=26)
    est = _estimate(sim, n_sim=200)
    assert "effect_warn_short_pre" in _keys(est)
    assert any("20 weken" in w for w in est.warnings)


@pytest.mark.parametrize(
    ("sim_kwargs", "key"),
    [
        ({"base": 1.5}, "effect_warn_sparse_pre"),
        ({"base": 1.5, "window_weeks": 3}, "effect_warn_sparse_window"),
    ],
)
def test_sparse_series_is_warned(sim_kwargs, key):
    est = _estimate(simulate_campaign(3, **sim_kwargs), n_sim=200)
    assert key in _keys(est)


def test_overlapping_campaign_is_warned_and_earlier_one_left_out_of_the_fit():
    sim = simulate_campaign(4)
    overlapping = (sim.start - dt.timedelta(days=14), sim.start + dt.timedelta(days=7))
    earlier = (dt.date(2016, 3, 1), dt.date(2016, 4, 15))
    est = _estimate(sim, n_sim=200, other_campaigns=[overlapping, earlier])
    assert _keys(est).count("effect_warn_overlap") == 1
    assert "effect_note_other_excluded" in [n.key for n in est.notes]


@pytest.mark.parametrize(
    ("weeks_before", "key"), [(-2, "effect_warn_launch_window"), (5, "effect_warn_launch_recent")]
)
def test_channel_launch_in_or_just_before_the_window_is_warned(weeks_before, key):
    sim = simulate_campaign(5)
    launch = sim.start - dt.timedelta(weeks=weeks_before)
    assert key in _keys(_estimate(sim, n_sim=200, channel_launches=[launch]))


def test_an_old_channel_launch_gets_its_own_level_and_is_not_credited_to_the_campaign():
    sim = simulate_campaign(6, lift=0.0)
    launch_week = 200
    series = sim.series.copy()
    rng = np.random.default_rng(0)
    # The new channel doubles reports from its launch on.
    series.loc[launch_week:, "reports"] += rng.poisson(series.loc[launch_week:, "reports"])
    launch = series.loc[launch_week, "week"].date()
    naive = estimate_campaign_effect(series, sim.start, sim.end, n_sim=500)
    stepped = estimate_campaign_effect(series, sim.start, sim.end, n_sim=500, channel_launches=[launch])
    assert "effect_note_launch_step" in [n.key for n in stepped.notes]
    assert abs(stepped.relative_change) < abs(naive.relative_change)
    assert _covers(0.0, stepped)


def test_window_in_covid_period_is_warned():
    weeks = pd.date_range("2017-01-02", "2020-06-29", freq="7D")
    series = pd.DataFrame({"week": weeks, "reports": np.random.default_rng(1).poisson(25, len(weeks))})
    est = estimate_campaign_effect(series, dt.date(2020, 4, 6), dt.date(2020, 5, 17), n_sim=200)
    assert "effect_warn_covid_window" in _keys(est)
    assert "corona" in " ".join(est.warnings)


def test_covid_weeks_are_left_out_of_the_fit_and_that_is_said():
    weeks = pd.date_range("2017-01-02", "2022-06-27", freq="7D")
    series = pd.DataFrame({"week": weeks, "reports": np.random.default_rng(2).poisson(25, len(weeks))})
    est = estimate_campaign_effect(series, dt.date(2022, 3, 7), dt.date(2022, 4, 17), n_sim=200)
    assert "effect_note_covid_excluded" in [n.key for n in est.notes]
    in_covid = ((weeks >= "2020-03-09") & (weeks <= "2021-06-30")).sum()
    assert est.n_fit_weeks == (weeks < "2022-03-07").sum() - in_covid
    assert "effect_warn_covid_window" not in _keys(est)


# --- output shape -------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", range(8))
def test_expected_and_bounds_are_never_negative_even_for_near_empty_series(seed):
    sim = simulate_campaign(seed, base=0.4, alpha=1.0)
    est = _estimate(sim, n_sim=300)
    assert est.expected >= 0 and est.expected_low >= 0 and est.expected_high >= est.expected_low
    weekly = est.weekly
    assert (weekly[["expected", "low", "high"]] >= 0).all().all()
    assert (weekly["high"] >= weekly["low"]).all()


def test_weekly_chart_data_has_pre_tail_and_window():
    sim = simulate_campaign(8, window_weeks=6)
    est = _estimate(sim, n_sim=200)
    assert list(est.weekly.columns) == ["week", "period", "observed", "expected", "low", "high"]
    assert (est.weekly["period"] == "window").sum() == 6 == est.n_window_weeks
    assert (est.weekly["period"] == "pre").sum() == 26
    assert est.weekly.loc[est.weekly["period"] == "window", "observed"].sum() == est.observed


def test_to_dict_is_json_and_has_the_promised_keys():
    est = _estimate(simulate_campaign(9, lift=0.4), n_sim=300)
    payload = json.loads(json.dumps(est.to_dict()))
    for key in [
        "observed", "expected", "expected_low", "expected_high", "extra", "extra_low", "extra_high",
        "relative_change", "relative_low", "relative_high", "p_value", "warnings", "controls_used",
        "method", "weekly", "summary",
    ]:  # fmt: skip
        assert key in payload
    assert payload["extra"] == pytest.approx(payload["observed"] - payload["expected"], abs=0.11)
    assert 0 < payload["p_value"] <= 1


def test_same_seed_gives_the_same_estimate():
    sim = simulate_campaign(10)
    assert _estimate(sim, n_sim=300, seed=4).to_dict() == _estimate(sim, n_sim=300, seed=4).to_dict()


def test_population_is_used_as_exposure():
    sim = simulate_campaign(11, lift=0.0)
    population = np.linspace(100_000, 200_000, len(sim.series))
    # Reports scale with a doubling population; with it as exposure no rise is left unexplained.
    series = sim.series.assign(
        reports=np.random.default_rng(3).poisson(sim.series["reports"] * population / 100_000),
        population=population,
    )
    est = estimate_campaign_effect(series, sim.start, sim.end, n_sim=500)
    assert "bevolking" in est.method
    assert _covers(0.0, est)


# --- in words -----------------------------------------------------------------------------------


def _fake(change: float, low: float | None, high: float | None) -> EffectEstimate:
    weekly = pd.DataFrame(columns=["week", "period", "observed", "expected", "low", "high"])
    return EffectEstimate(
        start=dt.date(2023, 3, 6), end=dt.date(2023, 4, 16), observed=140, expected=100.0,
        expected_low=80.0, expected_high=120.0, extra=40.0, extra_low=20.0, extra_high=60.0,
        relative_change=change, relative_low=low, relative_high=high, p_value=0.01, diagnostics=(),
        notes=(), controls_used=[], method="test", n_fit_weeks=200, n_window_weeks=6, dispersion=0.1,
        weekly=weekly,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("change", "low", "high", "lang", "sentence"),
    [
        (
            0.4,
            0.15,
            0.7,
            "nl",
            "Tijdens de campagne kwamen er ongeveer 40% meer meldingen binnen dan verwacht (tussen 15% en 70%).",
        ),
        (
            0.4,
            0.15,
            0.7,
            "en",
            "During the campaign about 40% more reports came in than expected (between 15% and 70%).",
        ),
        (
            0.2,
            -0.1,
            0.5,
            "nl",
            "Tijdens de campagne kwamen er ongeveer 20% meer meldingen binnen dan verwacht (tussen \u221210% en +50%); dit verschil kan ook toeval zijn.",
        ),
        (
            -0.3,
            -0.5,
            -0.1,
            "nl",
            "Tijdens de campagne kwamen er ongeveer 30% minder meldingen binnen dan verwacht (tussen 10% en 50% minder).",
        ),
        (
            0.001,
            -0.2,
            0.25,
            "nl",
            "Tijdens de campagne kwamen er ongeveer evenveel meldingen binnen als verwacht (tussen \u221220% en +25%).",
        ),
        (
            2.0,
            0.5,
            None,
            "nl",
            "Tijdens de campagne kwamen er ongeveer 200% meer meldingen binnen dan verwacht (minstens 50%).",
        ),
    ],
)
def test_describe_effect_says_it_in_one_plain_sentence(change, low, high, lang, sentence):
    assert describe_effect(_fake(change, low, high), lang) == sentence


# --- bad input ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "fragment"),
    [
        (dt.date(2025, 1, 6), dt.date(2025, 2, 16), "valt buiten de reeks"),
        (dt.date(2010, 1, 4), dt.date(2010, 2, 14), "valt buiten de reeks"),
        (dt.date(2018, 12, 10), dt.date(2019, 2, 17), "de reeks stopt"),
        (dt.date(2018, 3, 1), dt.date(2018, 2, 1), "eindigt"),
        (dt.date(2013, 1, 7), dt.date(2013, 2, 10), "Te weinig weken"),
    ],
)
def test_window_outside_series_or_empty_raises_in_dutch(start, end, fragment):
    sim = simulate_campaign(12)
    with pytest.raises(ValueError, match=fragment):
        estimate_campaign_effect(sim.series, start, end)


def test_missing_window_week_raises():
    sim = simulate_campaign(13)
    series = sim.series.drop(index=len(sim.series) - 3)
    with pytest.raises(ValueError, match="ontbreken weken"):
        estimate_campaign_effect(series, sim.start, sim.end)


@pytest.mark.parametrize(
    ("column", "value", "fragment"),
    [
        ("reports", -1, "regel 6: waarde -1 mag niet negatief zijn"),
        ("reports", 2.5, "regel 6: waarde 2.5 moet een geheel getal zijn"),
        ("week", pd.Timestamp("2013-02-05"), "moet een maandag zijn"),
    ],
)
def test_validation_names_column_row_and_value(column, value, fragment):
    frame = simulate_campaign(14).series.astype({"reports": float})
    frame.loc[4, column] = value
    with pytest.raises(ValueError, match=fragment):
        validate_weekly_reports(frame, source="meldingen.csv", row_offset=2)


def test_every_effect_label_exists_in_dutch_and_english_with_the_same_placeholders():
    import string

    from vsdash.i18n import LABELS

    keys = [key for key in LABELS if key.startswith("effect_")]
    assert len(keys) > 10
    for key in keys:
        fields = {
            lang: {f for _, f, _, _ in string.Formatter().parse(LABELS[key][lang]) if f}
            for lang in ("nl", "en")
        }
        assert fields["nl"] == fields["en"], key
