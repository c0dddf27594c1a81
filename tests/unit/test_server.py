"""The production server's own routes: /healthz (checked at request time) and /api/v1/figures."""

from __future__ import annotations

import asyncio
import concurrent.futures
import datetime as dt
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from tests.conftest import ROOT
from vsdash.ui import server


def _run(coro):
    """``asyncio.run`` in a thread of its own: the browser tests' session fixture may keep
    Playwright's event loop running in the main thread of this worker."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
def small_store_url(tmp_path):
    from vsdash.demo import generate_demo
    from vsdash.store import Store

    url = f"duckdb:///{tmp_path / 'small.duckdb'}"
    store = Store(url)
    generate_demo(store, seed=7, reports=400)
    store.close()
    yield url
    server.forget_store(url)


def _call(coro):
    response = _run(coro)
    return response.status_code, json.loads(response.body)


def test_healthz_reports_the_stores_version_and_the_published_number_of_reports(demo_store_url):
    """The number Overzicht publishes for all municipalities over all the data, never the exact count:
    polled around an import the exact count would give the import's exact size (ADR 0006, attack 15)."""
    from vsdash import publication

    status, body = _call(server.healthz_response(demo_store_url))
    assert status == 200
    assert set(body) == {"store", "reports", "data_version"} and body["store"] == "ok"
    assert int(body["data_version"]) >= 1
    store = server._server_store(demo_store_url)
    lo, hi = store.report_date_range()
    assert body["reports"] == publication.key_figures(store, start=lo, end=hi).reports
    exact = int(store.query("SELECT count(*) AS n FROM reports")["n"].iloc[0])
    assert body["reports"] != exact  # published cells, each changed a little


def test_healthz_sees_a_write_made_after_it_first_answered(small_store_url):
    """Checked at request time: a new data version shows on the next request, not after a restart."""
    from vsdash.store import Store

    _, before = _call(server.healthz_response(small_store_url))
    server.forget_store(small_store_url)  # DuckDB allows one writer process; this test writes itself
    writer = Store(small_store_url)
    writer.bump_version()
    writer.close()
    _, after = _call(server.healthz_response(small_store_url))
    assert int(after["data_version"]) == int(before["data_version"]) + 1


def test_healthz_is_503_when_the_store_file_is_missing(tmp_path):
    url = f"duckdb:///{tmp_path / 'absent.duckdb'}"
    status, body = _call(server.healthz_response(url))
    assert status == 503
    assert body["store"] == "onbereikbaar" and "bestaat (nog) niet" in body["fout"]
    assert not (tmp_path / "absent.duckdb").exists()  # the check must not create an empty store


def test_healthz_is_503_when_postgresql_refuses():
    url = f"postgresql://vsdash@127.0.0.1:{_free_port()}/vsdash"
    started = time.monotonic()
    status, body = _call(server.healthz_response(url))
    assert status == 503 and body["store"] == "onbereikbaar"
    assert time.monotonic() - started < server.HEALTH_TIMEOUT_SECONDS + 1


def test_healthz_gives_up_after_its_timeout(monkeypatch, small_store_url):
    def hanging(url):
        time.sleep(2)
        return server.Health(200, {"store": "ok"})

    async def answered_after():
        started = time.monotonic()
        health = await server.check_store_async(small_store_url, timeout=0.3)
        return health, time.monotonic() - started

    monkeypatch.setattr(server, "check_store", hanging)
    # Timed inside the event loop: asyncio.run itself waits for the abandoned thread at its end.
    health, seconds = _run(answered_after())
    assert health.status == 503 and "0.3 seconden" in health.body["fout"]
    assert seconds < 1.0


@pytest.mark.parametrize(
    ("params", "fragment"),
    [
        (
            {"gemeente": "GM0344", "programma": "veilige_steden", "van": "2024-01-01", "tot": "2024-12-31"},
            "hoogstens één van 'gemeente'",
        ),
        ({"gemeente": "GM0344", "tot": "2024-12-31"}, "Parameter 'van' ontbreekt"),
        ({"gemeente": "GM0344", "van": "1-1-2024", "tot": "2024-12-31"}, "waarde '1-1-2024'"),
        ({"gemeente": "GM0344", "van": "2024-12-31", "tot": "2024-01-01"}, "ligt na 'tot'"),
    ],
)
def test_figures_request_is_refused_in_dutch(params, fragment):
    with pytest.raises(server.ApiError) as caught:
        server.parse_figures_request(params)
    assert caught.value.status == 400
    assert fragment in caught.value.message


