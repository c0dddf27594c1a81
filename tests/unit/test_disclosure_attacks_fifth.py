"""Disclosure attacks on the surfaces changed most recently (issue 14, fifth pass; ADR 0006).

Overzicht's server-side SVG charts, the effect card's weekly chart (Campagnes, the deck), the open
API and the English pages, against the session's demo store (30,000 reports, seed 42). The
measure is that of ``tests/unit/test_disclosure_attacks.py`` where an attack guesses small counts;
the effect-line attack below instead recovers *exact* counts that nothing publishes (the total of
the weeks the effect model learns from), which the cell-key method never gives out at any size.

``pytest -s`` prints the figures of ADR 0006's "Fifth pass".
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re

import numpy as np
import pandas as pd
import pytest

from tests.unit.disclosure import Outcome, assert_no_better_than_chance, report
from vsdash import effect_estimator, publication
from vsdash.store import Store
from vsdash.views import campaigns as campaign_views

# --- the effect card's weekly chart: the model's fitted line gives its exact data back ------------


def _capture_model(monkeypatch) -> dict:
    """Record the design, fit rows and offsets of each estimate, as the attacker rebuilds them.

    The design (intercept, trend, seasons, steps, the public holiday calendar) and the offset (log
    population) are made from public facts and the method the card's technical text names; the
    attacker computes them as the estimator does. Recording them here saves writing that twice.
    The exact counts (``y`` of the fit) are kept only to score the attack.
    """
    seen: dict = {}
    design_of, fit_of, simulate_of = (
        effect_estimator._design_matrix,
        effect_estimator._fit_count_model,
        effect_estimator._simulate_mixture,
    )

    def design(weeks, **kwargs):
        matrix = design_of(weeks, **kwargs)
        seen.setdefault("design", (pd.DatetimeIndex(weeks), matrix))
        return matrix

    def fit(y, matrix, offset):
        seen.setdefault("fit", (y, matrix, offset))
        return fit_of(y, matrix, offset)

    def simulate(models, offset, rows, **kwargs):
        seen.setdefault("predicted", (rows, offset))
        return simulate_of(models, offset, rows, **kwargs)

    monkeypatch.setattr(effect_estimator, "_design_matrix", design)
    monkeypatch.setattr(effect_estimator, "_fit_count_model", fit)
    monkeypatch.setattr(effect_estimator, "_simulate_mixture", simulate)
    return seen


def unprotected_weekly(estimate, lang: str = "nl") -> pd.DataFrame:
    """The effect chart's weeks as ``published_effect`` gave them before this pass: exact model line."""
    return publication.published_effect(estimate, lang).weekly.assign(
        expected=estimate.weekly["expected"].to_numpy(),
        low=estimate.weekly["low"].to_numpy(),
        high=estimate.weekly["high"].to_numpy(),
    )


def published_weekly(estimate, lang: str = "nl") -> pd.DataFrame:
    """The effect chart's weeks as the card, its table and the deck receive them now."""
    return publication.published_effect(estimate, lang).weekly


def fit_total_from_line(estimate, seen: dict, weekly: pd.DataFrame, window_total=None) -> float | None:
    """Solve the model from its published line, then read the total of its fit weeks from it.

    The card draws the model's expected reports per week for the 26 weeks before the campaign and
    its weeks (plotly sends every point to the browser). With the municipality's own history
    (the card's "vergelijk met andere gemeenten" off) and a Poisson fit (named in the technical
    text), log(expected) = design · beta + log(population): from enough published weeks the
    attacker solves beta. A Poisson fit with an intercept returns its data's total exactly
    (the score equation: sum of fitted = sum of observed over the fit weeks), so
    sum(exp(design · beta + offset)) over the fit weeks is the exact number of reports in them,
    a count that no surface publishes (each week is perturbed). ``window_total`` (estimate ->
    number) gives the attacker the window's expected total as well. None: nothing to solve.
    """
    if estimate is None or estimate.method_facts["family"] != "Poisson":
        return None
    if estimate.method_facts["found_step"] is not None:
        return None  # a mixture of two models: no single beta to solve
    weeks, design = seen["design"]
    rows, offset = seen["predicted"]
    _, fit_design, fit_offset = seen["fit"]
    assert (weeks.get_indexer(pd.DatetimeIndex(weekly["week"])) == rows).all()
    line = weekly["expected"].to_numpy(dtype=float)
    usable = np.isfinite(line) & (line > 0)  # a week drawn at 0 or not at all says little
    if usable.sum() < design.shape[1]:
        return None
    beta, *_ = np.linalg.lstsq(design[rows][usable], np.log(line[usable]) - offset[usable], rcond=None)
    if window_total is not None:
        # The window's expected total as another surface gives it: the level that matches it.
        window = (weekly["period"] == "window").to_numpy()
        drawn = np.exp(design[rows][window] @ beta + offset[window]).sum()
        beta[0] += np.log(window_total(estimate) / drawn)
    return float(np.exp(fit_design @ beta + fit_offset).sum())


