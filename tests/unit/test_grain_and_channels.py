import datetime as dt

import pandas as pd
import pytest

from vsdash import metrics


@pytest.mark.parametrize(
    "weekly, expected",
    [([12, 10, 11, 9], "week"), ([3, 12, 2, 4], "month"), ([], "month")],
    ids=["busy", "small-city", "empty"],
)
def test_readable_grain_uses_weeks_only_when_they_are_mostly_visible(weekly, expected):
    frame = pd.DataFrame(
        {"periode": pd.date_range("2024-01-01", periods=len(weekly), freq="W-MON"), "n": weekly}
    )
    assert metrics.readable_grain(frame, k=5) == expected


def test_codes_with_channel_counts_only_channels_open_in_the_period():
    channels = pd.DataFrame(
        {
            "gemeentecode": ["GM0001", "GM0002", "GM0003"],
            "start": [dt.date(2020, 1, 1), dt.date(2025, 1, 1), dt.date(2019, 1, 1)],
            "eind": [None, None, dt.date(2022, 6, 30)],
        }
    )
    found = metrics.codes_with_channel(channels, None, dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    assert found == ("GM0001",)
    assert metrics.codes_with_channel(channels, ("GM0003",), dt.date(2022, 1, 1), dt.date(2022, 12, 31)) == (
        "GM0003",
    )


@pytest.mark.parametrize(
    "start, end",
    [
        (dt.date(2024, 3, 13), dt.date(2024, 9, 19)),  # Wednesday to Thursday
        (dt.date(2024, 3, 11), dt.date(2024, 9, 22)),  # Monday to Sunday: the period itself
        (dt.date(2023, 12, 31), dt.date(2024, 1, 1)),  # Sunday to Monday across a year
    ],
)
def test_whole_weeks_are_the_days_the_map_counts(demo_store_url, start, end):
    from vsdash.store import ReportFilter, Store

    store = Store(demo_store_url)
    try:
        first, last = metrics.whole_weeks(start, end)
        assert first.weekday() == 0 and last.weekday() == 6
        assert start <= first <= start + dt.timedelta(days=6)
        assert end <= last <= end + dt.timedelta(days=6)
        on_map = store.hex_counts(ReportFilter(("GM0344",), start, end))["n"].sum()
        daily = store.count_reports(ReportFilter(("GM0344",), first, last), "day")["n"].sum()
        assert on_map == daily
    finally:
        store.close()


def test_trend_and_last_year_fills_shifts_and_suppresses():
    weeks = pd.date_range("2024-01-01", periods=4, freq="W-MON")
    series = pd.DataFrame({"periode": weeks[[0, 1, 3]], "n": [12, 3, 20]})  # week 3 has no reports
    last = pd.DataFrame({"periode": pd.date_range("2023-01-02", periods=4, freq="W-MON"), "n": [9, 9, 2, 30]})
    now, before = metrics.trend_and_last_year(
        series, last, dt.date(2024, 1, 1), dt.date(2024, 1, 28), "week", lang="nl"
    )
    assert now["periode"].tolist() == list(weeks)
    assert now["n"].tolist()[0] == 12 and pd.isna(now["n"].tolist()[1]) and now["n"].tolist()[2] == 0
    assert now["label"].tolist()[1] == "<5"
    # Last year's weeks land on this year's axis, a year later (2 January 2023 -> 2 January 2024).
    assert before["periode"].min() == pd.Timestamp("2024-01-02")
    assert before["n"].tolist()[:2] == [9, 9] and pd.isna(before["n"].tolist()[2])
