"""Boundaries, coordinate reference systems and H3 binning.

Municipalities are keyed by CBS code (``GM0363``), wijken by wijkcode (``WK0363AF``); the boundary
year is pinned in ``GEMEENTE_VINTAGE`` / ``WIJK_VINTAGE``. Areas and distances are computed in RD
New (EPSG:28992); frames are converted to WGS84 (EPSG:4326) for maps. Boundary data: CBS, Kadaster
(CC BY 4.0), generalised; see ``BOUNDARY_ATTRIBUTION``.

Loaders read files from ``settings.boundaries_dir()``: the newest vintage fetched at deploy time
with ``python -m vsdash boundaries fetch --year YYYY`` (``cbs-gemeente-YYYY.geojson``, see
``vsdash.boundary_fetch``), else the shipped file. Nothing is downloaded while a page is drawn:
without a file they raise ``BoundariesUnavailable`` with a Dutch explanation; maps catch it and
draw without outlines.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from vsdash import settings

RD_NEW = "EPSG:28992"
WGS84 = "EPSG:4326"
GEMEENTE_VINTAGE = "cbs-gemeente-2025"
WIJK_VINTAGE = "cbs-wijk-2024"
BOUNDARY_ATTRIBUTION = "Bron: CBS, Kadaster (CC BY 4.0)"

GEMEENTE_FILE = "gemeenten.geojson"
WIJK_FILE = "wijken_veilige_steden.geojson"
H3_CHUNK = 1_000_000  # points per chunk: bounds the temporary Python lists to ~100 MB

GEMEENTE_ALIASES = {
    "gemeentecode": ("gemeentecode", "statcode", "gm_code", "gemeente_code", "gmcode", "code"),
    "gemeentenaam": ("gemeentenaam", "statnaam", "gm_naam", "gemeente_naam", "naam", "name"),
}
WIJK_ALIASES = {
    "wijkcode": ("wijkcode", "statcode", "wk_code", "wijk_code", "wkcode", "code"),
    "wijknaam": ("wijknaam", "statnaam", "wk_naam", "wijk_naam", "naam", "name"),
    "gemeentecode": ("gemeentecode", "gm_code", "gemeente_code", "gmcode"),
}
_GEMEENTE_CODE = re.compile(r"^GM\d{4}$")
_WIJK_CODE = re.compile(r"^WK\d{6}$|^WK\d{4}[0-9A-Z]{2}$")


class BoundariesUnavailable(RuntimeError):
    """Boundary files are neither on disk nor downloadable.

    ``str(exc)`` says why in Dutch (command line, logs); ``exc.message(lang)`` in the page's
    language. Picklable, so cached results can carry it.
    """

    def __init__(self, vintage: str, file_name: str, folder: str, layer: str, year: str, cause: str) -> None:
        self.details = dict(
            vintage=vintage, bestand=file_name, map=folder, laag=layer, jaar=year, oorzaak=cause
        )
        super().__init__(self.message("nl"))

    def message(self, lang: str = "nl") -> str:
        from vsdash.i18n import t

        return t("boundaries_unavailable", lang, **self.details)

    def __reduce__(self):
        d = self.details
        return (type(self), (d["vintage"], d["bestand"], d["map"], d["laag"], d["jaar"], d["oorzaak"]))


def reason_text(reason: BoundariesUnavailable | str | None, lang: str = "nl") -> str | None:
    """Why boundaries are missing, in ``lang`` when the reason knows more than one language."""
    return reason.message(lang) if isinstance(reason, BoundariesUnavailable) else reason


class BoundaryFileError(ValueError):
    """A user-supplied boundary file cannot be used; the message names file, column and value."""


# --- loading --------------------------------------------------------------------------------


def load_municipality_boundaries(source: str | os.PathLike | None = None):
    """Return municipality polygons: GeoDataFrame (gemeentecode, gemeentenaam, geometry) in EPSG:4326.

    ``source`` is a user's own GeoJSON or GeoPackage; without it the newest vintage fetched into
    ``settings.boundaries_dir()`` is read, else the shipped CBS 2025 file (``gemeenten.geojson``).
    """
    path = Path(source) if source is not None else _find(GEMEENTE_FILE, GEMEENTE_VINTAGE)
    frame = _read_boundary_file(path)
    frame = normalise_columns(frame, GEMEENTE_ALIASES, path, required=("gemeentecode",))
    frame["gemeentecode"] = [_normalise_gemeentecode(v, path) for v in frame["gemeentecode"]]
    if "gemeentenaam" not in frame.columns:
        frame["gemeentenaam"] = frame["gemeentecode"]
    return _finish(frame, ["gemeentecode", "gemeentenaam"], "gemeentecode", path)


def load_wijk_boundaries(source: str | os.PathLike | None = None):
    """Return wijk polygons: GeoDataFrame (wijkcode, wijknaam, gemeentecode, geometry) in EPSG:4326.

    ``source`` is a user's own GeoJSON or GeoPackage; without it the CBS 2024 wijken of the
    Veilige Steden municipalities (``wijken_veilige_steden.geojson``) are read from
    ``settings.boundaries_dir()``, or the newest vintage fetched there (all of NL).
    """
    path = Path(source) if source is not None else _find(WIJK_FILE, WIJK_VINTAGE)
    frame = _read_boundary_file(path)
    frame = normalise_columns(frame, WIJK_ALIASES, path, required=("wijkcode",))
    frame["wijkcode"] = frame["wijkcode"].astype(str).str.strip().str.upper()
    bad = frame.loc[~frame["wijkcode"].str.match(_WIJK_CODE), "wijkcode"]
    if len(bad):
        raise BoundaryFileError(
            f"{path.name}: kolom wijkcode bevat {bad.iloc[0]!r}; verwacht een CBS-wijkcode zoals 'WK0363AF'."
        )
    if "gemeentecode" not in frame.columns:
        # The CBS wijkcode is 'WK' + 4-digit gemeentenummer + 2-character wijk number.
        frame["gemeentecode"] = "GM" + frame["wijkcode"].str[2:6]
    frame["gemeentecode"] = [_normalise_gemeentecode(v, path) for v in frame["gemeentecode"]]
    if "wijknaam" not in frame.columns:
        frame["wijknaam"] = frame["wijkcode"]
    return _finish(frame, ["wijkcode", "wijknaam", "gemeentecode"], "wijkcode", path)


def _find(file_name: str, vintage: str) -> Path:
    """Return the boundary file to read: the newest fetched vintage, else the shipped file."""
    folder = settings.boundaries_dir()
    kind, year = vintage.rsplit("-", 1)
    fetched = vintage_files(folder, kind)
    if fetched and fetched[0][0] >= int(year):
        return fetched[0][1]
    for candidate in (folder / file_name, folder / f"{vintage}.geojson"):
        if candidate.is_file():
            return candidate
    layer = "gemeente_gegeneraliseerd" if kind == "cbs-gemeente" else "wijk_gegeneraliseerd"
    raise BoundariesUnavailable(vintage, file_name, str(folder), layer, year, "bestand ontbreekt")


def vintage_files(folder: Path, kind: str) -> list[tuple[int, Path]]:
    """Fetched files of one kind (``cbs-gemeente`` or ``cbs-wijk``) in ``folder``, newest first."""
    found = []
    for path in folder.glob(f"{kind}-*.geojson"):
        suffix = path.stem.rsplit("-", 1)[-1]
        if suffix.isdigit() and len(suffix) == 4:
            found.append((int(suffix), path))
    return sorted(found, reverse=True)


def municipality_vintage_year() -> int:
    """The year of the municipal boundaries the maps draw (a fetched newer vintage, else 2025)."""
    shipped = int(GEMEENTE_VINTAGE.rsplit("-", 1)[-1])
    fetched = vintage_files(settings.boundaries_dir(), "cbs-gemeente")
    return max(shipped, fetched[0][0]) if fetched else shipped


def _read_boundary_file(path: Path):
    import geopandas as gpd

    if not path.is_file():
        raise BoundaryFileError(f"Grensbestand {path} bestaat niet.")
    if path.suffix.lower() not in {".geojson", ".json", ".gpkg"}:
        raise BoundaryFileError(
            f"{path.name}: bestandstype {path.suffix or '(geen)'} wordt niet ondersteund; gebruik GeoJSON (.geojson) of GeoPackage (.gpkg)."
        )
    try:
        frame = gpd.read_file(path)
    except Exception as exc:  # noqa: BLE001 (pyogrio raises several types; the user needs one message)
        raise BoundaryFileError(f"{path.name} kan niet gelezen worden als GeoJSON/GeoPackage: {exc}") from exc
    if frame.empty:
        raise BoundaryFileError(f"{path.name} bevat geen gebieden.")
    return _ensure_wgs84(frame, path)


def _ensure_wgs84(frame, path: Path):
    """Set or convert the CRS to EPSG:4326, refusing files without CRS that are not lon/lat."""
    if frame.crs is None:
        minx, miny, maxx, maxy = frame.total_bounds
        if -180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90:
            return frame.set_crs(WGS84)
        raise BoundaryFileError(
            f"{path.name} heeft geen coördinatenstelsel (CRS) en de coördinaten ({minx:.0f}, {miny:.0f}) "
            f"zijn geen lengte-/breedtegraden. Sla het bestand op met een CRS, bijvoorbeeld {RD_NEW} of {WGS84}."
        )
    if frame.crs.equals(WGS84) or frame.crs.to_epsg() == 4326:
        return frame if frame.crs == WGS84 else frame.set_crs(WGS84, allow_override=True)
    return frame.to_crs(WGS84)


def normalise_columns(frame, aliases: dict[str, Sequence[str]], path: Path, required: Sequence[str]):
    lower = {str(c).lower(): c for c in frame.columns if c != "geometry"}
    renames: dict[Any, str] = {}
    for target, names in aliases.items():
        for name in names:
            if name in lower and lower[name] not in renames:
                renames[lower[name]] = target
                break
    frame = frame.rename(columns=renames)
    for target in required:
        if target not in frame.columns:
            raise BoundaryFileError(
                f"{path.name}: geen kolom voor {target}; verwacht een van {list(aliases[target])}, "
                f"gevonden {[c for c in frame.columns if c != 'geometry']}."
            )
    return frame


def _normalise_gemeentecode(value: Any, path: Path) -> str:
    """Return 'GM' + 4 digits for inputs such as 'GM0363', 'gm363', 363 or '0363'."""
    text = str(value).strip().upper()
    digits = text[2:] if text.startswith("GM") else text
    if digits.endswith(".0"):
        digits = digits[:-2]
    if not digits.isdigit() or len(digits) > 4:
        raise BoundaryFileError(
            f"{path.name}: gemeentecode {value!r} is geen CBS-code; verwacht bijvoorbeeld 'GM0363' of 363."
        )
    code = f"GM{int(digits):04d}"
    assert _GEMEENTE_CODE.match(code)
    return code


def _finish(frame, columns: list[str], key: str, path: Path):
    duplicated = frame.loc[frame[key].duplicated(), key]
    if len(duplicated):
        raise BoundaryFileError(f"{path.name}: {key} {duplicated.iloc[0]!r} komt meer dan eens voor.")
    result = frame[[*columns, "geometry"]].copy()
    return result.sort_values(key, ignore_index=True)


# --- CRS ------------------------------------------------------------------------------------


def to_rd(gdf):
    """Return ``gdf`` in RD New (EPSG:28992); it must be in EPSG:4326 or already in RD."""
    _check_crs(gdf, "to_rd")
    return gdf if gdf.crs.to_epsg() == 28992 else gdf.to_crs(RD_NEW)


def to_wgs84(gdf):
    """Return ``gdf`` in WGS84 (EPSG:4326); it must be in EPSG:28992 or already in WGS84."""
    _check_crs(gdf, "to_wgs84")
    return gdf if gdf.crs.to_epsg() == 4326 else gdf.to_crs(WGS84)


def _check_crs(gdf, caller: str) -> None:
    # Only these two occur after loading (files are normalised to 4326); anything else is a bug.
    import geopandas as gpd

    if not isinstance(gdf, gpd.GeoDataFrame | gpd.GeoSeries):
        raise TypeError(f"{caller} expects a GeoDataFrame or GeoSeries, got {type(gdf).__name__}")
    if gdf.crs is None:
        raise ValueError(f"{caller}: geometry has no CRS; expected {WGS84} or {RD_NEW}")
    if gdf.crs.to_epsg() not in (4326, 28992):
        raise ValueError(f"{caller}: expected {WGS84} or {RD_NEW}, got {gdf.crs.to_string()}")


def area_km2(gdf) -> pd.Series:
    """Return the area of each geometry in km², computed in RD New (EPSG:28992)."""
    return to_rd(gdf).area / 1e6


def municipality_centres(gdf, code_col: str = "gemeentecode") -> pd.DataFrame:
    """Return one point inside each area: DataFrame (``code_col``, lat, lon) in WGS84.

    The representative point is computed in RD New (always inside the polygon, unlike a centroid
    of a horseshoe-shaped municipality) and then converted to lon/lat.
    """
    import geopandas as gpd

    rd = to_rd(gdf)
    points = gpd.GeoSeries(rd.geometry.representative_point(), crs=RD_NEW).to_crs(WGS84)
    return pd.DataFrame(
        {code_col: gdf[code_col].to_numpy(), "lat": points.y.to_numpy(), "lon": points.x.to_numpy()}
    )


def point_in_municipality(lat, lon, code, gdf, *, tolerance_m: float = 150.0) -> np.ndarray:
    """Return a boolean array: does each point lie in its municipality (within ``tolerance_m``)?

    ``code`` is one gemeentecode for all points or one per point. The CBS files are generalised to
    about 100 m, so a point just inside a real border can fall just outside the polygon; the
    tolerance (a buffer in RD New) keeps import validation from flagging those. Points with a
    missing coordinate give False.
    """
    import shapely
    from pyproj import Transformer

    lat = np.asarray(lat, dtype=float)
    lon = np.asarray(lon, dtype=float)
    codes = np.broadcast_to(np.asarray(code, dtype=object), lat.shape)
    known = set(gdf["gemeentecode"])
    unknown = sorted({str(c) for c in pd.unique(codes.ravel()) if c not in known})
    if unknown:
        raise ValueError(
            f"onbekende gemeentecode(s) {unknown[:5]}; de grenzen kennen die niet ({GEMEENTE_VINTAGE})"
        )
    x, y = Transformer.from_crs(WGS84, RD_NEW, always_xy=True).transform(lon, lat)
    shapes = to_rd(gdf).set_index("gemeentecode").geometry
    inside = np.zeros(lat.shape, dtype=bool)
    for gm in pd.unique(codes.ravel()):
        rows = codes == gm
        polygon = shapes.loc[gm].buffer(tolerance_m) if tolerance_m else shapes.loc[gm]
        inside[rows] = shapely.contains_xy(polygon, x[rows], y[rows])
    return inside & np.isfinite(lat) & np.isfinite(lon)


# --- H3 -------------------------------------------------------------------------------------


def cells_for_points(lat, lon, res: int) -> np.ndarray:
    """Return the H3 cell of each point as uint64 (0 where a coordinate is missing or invalid).

    Vectorised over numpy arrays in chunks. h3 4.x has no array function, so this maps the
    integer API (no hex-string conversion) over plain Python floats, which is the fastest the
    public API allows: about 2 million points per second per core on the development machine.
    Convert to hex strings for pydeck with ``h3.int_to_str`` on the (few) unique cells.
    """
    from h3.api import basic_int

    if isinstance(res, bool) or not isinstance(res, int | np.integer) or not 0 <= res <= 15:
        raise ValueError(f"H3 resolution must be an int 0..15, got {res!r}")
    lat = np.asarray(lat, dtype=float).ravel()
    lon = np.asarray(lon, dtype=float).ravel()
    if lat.shape != lon.shape:
        raise ValueError(f"lat and lon differ in length: {lat.size} and {lon.size}")
    out = np.zeros(lat.size, dtype=np.uint64)
    valid = np.isfinite(lat) & np.isfinite(lon) & (np.abs(lat) <= 90) & (np.abs(lon) <= 180)
    positions = np.flatnonzero(valid)
    to_cell = basic_int.latlng_to_cell
    for start in range(0, positions.size, H3_CHUNK):
        chunk = positions[start : start + H3_CHUNK]
        lat_list = lat[chunk].tolist()
        out[chunk] = np.fromiter(
            map(to_cell, lat_list, lon[chunk].tolist(), [int(res)] * len(lat_list)),
            dtype=np.uint64,
            count=len(lat_list),
        )
    return out


def cell_boundary_polygons(cells):
    """Return a GeoDataFrame (h3_cell as hex string, geometry) in EPSG:4326 for map layers."""
    import geopandas as gpd
    import h3
    from shapely.geometry import Polygon

    hex_cells = list(dict.fromkeys(c if isinstance(c, str) else h3.int_to_str(int(c)) for c in cells))
    polygons = [Polygon([(lng, lat) for lat, lng in h3.cell_to_boundary(c)]) for c in hex_cells]
    return gpd.GeoDataFrame({"h3_cell": hex_cells}, geometry=polygons, crs=WGS84)