def attack_effect_line(store: Store, monkeypatch, publish, window_total=None) -> tuple[int, int]:
    """Every register campaign's card with the comparison off: (fits attacked, fit totals exact)."""
    seen = _capture_model(monkeypatch)
    inputs = campaign_views.effect_inputs(store)
    attempts = exact = 0
    for camp in inputs.campaigns.itertuples():
        seen.clear()
        estimate, _ = campaign_views.estimate(inputs, camp.campagne_id, camp.gemeentecode, False)
        if estimate is None or estimate.method_facts["family"] != "Poisson":
            continue
        if estimate.method_facts["found_step"] is not None:
            continue
        attempts += 1
        total = fit_total_from_line(estimate, seen, publish(estimate), window_total)
        exact += int(total is not None and round(total) == int(seen["fit"][0].sum()))
    return attempts, exact


def attack_register_editor_line(store: Store, monkeypatch, publish, shifts: int = 12) -> Outcome:
    """An editor moves a campaign a week at a time and differences the fit totals of its cards.

    Moving the window one week later adds one week to the weeks the model learns from, so the
    difference of two fit totals (``fit_total_from_line``) is that week's count. Targets: the
    added weeks with 1..4 reports, of the four campaigns whose fits the line gave away above
    (their municipalities' own histories, Poisson). The campaign is replaced, not added, so no
    copy is another campaign of the same municipality (whose weeks the fit would leave out).
    """
    seen = _capture_model(monkeypatch)
    inputs = campaign_views.effect_inputs(store)
    outcome = Outcome("register editor, effect line")
    for campagne_id in ("lokaal-GM0479-1", "lokaal-GM0153-2", "lokaal-GM0014-2", "lokaal-GM0034-1"):
        register = inputs.campaigns
        row = register[register["campagne_id"] == campagne_id].iloc[0]
        code = row["gemeentecode"]
        exact = inputs.weekly_counts[inputs.weekly_counts["gemeentecode"] == code].set_index("periode")["n"]
        totals = []
        for shift in range(shifts + 1):
            moved = register.copy()
            at = moved["campagne_id"] == campagne_id
            moved.loc[at, "start"] = pd.Timestamp(row["start"]) + pd.Timedelta(weeks=shift)
            moved.loc[at, "eind"] = pd.Timestamp(row["eind"]) + pd.Timedelta(weeks=shift)
            seen.clear()
            estimate, _ = campaign_views.estimate(
                dataclasses.replace(inputs, campaigns=moved), campagne_id, code, False
            )
            total = None if estimate is None else fit_total_from_line(estimate, seen, publish(estimate))
            first = pd.Timestamp(row["start"]) + pd.Timedelta(weeks=shift)
            totals.append((first - pd.Timedelta(days=first.dayofweek), total))
        for (monday, before), (_, after) in zip(totals, totals[1:], strict=False):
            difference = None if before is None or after is None else after - before
            outcome.add(int(exact.get(monday, 0)), difference)
    return outcome


def test_the_effect_line_gave_exact_fit_totals_before_the_fix(store, monkeypatch):
    attempts, exact = attack_effect_line(store, monkeypatch, unprotected_weekly)
    print(f"effect line, exact model: {exact} of {attempts} fit totals exact")
    assert attempts >= 10 and exact >= 3


def test_the_register_editor_read_small_weeks_off_the_effect_line_before_the_fix(store, monkeypatch):
    outcome = attack_register_editor_line(store, monkeypatch, unprotected_weekly)
    print(report(outcome))
    assert outcome.targets >= 10 and outcome.recovered > outcome.baseline


def test_the_register_editor_reads_no_small_week_off_the_effect_line_now(store, monkeypatch):
    outcome = attack_register_editor_line(store, monkeypatch, published_weekly)
    assert_no_better_than_chance(outcome, min_targets=10)


def test_the_effect_line_gives_no_exact_fit_total_now(store, monkeypatch):
    # Stronger than before: the window's expected total at full precision as well (the deck's
    # PowerPoint chart carries it), which pins the level the rounded weeks leave open.
    attempts, exact = attack_effect_line(
        store, monkeypatch, published_weekly, window_total=lambda est: est.expected
    )
    print(f"effect line, published: {exact} of {attempts} fit totals exact")
    assert attempts >= 10 and exact <= 1


# --- Overzicht's SVG charts: do their paths say more than the published cells? --------------------


