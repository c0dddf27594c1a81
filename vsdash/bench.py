"""Benchmarks at national scale: vsdash against the naive Streamlit baseline, in the same run.

The naive baseline is the usual way to build such a page: the whole report table as a pandas
frame from ``st.cache_data`` (which hands every rerun a fresh unpickled copy), a pandas groupby
per rerun, and every point sent to a pydeck ScatterplotLayer. vsdash pushes filters into DuckDB
over pre-aggregated tables and sends server-side aggregated H3 hexagons.

The baseline runs in a child process so that each side's peak memory is its own.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import pickle
import platform
import random
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from vsdash import schema
from vsdash.settings import PROJECT_ROOT
from vsdash.store import ReportFilter, Store

CACHE_DIR = PROJECT_ROOT / "benchmarks" / "cache"
FILTER_CHANGES = 24


@dataclass(frozen=True)
class FilterChange:
    """One filter change a user makes: municipality (or all), period and category (or all)."""

    gemeente: str | None
    start: dt.date
    end: dt.date
    categorie: str | None


def bench_store(reports: int, seed: int = 42) -> str:
    """Return the URL of a cached demo store with ``reports`` reports, building it when missing."""
    from vsdash import demo as demo_module
    from vsdash.demo import generate_demo

    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    # The generator's own source keys the cache: a changed generator gets a new store.
    version = hashlib.sha256(Path(demo_module.__file__).read_bytes()).hexdigest()[:10]
    path = CACHE_DIR / f"demo-{reports}-seed{seed}-{version}.duckdb"
    if not path.exists():
        tmp = path.with_suffix(".building")
        tmp.unlink(missing_ok=True)
        store = Store(f"duckdb:///{tmp}")
        generate_demo(
            store, seed=seed, reports=reports, progress=lambda f, m: print(f"[{f:4.0%}] {m}", file=sys.stderr)
        )
        store.execute("CHECKPOINT")
        store.close()
        tmp.rename(path)
    return f"duckdb:///{path}"


def filter_changes(
    codes: list[str], lo: dt.date, hi: dt.date, n: int = FILTER_CHANGES, seed: int = 1
) -> list[FilterChange]:
    """A reproducible sequence of filter changes over municipality, period and category."""
    rng = random.Random(seed)
    changes = []
    span = (hi - lo).days
    for _ in range(n):
        start = lo + dt.timedelta(days=rng.randrange(0, max(span - 60, 1)))
        end = min(hi, start + dt.timedelta(days=rng.choice((90, 365, 730))))
        changes.append(
            FilterChange(
                gemeente=rng.choice([None, *codes]),
                start=start,
                end=end,
                categorie=rng.choice([None, *schema.REPORT_CATEGORIES]),
            )
        )
    return changes


def p95(values: list[float]) -> float:
    """The 95th percentile (nearest rank) of ``values``."""
    ordered = sorted(values)
    return ordered[max(0, int(np.ceil(0.95 * len(ordered))) - 1)]


def peak_rss_mb() -> float:
    """Peak resident memory of this process in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def vsdash_filter_change(store: Store, change: FilterChange) -> None:
    """The data work of one filter change on the Meldingen/Overzicht/Kaart pages, uncached."""
    codes = (change.gemeente,) if change.gemeente else None
    cats = (change.categorie,) if change.categorie else None
    flt = ReportFilter(codes, change.start, change.end, cats)
    store.count_reports(flt, "week")
    store.count_reports(flt, "month", by=("categorie",))
    store.count_by_hour(flt)
    store.hex_block_counts(flt)  # the Kaart reads its hexagons per block of weeks (ADR 0006)


