"""Files that are small on disk but expensive to read are refused before they are parsed."""

from __future__ import annotations

import math
import time

import pytest

from tests.db.helpers import HEADER, reports_csv, risk_area_geojson, utrecht_rows, xlsx
from vsdash import ingest
from vsdash.ingest import readers


def test_a_csv_with_thousands_of_columns_is_refused_at_once_with_a_short_message(empty_store):
    wide = (";".join(f"k{i}" for i in range(20_000)) + "\n" + ";".join("x" * 20_000) + "\n").encode()
    started = time.perf_counter()
    with pytest.raises(ingest.ImportRefused) as refused:
        ingest.import_file(empty_store, wide, "reports", file_name="breed.csv", dry_run=True)
    assert time.perf_counter() - started < 5
    message = str(refused.value)
    assert "20.000 kolommen" in message and "de grens is 200" in message and len(message) < 300


def test_rows_over_the_limit_are_refused_before_parsing(empty_store, monkeypatch):
    monkeypatch.setattr(readers, "MAX_ROWS", 10)
    with pytest.raises(ingest.ImportRefused, match="meer dan 10 rijen"):
        ingest.import_file(empty_store, reports_csv(utrecht_rows(12)), "reports", file_name="m.csv")
    result = ingest.import_file(empty_store, reports_csv(utrecht_rows(10)), "reports", file_name="m.csv")
    assert result.written == 10


def test_a_workbook_with_too_much_shared_text_is_refused_before_openpyxl(empty_store, monkeypatch):
    monkeypatch.setattr(readers, "MAX_SHARED_STRINGS_BYTES", 500)
    import io

    import xlsxwriter  # writes text as shared strings, as Excel does (openpyxl writes inline text)

    out = io.BytesIO()
    book = xlsxwriter.Workbook(out)
    sheet = book.add_worksheet()
    for number, row in enumerate([HEADER.split(";")] + [r.split(";") for r in utrecht_rows(100)]):
        sheet.write_row(number, 0, row)
    book.close()
    with pytest.raises(ingest.ImportRefused, match="CSV UTF-8"):
        ingest.import_file(empty_store, out.getvalue(), "reports", file_name="m.xlsx", dry_run=True)


def test_a_workbook_with_too_many_columns_is_refused(empty_store):
    header = [f"kolom{i}" for i in range(300)]
    with pytest.raises(ingest.ImportRefused, match="300 kolommen"):
        ingest.import_file(empty_store, xlsx([header, ["x"] * 300]), "reports", file_name="m.xlsx")


def test_the_mapping_step_reads_the_header_only():
    # A broken row further down does not matter to the column list (the import reports it later).
    data = reports_csv([*utrecht_rows(3), "X;GM0344;01-03-2024;;verbaal;52,09;5,12;te;veel;velden"])
    assert ingest.file_columns(data, "m.csv") == HEADER.split(";")
    with pytest.raises(ingest.ImportRefused, match="kolommen"):
        ingest.read_table(data, "m.csv")


def _circle(vertices: int, lon: float = 5.11, lat: float = 52.09, radius: float = 0.003) -> list:
    ring = [
        [
            lon + radius * math.cos(2 * math.pi * i / vertices),
            lat + radius * 0.6 * math.sin(2 * math.pi * i / vertices),
        ]
        for i in range(vertices)
    ]
    return [*ring, ring[0]]


def test_a_risk_area_with_many_vertices_is_simplified_with_a_warning(empty_store):
    import shapely

    data = risk_area_geojson([("RG1", "GM0344", "Cirkel", "park", _circle(50_000))])
    result = ingest.import_file(empty_store, data, "risk-areas", file_name="rg.geojson")
    assert result.written == 1, result.errors
    assert any("vereenvoudigd" in w for w in result.warnings)
    stored = shapely.from_wkt(empty_store.risk_areas()["geometrie_wkt"].iloc[0])
    assert shapely.get_num_coordinates(stored) <= ingest.limits.MAX_AREA_VERTICES
    original = shapely.Polygon(_circle(50_000))
    assert abs(stored.area - original.area) / original.area < 0.01  # the same place, drawn lighter


def test_a_file_with_a_million_vertices_is_refused(empty_store):
    data = risk_area_geojson([("RG1", "GM0344", "Cirkel", "park", _circle(1_000_000))])
    with pytest.raises(ingest.ImportRefused, match="hoekpunten"):
        ingest.import_file(empty_store, data, "risk-areas", file_name="rg.geojson", dry_run=True)


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_the_mapping_preview_reads_the_top_below_a_title_and_the_import_the_whole_file(suffix):
    # The page's mapping step runs on every click: a broken row past the preview must not stop it.
    rows = [r.split(";") for r in utrecht_rows(30)]
    table = [["Meldingen 2024"], [], HEADER.split(";"), *rows, ["X", "GM0344", "te", "veel", "velden"] * 2]
    data = (
        xlsx(table)
        if suffix == "xlsx"
        else ("\r\n".join(";".join(r) for r in table) + "\r\n").encode("utf-8-sig")
    )
    name = f"m.{suffix}"
    preview, layout = ingest.read_table_layout(data, name, max_rows=10)
    assert layout.header_row == 3 and list(preview.columns) == HEADER.split(";")
    assert list(preview.index) == list(range(4, 14))
    assert preview.loc[4, "melding_id"] == "U0"
    assert ingest.file_columns(data, name) == HEADER.split(";")
    if suffix == "csv":
        with pytest.raises(ingest.ImportRefused, match="kolommen"):
            ingest.read_table(data, name)
    else:  # cells right of the header are not read; the broken row is a row like any other
        assert len(ingest.read_table(data, name)) == 31
