"""Browser benchmark: time until each page is idle, and the cost of concurrent sessions.

Serves the dashboard on loopback against a benchmark store, drives Debian's headless chromium
with Playwright (never a downloaded browser) and measures

- ``page_idle_s``: per page, seconds from navigation until Streamlit is idle (median of 3 loads);
- ``single_session_p95_s`` and ``concurrent_p95_s``: time-to-idle after a filter change, for one
  session alone and for 5 sessions each changing the municipality every 2 seconds;
- ``first_page``: the first page of a fresh server, from the start of the process and from the
  first navigation until ``/`` is idle, for ``python -m vsdash serve`` (which warms its caches)
  against a plain ``streamlit run dashboard.py`` in the same run (:func:`first_page`).
"""

from __future__ import annotations

import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from vsdash.settings import PROJECT_ROOT

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
MUNICIPALITIES = ("GM0363", "GM0344", "GM0014", "GM0599", "GM0855", "GM0935")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _store_copy(store_url: str) -> Path:
    """A private copy of the DuckDB store at ``store_url`` (a DuckDB file is opened by one process)."""
    source = Path(store_url.removeprefix("duckdb:///"))
    copy = Path(tempfile.mkdtemp()) / "served.duckdb"
    shutil.copy(source, copy)
    return copy


def serve(store_url: str, log_path: Path | None = None, root: Path = PROJECT_ROOT):
    """Start the app on a free port against a private copy of the store; return (process, base URL).

    A copy, because a DuckDB file is opened by one process at a time. ``root`` is the checkout
    whose ``dashboard.py`` is served (another one to compare code bases in the same minutes).
    """
    copy = _store_copy(store_url)
    port = _free_port()
    env = dict(os.environ, VSDASH_DATABASE_URL=f"duckdb:///{copy}", VSDASH_LOG_TIMINGS="1")
    log = open(log_path, "w") if log_path else subprocess.DEVNULL  # noqa: SIM115 - lives as long as the server
    proc = subprocess.Popen(
        _server_command("streamlit run", port, root),
        cwd=root,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base + "/_stcore/health", timeout=2):
                return proc, base
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError("the app did not start within 90 s")


# Runs inside the page, so waiting costs one round trip instead of a poll every 50 ms from Python
# (with five sessions that polling was a noticeable share of the machine the figures measure).
# Resolves with the milliseconds since the page became idle: no script running, no skeleton, for
# ``quietMs``; or -1 after ``timeoutMs``. With ``needBusy`` it first waits for the run to begin
# (up to ``graceMs``; a run too short to be seen counts as idle from the start).
_IDLE_JS = """async ([quietMs, timeoutMs, needBusy, graceMs]) => {
  const busy = () => {
    const app = document.querySelector('[data-testid="stApp"]');
    return !app || app.getAttribute('data-test-script-state') === 'running'
      || !!document.querySelector('[data-testid="stStatusWidgetRunningIcon"], [data-testid="stSkeleton"], [data-testid="stAppSkeleton"]');
  };
  const t0 = performance.now();
  let seenBusy = !needBusy, quietStart = null;
  while (performance.now() - t0 < timeoutMs) {
    const now = performance.now();
    if (busy()) { seenBusy = true; quietStart = null; }
    else if (quietStart === null) quietStart = now;
    if (!seenBusy && now - t0 > graceMs) seenBusy = true;
    if (seenBusy && quietStart !== null && now - quietStart >= quietMs) return now - quietStart;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return -1;
}"""


def wait_idle(page, timeout_s: float = 120, quiet_s: float = 0.3, need_busy: bool = False) -> float:
    """Wait until no script runs and no skeleton is left for ``quiet_s`` seconds.

    Returns the seconds since the page became idle, so a caller timing an action subtracts them:
    the page was idle when the quiet began, not when the quiet was confirmed. ``need_busy``
    first waits for a run to begin (a page load always runs the script; before the websocket
    connects the page looks idle).
    """
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout_s * 1000)
    grace_ms = 10_000 if need_busy else 0
    since = page.evaluate(_IDLE_JS, [quiet_s * 1000, timeout_s * 1000, need_busy, grace_ms])
    if since < 0:
        raise TimeoutError("page still running")
    return since / 1000


def _pages() -> list[str]:
    from vsdash.ui.navigation import PAGES

    return ["/" if i == 0 else f"/{spec.url_path}" for i, spec in enumerate(PAGES)]


