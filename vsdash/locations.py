"""Where a report happened, as municipal exports write it: RD or WGS84 coordinates, wijk codes or names.

Dutch municipal systems export points in Rijksdriehoek (RD New, EPSG:28992): X about 7.000 to
300.000 and Y about 289.000 to 629.000 metres. The store needs WGS84 (EPSG:4326) to place a
report in an H3 cell, a wijk and a risk area (the coordinates themselves are then dropped, ADR
0001). This module recognises RD columns by name or by their values, converts them with pyproj,
reads WGS84 written with decimal commas, and matches wijk names on the CBS boundary file.
"""

from __future__ import annotations

import functools
import re

import numpy as np
import pandas as pd

from vsdash.sheet_layout import normalise_label

RD_X_RANGE = (0.0, 300_000.0)
RD_Y_RANGE = (289_000.0, 629_000.0)
# The Netherlands in WGS84, as the import checks latitude and longitude.
LAT_RANGE = (50.6, 53.7)
LON_RANGE = (3.2, 7.3)

RD_X_NAMES = (
    "x",
    "rd_x",
    "x_rd",
    "rdx",
    "x_coordinaat",
    "xcoordinaat",
    "coordinaat_x",
    "x_coord",
    "xcoord",
    "coord_x",
    "locatie_x",
    "x_locatie",
)
RD_Y_NAMES = tuple(name.replace("x", "y") for name in RD_X_NAMES)

_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d*)?$")
_PLAIN = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")
_WIJK_CODE = re.compile(r"^WK\d{6}$|^WK\d{4}[0-9A-Z]{2}$")
# Share of filled cells that must fall in range before a column is taken for RD by its values.
VALUE_SHARE = 0.8


def parse_decimal(text: pd.Series, thousands: bool = False) -> pd.Series:
    """Numbers with a decimal comma or point ('52,0907', '5.8611'); NaN where unreadable.

    With ``thousands`` a point between groups of three digits is a thousands separator
    ('187.123,5' is 187123.5), as Excel writes RD metres; latitudes never use one.
    """
    text = text.fillna("").astype(str).str.strip()
    if thousands:
        grouped = text.str.match(_THOUSANDS)
        if grouped.any():
            text = text.where(~grouped, text.str.replace(".", "", regex=False))
    text = text.str.replace(",", ".", regex=False)
    number = pd.to_numeric(text, errors="coerce")
    # to_numeric also reads '1e5' and 'inf'; a coordinate in a file is written out plainly.
    readable = number.notna()
    if readable.any():
        number = number.where(~readable | text.str.match(_PLAIN))
    return number


def _share_in(values: pd.Series, lo: float, hi: float) -> float:
    present = values.dropna()
    return 0.0 if present.empty else float(((present >= lo) & (present <= hi)).mean())


def rd_columns_by_name(columns) -> tuple[str | None, str | None]:
    """The columns named as RD X and Y ('X', 'X-coördinaat', 'rd_x', ...), or None for each."""
    by_label = {normalise_label(c): c for c in columns}
    x = next((by_label[n] for n in RD_X_NAMES if n in by_label), None)
    y = next((by_label[n] for n in RD_Y_NAMES if n in by_label), None)
    return x, y


def rd_columns_by_value(frame: pd.DataFrame, candidates=None) -> tuple[str, str] | None:
    """Two columns whose numbers lie in the RD ranges (X, then Y), or None.

    Only Y is distinctive (289.000 to 629.000 metres); X is then a column with non-whole
    metres or a column next to it, so an id column of numbers is not mistaken for X.
    """
    names = [c for c in (candidates if candidates is not None else frame.columns) if c in frame.columns]
    numbers = {c: parse_decimal(frame[c], thousands=True) for c in names}
    ys = [c for c in names if numbers[c].notna().any() and _share_in(numbers[c], *RD_Y_RANGE) >= VALUE_SHARE]
    for y in ys:
        position = list(frame.columns).index(y)
        xs = [
            c
            for c in names
            if c != y
            and numbers[c].notna().any()
            and _share_in(numbers[c], 7_000.0, RD_X_RANGE[1]) >= VALUE_SHARE
            and _share_in(numbers[c], *RD_Y_RANGE) < VALUE_SHARE
        ]
        # Prefer the column just before Y (X, Y is how every export orders them).
        xs.sort(key=lambda c: abs(list(frame.columns).index(c) - position))
        if xs:
            return xs[0], y
    return None


