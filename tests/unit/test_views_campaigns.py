"""The Campagnes view model (vsdash/views/campaigns.py): choices, the effect card, the forest plot.

The card's window count and weeks are the published cells of the store (ADR 0006): checked here
against counts read straight from the store and the perturbation table.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types

import numpy as np
import pandas as pd
import pytest

from vsdash import privacy, publication
from vsdash.i18n import fmt_number
from vsdash.store import ReportFilter
from vsdash.views import campaigns as views

CAMPAIGN, CODE = "benjijok-2023", "GM0855"


@pytest.fixture(scope="module")
def inputs(store):
    return views.effect_inputs(store)


@pytest.fixture(scope="module")
def names(store):
    return store.municipalities().set_index("gemeentecode")["weergavenaam"].to_dict()


@pytest.fixture(scope="module")
def card(inputs, names):
    return views.build_effect_card(
        inputs, campagne_id=CAMPAIGN, code=CODE, with_controls=True, names=names, lang="nl"
    )


def _window(store, campagne_id: str, code: str) -> tuple[pd.DataFrame, int]:
    """The window's weeks straight from the store, and its published count (its blocks of weeks)."""
    camp = store.campaigns().query("campagne_id == @campagne_id and gemeentecode == @code").iloc[0]
    start, end = pd.Timestamp(camp["start"]).date(), pd.Timestamp(camp["eind"]).date()
    first = start - dt.timedelta(days=start.weekday())
    last = end - dt.timedelta(days=end.weekday()) + dt.timedelta(days=6)
    weeks = store.count_reports(ReportFilter((code,), first, last), "week")
    published = 0
    for a, b in privacy.week_blocks(first, last - dt.timedelta(days=6)):
        block = weeks[(weeks["periode"] >= pd.Timestamp(a)) & (weeks["periode"] <= pd.Timestamp(b))]
        published += privacy.published_count(int(block["n"].sum()), privacy.combine_keys(block["ckey"]))
    return weeks, published


def test_choices_are_the_selections_campaigns_newest_first(store, names):
    model = views.build_campaigns(store, codes=(CODE,), label="Tilburg", names=names, lang="nl")
    starts = [c.start for c in model.choices]
    assert starts == sorted(starts, reverse=True)
    assert all(c.municipalities == (CODE,) for c in model.choices)
    assert CAMPAIGN in {c.campagne_id for c in model.choices}
    assert model.default_municipality(CAMPAIGN, CODE) == CODE

    everyone = views.build_campaigns(store, codes=None, label="Alle", names=names, lang="nl")
    national = everyone.choice(CAMPAIGN)
    assert len(national.municipalities) > 1
    assert [names[c] for c in national.municipalities] == sorted(names[c] for c in national.municipalities)
    # A municipality that did not take part falls back to the first that did.
    assert everyone.default_municipality(CAMPAIGN, "GM0363") == national.municipalities[0]
    with pytest.raises(KeyError):
        everyone.choice("bestaat-niet")


def test_timeline_says_so_when_no_campaign_runs_in_the_period(store, names):
    empty = views.build_timeline(
        store,
        gemeente=CODE,
        codes=(CODE,),
        start=dt.date(2019, 2, 1),
        end=dt.date(2019, 2, 28),
        label="Tilburg",
        highlight=None,
        names=names,
        lang="nl",
    )
    assert empty.chart is None and "Tilburg" in empty.message
    # Tilburg ran campaigns in other years, which the effect card below still offers: said so.
    assert "buiten deze periode staat hieronder" in empty.message
    shown = views.build_timeline(
        store,
        gemeente=CODE,
        codes=(CODE,),
        start=dt.date(2023, 1, 1),
        end=dt.date(2023, 12, 31),
        label="Tilburg",
        highlight=CAMPAIGN,
        names=names,
        lang="nl",
    )
    assert shown.chart is not None and shown.message == ""


def test_card_shows_the_windows_published_count_and_figures_derived_from_it(store, card):
    weeks, published = _window(store, CAMPAIGN, CODE)
    by_label = {m.label: m.value for m in card.metrics}
    assert by_label["Binnengekomen"] == fmt_number(published, "nl")
    assert card.published.observed_label == fmt_number(published, "nl")
    # Extra reports and the relative change follow the published count, so expected + extra gives
    # back only what is published (before, the exact count came back this way).
    est, _ = views.estimate(
        views.effect_inputs(store), CAMPAIGN, CODE, True
    )  # same inputs, same seed: the card's estimate
    assert est.observed == published
    assert est.extra == pytest.approx(published - est.expected)
    assert est.relative_change == pytest.approx(published / est.expected - 1)
    assert card.summary and card.caveat and card.chart is not None and not card.unavailable
    assert f"kwamen {fmt_number(published, 'nl')} meldingen binnen" in card.chart.alt  # the card's number


