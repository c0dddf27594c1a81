"""View models are pure: built from the store, frozen, their figures from the publication layer."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from vsdash import publication
from vsdash.views.comparison import build_comparison, compare_options
from vsdash.views.overview import build_overview
from vsdash.views.reports import build_reports

YEAR = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))


def test_overview_model_is_frozen_and_carries_the_key_figures(store):
    model = build_overview(
        store, gemeente="GM0344", programma=None, start=YEAR[0], end=YEAR[1], label="Utrecht", lang="nl"
    )
    with pytest.raises(dataclasses.FrozenInstanceError):
        model.title = "x"
    figures = publication.key_figures(store, gemeente="GM0344", start=YEAR[0], end=YEAR[1])
    assert model.key == figures
    assert model.trend is not None and model.trend.alt
    assert any("niet apart" in note for note in model.trend_notes) == ((figures.hidden or 0) > 0)


def test_overview_without_reporting_point_says_so(store):
    model = build_overview(
        store, gemeente="GM0080", programma=None, start=YEAR[0], end=YEAR[1], label="Leeuwarden", lang="nl"
    )
    assert "geen meldpunt" in model.notice and model.trend is None
    assert model.metrics[0].value == "geen meldpunt"


def test_reports_model_in_english(store):
    model = build_reports(
        store,
        codes=("GM0344",),
        gemeente="GM0344",
        start=YEAR[0],
        end=YEAR[1],
        grain="month",
        split="kanaal",
        label="Utrecht",
        lang="en",
    )
    assert model.trend.title.startswith("Reports per month")
    assert model.rates.title == "Reports per 10,000 inhabitants per year"
    with pytest.raises(ValueError):
        build_reports(
            store,
            codes=None,
            gemeente=None,
            start=YEAR[0],
            end=YEAR[1],
            grain="year",
            split="kanaal",
            label="",
            lang="nl",
        )


def test_comparison_ranks_utrecht_with_its_key_figure(store):
    options = compare_options(store, gemeente="GM0344", programma=None, start=YEAR[0], end=YEAR[1])
    assert options.default_group == "vergelijkbaar" and "GM0344" in options.candidates
    model = build_comparison(
        store,
        gemeente="GM0344",
        programma=None,
        start=YEAR[0],
        end=YEAR[1],
        group_choice="G4",
        focus=None,
        metric="bijdrage",
        boundaries=(None, "ontbreekt"),
        lang="nl",
    )
    figures = publication.key_figures(store, gemeente="GM0344", start=YEAR[0], end=YEAR[1])
    table = model.ranking.table
    row = table[table["Gemeente"] == "Utrecht"].iloc[0]
    assert row["Per 10.000 inwoners per jaar"] == figures.labels("nl")["rate"]
    assert model.map_message  # no boundaries: the page says why