def looks_like_rd(first: pd.Series, second: pd.Series) -> pd.Series:
    """Per row: are these two 'latitude/longitude' values really RD metres (in either order)?"""
    a = parse_decimal(first, thousands=True)
    b = parse_decimal(second, thousands=True)

    def inside(v, rng):
        return (v >= rng[0]) & (v <= rng[1])

    return (inside(a, RD_Y_RANGE) & inside(b, RD_X_RANGE)) | (inside(a, RD_X_RANGE) & inside(b, RD_Y_RANGE))


@functools.lru_cache(maxsize=1)
def _rd_to_wgs84():
    from pyproj import Transformer

    return Transformer.from_crs("EPSG:28992", "EPSG:4326", always_xy=True)


def rd_to_wgs84(x, y) -> tuple[np.ndarray, np.ndarray]:
    """Convert RD New (EPSG:28992) metres to WGS84; returns (lat, lon) in degrees."""
    lon, lat = _rd_to_wgs84().transform(np.asarray(x, dtype=float), np.asarray(y, dtype=float))
    return np.asarray(lat, dtype=float), np.asarray(lon, dtype=float)


def convert_rd_text(
    x_text: pd.Series, y_text: pd.Series
) -> tuple[pd.Series, pd.Series, pd.Series, pd.Series]:
    """Read RD X/Y text cells and convert them; return (lat, lon, bad_x, bad_y).

    ``bad_x``/``bad_y`` mark filled cells that are unreadable or outside the RD ranges; their
    rows get no coordinates. An empty pair is simply a report without a location.
    """
    x = parse_decimal(x_text, thousands=True)
    y = parse_decimal(y_text, thousands=True)
    filled_x = x_text.fillna("").astype(str).str.strip() != ""
    filled_y = y_text.fillna("").astype(str).str.strip() != ""
    bad_x = filled_x & ~x.between(*RD_X_RANGE)
    bad_y = filled_y & ~y.between(*RD_Y_RANGE)
    usable = x.between(*RD_X_RANGE) & y.between(*RD_Y_RANGE) & ~bad_x & ~bad_y
    lat = pd.Series(np.nan, index=x_text.index)
    lon = pd.Series(np.nan, index=x_text.index)
    if usable.any():
        lat_values, lon_values = rd_to_wgs84(x[usable], y[usable])
        lat.loc[usable] = lat_values
        lon.loc[usable] = lon_values
    return lat, lon, bad_x, bad_y


# -- wijken by code or by name ---------------------------------------------------------------------


def _wijk_keys(name: str, gemeentenaam: str) -> set[str]:
    """The ways an export may write a wijk name: 'Nijmegen-Oost', 'Oost', 'Wijk 02 Oost'."""
    key = normalise_label(name)
    keys = {key, re.sub(r"^wijk_\d+_", "", key)}
    prefix = normalise_label(gemeentenaam)
    if prefix:
        keys |= {k[len(prefix) + 1 :] for k in list(keys) if k.startswith(prefix + "_")}
    return {k for k in keys if k}


def wijk_lookup(
    wijken: pd.DataFrame, gemeentenamen: dict[str, str] | None = None
) -> dict[tuple[str, str], str]:
    """``{(gemeentecode, name key): wijkcode}`` from a boundary table (wijkcode, wijknaam, gemeentecode).

    Names that would point to two wijken of one municipality are left out, so a match is never a guess.
    """
    names = gemeentenamen or {}
    found: dict[tuple[str, str], set[str]] = {}
    for code, naam, gemeente in wijken[["wijkcode", "wijknaam", "gemeentecode"]].itertuples(index=False):
        for key in _wijk_keys(str(naam), names.get(gemeente, "")):
            found.setdefault((gemeente, key), set()).add(code)
    return {k: next(iter(v)) for k, v in found.items() if len(v) == 1}


def match_wijken(text: pd.Series, gemeentecodes: pd.Series, lookup: dict[tuple[str, str], str]) -> pd.Series:
    """Each cell as a CBS wijkcode: codes pass through, names are matched within their municipality.

    Returns NA where a filled cell is neither a code nor a known wijk name of that municipality.
    """
    cleaned = text.fillna("").astype(str).str.strip()
    upper = cleaned.str.upper()
    is_code = upper.str.match(_WIJK_CODE)
    keys = cleaned.map(normalise_label)
    by_name = pd.Series(
        [lookup.get((str(g), k)) for g, k in zip(gemeentecodes.fillna(""), keys, strict=True)],
        index=text.index,
        dtype=object,
    )
    out = upper.where(is_code, by_name)
    return out.where(cleaned != "", None)


def known_wijk_names(wijken: pd.DataFrame, gemeentecode: str, limit: int = 12) -> list[str]:
    """The wijk names of one municipality, for an error message that says what is allowed."""
    own = wijken.loc[wijken["gemeentecode"] == gemeentecode, "wijknaam"].astype(str)
    return sorted(own.unique())[:limit]
