"""A declared trend change: the estimator bends the trend at a date the user knows (issue 16).

The slow studies of its bias and coverage are in ``test_effects_dutch_sims.py``; these are the
fast checks that the declaration reaches the model, the sentences and the CLI.
"""

from __future__ import annotations

import datetime as dt
import functools
import json

import numpy as np
import pytest
from simulated_reports import simulate_dutch_campaign

from vsdash.cli import main
from vsdash.effect_estimator import describe_method, estimate_campaign_effect

SPRING = dt.date(2023, 3, 6)
BENT_SEED = 6


@pytest.fixture(scope="module")
def bent():
    # The trend steepens by 30% a year over the last year before the campaign.
    return simulate_dutch_campaign(BENT_SEED, start=SPRING, region="noord", trend_change=0.3)


@functools.cache
def _cached(seed: int, trend_changes: tuple[dt.date, ...]):
    sim = simulate_dutch_campaign(seed, start=SPRING, region="noord", trend_change=0.3)
    return estimate_campaign_effect(
        sim.series,
        sim.start,
        sim.end,
        calendar=sim.region,
        checks=False,
        n_sim=400,
        trend_changes=trend_changes,
    )


def _estimate(sim, trend_changes=()):
    # The same estimate is asked for by several tests; each costs about a second.
    return _cached(BENT_SEED, tuple(trend_changes))


def test_a_declared_bend_at_its_true_date_brings_the_expectation_to_the_truth(bent):
    plain = _estimate(bent)
    declared = _estimate(bent, trend_changes=[bent.bend])
    # The straight trend lags the bend: the expectation is clearly too low without the declaration.
    assert plain.expected / bent.true_expected - 1 < -0.05
    assert abs(declared.expected / bent.true_expected - 1) < 0.05
    assert declared.expected_low <= bent.true_expected <= declared.expected_high
    assert declared.trend_changes == (bent.bend,)
    assert "effect_note_trend_change" in [note.key for note in declared.notes]
    assert "knik in de trend vanaf" in declared.method
    # The new slope rests on one year of weeks, so the prediction is less certain.
    assert declared.expected_high - declared.expected_low > plain.expected_high - plain.expected_low


def test_the_card_sentences_say_the_estimate_assumes_a_trend_change_from_that_date(bent):
    declared = _estimate(bent, trend_changes=[bent.bend])
    note = declared.notes[-1].render("nl")
    assert note.startswith("Deze schatting gaat ervan uit dat de trend vanaf")
    assert str(bent.bend.year) in note
    assert "trend die vanaf" in describe_method(declared, "nl")
    assert "trend that may change from" in describe_method(declared, "en")
    assert declared.to_dict()["trend_changes"] == [bent.bend.isoformat()]


def test_a_declared_date_after_the_window_changes_nothing(bent):
    plain = _estimate(bent)
    later = _estimate(bent, trend_changes=[bent.end + dt.timedelta(days=30)])
    assert later.expected == plain.expected
    assert (later.extra_low, later.extra_high) == (plain.extra_low, plain.extra_high)
    assert later.trend_changes == () and later.notes == plain.notes


@pytest.mark.parametrize(
    ("weeks_before", "code", "fragment"),
    [(-2, "break_in_window", "valt tijdens de campagne"), (5, "break_recent", "maar 5 bruikbare weken")],
)
def test_a_bend_in_the_window_or_too_recent_is_warned_and_not_modelled(bent, weeks_before, code, fragment):
    day = bent.start - dt.timedelta(weeks=weeks_before)
    est = _estimate(bent, trend_changes=[day])
    assert est.trend_changes == ()
    assert code in [d.code for d in est.diagnostics]
    assert fragment in " ".join(est.warnings)
    assert est.expected == _estimate(bent).expected


def test_the_scan_does_not_also_report_the_declared_bend(bent):
    # With the bend modelled, the scan's hinge at that week has nothing left to explain.
    est = estimate_campaign_effect(
        bent.series, bent.start, bent.end, calendar=bent.region, n_sim=300, trend_changes=[bent.bend]
    )
    assert "trend_change" not in [d.code for d in est.diagnostics]
    assert all(np.isfinite([run.relative_change for run in est.placebos]))


@pytest.fixture(scope="module")
def bent_file(tmp_path_factory, bent):
    folder = tmp_path_factory.mktemp("bend2")
    bent.series.assign(week=bent.series["week"].dt.date).to_csv(folder / "series.csv", index=False)
    args = [
        "effect",
        "--series",
        str(folder / "series.csv"),
        "--start",
        str(bent.start),
        "--end",
        str(bent.end),
    ]
    return args


def test_cli_trend_break_is_modelled_and_said_in_plain_dutch(bent_file, bent, capsys):
    base = [*bent_file, "--region", "noord", "--n-sim", "300"]
    assert main([*base, "--json", "--trend-break", bent.bend.isoformat()]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["trend_changes"] == [bent.bend.isoformat()]
    assert abs(payload["expected"] / bent.true_expected - 1) < 0.05
    assert main([*base, "--trend-break", bent.bend.isoformat()]) == 0
    assert "Opmerking: Deze schatting gaat ervan uit dat de trend vanaf" in capsys.readouterr().out


def test_cli_bad_trend_break_gives_a_dutch_error(bent_file, capsys):
    assert main([*bent_file, "--trend-break", "2022-13-01"]) != 0
    assert "--trend-break: '2022-13-01' is geen geldige datum" in capsys.readouterr().err
