"""The publication layer: one definition per figure (vsdash.indicators), computed by vsdash.publication."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from vsdash import indicators, periods, privacy, publication
from vsdash.settings import PROJECT_ROOT
from vsdash.store import ReportFilter


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        # a calendar year: the previous calendar year
        (dt.date(2025, 1, 1), dt.date(2025, 12, 31), (dt.date(2024, 1, 1), dt.date(2024, 12, 31))),
        # whole months: as many months earlier (24 months, never the overlapping "same period last year")
        (dt.date(2024, 11, 1), dt.date(2026, 10, 31), (dt.date(2022, 11, 1), dt.date(2024, 10, 31))),
        # a quarter ending in February of a leap year
        (dt.date(2023, 12, 1), dt.date(2024, 2, 29), (dt.date(2023, 9, 1), dt.date(2023, 11, 30))),
        # any other period: the same number of days
        (dt.date(2025, 3, 10), dt.date(2025, 3, 16), (dt.date(2025, 3, 3), dt.date(2025, 3, 9))),
        (dt.date(2025, 3, 5), dt.date(2025, 3, 5), (dt.date(2025, 3, 4), dt.date(2025, 3, 4))),
    ],
)
def test_preceding_period_has_the_same_length_and_never_overlaps(start, end, expected):
    prev = publication.preceding_period(start, end)
    assert prev == expected
    assert prev[1] < start


def test_population_year_is_the_last_cbs_year_up_to_the_period_end():
    population = pd.DataFrame({"gemeentecode": ["A", "A"], "jaar": [2023, 2024], "inwoners": [1, 2]})
    assert publication.population_year(population, dt.date(2026, 6, 30)) == 2024
    assert publication.population_year(population, dt.date(2023, 6, 30)) == 2023
    assert publication.population_year(population, dt.date(2020, 6, 30)) == 2023  # earliest loaded


def test_rate_per_year_is_the_catalogue_formula(store):
    figures = publication.key_figures(
        store, gemeente="GM0344", start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31)
    )
    population = store.population()
    inhabitants = int(population.query("gemeentecode == 'GM0344' and jaar == 2024")["inwoners"].iloc[0])
    days = (dt.date(2025, 12, 31) - dt.date(2025, 1, 1)).days + 1
    expected = figures.reports * 10_000 / inhabitants * 365.25 / days
    assert figures.population_year == 2024
    assert figures.inhabitants == inhabitants
    assert figures.rate_per_10k_per_year == pytest.approx(expected)
    assert figures.rate_low < figures.rate_per_10k_per_year < figures.rate_high


def test_a_period_of_two_years_has_the_same_yearly_rate_scale(store):
    one = publication.key_figures(
        store, gemeente="GM0344", start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31)
    )
    two = publication.key_figures(
        store, gemeente="GM0344", start=dt.date(2024, 1, 1), end=dt.date(2025, 12, 31)
    )
    assert two.reports > 1.5 * one.reports  # twice the reports ...
    assert two.rate_per_10k_per_year == pytest.approx(one.rate_per_10k_per_year, rel=0.35)  # ... same scale


def test_change_compares_with_the_preceding_period(store):
    figures = publication.key_figures(
        store, gemeente="GM0344", start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31)
    )
    previous = store.count_reports(
        ReportFilter(("GM0344",), dt.date(2024, 1, 1), dt.date(2024, 12, 31)), "month"
    )
    assert (figures.previous_start, figures.previous_end) == (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    assert figures.previous_reports == privacy.period_total(previous)  # the published months, summed
    assert abs(figures.previous_reports - int(previous["n"].sum())) <= 2 * len(previous)
    assert figures.change == pytest.approx(
        (figures.reports - figures.previous_reports) / figures.previous_reports
    )


def test_counts_change_only_by_whole_weeks(store):
    """Moving the end by a day inside a week publishes the same total (ADR 0006, attack 2)."""
    one = publication.key_figures(
        store, gemeente="GM0344", start=dt.date(2025, 3, 3), end=dt.date(2025, 3, 12)
    )
    two = publication.key_figures(
        store, gemeente="GM0344", start=dt.date(2025, 3, 3), end=dt.date(2025, 3, 13)
    )
    assert one.reports == two.reports
    assert (one.counted_start, one.counted_end) == (dt.date(2025, 3, 3), dt.date(2025, 3, 16))


def test_no_comparison_before_the_data_starts(store):
    first, _last = store.report_date_range()
    figures = publication.key_figures(
        store, gemeente="GM0344", start=first, end=first + dt.timedelta(days=90)
    )
    assert figures.change is None and figures.previous_reports is None
    assert figures.reasons["change"] == publication.REASON_NO_PREVIOUS
    assert "vóór het begin" in figures.reason_text("change", "nl")
    payload = figures.as_json()
    assert payload["change"] is None and payload["reasons"]["change"]["code"] == "no_data_before"


def test_last_years_line_is_empty_before_the_data_not_zero(store):
    first, _last = store.report_date_range()
    trend = publication.published_trend_of(store, ("GM0344",), first, first + dt.timedelta(days=180))
    assert trend.previous["n"].isna().all()
    assert (trend.previous["label"] == "–").all()


def test_hidden_is_the_published_total_minus_the_visible_cells(store):
    figures = publication.key_figures(
        store, gemeente="GM0141", start=dt.date(2025, 1, 1), end=dt.date(2025, 6, 30)
    )
    trend = publication.published_trend_of(store, ("GM0141",), dt.date(2025, 1, 1), dt.date(2025, 6, 30))
    assert figures.hidden == figures.reports - int(trend.cells["n"].sum())
    assert figures.hidden == 0  # whole months, counted in months: the trend adds up to the total


def test_no_count_of_1_to_4_is_ever_published(store):
    weekly = store.count_reports(
        ReportFilter(None, dt.date(2023, 1, 2), dt.date(2023, 12, 31)), "week", ("gemeentecode",)
    )
    small = weekly[(weekly["n"] >= 1) & (weekly["n"] <= 4)].head(20)
    assert len(small)
    for row in small.itertuples():
        start = row.periode.date()
        figures = publication.key_figures(
            store, gemeente=row.gemeentecode, start=start, end=start + dt.timedelta(days=6)
        )
        assert figures.reports == 0 or figures.reports >= 5


def test_programme_members_are_those_of_the_period(store):
    memberships = store.memberships()
    members = publication.members_in_period(
        memberships, "veilige_steden", dt.date(2020, 1, 1), dt.date(2020, 12, 31)
    )
    later = publication.members_in_period(
        memberships, "veilige_steden", dt.date(2025, 1, 1), dt.date(2025, 12, 31)
    )
    rows = memberships[memberships["programma"] == "veilige_steden"]
    assert set(members) == set(rows.loc[rows["jaar_start"] <= 2020, "gemeentecode"]) - set(
        rows.loc[rows["jaar_eind"].fillna(9999) < 2020, "gemeentecode"]
    )
    assert set(later) != set(members)  # the programme grew (2022 cohort) and some left


def test_a_group_rate_uses_the_members_summed_inhabitant_years(store):
    start, end = dt.date(2025, 1, 1), dt.date(2025, 12, 31)
    group = publication.key_figures(store, programma="veilige_steden", start=start, end=end)
    parts = [publication.key_figures(store, gemeente=code, start=start, end=end) for code in group.codes]
    with_channel = [p for p in parts if p.has_channel]
    assert group.person_years == pytest.approx(sum(p.person_years for p in with_channel))
    assert group.reports == sum(p.reports for p in with_channel)


def test_funding_is_pro_rata_per_month(store):
    figures = publication.key_figures(
        store, gemeente="GM0363", start=dt.date(2024, 11, 1), end=dt.date(2026, 10, 31)
    )
    assert figures.funding_eur == pytest.approx(100_000)  # Amsterdam, G4: EUR 50.000 a year, 24 months
    half_month = publication.key_figures(
        store, gemeente="GM0363", start=dt.date(2025, 1, 1), end=dt.date(2025, 1, 31)
    )
    assert half_month.funding_eur == pytest.approx(50_000 / 12)


@pytest.mark.parametrize(
    ("preset", "expected"),
    [
        ("dit_jaar", (dt.date(2026, 1, 1), dt.date(2026, 10, 20))),
        ("vorig_jaar", (dt.date(2025, 1, 1), dt.date(2025, 12, 31))),
        ("laatste_12_maanden", (dt.date(2025, 10, 1), dt.date(2026, 9, 30))),
        ("sinds_start", (dt.date(2020, 1, 1), dt.date(2026, 10, 20))),
    ],
)
def test_period_presets(preset, expected):
    assert periods.preset_period(preset, dt.date(2019, 1, 1), dt.date(2026, 10, 20), 2020) == expected


def test_last_12_months_includes_a_complete_last_month():
    assert periods.preset_period("laatste_12_maanden", dt.date(2019, 1, 1), dt.date(2026, 10, 31)) == (
        dt.date(2025, 11, 1),
        dt.date(2026, 10, 31),
    )


def test_a_stored_period_is_clamped_into_a_new_data_range():
    lo, hi = dt.date(2024, 1, 1), dt.date(2024, 6, 30)
    assert periods.clamp((dt.date(2020, 1, 1), dt.date(2025, 1, 1)), lo, hi) == (lo, hi)
    assert periods.clamp(None, lo, hi) == (lo, hi)


def test_every_key_figure_has_a_catalogue_entry(store):
    payload = publication.key_figures(
        store, gemeente="GM0344", start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31)
    ).as_json()
    published = {
        "reports",
        "inhabitants",
        "rate_per_10k_per_year",
        "change",
        "campaigns",
        "activities",
        "hidden",
        "funding_eur",
    }
    assert published <= set(payload)
    assert published <= set(indicators.BY_ID)
    assert "previous_reports" in indicators.BY_ID


def test_indicator_docs_are_generated_from_the_catalogue():
    """docs/indicatoren.md is written by `python -m vsdash docs`; edit vsdash/indicators.py instead."""
    on_disk = (PROJECT_ROOT / "docs" / "indicatoren.md").read_text(encoding="utf-8")
    assert on_disk == indicators.catalogue_markdown() + "\n"


def test_no_change_when_a_reporting_point_opened_in_between(store):
    """Groningen's meldpunt opened during the preceding year: +1800% would be an artefact."""
    channels = store.channels()
    opened = pd.Timestamp(channels.loc[channels["gemeentecode"] == "GM0014", "start"].min()).date()
    start = opened + dt.timedelta(days=200)
    figures = publication.key_figures(
        store, gemeente="GM0014", start=start, end=start + dt.timedelta(days=364)
    )
    assert figures.reports is not None and figures.previous_reports is not None
    assert figures.change is None
    assert figures.reasons["change"] == publication.REASON_CHANNELS_CHANGED


