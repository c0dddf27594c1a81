"""The documented deployment on loopback: PostgreSQL, two ``vsdash serve`` instances, Debian's nginx.

nginx runs with ``deploy/nginx/vsdash.conf`` itself (only the ports substituted), so the example
an IT department copies is the one tested. The test imports through the command line and reads
through both instances, then stops PostgreSQL (every health check says 503, quickly; a page
opened in chromium shows a short Dutch message) and starts it again (the instances recover by
themselves, nothing is lost).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.db import helpers
from tests.db.conftest import _as_server_user, _free_port, _pg_bin, new_postgres_database

pytestmark = [pytest.mark.postgres, pytest.mark.browser]

NGINX_SITE = ROOT / "deploy" / "nginx" / "vsdash.conf"
SYNC_SECONDS = 30  # an import shows in every instance within this time (issue 17)


class PostgresServer:
    """A PostgreSQL server of this test alone, which it can stop and start again."""

    def __init__(self) -> None:
        self.bindir = _pg_bin()
        self.root = Path(tempfile.mkdtemp(prefix="vsdash-deploy-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        if os.geteuid() == 0:
            import pwd

            pg = pwd.getpwnam("postgres")
            os.chown(self.root, pg.pw_uid, pg.pw_gid)
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8")
        self.start()

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}"

    def _run(self, tool: str, *args: str) -> None:
        subprocess.run(_as_server_user([str(self.bindir / tool), *args]), check=True, capture_output=True)

    def start(self) -> None:
        options = f"-p {self.port} -k {self.root} -h 127.0.0.1 -c fsync=off"
        self._run(
            "pg_ctl", "-D", str(self.data), "-l", str(self.root / "server.log"), "-o", options, "-w", "start"
        )

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def remove(self) -> None:
        subprocess.run(
            _as_server_user([str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"]),
            capture_output=True,
        )
        shutil.rmtree(self.root, ignore_errors=True)


def _nginx_binary() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if not found:
        pytest.fail("nginx ontbreekt; .ci/run installeert het Debian-pakket nginx.", pytrace=False)
    return found


def _start_nginx(folder: Path, listen: int, upstreams: list[int]) -> subprocess.Popen:
    """Run nginx in the foreground with the example site, its ports replaced by the test's."""
    site = NGINX_SITE.read_text(encoding="utf-8")
    site = site.replace("listen 80;", f"listen 127.0.0.1:{listen};")
    site = site.replace("127.0.0.1:8501", f"127.0.0.1:{upstreams[0]}").replace(
        "127.0.0.1:8502", f"127.0.0.1:{upstreams[1]}"
    )
    assert f":{upstreams[1]} " in site, "the example site no longer names 127.0.0.1:8501 and :8502"
    for sub in ("logs", "tmp"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    conf = folder / "nginx.conf"
    temp = folder / "tmp"
    conf.write_text(
        "worker_processes 1;\n"
        f"pid {folder / 'nginx.pid'};\n"
        f"error_log {folder / 'logs' / 'error.log'} info;\n"
        "events { worker_connections 256; }\n"
        "http {\n"
        f"  access_log {folder / 'logs' / 'access.log'};\n"
        f"  client_body_temp_path {temp}/body; proxy_temp_path {temp}/proxy;\n"
        f"  fastcgi_temp_path {temp}/fastcgi; uwsgi_temp_path {temp}/uwsgi; scgi_temp_path {temp}/scgi;\n"
        f"{site}\n"
        "}\n",
        encoding="utf-8",
    )
    user = ["-g", "daemon off; user root;"] if os.geteuid() == 0 else ["-g", "daemon off;"]
    return subprocess.Popen(
        [_nginx_binary(), "-p", str(folder), "-c", str(conf), *user],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )


def _start_instance(port: int, url: str, log: Path) -> subprocess.Popen:
    env = {
        **os.environ,
        "VSDASH_DATABASE_URL": url,
        "VSDASH_LOG_FORMAT": "json",
        # One cookie secret for all instances, as docs/beheer.md prescribes.
        "STREAMLIT_SERVER_COOKIE_SECRET": "loopback-test-secret-shared-by-both-instances",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "vsdash", "serve", "--port", str(port), "--address", "127.0.0.1"],
        cwd=ROOT,
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )


