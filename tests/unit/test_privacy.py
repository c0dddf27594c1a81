"""Tests for vsdash.privacy: cell-key perturbation, periods and breakdowns, the older suppression
(still applied to frames without keys), rates, H3 ceiling, map and export guards."""

from __future__ import annotations

import datetime as dt

import h3
import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vsdash import privacy
from vsdash.privacy import PRIMARY

KS = [3, 5, 10]


@st.composite
def report_count_tables(draw):
    """Counts per (gemeentecode, categorie): up to 4 municipalities, up to 6 categories each."""
    n_groups = draw(st.integers(1, 4))
    rows = []
    for g in range(n_groups):
        n_cells = draw(st.integers(1, 6))
        # Mostly small counts, so suppression actually happens.
        counts = draw(
            st.lists(st.one_of(st.integers(0, 12), st.integers(0, 60)), min_size=n_cells, max_size=n_cells)
        )
        rows += [
            {"gemeentecode": f"GM{g:04d}", "categorie": f"c{i}", "count": c} for i, c in enumerate(counts)
        ]
    return pd.DataFrame(rows)


def _feasible_values(bounds: list[tuple[int, int]], total: int, i: int) -> set[int]:
    """Values cell i can take, given each hidden cell's bounds and their known sum (brute force)."""
    others = [b for j, b in enumerate(bounds) if j != i]
    reachable = {0}
    for low, high in others:
        reachable = {s + v for s in reachable for v in range(low, min(high, total) + 1) if s + v <= total}
    low, high = bounds[i]
    return {v for v in range(low, min(high, total) + 1) if total - v in reachable}


def _assert_not_derivable(raw: pd.Series, cells: pd.DataFrame, total_hidden: bool, k: int) -> None:
    """A reader who sees the labels and the total learns nothing beyond '<k' about primary cells."""
    suppressed = cells["suppression"] != ""
    n_suppressed = int(suppressed.sum())
    assert total_hidden or n_suppressed == 0 or n_suppressed >= 2
    if total_hidden or not (cells["suppression"] == PRIMARY).any():
        return
    hidden_raw = raw[suppressed]
    hidden_sum = int(hidden_raw.sum())  # = visible total - sum(visible cells)
    # What the labels tell: '<k' is 1..k-1; 'x' is a visible-sized count, so k or more.
    bounds = [(1, k - 1) if s == PRIMARY else (k, hidden_sum) for s in cells.loc[suppressed, "suppression"]]
    for i, status in enumerate(cells.loc[suppressed, "suppression"]):
        if status == PRIMARY:
            assert _feasible_values(bounds, hidden_sum, i) == set(range(1, k)), (raw.tolist(), cells)


@pytest.mark.parametrize("k", KS)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(table=report_count_tables())
def test_no_shown_count_below_k_and_nothing_derivable_from_totals(table, k):
    cells, totals = privacy.suppress_with_margin(table, "gemeentecode", k=k)

    for frame in (cells, totals):
        shown = frame["count"].dropna()
        assert not ((shown >= 1) & (shown < k)).any()
        hidden = frame["count"].isna()
        assert frame.loc[hidden, "label"].isin([f"<{k}", "x"]).all()
    assert (cells.loc[table["count"] == 0, "count"] == 0).all()  # zero is shown

    for code, raw in table.groupby("gemeentecode")["count"]:
        total_row = totals.loc[totals["gemeentecode"] == code].iloc[0]
        total_hidden = pd.isna(total_row["count"])
        if not total_hidden:
            assert total_row["count"] == raw.sum()
        _assert_not_derivable(raw, cells.loc[raw.index], total_hidden, k)


@pytest.mark.parametrize("k", KS)
@settings(max_examples=100, deadline=None)
@given(counts=st.lists(st.integers(0, 40), min_size=1, max_size=7))
def test_single_table_with_grand_total_is_protected(counts, k):
    table = pd.DataFrame({"categorie": [f"c{i}" for i in range(len(counts))], "count": counts})
    cells, totals = privacy.suppress_with_margin(table, None, k=k)
    total_hidden = pd.isna(totals["count"].iloc[0])
    _assert_not_derivable(table["count"], cells, total_hidden, k)
    shown = cells["count"].dropna()
    assert not ((shown >= 1) & (shown < k)).any()