NAMES = {
    "GM0363": "Amsterdam",
    "GM0344": "Utrecht",
    "GM0014": "Groningen",
    "GM0599": "Rotterdam",
    "GM0855": "Tilburg",
    "GM0935": "Maastricht",
}


async def _wait_idle_async(page, timeout_s: float = 120, need_busy: bool = False) -> float:
    """``wait_idle`` for the async API; ``need_busy`` waits for the rerun to begin first."""
    since = await page.evaluate(_IDLE_JS, [300, timeout_s * 1000, need_busy, 1000])
    if since < 0:
        raise TimeoutError("page still running")
    return since / 1000


async def _session(
    browser, base: str, changes: int, interval_s: float, offset: int, phase_s: float, ready, done
) -> list[float]:
    """One user changing the municipality in the sidebar every ``interval_s``; time-to-idle each.

    The session loads the page, waits at ``ready`` (a barrier) until every session has loaded,
    then changes at ``phase_s + i * interval_s`` on a fixed clock, so the rate holds however long
    each change takes. It waits at ``done`` before closing, so the processor time measured
    between the two barriers holds every session's browser process.
    """
    import asyncio

    ctx = await browser.new_context(viewport={"width": 1440, "height": 900})
    try:
        page = await ctx.new_page()
        await page.goto(base + "/")
        await page.wait_for_selector('[data-testid="stApp"]')
        await _wait_idle_async(page)
        box = page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').nth(1)
        await ready.wait()
        clock = time.monotonic() + phase_s
        times = []
        for i in range(changes):
            await asyncio.sleep(max(0.0, clock + i * interval_s - time.monotonic()))
            name = NAMES[MUNICIPALITIES[(i + offset) % len(MUNICIPALITIES)]]
            await box.click()
            await page.keyboard.type(name)
            # Watch from before the change, so the rerun's start is seen however quickly it comes.
            idle = asyncio.ensure_future(_wait_idle_async(page, need_busy=True))
            started = time.monotonic()
            await page.keyboard.press("Enter")
            since_idle = await idle
            times.append(time.monotonic() - started - since_idle)
        await done.wait()
    except Exception:
        # A session that fails (a page still running after 120 s) breaks both barriers, so the
        # others and the caller stop with its error instead of waiting for it forever.
        await ready.abort()
        await done.abort()
        raise
    finally:
        await ctx.close()
    return times


async def _sessions(
    base: str, users: int, changes: int, interval_s: float = 2.0, server_pid: int | None = None
):
    """``users`` sessions in one chromium, each changing every ``interval_s`` once all have loaded.

    Independent users do not click in step: session ``i`` starts ``i / users`` of an interval
    later. Returns the time-to-idle lists, the (epoch) window of the changes and the processor
    seconds spent in that window (:func:`_cpu_split`, by the server ``server_pid`` and the rest).
    """
    import asyncio

    from playwright.async_api import async_playwright

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        ready, done = asyncio.Barrier(users + 1), asyncio.Barrier(users + 1)
        try:
            runs = asyncio.gather(
                *(
                    _session(browser, base, changes, interval_s, i, i * interval_s / users, ready, done)
                    for i in range(users)
                )
            )
            try:
                await ready.wait()
                before = _cpu_split(server_pid)
                started = time.time()
                await done.wait()
            except asyncio.BrokenBarrierError:
                await runs  # raises the failed session's own error
                raise
            window = (started, time.time())
            cpu = {key: round(value - before[key], 2) for key, value in _cpu_split(server_pid).items()}
            times = await runs
            return times, window, cpu
        finally:
            await browser.close()


# --- where the processor time goes --------------------------------------------------------------

_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _process_table() -> dict[int, tuple[int, float]]:
    """Every process on the machine: pid -> (parent pid, user + system processor seconds)."""
    table = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue  # ended while we looked
        # The command name is in parentheses and may hold spaces: split after its closing one.
        fields = stat[stat.rindex(")") + 2 :].split()
        table[int(entry.name)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / _TICKS)
    return table


def _tree(table: dict[int, tuple[int, float]], root: int) -> set[int]:
    """``root`` and all its descendants in ``table``."""
    children: dict[int, list[int]] = {}
    for pid, (parent, _) in table.items():
        children.setdefault(parent, []).append(pid)
    found, todo = set(), [root]
    while todo:
        pid = todo.pop()
        if pid in table and pid not in found:
            found.add(pid)
            todo += children.get(pid, [])
    return found


