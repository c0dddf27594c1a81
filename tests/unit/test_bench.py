import datetime as dt
import json

from vsdash import bench


def test_filter_changes_are_reproducible_and_varied():
    codes = ["GM0363", "GM0344", "GM0014"]
    a = bench.filter_changes(codes, dt.date(2019, 1, 1), dt.date(2026, 10, 31))
    b = bench.filter_changes(codes, dt.date(2019, 1, 1), dt.date(2026, 10, 31))
    assert a == b and len(a) >= 20
    assert len({c.gemeente for c in a}) > 2 and len({c.categorie for c in a}) > 2
    assert all(c.start <= c.end for c in a)


def test_p95_nearest_rank():
    assert bench.p95(list(range(1, 101))) == 95
    assert bench.p95([3.0]) == 3.0


def test_results_file_keeps_other_sections(tmp_path, monkeypatch):
    monkeypatch.setattr(bench, "PROJECT_ROOT", tmp_path)
    (tmp_path / "benchmarks").mkdir()
    (tmp_path / "benchmarks" / "RESULTS.md").write_text("# Benchmark results\n\n## Import\n\nkept\n")
    result = {
        "reports": 1000,
        "filter_change_ms_p95": 10.0,
        "baseline_filter_change_ms_p95": 100.0,
        "filter_change_speedup": 10.0,
        "map_payload_bytes": 1234,
        "machine": "test machine",
    }
    bench.write_results(result)
    bench.write_results(result | {"filter_change_ms_p95": 9.0})
    text = (tmp_path / "benchmarks" / "RESULTS.md").read_text()
    assert "## Import\n\nkept" in text
    assert text.count(bench.RESULTS_START) == 1
    assert "| 9.0 |" in text and "1,234" in text
    assert (
        json.loads((tmp_path / "benchmarks" / "results-1000.json").read_text())["filter_change_ms_p95"] == 9.0
    )