@pytest.mark.parametrize(
    ("counts", "expected_labels"),
    [
        ([0, 7, 12], ["0", "7", "12"]),  # nothing small: unchanged
        ([3, 20, 30], ["<5", "x", "30"]),  # lone small cell: smallest visible partner
        ([3, 5, 30], ["<5", "5", "x"]),  # 5 gives no cover (the reader knows 'x' >= 5): 30 instead
        ([2, 3, 40, 50], ["<5", "<5", "40", "50"]),  # 2 + 3 = 5: each can still be 1..4
        ([4, 4, 40, 50], ["<5", "<5", "x", "50"]),  # 4 + 4 = 8 would pin both to 4
        ([3, 0, 0], ["<5", "0", "0"]),  # total is 3 and hidden as well: nothing to subtract from
    ],
)
def test_suppression_rule_examples(counts, expected_labels):
    table = pd.DataFrame({"count": counts})
    cells, totals = privacy.suppress_with_margin(table, None, k=5)
    assert cells["label"].tolist() == expected_labels
    if counts == [3, 0, 0]:
        assert totals["label"].iloc[0] == "<5"


def test_two_small_cells_with_nothing_to_partner_hide_the_total():
    table = pd.DataFrame({"count": [4, 4, 0]})
    cells, totals = privacy.suppress_with_margin(table, None, k=5)
    assert cells["label"].tolist() == ["<5", "<5", "0"]
    assert totals["label"].iloc[0] == "x"  # 8 shown would pin both cells to 4


def test_unprotectable_group_without_total_row_is_reported():
    table = pd.DataFrame({"g": ["A", "A", "B"], "count": [4, 4, 9]})
    result = privacy.suppress_small_counts(table, group_cols=["g"], k=5)
    assert result.attrs["totals_to_suppress"] == ["A"]


def test_total_shown_false_applies_primary_suppression_only():
    table = pd.DataFrame({"count": [3, 20, 30]})
    result = privacy.suppress_small_counts(table, k=5, total_shown=False)
    assert result["label"].tolist() == ["<5", "20", "30"]


def test_k_defaults_to_settings_and_labels_are_dutch_numbers(monkeypatch):
    monkeypatch.setenv("VSDASH_MIN_COUNT", "10")
    result = privacy.suppress_small_counts(pd.DataFrame({"count": [9, 1234, 5000]}), total_shown=False)
    assert result["label"].tolist() == ["<10", "1.234", "5.000"]
    assert str(result["count"].dtype) == "Int64"


@pytest.mark.parametrize("k", [0, 1, 2])
def test_k_below_three_is_refused(k):
    with pytest.raises(privacy.PrivacyError, match="minstens 3"):
        privacy.suppress_small_counts(pd.DataFrame({"count": [1]}), k=k)


@pytest.mark.parametrize("bad", [[-1], [1.5], [None]])
def test_invalid_counts_are_refused(bad):
    with pytest.raises(ValueError):
        privacy.suppress_small_counts(pd.DataFrame({"count": bad}), k=5)


# --- rates ------------------------------------------------------------------------------------


def test_rate_of_a_hidden_count_is_hidden():
    table = pd.DataFrame(
        {"gemeentecode": ["GM1", "GM2", "GM3"], "count": [3, 40, 120], "per_10000": [1.2, 8.0, 9.5]}
    )
    result = privacy.suppress_rates(table, "count", ["per_10000"], k=5)
    # 3 is primary; 40 is its complementary partner; both rates would give the counts back.
    assert result["per_10000"].isna().tolist() == [True, True, False]
    assert result.loc[2, "per_10000"] == 9.5


def test_rates_on_an_already_suppressed_frame_follow_its_decisions():
    cells, _ = privacy.suppress_with_margin(
        pd.DataFrame({"count": [4, 4, 0], "rate": [1.0, 1.0, 0.0]}), None, k=5
    )
    result = privacy.suppress_rates(cells, "count", "rate")
    assert result["rate"].isna().tolist() == [True, True, False]


@pytest.mark.parametrize("k", KS)
@settings(max_examples=50, deadline=None)
@given(counts=st.lists(st.integers(0, 30), min_size=1, max_size=8))
def test_no_rate_shown_for_a_count_below_k(counts, k):
    table = pd.DataFrame({"count": counts, "rate": [c / 7 for c in counts]})
    result = privacy.suppress_rates(table, "count", ["rate"], k=k)
    small = (table["count"] >= 1) & (table["count"] < k)
    assert result.loc[small, "rate"].isna().all()
    assert result["rate"].isna().equals(result["count"].isna())


# --- H3 ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("res", [0, 5, 8])
def test_public_resolution_up_to_8_is_allowed(res):
    assert privacy.public_h3_resolution(res) == res


