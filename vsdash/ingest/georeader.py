"""Read risk areas from GeoJSON or GeoPackage into text properties and WGS84 polygons.

Uploaded geodata never goes through GDAL: GDAL opens any format it recognises whatever the file
is called (a VRT text file saved as ``.geojson`` reads server files; ``/vsicurl/`` makes the server
fetch a URL). GeoJSON is parsed with :mod:`json`, a GeoPackage with :mod:`sqlite3` opened
read-only and untrusted, and the geometry with shapely. Each format is recognised by its first
bytes, not by its name, and the number of areas and vertices is counted before any geometry is
built (limits in ``vsdash.ingest.limits``).
"""

from __future__ import annotations

import json
import re
import sqlite3
import tempfile
from pathlib import Path

import pandas as pd

from vsdash.ingest.limits import MAX_GEO_VERTICES, MAX_RISK_AREAS
from vsdash.ingest.readers import GEO_SUFFIXES
from vsdash.ingest.results import ImportRefused

SQLITE_MAGIC = b"SQLite format 3\x00"
GPKG_APPLICATION_IDS = (b"GPKG", b"GP10", b"GP11")
# WGS84 as GeoJSON (RFC 7946) assumes it, and RD New, the Dutch grid; other CRSs are converted.
_EPSG_IN_NAME = re.compile(r"EPSG(?:::?|:\d*(?:\.\d+)*:)(\d{4,5})$|CRS84$", re.IGNORECASE)
# SQLite virtual-machine steps allowed while reading one GeoPackage (a view could loop forever).
_SQLITE_STEP_BUDGET = 50_000_000


def _read_risk_areas(data: bytes, file_name: str):
    """Read polygons with their properties; return (text frame, WGS84 geometry series)."""
    import geopandas as gpd

    from vsdash import geo

    suffix = Path(file_name).suffix.lower()
    if suffix not in GEO_SUFFIXES:
        raise ImportRefused(
            f"{file_name}: risicogebieden worden ingelezen uit GeoJSON (.geojson) of GeoPackage (.gpkg), niet uit {suffix or 'dit bestandstype'}."
        )
    if not data.strip():
        raise ImportRefused(f"{file_name} is leeg.")
    if suffix == ".gpkg":
        properties, geometries, epsg = _read_geopackage(data, file_name)
    else:
        properties, geometries, epsg = _read_geojson(data, file_name)
    if not geometries:
        raise ImportRefused(f"{file_name} bevat geen gebieden.")
    if epsg is None:
        raise ImportRefused(
            f"{file_name} heeft geen coördinatenstelsel (CRS); sla het op met EPSG:4326 (WGS84) of EPSG:28992 (RD New)."
        )
    frame = gpd.GeoDataFrame(pd.DataFrame(properties), geometry=gpd.GeoSeries(geometries), crs=f"EPSG:{epsg}")
    try:
        if epsg not in (4326, 28992):
            frame = frame.to_crs(geo.WGS84)
        frame = geo.to_wgs84(frame)
    except Exception as exc:  # noqa: BLE001 - pyproj errors for unknown CRSs
        raise ImportRefused(
            f"{file_name}: coördinatenstelsel EPSG:{epsg} kan niet worden omgezet naar WGS84 ({exc})."
        ) from exc
    geometry = frame.geometry
    text = pd.DataFrame(frame.drop(columns=frame.geometry.name)).fillna("").astype(str)
    text.index = pd.RangeIndex(2, len(text) + 2)  # feature 1 is "row 2", as in the table imports
    geometry.index = text.index
    return text, geometry