def run_vsdash(url: str) -> dict:
    """Measure vsdash's filter changes, map payload and one effect card on the store at ``url``."""

    store = Store(url)
    lo, hi = store.report_date_range()
    codes = sorted(store.query("SELECT DISTINCT gemeentecode FROM agg_daily")["gemeentecode"])
    changes = filter_changes(codes, lo, hi)
    vsdash_filter_change(store, changes[0])  # warm the connection, as a running app is
    times = [_timed(lambda c=c: vsdash_filter_change(store, c)) for c in changes]
    card_times, forest_ms = effect_timings(store, lo, hi)
    payload = map_payload(store, codes, lo, hi)
    return {
        "filter_change_ms_p95": round(p95(times), 1),
        "filter_change_ms_median": round(statistics.median(times), 1),
        "map_payload_bytes": payload,
        "effect_card_ms": round(statistics.median(card_times), 1) if card_times else None,
        "forest_plot_ms": round(forest_ms, 1),
        "rss_mb": round(peak_rss_mb(), 1),
    }


def effect_timings(store: Store, lo: dt.date, hi: dt.date) -> tuple[list[float], float]:
    """Milliseconds per effect card (as the Campagnes page computes it) and for the forest plot.

    A card reuses the weekly counts the page keeps cached; the forest plot is timed from scratch,
    its query included, as on the first visit after an import.
    """
    from vsdash import campaign_effects

    def inputs():
        weekly = store.count_reports(ReportFilter(None, lo, hi), "week", by=("gemeentecode",))
        return weekly, store.campaigns(), store.channels(), store.population()

    weekly, campaigns, channels, population = inputs()
    card_times = []
    for pair in campaigns.drop_duplicates("campagne_id").head(8).itertuples():

        def card(pair=pair) -> None:
            campaign_effects.estimate_one(
                weekly, campaigns, channels, population, pair.campagne_id, pair.gemeentecode, (lo, hi)
            )

        try:
            card_times.append(_timed(card))
        except ValueError:
            continue  # a campaign before enough weeks of data has no card
    forest_ms = _timed(lambda: campaign_effects.estimate_all_campaigns(*inputs(), (lo, hi)))
    return card_times, forest_ms


def map_payload(store: Store, codes: list[str], lo: dt.date, hi: dt.date) -> int:
    """Largest map payload (bytes of the pydeck JSON the Kaart page sends), whole period.

    Built as the page builds it: the busiest municipality (hexagons, risk areas, boundaries)
    and the national view (one circle per municipality on the CBS outlines).
    """
    from vsdash import geo, maps

    try:
        gm = geo.load_municipality_boundaries()
        wijken = geo.load_wijk_boundaries()
        reason = None
    except geo.BoundariesUnavailable as exc:
        gm, wijken, reason = None, None, str(exc)
    municipalities = store.municipalities()
    names = municipalities.set_index("gemeentecode")["weergavenaam"].to_dict()
    risk_areas, measures = store.risk_areas(), store.risk_area_measures()
    code = _busiest(store)
    flt = ReportFilter((code,), lo, hi)
    boundaries = maps.prepare_boundaries(gm, wijken, code, missing_reason=reason)
    cells = maps.hex_cells(store.hex_block_counts(flt))
    areas = risk_areas[risk_areas["gemeentecode"] == code]
    table = maps.risk_area_table(
        areas, measures, store.area_counts(flt, "risicogebied_id", "block"), names=names
    )
    local = maps.density_map(cells, areas, table, boundaries, municipalities, gemeente=code)
    counts = store.count_reports(ReportFilter(None, lo, hi), "month", ("gemeentecode",))
    national = maps.national_map(
        maps.municipality_totals(counts, municipalities),
        maps.prepare_boundaries(gm, None, None, missing_reason=reason),
        label="Alle gemeenten",
    )
    return max(maps.map_payload_bytes(local.deck), maps.map_payload_bytes(national.deck))


def _busiest(store: Store) -> str:
    return str(
        store.query("SELECT gemeentecode FROM agg_daily GROUP BY 1 ORDER BY sum(n) DESC LIMIT 1")[
            "gemeentecode"
        ].iloc[0]
    )


