"""Series building and all-campaign estimates: unit tests, and recovery of the demo's true lifts."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from vsdash import campaign_effects as ce

CHANNELS = pd.DataFrame(
    {
        "kanaal_id": ["GM1-web", "GM1-app"],
        "gemeentecode": ["GM1", "GM1"],
        "naam": ["Meldpunt", "App"],
        "soort": ["meldpunt_web", "app"],
        "start": [dt.date(2021, 3, 3), dt.date(2022, 6, 1)],  # a Wednesday: that week is partial
        "eind": [None, None],
    }
)
POPULATION = pd.DataFrame(
    {"gemeentecode": ["GM1", "GM1"], "jaar": [2021, 2022], "inwoners": [100_000, 110_000]}
)


def test_no_zero_weeks_before_the_first_channel():
    counts = pd.DataFrame({"periode": pd.to_datetime(["2021-03-15"]), "n": [7]})
    series = ce.weekly_report_series(
        counts, CHANNELS, POPULATION, "GM1", dt.date(2021, 1, 1), dt.date(2021, 4, 30)
    )
    # First whole week with an open channel: Monday 8 March 2021 (the launch week is partial).
    assert series["week"].iloc[0] == pd.Timestamp("2021-03-08")
    assert (series["week"] >= pd.Timestamp("2021-03-08")).all()
    assert series.set_index("week").loc["2021-03-15", "reports"] == 7
    assert series["reports"].sum() == 7  # the other weeks are zeros, but only after the launch
    # The last week must end by 30 April 2021 (Friday): the week of 26 April is partial.
    assert series["week"].iloc[-1] == pd.Timestamp("2021-04-19")


def test_weeks_after_the_last_channel_closed_are_left_out():
    closed = CHANNELS.iloc[:1].assign(eind=[dt.date(2021, 5, 2)])
    weeks = ce.open_weeks(closed, "GM1", dt.date(2021, 1, 1), dt.date(2021, 12, 31))
    assert weeks[-1] == pd.Timestamp("2021-04-26")


def test_population_of_the_weeks_own_year():
    series = ce.weekly_report_series(
        pd.DataFrame(columns=["periode", "n"]),
        CHANNELS,
        POPULATION,
        "GM1",
        dt.date(2021, 12, 1),
        dt.date(2023, 2, 28),
    )
    by_year = series.groupby(series["week"].dt.year)["population"].unique()
    assert list(by_year[2021]) == [100_000]
    assert list(by_year[2022]) == [110_000]
    assert list(by_year[2023]) == [110_000]  # nearest loaded year


def test_campaign_context_lists_later_launches_closures_the_law_and_the_region():
    campaigns = pd.DataFrame(
        {
            "campagne_id": ["a", "b"],
            "naam": ["A", "B"],
            "schaal": ["lokaal", "lokaal"],
            "start": [dt.date(2023, 3, 6), dt.date(2024, 9, 2)],
            "eind": [dt.date(2023, 4, 2), dt.date(2024, 10, 6)],
            "gemeentecode": ["GM1", "GM1"],
        }
    )
    channels = pd.concat(
        [
            CHANNELS,
            pd.DataFrame(
                {
                    "kanaal_id": ["GM1-tel"],
                    "gemeentecode": ["GM1"],
                    "naam": ["Telefoon"],
                    "soort": ["telefoon"],
                    "start": [dt.date(2021, 3, 3)],
                    "eind": [dt.date(2023, 9, 30)],
                }
            ),
        ],
        ignore_index=True,
    )
    context = ce.campaign_context(campaigns, channels, "b", "GM1")
    assert context.channel_launches == (dt.date(2022, 6, 1),)
    # The day after a channel closed, and the criminalisation of street harassment.
    assert context.breaks == (dt.date(2023, 10, 1), dt.date(2024, 7, 1))
    assert context.region == "landelijk"  # GM1 is no real municipality
    assert (
        ce.campaign_context(
            campaigns.assign(gemeentecode="GM0363"), CHANNELS.assign(gemeentecode="GM0363"), "b", "GM0363"
        ).region
        == "noord"
    )
    assert context.other_campaigns == ((dt.date(2023, 3, 6), dt.date(2023, 4, 2)),)
    with pytest.raises(ValueError, match="deed niet mee"):
        ce.campaign_context(campaigns, CHANNELS, "b", "GM2")


@pytest.fixture(scope="module")
def demo_effects(tmp_path_factory):
    """All campaign effects on a 200k-report demo store (seed 42), with the true lifts."""
    from vsdash.demo import generate_demo
    from vsdash.store import ReportFilter, Store

    store = Store(f"duckdb:///{tmp_path_factory.mktemp('effects') / 'demo.duckdb'}")
    generate_demo(store, seed=42, reports=200_000)
    span = store.report_date_range()
    counts = store.count_reports(ReportFilter(None, *span), "week", ("gemeentecode",))
    effects = ce.estimate_all_campaigns(counts, store.campaigns(), store.channels(), store.population(), span)
    truth = store.ground_truth()
    store.close()
    return effects.merge(truth, on=["campagne_id", "gemeentecode"], validate="one_to_one")


def test_estimates_recover_the_true_lifts(demo_effects):
    estimated = demo_effects[demo_effects["fout"] == ""]
    # A campaign before the data starts (Rotterdam 2018) cannot be estimated; that is rare.
    assert len(estimated) >= 0.9 * len(demo_effects)
    high = estimated["relative_high"].fillna(np.inf)
    inside = (estimated["lift"] >= estimated["relative_low"]) & (estimated["lift"] <= high)
    # With nominal 95% intervals and ~50 pairs we expect ~2.5 misses; P(8 or more misses) under
    # the binomial is ~0.3%, so requiring >= 85% coverage only fails when the intervals are too
    # narrow (or biased), not by bad luck. Pairs whose pre-period lies in Covid are the usual misses.
    assert inside.mean() >= 0.85, estimated.loc[~inside, ["campagne_id", "gemeentecode", "lift"]]
    assert np.corrcoef(estimated["relative_change"], estimated["lift"])[0, 1] > 0.5


def test_all_campaigns_frame_shape(demo_effects):
    assert list(demo_effects.columns[: len(ce.EFFECT_COLUMNS)]) == ce.EFFECT_COLUMNS
    failed = demo_effects[demo_effects["fout"] != ""]
    assert failed["relative_change"].isna().all()
    assert all(isinstance(w, tuple) for w in demo_effects["warning_codes"])