def _check_count(features: int, vertices: int, file_name: str) -> None:
    if features > MAX_RISK_AREAS:
        raise ImportRefused(
            f"{file_name} bevat meer dan {MAX_RISK_AREAS:,} gebieden; splits het bestand.".replace(",", ".")
        )
    if vertices > MAX_GEO_VERTICES:
        raise ImportRefused(
            f"{file_name} bevat meer dan {MAX_GEO_VERTICES:,} hoekpunten; dat is te gedetailleerd voor "
            "een risicogebied. Vereenvoudig de vlakken in de GIS-software (bijvoorbeeld tot op 1 meter) "
            "en lees het bestand opnieuw in.".replace(",", ".")
        )


# -- GeoJSON --------------------------------------------------------------------------------------------


def _read_geojson(data: bytes, file_name: str):
    """Return (properties, shapely geometries, EPSG code) of a GeoJSON file."""
    import shapely

    text = data.removeprefix(b"\xef\xbb\xbf").lstrip()
    if not text.startswith(b"{"):
        raise ImportRefused(
            f"{file_name} is geen GeoJSON: een GeoJSON-bestand begint met '{{' "
            "(sla de risicogebieden op als GeoJSON of GeoPackage)."
        )
    try:
        doc = json.loads(text)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise ImportRefused(f"{file_name} is geen geldige GeoJSON (JSON onleesbaar: {exc}).") from None
    if not isinstance(doc, dict) or doc.get("type") not in ("FeatureCollection", "Feature"):
        raise ImportRefused(
            f"{file_name} is geen GeoJSON-FeatureCollection; sla de risicogebieden op als GeoJSON."
        )
    features = doc.get("features", []) if doc["type"] == "FeatureCollection" else [doc]
    if not isinstance(features, list):
        raise ImportRefused(f"{file_name}: 'features' is geen lijst; dit is geen geldige GeoJSON.")
    vertices = 0
    for feature in features:
        vertices += _count_positions(feature.get("geometry") if isinstance(feature, dict) else None)
        _check_count(len(features), vertices, file_name)
    properties, geometries = [], []
    for number, feature in enumerate(features, start=1):
        if not isinstance(feature, dict):
            raise ImportRefused(f"{file_name}: gebied {number} is geen GeoJSON-Feature.")
        props = feature.get("properties") or {}
        properties.append({str(k): _text(v) for k, v in props.items()} if isinstance(props, dict) else {})
        geometry = feature.get("geometry")
        try:
            geometries.append(None if geometry is None else shapely.from_geojson(json.dumps(geometry)))
        except shapely.errors.GEOSException as exc:
            raise ImportRefused(
                f"{file_name}: gebied {number} heeft een onleesbare geometrie ({exc})."
            ) from None
    return properties, geometries, _geojson_epsg(doc, file_name)


def _count_positions(geometry) -> int:
    """The number of coordinate pairs in a GeoJSON geometry, counted without building it."""
    if not isinstance(geometry, dict):
        return 0
    if geometry.get("type") == "GeometryCollection":
        return sum(_count_positions(g) for g in geometry.get("geometries") or [])
    stack, count = [geometry.get("coordinates")], 0
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            if item and not isinstance(item[0], list):
                count += 1
            else:
                stack.extend(item)
    return count


def _geojson_epsg(doc: dict, file_name: str) -> int:
    """The EPSG code of a GeoJSON's (pre-RFC 7946) ``crs`` member; WGS84 when there is none."""
    crs = doc.get("crs")
    if crs is None:
        return 4326
    name = crs.get("properties", {}).get("name") if isinstance(crs, dict) else None
    found = _EPSG_IN_NAME.search(str(name or "").strip())
    if not found:
        raise ImportRefused(
            f"{file_name}: coördinatenstelsel {name!r} wordt niet herkend; gebruik EPSG:4326 (WGS84) of "
            "EPSG:28992 (RD New)."
        )
    return int(found[1]) if found[1] else 4326


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


# -- GeoPackage -----------------------------------------------------------------------------------------


