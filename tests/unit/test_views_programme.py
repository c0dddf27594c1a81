"""The Programma view model and the publication functions behind it (issue 19, item 3)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from vsdash import indicators, publication, reference
from vsdash.store import Store
from vsdash.views.programme import build_knowledge_search, build_programme, phase_in

MEMBERSHIPS = reference.memberships().assign(
    programma_naam=lambda d: d["programma"].map(reference.PROGRAMMES.set_index("programma")["naam"])
)


@pytest.mark.parametrize(
    ("programme", "year", "expected"),
    [
        ("veilige_steden", 2019, 0),
        ("veilige_steden", 2020, 13),  # 12 front-runners and Zaanstad
        ("veilige_steden", 2022, 16),  # Leiden, Nijmegen, Almelo join; Zaanstad's last year
        ("veilige_steden", 2023, 15),
        ("leefbaarheid_veiligheid", 2021, 15),
        ("city_deal_zorg_veiligheid", 2019, 6),
        ("city_deal_zorg_veiligheid", 2020, 0),
    ],
)
def test_participants_per_year(programme, year, expected):
    per_year = publication.participants_per_year(MEMBERSHIPS, 2017, 2024)
    row = per_year[(per_year["programma"] == programme) & (per_year["jaar"] == year)]
    assert int(row["deelnemers"].iloc[0]) == expected


def test_funding_per_month_adds_up_to_the_period():
    start, end = dt.date(2022, 3, 15), dt.date(2023, 2, 10)
    monthly = publication.funding_per_month(MEMBERSHIPS, start, end)
    assert len(monthly) == 12
    whole = publication.funding_in_period(MEMBERSHIPS, start, end)["bijdrage_eur"].sum()
    assert monthly["rijk_eur"].sum() == pytest.approx(whole)
    # Veilige Steden: each municipality adds what the state gives.
    assert monthly["cofinanciering_eur"].sum() == pytest.approx(whole)
    utrecht = publication.funding_per_month(
        MEMBERSHIPS, dt.date(2024, 1, 1), dt.date(2024, 1, 31), codes=["GM0344"]
    )
    assert utrecht["rijk_eur"].iloc[0] == pytest.approx(50_000 / 12)
    half = publication.funding_per_month(
        MEMBERSHIPS, dt.date(2024, 4, 16), dt.date(2024, 4, 30), codes=["GM0344"]
    )
    assert half["rijk_eur"].iloc[0] == pytest.approx(50_000 / 12 / 2)


def test_activity_budget_counts_activities_begun_in_the_period():
    acts = pd.DataFrame(
        {
            "activiteit_id": ["a", "b", "c", "d"],
            "gemeentecode": ["GM0344", "GM0344", "GM0363", "GM0344"],
            "categorie": ["preventie", "preventie", "preventie", "repressie"],
            "start": pd.to_datetime(["2023-02-01", "2023-11-30", "2023-05-01", "2022-12-31"]),
            "budget_eur": [1000, 2500, 7000, 400],
        }
    )
    out = publication.activity_budget_by_category(
        acts, ["GM0344"], dt.date(2023, 1, 1), dt.date(2023, 12, 31)
    )
    out = out.set_index("categorie")
    assert list(out.index) == ["onderzoek", "preventie", "interventie", "repressie"]
    assert (out.loc["preventie", "n"], out.loc["preventie", "budget_eur"]) == (2, 3500)
    assert out.loc["repressie", "n"] == 0  # began before the period


def test_intervention_spread_orders_municipalities_by_first_year():
    acts = pd.DataFrame(
        {
            "gemeentecode": ["GM0344", "GM0363", "GM0344", "GM0014", "GM0363"],
            "type": ["uitgaanspersoneel_training"] * 4 + ["podcast"],
            "start": pd.to_datetime(["2021-05-01", "2020-03-01", "2023-01-01", "2022-01-01", "2021-01-01"]),
        }
    )
    names = pd.Series({"GM0344": "Utrecht", "GM0363": "Amsterdam", "GM0014": "Groningen"})
    out = publication.intervention_spread(acts, None, dt.date(2024, 1, 1), names)
    top = out.iloc[0]
    assert (top["type"], top["gemeenten"], top["eerste"]) == (
        "uitgaanspersoneel_training",
        3,
        "Amsterdam 2020",
    )
    assert top["verspreiding"] == "Amsterdam 2020 → Utrecht 2021 → Groningen 2022"
    later = publication.intervention_spread(acts, None, dt.date(2021, 12, 31), names)
    assert later.set_index("type").loc["uitgaanspersoneel_training", "gemeenten"] == 2


@pytest.mark.parametrize(
    ("year", "first", "last", "phase"),
    [
        (2019, 2020, None, "nog_niet"),
        (2020, 2020, None, "opstart"),
        (2023, 2020, None, "uitvoering"),
        (2022, 2020, 2022, "uitvoering"),
        (2023, 2020, 2022, "gestopt"),
    ],
)
def test_phase_in(year, first, last, phase):
    assert phase_in(year, first, last) == phase


def test_programme_model_on_the_demo_store(demo_store_url):
    store = Store(demo_store_url)
    start, end = dt.date(2023, 1, 1), dt.date(2023, 12, 31)
    model = build_programme(
        store, gemeente=None, codes=None, programma=None, start=start, end=end, label="Alle", lang="nl"
    )
    names = [m.label for m in model.metrics]
    assert names == [
        indicators.indicator(i).name_nl
        for i in ("participants", "funding_eur", "cofinancing_eur", "activity_budget_eur")
    ]
    assert model.metrics[0].value == "15"
    assert model.metrics[1].value == "€\u00a0530.000"  # 4 x 50.000 + 11 x 30.000
    budget = publication.activity_budget_by_category(
        store.activities(),
        publication.members_in_period(store.memberships(), "veilige_steden", start, end),
        start,
        end,
    )
    assert model.budget.rows["budget_eur"].sum() == budget["budget_eur"].sum()
    assert "Leefbaarheid en Veiligheid" in set(model.participants.table.columns)
    assert model.participants.alt and model.funding.alt
    zaanstad = model.phases.rows.set_index("gemeentecode").loc["GM0479"]
    assert zaanstad["fase"] == "gestopt"
    assert model.spread.rows["gemeenten"].max() >= 5
    for table in (model.phases, model.budget, model.spread, model.peers):
        assert {c.name for c in table.columns} <= set(table.rows.columns)


def test_knowledge_search_model(demo_store_url):
    store = Store(demo_store_url)
    model = build_knowledge_search(store, query="  Safe   Clubbing ", lang="nl")
    assert "gevonden voor ‘Safe Clubbing’" in model.found
    assert {c.name for c in model.columns} <= set(model.results.columns)
    assert "meldingsbereidheid" in model.caveat
    empty = build_knowledge_search(store, query="bestaatniet", lang="en")
    assert empty.results.empty and "Nothing found" in empty.found
