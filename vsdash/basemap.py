"""Street basemap: PDOK's BRT-Achtergrondkaart as XYZ tiles (Web Mercator), for the browser and pictures.

The BRT-Achtergrondkaart is the government's standard background map (Kadaster, via PDOK, no key,
CC BY 4.0). Two uses:

- the Kaart page: the browser loads the tiles straight from PDOK (``deck_tiles`` lists the tile
  URLs and bounds; ``vsdash.maps`` draws them as BitmapLayers under the hexagons). No report data
  goes to PDOK: a tile request names only a tile of the Netherlands.
- the map picture of the slides and the PDF: ``mosaic`` fetches the few tiles server side with a
  short timeout and keeps them in a small on-disk cache. Without network it returns None and the
  picture is drawn with the municipal boundaries only, saying so on the map.

``VSDASH_BASEMAP_URL`` sets another tile server (an own cache or mirror) or ``uit`` for none.
No streamlit here.
"""

from __future__ import annotations

import hashlib
import io
import math
import os
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from vsdash import settings

PDOK_BRT_URL = "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png"
TILE_PX = 256
MAX_ZOOM = 19  # PDOK serves EPSG:3857 tiles up to level 19
MIN_ZOOM = 6  # below this PDOK's tiles hold little of the Netherlands
FETCH_TIMEOUT_S = 3.0
# After a failed fetch the server does not try again for a while, so that building several
# pictures offline does not wait for a timeout each time.
RETRY_AFTER_S = 300.0
# Kadaster updates the BRT-Achtergrondkaart every few months; a cached tile is fetched anew after this.
CACHE_MAX_AGE_S = 30 * 24 * 3600.0
_EARTH_RADIUS_M = 6378137.0

_unreachable_until = 0.0


class BasemapUnavailable(RuntimeError):
    """The tile server could not be reached or sent something that is not a tile."""


def template() -> str | None:
    """Return the tile URL template in use (``{z}/{x}/{y}``), or None when the basemap is off."""
    return settings.basemap_url()


def tile_url(z: int, x: int, y: int, url_template: str | None = None) -> str:
    """Return the URL of one tile (XYZ scheme: y counts down from the north)."""
    return (url_template or PDOK_BRT_URL).format(z=z, x=x, y=y)


# --- Web Mercator ---------------------------------------------------------------------------


def mercator(lon, lat) -> tuple[np.ndarray, np.ndarray]:
    """Convert lon/lat (EPSG:4326, degrees) to Web Mercator metres (EPSG:3857)."""
    lon, lat = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    x = np.radians(lon) * _EARTH_RADIUS_M
    y = np.log(np.tan(np.pi / 4 + np.radians(lat) / 2)) * _EARTH_RADIUS_M
    return x, y


def tile_of(lon: float, lat: float, z: int) -> tuple[float, float]:
    """Return the fractional XYZ tile coordinates of a point at zoom ``z``."""
    n = 2**z
    x = (lon + 180.0) / 360.0 * n
    y = (1.0 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2.0 * n
    return x, y


def tile_bounds(z: int, x: int, y: int) -> tuple[float, float, float, float]:
    """Return (west, south, east, north) of a tile in degrees."""
    n = 2**z

    def lat(row: float) -> float:
        return math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * row / n))))

    return (x / n * 360.0 - 180.0, lat(y + 1), (x + 1) / n * 360.0 - 180.0, lat(y))


def tiles_for_bounds(bounds: tuple[float, float, float, float], z: int) -> list[tuple[int, int, int]]:
    """Return the (z, x, y) tiles that cover ``bounds`` (west, south, east, north, degrees)."""
    west, south, east, north = bounds
    x0, y0 = tile_of(west, north, z)
    x1, y1 = tile_of(east, south, z)
    top = 2**z - 1
    xs = range(max(0, int(x0)), min(top, int(x1)) + 1)
    ys = range(max(0, int(y0)), min(top, int(y1)) + 1)
    return [(z, x, y) for y in ys for x in xs]


def zoom_for_bounds(bounds: tuple[float, float, float, float], *, max_tiles: int, width_px: int) -> int:
    """Return the sharpest zoom at which ``bounds`` needs at most ``max_tiles`` tiles.

    Never sharper than needed for ``width_px`` pixels across the bounds (a tile more detailed than
    the picture only costs requests), and within PDOK's levels.
    """
    west, _south, east, _north = bounds
    span = max(east - west, 1e-6)
    enough = math.ceil(math.log2(max(width_px / TILE_PX, 1) * 360.0 / span))
    z = max(MIN_ZOOM, min(MAX_ZOOM, enough))
    while z > MIN_ZOOM and len(tiles_for_bounds(bounds, z)) > max_tiles:
        z -= 1
    return z


# --- the browser's tiles --------------------------------------------------------------------


