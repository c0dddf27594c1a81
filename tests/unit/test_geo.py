"""Tests for vsdash.geo: CBS boundary loading, CRS conversion and H3 helpers.

The real CBS files ship in ``data/boundaries`` (provenance in its SOURCES.md); the ``cbs_dir``
fixture uses them, or the folder in VSDASH_BOUNDARIES_DIR.
"""

from __future__ import annotations

import os
from pathlib import Path

import geopandas as gpd
import h3
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import Point, box

from vsdash import geo

REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def cbs_dir(monkeypatch) -> Path:
    """The folder with the CBS boundary files, set as VSDASH_BOUNDARIES_DIR."""
    configured = os.environ.get("VSDASH_BOUNDARIES_DIR")
    folder = Path(configured) if configured else REPO_ROOT / "data" / "boundaries"
    if not (folder / geo.GEMEENTE_FILE).is_file() or not (folder / geo.WIJK_FILE).is_file():
        pytest.skip(
            f"CBS boundary files not found in {folder}: set VSDASH_BOUNDARIES_DIR to the folder "
            f"holding {geo.GEMEENTE_FILE} and {geo.WIJK_FILE} (see data/boundaries/SOURCES.md)"
        )
    monkeypatch.setenv("VSDASH_BOUNDARIES_DIR", str(folder))
    return folder


@pytest.fixture
def gemeenten(cbs_dir):
    return geo.load_municipality_boundaries()


@pytest.fixture
def offline_empty_dir(tmp_path, monkeypatch) -> Path:
    """An empty boundaries folder; any attempt to reach the network fails the test."""
    monkeypatch.setenv("VSDASH_BOUNDARIES_DIR", str(tmp_path))
    monkeypatch.setattr("urllib.request.urlopen", _no_network)
    return tmp_path


def _no_network(*args, **kwargs):
    raise AssertionError("boundaries must never be downloaded while a page is drawn")


@pytest.fixture
def single_rectangle_rd() -> gpd.GeoDataFrame:
    """One 2 km x 1 km municipality near Amersfoort, in RD New."""
    return gpd.GeoDataFrame(
        {"GM_CODE": [307], "GM_NAAM": ["Proefgemeente"]},
        geometry=[box(154_000, 462_000, 156_000, 463_000)],
        crs=geo.RD_NEW,
    )


# --- loading the CBS files ----------------------------------------------------------------------


def test_municipalities_2025(gemeenten):
    assert len(gemeenten) == 342
    assert list(gemeenten.columns) == ["gemeentecode", "gemeentenaam", "geometry"]
    assert gemeenten.crs.to_epsg() == 4326
    amsterdam = gemeenten.loc[gemeenten["gemeentecode"] == "GM0363", "gemeentenaam"]
    assert amsterdam.item() == "Amsterdam"
    assert gemeenten["gemeentecode"].is_unique


def test_wijken_2024(cbs_dir):
    wijken = geo.load_wijk_boundaries()
    assert len(wijken) == 492
    assert list(wijken.columns) == ["wijkcode", "wijknaam", "gemeentecode", "geometry"]
    assert wijken.crs.to_epsg() == 4326
    assert (wijken["gemeentecode"] == "GM" + wijken["wijkcode"].str[2:6]).all()
    assert (wijken["gemeentecode"] == "GM0363").sum() == 110


def test_vintages_are_pinned():
    assert geo.GEMEENTE_VINTAGE == "cbs-gemeente-2025"
    assert geo.WIJK_VINTAGE == "cbs-wijk-2024"


def test_area_of_amsterdam_is_about_219_km2(gemeenten):
    area = geo.area_km2(gemeenten.loc[gemeenten["gemeentecode"] == "GM0363"]).item()
    assert area == pytest.approx(219, rel=0.10)


def test_centres_lie_inside_their_municipality(gemeenten):
    centres = geo.municipality_centres(gemeenten)
    assert list(centres.columns) == ["gemeentecode", "lat", "lon"]
    inside = geo.point_in_municipality(
        centres["lat"], centres["lon"], centres["gemeentecode"], gemeenten, tolerance_m=0
    )
    assert inside.all()


