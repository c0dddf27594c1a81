"""Where a fresh server's first page spends its seconds, for several copies of the code side by side.

    python benchmarks/first_page_variants.py 5 main=/tmp/main branch=.   [--trace DIR]

Each ``name=folder`` is a copy of the project (``git archive main | tar -x -C /tmp/main``). Per
round, in alternating order, each copy's ``python -m vsdash serve`` starts fresh on a private
copy of the 100,000-report benchmark store; a fresh context of Debian's chromium opens ``/`` as
soon as Streamlit's health route answers. Per start it prints seconds from navigation to idle
(the benchmark's definition), to the first key figure and to the first drawn chart, the load
average, and the CPU seconds the browser's and the server's processes used in between (from
``/proc``: on a shared machine CPU seconds move far less with the load than wall seconds).
Medians per copy at the end. A "chart" is a drawn plotly or Vega-Lite chart, or an image
(Overzicht's server-side SVG since issue 17). With ``--trace`` a Chrome trace per start is saved and read as
thread CPU time: per chromium thread, and per front-end module evaluated on the main thread.
Results of 2026-11-29 are in RESULTS.md, "First page: where the seconds go".
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from vsdash.bench import bench_store  # noqa: E402
from vsdash.bench_browser import CHROMIUM_ARGS, _free_port, _wait_reachable, wait_idle  # noqa: E402

TICK = os.sysconf("SC_CLK_TCK")
TRACE_CATEGORIES = ["devtools.timeline", "v8.execute", "loading", "toplevel"]
# Records when the first key figure and the first drawn chart appear (ms since navigation).
MARKS_JS = """() => {
  window.__marks = {};
  const mark = (k) => { if (!(k in window.__marks)) window.__marks[k] = performance.now(); };
  new MutationObserver(() => {
    if (document.querySelector('[data-testid="stMetric"]')) mark('key_figure');
    if (document.querySelector(".js-plotly-plot .main-svg, [data-testid='stVegaLiteChart'] svg, "
        + "[data-testid='stVegaLiteChart'] canvas, [data-testid='stImage'] img")) mark('chart');
  }).observe(document, {subtree: true, childList: true, attributes: true});
}"""


def _cpu_by_pid(root: int) -> dict[int, float]:
    """User + system CPU seconds of every live process below ``root``."""
    children: dict[int, list[tuple[int, float]]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(
            (int(entry), (int(fields[11]) + int(fields[12])) / TICK)
        )
    found, todo = {}, [root]
    while todo:
        for pid, seconds in children.get(todo.pop(), []):
            found[pid] = seconds
            todo.append(pid)
    return found


def _cpu_split(server_pid: int) -> tuple[float, dict[int, float]]:
    """The server's CPU seconds, and the rest of this process's descendants (the browser) by pid."""
    everything = _cpu_by_pid(os.getpid())
    server = _cpu_by_pid(server_pid) | {server_pid: everything.get(server_pid, 0.0)}
    return sum(server.values()), {pid: s for pid, s in everything.items() if pid not in server}


def thread_cpu(trace_path: Path) -> dict:
    """Thread CPU (ms) of a Chrome trace: per chromium thread, and per module evaluated on the main thread."""
    events = json.loads(trace_path.read_text())["traceEvents"]
    names = {
        (e["pid"], e.get("tid") if e["name"] == "thread_name" else None): e["args"]["name"]
        for e in events
        if e.get("ph") == "M" and e["name"] in ("thread_name", "process_name")
    }
    threads: collections.Counter = collections.Counter()
    for e in events:
        if e.get("ph") == "X" and e["name"] in ("ThreadControllerImpl::RunTask", "ThreadPool_RunTask"):
            thread = names.get((e["pid"], e["tid"]), "?").rstrip("0123456789/ ")
            threads[f"{names.get((e['pid'], None), '?')} / {thread}"] += e.get("tdur", 0) / 1000
    main = collections.Counter((e["pid"], e["tid"]) for e in events if e.get("name") == "v8.evaluateModule")
    main_thread = main.most_common(1)[0][0] if main else None
    compiled = sorted(
        (e for e in events if e.get("name") == "v8.compileModule" and (e["pid"], e["tid"]) == main_thread),
        key=lambda e: e["ts"],
    )
    modules: collections.Counter = collections.Counter()
    for e in events:
        if e.get("name") == "v8.evaluateModule" and (e["pid"], e["tid"]) == main_thread:
            before = [c for c in compiled if c["ts"] <= e["ts"]]
            url = before[-1]["args"]["data"]["url"].rsplit("/", 1)[-1] if before else "?"
            modules[url.split(".")[0]] += e.get("tdur", 0) / 1000
    return {
        "threads_ms": {k: round(v) for k, v in threads.most_common(6)},
        "modules_ms": {k: round(v) for k, v in modules.most_common(4)},
    }


def one_start(browser, folder: Path, store: Path, trace_dir: Path | None, label: str) -> dict:
    """Start the copy in ``folder`` fresh, open ``/`` in a fresh context as soon as it answers, time it."""
    served = Path(tempfile.mkdtemp()) / "served.duckdb"
    shutil.copy(store, served)
    port = _free_port()
    env = dict(os.environ, VSDASH_DATABASE_URL=f"duckdb:///{served}", VSDASH_LOG_TIMINGS="1")
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    page.add_init_script(f"({MARKS_JS})()")
    cmd = [sys.executable, "-m", "vsdash", "serve", "--port", str(port), "--address", "127.0.0.1"]
    proc = subprocess.Popen(cmd, cwd=folder, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    trace = trace_dir / f"{label}.json" if trace_dir else None
    try:
        _wait_reachable(f"http://127.0.0.1:{port}/_stcore/health", proc)
        load = os.getloadavg()[0]
        server_before, browser_before = _cpu_split(proc.pid)
        if trace:
            browser.start_tracing(page=page, path=str(trace), categories=TRACE_CATEGORIES)
        navigated = time.monotonic()
        page.goto(f"http://127.0.0.1:{port}/")
        since_idle = wait_idle(page, need_busy=True)
        idle = time.monotonic() - since_idle
        if trace:
            browser.stop_tracing()
        server_after, browser_after = _cpu_split(proc.pid)
        marks = page.evaluate("window.__marks")
    finally:
        context.close()
        proc.terminate()
        proc.wait(15)
        shutil.rmtree(served.parent, ignore_errors=True)
    result = {
        "navigation_to_idle_s": round(idle - navigated, 2),
        "key_figure_s": round(marks.get("key_figure", -1000) / 1000, 2),
        "chart_s": round(marks.get("chart", -1000) / 1000, 2),
        "browser_cpu_s": round(sum(s - browser_before.get(pid, 0.0) for pid, s in browser_after.items()), 2),
        "server_cpu_s": round(server_after - server_before, 2),
        "load": round(load, 2),
    }
    if trace:
        result |= thread_cpu(trace)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rounds", type=int)
    parser.add_argument("copies", nargs="+", help="name=folder of a copy of the project")
    parser.add_argument("--trace", type=Path, help="save a Chrome trace per start in this folder")
    parser.add_argument("--reports", type=int, default=100_000)
    args = parser.parse_args()
    copies = [(name, Path(folder).resolve()) for name, folder in (c.split("=", 1) for c in args.copies)]
    store = Path(bench_store(args.reports).removeprefix("duckdb:///"))
    if args.trace:
        args.trace.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    results: dict[str, list[dict]] = {name: [] for name, _ in copies}
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=shutil.which("chromium") or "/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        try:
            for i in range(args.rounds):
                for name, folder in copies if i % 2 == 0 else copies[::-1]:
                    run = one_start(browser, folder, store, args.trace, f"{name}-{i}")
                    results[name].append(run)
                    print(i, name, json.dumps(run), flush=True)
        finally:
            browser.close()
    keys = ("navigation_to_idle_s", "key_figure_s", "chart_s", "browser_cpu_s", "server_cpu_s", "load")
    for name, runs in results.items():
        print(name, "medians:", {key: round(statistics.median(r[key] for r in runs), 2) for key in keys})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
