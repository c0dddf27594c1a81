"""The Dutch calendar in the effect model: holiday data, regions, known breaks, checks and codes."""

from __future__ import annotations

import datetime as dt
import json

import numpy as np
import pandas as pd
import pytest
from simulated_reports import simulate_campaign, simulate_dutch_campaign

from vsdash import calendar_nl
from vsdash.cli import main
from vsdash.effect_estimator import (
    PlaceboRun,
    describe_alternative,
    describe_method,
    describe_placebo,
    estimate_campaign_effect,
)

# --- the holiday data ---------------------------------------------------------------------------


def test_every_summer_has_three_regions_of_six_weeks_from_saturday_to_sunday():
    table = calendar_nl.school_holidays()
    summers = table[table["vakantie"] == "zomervakantie"]
    for year, rows in summers.groupby(summers["start"].dt.year):
        assert sorted(rows["regio"]) == ["midden", "noord", "zuid"], year
        assert ((rows["eind"] - rows["start"]).dt.days == 43).all(), year
        assert (rows["start"].dt.dayofweek == 5).all() and (rows["eind"].dt.dayofweek == 6).all(), year
        # The regions take turns: never all three on the same dates.
        assert rows["start"].nunique() == 3, year
    assert set(summers["start"].dt.year) == set(range(2014, 2027))


def test_every_christmas_holiday_is_national_and_spans_new_year():
    table = calendar_nl.school_holidays()
    christmas = table[table["vakantie"] == "kerstvakantie"]
    assert (christmas["regio"] == "heel Nederland").all()
    assert (christmas["start"].dt.month == 12).all() and (christmas["eind"].dt.month == 1).all()
    assert ((christmas["eind"] - christmas["start"]).dt.days.isin([15])).all()
    assert table["bron"].str.len().gt(10).all()  # every row names its source


@pytest.mark.parametrize(
    ("code", "region"),
    [
        ("GM0363", "noord"),  # Amsterdam: Noord-Holland
        ("GM0034", "noord"),  # Almere: Flevoland
        ("GM0014", "noord"),  # Groningen
        ("GM0153", "noord"),  # Enschede: Overijssel
        ("GM0599", "midden"),  # Rotterdam: Zuid-Holland
        ("GM0344", "midden"),  # Utrecht
        ("GM0202", "zuid"),  # Arnhem: Gelderland, not in the list of midden municipalities
        ("GM0268", "zuid"),  # Nijmegen
        ("GM0855", "zuid"),  # Tilburg: Noord-Brabant
        ("GM0935", "zuid"),  # Maastricht: Limburg
        ("GM9999", None),  # unknown municipality
    ],
)
def test_municipalities_map_to_their_school_holiday_region(code, region):
    assert calendar_nl.holiday_region(code) == region


def test_gelderland_exceptions_follow_the_regulation(monkeypatch):
    monkeypatch.setattr(
        calendar_nl,
        "_municipalities",
        lambda: {"A": ("Apeldoorn", "Gelderland"), "H": ("Hattem", "Gelderland"), "E": ("Eemnes", "Utrecht")},
    )
    assert calendar_nl.holiday_region("A") == "midden"
    assert calendar_nl.holiday_region("H") == "noord"
    assert calendar_nl.holiday_region("E") == "noord"


def test_weekly_calendar_shares_and_public_holidays():
    weeks = pd.date_range("2024-06-24", "2025-01-13", freq="7D")
    cal = calendar_nl.weekly_calendar(weeks, "zuid").set_index(weeks)
    # Zuid: 6 July - 18 August 2024 (Saturday to Sunday): two days of the week of 1 July.
    assert cal.loc["2024-07-01", "zomervakantie"] == pytest.approx(2 / 7)
    assert cal.loc["2024-07-08":"2024-08-12", "zomervakantie"].eq(1).all()
    assert cal.loc["2024-08-19", "zomervakantie"] == 0
    # Christmas 21 December 2024 - 5 January 2025; Christmas Day is not counted twice.
    assert cal.loc["2024-12-23", "kerstvakantie"] == 1 and cal.loc["2024-12-23", "feestdag"] == 0
    national = calendar_nl.weekly_calendar(weeks, "landelijk").set_index(weeks)
    # Noord starts Saturday 20 July: in the week of 15 July zuid and midden (13 July) are out all week.
    assert national.loc["2024-07-15", "zomervakantie"] == pytest.approx((1 + 1 + 2 / 7) / 3)
    assert cal["bekend"].all()


def test_weeks_in_a_holiday_season_without_data_are_marked_unknown():
    weeks = pd.date_range("2013-03-04", "2013-10-28", freq="7D")
    cal = calendar_nl.weekly_calendar(weeks, "noord").set_index(weeks)
    assert cal.loc["2013-04-01", "bekend"]  # spring: no school holiday can be missing
    assert not cal.loc["2013-07-15", "bekend"]  # summer 2013 is not in the data
    assert cal.loc["2013-04-01", "feestdag"] == 1  # Easter Monday comes from the holidays package


