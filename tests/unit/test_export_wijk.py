"""``export counts --by wijk`` never silently writes nothing: it says why, or writes the wijken."""

from __future__ import annotations

import pytest

from vsdash.cli import main


@pytest.fixture(scope="module")
def store_without_wijken(tmp_path_factory):
    """A demo store generated while no wijk boundaries were available (as on a bare machine)."""
    from vsdash.demo import generate_demo
    from vsdash.store import Store

    folder = tmp_path_factory.mktemp("no_wijk")
    mp = pytest.MonkeyPatch()
    mp.setenv("VSDASH_BOUNDARIES_DIR", str(folder))  # empty folder: no wijken_veilige_steden.geojson
    try:
        url = f"duckdb:///{folder / 'store.duckdb'}"
        store = Store(url)
        generate_demo(store, seed=3, reports=600)
        store.close()
    finally:
        mp.undo()
    return url


def _export(url, out, *extra):
    return main(
        ["export", "counts", "--by", "wijk", "--from", "2023-01-01", "--to", "2024-12-31"]
        + list(extra)
        + ["--store", url, "--out", str(out)]
    )


def test_no_wijk_codes_is_refused_with_the_reason(store_without_wijken, tmp_path, capsys):
    out = tmp_path / "wijken.csv"
    assert _export(store_without_wijken, out, "--gemeente", "GM0344") == 2
    err = capsys.readouterr().err
    assert "Geen van de meldingen voor gemeente GM0344 in deze periode heeft een wijk" in err
    assert "wijken_veilige_steden.geojson" in err and "--by gemeente" in err
    assert not out.exists()  # nothing half-written


def test_no_reports_at_all_says_so(store_without_wijken, tmp_path, capsys):
    out = tmp_path / "leeg.csv"
    code = main(
        [
            "export",
            "counts",
            "--by",
            "wijk",
            "--from",
            "1999-01-01",
            "--to",
            "1999-12-31",
            "--store",
            store_without_wijken,
            "--out",
            str(out),
        ]
    )
    assert code == 2
    assert "geen meldingen voor alle gemeenten in deze periode" in capsys.readouterr().err


def test_with_the_shipped_boundaries_the_wijken_are_written(demo_store_url, tmp_path, capsys):
    """The session demo store was generated with data/boundaries: Utrecht's reports have wijken."""
    import datetime as dt

    from vsdash.commands.export import wijk_coverage
    from vsdash.store import ReportFilter, Store

    store = Store(demo_store_url)
    total, with_wijk = wijk_coverage(
        store, ReportFilter(("GM0344",), dt.date(2023, 1, 1), dt.date(2024, 12, 31))
    )
    store.close()
    assert 0 < with_wijk <= total
    out = tmp_path / "utrecht.csv"
    assert _export(demo_store_url, out, "--gemeente", "GM0344") == 0
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) > 2 and any(";WK0344" in line for line in lines)
    stdout = capsys.readouterr().out
    assert ("niet alle meldingen in deze selectie hebben een wijk" in stdout) == (with_wijk < total)
