"""A municipality's own export imported as is: no municipality column, RD X/Y, wijk names,
Dutch header variants, Windows-1252 CSV and an XLSX with title and totals rows (issue 20)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.municipal_export import BAD_ROWS, GEMEENTE, generate
from vsdash import column_mapping, ingest
from vsdash.import_undo import data_hash, refused_rows
from vsdash.store import Store


@pytest.fixture(scope="module")
def export():
    return generate()


@pytest.fixture(params=["csv", "xlsx"])
def export_file(request, export) -> tuple[bytes, str]:
    if request.param == "csv":
        return export.csv_cp1252(), "meldingen-nijmegen.csv"
    return export.xlsx_with_title_and_totals(), "meldingen-nijmegen.xlsx"


def _import(store, export_file, **kwargs):
    data, name = export_file
    return ingest.import_file(store, data, "reports", file_name=name, **kwargs)


def test_without_a_municipality_the_file_is_refused_with_the_way_out(empty_store, export_file):
    with pytest.raises(ingest.ImportRefused, match="--gemeente") as refused:
        _import(empty_store, export_file, dry_run=True)
    assert "alle rijen" in str(refused.value) and "Gemeente" in str(refused.value)


def test_an_unknown_fixed_municipality_is_refused(empty_store, export_file):
    with pytest.raises(ingest.ImportRefused, match="Atlantis.*onbekend"):
        _import(empty_store, export_file, gemeente="Atlantis", dry_run=True)


def test_dry_run_finds_exactly_the_five_bad_rows_with_file_row_column_and_reason(
    empty_store, export, export_file
):
    result = _import(empty_store, export_file, gemeente="Nijmegen", dry_run=True, skip_invalid=True)
    assert (result.rows, result.accepted, result.rejected) == (300, export.good, 5)
    offset = 1 if export_file[1].endswith(".csv") else 3  # the XLSX header is in row 3
    ids = export.frame["Meldingsnummer"]
    for reason, words in BAD_ROWS.items():
        row = int(ids[ids == export.bad_ids[reason]].index[0]) + offset + 1
        found = [e for e in result.errors if e.row == row]
        assert found and words in found[0].message, (reason, [e.sentence() for e in result.errors])
    columns = {e.column for e in result.errors}
    assert columns <= {"Datum melding", "Soort melding", "Wijk", "X", "Y"}
    assert sorted(result.channels_new) == ["App", "Telefoon", "Website"]
    assert empty_store.table_counts()["reports"] == 0


def test_xlsx_title_and_totals_rows_are_not_data(empty_store, export):
    data = export.xlsx_with_title_and_totals()
    result = ingest.import_file(
        empty_store, data, "reports", file_name="x.xlsx", gemeente="GM0268", dry_run=True, skip_invalid=True
    )
    assert result.layout.header_row == 3
    assert result.layout.skipped_below == (3 + 300 + 2,)
    assert result.rows == 300
    assert any("rij 3" in w and "305" in w for w in result.warnings)


def test_header_row_can_be_chosen(empty_store, export):
    data = export.xlsx_with_title_and_totals()
    with pytest.raises(ingest.ImportRefused, match="kolom"):
        ingest.import_file(empty_store, data, "reports", file_name="x.xlsx", header_row=1, gemeente="GM0268")


def test_import_writes_reports_channels_and_wijken_and_keeps_no_coordinates(tmp_path, export, export_file):
    store = Store(f"duckdb:///{tmp_path / 'real.duckdb'}")
    try:
        result = _import(store, export_file, gemeente="Nijmegen", skip_invalid=True, user="ambtenaar")
        assert result.written == export.good and result.rejected == 5
        reports = store.query("SELECT * FROM reports")
        assert set(reports["gemeentecode"]) == {GEMEENTE}
        channels = store.channels()
        assert sorted(channels["naam"]) == ["App", "Telefoon", "Website"]
        assert set(reports["kanaal_id"]) == set(channels["kanaal_id"])
        assert dict(zip(channels["naam"], channels["soort"], strict=True)) == {
            "App": "app",
            "Telefoon": "telefoon",
            "Website": "meldpunt_web",
        }
        assert reports["h3_r8"].notna().all()
        assert reports["wijkcode"].str.startswith("WK0268").all()
        rejected = store.query("SELECT * FROM import_rejections")
        assert rejected["rij"].nunique() == 5
        for record in rejected["gegevens"]:
            row = json.loads(record)
            assert "Omschrijving" not in row and "Behandelaar" not in row  # ignored columns are not kept
            assert "X" not in row and "Y" not in row  # coordinates are never kept (ADR 0001)
        download = refused_rows(store, result.import_id)  # what the page offers to download
        assert list(download["rij"]) == sorted(rejected["rij"].unique())
        assert not {"Omschrijving", "X", "Y"} & set(download.columns)
        assert download["reden"].str.len().gt(10).all()
        on_disk = Path(result.rejections_file).read_text(encoding="utf-8-sig")
        assert "Omschrijving" not in on_disk and "Behandelaar" not in on_disk
        assert column_mapping.recall_plan(store, "reports", GEMEENTE)["gemeentecode"].fixed == GEMEENTE
    finally:
        store.close()


def test_undo_restores_exactly_the_state_before(tmp_path, export, export_file):
    store = Store(f"duckdb:///{tmp_path / 'real.duckdb'}")
    try:
        before = data_hash(store)
        result = _import(store, export_file, gemeente="Nijmegen", skip_invalid=True)
        assert data_hash(store) != before
        entry = ingest.undo_last_import(store, user="ambtenaar")
        assert entry["import_id"] == result.import_id and entry["verwijderd"] == export.good
        assert data_hash(store) == before
        assert not Path(result.rejections_file).exists()
        assert ingest.last_import(store) is None
    finally:
        store.close()


def test_demo_replace_is_announced_by_the_dry_run_and_undone_exactly(tmp_path, demo_store_url, export):
    copy = tmp_path / "demo.duckdb"
    shutil.copy(demo_store_url.removeprefix("duckdb:///"), copy)
    store = Store(f"duckdb:///{copy}")
    try:
        before = data_hash(store)
        data = export.csv_cp1252()
        dry = ingest.import_file(
            store, data, "reports", file_name="n.csv", gemeente="GM0268", dry_run=True, skip_invalid=True
        )
        assert dry.demo_wipe["reports"] > 0
        assert any("demodata" in w and "gemeenten" in w for w in dry.warnings)
        with pytest.raises(ingest.ImportRefused, match="Demodata wissen en vervangen"):
            ingest.import_file(
                store, data, "reports", file_name="n.csv", gemeente="GM0268", skip_invalid=True
            )
        ingest.import_file(
            store, data, "reports", file_name="n.csv", gemeente="GM0268", skip_invalid=True, replace_demo=True
        )
        assert not store.is_demo()
        assert store.table_counts()["reports"] == export.good
        entry = ingest.undo_last_import(store)
        assert entry["demo_hersteld"]
        assert store.is_demo()
        assert data_hash(store) == before
    finally:
        store.close()


def test_latitude_columns_with_rd_metres_say_so(empty_store):
    csv = (
        b"melding_id;gemeente;datum;categorie;lat;lon\n"
        b"A1;Nijmegen;01-02-2024;verbaal;51,8425;5,8528\n"
        b"A2;Nijmegen;01-02-2024;verbaal;51.842;5.853\n"
        b"A3;Nijmegen;01-02-2024;verbaal;428412;187523\n"
        b"A4;Nijmegen;01-02-2024;verbaal;51,840;5,850\n"
        b"A5;Nijmegen;01-02-2024;verbaal;51.84;5.85\n"
    )
    result = ingest.import_file(empty_store, csv, "reports", file_name="m.csv", dry_run=True)
    assert result.rejected == 1
    (error,) = result.errors
    assert error.row == 4 and "dit lijken RD-coördinaten" in error.message and error.value == "428412"


def test_wijk_column_can_be_switched_off(empty_store):
    csv = b"Meldingsnummer;Datum melding;Soort;Wijk\nA1;01-02-2024;verbaal;Ergens\n"
    plan = {"wijkcode": column_mapping.NOT_USED}
    result = ingest.import_file(
        empty_store, csv, "reports", file_name="m.csv", gemeente="GM0268", plan=plan, dry_run=True
    )
    assert result.rejected == 0
    assert any("Wijk" in w for w in result.warnings)  # ignored, and said so


def test_rd_fields_of_the_plan_are_offered_for_reports_only():
    names = [f.name for f in column_mapping.plan_fields("reports", ingest.FIELDS["reports"])]
    assert names[-2:] == ["rd_x", "rd_y"]
    assert "rd_x" not in [
        f.name for f in column_mapping.plan_fields("activities", ingest.FIELDS["activities"])
    ]