def test_unknown_region_is_refused_in_dutch():
    with pytest.raises(ValueError, match="Onbekende vakantieregio"):
        calendar_nl.weekly_calendar(pd.date_range("2024-01-01", periods=2, freq="7D"), "oost")


# --- the model ------------------------------------------------------------------------------------


def test_the_calendar_removes_a_summer_holiday_bias():
    sim = simulate_dutch_campaign(3, start=dt.date(2023, 7, 10), window_weeks=7, summer_dip=-0.4)
    with_calendar = estimate_campaign_effect(sim.series, sim.start, sim.end, calendar="zuid", n_sim=300)
    without = estimate_campaign_effect(sim.series, sim.start, sim.end, calendar=None, n_sim=300)
    assert "zomervakantie" in with_calendar.calendar_terms
    assert abs(with_calendar.expected / sim.true_expected - 1) < 0.08
    assert without.expected / sim.true_expected - 1 > 0.12


def test_a_holiday_the_fit_has_seen_only_once_is_warned():
    sim = simulate_dutch_campaign(4, start=dt.date(2023, 7, 10), window_weeks=7, years_before=1.3)
    est = estimate_campaign_effect(sim.series, sim.start, sim.end, calendar="zuid", n_sim=200)
    assert "holiday_overlap" in [d.code for d in est.diagnostics]
    assert "zomervakantie" in " ".join(est.warnings)


def test_a_known_break_gets_a_step_and_a_generic_note():
    sim = simulate_dutch_campaign(5, start=dt.date(2023, 3, 6), launch_weeks_before=26)
    est = estimate_campaign_effect(sim.series, sim.start, sim.end, breaks=[sim.launch], n_sim=300)
    assert "effect_note_break_step" in [n.key for n in est.notes]
    assert "level_shift" not in [d.code for d in est.diagnostics]
    assert abs(est.expected / sim.true_expected - 1) < 0.1


def test_an_unexplained_jump_is_found_warned_and_modelled():
    sim = simulate_dutch_campaign(6, start=dt.date(2023, 3, 6), launch_weeks_before=26, launch_level=0.6)
    est = estimate_campaign_effect(sim.series, sim.start, sim.end, n_sim=300)
    shift = [d for d in est.diagnostics if d.code == "level_shift"]
    assert shift and shift[0].key == "effect_warn_level_shift_up"
    assert abs((shift[0].values["date"] - sim.launch).days) <= 28
    assert "niveausprong" in est.method
    assert abs(est.expected / sim.true_expected - 1) < 0.1


def test_placebo_runs_are_reported_and_sentences_are_plain():
    sim = simulate_campaign(1, lift=0.3)
    est = estimate_campaign_effect(sim.series, sim.start, sim.end, n_sim=300)
    kinds = [run.kind for run in est.placebos]
    assert kinds == ["vorig_jaar", "vlak_ervoor"]
    last_year = est.placebos[0]
    assert last_year.start == sim.start - dt.timedelta(weeks=52)
    sentence = describe_placebo(last_year)
    assert sentence.startswith("In dezelfde weken vorig jaar zou deze methode ")
    assert "hebben gevonden" in sentence


def test_no_placebo_in_weeks_of_another_campaign():
    # Last year's campaign in the same weeks really raised reports: that is no placebo.
    sim = simulate_campaign(12, lift=0.3)
    last_year = (sim.start - dt.timedelta(weeks=52), sim.end - dt.timedelta(weeks=52))
    est = estimate_campaign_effect(sim.series, sim.start, sim.end, other_campaigns=[last_year], n_sim=200)
    assert [run.kind for run in est.placebos] == ["vlak_ervoor"]


@pytest.mark.parametrize(
    ("p_value", "fragment", "flagged"),
    [(0.4, "zo groot is het verschil dat ook zonder campagne voorkomt", False), (0.001, "niet is", True)],
)
def test_placebo_sentence_says_what_it_means(p_value, fragment, flagged):
    run = PlaceboRun("vorig_jaar", dt.date(2022, 3, 7), dt.date(2022, 4, 17), 0.03, -0.1, 0.2, p_value)
    assert run.found_effect is flagged
    text = describe_placebo(run)
    assert "+3%" in text and fragment in text


def test_a_placebo_that_finds_an_effect_warns_with_a_code():
    # Reports double 8 weeks before the campaign and nobody said so; the weeks just before the
    # campaign then look like a campaign too.
    sim = simulate_campaign(7, lift=0.0)
    series = sim.series.copy()
    series.loc[len(series) - 6 - 5 : len(series) - 7, "reports"] *= 3
    est = estimate_campaign_effect(series, sim.start, sim.end, n_sim=300)
    assert "placebo_effect" in [d.code for d in est.diagnostics]
    assert any("Controle mislukt" in w for w in est.warnings)