def _machine_busy_s() -> float:
    """Processor seconds the whole machine has been busy since boot, summed over its cores."""
    fields = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait
    return (sum(fields[:8]) - idle) / _TICKS


def _cpu_split(server_pid: int | None) -> dict[str, float]:
    """Processor seconds so far of the server, of the browser side (chromium and Playwright's
    driver, started by this process) and of this process, with the machine's total busy time.

    Differences of two calls say who used the two cores in between; what the machine spent
    beyond these three belongs to other work on it. Linux only (``/proc``).
    """
    table = _process_table()
    server = _tree(table, server_pid) if server_pid else set()
    ours = _tree(table, os.getpid()) - server
    return {
        "server_s": sum(table[pid][1] for pid in server),
        "browser_s": sum(table[pid][1] for pid in ours if pid != os.getpid()),
        "bench_s": table.get(os.getpid(), (0, 0.0))[1],
        "machine_s": _machine_busy_s(),
    }


def server_run_times(log_path: Path, start: float, end: float) -> list[float]:
    """Server milliseconds of the page runs logged between ``start`` and ``end`` (epoch seconds)."""
    times = []
    for line in log_path.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("vsdash-run "):
            fields = dict(part.split("=", 1) for part in line.split()[1:])
            if start <= float(fields["at"]) <= end:
                times.append(float(fields["ms"]))
    return times


# --- the first page of a fresh server ------------------------------------------------------------

#: The two ways to start a server the first-page figures compare: the production entry, which
#: warms its caches in the background once it listens, and the naive ``streamlit run``.
FIRST_PAGE_SERVERS = ("vsdash serve", "streamlit run")
FIRST_PAGE_TARGET_S = 3.0


def _server_command(kind: str, port: int, root: Path = PROJECT_ROOT) -> list[str]:
    """The command line that starts a server of ``kind`` (one of :data:`FIRST_PAGE_SERVERS`) from ``root``."""
    if kind == "vsdash serve":
        return [sys.executable, "-m", "vsdash", "serve", "--port", str(port), "--address", "127.0.0.1"]
    if kind == "streamlit run":
        return [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(root / "dashboard.py"),
            "--server.headless",
            "true",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--browser.gatherUsageStats",
            "false",
        ]
    raise ValueError(f"unknown server kind {kind!r}; expected one of {FIRST_PAGE_SERVERS}")


