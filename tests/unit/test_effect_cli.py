"""``python -m vsdash effect``: JSON and summary output, and Dutch errors without tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from simulated_reports import simulate_campaign

from vsdash.cli import main

PROJECT_ROOT = Path(__file__).resolve().parents[2]
JSON_KEYS = [
    "observed", "expected", "expected_low", "expected_high", "extra", "extra_low", "extra_high",
    "relative_change", "relative_low", "relative_high", "p_value", "warnings",
]  # fmt: skip


@pytest.fixture(scope="module")
def campaign_files(tmp_path_factory):
    """A simulated series with a +50% campaign in its last 6 weeks, three controls, as CSV files."""
    folder = tmp_path_factory.mktemp("effect")
    sim = simulate_campaign(21, lift=0.5, n_controls=3)
    series = sim.series.assign(week=sim.series["week"].dt.date)
    series.to_csv(folder / "series.csv", index=False)
    series.to_csv(folder / "series_semicolon.csv", index=False, sep=";")
    sim.controls.assign(week=sim.controls["week"].dt.date).to_csv(folder / "controls.csv", index=False)
    return folder, sim


def _args(folder: Path, sim, series: str = "series.csv", *extra: str) -> list[str]:
    return [
        "effect",
        "--series",
        str(folder / series),
        "--start",
        str(sim.start),
        "--end",
        str(sim.end),
        *extra,
    ]


@pytest.mark.parametrize("series", ["series.csv", "series_semicolon.csv"])
def test_json_has_the_promised_keys(campaign_files, capsys, series):
    folder, sim = campaign_files
    assert main(_args(folder, sim, series, "--json", "--n-sim", "500")) == 0
    payload = json.loads(capsys.readouterr().out)
    for key in JSON_KEYS:
        assert key in payload
    assert isinstance(payload["warnings"], list)
    assert payload["expected_low"] >= 0


def test_controls_are_used_and_listed(campaign_files, capsys):
    folder, sim = campaign_files
    assert main(_args(folder, sim, "series.csv", "--controls", str(folder / "controls.csv"), "--json")) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["controls_used"] == ["GM9000", "GM9001", "GM9002"]


def test_summary_is_dutch_and_mentions_willingness_to_report(campaign_files, capsys):
    folder, sim = campaign_files
    assert main(_args(folder, sim, "series.csv", "--n-sim", "500")) == 0
    out = capsys.readouterr().out
    assert out.startswith("Tijdens de campagne kwamen er ongeveer")
    assert "eerder melden" in out


def _write(folder: Path, name: str, text: str) -> str:
    (folder / name).write_text(text, encoding="utf-8")
    return name


GOOD_ROWS = "".join(f"2018-{m:02d}-{d:02d},20\n" for m, d in [(1, 1), (1, 8), (1, 15)])


@pytest.mark.parametrize(
    ("name", "content", "start", "fragment"),
    [
        ("missing.csv", None, None, "bestand niet gevonden"),
        ("columns.csv", "week,meldingen\n2018-01-01,3\n", None, "kolom 'reports' ontbreekt"),
        (
            "negative.csv",
            "week,reports\n" + GOOD_ROWS + "2018-01-22,-4\n",
            None,
            "regel 5: waarde -4 mag niet negatief",
        ),
        ("fraction.csv", "week;reports\n2018-01-01;2.5\n", None, "regel 2: waarde 2.5 moet een geheel getal"),
        ("text.csv", "week,reports\n2018-01-01,veel\n", None, "regel 2: waarde 'veel' is geen getal"),
        (
            "date.csv",
            "week,reports\n2018-01-01,3\n2018-02-30,3\n",
            None,
            "regel 3: waarde '2018-02-30' is geen datum",
        ),
        ("series.csv", "", "2031-01-06", "valt buiten de reeks"),
        ("series.csv", "", "2018-13-01", "--start: '2018-13-01' is geen geldige datum"),
    ],
)
def test_bad_input_exits_non_zero_with_a_dutch_message(
    campaign_files, tmp_path, capsys, name, content, start, fragment
):
    folder, sim = campaign_files
    if content:
        folder = tmp_path
        _write(folder, name, content)
    args = _args(folder, sim, name)
    if start:
        args[args.index("--start") + 1] = start
        args[args.index("--end") + 1] = "2031-02-16"
    # main() lets anything but UserError escape, so a pass here also means no traceback.
    assert main(args) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith("Fout: ")
    assert fragment in captured.err
    assert captured.out == ""


def test_a_real_process_shows_no_traceback(tmp_path):
    _write(tmp_path, "negative.csv", "week,reports\n2018-01-01,-4\n")
    args = [
        "effect",
        "--series",
        str(tmp_path / "negative.csv"),
        "--start",
        "2018-01-01",
        "--end",
        "2018-01-07",
    ]
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "vsdash", *args],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        env=env,
        check=False,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "negative.csv, kolom 'reports', regel 2: waarde -4 mag niet negatief zijn" in done.stderr
