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


def test_first_page_summary_takes_medians_and_the_ratio_to_the_baseline():
    from vsdash import bench_browser

    def run(health, start, navigation):
        return {
            "health_s": health,
            "start_to_idle_s": start,
            "navigation_to_idle_s": navigation,
            "server_run_s": health / 2,
        }

    summary = bench_browser.summarise_first_page(
        {
            "vsdash serve": [run(1.0, 3.0, 1.0), run(9.0, 2.0, 0.8), run(1.2, 2.5, 5.0)],
            "streamlit run": [run(1.0, 5.0, 4.0), run(1.1, 6.0, 4.5), run(0.9, 4.0, 4.2)],
        }
    )
    assert summary["vsdash serve"]["start_to_idle_s"] == 2.5  # the median, not the mean
    assert summary["vsdash serve"]["health_s"] == 1.2
    assert summary["vsdash serve"]["server_run_s"] == 0.6
    assert summary["streamlit run"]["navigation_to_idle_s"] == 4.2
    assert summary["ratio_start_to_idle_s"] == 0.5
    assert summary["ratio_navigation_to_idle_s"] == round(1.0 / 4.2, 2)
    assert len(summary["vsdash serve"]["runs"]) == 3


def test_first_page_compares_the_production_entry_with_plain_streamlit_run():
    from vsdash import bench_browser

    ours = bench_browser._server_command("vsdash serve", 8612)
    baseline = bench_browser._server_command("streamlit run", 8612)
    assert ours[1:4] == ["-m", "vsdash", "serve"]
    assert baseline[1:4] == ["-m", "streamlit", "run"] and baseline[4].endswith("dashboard.py")
    assert "8612" in ours and "8612" in baseline


def test_results_file_shows_the_first_page_next_to_its_baseline(tmp_path, monkeypatch):
    monkeypatch.setattr(bench, "PROJECT_ROOT", tmp_path)
    (tmp_path / "benchmarks").mkdir()
    first = {
        "vsdash serve": {
            "health_s": 1.5,
            "start_to_idle_s": 2.75,
            "navigation_to_idle_s": 1.25,
            "server_run_s": 0.25,
            "runs": [],
        },
        "streamlit run": {
            "health_s": 1.25,
            "start_to_idle_s": 5.5,
            "navigation_to_idle_s": 4.25,
            "server_run_s": 3.5,
            "runs": [],
        },
        "ratio_start_to_idle_s": 0.5,
        "ratio_navigation_to_idle_s": 0.29,
        "starts": 3,
        "target_s": 3.0,
        "load_average": [0.4, 1.2],
        "machine": "test machine",
    }
    bench.write_results({"reports": 100_000, "machine": "test machine", "first_page": first})
    text = (tmp_path / "benchmarks" / "RESULTS.md").read_text()
    assert "## In headless chromium, 100,000 reports" in text
    assert (
        "| `python -m vsdash serve` (warms its caches in the background) | 1.50 | 2.75 | 1.25 | 0.25 |"
        in text
    )
    assert "| `streamlit run dashboard.py` (naive baseline, no warm-up) | 1.25 | 5.50 | 4.25 | 3.50 |" in text
    assert "| ratio vsdash / baseline | | 0.50 | 0.29 | |" in text
    assert "Target ≤ 3 s" in text and "median of 3 fresh starts" in text
    assert bench.stored_results(100_000)["first_page"]["starts"] == 3


def test_processor_time_is_split_between_the_server_tree_and_the_rest():
    """A busy child passed as the server is counted as the server's, not as the browser side's."""
    import subprocess
    import sys
    import time

    from vsdash import bench_browser

    busy = [
        sys.executable,
        "-c",
        "import time\nt = time.process_time()\nwhile time.process_time() - t < 0.6: pass",
    ]
    server = subprocess.Popen(busy)
    other = subprocess.Popen(busy)
    try:
        before = bench_browser._cpu_split(server.pid)
        time.sleep(0.1)
        assert server.pid in bench_browser._tree(bench_browser._process_table(), server.pid)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            after = bench_browser._cpu_split(server.pid)
            if (
                after["server_s"] - before["server_s"] >= 0.3
                and after["browser_s"] - before["browser_s"] >= 0.3
            ):
                break
            time.sleep(0.05)
    finally:
        server.wait(30)
        other.wait(30)
    assert after["server_s"] - before["server_s"] >= 0.3
    assert after["browser_s"] - before["browser_s"] >= 0.3  # the other child: not the server's
    assert after["machine_s"] - before["machine_s"] >= 0.6


def test_rounds_of_two_checkouts_are_summarised_by_medians():
    from vsdash import bench_browser

    def one_round(ratio, server_ms, browser_s):
        cpu = {
            "server_s": server_ms / 1000,
            "browser_s": browser_s,
            "bench_s": 0.01,
            "machine_s": 2.0,
            "wall_s": 30,
        }
        return {
            "round_ratios": [ratio],
            "server_single_p95_ms": server_ms,
            "server_concurrent_p95_ms": 2 * server_ms,
            "single_session_p95_s": 0.5,
            "concurrent_p95_s": 0.5 * ratio,
            "single_session_median_s": 0.4,
            "concurrent_median_s": 1.0,
            "cpu_per_change_s": {"single": cpu, "concurrent": cpu},
        }

    merged = bench_browser._merge_rounds(
        [one_round(4.0, 100, 0.9), one_round(2.0, 300, 1.1), one_round(3.0, 120, 1.0)]
    )
    assert merged["round_ratios"] == [4.0, 2.0, 3.0]
    assert merged["concurrent_ratio"] == 3.0  # the median, not the mean
    assert merged["server_single_p95_ms"] == 120 and merged["server_concurrent_p95_ms_rounds"] == [
        200,
        600,
        240,
    ]
    assert merged["cpu_per_change_s"]["concurrent"]["browser_s"] == 1.0
