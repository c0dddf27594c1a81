"""Imports on both backends: all or nothing, duplicates, undo, every kind, unsafe files refused."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest

from tests.db.helpers import HEADER, UTRECHT_STATION, reports_csv, risk_area_geojson, utrecht_rows, xlsx
from vsdash import ingest
from vsdash.store import ReportFilter, Store


@pytest.fixture()
def store(store_url):
    s = Store(store_url)
    yield s
    s.close()


def _total(store: Store) -> int:
    flt = ReportFilter(None, dt.date(2000, 1, 1), dt.date(2030, 1, 1))
    return int(store.count_reports(flt, "month")["n"].sum())


def test_valid_reports_are_written_located_and_aggregated(store):
    result = ingest.import_file(
        store, reports_csv(utrecht_rows(50)), "reports", file_name="m.csv", user="test"
    )
    assert (result.accepted, result.rejected, result.written, result.duplicates) == (50, 0, 50, 0)
    assert _total(store) == 50
    rows = store.query("SELECT * FROM reports")
    assert rows["h3_r8"].notna().all() and rows["wijkcode"].str.startswith("WK0344").all()
    assert not {"lat", "lon", "breedtegraad", "lengtegraad"} & set(rows.columns)
    assert (rows["ontvangen_op"] == rows["gebeurd_op"]).all()
    log = store.import_log()
    assert log["gebruiker"].iloc[0] == "test" and log["sha256"].iloc[0] == result.sha256


def test_reimport_adds_nothing_and_counts_duplicates(store):
    data = reports_csv(utrecht_rows(20))
    ingest.import_file(store, data, "reports", file_name="m.csv")
    before = store.content_hash()
    again = ingest.import_file(store, data, "reports", file_name="m.csv")
    assert (again.written, again.duplicates) == (0, 20)
    assert _total(store) == 20
    assert store.query("SELECT count(*) AS n FROM reports")["n"].iloc[0] == 20
    assert before != store.content_hash()  # only the log grew
    assert len(store.import_log()) == 2


def test_one_invalid_row_refuses_the_file_and_changes_nothing(store):
    before = store.content_hash()
    rows = [*utrecht_rows(10), "X1;GM0344;31-02-2024;;verbaal;52,09;5,12"]
    result = ingest.import_file(store, reports_csv(rows), "reports", file_name="m.csv")
    assert result.refused and result.written == 0
    [error] = result.errors
    assert (error.row, error.column, error.value) == (12, "datum", "31-02-2024")
    assert "dd-mm-jjjj" in error.message
    assert store.content_hash() == before


@pytest.mark.parametrize(
    ("row", "column", "fragment"),
    [
        ("X;GM9999;01-03-2024;;verbaal;;", "gemeentecode", "onbekende gemeente"),
        ("X;Utrecht;01-03-2099;;verbaal;;", "datum", "toekomst"),
        ("X;GM0344;01-03-2024;;schelden;;", "categorie", "toegestaan: verbaal"),
        ("X;GM0344;01-03-2024;;verbaal;52,37;4,89", "breedtegraad", "buiten de gemeente"),
        (";GM0344;01-03-2024;;verbaal;;", "melding_id", "verplicht"),
        ("X;GM0344;01-03-2024;;=HYPERLINK(1);;", "categorie", "formule"),
        ("@X;GM0344;01-03-2024;;verbaal;;", "melding_id", "formule"),
        ("X;GM0344;01-03-2024;25:10;verbaal;;", "tijd", "uu:mm"),
        ("X;GM0344;01-03-2024;;verbaal;-52,1;5,1", "breedtegraad", "bereik"),
    ],
)
def test_row_errors_name_row_column_value_and_what_is_allowed(store, row, column, fragment):
    result = ingest.import_file(
        store, reports_csv([*utrecht_rows(2), row]), "reports", file_name="m.csv", dry_run=True
    )
    assert result.rejected == 1
    assert any(e.row == 4 and e.column == column and fragment in e.message for e in result.errors), (
        result.errors
    )


def test_duplicate_ids_within_the_file_are_refused(store):
    rows = utrecht_rows(3) + utrecht_rows(1)
    result = ingest.import_file(store, reports_csv(rows), "reports", file_name="m.csv")
    assert result.refused and {e.row for e in result.errors} == {2, 5}


def test_skip_invalid_writes_valid_rows_and_keeps_refused_rows_without_coordinates(store):
    rows = [*utrecht_rows(5), "X1;GM0344;01-03-2024;;verbaal;52,37;4,89"]
    result = ingest.import_file(store, reports_csv(rows), "reports", file_name="m.csv", skip_invalid=True)
    assert (result.written, result.rejected, result.refused) == (5, 1, False)
    kept = store.query("SELECT * FROM import_rejections")
    assert list(kept["rij"]) == [7] and "buiten de gemeente" in kept["melding"].iloc[0]
    assert "52,37" not in kept["gegevens"].iloc[0] and "breedtegraad" not in kept["gegevens"].iloc[0]
    assert kept["waarde"].isna().all()
    if store.dialect == "duckdb":
        text = Path(result.rejections_file).read_text(encoding="utf-8-sig")
        assert "X1" in text and "52,37" not in text


def test_refused_rows_keep_no_personal_data_and_undo_removes_them(store):
    header = HEADER + ";naam_melder;email;adres;omschrijving"
    personal = ";Jan Jansen;jan@example.nl;Oudegracht 1;hij riep iets naar me"
    rows = [row + personal for row in utrecht_rows(3)] + [
        "X1;GM0344;31-02-2024;;verbaal;52,09;5,12" + personal
    ]
    result = ingest.import_file(
        store, reports_csv(rows, header=header), "reports", file_name="m.csv", skip_invalid=True
    )
    assert (result.written, result.rejected) == (3, 1)
    kept = store.query("SELECT * FROM import_rejections")
    stored = " ".join(kept.astype(str).to_numpy().ravel())
    assert "X1" in stored and "31-02-2024" in stored  # what the importer needs to find and fix the row
    for text in ("Jan Jansen", "jan@example.nl", "Oudegracht", "riep", "52,09", "5,12"):
        assert text not in stored
    if result.rejections_file:
        csv_text = Path(result.rejections_file).read_text(encoding="utf-8-sig")
        assert "X1" in csv_text and not any(t in csv_text for t in ("Jan Jansen", "jan@example.nl", "52,09"))
    ingest.undo_last_import(store)
    assert store.query("SELECT count(*) AS n FROM import_rejections")["n"].iloc[0] == 0
    if result.rejections_file:
        assert not Path(result.rejections_file).exists()


def test_undo_last_import_restores_the_store(store):
    ingest.import_file(store, reports_csv(utrecht_rows(10)), "reports", file_name="a.csv")
    after_first = store.content_hash()
    ingest.import_file(store, reports_csv(utrecht_rows(7, prefix="V")), "reports", file_name="b.csv")
    assert _total(store) == 17
    entry = ingest.undo_last_import(store, user="test")
    assert entry["bestand"] == "b.csv" and entry["verwijderd"] == 7
    assert _total(store) == 10
    reports = store.query("SELECT * FROM reports ORDER BY melding_id")
    assert len(reports) == 10 and after_first  # rows of a.csv untouched
    assert bool(store.query("SELECT ongedaan FROM import_log WHERE bestand = 'b.csv'")["ongedaan"].iloc[0])


def test_undo_of_a_demo_replacement_restores_the_demo_exactly(store):
    """Issue 20: the demo wipe is undone with the import, on both backends (content equal)."""
    from vsdash.demo import generate_demo
    from vsdash.import_undo import data_hash

    generate_demo(store, reports=500)
    before = data_hash(store)
    ingest.import_file(store, reports_csv(utrecht_rows(3)), "reports", file_name="m.csv", replace_demo=True)
    assert not store.is_demo() and _total(store) == 3
    assert len(store.channels()) == 1  # the import registered Utrecht's channel
    entry = ingest.undo_last_import(store, user="test")
    assert entry["demo_hersteld"] and store.is_demo()
    assert data_hash(store) == before


def test_english_headers_names_and_comma_csv_in_windows_1252(store):
    text = "report_id,municipality_code,date,time,category,lat,lon\nE1,'s-Gravenhage,14-03-2024,22:30,Physical,52.0786,4.2886\nE2,Den Haag,15-03-2024,,verbal,,\n"
    result = ingest.import_file(store, text.encode("cp1252"), "reports", file_name="e.csv")
    assert result.written == 2
    assert set(store.query("SELECT gemeentecode FROM reports")["gemeentecode"]) == {"GM0518"}


def test_xlsx_reports_with_real_dates_and_formula_refused(store):
    rows = [
        ["melding_id", "gemeente", "datum", "categorie"],
        ["X1", "GM0344", dt.datetime(2024, 3, 1, 21, 5), "verbaal"],
    ]
    assert ingest.import_file(store, xlsx(rows), "reports", file_name="m.xlsx").written == 1
    bad = xlsx([*rows, ["X2", "GM0344", "=TODAY()", "verbaal"]])
    result = ingest.import_file(store, bad, "reports", file_name="m2.xlsx")
    assert result.refused and "formule" in result.errors[0].message


@pytest.mark.parametrize(
    ("data", "name", "fragment"),
    [
        (b"", "leeg.csv", "leeg"),
        (b"\xef\xbb\xbf\r\n", "leeg.csv", "leeg"),
        (b"not a zip at all", "nep.xlsx", "geen geldig Excel"),
        (b"melding_id;datum\n", "kop.csv", "geen gegevens"),
        (b"PK\x03\x04rest", "zip.csv", "zip"),
        (b"\x00\x01\x02binary", "bin.csv", "binaire"),
        (b"a;b\n1;2\n", "oud.xls", ".xls"),
    ],
)
def test_unsafe_or_empty_files_are_refused_in_dutch(store, data, name, fragment):
    before = store.content_hash()
    with pytest.raises(ingest.ImportRefused, match=fragment):
        ingest.import_file(store, data, "reports", file_name=name)
    assert store.content_hash() == before


def test_zip_bomb_is_refused_before_openpyxl(store):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (60 * 1024**2))
    with pytest.raises(ingest.ImportRefused, match="zip-bom"):
        ingest.import_file(store, out.getvalue(), "reports", file_name="bom.xlsx")


def test_file_over_the_size_limit_is_refused(store, monkeypatch):
    monkeypatch.setenv("VSDASH_MAX_UPLOAD_MB", "0.001")
    with pytest.raises(ingest.ImportRefused, match="VSDASH_MAX_UPLOAD_MB"):
        ingest.import_file(store, reports_csv(utrecht_rows(100)), "reports", file_name="m.csv")


def test_missing_columns_name_the_fields_and_mapping_fixes_them(store):
    data = b"nr;plaats;wanneer;soort\n1;Utrecht;01-03-2024;verbaal\n"
    # 'nr' and 'soort' are recognised (issue 20); the message names what is missing and what was found.
    with pytest.raises(ingest.ImportRefused, match=r"gemeentecode.*datum.*nr, plaats, wanneer, soort"):
        ingest.import_file(store, data, "reports", file_name="m.csv")
    mapping = {"melding_id": "nr", "gemeentecode": "plaats", "datum": "wanneer", "categorie": "soort"}
    assert ingest.import_file(store, data, "reports", file_name="m.csv", mapping=mapping).written == 1


def test_demo_store_refuses_real_data_unless_replaced(store):
    from vsdash.demo import generate_demo

    generate_demo(store, reports=500)
    with pytest.raises(ingest.ImportRefused, match="demodata"):
        ingest.import_file(store, reports_csv(utrecht_rows(3)), "reports", file_name="m.csv")
    assert store.is_demo()
    result = ingest.import_file(
        store, reports_csv(utrecht_rows(3)), "reports", file_name="m.csv", replace_demo=True
    )
    assert result.written == 3 and not store.is_demo()
    assert _total(store) == 3 and store.table_counts()["activities"] == 0


def test_activities_campaigns_population_and_risk_areas(store):
    for kind in ("activities", "campaigns", "population"):
        result = ingest.import_file(store, ingest.template(kind, "xlsx"), kind, file_name=f"{kind}.xlsx")
        assert result.written == 1, (kind, result.errors)
    assert store.campaigns()["gemeentecode"].tolist() == ["GM0344", "GM0363"]
    pop = store.population()
    assert pop.loc[(pop["gemeentecode"] == "GM0344") & (pop["jaar"] == 2025), "inwoners"].iloc[0] == 374238
    areas = risk_area_geojson([("RG1", "Utrecht", "Stationsgebied", "station_ov", UTRECHT_STATION)])
    assert ingest.import_file(store, areas, "risk-areas", file_name="rg.geojson").written == 1
    wkt = store.risk_areas()["geometrie_wkt"].iloc[0]
    assert wkt.startswith("POLYGON") and "5.105" in wkt
    # Reports imported after the area get its id.
    ingest.import_file(
        store, reports_csv(["R1;GM0344;01-03-2024;;verbaal;52,09;5,11"]), "reports", file_name="r.csv"
    )
    assert store.query("SELECT risicogebied_id FROM reports")["risicogebied_id"].iloc[0] == "RG1"
    for _ in range(5):
        assert ingest.undo_last_import(store) is not None
    assert store.table_counts()["campaigns"] == 0 and store.table_counts()["risk_areas"] == 0


def test_risk_area_outside_its_municipality_or_without_crs_is_refused(store):
    amsterdam = [[4.88, 52.36], [4.90, 52.36], [4.90, 52.38], [4.88, 52.38], [4.88, 52.36]]
    result = ingest.import_file(
        store,
        risk_area_geojson([("RG2", "GM0344", "Dam", "uitgaansgebied", amsterdam)]),
        "risk-areas",
        file_name="rg.geojson",
    )
    assert result.refused and "niet in de opgegeven gemeente" in result.errors[0].message


def test_store_reads_agree_on_both_backends(store):
    ingest.import_file(store, reports_csv(utrecht_rows(40)), "reports", file_name="m.csv")
    flt = ReportFilter(("GM0344",), dt.date(2024, 1, 1), dt.date(2024, 12, 31), ("verbaal", "fysiek"))
    assert int(store.count_reports(flt, "week", by=("categorie",))["n"].sum()) == 16
    assert int(store.count_by_hour(flt)["n"].sum()) == 16
    assert int(store.hex_counts(flt)["n"].sum()) == 40
    assert int(store.area_counts(flt, by="wijkcode")["n"].sum()) == 40