def test_card_weeks_are_the_same_published_cells_as_the_weekly_trend(store, card):
    weekly = card.published.weekly
    assert privacy.KEY_COL not in weekly.columns  # key and published value would give the count back
    first, last = weekly["week"].min().date(), weekly["week"].max().date() + dt.timedelta(days=6)
    cells = store.count_reports(ReportFilter((CODE,), first, last), "week").set_index("periode")
    for row in weekly.itertuples():
        n, key = (
            (int(cells.loc[row.week, "n"]), int(cells.loc[row.week, "ckey"]))
            if row.week in cells.index
            else (0, 0)
        )
        assert row.observed == privacy.published_count(n, key)
    assert not weekly["observed"].between(1, privacy.resolve_k() - 1).any()
    table = card.chart.table
    assert table is not None and len(table) == len(weekly)


def test_published_effect_hides_a_window_published_below_k():
    weekly = pd.DataFrame(
        {
            "week": pd.date_range("2024-01-01", periods=3, freq="7D"),
            "period": ["pre", "window", "window"],
            "observed": [3, 1, 2],
            "expected": [2.0, 2.0, 2.0],
            "low": [0.0, 0.0, 0.0],
            "high": [5.0, 5.0, 5.0],
            "ckey": [17, 200, 91],
        }
    )
    shown = publication.published_effect(types.SimpleNamespace(observed=0, weekly=weekly))
    assert shown.hidden and shown.observed_label == "0"
    assert set(shown.weekly["observed"]) <= {0.0, 5.0}
    # Without keys (a frame built by hand) the older suppression still hides small counts.
    bare = publication.published_effect(types.SimpleNamespace(observed=3, weekly=weekly.drop(columns="ckey")))
    assert bare.hidden and bare.observed_label == "<5" and bare.weekly["observed"].isna().all()


def test_card_without_data_says_why(inputs, names):
    no_data = dataclasses.replace(inputs, span=None)
    card = views.build_effect_card(
        no_data, campagne_id=CAMPAIGN, code=CODE, with_controls=True, names=names, lang="nl"
    )
    assert card.unavailable and card.metrics == () and card.chart is None
    with pytest.raises(ValueError, match="deed niet mee"):
        views.build_effect_card(
            inputs, campagne_id=CAMPAIGN, code="GM0363", with_controls=True, names=names, lang="nl"
        )


def test_forest_leaves_out_windows_published_below_k_and_says_how_many(names):
    effects = pd.DataFrame(
        {
            "campagne_id": ["a", "b", "c", "d"],
            "naam": ["A", "B", "C", "D <b>"],
            "gemeentecode": ["GM0855", "GM0855", "GM0363", "GM0855"],
            "observed": [12.0, 0.0, 40.0, 7.0],
            "relative_change": [0.1, np.nan, 0.2, -0.1],
            "relative_low": [-0.1, np.nan, 0.0, -0.3],
            "relative_high": [0.3, np.nan, 0.4, 0.2],
            "fout": ["", "", "", ""],
        }
    )
    forest = views.build_forest(effects, codes=("GM0855",), names=names, lang="nl")
    assert forest.chart is not None and forest.message == ""
    assert "1" in forest.left_out  # window b: published 0
    labels = [str(label) for label in forest.chart.figure.data[-1].y]
    assert len(labels) == 2 and any("D &lt;b&gt;" in label for label in labels)  # names as plain text
    empty = views.build_forest(effects.iloc[1:2], codes=None, names=names, lang="nl")
    assert empty.chart is None and empty.message


def test_card_says_which_number_to_quote_when_its_weeks_add_up_to_another(inputs, names, store):
    """Each week and the window are published apart (ADR 0006), so the chart's campaign weeks may
    add up to another number than "Binnengekomen": the card then says to quote the window's."""
    campaigns = store.campaigns()
    differing = 0
    for row in campaigns[campaigns["gemeentecode"].isin(["GM0141", CODE])].itertuples():
        card = views.build_effect_card(
            inputs,
            campagne_id=row.campagne_id,
            code=row.gemeentecode,
            with_controls=False,
            names=names,
            lang="nl",
        )
        if card.published is None or card.published.hidden:
            continue
        window = card.published.weekly.query("period == 'window'")["observed"]
        weeks, received = (
            int(window.sum(skipna=True)),
            {m.label: m.value for m in card.metrics}["Binnengekomen"],
        )
        if fmt_number(weeks, "nl") == received:
            assert card.weeks_note == ""
        else:
            differing += 1
            assert f"samen {fmt_number(weeks, 'nl')} meldingen, de kaart noemt {received}" in card.weeks_note
            assert f"Noem dat aantal ({received})" in card.weeks_note
    assert differing  # the demo's Almelo campaign: its weeks add up to fewer than the card says