# -- the naive baseline (child process) -------------------------------------------------------------


def run_baseline(url: str) -> dict:
    """The usual Streamlit way, measured: full frame from cache_data, pandas groupby, raw points."""
    import h3
    import pydeck as pdk

    store = Store(url)
    lo, hi = store.report_date_range()
    codes = sorted(store.query("SELECT DISTINCT gemeentecode FROM agg_daily")["gemeentecode"])
    frame = store.query("SELECT gemeentecode, gebeurd_op, categorie, kanaal_id, h3_r9 FROM reports")
    store.close()
    # What st.cache_data keeps: the pickled frame; every rerun gets an unpickled copy.
    cached = pickle.dumps(frame, protocol=pickle.HIGHEST_PROTOCOL)
    del frame

    def rerun(change: FilterChange) -> pd.DataFrame:
        df = pickle.loads(cached)
        rows = df[
            (df["gebeurd_op"] >= pd.Timestamp(change.start))
            & (df["gebeurd_op"] < pd.Timestamp(change.end) + pd.Timedelta(days=1))
        ]
        if change.gemeente:
            rows = rows[rows["gemeentecode"] == change.gemeente]
        if change.categorie:
            rows = rows[rows["categorie"] == change.categorie]
        rows.groupby(pd.Grouper(key="gebeurd_op", freq="W-MON")).size()
        rows.groupby([pd.Grouper(key="gebeurd_op", freq="MS"), "categorie"]).size()
        rows.groupby([rows["gebeurd_op"].dt.dayofweek, rows["gebeurd_op"].dt.hour]).size()
        return rows

    changes = filter_changes(codes, lo, hi)
    rerun(changes[0])
    times = [_timed(lambda c=c: rerun(c)) for c in changes]
    # Raw points to a ScatterplotLayer (the finest location we keep stands in for the raw point).
    df = pickle.loads(cached)
    busiest = df["gemeentecode"].value_counts().index[0]
    sizes = []
    for rows in (df, df[df["gemeentecode"] == busiest]):
        cells = rows["h3_r9"].dropna().astype("uint64")
        unique = pd.unique(cells)
        centre = {c: h3.cell_to_latlng(h3.int_to_str(int(c))) for c in unique}
        points = pd.DataFrame([centre[c] for c in cells], columns=["lat", "lon"])
        layer = pdk.Layer("ScatterplotLayer", points, get_position="[lon, lat]", get_radius=20)
        deck = pdk.Deck(layers=[layer], map_style=None)
        sizes.append(len(deck.to_json().encode()))
        if len(rows) > 2_000_000:
            break  # the national layer is larger still; one measure above the limit suffices
    return {
        "baseline_filter_change_ms_p95": round(p95(times), 1),
        "baseline_filter_change_ms_median": round(statistics.median(times), 1),
        "baseline_map_payload_bytes": max(sizes),
        "baseline_rss_mb": round(peak_rss_mb(), 1),
    }