def test_figures_request_accepts_a_municipality_or_a_programme():
    import datetime as dt

    parsed = server.parse_figures_request(
        {"programma": "veilige_steden", "van": "2024-01-01", "tot": "2024-03-31"}
    )
    assert parsed == server.FiguresRequest(None, "veilige_steden", dt.date(2024, 1, 1), dt.date(2024, 3, 31))
    # Neither: all municipalities, as `vsdash figures` without --gemeente or --programma.
    everyone = server.parse_figures_request({"van": "2024-01-01", "tot": "2024-03-31"})
    assert everyone == server.FiguresRequest(None, None, dt.date(2024, 1, 1), dt.date(2024, 3, 31))


def test_figures_api_answers_400_with_a_json_reason(small_store_url):
    status, body = _call(server.figures_response(small_store_url, {"gemeente": "GM0344"}))
    assert status == 400 and "ontbreekt" in body["fout"]


def test_figures_api_equals_the_command_line(small_store_url):
    """The API and ``vsdash figures --json`` give the same JSON text, through one function."""
    for selection in (["--gemeente", "GM0344"], ["--programma", "veilige_steden"], []):
        server.forget_store(small_store_url)  # DuckDB admits one process at a time: let the CLI in
        cli = subprocess.run(
            [
                sys.executable,
                "-m",
                "vsdash",
                "figures",
                *selection,
                "--from",
                "2024-01-01",
                "--to",
                "2024-06-30",
            ]
            + ["--json", "--store", small_store_url],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        params = {"van": "2024-01-01", "tot": "2024-06-30"}
        if selection:
            params[selection[0].lstrip("-")] = selection[1]
        response = _run(server.figures_response(small_store_url, params))
        assert response.status_code == 200
        assert response.body.decode() == cli.stdout.rstrip("\n")
        assert response.headers["X-Licence"] == "CC BY 4.0"
        figures = json.loads(response.body)
        assert figures  # real figures, not an empty object
    # The publication layer's privacy applies: the API never shows a count of 1..k-1.
    from vsdash import settings

    k = settings.min_count()
    for value in _numbers(json.loads(response.body)):
        assert not (isinstance(value, int) and 0 < value < k and value is not True)


def _numbers(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key in {"reports", "previous_reports", "hidden"}:
                yield value
            else:
                yield from _numbers(value)
    elif isinstance(node, list):
        for value in node:
            yield from _numbers(value)


def test_figures_api_refuses_an_unknown_municipality_in_dutch(small_store_url):
    status, body = _call(
        server.figures_response(
            small_store_url, {"gemeente": "GM9999", "van": "2024-01-01", "tot": "2024-06-30"}
        )
    )
    assert status == 400 and "Onbekende gemeentecode 'GM9999'" in body["fout"]


def _get(url: str) -> tuple[int, dict | str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            body = answer.read().decode()
            status = answer.status
    except urllib.error.HTTPError as exc:
        body, status = exc.read().decode(), exc.code
    try:
        return status, json.loads(body)
    except json.JSONDecodeError:
        return status, body


def test_serve_runs_the_dashboard_with_healthz_and_json_logs(small_store_url):
    """``python -m vsdash serve`` answers /healthz and the dashboard, and logs JSON lines to stdout."""
    port = _free_port()
    env = {**os.environ, "VSDASH_LOG_FORMAT": "json"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "vsdash", "serve", "--port", str(port), "--address", "127.0.0.1"]
        + ["--store", small_store_url],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        status = None
        while time.monotonic() < deadline:
            try:
                status, body = _get(f"http://127.0.0.1:{port}/healthz")
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.5)
        assert status == 200 and body["reports"] >= 0 and int(body["data_version"]) >= 1
        page_status, page = _get(f"http://127.0.0.1:{port}/")
        assert page_status == 200 and "<html" in page.lower()
    finally:
        proc.terminate()
        output, _ = proc.communicate(timeout=30)
    records = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    assert any(r["logger"] == "vsdash.server" and "vsdash serve on" in r["message"] for r in records)
    assert any("/healthz" in r["message"] and r["logger"] == "uvicorn.access" for r in records)
    assert all({"time", "level", "logger", "message"} <= set(r) for r in records)
    # The first page's code is imported before the server listens (issue 17 item 8), quietly.
    messages = [r["message"] for r in records if r["logger"] == "vsdash.server"]
    imported = next(i for i, m in enumerate(messages) if "first page's modules imported" in m)
    assert imported < next(i for i, m in enumerate(messages) if "vsdash serve on" in m)
    assert "No runtime found" not in output


def test_serve_refuses_a_wrong_setting_before_it_starts(small_store_url):
    env = {**os.environ, "VSDASH_MIN_COUNT": "vijf"}
    done = subprocess.run(
        [sys.executable, "-m", "vsdash", "serve", "--port", str(_free_port()), "--store", small_store_url],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "VSDASH_MIN_COUNT='vijf' is niet toegestaan" in done.stderr
    assert "Traceback" not in done.stderr


def test_container_files_agree_with_the_server_and_the_nginx_site():
    """The Dockerfile and compose.yaml cannot be built here (no Docker daemon); keep them consistent."""
    import re

    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    compose = (ROOT / "compose.yaml").read_text(encoding="utf-8")
    site = (ROOT / "deploy" / "nginx" / "vsdash.conf").read_text(encoding="utf-8")
    served = {route.path for route in server.routes("duckdb:///:memory:")}

    port = re.search(r'"--port", "(\d+)"', dockerfile).group(1)
    assert f"EXPOSE {port}" in dockerfile
    health = re.search(r"http://127\.0\.0\.1:(\d+)(/\w+)", dockerfile)
    assert health.group(1) == port and health.group(2) in served
    assert dockerfile.index("USER vsdash") < dockerfile.index("CMD [")  # never runs as root
    assert "--require-hashes -r requirements.lock" in dockerfile and (ROOT / "requirements.lock").is_file()
    # compose rewrites the site's two loopback upstreams to its two app services on the image's port.
    for host_address, service in re.findall(r"s/(127\.0\.0\.1:\d+)/(app\d:\d+)/", compose):
        assert host_address in site
        assert service.endswith(f":{port}")
    assert len(re.findall(r"^  app\d: \*vsdash$", compose, re.MULTILINE)) == 2


@pytest.mark.parametrize(
    ("base", "expected"),
    [
        ("", {"/healthz", "/api/v1/figures"}),
        ("veilige-steden", {"/veilige-steden/healthz", "/veilige-steden/api/v1/figures"}),
        ("/veilige-steden/", {"/veilige-steden/healthz", "/veilige-steden/api/v1/figures"}),
    ],
)
def test_routes_live_under_the_base_url_path(base, expected):
    """Behind a proxy under a path (serve --base-url-path) the routes move with the dashboard."""
    assert {route.path for route in server.routes("duckdb:///:memory:", base)} == expected


def test_serve_answers_health_while_it_warms_the_first_page(small_store_url, tmp_path):
    """The warm-up runs once the server listens: /healthz answers before it is done, and its log
    line says it warmed the store, the reference tables and Overzicht's model."""
    port = _free_port()
    log_path = tmp_path / "serve.log"
    with open(log_path, "w") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "vsdash", "serve", "--port", str(port), "--address", "127.0.0.1"]
            + ["--store", small_store_url],
            cwd=ROOT,
            env={**os.environ, "VSDASH_LOG_FORMAT": "json"},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 120
        healthy_at = None
        while healthy_at is None and time.monotonic() < deadline:
            try:
                status, body = _get(f"http://127.0.0.1:{port}/healthz")
                assert status == 200 and body["reports"] >= 0  # the published number (ADR 0006)
                healthy_at = time.time()
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.05)
        warm = None
        while warm is None and time.monotonic() < deadline:
            records = [json.loads(line) for line in log_path.read_text().splitlines() if line.startswith("{")]
            warm = next((r for r in records if r["message"].startswith("warm-up done")), None)
            time.sleep(0.2)
    finally:
        proc.terminate()
        proc.wait(30)
    assert healthy_at is not None and warm is not None
    warmed_at = dt.datetime.fromisoformat(warm["time"]).timestamp()
    assert healthy_at < warmed_at  # the health check did not wait for the warm-up
    for step in ("store", "tables", "overzicht"):
        assert f" {step} " in warm["message"]
    assert "failed" not in warm["message"]
