"""Comparison of municipalities: rates and exact intervals, no rank without a meldpunt,
suppression in the ranking, comparable municipalities, and the chart builders."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from vsdash import charts_compare, compare, metrics, publication, reference
from vsdash.charts import ChartSpec

YEAR_START, YEAR_END = dt.date(2023, 1, 1), dt.date(2023, 12, 31)


def _channels(*rows):
    return pd.DataFrame(
        [
            {
                "kanaal_id": f"{code}-web",
                "gemeentecode": code,
                "naam": "web",
                "soort": "meldpunt_web",
                "start": s,
                "eind": e,
            }
            for code, s, e in rows
        ],
        columns=["kanaal_id", "gemeentecode", "naam", "soort", "start", "eind"],
    )


def _population(**by_code):
    return pd.DataFrame(
        [{"gemeentecode": c, "jaar": 2023, "inwoners": n} for c, n in by_code.items()],
        columns=["gemeentecode", "jaar", "inwoners"],
    )


def test_poisson_interval_matches_hand_computed_garwood():
    low, high = metrics.poisson_rate_interval(10, 100_000)
    assert metrics.rate_per_10k(10, 100_000) == pytest.approx(1.0)
    assert low == pytest.approx(0.4795, abs=1e-4)
    assert high == pytest.approx(1.8390, abs=1e-4)


def test_rate_over_a_full_year_is_count_per_10k():
    counts = pd.DataFrame({"gemeentecode": ["GM0001"], "n": [10]})
    rates = compare.municipality_rates(
        counts,
        _population(GM0001=100_000),
        _channels(("GM0001", "2019-01-01", None)),
        ["GM0001"],
        YEAR_START,
        YEAR_END,
    )
    row = rates.iloc[0]
    # 365 open days of 100,000 inhabitants is 365/365.25 of an inhabitant-year.
    assert row["dagen"] == 365
    assert row["rate"] == pytest.approx(1.0 * 365.25 / 365)
    assert row["low"] == pytest.approx(0.4795 * 365.25 / 365, abs=1e-4)
    assert row["high"] == pytest.approx(1.8390 * 365.25 / 365, abs=1e-4)


def test_channel_opened_halfway_doubles_the_rate_not_halves_it():
    counts = pd.DataFrame({"gemeentecode": ["A", "B"], "n": [50, 50]})
    channels = _channels(("A", "2019-01-01", None), ("B", "2023-07-02", None))
    rates = compare.municipality_rates(
        counts, _population(A=100_000, B=100_000), channels, ["A", "B"], YEAR_START, YEAR_END
    )
    a, b = rates.set_index("gemeentecode").loc["A"], rates.set_index("gemeentecode").loc["B"]
    assert b["dagen"] == 183
    assert b["rate"] == pytest.approx(a["rate"] * 365 / 183)


def test_municipality_without_channel_is_not_ranked_as_zero():
    counts = pd.DataFrame({"gemeentecode": ["A", "B"], "n": [40, 60]})
    rates = compare.municipality_rates(
        counts,
        _population(A=50_000, B=80_000, C=90_000),
        _channels(("A", "2019-01-01", None), ("B", "2019-01-01", None)),
        ["A", "B", "C"],
        YEAR_START,
        YEAR_END,
    )
    c = rates.set_index("gemeentecode").loc["C"]
    assert not c["meldpunt"] and np.isnan(c["rate"]) and np.isnan(c["low"])
    ranked = compare.ranked_rates(rates)
    last = ranked.iloc[-1]
    assert last["gemeentecode"] == "C" and last["status"] == compare.NO_CHANNEL
    assert pd.isna(last["rang"]) and pd.isna(last["n"])
    assert list(ranked["rang"].dropna()) == [1, 2]


def test_channel_that_ended_before_the_period_means_no_channel():
    rates = compare.municipality_rates(
        pd.DataFrame(columns=["gemeentecode", "n"]),
        _population(Z=150_000),
        _channels(("Z", "2021-05-25", "2022-06-30")),
        ["Z"],
        YEAR_START,
        YEAR_END,
    )
    assert not rates["meldpunt"].iloc[0]


def test_ranking_suppresses_small_counts_and_their_rates():
    codes = ["A", "B", "C", "D"]
    counts = pd.DataFrame({"gemeentecode": codes, "n": [3, 120, 45, 9]})
    channels = _channels(*[(c, "2019-01-01", None) for c in codes])
    rates = compare.municipality_rates(
        counts, _population(A=20_000, B=300_000, C=90_000, D=40_000), channels, codes, YEAR_START, YEAR_END
    )
    ranked = compare.ranked_rates(rates, k=5)
    shown = ranked["n"].dropna().astype(int)
    assert not shown.between(1, 4).any()
    a = ranked.set_index("gemeentecode").loc["A"]
    assert a["label"] == "<5" and np.isnan(a["rate"]) and np.isnan(a["low"]) and np.isnan(a["high"])
    assert a["status"] == compare.HIDDEN and pd.isna(a["rang"])
    # The total is published, so a second cell is hidden and A cannot be worked out from it.
    assert (ranked["suppression"] == "secondary").sum() >= 1
    hidden = ranked["n"].isna()
    assert ranked.loc[hidden, ["rate", "low", "high"]].isna().all().all()
    table = charts_compare.ranking_table(ranked, names=pd.Series(dtype=object))
    assert not table["Meldingen"].isin(["1", "2", "3", "4"]).any()
    assert (table.loc[table["Meldingen"] == "<5", "Per 10.000 inwoners per jaar"] == "").all()


def test_peer_group_codes_always_include_the_focus():
    peers = pd.DataFrame({"groep": ["G4"] * 2, "gemeentecode": ["GM0363", "GM0599"]})
    assert compare.peer_group_codes("G4", peers, ["X"], focus="GM0080") == ["GM0080", "GM0363", "GM0599"]
    assert compare.peer_group_codes("vergelijkbaar", peers, [], ["B", "C"], focus="A") == ["A", "B", "C"]
    with pytest.raises(ValueError):
        compare.peer_group_codes("G5", peers, [])


def test_monthly_rates_blank_before_the_channel_opened():
    counts = pd.DataFrame(
        {"gemeentecode": ["A"] * 2, "periode": pd.to_datetime(["2023-06-01", "2023-07-01"]), "n": [0, 31]}
    )
    monthly = compare.monthly_rates(
        counts,
        _population(A=100_000),
        _channels(("A", "2023-07-17", None)),
        ["A"],
        dt.date(2023, 5, 1),
        dt.date(2023, 8, 31),
    )
    by_month = monthly.set_index("periode")
    assert np.isnan(by_month.loc["2023-06-01", "rate"]) and not by_month.loc["2023-06-01", "meldpunt"]
    # 31 reports in 15 open days of July: per year over those open days.
    assert by_month.loc["2023-07-01", "rate"] == pytest.approx(10_000 * 31 / (100_000 * 15 / 365.25))


def test_monthly_cells_carry_their_keys_and_are_perturbed_like_every_count():
    # Issue 14: months from the store are cells with keys; privacy perturbs them (no "<5", no 1..4)
    # and the rate follows the published count, so rate x exposure gives back only that.
    from vsdash import privacy

    counts = pd.DataFrame(
        {
            "gemeentecode": ["A", "A", "A", "B"],
            "periode": pd.to_datetime(["2023-06-01", "2023-06-01", "2023-07-01", "2023-06-01"]),
            "n": [2, 1, 40, 9],
            "ckey": [200, 100, 7, 90],
        }
    )
    monthly = compare.monthly_rates(
        counts,
        _population(A=100_000, B=50_000),
        _channels(("A", "2020-01-01", None), ("B", "2020-01-01", None)),
        ["A", "B"],
        *compare.whole_months(dt.date(2023, 6, 12), dt.date(2023, 7, 3)),
    )
    june_a = monthly[(monthly["gemeentecode"] == "A") & (monthly["periode"] == "2023-06-01")].iloc[0]
    assert (june_a["n"], june_a["ckey"]) == (3, (200 + 100) % 256)  # keys add up like counts
    published = privacy.suppress_rates(monthly, "n", ("rate",))
    assert "ckey" not in published.columns and not published["n"].between(1, 4).any()
    for row, exact in zip(published.itertuples(), monthly.itertuples(), strict=True):
        assert row.n == privacy.published_count(exact.n, exact.ckey)
        if row.n:
            assert row.rate == pytest.approx(10_000 * row.n / exact.persoonjaren)

    group = compare.group_monthly_rates(published)
    june = group.set_index("periode").loc["2023-06-01"]
    members = published[published["periode"] == "2023-06-01"]
    assert june["n"] == members["n"].sum()  # a group's month is the sum of its published members
    assert june["rate"] == pytest.approx(
        10_000 * members["n"].sum() / monthly.loc[members.index, "persoonjaren"].sum()
    )


def test_whole_months_and_a_group_month_without_any_channel():
    assert compare.whole_months(dt.date(2024, 2, 10), dt.date(2024, 2, 11)) == (
        dt.date(2024, 2, 1),
        dt.date(2024, 2, 29),
    )
    assert compare.whole_months(dt.date(2023, 12, 31), dt.date(2024, 1, 1)) == (
        dt.date(2023, 12, 1),
        dt.date(2024, 1, 31),
    )
    published = pd.DataFrame(
        {
            "periode": pd.to_datetime(["2023-05-01", "2023-06-01"]),
            "n": pd.array([0, 12], dtype="Int64"),
            "persoonjaren": [0.0, 100.0],
            "meldpunt": [False, True],
        }
    )
    group = compare.group_monthly_rates(published).set_index("periode")
    assert np.isnan(group.loc["2023-05-01", "rate"]) and group.loc["2023-06-01", "rate"] == pytest.approx(
        1200
    )


def test_funding_and_membership_changes():
    memberships = pd.DataFrame(
        {
            "programma": ["veilige_steden"] * 3,
            "gemeentecode": ["GM0363", "GM0546", "GM0479"],
            "jaar_start": [2020, 2022, 2020],
            "jaar_eind": pd.array([None, None, 2022], dtype="Int64"),
            "bijdrage_rijk_eur": [50_000, 30_000, 30_000],
        }
    )
    funding = publication.funding_in_period(
        memberships, dt.date(2021, 1, 1), dt.date(2023, 12, 31)
    ).set_index("gemeentecode")
    assert funding.loc["GM0363", "bijdrage_eur"] == 150_000
    assert funding.loc["GM0546", "bijdrage_eur"] == 60_000
    assert funding.loc["GM0479", "bijdrage_eur"] == 60_000
    # Pro rata per month: 24 months of Amsterdam (EUR 50.000 a year) earn EUR 100.000, not 150.000
    # for the three calendar years the period touches.
    two_years = publication.funding_in_period(memberships, dt.date(2024, 11, 1), dt.date(2026, 10, 31))
    assert two_years.set_index("gemeentecode").loc["GM0363", "bijdrage_eur"] == pytest.approx(100_000)
    changes = compare.membership_changes(memberships)
    assert set(map(tuple, changes[["gemeentecode", "jaar", "soort"]].to_numpy())) == {
        ("GM0546", 2022, "ingestroomd"),
        ("GM0479", 2022, "gestopt"),
    }


@pytest.fixture()
def toy_comparison():
    codes = ["A", "B", "C"]
    names = pd.Series({"A": "Aastad", "B": "Beedorp", "C": "Ceeveen"})
    counts = pd.DataFrame(
        {
            "gemeentecode": np.repeat(codes, 12),
            "periode": list(pd.date_range("2023-01-01", periods=12, freq="MS")) * 3,
            "n": [20] * 12 + [30] * 12 + [0] * 12,
        }
    )
    channels = _channels(("A", "2019-01-01", None), ("B", "2019-01-01", None))
    population = _population(A=100_000, B=200_000, C=50_000)
    return codes, names, counts, channels, population


def test_every_comparison_chart_returns_a_chartspec_with_alt_and_table(toy_comparison):
    from vsdash import privacy

    codes, names, counts, channels, population = toy_comparison
    rates = compare.municipality_rates(counts, population, channels, codes, YEAR_START, YEAR_END)
    ranked = compare.ranked_rates(rates)
    monthly = privacy.suppress_rates(
        compare.monthly_rates(counts, population, channels, codes, YEAR_START, YEAR_END),
        "n",
        ("rate",),
        group_cols=["gemeentecode"],
    )
    municipalities = pd.DataFrame(
        {
            "gemeentecode": codes,
            "weergavenaam": list(names),
            "lat": [52.0, 52.3, 51.8],
            "lon": [5.0, 4.9, 5.8],
        }
    )
    values = ranked[["gemeentecode", "rate"]].rename(columns={"rate": "value"}).assign(note="geen meldpunt")
    campaigns = pd.DataFrame(
        {
            "campagne_id": ["c1"],
            "naam": ["Ben jij OK?"],
            "start": [pd.Timestamp("2023-03-01")],
            "eind": [pd.Timestamp("2023-04-01")],
            "gemeentecode": ["A"],
        }
    )
    memberships = pd.DataFrame(
        {
            "programma": ["veilige_steden", "city_deal_zorg_veiligheid"],
            "programma_naam": ["Veilige Steden", "City Deal"],
            "gemeentecode": ["A", "B"],
            "jaar_start": [2020, 2017],
            "jaar_eind": pd.array([None, 2019], dtype="Int64"),
        }
    )
    square = {"type": "Polygon", "coordinates": [[[5, 52], [5, 52.1], [5.1, 52.1], [5.1, 52], [5, 52]]]}
    geojson = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {"gemeentecode": c}, "geometry": square}
            for c in codes + ["OTHER"]
        ],
    }
    specs = [
        charts_compare.ranked_rate_chart(
            ranked, names=names, focus="A", group_rate=compare.group_rate(rates)
        ),
        charts_compare.small_multiples_chart(monthly, names=names, campaigns=campaigns, focus="A"),
        charts_compare.membership_timeline_chart(
            compare.membership_spans(memberships, YEAR_END), names=names
        ),
    ]
    for geo in (geojson, None):
        specs.append(
            charts_compare.comparison_map(
                values,
                municipalities=municipalities,
                geojson=geo,
                metric_label="per 10k",
                value_format=lambda v: f"{v:.1f}",
                changes=compare.membership_changes(memberships),
            )
        )
    for spec in specs:
        assert isinstance(spec, ChartSpec)
        assert spec.alt and spec.alt.endswith(".") and "{" not in spec.alt
        assert isinstance(spec.table, pd.DataFrame) and len(spec.table)
    assert "Ceeveen" in specs[0].alt or "zonder meldpunt" in specs[0].alt
    assert "geen meldpunt" in set(specs[0].table["Meldingen"])


def test_membership_caption_says_what_the_count_is_part_of():
    """Issue 19: "Leefbaarheid en Veiligheid: 9" read as the programme's size; it is 9 of 15 shown."""
    memberships = reference.memberships().assign(
        programma_naam=lambda d: d["programma"].map(reference.PROGRAMMES.set_index("programma")["naam"])
    )
    shown = memberships[memberships["gemeentecode"].isin(reference.VS_SINCE_2020)]
    totals = memberships.groupby("programma_naam")["gemeentecode"].nunique().to_dict()
    spec = charts_compare.membership_timeline_chart(
        compare.membership_spans(shown, YEAR_END), names=pd.Series(dtype=str), totals=totals
    )
    # The 12 front-runners include 8 of the 15 Leefbaarheid en Veiligheid municipalities.
    assert "Leefbaarheid en Veiligheid: 8 van de 15 deelnemers ooit" in spec.alt
    assert "in deze vergelijking" in spec.alt
