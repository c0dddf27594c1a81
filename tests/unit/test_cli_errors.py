"""Command-line errors with --json are JSON too, in Dutch, saying what to do."""

from __future__ import annotations

import json
import subprocess
import sys

from vsdash.cli import main


def test_duckdb_lock_held_by_a_running_dashboard_is_explained_as_json(tmp_path, capsys):
    path = tmp_path / "store.duckdb"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys, time; con = duckdb.connect(sys.argv[1]); print('open', flush=True); time.sleep(120)",
            str(path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        csv = tmp_path / "m.csv"
        csv.write_text("melding_id;gemeentecode;datum;categorie\nM1;GM0344;01-03-2024;verbaal\n")
        code = main(["import", str(csv), "--kind", "reports", "--json", "--store", f"duckdb:///{path}"])
    finally:
        holder.terminate()
        holder.wait(10)
    out = capsys.readouterr().out
    error = json.loads(out)["error"]
    assert code == 2
    assert "in gebruik door een ander programma" in error["message"]
    assert "Stop het dashboard" in error["message"] and "PostgreSQL" in error["message"]


def test_without_json_the_error_stays_a_sentence_on_stderr(tmp_path, capsys):
    code = main(
        [
            "import",
            str(tmp_path / "bestaat-niet.csv"),
            "--kind",
            "reports",
            "--store",
            f"duckdb:///{tmp_path / 's.duckdb'}",
        ]
    )
    captured = capsys.readouterr()
    assert code == 2 and captured.out == ""
    assert captured.err.startswith("Fout: ") and "niet gevonden" in captured.err