def test_method_in_two_plain_sentences_without_jargon():
    sim = simulate_campaign(8, n_controls=3)
    est = estimate_campaign_effect(sim.series, sim.start, sim.end, sim.controls, n_sim=200)
    text = describe_method(est)
    assert text.count(". ") == 1 and text.endswith(".")
    for jargon in ("GLM", "binomiaal", "harmonisch", "Poisson", "blootstelling"):
        assert jargon not in text
    assert "3 vergelijkbare gemeenten" in text and "schoolvakanties" in text


def test_the_alternative_without_controls_is_explained():
    sim = simulate_campaign(9, lift=0.0, common_shock=0.5, n_controls=5)
    recommended = estimate_campaign_effect(sim.series, sim.start, sim.end, sim.controls, n_sim=300)
    alternative = estimate_campaign_effect(sim.series, sim.start, sim.end, n_sim=300)
    text = describe_alternative(recommended, alternative)
    assert text.startswith("Zonder vergelijkingsgemeenten zou de uitkomst +")
    assert "landelijke gebeurtenis" in text  # the 50% national shock makes the gap large


def test_json_has_warning_codes_next_to_the_messages():
    sim = simulate_dutch_campaign(10, start=dt.date(2023, 7, 10), base=1.5, years_before=1.3)
    payload = json.loads(
        json.dumps(estimate_campaign_effect(sim.series, sim.start, sim.end, n_sim=200).to_dict())
    )
    assert len(payload["warning_codes"]) == len(payload["warnings"])
    assert "sparse" in payload["warning_codes"] and "holiday_overlap" in payload["warning_codes"]
    assert payload["method_plain"] and isinstance(payload["placebos"], list)


def test_pooled_controls_do_not_let_one_large_municipality_dominate():
    from vsdash.effect_estimator import _pooled_rate

    rng = np.random.default_rng(0)
    shared = np.exp(0.3 * np.sin(np.arange(300) / 8))
    small = rng.poisson(20 * shared[:, None], size=(300, 4)).astype(float)
    # The large one has its own noise (overdispersion) that does not shrink with its size.
    large = rng.poisson(400 * shared * rng.gamma(10, 1 / 10, size=300))[:, None].astype(float)
    counts = np.hstack([large, small])
    pooled = _pooled_rate(counts, counts, np.arange(300))
    plain_sum = counts.sum(axis=1) / counts.sum(axis=1).mean()
    noise = lambda series: np.std(np.log(series) - np.log(shared / shared.mean()))  # noqa: E731
    assert noise(pooled) < 0.8 * noise(plain_sum)


# --- the command line -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def launch_files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("effect16")
    sim = simulate_dutch_campaign(11, start=dt.date(2023, 3, 6), launch_weeks_before=30)
    sim.series.assign(week=sim.series["week"].dt.date).to_csv(folder / "series.csv", index=False)
    return folder, sim


def _run(folder, sim, capsys, *extra):
    args = [
        "effect",
        "--series",
        str(folder / "series.csv"),
        "--start",
        str(sim.start),
        "--end",
        str(sim.end),
    ]
    assert main([*args, "--json", "--n-sim", "300", *extra]) == 0
    return json.loads(capsys.readouterr().out)


def test_cli_break_and_other_campaign_are_used(launch_files, capsys):
    folder, sim = launch_files
    payload = _run(
        folder,
        sim,
        capsys,
        "--break",
        sim.launch.isoformat(),
        "--other-campaign",
        "2022-03-07:2022-04-17",
        "--region",
        "midden",
    )
    assert "level_shift" not in payload["warning_codes"]
    assert any("breuk" in note for note in payload["notes"])
    assert any("eerdere campagne" in note for note in payload["notes"])
    assert "regio midden" in payload["method"]


@pytest.mark.parametrize(
    ("extra", "fragment"),
    [
        (("--break", "2023-02-30"), "--break: '2023-02-30' is geen geldige datum"),
        (("--other-campaign", "2021-03-01"), "gebruik START:EIND"),
        (("--other-campaign", "2021-04-01:2021-03-01"), "eindigt vóór het begin"),
    ],
)
def test_cli_bad_break_or_period_gives_a_dutch_error(launch_files, capsys, extra, fragment):
    folder, sim = launch_files
    args = [
        "effect",
        "--series",
        str(folder / "series.csv"),
        "--start",
        str(sim.start),
        "--end",
        str(sim.end),
    ]
    assert main([*args, *extra]) != 0
    assert fragment in capsys.readouterr().err
