"""Simulation studies on Dutch-shaped report series: holidays, launches, pre-trends, controls.

Each study simulates campaigns whose truth is known (``simulated_reports.simulate_dutch_campaign``)
and checks the estimator against the bar of issue 16: coverage of the true extra reports >= 90%,
false positives <= 10%, systematic error of the expected count <= 5%, or a warning in >= 90% of
the runs where the input cannot identify the effect. ``benchmarks/effect_studies.py`` runs the
same scenarios with more runs for ``benchmarks/RESULTS.md``.
"""

from __future__ import annotations

import datetime as dt
import functools

import pytest
from scipy.stats import binom
from simulated_reports import StudyResult, run_study

pytestmark = pytest.mark.slow_sim

SUMMER = {"start": dt.date(2023, 7, 10), "window_weeks": 7, "region": "zuid"}
CHRISTMAS = {"start": dt.date(2023, 12, 11), "window_weeks": 6, "region": "midden"}
SPRING = {"start": dt.date(2023, 3, 6), "window_weeks": 6, "region": "noord"}
LAUNCH = {**SPRING, "launch_weeks_before": 26, "launch_level": 0.4}
BEND = {**SPRING, "trend_change": 0.3}
LARGE_CONTROL = {
    **SPRING,
    "n_controls": 3,
    "control_sizes": (10.0, 1.0, 1.0),
    "spike_weeks": (1, 2),
    "spike": 0.6,
    "with_controls": True,
}

#: name -> keyword arguments of ``run_study``; shared with benchmarks/effect_studies.py.
SCENARIOS: dict[str, dict] = {
    "voorjaar, geen effect": {**SPRING},
    "zomervakantie, geen effect": {**SUMMER},
    "zomervakantie, zonder kalender": {**SUMMER, "estimate_kwargs": {"calendar": None}},
    "zomervakantie, +35%": {**SUMMER, "lift": 0.35},
    "kerstvakantie, geen effect": {**CHRISTMAS},
    "kerstvakantie, zonder kalender": {**CHRISTMAS, "estimate_kwargs": {"calendar": None}},
    "kerstvakantie, +35%": {**CHRISTMAS, "lift": 0.35},
    "stijgende trend +15%/jaar": {**SPRING, "trend_per_year": 0.15},
    "knik: laatste jaar +30%/jaar extra": {**SPRING, "trend_change": 0.3},
    # A bend the user declares (``trend_changes``): at its true date, 8 weeks off, or with no bend.
    "knik opgegeven op de juiste datum": {**BEND, "declare_bend_weeks": 0},
    "knik opgegeven 8 weken te vroeg": {**BEND, "declare_bend_weeks": -8},
    "knik opgegeven 8 weken te laat": {**BEND, "declare_bend_weeks": 8},
    "geen knik, wel een opgegeven": {**SPRING, "declare_bend_weeks": 0},
    "app 26 weken vóór, niet opgegeven": {**LAUNCH},
    "app niet opgegeven, 3 vergelijkingsgemeenten": {**LAUNCH, "n_controls": 3, "with_controls": True},
    "app 26 weken vóór, opgegeven": {**LAUNCH, "tell_launch": True},
    "app opgegeven, 3 vergelijkingsgemeenten": {
        **LAUNCH,
        "tell_launch": True,
        "n_controls": 3,
        "with_controls": True,
    },
    "grote vergelijkingsgemeente + landelijke piek": {**LARGE_CONTROL},
    "grote vergelijkingsgemeente, +50%": {**LARGE_CONTROL, "lift": 0.5},
    "weinig meldingen (2 per week)": {**SPRING, "base": 2.0},
    "afnemend effect (+60%, halveert per 1,4 week)": {**SPRING, "lift": 0.6, "decay_weeks": 2.0},
}

N_RUNS = 80
# A share measured over N_RUNS runs is itself uncertain (+-3 points). A study fails when its
# result is clearly incompatible with the bar: coverage so low, or false positives so many, that a
# method meeting the bar exactly would show it in fewer than 1% of studies.
TOLERANCE = 0.01


@functools.cache  # a study another test compares with is run once per session
def _study(name: str, seed0: int) -> StudyResult:
    return run_study(N_RUNS, seed0=seed0, **SCENARIOS[name])


def _coverage_meets(result: StudyResult, bar: float = 0.90) -> bool:
    return binom.cdf(round(result.coverage * result.runs), result.runs, bar) > TOLERANCE


