"""Read risk areas from GeoJSON or GeoPackage into text properties and WGS84 polygons."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from vsdash.ingest.readers import GEO_SUFFIXES
from vsdash.ingest.results import ImportRefused


def _read_risk_areas(data: bytes, file_name: str):
    """Read polygons with their properties; return (text frame, WGS84 geometry series)."""
    import tempfile

    import geopandas as gpd

    from vsdash import geo

    suffix = Path(file_name).suffix.lower()
    if suffix not in GEO_SUFFIXES:
        raise ImportRefused(
            f"{file_name}: risicogebieden worden ingelezen uit GeoJSON (.geojson) of GeoPackage (.gpkg), niet uit {suffix or 'dit bestandstype'}."
        )
    if not data.strip():
        raise ImportRefused(f"{file_name} is leeg.")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"upload{suffix}"
        path.write_bytes(data)
        try:
            frame = gpd.read_file(path)
        except Exception as exc:  # noqa: BLE001 - pyogrio raises many types for broken files
            raise ImportRefused(
                f"{file_name} kan niet gelezen worden als GeoJSON/GeoPackage ({type(exc).__name__})."
            ) from exc
    if frame.empty:
        raise ImportRefused(f"{file_name} bevat geen gebieden.")
    if frame.crs is None:
        raise ImportRefused(
            f"{file_name} heeft geen coördinatenstelsel (CRS); sla het op met EPSG:4326 (WGS84) of EPSG:28992 (RD New)."
        )
    try:
        if frame.crs.to_epsg() not in (4326, 28992):
            frame = frame.to_crs(geo.WGS84)
        frame = geo.to_wgs84(frame)
    except Exception as exc:  # noqa: BLE001 - pyproj errors for unknown CRSs
        raise ImportRefused(
            f"{file_name}: coördinatenstelsel {frame.crs} kan niet worden omgezet naar WGS84 ({exc})."
        ) from exc
    geometry = frame.geometry
    text = pd.DataFrame(frame.drop(columns=frame.geometry.name)).fillna("").astype(str)
    text.index = pd.RangeIndex(2, len(text) + 2)  # feature 1 is "row 2", as in the table imports
    geometry.index = text.index
    return text, geometry