def _wait_reachable(url: str, proc: subprocess.Popen, timeout_s: float = 120) -> float:
    """Poll ``url`` every 50 ms until it answers; return the monotonic time it first did."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the server stopped with exit code {proc.returncode} before it answered")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return time.monotonic()
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"{url} did not answer within {timeout_s:.0f} s")


def first_page_once(browser, kind: str, store_url: str, log_path: Path | None = None) -> dict:
    """Start a fresh server of ``kind``, open ``/`` as soon as it answers, and time it.

    The browser context is made before the clock starts, so starting chromium is not counted.
    Returns seconds from starting the process until Streamlit's health route answers
    (``health_s``), until ``/`` is idle (``start_to_idle_s``), and from the navigation until
    idle (``navigation_to_idle_s``); and the server's own seconds for that first page run
    (``server_run_s``, from its ``VSDASH_LOG_TIMINGS`` line), the part the warm-up can shorten.
    """
    copy = _store_copy(store_url)
    if log_path is None:
        log_path = copy.parent / "server.log"
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = dict(os.environ, VSDASH_DATABASE_URL=f"duckdb:///{copy}", VSDASH_LOG_TIMINGS="1")
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    log = open(log_path, "w")  # noqa: SIM115 - lives as long as the server
    started = time.monotonic()
    proc = subprocess.Popen(
        _server_command(kind, port), cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
    )
    try:
        reachable = _wait_reachable(base + "/_stcore/health", proc)
        navigated = time.monotonic()
        page.goto(base + "/")
        since_idle = wait_idle(page, need_busy=True)
        idle = time.monotonic() - since_idle
    finally:
        context.close()
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
        runs = server_run_times(log_path, 0, float("inf"))
        shutil.rmtree(copy.parent, ignore_errors=True)
    return {
        "health_s": round(reachable - started, 2),
        "start_to_idle_s": round(idle - started, 2),
        "navigation_to_idle_s": round(idle - navigated, 2),
        "server_run_s": round(runs[0] / 1000, 2) if runs else None,
    }


def summarise_first_page(runs: dict[str, list[dict]]) -> dict:
    """Medians per server kind and the ratios of ``vsdash serve`` to the ``streamlit run`` baseline."""
    summary: dict = {}
    for kind, measured in runs.items():
        summary[kind] = {
            key: round(statistics.median(run[key] for run in measured), 2)
            for key in ("health_s", "start_to_idle_s", "navigation_to_idle_s")
        }
        server = [run["server_run_s"] for run in measured if run.get("server_run_s") is not None]
        summary[kind]["server_run_s"] = round(statistics.median(server), 2) if server else None
        summary[kind]["runs"] = measured
    ours, baseline = summary.get("vsdash serve"), summary.get("streamlit run")
    if ours and baseline:
        for key in ("start_to_idle_s", "navigation_to_idle_s"):
            summary[f"ratio_{key}"] = round(ours[key] / max(baseline[key], 1e-3), 2)
    return summary


def first_page(store_url: str, starts: int = 3, log_dir: Path | None = None) -> dict:
    """The first page of a fresh server: ``starts`` fresh starts of each server kind, alternating.

    Alternating (ours, baseline, baseline, ours, ...) lets both see the same drift of a shared
    machine's background load. The load averages before and after are kept with the figures.
    """
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    runs: dict[str, list[dict]] = {kind: [] for kind in FIRST_PAGE_SERVERS}
    load_before = os.getloadavg()[0]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            for i in range(starts):
                order = FIRST_PAGE_SERVERS if i % 2 == 0 else FIRST_PAGE_SERVERS[::-1]
                for kind in order:
                    log_path = log_dir / f"{kind.replace(' ', '-')}-{i}.log" if log_dir else None
                    runs[kind].append(first_page_once(browser, kind, store_url, log_path))
        finally:
            browser.close()
    return summarise_first_page(runs) | {
        "starts": starts,
        "target_s": FIRST_PAGE_TARGET_S,
        "load_average": [round(load_before, 2), round(os.getloadavg()[0], 2)],
    }


def _peak_rss_mb(pid: int) -> float | None:
    """The peak resident memory of a running process (Linux ``VmHWM``), in MB."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return None


def _concurrency_rounds(
    base: str, log_path: Path, server_pid: int, sessions: int, changes: int, rounds: int, warm: bool = True
) -> dict:
    """Single against ``sessions`` concurrent sessions on the server at ``base``, in ``rounds`` rounds.

    Every municipality's caches are warmed first, so single and concurrent both see warm caches.
    The ratio is the median of the rounds' ratios: on a shared machine the background load
    drifts, and a ratio taken within one round compares like with like. The processor seconds
    per filter change (server, browser, all of the machine) are medians over the rounds.
    """
    import asyncio

    from vsdash.bench import p95

    if warm:
        asyncio.run(_sessions(base, 1, len(MUNICIPALITIES), server_pid=server_pid))
    single: list[float] = []
    concurrent: list[float] = []
    ratios: list[float] = []
    server_single: list[float] = []
    server_concurrent: list[float] = []
    cpu: dict[str, list[dict]] = {"single": [], "concurrent": []}
    for _ in range(rounds):
        one, one_window, one_cpu = asyncio.run(_sessions(base, 1, changes, server_pid=server_pid))
        many, many_window, many_cpu = asyncio.run(_sessions(base, sessions, changes, server_pid=server_pid))
        many_flat = [t for ts in many for t in ts]
        single += one[0]
        concurrent += many_flat
        ratios.append(p95(many_flat) / max(p95(one[0]), 1e-3))
        server_single += server_run_times(log_path, *one_window)
        server_concurrent += server_run_times(log_path, *many_window)
        cpu["single"].append(
            {k: v / changes for k, v in one_cpu.items()} | {"wall_s": one_window[1] - one_window[0]}
        )
        cpu["concurrent"].append(
            {k: v / (changes * sessions) for k, v in many_cpu.items()}
            | {"wall_s": many_window[1] - many_window[0]}
        )
    return {
        "server_single_p95_ms": round(p95(server_single), 1) if server_single else None,
        "server_concurrent_p95_ms": round(p95(server_concurrent), 1) if server_concurrent else None,
        "single_session_p95_s": round(p95(single), 2),
        "single_session_median_s": round(statistics.median(single), 2),
        "concurrent_sessions": sessions,
        "changes_per_session": changes,
        "rounds": rounds,
        "concurrent_p95_s": round(p95(concurrent), 2),
        "concurrent_median_s": round(statistics.median(concurrent), 2),
        "round_ratios": [round(r, 2) for r in ratios],
        "concurrent_ratio": round(statistics.median(ratios), 2),
        "cpu_per_change_s": {
            kind: {key: round(statistics.median(r[key] for r in measured), 3) for key in measured[0]}
            for kind, measured in cpu.items()
        },
    }