def _false_positives_meet(result: StudyResult, bar: float = 0.10) -> bool:
    return binom.sf(round(result.significant * result.runs) - 1, result.runs, bar) > TOLERANCE


# The recent-bend test warns at |z| > 1.5 (ADR 0003): about 13% of clean series by normal theory.
FALSE_BEND_WARNINGS = 0.15


def _false_bend_warnings_meet(result: StudyResult, bar: float = FALSE_BEND_WARNINGS) -> bool:
    return (
        binom.sf(round(result.warned.get("trend_change", 0) * result.runs) - 1, result.runs, bar) > TOLERANCE
    )


def _warned_about_a_change(result: StudyResult) -> float:
    # The scan reports one jump or bend at most, and the recent-bend test runs only when the scan
    # found nothing, so a run carries at most one of these two codes: their shares add up.
    return result.warned.get("level_shift", 0) + result.warned.get("trend_change", 0)


@pytest.mark.parametrize(
    ("name", "seed0"),
    [
        ("voorjaar, geen effect", 100_000),
        ("zomervakantie, geen effect", 110_000),
        ("kerstvakantie, geen effect", 120_000),
        ("stijgende trend +15%/jaar", 130_000),
        ("app 26 weken vóór, opgegeven", 140_000),
        ("app opgegeven, 3 vergelijkingsgemeenten", 150_000),
        ("grote vergelijkingsgemeente + landelijke piek", 160_000),
    ],
)
def test_without_an_effect_the_expectation_is_right_and_rarely_called_an_effect(name, seed0):
    result = _study(name, seed0)
    assert abs(result.bias) <= 0.05, result
    assert _coverage_meets(result), result
    assert _false_positives_meet(result), result
    # None of these series bends: a bend warning here is a false one (measured 7-12%, ADR 0003).
    assert _false_bend_warnings_meet(result), result


# Enough runs that a share is known to +-1.5 points: the clean spring campaign is held to the bar
# as the issue writes it (a point estimate, no tolerance).
SPRING_RUNS = 300


def test_a_clean_spring_campaign_meets_the_bar_as_written():
    # The scenario that missed the bar (coverage 88%, false positives 10% over seeds 0-199) until
    # a jump the level-shift scan finds was weighed instead of taken for certain (ADR 0003). Over
    # 2000 seeds: coverage 93.5%, false positives 5.2%, where a perfect estimator covers 94.8%.
    # (Over the 80 seeds of the study above even a perfect estimator covers only 87.5%; over these
    # 300 it covers 96.3%, so the estimator is also held to within 5 points of it on the same
    # seeds, which a lucky block cannot hide: 1.3 points below over 2000 seeds, 3.7 here, where
    # coverage is 92.7% and false positives 4.3%; the gap itself wanders by about 1 point.)
    result = run_study(SPRING_RUNS, seed0=600_000, **SCENARIOS["voorjaar, geen effect"])
    assert abs(result.bias) <= 0.05, result
    assert result.coverage >= 0.90, result
    assert result.coverage >= result.oracle_coverage - 0.05, result
    assert result.significant <= 0.10, result


@pytest.mark.parametrize(
    ("name", "seed0"),
    [("zomervakantie, zonder kalender", 110_000), ("kerstvakantie, zonder kalender", 120_000)],
)
def test_without_the_calendar_holiday_campaigns_are_overestimated(name, seed0):
    # The same runs as above with the calendar switched off: the dip is read as a campaign-free
    # level, so the expectation is too high. This is what the calendar fixes.
    assert _study(name, seed0).bias > 0.05


@pytest.mark.parametrize(
    ("name", "seed0", "min_power"),
    [
        ("zomervakantie, +35%", 210_000, 0.35),
        ("kerstvakantie, +35%", 220_000, 0.35),
        ("grote vergelijkingsgemeente, +50%", 230_000, 0.35),
        # +60% that halves every 1.4 weeks is about +15% over the six weeks: hard to see.
        ("afnemend effect (+60%, halveert per 1,4 week)", 240_000, 0.15),
    ],
)
def test_with_an_effect_the_interval_covers_the_true_extra_reports(name, seed0, min_power):
    result = _study(name, seed0)
    assert abs(result.bias) <= 0.05, result
    assert _coverage_meets(result), result
    assert result.significant >= min_power, result  # found far more often than chance (5%)