# --- issue 14, newer surfaces: fine breakdowns of Meldingen -----------------------------------------------


@pytest.mark.parametrize(
    ("first", "last", "blocks"),
    [
        # One month is one block; January 2024 is month 24,288 since year 0, a multiple of 32, so
        # 2024 is a block of 8 and one of 4 (a block of 16 would reach past December).
        ((2024, 3), (2024, 3), [((2024, 3), (2024, 3))]),
        ((2024, 1), (2024, 12), [((2024, 1), (2024, 8)), ((2024, 9), (2024, 12))]),
        ((2023, 12), (2024, 2), [((2023, 12), (2023, 12)), ((2024, 1), (2024, 2))]),
    ],
)
def test_month_blocks_are_aligned_and_tile_the_months(first, last, blocks):
    found = publication.month_blocks(dt.date(*first, 1), dt.date(*last, 28))
    assert [((a.year, a.month), (b.year, b.month)) for a, b in found] == blocks
    assert found[-1][1].day >= 28 and all(a.day == 1 for a, _ in found)


def test_month_blocks_of_overlapping_periods_share_blocks_and_stay_few():
    import math

    end = dt.date(2026, 6, 1)
    for back in range(1, 90):
        start = (pd.Timestamp(end) - pd.DateOffset(months=back)).date()
        blocks = publication.month_blocks(start, end)
        months = back + 1
        assert len(blocks) <= 2 * math.ceil(math.log2(months + 1))
        # Tiled without gaps: each block starts the day after the one before ends.
        assert all(b[0] == a[1] + dt.timedelta(days=1) for a, b in zip(blocks, blocks[1:], strict=False))
        size = lambda block: (block[1].year - block[0].year) * 12 + block[1].month - block[0].month + 1  # noqa: E731
        index = lambda day: day.year * 12 + day.month - 1  # noqa: E731
        assert all(index(b[0]) % size(b) == 0 for b in blocks)  # aligned: fixed whatever the period