@pytest.mark.parametrize("res", [9, 10, 15, -1])
def test_public_resolution_above_8_is_refused(res):
    with pytest.raises(privacy.PrivacyError, match="H3-resolutie"):
        privacy.public_h3_resolution(res)


def test_resolution_ceiling_follows_settings(monkeypatch):
    monkeypatch.setenv("VSDASH_MAX_H3_RES", "6")
    with pytest.raises(privacy.PrivacyError):
        privacy.public_h3_resolution(7)
    monkeypatch.setenv("VSDASH_MAX_H3_RES", "12")  # settings cap it at 8 regardless
    with pytest.raises(privacy.PrivacyError):
        privacy.public_h3_resolution(9)


@pytest.mark.parametrize("as_int", [False, True])
def test_coarsen_cells_sums_children_into_parent(as_int):
    parent = h3.latlng_to_cell(52.37, 4.89, 7)
    children = sorted(h3.cell_to_children(parent, 9))[:3]
    other = h3.latlng_to_cell(51.92, 4.48, 9)
    cells = [*children, other]
    if as_int:
        cells = [h3.str_to_int(c) for c in cells]
    table = pd.DataFrame({"h3": cells, "categorie": ["a", "a", "b", "a"], "count": [1, 2, 3, 4]})
    result = privacy.coarsen_cells(table, "h3", 7, by=["categorie"])
    key = h3.str_to_int(parent) if as_int else parent
    assert result.loc[(result["h3"] == key) & (result["categorie"] == "a"), "count"].item() == 3
    assert result.loc[(result["h3"] == key) & (result["categorie"] == "b"), "count"].item() == 3
    assert result["count"].sum() == 10


def test_coarsen_cells_refuses_a_public_resolution_above_8():
    table = pd.DataFrame({"h3": [h3.latlng_to_cell(52.37, 4.89, 10)], "count": [1]})
    with pytest.raises(privacy.PrivacyError):
        privacy.coarsen_cells(table, "h3", 9)


# --- maps and exports -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "column", ["lat", "LON", "Latitude", "longitude", "breedtegraad", "lengtegraad", "x_rd"]
)
def test_raw_coordinates_are_refused(column):
    with pytest.raises(privacy.RawCoordinatesError, match="coördinaten"):
        privacy.assert_no_raw_coordinates(pd.DataFrame({column: [52.1, 52.2], "count": [1, 1]}))


def test_records_and_point_geometries_are_refused():
    with pytest.raises(privacy.RawCoordinatesError):
        privacy.assert_no_raw_coordinates([{"lat": 52.0, "lon": 4.0}])
    import geopandas as gpd
    from shapely.geometry import Point

    points = gpd.GeoDataFrame({"id": [1]}, geometry=[Point(4.9, 52.4)], crs="EPSG:4326")
    with pytest.raises(privacy.RawCoordinatesError, match="puntgeometrie"):
        privacy.assert_no_raw_coordinates(points)


def test_one_coordinate_per_area_is_allowed():
    centres = pd.DataFrame({"gemeentecode": ["GM0363", "GM0599"], "lat": [52.37, 51.92], "lon": [4.89, 4.48]})
    privacy.assert_no_raw_coordinates(centres, area_key="gemeentecode")
    with pytest.raises(privacy.RawCoordinatesError):
        privacy.assert_no_raw_coordinates(pd.concat([centres, centres]), area_key="gemeentecode")
    privacy.assert_no_raw_coordinates(pd.DataFrame({"h3_cell": ["881969c9b7fffff"], "count": [12]}))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+31 6 1234", "'+31 6 1234"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\r=1", "'\r=1"),
        ("Amsterdam", "Amsterdam"),
        ("a=b", "a=b"),
        ("", ""),
        # A signed number label ("+3", "-6%", "+1.234", "-12,5") is a number to a spreadsheet, not a
        # formula that can run anything: shown and exported as the reader expects.
        ("+3", "+3"),
        ("-6%", "-6%"),
        ("+1.234", "+1.234"),
        ("-12,5", "-12,5"),
        ("+3+cmd", "'+3+cmd"),
        ("-1e3", "'-1e3"),
    ],
)
def test_formula_text_is_neutralised(value, expected):
    result = privacy.safe_export_frame(pd.DataFrame({"omschrijving": [value]}))
    assert result["omschrijving"].iloc[0] == expected