@pytest.mark.parametrize(
    ("name", "seed0"),
    [
        ("app 26 weken vóór, niet opgegeven", 300_000),
        ("app niet opgegeven, 3 vergelijkingsgemeenten", 310_000),
    ],
)
def test_an_unannounced_app_launch_is_found_and_modelled(name, seed0):
    result = _study(name, seed0)
    # Without the scan the expectation was 17-18% too low (ADR 0003); the found jump is modelled.
    assert abs(result.bias) <= 0.05, result
    assert result.warned.get("level_shift", 0) >= 0.75, result
    assert _false_positives_meet(result), result


def test_the_tolerance_rejects_what_misses_the_bar_and_keeps_what_meets_it():
    def study(coverage: float, significant: float) -> StudyResult:
        return StudyResult(
            runs=80, bias=0.0, coverage=coverage, significant=significant, warned={}, width=0.5
        )

    assert _coverage_meets(study(0.90, 0.05)) and _false_positives_meet(study(0.90, 0.10))
    assert not _coverage_meets(study(0.80, 0.05))  # 64 of 80: P = 0.5% at a true 90%
    assert not _false_positives_meet(study(0.95, 0.20))  # 16 of 80: P = 0.5% at a true 10%


def test_a_sparse_series_is_warned_about_in_every_run():
    result = _study("weinig meldingen (2 per week)", 400_000)
    assert result.warned.get("sparse", 0) >= 0.90, result
    assert _coverage_meets(result), result


def test_a_bend_in_the_last_year_is_warned_about_in_nine_runs_of_ten():
    # The scenario whose expectation stays biased (ADR 0003): the straight trend lags a bend that
    # began a year before the campaign, so the expectation is 8-12% too low (12% since the scan's
    # jump is weighed). No automatic fix held up elsewhere, so the bar is met by warning: the
    # scan's jump or bend, or else the recent-bend test, in at least 90% of runs (measured 90-91%
    # over 400-600 runs, so only a tolerance test: it fails when the share would be rare at a
    # true 90%). The lean itself is pinned so that it cannot quietly grow.
    result = _study("knik: laatste jaar +30%/jaar extra", 500_000)
    assert -0.15 < result.bias < 0, result
    warned = round(_warned_about_a_change(result) * result.runs)
    assert binom.cdf(warned, result.runs, 0.90) > TOLERANCE, result
    # Without the recent-bend test only the scan warned, in 57-70% of runs.
    assert result.warned.get("trend_change", 0) >= 0.15, result


def test_the_bend_warning_rate_and_the_tolerance_tell_a_miss_from_the_bar():
    def study(level_shift: float, trend_change: float) -> StudyResult:
        warned = {"level_shift": level_shift, "trend_change": trend_change}
        return StudyResult(runs=80, bias=0.0, coverage=0.9, significant=0.05, warned=warned, width=0.5)

    def meets(result: StudyResult) -> bool:
        return binom.cdf(round(_warned_about_a_change(result) * 80), 80, 0.90) > TOLERANCE

    assert meets(study(0.6, 0.3)) and not meets(study(0.6, 0.15))  # 72 of 80 / 60 of 80 warned
    assert _false_bend_warnings_meet(study(0.0, 0.15))
    assert not _false_bend_warnings_meet(study(0.0, 0.3))  # 24 of 80: P < 1% at a true 15%


@pytest.mark.parametrize(
    "name",
    [
        "knik opgegeven op de juiste datum",
        "knik opgegeven 8 weken te vroeg",
        "knik opgegeven 8 weken te laat",
    ],
)
def test_a_declared_trend_change_removes_the_bend_bias_even_8_weeks_off(name):
    # The same runs as the bend above, now with the date of the bend declared (trend_changes):
    # the hinge learns the new slope from the last year, so the expectation follows it. Eight
    # weeks off, the hinge's slope absorbs most of the difference (ADR 0003: -1.4% and +2.6%).
    result = _study(name, 500_000)
    assert abs(result.bias) <= 0.05, result
    assert _coverage_meets(result), result
    assert _false_positives_meet(result), result


def test_declaring_a_trend_change_where_there_is_none_costs_only_width():
    # The clean spring runs with a bend declared a year before the campaign: still right and
    # covered, but the slope after the date is learnt from one year, so the interval is wider.
    declared = _study("geen knik, wel een opgegeven", 100_000)
    clean = _study("voorjaar, geen effect", 100_000)
    assert abs(declared.bias) <= 0.05, declared
    assert _coverage_meets(declared), declared
    assert _false_positives_meet(declared), declared
    assert declared.width > clean.width, (declared, clean)