def deck_tiles(
    bounds: tuple[float, float, float, float] | None,
    *,
    url_template: str | None = None,
    max_tiles: int = 48,
    width_px: int = 1400,
    pad: float = 0.5,
) -> list[dict]:
    """Return the tiles the browser loads for a map of ``bounds``: ``url``, ``bounds`` and ``id``.

    ``bounds`` are padded by ``pad`` of their size on each side, so a reader can pan a little.
    The zoom keeps the number of tiles at ``max_tiles`` or fewer. Empty when there are no bounds
    or the basemap is off (``url_template`` None and ``VSDASH_BASEMAP_URL=uit``).
    """
    url_template = url_template or template()
    if bounds is None or url_template is None:
        return []
    west, south, east, north = bounds
    dx, dy = (east - west) * pad, (north - south) * pad
    padded = (west - dx, max(south - dy, -85.0), east + dx, min(north + dy, 85.0))
    z = zoom_for_bounds(padded, max_tiles=max_tiles, width_px=width_px)
    return [
        {
            "id": f"achtergrond-{z}-{x}-{y}",
            "url": tile_url(z, x, y, url_template),
            "bounds": [round(v, 6) for v in tile_bounds(z, x, y)],
        }
        for z, x, y in tiles_for_bounds(padded, z)
    ]


# --- server-side tiles for pictures ----------------------------------------------------------


@dataclass(frozen=True)
class Mosaic:
    """Tiles stitched into one RGB image, with its extent in Web Mercator metres."""

    image: np.ndarray  # height x width x 3, uint8
    extent: tuple[float, float, float, float]  # (left, right, bottom, top), as imshow wants it
    zoom: int


def cache_dir() -> Path:
    """Return the folder where fetched tiles are kept (``$XDG_CACHE_HOME/vsdash/tiles``)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "vsdash" / "tiles"


def _http_get(url: str, timeout: float) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": "vsdash (Veilige Steden dashboard)"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return response.read()


def fetch_tile(
    z: int,
    x: int,
    y: int,
    *,
    url_template: str,
    cache: Path | None,
    timeout: float = FETCH_TIMEOUT_S,
    get: Callable[[str, float], bytes] = _http_get,
) -> bytes:
    """Return one tile's PNG bytes, from ``cache`` when there and fresh, else fetched (and cached).

    A cached tile older than ``CACHE_MAX_AGE_S`` is fetched again, and kept when that fails.
    Raises ``BasemapUnavailable`` when the server cannot be reached in ``timeout`` seconds or sends
    something that is not a PNG image, and no cached tile is at hand.
    """
    url = tile_url(z, x, y, url_template)
    path = None
    if cache is not None:
        # One folder per template, so a changed VSDASH_BASEMAP_URL never serves old tiles.
        key = hashlib.sha256(url_template.encode()).hexdigest()[:12]
        path = cache / key / str(z) / str(x) / f"{y}.png"
        if path.is_file() and time.time() - path.stat().st_mtime < CACHE_MAX_AGE_S:
            return path.read_bytes()
    try:
        data = get(url, timeout)
        if not data.startswith(b"\x89PNG"):
            raise ValueError("geen PNG-afbeelding ontvangen")
    except (urllib.error.URLError, OSError, TimeoutError, ValueError) as exc:
        if path is not None and path.is_file():
            return path.read_bytes()  # an old tile beats no tile; the next fetch tries again
        raise BasemapUnavailable(f"{url}: {exc}") from exc
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            tmp.write_bytes(data)
            tmp.replace(path)  # atomic, so a half-written tile is never read back
        except OSError:
            pass  # a read-only disk only costs the cache
    return data


def mosaic(
    bounds: tuple[float, float, float, float],
    *,
    url_template: str | None = None,
    cache: Path | None = None,
    max_tiles: int = 16,
    width_px: int = 1400,
    get: Callable[[str, float], bytes] = _http_get,
) -> Mosaic | None:
    """Fetch and stitch the tiles under ``bounds`` (degrees); None when the basemap cannot be had.

    At most ``max_tiles`` requests, each with a short timeout; the first failure ends the attempt
    (and further attempts for ``RETRY_AFTER_S``), so a picture drawn offline waits seconds at most.
    """
    from PIL import Image

    global _unreachable_until
    url_template = url_template or template()
    if url_template is None or time.monotonic() < _unreachable_until:
        return None
    cache = cache_dir() if cache is None else cache
    z = zoom_for_bounds(bounds, max_tiles=max_tiles, width_px=width_px)
    tiles = tiles_for_bounds(bounds, z)
    xs = sorted({x for _, x, _ in tiles})
    ys = sorted({y for _, _, y in tiles})
    canvas = Image.new("RGB", (len(xs) * TILE_PX, len(ys) * TILE_PX), "white")
    for _, x, y in tiles:
        try:
            data = fetch_tile(z, x, y, url_template=url_template, cache=cache, get=get)
            tile = Image.open(io.BytesIO(data)).convert("RGB")
        except (BasemapUnavailable, OSError):
            _unreachable_until = time.monotonic() + RETRY_AFTER_S
            return None
        if tile.size != (TILE_PX, TILE_PX):
            tile = tile.resize((TILE_PX, TILE_PX))
        canvas.paste(tile, ((x - xs[0]) * TILE_PX, (y - ys[0]) * TILE_PX))
    west, _, _, north = tile_bounds(z, xs[0], ys[0])  # the north-west tile
    _, south, east, _ = tile_bounds(z, xs[-1], ys[-1])  # the south-east tile
    (left, right), (bottom, top) = mercator([west, east], [south, north])
    return Mosaic(np.asarray(canvas), (float(left), float(right), float(bottom), float(top)), z)


def reset_unreachable() -> None:
    """Forget an earlier failure, so the next ``mosaic`` tries the server again (tests, settings change)."""
    global _unreachable_until
    _unreachable_until = 0.0
