"""Chart builders of the Meldingen and Campagnes pages: each gives a figure, alt text and table."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from vsdash import charts, metrics, privacy

WEEKS = pd.date_range("2024-01-01", periods=12, freq="7D")
CAMPAIGNS = pd.DataFrame(
    {
        "campagne_id": ["c1", "c1", "c2"],
        "naam": ["Ben jij OK?", "Ben jij OK?", "Lokaal"],
        "schaal": ["landelijk", "landelijk", "lokaal"],
        "start": [dt.date(2024, 2, 5)] * 2 + [dt.date(2024, 3, 4)],
        "eind": [dt.date(2024, 3, 3)] * 2 + [dt.date(2024, 3, 17)],
        "gemeentecode": ["GM1", "GM2", "GM1"],
    }
)
BREAKS = metrics.known_breaks(
    pd.DataFrame(columns=["gemeentecode", "start", "eind", "naam"]),
    None,
    dt.date(2024, 1, 1),
    dt.date(2024, 12, 31),
)


def _counts(n):
    frame = pd.DataFrame({"periode": WEEKS, "n": n})
    return privacy.suppress_small_counts(frame, "n", total_shown=False).astype({"n": "float"})


def _check(spec):
    assert isinstance(spec, charts.ChartSpec)
    assert spec.alt and spec.alt.endswith(".")
    assert not spec.table.empty
    assert "nan" not in spec.alt.lower()


def test_stacked_reports_chart_hides_small_counts():
    rows = pd.DataFrame(
        {"periode": np.repeat(WEEKS, 2), "categorie": ["verbaal", "fysiek"] * 12, "n": [20, 3] * 12}
    )
    rows = privacy.suppress_small_counts(rows, "n", group_cols=["periode"]).astype({"n": "float"})
    spec = charts.stacked_reports_chart(
        rows, "categorie", {"verbaal": "Verbaal", "fysiek": "Fysiek"}, CAMPAIGNS, BREAKS, grain="week"
    )
    _check(spec)
    assert "<5" in spec.table.to_string()
    assert not any(str(v) in ("3", "3.0") for v in spec.table.to_numpy().ravel())


def test_rate_trend_chart():
    population = pd.DataFrame({"gemeentecode": ["GM1"], "jaar": [2024], "inwoners": [50_000]})
    rates = metrics.rates_per_period(pd.DataFrame({"periode": WEEKS, "n": [10] * 12}), population, ("GM1",))
    assert rates["rate"].iloc[0] == pytest.approx(2.0)
    rates = privacy.suppress_rates(rates, "n", ("rate",), total_shown=False)
    _check(charts.rate_trend_chart(rates, CAMPAIGNS, BREAKS, grain="week"))


def test_weekday_hour_heatmap():
    grid = pd.DataFrame(
        [(d, h, 10 + d) for d in range(1, 8) for h in range(24)], columns=["weekdag", "uur", "n"]
    )
    grid = privacy.suppress_small_counts(grid, "n", total_shown=False).astype({"n": "float"})
    spec = charts.weekday_hour_heatmap(grid)
    _check(spec)
    assert "zondag" in spec.alt


def test_campaign_timeline_chart_shares_the_time_axis():
    spec = charts.campaign_timeline_chart(
        CAMPAIGNS,
        {"GM1": "Eenstad", "GM2": "Tweestad"},
        _counts([8] * 12),
        BREAKS,
        grain="week",
        highlight="c1",
    )
    _check(spec)
    assert spec.figure.layout.xaxis.matches == "x2" or spec.figure.layout.xaxis2.matches == "x"
    assert len(spec.table) == 3


def test_counterfactual_chart():
    weekly = pd.DataFrame(
        {
            "week": WEEKS,
            "period": ["pre"] * 8 + ["window"] * 4,
            "n": [10] * 8 + [18, 20, 3, 19],
            "expected": [10.0] * 12,
            "low": [5.0] * 12,
            "high": [16.0] * 12,
        }
    )
    weekly = privacy.suppress_small_counts(weekly, "n", total_shown=True).rename(columns={"n": "observed"})
    spec = charts.counterfactual_chart(weekly.astype({"observed": "float"}))
    _check(spec)
    assert "4" in spec.alt  # four campaign weeks


def test_forest_chart_sorted_with_zero_line():
    effects = pd.DataFrame(
        {
            "label": ["A — X", "B — Y", "C — Z"],
            "relative_change": [0.4, -0.1, 0.1],
            "relative_low": [0.1, -0.3, -0.05],
            "relative_high": [0.8, 0.1, np.nan],
        }
    )
    spec = charts.campaign_forest_chart(effects)
    _check(spec)
    assert list(spec.figure.data[0].y) == ["B — Y", "C — Z", "A — X"]
    assert any(shape.x0 == 0 and shape.x1 == 0 for shape in spec.figure.layout.shapes)
    assert "1" in spec.alt  # one clear rise
    assert "…" in spec.table.to_string()  # the unbounded interval says so


def test_counts_by_channel_kind():
    counts = pd.DataFrame({"periode": [WEEKS[0]] * 3, "kanaal_id": ["a", "b", "zz"], "n": [5, 6, 7]})
    channels = pd.DataFrame({"kanaal_id": ["a", "b"], "soort": ["app", "app"]})
    out = metrics.counts_by_channel_kind(counts, channels).set_index("soort")["n"]
    assert out.to_dict() == {"app": 11, "overig": 7}


def test_counts_by_channel_kind_adds_the_keys_of_a_kind_like_its_counts():
    # Issue 14: without its key a kind's count fell back to suppression and was published exactly.
    counts = pd.DataFrame(
        {"periode": [WEEKS[0]] * 3, "kanaal_id": ["a", "b", "zz"], "n": [5, 6, 7], "ckey": [200, 100, 3]}
    )
    channels = pd.DataFrame({"kanaal_id": ["a", "b"], "soort": ["app", "app"]})
    out = metrics.counts_by_channel_kind(counts, channels).set_index("soort")
    assert out["ckey"].to_dict() == {"app": 300, "overig": 3}
    assert privacy.combine_keys([300]) == privacy.combine_keys([200, 100])