def decode_trend_svg(svg: str) -> dict[str, list[float]]:
    """The values an SVG trend draws, read back from its paths through the y axis' own tick labels.

    matplotlib writes each grid line as a path at the tick's y and the tick's label as text; two
    ticks give the scale. Returns the report line (``main``, solid blue) and last year's
    (``previous``, dotted), each the longest path of its style, one value per point.
    """
    ticks = []
    for part in re.split(r'<g id="ytick_\d+">', svg)[1:]:
        at = re.search(r'<path d="M [-\d.]+ ([-\d.]+)', part)
        label = re.search(r"<text[^>]*>([^<]*)</text>", part)
        ticks.append((float(at.group(1)), float(label.group(1).replace(".", "").replace(",", "."))))
    (y0, v0), (y1, v1) = ticks[0], ticks[-1]
    scale = (v1 - v0) / (y1 - y0)
    lines: dict[str, list[float]] = {"main": [], "previous": []}
    for path, style in re.findall(r'<g id="line2d_\d+">\s*<path d="([^"]+)"[^>]*style="([^"]*)"', svg):
        values = [v0 + (float(y) - y0) * scale for _, y in re.findall(r"([-\d.]+) ([-\d.]+)", path)]
        kind = "main" if "#0072b2" in style else "previous" if "dasharray: 1.5" in style else None
        if kind and len(values) > len(lines[kind]):
            lines[kind] = values
    return lines


SVG_SELECTIONS = [
    # small municipalities (monthly trend of a few reports a month), a G4 city and the nation
    # (weekly), a calendar year and periods that start and end mid-week
    (code, start, end)
    for code in ("GM0141", "GM0344", None)
    for start, end in (
        (dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
        (dt.date(2024, 2, 7), dt.date(2024, 9, 18)),
    )
]


@pytest.mark.parametrize(("code", "start", "end"), SVG_SELECTIONS)
def test_overzichts_svg_trend_draws_the_published_cells_and_nothing_finer(store, code, start, end):
    """Decoded from the SVG, every point is a published cell; some differ from the exact count.

    Axis limits come from the published maximum, so bar heights, limits and ticks say nothing a
    reader cannot read from the table under the chart. The second assertion shows the comparison
    would catch a chart drawn from exact counts (they differ from the published ones somewhere).
    """
    from vsdash.views.overview import build_overview

    model = build_overview(store, gemeente=code, programma=None, start=start, end=end, label="x", lang="nl")
    _, trend = publication.key_figures_and_trend(store, start=start, end=end, gemeente=code)
    drawn = decode_trend_svg(model.trend.svg)
    published = trend.cells["n"].to_numpy(dtype=float)
    assert np.allclose(drawn["main"], published, atol=0.01)
    last_year = trend.previous["n"].dropna().to_numpy(dtype=float)
    assert np.allclose(drawn["previous"], last_year, atol=0.01)
    exact = trend.counted.parts if trend.grain == trend.counted.unit else None
    if exact is not None:
        whole = exact.set_index("periode")["n"].reindex(trend.cells["periode"]).fillna(0).to_numpy()
        assert not np.array_equal(whole, published), "the test could not tell exact from published"
    # Every drawn value is a whole published count, never one of 1..4.
    assert not ((np.rint(drawn["main"]) >= 1) & (np.rint(drawn["main"]) <= 4)).any()


def test_english_and_dutch_overzicht_publish_the_same_numbers(store):
    """An English page is not a second draw: its key figures and drawn trend are the Dutch ones."""
    from vsdash.views.overview import build_overview

    models = {
        lang: build_overview(
            store,
            gemeente="GM0141",
            programma=None,
            start=dt.date(2024, 2, 7),
            end=dt.date(2024, 9, 18),
            label="x",
            lang=lang,
        )
        for lang in ("nl", "en")
    }
    nl, en = models["nl"], models["en"]
    assert nl.key_table.iloc[:, 2].tolist() == en.key_table.iloc[:, 2].tolist()
    assert decode_trend_svg(nl.trend.svg) == decode_trend_svg(en.trend.svg)


# --- the open API: periods a day apart --------------------------------------------------------------

API_COUNTS = ("reports", "hidden", "rate_per_10k_per_year", "change", "counted")


@pytest.mark.parametrize("code", ["GM0141", "GM0546", "GM0268"])
def test_the_api_gives_periods_a_day_apart_the_same_counts(demo_store_url, code):
    """Moving ``van`` or ``tot`` by a day inside a week changes no count the API gives.

    Every count is of whole weeks or months (ADR 0006, item 6), so the difference of two answers
    a day apart is zero, never that day's reports. Run on small municipalities, where a day holds
    0 to 2 reports.
    """
    from vsdash.ui.server import FiguresRequest, figures_json

    answers = set()
    for start, end in (
        (dt.date(2024, 3, 5), dt.date(2024, 6, 12)),  # Tuesday to Wednesday
        (dt.date(2024, 3, 6), dt.date(2024, 6, 12)),
        (dt.date(2024, 3, 5), dt.date(2024, 6, 13)),
        (dt.date(2024, 3, 6), dt.date(2024, 6, 14)),
    ):
        body = json.loads(figures_json(demo_store_url, FiguresRequest(code, None, start, end)))
        answers.add(json.dumps({key: body[key] for key in API_COUNTS}, sort_keys=True))
    assert len(answers) == 1