def test_published_hours_is_the_sum_of_its_published_blocks_and_needs_k_per_cell(store):
    start, end = dt.date(2022, 2, 10), dt.date(2023, 5, 3)
    hours = publication.published_hours(store, None, start, end)
    assert (hours.first, hours.last) == (dt.date(2022, 2, 1), dt.date(2023, 5, 31))
    expected = 0
    for a, b in publication.month_blocks(hours.first, hours.last):
        cells = store.count_by_hour(ReportFilter(None, a, b))
        expected += int(privacy.perturb_counts(cells, "n")["n"].sum())
    assert hours.total == expected == int(hours.cells["n"].sum())
    # Sums of published blocks: 0 or at least k in each block, so never 1..4 in the sum either.
    assert len(hours.cells) == 168 and not hours.cells["n"].between(1, 4).any()
    assert hours.allowed == (hours.total >= 5 * 168)
    small = publication.published_hours(store, ("GM0141",), dt.date(2022, 3, 1), dt.date(2022, 3, 31))
    assert not small.allowed  # a month of Almelo's reports: a handful, never drawn per hour


def test_the_readable_grain_is_chosen_on_published_weeks_not_exact_ones(store):
    # Where exact and published weekly medians fall on either side of 2k, the published decide.
    k = privacy.resolve_k()
    found = 0
    for code in sorted(set(store.channels()["gemeentecode"])):
        if found >= 3:
            break
        for first in pd.date_range("2020-01-06", "2025-06-30", freq="5W-MON"):
            start = first.date()
            counted = publication.counted_period(store, (code,), start, start + dt.timedelta(days=34))
            if counted.unit != "week":
                continue
            exact = counted.parts["n"].median() >= 2 * k
            published = privacy.perturb_counts(counted.parts, "n")["n"].median() >= 2 * k
            # Weeks that hold no whole month are drawn as weeks whatever their counts (audit 3).
            if exact != published and publication._has_whole_month(counted.start, counted.end):
                found += 1
                assert publication.readable_grain_of(counted) == ("week" if published else "month")
    assert found >= 1


def test_survey_codes_in_the_json_are_sorted(store):
    """A reader diffing two downloads sees the same municipalities in the same order."""
    import json

    figures = json.loads(
        publication.key_figures_json(
            store,
            programma="veilige_steden",
            start=dt.date(2025, 1, 1),
            end=dt.date(2025, 12, 31),
        )
    )
    survey = next(value for key, value in _walk(figures) if key == "survey" and value)
    assert len(survey["codes"]) > 1
    assert survey["codes"] == sorted(survey["codes"])
    assert survey["ratio_codes"] == sorted(survey["ratio_codes"])


def _walk(node):
    if isinstance(node, dict):
        for key, value in node.items():
            yield key, value
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)