def concurrency(
    store_url: str,
    sessions: int = 5,
    changes: int = 12,
    rounds: int = 3,
    roots: tuple[Path, ...] = (PROJECT_ROOT,),
) -> dict:
    """Only the concurrent-session figures of :func:`run`, for each checkout in ``roots``.

    With two checkouts (this one and, say, the main branch's) both servers run at once and take
    turns round by round, the order swapped every round, so both see the same drift of a shared
    machine's load. Returns the figures by checkout path, and the load averages before and after.
    """
    servers = {}
    load_before = os.getloadavg()[0]
    try:
        for root in roots:
            log_path = Path(tempfile.mkdtemp()) / "server.log"
            proc, base = serve(store_url, log_path, root=root)
            servers[root] = (proc, base, log_path)
        measured: dict[Path, list[dict]] = {root: [] for root in roots}
        for i in range(rounds):
            for root in roots if i % 2 == 0 else roots[::-1]:
                proc, base, log_path = servers[root]
                # One round at a time; a server's caches are warmed before its first round only.
                measured[root].append(
                    _concurrency_rounds(base, log_path, proc.pid, sessions, changes, 1, warm=i < 2)
                )
    finally:
        for proc, _, _ in servers.values():
            proc.terminate()
            proc.wait(10)
    return {str(root): _merge_rounds(rounds_of_root) for root, rounds_of_root in measured.items()} | {
        "load_average": [round(load_before, 2), round(os.getloadavg()[0], 2)]
    }


def _merge_rounds(rounds: list[dict]) -> dict:
    """One summary of several one-round results: medians of the rounds' figures, all ratios kept."""
    merged: dict = {"rounds": len(rounds), "round_ratios": [r["round_ratios"][0] for r in rounds]}
    merged["concurrent_ratio"] = round(statistics.median(merged["round_ratios"]), 2)
    for key in (
        "server_single_p95_ms",
        "server_concurrent_p95_ms",
        "single_session_p95_s",
        "concurrent_p95_s",
        "single_session_median_s",
        "concurrent_median_s",
    ):
        values = [r[key] for r in rounds if r.get(key) is not None]
        merged[key] = round(statistics.median(values), 2) if values else None
        merged[f"{key}_rounds"] = values
    merged["cpu_per_change_s"] = {
        kind: {
            key: round(statistics.median(r["cpu_per_change_s"][kind][key] for r in rounds), 3)
            for key in rounds[0]["cpu_per_change_s"][kind]
        }
        for kind in rounds[0]["cpu_per_change_s"]
    }
    return merged


def run(store_url: str, sessions: int = 5, changes: int = 12, rounds: int = 3) -> dict:
    """Measure page idle times and single vs concurrent filter changes against ``store_url``.

    A filter change is a new municipality chosen in the sidebar (a rerun, as a user makes it).
    All sessions share one chromium process, each in its own browser context. Single and
    concurrent are measured in ``rounds`` alternating rounds (:func:`_concurrency_rounds`).
    """
    from playwright.sync_api import sync_playwright

    log_path = Path(tempfile.mkdtemp()) / "server.log"
    proc, base = serve(store_url, log_path)
    try:
        chromium = shutil.which("chromium") or "/usr/bin/chromium"
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1440, "height": 900})
            page.goto(base + "/")
            wait_idle(page, need_busy=True)  # first load builds caches; not what a returning user sees
            idle = {}
            for path in _pages():
                loads = []
                for _ in range(3):
                    started = time.monotonic()
                    page.goto(base + path)
                    since_idle = wait_idle(page, need_busy=True)
                    loads.append(time.monotonic() - started - since_idle)
                idle[path] = round(statistics.median(loads), 2)
            browser.close()
        figures = _concurrency_rounds(base, log_path, proc.pid, sessions, changes, rounds)
        server_rss_mb = _peak_rss_mb(proc.pid)
    finally:
        proc.terminate()
        proc.wait(10)
    return {"page_idle_s": idle, "server_peak_rss_mb": server_rss_mb} | figures