def test_point_in_municipality_flags_a_rotterdam_address_for_amsterdam(gemeenten):
    lat = [52.3731, 51.9225, np.nan]  # Dam square, Rotterdam Coolsingel, missing
    lon = [4.8926, 4.4792, 4.9]
    assert geo.point_in_municipality(lat, lon, "GM0363", gemeenten).tolist() == [True, False, False]
    with pytest.raises(ValueError, match="onbekende gemeentecode"):
        geo.point_in_municipality(lat, lon, "GM9999", gemeenten)


# --- CRS ----------------------------------------------------------------------------------------


def test_round_trip_wgs84_rd_wgs84(gemeenten):
    back = geo.to_wgs84(geo.to_rd(gemeenten))
    assert back.crs.to_epsg() == 4326
    original = gemeenten.get_coordinates().to_numpy()
    assert np.abs(back.get_coordinates().to_numpy() - original).max() < 1e-6


def test_amersfoort_tower_rd_to_wgs84():
    tower = gpd.GeoDataFrame(geometry=[Point(155_000, 463_000)], crs=geo.RD_NEW)
    point = geo.to_wgs84(tower).geometry.iloc[0]
    assert point.y == pytest.approx(52.1552, abs=1e-3)
    assert point.x == pytest.approx(5.3872, abs=1e-3)


def test_crs_checks_name_what_they_got():
    web_mercator = gpd.GeoDataFrame(geometry=[Point(0, 0)], crs="EPSG:3857")
    with pytest.raises(ValueError, match="EPSG:3857"):
        geo.to_rd(web_mercator)
    with pytest.raises(ValueError, match="no CRS"):
        geo.to_wgs84(gpd.GeoDataFrame(geometry=[Point(0, 0)]))
    with pytest.raises(TypeError, match="DataFrame"):
        geo.area_km2(pd.DataFrame({"x": [1]}))


# --- user files ---------------------------------------------------------------------------------


def test_user_geojson_in_rd_is_reprojected_and_normalised(tmp_path, single_rectangle_rd):
    path = tmp_path / "eigen_grenzen.geojson"
    single_rectangle_rd.to_file(path, driver="GeoJSON")
    loaded = geo.load_municipality_boundaries(path)
    assert loaded.crs.to_epsg() == 4326
    assert loaded["gemeentecode"].tolist() == ["GM0307"]
    assert loaded["gemeentenaam"].tolist() == ["Proefgemeente"]
    minx, miny, maxx, maxy = loaded.total_bounds
    assert 5.3 < minx < maxx < 5.5 and 52.1 < miny < maxy < 52.2
    assert geo.area_km2(loaded).item() == pytest.approx(2.0, rel=1e-3)


@pytest.mark.filterwarnings("ignore:'crs' was not provided")
def test_user_geopackage_without_crs_and_lonlat_coordinates_is_taken_as_wgs84(tmp_path):
    path = tmp_path / "wijken.gpkg"
    frame = gpd.GeoDataFrame(
        {"statcode": ["WK036300"], "naam": ["Centrum"]}, geometry=[box(4.88, 52.36, 4.9, 52.38)]
    )
    frame.to_file(path, driver="GPKG")
    loaded = geo.load_wijk_boundaries(path)
    assert loaded.crs.to_epsg() == 4326
    assert loaded[["wijkcode", "wijknaam", "gemeentecode"]].iloc[0].tolist() == [
        "WK036300",
        "Centrum",
        "GM0363",
    ]


@pytest.mark.filterwarnings("ignore:'crs' was not provided")
def test_user_file_without_crs_in_metres_is_refused(tmp_path, single_rectangle_rd):
    path = tmp_path / "zonder_crs.gpkg"
    single_rectangle_rd.set_crs(None, allow_override=True).to_file(path, driver="GPKG")
    with pytest.raises(geo.BoundaryFileError, match="geen coördinatenstelsel"):
        geo.load_municipality_boundaries(path)


def test_user_file_without_code_column_is_refused_by_name(tmp_path, single_rectangle_rd):
    path = tmp_path / "zonder_code.geojson"
    single_rectangle_rd[["geometry"]].assign(iets=["x"]).to_file(path, driver="GeoJSON")
    with pytest.raises(geo.BoundaryFileError, match=r"zonder_code\.geojson: geen kolom voor gemeentecode"):
        geo.load_municipality_boundaries(path)


