"""Risk-area files are read without GDAL: no server files, no URLs, the format checked by its bytes."""

from __future__ import annotations

import http.server
import threading

import pytest

from tests.db.helpers import UTRECHT_STATION, risk_area_geojson
from vsdash import ingest


def _vrt(source: str) -> bytes:
    """A GDAL virtual-format file that points GDAL at ``source`` (a server path or URL)."""
    return (
        "<OGRVRTDataSource>\n"
        '  <OGRVRTLayer name="stolen">\n'
        f"    <SrcDataSource>{source}</SrcDataSource>\n"
        "  </OGRVRTLayer>\n"
        "</OGRVRTDataSource>\n"
    ).encode()


@pytest.mark.parametrize("file_name", ["rg.geojson", "rg.json", "rg.gpkg"])
def test_vrt_file_named_as_geodata_does_not_read_server_files(empty_store, tmp_path, file_name):
    secret = tmp_path / "geheim.csv"
    secret.write_text("risicogebied_id,wachtwoord\nGEHEIM-1,hunter2\n")
    with pytest.raises(ingest.ImportRefused) as refused:
        ingest.import_file(empty_store, _vrt(str(secret)), "risk-areas", file_name=file_name, dry_run=True)
    assert "geen GeoJSON" in str(refused.value) or "geen GeoPackage" in str(refused.value)
    assert "hunter2" not in str(refused.value) and "GEHEIM" not in str(refused.value)


def test_vsicurl_source_makes_no_request(empty_store):
    requests: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the name http.server calls
            requests.append(self.path)
            self.send_response(404)
            self.end_headers()

        do_HEAD = do_GET  # noqa: N815

        def log_message(self, *args):
            return None

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"/vsicurl/http://127.0.0.1:{server.server_port}/data.csv"
        with pytest.raises(ingest.ImportRefused):
            ingest.import_file(empty_store, _vrt(url), "risk-areas", file_name="rg.geojson", dry_run=True)
    finally:
        server.shutdown()
        server.server_close()
    assert requests == []


def test_geojson_in_rd_new_and_a_real_geopackage_are_read(empty_store, tmp_path):
    import geopandas as gpd
    import shapely

    ring = [list(xy) for xy in zip(*_rd(UTRECHT_STATION), strict=True)]
    data = risk_area_geojson(
        [("RG-RD", "GM0344", "Station", "station_ov", ring)], crs="urn:ogc:def:crs:EPSG::28992"
    )
    result = ingest.import_file(empty_store, data, "risk-areas", file_name="rd.geojson", dry_run=True)
    assert (result.accepted, result.rejected) == (1, 0), result.errors

    frame = gpd.GeoDataFrame(
        {
            "risicogebied_id": ["RG-GP"],
            "gemeentecode": ["GM0344"],
            "naam": ["Station"],
            "type": ["station_ov"],
        },
        geometry=[shapely.Polygon(ring)],
        crs="EPSG:28992",
    )
    path = tmp_path / "rg.gpkg"
    frame.to_file(path, driver="GPKG")
    result = ingest.import_file(empty_store, path.read_bytes(), "risk-areas", file_name="rg.gpkg")
    assert result.written == 1, result.errors
    stored = empty_store.risk_areas()
    assert stored["risicogebied_id"].tolist() == ["RG-GP"]
    assert shapely.from_wkt(stored["geometrie_wkt"].iloc[0]).contains(shapely.Point(5.11, 52.09))


def test_geojson_with_an_unknown_crs_name_is_refused(empty_store):
    data = risk_area_geojson(
        [("RG1", "GM0344", "Station", "station_ov", UTRECHT_STATION)], crs="/vsicurl/http://example.org/crs"
    )
    with pytest.raises(ingest.ImportRefused, match="wordt niet herkend"):
        ingest.import_file(empty_store, data, "risk-areas", file_name="rg.geojson", dry_run=True)


def _rd(ring: list[list[float]]):
    from pyproj import Transformer

    to_rd = Transformer.from_crs("EPSG:4326", "EPSG:28992", always_xy=True)
    return to_rd.transform([p[0] for p in ring], [p[1] for p in ring])