def _read_geopackage(data: bytes, file_name: str):
    """Return (properties, shapely geometries, EPSG code) of the first feature table of a GeoPackage."""
    if not data.startswith(SQLITE_MAGIC) or data[68:72] not in GPKG_APPLICATION_IDS:
        raise ImportRefused(
            f"{file_name} is geen GeoPackage (een .gpkg-bestand begint met de SQLite-kop en 'GPKG'); "
            "sla de risicogebieden op als GeoPackage of GeoJSON."
        )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "upload.gpkg"
        path.write_bytes(data)
        con = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
        try:
            return _read_geopackage_tables(con, file_name)
        except sqlite3.Error as exc:
            raise ImportRefused(
                f"{file_name} kan niet gelezen worden als GeoPackage ({type(exc).__name__}: {exc})."
            ) from None
        finally:
            con.close()


def _read_geopackage_tables(con: sqlite3.Connection, file_name: str):
    # Views and triggers in an uploaded database are not the file's owner's to run on our server.
    con.execute("PRAGMA trusted_schema = OFF")
    steps = {"left": _SQLITE_STEP_BUDGET // 1000}

    def budget() -> int:
        steps["left"] -= 1
        return 1 if steps["left"] < 0 else 0

    con.set_progress_handler(budget, 1000)
    found = con.execute(
        "SELECT c.table_name, g.column_name, g.srs_id FROM gpkg_contents c "
        "JOIN gpkg_geometry_columns g ON g.table_name = c.table_name "
        "JOIN sqlite_master m ON m.name = c.table_name AND m.type = 'table' "
        "WHERE c.data_type = 'features' ORDER BY c.table_name LIMIT 1"
    ).fetchone()
    if found is None:
        raise ImportRefused(f"{file_name}: de GeoPackage bevat geen tabel met vlakken.")
    table, geom_column, srs_id = found
    epsg = _geopackage_epsg(con, srs_id)
    quoted = '"' + table.replace('"', '""') + '"'
    (count,) = con.execute(f"SELECT count(*) FROM {quoted}").fetchone()
    _check_count(count, 0, file_name)
    cursor = con.execute(f"SELECT * FROM {quoted}")
    names = [d[0] for d in cursor.description]
    properties, geometries, vertices = [], [], 0
    for row in cursor:
        record = dict(zip(names, row, strict=True))
        geometry = _gpkg_geometry(record.pop(geom_column), file_name)
        vertices += 0 if geometry is None else _num_coordinates(geometry)
        _check_count(count, vertices, file_name)
        properties.append({k: _text(v) for k, v in record.items() if k != "fid"})
        geometries.append(geometry)
    return properties, geometries, epsg


def _geopackage_epsg(con: sqlite3.Connection, srs_id: int) -> int | None:
    row = con.execute(
        "SELECT organization, organization_coordsys_id FROM gpkg_spatial_ref_sys WHERE srs_id = ?", (srs_id,)
    ).fetchone()
    # srs_id 0 and -1 are the standard's "undefined" systems.
    if row is None or srs_id in (0, -1) or str(row[0]).upper() != "EPSG":
        return None
    return int(row[1])


def _gpkg_geometry(blob, file_name: str):
    """Decode a GeoPackage geometry blob (header + WKB) with shapely."""
    import shapely

    if blob is None:
        return None
    blob = bytes(blob)
    if len(blob) < 8 or blob[:2] != b"GP":
        raise ImportRefused(f"{file_name}: een geometrie in de GeoPackage is beschadigd.")
    flags = blob[3]
    envelope = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}.get((flags >> 1) & 0b111)
    if envelope is None:
        raise ImportRefused(f"{file_name}: een geometrie in de GeoPackage is beschadigd.")
    try:
        return shapely.from_wkb(blob[8 + envelope :])
    except shapely.errors.GEOSException as exc:
        raise ImportRefused(f"{file_name}: een geometrie in de GeoPackage is onleesbaar ({exc}).") from None


def _num_coordinates(geometry) -> int:
    import shapely

    return int(shapely.get_num_coordinates(geometry))
