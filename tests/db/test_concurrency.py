"""Two imports at once do not interleave; a killed import leaves the store as it was."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time

import pytest

from tests.db.helpers import reports_csv, utrecht_rows
from vsdash import ingest
from vsdash.settings import PROJECT_ROOT
from vsdash.store import Store


def test_two_threads_importing_at_once_both_complete(store_url):
    store = Store(store_url)
    files = [reports_csv(utrecht_rows(3000, prefix=p)) for p in ("A", "B")]
    results, failures = [], []

    def run(data: bytes, name: str) -> None:
        try:
            results.append(ingest.import_file(store, data, "reports", file_name=name))
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            failures.append(exc)

    threads = [threading.Thread(target=run, args=(data, f"{i}.csv")) for i, data in enumerate(files)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not failures, failures
    assert sorted(r.written for r in results) == [3000, 3000]
    assert store.query("SELECT count(*) AS n FROM reports")["n"].iloc[0] == 6000
    assert store.query("SELECT CAST(sum(n) AS BIGINT) AS n FROM agg_daily")["n"].iloc[0] == 6000
    assert len(store.import_log()) == 2
    store.close()


KILL_SCRIPT = """
import sys, time
from vsdash import ingest
from vsdash.store import Store
store = Store(sys.argv[1])
def progress(fraction, message):
    if fraction >= 0.8:  # inside the write transaction, after the rows are inserted
        print("MIDWAY", flush=True)
        time.sleep(60)
ingest.import_file(store, open(sys.argv[2], "rb").read(), "reports", file_name="k.csv", progress=progress)
"""


def test_killed_import_leaves_the_store_unchanged(store_url, tmp_path):
    store = Store(store_url)
    ingest.import_file(store, reports_csv(utrecht_rows(100)), "reports", file_name="eerst.csv")
    before = store.content_hash()
    if store.dialect == "duckdb":
        store.close()  # a DuckDB file has one process at a time
    data = tmp_path / "k.csv"
    data.write_bytes(reports_csv(utrecht_rows(5000, prefix="K")))
    proc = subprocess.Popen(
        [sys.executable, "-c", KILL_SCRIPT, store_url, str(data)],
        cwd=PROJECT_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(PROJECT_ROOT)),
    )
    deadline = time.monotonic() + 120
    line = ""
    while time.monotonic() < deadline and "MIDWAY" not in line:
        line = proc.stdout.readline()
        if not line and proc.poll() is not None:
            pytest.fail(f"import process ended early: {proc.stderr.read()}")
    assert "MIDWAY" in line
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(30)
    reopened = Store(store_url)
    try:
        assert reopened.content_hash() == before
        assert reopened.query("SELECT count(*) AS n FROM reports")["n"].iloc[0] == 100
    finally:
        reopened.close()
        if store.dialect != "duckdb":
            store.close()