# --- offline ------------------------------------------------------------------------------------


def test_offline_without_files_raises_boundaries_unavailable_in_dutch(offline_empty_dir):
    with pytest.raises(geo.BoundariesUnavailable, match="Geen grenzen beschikbaar") as info:
        geo.load_municipality_boundaries()
    assert "PDOK" in str(info.value) and "VSDASH_BOUNDARIES_DIR" in str(info.value)
    with pytest.raises(geo.BoundariesUnavailable, match="cbs-wijk-2024"):
        geo.load_wijk_boundaries()


def test_a_fetched_newer_vintage_is_preferred_over_the_shipped_file(offline_empty_dir, single_rectangle_rd):
    import shutil

    shutil.copy(REPO_ROOT / "data" / "boundaries" / geo.GEMEENTE_FILE, offline_empty_dir / geo.GEMEENTE_FILE)
    assert len(geo.load_municipality_boundaries()) == 342
    assert geo.municipality_vintage_year() == 2025
    newer = geo.to_wgs84(single_rectangle_rd.rename(columns={"GM_CODE": "statcode", "GM_NAAM": "statnaam"}))
    (offline_empty_dir / "cbs-gemeente-2026.geojson").write_text(newer.to_json())
    (offline_empty_dir / "cbs-gemeente-2019.geojson").write_text(newer.to_json())  # older: ignored
    assert geo.load_municipality_boundaries()["gemeentecode"].tolist() == ["GM0307"]
    assert geo.municipality_vintage_year() == 2026


# --- H3 -----------------------------------------------------------------------------------------


def test_cells_for_points_matches_h3_and_marks_invalid_points():
    lat = np.array([52.3731, 51.9225, np.nan, 95.0])
    lon = np.array([4.8926, 4.4792, 4.9, 4.9])
    cells = geo.cells_for_points(lat, lon, 8)
    assert cells.dtype == np.uint64
    assert [h3.int_to_str(int(c)) for c in cells[:2]] == [
        h3.latlng_to_cell(52.3731, 4.8926, 8),
        h3.latlng_to_cell(51.9225, 4.4792, 8),
    ]
    assert cells[2:].tolist() == [0, 0]


def test_cells_for_points_across_chunks(monkeypatch):
    monkeypatch.setattr(geo, "H3_CHUNK", 7)
    rng = np.random.default_rng(42)
    lat, lon = rng.uniform(52.3, 52.4, 50), rng.uniform(4.8, 5.0, 50)
    expected = [h3.str_to_int(h3.latlng_to_cell(a, b, 7)) for a, b in zip(lat, lon, strict=True)]
    assert geo.cells_for_points(lat, lon, 7).tolist() == expected


def test_cell_boundary_polygons_are_lonlat_hexagons():
    cell = h3.latlng_to_cell(52.3731, 4.8926, 8)
    polygons = geo.cell_boundary_polygons([cell, h3.str_to_int(cell)])
    assert polygons["h3_cell"].tolist() == [cell]  # ints and strings of one cell collapse to one
    assert polygons.crs.to_epsg() == 4326
    assert polygons.geometry.iloc[0].contains(Point(4.8926, 52.3731))
    assert len(polygons.geometry.iloc[0].exterior.coords) == 7


# issue 17: the shipped boundary files are exactly the ones SOURCES.md describes
def test_shipped_boundary_files_match_their_provenance():
    import hashlib
    import re

    folder = REPO_ROOT / "data" / "boundaries"
    sources = (folder / "SOURCES.md").read_text(encoding="utf-8")
    assert "Bron: CBS, Kadaster (CC BY 4.0)" in sources
    for name in (geo.GEMEENTE_FILE, geo.WIJK_FILE):
        recorded = re.search(rf"`{re.escape(name)}`: `([0-9a-f]{{64}})`", sources).group(1)
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == recorded, name


def test_the_default_boundaries_folder_is_the_shipped_one(monkeypatch):
    from vsdash import settings

    monkeypatch.delenv("VSDASH_BOUNDARIES_DIR", raising=False)
    assert settings.boundaries_dir() == REPO_ROOT / "data" / "boundaries"
    monkeypatch.setattr("urllib.request.urlopen", _no_network)
    assert len(geo.load_municipality_boundaries()) == 342
