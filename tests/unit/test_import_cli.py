"""``vsdash import FILE --kind reports --gemeente CODE`` on a municipality's own export (issue 20)."""

from __future__ import annotations

import json

import pytest

from tests.municipal_export import generate
from vsdash.cli import main
from vsdash.store import Store


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    export = generate()
    folder = tmp_path_factory.mktemp("export")
    (folder / "nijmegen.csv").write_bytes(export.csv_cp1252())
    (folder / "nijmegen.xlsx").write_bytes(export.xlsx_with_title_and_totals())
    return folder, export


@pytest.mark.parametrize("name", ["nijmegen.csv", "nijmegen.xlsx"])
def test_cli_imports_the_export_with_gemeente_and_undoes_it(tmp_path, files, capsys, name):
    folder, export = files
    store_url = f"duckdb:///{tmp_path / 'cli.duckdb'}"
    base = ["import", str(folder / name), "--kind", "reports", "--store", store_url, "--json"]
    assert main(base) == 2  # no municipality column and no --gemeente: refused, says how
    refused = json.loads(capsys.readouterr().out)
    assert "--gemeente" in refused["errors"][0]["message"]
    assert main([*base, "--gemeente", "GM0268", "--skip-invalid", "--kanaal", "Meldpunt Nijmegen"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["written"] == export.good and result["rejected"] == 5
    assert sorted(result["channels_new"]) == ["App", "Telefoon", "Website"]
    assert result["header_row"] == (3 if name.endswith("xlsx") else 1)
    store = Store(store_url)
    try:
        assert store.table_counts()["reports"] == export.good
    finally:
        store.close()
    assert main(["import", "--undo-last", "--store", store_url, "--json"]) == 0
    undone = json.loads(capsys.readouterr().out)
    assert undone["deleted"] == export.good and undone["demo_restored"] is False


def test_cli_text_summary_names_rows_and_channels(tmp_path, files, capsys):
    folder, _ = files
    store_url = f"duckdb:///{tmp_path / 'cli.duckdb'}"
    code = main(
        [
            "import",
            str(folder / "nijmegen.csv"),
            "--kind",
            "reports",
            "--store",
            store_url,
            "--gemeente",
            "Nijmegen",
        ]
        + ["--dry-run", "--skip-invalid"]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "kolom 'Soort melding', waarde 'uitschelden'" in out
    assert "Meldkanalen zouden worden aangemaakt: App, Telefoon, Website." in out