def test_numbers_missing_values_and_column_names():
    frame = pd.DataFrame(
        {
            "count": [-3, 5],
            "rate": [-0.5, np.nan],
            "tekst": pd.Series(["=1", None], dtype="string"),
            "cat": pd.Categorical(["-x", "y"]),
            "=kolom": [1, 2],
        }
    )
    result = privacy.safe_export_frame(frame)
    assert result["count"].tolist() == [-3, 5]
    assert result["rate"].iloc[0] == -0.5 and np.isnan(result["rate"].iloc[1])
    assert result["tekst"].iloc[0] == "'=1" and pd.isna(result["tekst"].iloc[1])
    assert result["cat"].tolist() == ["'-x", "y"]
    assert "'=kolom" in result.columns
    assert frame["tekst"].iloc[0] == "=1"  # input untouched


def test_withhold_unprotected_leaves_out_exactly_the_groups_that_give_cells_away():
    frame = pd.DataFrame({"g": ["A", "A", "B", "B", "B"], "n": [4, 4, 40, 3, 25]})
    shown = privacy.suppress_small_counts(frame, "n", k=5, group_cols=["g"])
    assert shown.attrs[privacy.UNPROTECTED_ATTR] == ["A"]  # 4 + 4 under a total of 8
    kept = privacy.withhold_unprotected(shown, ["g"])
    assert kept["g"].tolist() == ["B", "B", "B"]
    assert kept.attrs[privacy.WITHHELD_ATTR] == ["A"] and kept.attrs[privacy.UNPROTECTED_ATTR] == []
    whole = privacy.withhold_unprotected(privacy.suppress_small_counts(frame.iloc[:2], "n", k=5))
    assert whole.empty and whole.attrs[privacy.WITHHELD_ATTR] == [None]
    safe = privacy.withhold_unprotected(privacy.suppress_small_counts(frame.iloc[2:], "n", k=5))
    assert len(safe) == 3 and safe.attrs[privacy.WITHHELD_ATTR] == []


# --- cell-key perturbation (issue 14, ADR 0006) ------------------------------------------------


@pytest.mark.parametrize("k", [3, 4, 5, 7, 10])
def test_perturbation_table_is_zero_mean_and_never_publishes_1_to_k_minus_1(k):
    table = privacy.perturbation_table(k)
    rows = table.groupby("n")
    assert np.allclose(rows["probability"].sum(), 1.0)
    # Zero-mean from k on; the small rows are identical, so a published 0 or k says nothing
    # about which small count it was.
    mean = (table["offset"] * table["probability"]).groupby(table["n"]).sum()
    assert np.allclose(mean[mean.index >= k], 0.0, atol=1e-12)
    small = [
        table.loc[table["n"] == n, ["published", "probability"]].to_numpy().tolist() for n in range(1, k)
    ]
    assert all(row == small[0] for row in small)
    assert not table["published"].between(1, k - 1).any()
    assert table.loc[table["n"] == 0, "published"].tolist() == [0]
    # Counts of k + 2 and more move by at most 2, with variance about 2.
    last = table[table["n"] == k + 2]
    assert last["offset"].abs().max() == privacy.MAX_NOISE
    assert last["variance"].iloc[0] == pytest.approx(510 / 256)


@pytest.mark.parametrize("n", [0, 1, 2, 3, 4, 5, 6, 7, 50, 1234])
def test_published_count_is_a_fixed_function_matching_the_table(n):
    k = 5
    values = [privacy.published_count(n, key, k) for key in range(256)]
    assert values == [privacy.published_count(n, key + 256, k) for key in range(256)]  # keys are mod 256
    row = privacy.perturbation_table(k)
    row = row[row["n"] == min(n, k + 2)]
    expected = dict(zip(n + row["offset"], row["probability"] * 256, strict=True))
    observed = pd.Series(values).value_counts().to_dict()
    assert observed == {v: int(c) for v, c in expected.items()}
    assert not any(1 <= v < k for v in values)


@pytest.mark.parametrize("n", [1, 2, 3, 4])
def test_small_counts_become_0_or_k_with_odds_that_do_not_depend_on_the_count(n):
    # Simulated reports with uniform random keys: whatever the small count, it is published as
    # 0 about 60% of the time and as 5 otherwise.
    rng = np.random.default_rng(n)
    keys = rng.integers(0, 256, size=(40_000, n)).sum(axis=1) % 256
    published = np.array([privacy.published_count(n, int(c), 5) for c in keys])
    assert set(np.unique(published)) == {0, 5}
    assert (published == 0).mean() == pytest.approx(154 / 256, abs=0.01)


