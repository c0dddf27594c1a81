"""``vsdash boundaries fetch``: paging through an OGC API Features service at deploy time.

The service is a small HTTP server on loopback that serves the shipped CBS municipalities in pages
of 100 with ``next`` links, as PDOK's OGC API does, plus a water-only part of one municipality.
"""

from __future__ import annotations

import http.server
import json
import threading
import urllib.parse
from pathlib import Path

import pytest

from vsdash import boundary_fetch, cli, geo

REPO_ROOT = Path(__file__).resolve().parents[2]
PAGE = 100


def _features() -> list[dict]:
    shipped = json.loads((REPO_ROOT / "data" / "boundaries" / geo.GEMEENTE_FILE).read_text())
    features = []
    for feature in shipped["features"]:
        props = feature["properties"]
        code = props.get("statcode") or props.get("gemeentecode")
        name = props.get("statnaam") or props.get("gemeentenaam")
        features.append(
            {**feature, "properties": {"gemeentecode": code, "gemeentenaam": name, "water": "NEE"}}
        )
    # The wijk- en buurtkaart carries water as separate parts of a municipality: dropped on fetch.
    water = {**features[0], "properties": {**features[0]["properties"], "water": "JA"}}
    return [*features, water]


class _OgcApi(http.server.BaseHTTPRequestHandler):
    features: list[dict] = []
    requests: list[str] = []
    broken = False

    def do_GET(self):  # noqa: N802 - the name http.server calls
        type(self).requests.append(self.path)
        url = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(url.query))
        if type(self).broken:
            body = b"<html>onderhoud</html>"
        else:
            offset = int(query.get("offset", 0))
            page = type(self).features[offset : offset + PAGE]
            links = []
            if offset + PAGE < len(type(self).features):
                links.append(
                    {"rel": "next", "href": f"{url.path}?f=json&limit={PAGE}&offset={offset + PAGE}"}
                )
            body = json.dumps({"type": "FeatureCollection", "features": page, "links": links}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/geo+json")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def service():
    _OgcApi.features, _OgcApi.requests, _OgcApi.broken = _features(), [], False
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _OgcApi)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/cbs/wijken-en-buurten-{{year}}/ogc/v1"
    server.shutdown()


def test_the_cli_fetches_every_page_and_the_maps_use_the_new_vintage(service, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("VSDASH_BOUNDARIES_DIR", str(tmp_path))
    code = cli.main(["boundaries", "fetch", "--year", "2026", "--kind", "gemeente", "--url", service])
    assert code == 0, capsys.readouterr()
    assert "342 gebieden in 4 pagina's" in capsys.readouterr().out
    assert (
        _OgcApi.requests[0]
        == "/cbs/wijken-en-buurten-2026/ogc/v1/collections/gemeenten/items?f=json&limit=1000"
    )
    assert len(_OgcApi.requests) == 4
    loaded = geo.load_municipality_boundaries()
    assert len(loaded) == 342 and loaded["gemeentecode"].is_unique  # the water part was dropped
    assert geo.municipality_vintage_year() == 2026
    provenance = json.loads((tmp_path / "cbs-gemeente-2026.bron.json").read_text())
    assert provenance["licentie"] == "CC BY 4.0" and provenance["gebieden"] == 342
    assert provenance["naamsvermelding"] == geo.BOUNDARY_ATTRIBUTION


def test_a_broken_answer_is_explained_and_leaves_the_folder_as_it_was(service, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("VSDASH_BOUNDARIES_DIR", str(tmp_path))
    (tmp_path / geo.GEMEENTE_FILE).write_bytes(
        (REPO_ROOT / "data" / "boundaries" / geo.GEMEENTE_FILE).read_bytes()
    )
    before = sorted(p.name for p in tmp_path.iterdir())
    _OgcApi.broken = True
    code = cli.main(["boundaries", "fetch", "--year", "2026", "--url", service])
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith("Fout: Ophalen bij PDOK lukte niet") and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert geo.municipality_vintage_year() == 2025


def test_unusable_features_are_refused_by_the_apps_own_checks(service, tmp_path):
    _OgcApi.features = [
        {**f, "properties": {**f["properties"], "gemeentecode": "Utrecht"}} for f in _features()[:3]
    ]
    with pytest.raises(boundary_fetch.FetchError, match="niet bruikbaar"):
        boundary_fetch.fetch(2026, "gemeente", folder=tmp_path, base_url=service)
    assert list(tmp_path.iterdir()) == []


def test_an_impossible_year_is_refused_in_dutch(tmp_path):
    with pytest.raises(boundary_fetch.FetchError, match="Jaar 1850 kan niet"):
        boundary_fetch.fetch(1850, "gemeente", folder=tmp_path)
