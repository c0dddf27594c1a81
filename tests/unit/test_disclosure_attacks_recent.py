"""Disclosure attacks on the surfaces added after the first review (issue 14, the newer surfaces).

The same measure as ``tests/unit/test_disclosure_attacks.py``: targets are cells whose true count
is 1..4, the attacker knows which cells are targets, clips every estimate to 1..4 and guesses 1
where an attack gives nothing; the chance baseline is the share of targets whose true count is
the most common small count. Attacks go through the functions the surfaces call (the Meldingen
view model's publication functions, ``/healthz``'s handler, the ``export`` command, the key
figures of the API and ``figures --json``). Each attack that found a leak has a twin run against
the code path as it was before the fix, so the measurement is shown to be able to fail.

Run ``python -m tests.unit.test_disclosure_attacks_recent`` for the table in benchmarks/RESULTS.md.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import shutil

import numpy as np
import pandas as pd
import pytest

from tests.unit.disclosure import K, Outcome, assert_no_better_than_chance, report
from vsdash import privacy, publication
from vsdash.store import ReportFilter, Store

# Large selections (the nation, the G4 together): their heat maps pass the breakdown rule for
# periods of a few months, and their long-period cells are large, where perturbation is unbiased
# (the averaging attack's prey).
LARGE = (None, ("GM0363", "GM0599", "GM0518", "GM0344"))
SMALL = ("GM0479", "GM0141", "GM0546", "GM0268", "GM0505", "GM0758")


def _month(index: int) -> dt.date:
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, 1)


def _month_end(index: int) -> dt.date:
    return _month(index + 1) - dt.timedelta(days=1)


def _index(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


# --- the weekday x hour heat map (Meldingen) -------------------------------------------------------


def unprotected_hours(store: Store, codes, start: dt.date, end: dt.date) -> pd.DataFrame | None:
    """The heat map as Meldingen published it before the fix: one cell per weekday and hour of the
    months the period touches, perturbed from its key, drawn whatever the total."""
    cells = store.count_by_hour(ReportFilter(codes, start, end))
    return privacy.suppress_small_counts(cells, "n", total_shown=False, k=K)


def published_hours(store: Store, codes, start: dt.date, end: dt.date) -> pd.DataFrame | None:
    """The heat map as Meldingen publishes it (``publication.published_hours``); None when withheld."""
    found = publication.published_hours(store, codes, start, end)
    return found.cells if found.allowed else None


def attack_heatmap_averaging(store: Store, publish) -> Outcome:
    """A month's weekday x hour cell: average the heat maps of [m, E] minus [m + 1, E] over many E.

    Each period is a different cell, so before the fix every end month gave fresh noise, and
    the mean of the differences converges on month m's exact count (Dinur and Nissim). Targets:
    every (weekday, hour) of month m with 1..4 reports, in large selections where the heat map
    is drawn.
    """
    out = Outcome("11 heatmap: middelen over perioden")
    for codes in LARGE:
        cached = functools.lru_cache(maxsize=None)(
            lambda a, b, codes=codes: _grid(publish(store, codes, _month(a), _month_end(b)))
        )
        for m in range(_index(dt.date(2020, 1, 1)), _index(dt.date(2023, 12, 1)), 7):
            truth = store.count_by_hour(ReportFilter(codes, _month(m), _month_end(m)))
            truth = truth[truth["n"].between(1, K - 1)]
            if truth.empty:
                continue
            diffs = []
            for e in range(m + 1, m + 25):
                with_m, without = cached(m, e), cached(m + 1, e)
                if with_m is not None and without is not None:
                    diffs.append(with_m - without)
            mean = np.mean(diffs, axis=0) if diffs else None
            for row in truth.itertuples():
                out.add(int(row.n), None if mean is None else float(mean[row.weekdag - 1, row.uur]))
    return out


def _grid(cells: pd.DataFrame | None) -> np.ndarray | None:
    if cells is None:
        return None
    grid = np.zeros((7, 24))
    for row in cells.itertuples():
        grid[int(row.weekdag) - 1, int(row.uur)] = float(row.n)
    return grid


def attack_heatmap_pins_reports(store: Store, publish) -> Outcome:
    """A heat map of a small selection says on which weekday and hour its few reports came in.

    A published cell above 0 always holds at least one report (an empty cell stays 0), so in a
    month with a handful of reports every cell drawn as 5 pins a report to its weekday and hour.
    Targets: cells with 1..4 reports in the months of the small municipalities; the attacker
    "recovers" one when it is drawn above 0 (they then know a report is there) and its count is
    the guess (5 clipped to 4: a chance hit at best). Recovery here is the share of targets
    pinned, so the chance baseline is 0: a heat map that is not drawn pins nothing.
    """
    out = PinOutcome("12 heatmap van weinig meldingen: weekdag en uur")
    for code in SMALL:
        for m in range(_index(dt.date(2020, 1, 1)), _index(dt.date(2024, 12, 1)), 2):
            cells = store.count_by_hour(ReportFilter((code,), _month(m), _month_end(m)))
            shown = _grid(publish(store, (code,), _month(m), _month_end(m)))
            for row in cells[cells["n"].between(1, K - 1)].itertuples():
                out.pin(shown is not None and shown[row.weekdag - 1, row.uur] > 0)
    return out


class PinOutcome(Outcome):
    """Targets that an attack pins to a place or time (the threat model's second way to win)."""

    def pin(self, pinned: bool) -> None:
        self.truths.append(1)
        self.guesses.append(1 if pinned else 0)

    @property
    def baseline(self) -> float:
        return 0.0


# --- the stacked parts by category or channel (Meldingen) --------------------------------------------


def unprotected_parts(store: Store, codes, start: dt.date, end: dt.date) -> pd.DataFrame | None:
    """Meldingen's parts before the fix: weeks x categories of the unsnapped period, always drawn."""
    counts = store.count_reports(ReportFilter(codes, start, end), "week", ("categorie",))
    return privacy.suppress_small_counts(counts, "n", group_cols=["periode"], k=K)


def published_parts(store: Store, codes, start: dt.date, end: dt.date) -> pd.DataFrame | None:
    """Meldingen's parts as published now (``publication.published_parts``); None when withheld."""
    counted = publication.counted_period(store, codes, start, end)
    found = publication.published_parts(store, codes, counted, "week", "categorie", store.channels())
    return found.cells if found.allowed else None


def attack_parts_pin_category(store: Store, publish) -> Outcome:
    """The stacked weeks by category of a small municipality say which category its reports were.

    Three-month selections of the small municipalities: a week x category cell drawn above 0 holds
    a report of that category that week. Targets: cells with 1..4 reports; recovery is the share
    pinned (chance baseline 0), as for the heat map.
    """
    out = PinOutcome("13 delen per categorie van weinig meldingen")
    for code in SMALL:
        for m in range(_index(dt.date(2020, 1, 1)), _index(dt.date(2024, 10, 1)), 3):
            start, end = _month(m) + dt.timedelta(days=9), _month_end(m + 2) - dt.timedelta(days=3)
            shown = publish(store, (code,), start, end)
            if shown is None:
                cells = store.count_reports(ReportFilter((code,), start, end), "week", ("categorie",))
                for _ in range(int(cells["n"].between(1, K - 1).sum())):
                    out.pin(False)
                continue
            counted = publication.counted_period(store, (code,), start, end)
            first = min(start, counted.start)
            last = max(end, counted.end)
            truth = store.count_reports(ReportFilter((code,), first, last), "week", ("categorie",))
            drawn = {
                (pd.Timestamp(p), c): float(n)
                for p, c, n in zip(shown["periode"], shown["categorie"], shown["n"], strict=True)
            }
            for row in truth[truth["n"].between(1, K - 1)].itertuples():
                out.pin(drawn.get((pd.Timestamp(row.periode), row.categorie), 0.0) > 0)
    return out


def unprotected_channel_parts(store: Store, codes, start: dt.date, end: dt.date) -> pd.DataFrame | None:
    """Meldingen's split by channel before the fix: the kinds' counts were summed without keys, so
    privacy fell back to suppression and published every count of 5 or more exactly."""
    from vsdash import metrics

    counts = store.count_reports(ReportFilter(codes, start, end), "week", ("kanaal_id",))
    kinds = metrics.counts_by_channel_kind(counts, store.channels()).drop(columns="ckey", errors="ignore")
    return privacy.suppress_small_counts(kinds, "n", group_cols=["periode"], k=K)


def published_channel_parts(store: Store, codes, start: dt.date, end: dt.date) -> pd.DataFrame | None:
    """Meldingen's split by channel as published now; None when withheld."""
    counted = publication.counted_period(store, codes, start, end)
    found = publication.published_parts(store, codes, counted, "week", "kanaal", store.channels())
    return found.cells if found.allowed else None


def attack_channel_split_by_day(store: Store, publish) -> Outcome:
    """Two selections a day apart, split by channel: the difference is that day's reports.

    In the large municipalities, the week's split by channel kind for [Monday, D] minus [Monday,
    D - 1]. Before the fix both parts were exact counts (no key) of a half week, so the difference
    was day D's exact count. Targets: municipality-days with 1..4 reports.
    """
    out = Outcome("14 delen per kanaal: een dag later")
    for code in ("GM0363", "GM0599", "GM0518", "GM0344", "GM0772", "GM0014"):
        days = store.count_reports(ReportFilter((code,), dt.date(2021, 1, 1), dt.date(2024, 12, 31)), "day")
        small = days[days["n"].between(1, K - 1)]
        for row in small.iloc[::14].itertuples():
            day = pd.Timestamp(row.periode).date()
            if day.weekday() == 0:
                continue
            monday = day - dt.timedelta(days=day.weekday())
            with_d = publish(store, (code,), monday, day)
            without = publish(store, (code,), monday, day - dt.timedelta(days=1))
            if with_d is None or without is None:
                out.add(int(row.n), None)
                continue
            a = with_d.loc[with_d["periode"] == pd.Timestamp(monday), "n"]
            b = without.loc[without["periode"] == pd.Timestamp(monday), "n"]
            if a.isna().any() or b.isna().any():
                out.add(int(row.n), None)
                continue
            out.add(int(row.n), float(a.sum() - b.sum()))
    return out


# --- /healthz ------------------------------------------------------------------------------------------


def attack_healthz_differencing(demo_store_url, tmp_path, health) -> Outcome:
    """``/healthz`` before and after an import: the difference is the import's number of reports.

    A municipality that uploads its reporting point's reports each week imports 1..4 reports in a
    quiet week; anyone polling the health check sees the store's count before and after. Each
    target is one such import (1..4 of the demo's own reports, taken out and put back).
    """
    copy = tmp_path / "health.duckdb"
    shutil.copy(demo_store_url.removeprefix("duckdb:///"), copy)
    url = f"duckdb:///{copy}"
    out = Outcome("15 /healthz voor en na een import")
    opened = Store(url)
    try:
        rng = np.random.default_rng(12)
        ids = opened.query("SELECT gemeentecode, melding_id FROM reports WHERE gemeentecode = 'GM0479'")
        for size in rng.integers(1, K, size=40):
            chosen = ids.sample(int(size), random_state=int(rng.integers(1 << 30)))
            where = "gemeentecode = 'GM0479' AND melding_id IN ({})".format(
                ", ".join(f"'{m}'" for m in chosen["melding_id"])
            )
            rows = opened.query(f"SELECT * FROM reports WHERE {where}")
            opened.execute(f"DELETE FROM reports WHERE {where}")
            opened.bump_version()  # as an import does: /healthz keeps its figure per data version
            before = health(opened, url)
            opened.insert("reports", rows)
            opened.bump_version()
            after = health(opened, url)
            out.add(int(size), None if before is None or after is None else after - before)
    finally:
        opened.close()
    return out


def unprotected_health(store: Store, url: str) -> int | None:
    """The report count ``/healthz`` answered before the fix: the store's exact number of reports."""
    return int(store.query("SELECT count(*) AS n FROM reports")["n"].iloc[0])


def published_health(store: Store, url: str) -> int | None:
    """What ``/healthz`` answers now about the number of reports: the published figure (``server.published_reports``)."""
    from vsdash.ui import server

    server.forget_store(url)
    server._stores[url] = store  # the check reads this open store (DuckDB allows one writer)
    try:
        body = server.check_store(url).body
    finally:
        server._stores.pop(url, None)
    assert body["store"] == "ok", body
    value = body.get("reports")
    return None if value is None else int(value)


# --- the tests ------------------------------------------------------------------------------------------


def test_heatmap_averaging_recovered_small_cells_before_the_fix(store):
    outcome = attack_heatmap_averaging(store, unprotected_hours)
    print(report(outcome))
    assert outcome.targets >= 30
    assert outcome.recovered > outcome.baseline + 0.1, report(outcome)


def test_heatmap_averaging_recovers_no_more_than_chance(store):
    outcome = attack_heatmap_averaging(store, published_hours)
    assert_no_better_than_chance(outcome)


# A handful of reports in a heat map (their weekday and hour) or in a split (their category):
# each attack with the code path before the fix, then with the published one.
PINNING = {
    "heatmap": (attack_heatmap_pins_reports, unprotected_hours, published_hours),
    "category": (attack_parts_pin_category, unprotected_parts, published_parts),
}


@pytest.mark.parametrize("surface", list(PINNING))
def test_few_reports_were_pinned_before_the_fix(store, surface):
    attack, before, _after = PINNING[surface]
    outcome = attack(store, before)
    print(report(outcome))
    assert outcome.targets >= 30 and outcome.recovered > 0.2, report(outcome)


@pytest.mark.parametrize("surface", list(PINNING))
def test_few_reports_are_pinned_by_none_now(store, surface):
    attack, _before, after = PINNING[surface]
    outcome = attack(store, after)
    print(report(outcome))
    assert outcome.targets >= 30 and outcome.recovered == 0.0, report(outcome)


def test_channel_split_a_day_apart_gave_exact_counts_before_the_fix(store):
    outcome = attack_channel_split_by_day(store, unprotected_channel_parts)
    print(report(outcome))
    assert outcome.targets >= 30 and outcome.recovered > outcome.baseline + 0.1, report(outcome)


def test_channel_split_a_day_apart_recovers_no_more_than_chance(store):
    outcome = attack_channel_split_by_day(store, published_channel_parts)
    assert_no_better_than_chance(outcome)


def test_healthz_differencing_gave_every_import_size_before_the_fix(demo_store_url, tmp_path):
    outcome = attack_healthz_differencing(demo_store_url, tmp_path, unprotected_health)
    print(report(outcome))
    assert outcome.recovered == 1.0


def test_healthz_differencing_recovers_no_more_than_chance(demo_store_url, tmp_path):
    outcome = attack_healthz_differencing(demo_store_url, tmp_path, published_health)
    assert_no_better_than_chance(outcome)


if __name__ == "__main__":  # pragma: no cover - prints the figures for benchmarks/RESULTS.md
    import tempfile
    from pathlib import Path

    from vsdash.demo import generate_demo

    with tempfile.TemporaryDirectory() as folder:
        url = f"duckdb:///{Path(folder) / 'demo.duckdb'}"
        demo = Store(url)
        generate_demo(demo, seed=42, reports=30_000)
        for name, attack, before, after in (
            ("heatmap averaging", attack_heatmap_averaging, unprotected_hours, published_hours),
            ("heatmap pins", attack_heatmap_pins_reports, unprotected_hours, published_hours),
            ("parts pin category", attack_parts_pin_category, unprotected_parts, published_parts),
            (
                "channel split a day apart",
                attack_channel_split_by_day,
                unprotected_channel_parts,
                published_channel_parts,
            ),
        ):
            print(name, "before:", report(attack(demo, before)))
            print(name, "after: ", report(attack(demo, after)))
        demo.close()
        for label, health in (("before", unprotected_health), ("after", published_health)):
            print("healthz", label, report(attack_healthz_differencing(url, Path(folder), health)))


# --- the same cell on every surface, and what the survey ratio gives back -----------------------------


PERIODS = (
    (dt.date(2020, 3, 1), dt.date(2020, 5, 31)),  # whole months: counted in months
    (dt.date(2021, 3, 3), dt.date(2021, 6, 15)),  # any days: whole weeks, months where small
    (dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
)


@pytest.mark.parametrize(("start", "end"), PERIODS)
def test_a_municipalitys_count_is_one_number_on_page_map_api_cli_and_files(store, tmp_path, start, end):
    """Key figures (Overzicht, Vergelijken, API, ``figures --json``) and ``export counts --by
    gemeente`` (CSV and XLSX) give one value per municipality and for the whole selection.

    Before, the export summed each municipality over the selection's weeks while its key figure
    used its own months where small: two independent noises on one cell, whose mean is closer to
    the truth than either (and for a small municipality, a second draw of a small cell).
    """
    from openpyxl import load_workbook

    from vsdash.commands.export import TOTAL, counts_table
    from vsdash.ui.server import FiguresRequest, figures_json

    table = counts_table(store, "gemeente", start, end)
    rows = dict(zip(table["gemeentecode"], table["count"].astype(int), strict=True))
    listed = [c for c in rows if c != TOTAL]
    assert len(listed) >= 10
    whole = publication.key_figures(store, start=start, end=end)
    assert rows[TOTAL] == whole.reports
    for code in (*SMALL, "GM0344", "GM0363"):
        figures = publication.key_figures(store, start=start, end=end, gemeente=code)
        # Without a reporting point the key figure is "no reporting point" and the export lists none.
        assert rows.get(code, 0) == (figures.reports or 0), code
    # The national map (Kaart without a municipality) draws the same numbers.
    from vsdash import maps

    drawn = maps.municipality_totals(
        publication.published_municipality_totals(store, None, start, end), store.municipalities()
    )
    assert dict(zip(drawn["gemeentecode"], drawn["count"].astype(int), strict=True)) == {
        c: v for c, v in rows.items() if c != TOTAL
    }
    # The API answers with the same JSON text as ``figures --json`` (one function), so with the same count.
    server_store = {store.url: store}
    from vsdash.ui import server

    code = next(c for c in (*SMALL, "GM0344") if rows.get(c, 0) > 0)
    server._stores.update(server_store)
    try:
        api = json.loads(figures_json(store.url, FiguresRequest(code, None, start, end)))
    finally:
        server._stores.pop(store.url, None)
    assert api["reports"] == rows[code]
    assert api["demo"] is True
    # The files carry exactly the table's numbers.
    from vsdash import spreadsheets
    from vsdash.commands.export import counts_download

    download = counts_download(store, table, gemeente=None, by="gemeente")
    book_path = tmp_path / "c.xlsx"
    book_path.write_bytes(spreadsheets.table_xlsx_bytes(download, "Meldingen"))
    sheet = load_workbook(book_path).worksheets[0]
    in_book = {r[0].value: r[2].value for r in sheet.iter_rows(min_row=2)}
    assert in_book == rows


def test_ratio_times_survey_gives_only_the_published_count_back(store):
    """Reporting ratio × people who experienced harassment is the published count, not the true one.

    For every municipality with a survey round, per year: the ratio's numerator is the key
    figure's published count (so it tells nothing beyond it), and the true count of a small
    municipality-year is not what it gives back more often than the published count itself
    would.
    """
    checked = 0
    for year in range(2020, 2025):
        start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
        members = publication.member_figures(store, sorted(set(store.channels()["gemeentecode"])), start, end)
        rated = members[members["ratio"].notna() & (members["ervaren"] > 0)]
        for row in rated.itertuples():
            assert row.ratio * row.ervaren == pytest.approx(row.n, abs=1e-6)
            checked += 1
    assert checked >= 10