def test_period_total_is_the_sum_of_its_published_parts():
    weeks = pd.DataFrame({"periode": range(6), "n": [0, 3, 12, 40, 1, 7], "ckey": [0, 9, 200, 31, 77, 128]})
    parts = [privacy.published_count(n, c) for n, c in zip(weeks["n"], weeks["ckey"], strict=True)]
    assert privacy.period_total(weeks) == sum(parts)
    per_group = privacy.period_totals(weeks.assign(g=["a", "a", "a", "b", "b", "b"]), "g")
    assert per_group["n"].tolist() == [sum(parts[:3]), sum(parts[3:])]
    assert privacy.period_total(weeks.iloc[0:0]) == 0


def test_perturb_counts_publishes_labels_and_drops_the_key():
    frame = pd.DataFrame({"wijk": ["a", "b", "c"], "n": [0, 3, 1200], "ckey": [17, 250, 3]})
    out = privacy.perturb_counts(frame, "n")
    assert "ckey" not in out.columns
    assert out["n"].tolist() == [0, privacy.published_count(3, 250), privacy.published_count(1200, 3)]
    assert out["n"].notna().all() and (out["suppression"] == "").all()
    assert out.loc[2, "label"] == privacy.i18n.fmt_number(int(out.loc[2, "n"]), "nl")
    assert frame.columns.tolist() == ["wijk", "n", "ckey"]  # the input is left alone


def test_existing_suppression_functions_perturb_when_the_frame_has_keys():
    frame = pd.DataFrame(
        {"g": ["x", "x", "y"], "count": [2, 40, 9], "ckey": [10, 200, 77], "rate": [0.2, 4.0, 0.9]}
    )
    shown = privacy.suppress_small_counts(frame, "count", group_cols=["g"])
    assert shown["count"].tolist() == [
        privacy.published_count(c, key) for c, key in [(2, 10), (40, 200), (9, 77)]
    ]
    assert not shown["label"].isin([f"<{privacy.resolve_k()}", privacy.SECONDARY_LABEL]).any()

    cells, totals = privacy.suppress_with_margin(frame.drop(columns="rate"), "g", "count")
    # Each total is a cell of its own, perturbed from the combined key of its cells.
    assert totals["count"].tolist() == [
        privacy.published_count(42, privacy.combine_keys([10, 200])),
        privacy.published_count(9, 77),
    ]
    assert cells["count"].tolist() == shown["count"].tolist()

    rates = privacy.suppress_rates(frame, "count", ["rate"])
    # The rate follows the published count: rate x denominator gives only the published count.
    expected = [0.1 * p for p in rates["count"].tolist()]
    assert rates["rate"].tolist() == pytest.approx(expected)


def test_combine_keys_is_the_sum_modulo_256():
    assert privacy.combine_keys([200, 100, 7]) == 51
    assert privacy.combine_keys(pd.Series([255, 1])) == 0
    assert privacy.combine_keys([]) == 0


@pytest.mark.parametrize(
    ("start", "end", "total", "expected", "unit"),
    [
        # Whole ISO weeks: Wednesday..Thursday widens to Monday..Sunday.
        (
            dt.date(2024, 3, 6),
            dt.date(2024, 3, 21),
            None,
            (dt.date(2024, 3, 4), dt.date(2024, 3, 24)),
            "week",
        ),
        (dt.date(2024, 3, 6), dt.date(2024, 3, 21), 15, (dt.date(2024, 3, 4), dt.date(2024, 3, 24)), "week"),
        # Fewer than k a week on average: whole months.
        (dt.date(2024, 3, 6), dt.date(2024, 3, 21), 14, (dt.date(2024, 3, 1), dt.date(2024, 3, 31)), "month"),
        (dt.date(2024, 1, 31), dt.date(2024, 2, 2), 0, (dt.date(2024, 1, 1), dt.date(2024, 2, 29)), "month"),
    ],
)
def test_snap_period_widens_to_whole_weeks_or_months(start, end, total, expected, unit):
    snapped = privacy.snap_period(start, end, total, k=5)
    assert (snapped.start, snapped.end, snapped.unit) == (*expected, unit)


def test_moving_an_end_date_within_a_week_does_not_change_the_published_period():
    periods = {privacy.snap_period(dt.date(2024, 5, 1), dt.date(2024, 5, d)) for d in range(6, 13)}
    assert periods == {privacy.SnappedPeriod(dt.date(2024, 4, 29), dt.date(2024, 5, 12), "week")}


@pytest.mark.parametrize(
    ("total", "cells", "allowed"),
    [(840, 168, True), (839, 168, False), (13, 168, False), (100, 20, True), (0, 0, False)],
)
def test_fine_breakdowns_only_where_cells_are_large_enough(total, cells, allowed):
    assert privacy.fine_breakdown_allowed(total, cells, k=5) is allowed