def _get(url: str, timeout: float = 10) -> tuple[int, dict, dict]:
    """GET ``url``: status, JSON body and headers (errors with a body count as answers)."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as answer:
            return answer.status, json.loads(answer.read()), dict(answer.headers)
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"{}"), dict(exc.headers)


def _wait_for(condition, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    last = None
    while time.monotonic() < deadline:
        try:
            last = condition()
            if last:
                return last
        except (urllib.error.URLError, ConnectionError, json.JSONDecodeError) as exc:
            last = exc
        time.sleep(0.5)
    raise AssertionError(f"{what} not within {seconds} s (last: {last!r})")


def _page_text_while_down(url: str) -> str:
    """Open ``url`` in Debian's headless chromium and return the page text once the error shows.

    Runs in its own thread: a session's browser fixture may hold Playwright's event loop open in
    the main thread, and the sync API refuses to start inside a running loop.
    """
    import concurrent.futures

    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(_page_text_in_this_thread, url).result()


def _page_text_in_this_thread(url: str) -> str:
    from playwright.sync_api import sync_playwright

    from vsdash.bench_browser import CHROMIUM_ARGS

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.goto(url)
            try:
                page.get_by_text("De database is tijdelijk niet bereikbaar").first.wait_for(timeout=60_000)
            finally:
                page.screenshot(path=str(ROOT / "test-artifacts" / "deployment-database-down.png"))
            return page.inner_text("body")
        finally:
            browser.close()


def _import_reports(url: str, folder: Path, n: int, prefix: str) -> None:
    path = folder / f"meldingen_{prefix}.csv"
    path.write_bytes(helpers.reports_csv(helpers.utrecht_rows(n, prefix=prefix)))
    subprocess.run(
        [sys.executable, "-m", "vsdash", "import", str(path), "--kind", "reports", "--store", url],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )


def test_two_instances_behind_nginx_share_postgresql_and_survive_its_restart(tmp_path):
    from vsdash.ui.server import HEALTH_TIMEOUT_SECONDS

    pg = PostgresServer()
    processes: list[subprocess.Popen] = []
    try:
        url = new_postgres_database(pg.url)
        _import_reports(url, tmp_path, 30, "A")  # the CLI creates the schema and the first data

        ports = [_free_port(), _free_port()]
        instances = [_start_instance(p, url, tmp_path / f"instance{i}.log") for i, p in enumerate(ports)]
        processes += instances
        front = _free_port()
        processes.append(_start_nginx(tmp_path / "nginx", front, ports))

        def health(port: int) -> tuple[int, dict, dict]:
            return _get(f"http://127.0.0.1:{port}/healthz")

        for port in ports:
            _wait_for(lambda port=port: health(port)[0] == 200, 90, f"instance on {port} healthy")
        first = [health(p)[1] for p in ports]
        # /healthz gives the published number of reports (ADR 0006): the same in every instance.
        assert first[0]["reports"] == first[1]["reports"]
        assert first[0]["data_version"] == first[1]["data_version"]

        # nginx: healthy through the proxy, and one client keeps reaching one instance (ip_hash).
        status, body, headers = _wait_for(lambda: (r := health(front)) and r[0] == 200 and r, 30, "nginx")
        assert body["data_version"] == first[0]["data_version"]
        upstreams = {health(front)[2].get("X-Vsdash-Upstream") for _ in range(6)}
        assert len(upstreams) == 1 and upstreams <= {f"127.0.0.1:{p}" for p in ports}

        # An import through the command line shows in both instances (read at request time).
        _import_reports(url, tmp_path, 25, "B")
        for port in ports:
            _wait_for(
                lambda port=port: health(port)[1].get("data_version") != first[0]["data_version"],
                SYNC_SECONDS,
                f"import on {port}",
            )
        versions = {health(p)[1]["data_version"] for p in ports}
        assert len(versions) == 1 and versions != {first[0]["data_version"]}
        # The 25 new reports show in the published number of every instance (each cell perturbed).
        after = {health(p)[1]["reports"] for p in ports}
        assert len(after) == 1 and after.pop() > first[0]["reports"]
        imported = versions.pop()

        # PostgreSQL goes away: every check says 503, quickly, and names the store as unreachable.
        pg.stop()
        for port in (*ports, front):
            started = time.monotonic()
            status, body, _ = health(port)
            assert status == 503, (port, body)
            assert body["store"] == "onbereikbaar"
            assert time.monotonic() - started < HEALTH_TIMEOUT_SECONDS + 2

        # A reader who opens the dashboard now gets a short Dutch message, never a traceback.
        text = _page_text_while_down(f"http://127.0.0.1:{front}/")
        assert "De database is tijdelijk niet bereikbaar. Er gaat niets verloren" in text
        assert "Traceback" not in text and "psycopg" not in text

        # ... and comes back: the instances recover without a restart, nothing is lost.
        pg.start()
        for port in (*ports, front):
            _wait_for(lambda port=port: health(port)[0] == 200, SYNC_SECONDS, f"recovery on {port}")
            assert health(port)[1]["data_version"] == imported
        assert all(p.poll() is None for p in instances), "an instance died while PostgreSQL was away"
    finally:
        for proc in processes:
            proc.terminate()
        for proc in processes:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
        pg.remove()

    # Every instance logged JSON lines, including the failed health checks with their reason.
    for i in range(2):
        lines = (tmp_path / f"instance{i}.log").read_text().splitlines()
        records = [json.loads(line) for line in lines if line.startswith("{")]
        assert any(r["message"].startswith("health check failed") for r in records)
        assert not [line for line in lines if re.match(r"^\s*Traceback", line)]