def machine_description() -> str:
    """CPU, cores and memory of this machine, for the results file."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem_kb = next(
            int(line.split()[1])
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        )
        mem = f"{mem_kb / 1024 / 1024:.0f} GiB"
    except (OSError, StopIteration):
        mem = "?"
    return (
        f"{cpu}, {os.cpu_count()} cores, {mem} RAM, Python {platform.python_version()}, {platform.system()}"
    )


def _child(*args: str) -> dict:
    """Run ``python -m vsdash.bench ARGS`` and return the JSON it prints last."""
    done = subprocess.run(
        [sys.executable, "-m", "vsdash.bench", *args], capture_output=True, text=True, cwd=PROJECT_ROOT
    )
    if done.returncode != 0:
        raise RuntimeError(f"benchmark step {args[0]} failed: {done.stderr.strip()[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def run(reports: int) -> dict:
    """Run both sides for a store of ``reports`` reports and return every figure.

    Building the store, measuring vsdash and measuring the baseline each happen in a process of
    their own, so each peak memory figure belongs to one side only.
    """
    url = _child("build", str(reports))["url"]
    result = {"reports": reports, **_child("vsdash", url), **_child("baseline", url)}
    result["filter_change_speedup"] = round(
        result["baseline_filter_change_ms_p95"] / max(result["filter_change_ms_p95"], 0.01), 1
    )
    result["machine"] = machine_description()
    return result


RESULTS_START = "<!-- bench:start (generated by python -m vsdash bench --write-results) -->"
RESULTS_END = "<!-- bench:end -->"


def stored_results(reports: int) -> dict | None:
    """The figures last written for a store of ``reports`` reports (``results-N.json``), if any."""
    path = PROJECT_ROOT / "benchmarks" / f"results-{reports}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def _first_page_lines(first: dict) -> list[str]:
    """The paragraph and table of the first page of a fresh server (``bench_browser.first_page``)."""
    ours, baseline = first["vsdash serve"], first["streamlit run"]
    lines = [
        "",
        f"First page of a fresh server (median of {first['starts']} fresh starts of each server, "
        "alternating; chromium already running): seconds from starting the server process until "
        "`/` is idle in chromium, and from the first navigation (made as soon as Streamlit's "
        f"health route answers) until idle. Target ≤ {first['target_s']:g} s. The server's first "
        "run is the server's own seconds for that page run (the rest is the browser loading and "
        "drawing the page, and the server starting).",
        "",
        "| server | health route answers | start → `/` idle | navigation → idle | server's first run |",
        "|---|---|---|---|---|",
    ]
    for label, figures in (
        ("`python -m vsdash serve` (warms its caches in the background)", ours),
        ("`streamlit run dashboard.py` (naive baseline, no warm-up)", baseline),
    ):
        lines.append(
            f"| {label} | {figures['health_s']:.2f} | {figures['start_to_idle_s']:.2f} | "
            f"{figures['navigation_to_idle_s']:.2f} | {_seconds(figures.get('server_run_s'))} |"
        )
    lines.append(
        f"| ratio vsdash / baseline | | {first['ratio_start_to_idle_s']:.2f} | "
        f"{first['ratio_navigation_to_idle_s']:.2f} | |"
    )
    before, after = first["load_average"]
    lines += [
        "",
        f"Load average (1 min) {before:.1f} before and {after:.1f} after the run on "
        f"{first.get('machine', 'this machine')}: other work on a shared machine inflates every "
        "second above; the ratio compares like with like.",
    ]
    return lines


def write_results(result: dict) -> None:
    """Store ``result`` as JSON and regenerate the benchmark section of ``benchmarks/RESULTS.md``."""
    folder = PROJECT_ROOT / "benchmarks"
    (folder / f"results-{result['reports']}.json").write_text(
        json.dumps(result, indent=2) + "\n", encoding="utf-8"
    )
    runs = sorted(
        (json.loads(p.read_text()) for p in folder.glob("results-*.json")), key=lambda r: r["reports"]
    )
    lines = [RESULTS_START, "", "## Filter changes, map payload, effect card, memory", ""]
    lines += [
        "| figure | target | " + " | ".join(f"{r['reports']:,} reports" for r in runs) + " |",
        "|---|---|" + "---|" * len(runs),
    ]
    rows = [
        ("filter change p95, vsdash (ms)", "≤ 300 at 10M", "filter_change_ms_p95"),
        ("filter change p95, baseline (ms)", "", "baseline_filter_change_ms_p95"),
        ("speed-up (baseline / vsdash)", "≥ 3×", "filter_change_speedup"),
        ("filter change median, vsdash (ms)", "", "filter_change_ms_median"),
        ("filter change median, baseline (ms)", "", "baseline_filter_change_ms_median"),
        ("map payload, vsdash (bytes)", "≤ 2 MB", "map_payload_bytes"),
        ("map payload, baseline (bytes)", "", "baseline_map_payload_bytes"),
        ("effect card median (ms)", "≤ 250", "effect_card_ms"),
        ("forest plot, all campaigns, uncached (ms)", "≤ 5000", "forest_plot_ms"),
        ("peak memory, vsdash (MB)", "≤ 2048", "rss_mb"),
        ("peak memory, baseline (MB)", "", "baseline_rss_mb"),
    ]
    for label, target, key in rows:
        cells = [_fmt(r.get(key)) for r in runs]
        lines.append(f"| {label} | {target} | " + " | ".join(cells) + " |")
    for r in runs:
        browser = r.get("browser")
        if not browser and not r.get("first_page"):
            continue
        lines += ["", f"## In headless chromium, {r['reports']:,} reports"]
        if r.get("first_page"):
            lines += _first_page_lines(r["first_page"])
        if not browser:
            continue
        lines += [
            "",
            "Seconds from navigation until the page is idle (median of 3 loads, caches warm):",
            "",
            "| page | seconds | target |",
            "|---|---|---|",
        ]
        lines += [
            f"| `{page}` | {secs:.2f} | {'≤ 6; ≤ 4 at the default store' if page == '/kaart' else '≤ 6'} |"
            for page, secs in browser["page_idle_s"].items()
        ]
        lines += [
            "",
            f"Filter change on Overzicht (a new municipality chosen in the sidebar; one session alone, "
            f"then {browser['concurrent_sessions']} sessions in one chromium, each changing every 2 s on "
            f"its own staggered clock, {browser.get('changes_per_session', 8)} changes each, caches warm; "
            f"time until the page is idle; {browser.get('rounds', 1)} alternating rounds): "
            f"p95 {browser['single_session_p95_s']:.2f} s for one session, "
            f"{browser['concurrent_p95_s']:.2f} s with {browser['concurrent_sessions']} concurrent sessions; "
            f"ratio {browser['concurrent_ratio']:.2f}, the median of the rounds' ratios "
            f"{', '.join(f'{r:.2f}' for r in browser.get('round_ratios', [browser['concurrent_ratio']]))} "
            f"(target ≤ 2). "
            + (
                f"Medians {browser['single_session_median_s']:.2f} s and {browser['concurrent_median_s']:.2f} s. "
                if "concurrent_median_s" in browser
                else ""
            )
            + f"Server time per page run (p95): {_fmt(browser.get('server_single_p95_ms'))} ms alone, "
            f"{_fmt(browser.get('server_concurrent_p95_ms'))} ms with {browser['concurrent_sessions']} sessions. "
            f"Peak memory of the app server over the whole run: {_fmt(browser.get('server_peak_rss_mb'))} MB.",
        ]
    lines += ["", "Machines: " + "; ".join(sorted({r["machine"] for r in runs})), "", RESULTS_END]
    path = folder / "RESULTS.md"
    text = (
        path.read_text(encoding="utf-8")
        if path.exists()
        else "# Benchmark results\n\n" + RESULTS_START + "\n" + RESULTS_END + "\n"
    )
    if RESULTS_START not in text:
        text += "\n" + RESULTS_START + "\n" + RESULTS_END + "\n"
    head, rest = text.split(RESULTS_START, 1)
    tail = rest.split(RESULTS_END, 1)[1]
    path.write_text(head + "\n".join(lines) + tail, encoding="utf-8")


def _seconds(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _fmt(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:,.1f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


if __name__ == "__main__":  # the child steps: python -m vsdash.bench build N | vsdash URL | baseline URL
    step, arg = sys.argv[1], sys.argv[2]
    if step == "build":
        print(json.dumps({"url": bench_store(int(arg))}))
    elif step == "vsdash":
        print(json.dumps(run_vsdash(arg)))
    elif step == "baseline":
        print(json.dumps(run_baseline(arg)))
    else:
        raise SystemExit(f"unknown step {step!r}")
