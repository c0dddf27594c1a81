"""The street basemap: PDOK's URL template, tile arithmetic, server-side fetching, cache and fallback."""

from __future__ import annotations

import http.server
import io
import socket
import threading
import urllib.error

import numpy as np
import pytest
from PIL import Image

from vsdash import basemap, settings

DOM = (5.1214, 52.0907)  # the Domtoren, Utrecht


def _png(colour=(200, 30, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (256, 256), colour).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def _fresh(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("VSDASH_BASEMAP_URL", raising=False)
    basemap.reset_unreachable()
    yield
    basemap.reset_unreachable()


def test_the_default_template_is_pdoks_brt_achtergrondkaart_in_web_mercator():
    assert settings.basemap_url() == basemap.PDOK_BRT_URL
    assert basemap.tile_url(12, 2106, 1348) == (
        "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/12/2106/1348.png"
    )


def test_the_basemap_can_be_switched_off_or_pointed_elsewhere(monkeypatch):
    monkeypatch.setenv("VSDASH_BASEMAP_URL", "uit")
    assert basemap.template() is None
    assert basemap.deck_tiles((5.0, 52.0, 5.2, 52.2)) == []
    assert basemap.mosaic((5.0, 52.0, 5.2, 52.2)) is None
    monkeypatch.setenv("VSDASH_BASEMAP_URL", "https://tegels.example.nl/{z}/{x}/{y}.png")
    assert basemap.template() == "https://tegels.example.nl/{z}/{x}/{y}.png"


@pytest.mark.parametrize("value", ["ftp://x/{z}/{x}/{y}.png", "https://tegels.example.nl/kaart.png"])
def test_a_wrong_basemap_url_is_refused_in_dutch(value):
    with pytest.raises(settings.SettingsError, match="VSDASH_BASEMAP_URL.*\\{z\\}, \\{x\\} en \\{y\\}"):
        settings.check({"VSDASH_BASEMAP_URL": value})


def test_the_tile_of_a_point_contains_it_and_matches_pyproj():
    from pyproj import Transformer

    x, y = basemap.tile_of(*DOM, 12)
    assert (int(x), int(y)) == (2106, 1351)  # slippy-map formula, worked by hand
    west, south, east, north = basemap.tile_bounds(12, int(x), int(y))
    assert west <= DOM[0] <= east and south <= DOM[1] <= north
    to_3857 = Transformer.from_crs("EPSG:4326", "EPSG:3857", always_xy=True)
    mx, my = basemap.mercator(*DOM)
    assert (float(mx), float(my)) == pytest.approx(to_3857.transform(*DOM), abs=0.01)
    # A tile is a square in Web Mercator: 2 * 20037508.34 m / 2**z on each side.
    (left, right), (bottom, top) = basemap.mercator([west, east], [south, north])
    side = 2 * 20037508.342789244 / 2**12
    assert right - left == pytest.approx(side, rel=1e-9) and top - bottom == pytest.approx(side, rel=1e-9)


def test_the_browser_gets_few_tiles_covering_the_map_with_room_to_pan():
    bounds = (5.02, 52.03, 5.20, 52.14)  # about the city of Utrecht
    tiles = basemap.deck_tiles(bounds, max_tiles=48)
    assert 4 <= len(tiles) <= 48
    assert all(t["url"].startswith("https://service.pdok.nl/") for t in tiles)
    west = min(t["bounds"][0] for t in tiles)
    south = min(t["bounds"][1] for t in tiles)
    east = max(t["bounds"][2] for t in tiles)
    north = max(t["bounds"][3] for t in tiles)
    assert west < bounds[0] and south < bounds[1] and east > bounds[2] and north > bounds[3]
    assert len({t["id"] for t in tiles}) == len(tiles)


def test_a_mosaic_stitches_the_tiles_in_place_and_caches_them(tmp_path):
    asked = []

    def get(url, timeout):
        asked.append(url)
        z, x, y = (int(p) for p in url.removesuffix(".png").split("/")[-3:])
        # Colour each tile by its position, to see that it lands in the right place.
        return _png(((x % 2) * 200, (y % 2) * 200, 50))

    bounds = (5.05, 52.05, 5.15, 52.12)
    first = basemap.mosaic(bounds, get=get, max_tiles=16)
    assert first is not None and asked
    tiles = basemap.tiles_for_bounds(bounds, first.zoom)
    assert len(asked) == len(tiles) <= 16
    xs = sorted({x for _, x, _ in tiles})
    ys = sorted({y for _, _, y in tiles})
    assert first.image.shape == (len(ys) * 256, len(xs) * 256, 3)
    top_left = first.image[10, 10]
    assert tuple(top_left) == ((xs[0] % 2) * 200, (ys[0] % 2) * 200, 50)
    left, right, bottom, top = first.extent
    (bl, br), (bb, bt) = basemap.mercator(bounds[0::2], bounds[1::2])
    assert left <= bl and right >= br and bottom <= bb and top >= bt
    # Second time from the cache: no requests.
    asked.clear()
    second = basemap.mosaic(bounds, get=get, max_tiles=16)
    assert asked == [] and np.array_equal(second.image, first.image)


def test_without_network_the_mosaic_is_none_quickly_and_not_retried_at_once():
    calls = []

    def offline(url, timeout):
        calls.append(url)
        raise urllib.error.URLError("Name or service not known")

    assert basemap.mosaic((5.05, 52.05, 5.15, 52.12), get=offline) is None
    assert len(calls) == 1  # the first failure ends the attempt
    assert basemap.mosaic((5.05, 52.05, 5.15, 52.12), get=offline) is None
    assert len(calls) == 1  # and later pictures do not wait for the same timeout


def test_a_server_that_sends_no_png_counts_as_unreachable():
    with pytest.raises(basemap.BasemapUnavailable, match="geen PNG"):
        basemap.fetch_tile(1, 0, 0, url_template=basemap.PDOK_BRT_URL, cache=None, get=lambda u, t: b"<html>")


def test_an_old_cached_tile_is_fetched_again_and_kept_when_that_fails(tmp_path):
    import os
    import time

    fresh, old = _png((1, 2, 3)), _png((9, 9, 9))
    first = basemap.fetch_tile(
        5, 16, 10, url_template=basemap.PDOK_BRT_URL, cache=tmp_path, get=lambda u, t: old
    )
    [path] = tmp_path.rglob("10.png")
    month_ago = time.time() - basemap.CACHE_MAX_AGE_S - 60
    os.utime(path, (month_ago, month_ago))
    offline = basemap.fetch_tile(5, 16, 10, url_template=basemap.PDOK_BRT_URL, cache=tmp_path, get=_refuse)
    assert offline == first == old  # PDOK unreachable: the old tile still serves
    again = basemap.fetch_tile(
        5, 16, 10, url_template=basemap.PDOK_BRT_URL, cache=tmp_path, get=lambda u, t: fresh
    )
    assert again == fresh and path.read_bytes() == fresh


def _refuse(url, timeout):
    raise urllib.error.URLError("no network")


class _TileHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - the name http.server calls
        body = _png((10, 120, 200))
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def test_tiles_come_from_a_real_http_server_and_then_from_the_disk_cache(tmp_path):
    server = http.server.HTTPServer(("127.0.0.1", 0), _TileHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    template = f"http://127.0.0.1:{server.server_port}/tegels/{{z}}/{{x}}/{{y}}.png"
    try:
        data = basemap.fetch_tile(12, 2106, 1348, url_template=template, cache=tmp_path)
    finally:
        server.shutdown()
        server.server_close()
    assert data.startswith(b"\x89PNG")
    # The server is gone; the tile still comes back, from the cache.
    assert basemap.fetch_tile(12, 2106, 1348, url_template=template, cache=tmp_path) == data


def test_a_server_that_does_not_answer_times_out():
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(1)  # accepts the connection, never answers
    template = f"http://127.0.0.1:{silent.getsockname()[1]}/{{z}}/{{x}}/{{y}}.png"
    try:
        with pytest.raises(basemap.BasemapUnavailable):
            basemap.fetch_tile(1, 0, 0, url_template=template, cache=None, timeout=0.3)
    finally:
        silent.close()
