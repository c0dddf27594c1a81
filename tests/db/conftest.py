"""Store fixtures on both backends: a DuckDB file and a real PostgreSQL server on loopback.

The PostgreSQL server comes from Debian's packages (``/usr/lib/postgresql/<v>/bin``). It is
started once per session in a temporary folder, on a free port, with its unix socket in that
folder. PostgreSQL refuses to run as root, so under root the server runs as the ``postgres`` OS
user (created by the Debian package). Missing binaries FAIL the tests: CI must prove that
PostgreSQL works, so run ``.ci/run`` (it installs the package).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _pg_bin() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        pytest.fail(
            "PostgreSQL-servers ontbreken (/usr/lib/postgresql/*/bin/initdb niet gevonden). "
            "Draai .ci/run: dat installeert het Debian-pakket postgresql.",
            pytrace=False,
        )
    return Path(found[-1]).parent


def _as_server_user(cmd: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return cmd
    if shutil.which("runuser") is None:
        pytest.fail(
            "runuser ontbreekt; nodig om PostgreSQL als gebruiker postgres te starten.", pytrace=False
        )
    return ["runuser", "-u", "postgres", "--", *cmd]


@pytest.fixture(scope="session")
def postgres_server():
    """Start a throwaway PostgreSQL server; yield its base URL (without database name)."""
    bindir = _pg_bin()
    root = Path(tempfile.mkdtemp(prefix="vsdash-pg-"))
    data = root / "data"
    if os.geteuid() == 0:
        import pwd

        pg = pwd.getpwnam("postgres")
        os.chown(root, pg.pw_uid, pg.pw_gid)
    port = _free_port()
    run = dict(check=True, capture_output=True, text=True)
    try:
        subprocess.run(
            _as_server_user(
                [str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8"]
            ),
            **run,
        )
        options = (
            f"-p {port} -k {root} -h 127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        subprocess.run(
            _as_server_user(
                [
                    str(bindir / "pg_ctl"),
                    "-D",
                    str(data),
                    "-l",
                    str(root / "server.log"),
                    "-o",
                    options,
                    "-w",
                    "start",
                ]
            ),
            **run,
        )
    except subprocess.CalledProcessError as exc:
        log = (root / "server.log").read_text() if (root / "server.log").exists() else ""
        shutil.rmtree(root, ignore_errors=True)
        pytest.fail(f"PostgreSQL start mislukt: {exc.stderr}\n{log}", pytrace=False)
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run(
            _as_server_user([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
            capture_output=True,
        )
        shutil.rmtree(root, ignore_errors=True)


def new_postgres_database(base_url: str) -> str:
    """Create an empty database on the test server and return its URL."""
    import psycopg

    name = f"vsdash_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(f"{base_url}/postgres", autocommit=True) as con:
        con.execute(f"CREATE DATABASE {name}")
    return f"{base_url}/{name}"


@pytest.fixture(params=["duckdb", "postgresql"])
def store_url(request, tmp_path) -> str:
    """A fresh, empty store URL on each backend."""
    if request.param == "duckdb":
        return f"duckdb:///{tmp_path / 'store.duckdb'}"
    return new_postgres_database(request.getfixturevalue("postgres_server"))


@pytest.fixture()
def postgres_url(postgres_server) -> str:
    """A fresh PostgreSQL database URL."""
    return new_postgres_database(postgres_server)
