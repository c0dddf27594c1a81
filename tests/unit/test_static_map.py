"""The map picture of the slides: names placed without overlaps, basemap tiles or a stated fallback."""

from __future__ import annotations

import io
import itertools
import urllib.error
from types import SimpleNamespace

import h3
import pandas as pd
import pytest
from PIL import Image
from shapely.geometry import Point

from vsdash import basemap, static_map
from vsdash.i18n import t

# Real places in Utrecht's centre, a few hundred metres apart, plus one at the east edge next to
# where the colour bar goes: the crowding that made "Neude" and "Utrecht Centraal" overlap.
PLACES = {
    "Neude": (5.1197, 52.0930),
    "Utrecht Centraal": (5.1105, 52.0894),
    "Vredenburg": (5.1139, 52.0921),
    "Janskerkhof": (5.1220, 52.0935),
    "Domplein": (5.1214, 52.0907),
    "Uithof (Utrecht Science Park)": (5.1780, 52.0860),
}


def _deck(places=PLACES, k=5):
    cells = {}
    for i, (lon, lat) in enumerate(places.values()):
        for j, cell in enumerate(h3.grid_disk(h3.latlng_to_cell(lat, lon, 8), 2)):
            cells[cell] = (i * 37 + j * 11) % 300
    hexes = pd.DataFrame({"h3_cell": list(cells), "n": pd.array(list(cells.values()), dtype="Int64")})
    hexes.loc[hexes["n"] < k, "n"] = pd.NA
    hexes["label"] = [f"<{k}" if pd.isna(n) else str(n) for n in hexes["n"]]
    areas = pd.DataFrame(
        {
            "risicogebied_id": [f"RG{i}" for i in range(len(places))],
            "gemeentecode": "GM0344",
            "naam": list(places),
            "type": "uitgaan",
            # Circles of about 150 m, like the demo's risk areas.
            "geometrie_wkt": [Point(lon, lat).buffer(0.0018).wkt for lon, lat in places.values()],
            "n": pd.array(([275, 278, 120, 40, None, 282] * 4)[: len(places)], dtype="Int64"),
        }
    )
    areas["label"] = [f"<{k}" if pd.isna(n) else str(n) for n in areas["n"]]
    return SimpleNamespace(
        lang="nl", k=k, gemeente="GM0344", codes=("GM0344",), hexes=hexes, risk_areas=areas
    )


def _png(colour=(180, 220, 180)) -> bytes:
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


def _offline(url, timeout):
    raise urllib.error.URLError("no network")


def _texts(fig, gid):
    return [a for a in fig.axes[0].texts + fig.texts if a.get_gid() == gid]


@pytest.mark.parametrize("get", [_offline, lambda url, timeout: _png()], ids=["offline", "tiles"])
def test_names_overlap_neither_each_other_nor_the_colour_bar_legend_or_notes(get):
    fig = static_map.risk_area_figure(_deck(), get=get)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    ax, bar = fig.axes
    labels = _texts(fig, static_map.LABEL_GID)
    assert len(labels) >= 4  # crowded, yet most names are on the map
    boxes = [label.get_bbox_patch().get_window_extent(renderer) for label in labels]
    for a, b in itertools.combinations(boxes, 2):
        assert not a.overlaps(b), "two names overlap"
    others = [bar.get_tightbbox(renderer), ax.get_legend().get_window_extent(renderer)]
    others += [n.get_window_extent(renderer) for n in _texts(fig, static_map.NOTE_GID)]
    for box in boxes:
        assert all(not box.overlaps(other) for other in others), (
            "a name covers the colour bar, legend or a note"
        )
        assert ax.get_window_extent(renderer).contains(box.x0, box.y0)
        assert ax.get_window_extent(renderer).contains(box.x1, box.y1)
    named = {label.get_text().rsplit(" (", 1)[0] for label in labels}
    assert {"Neude", "Utrecht Centraal", "Uithof (Utrecht Science Park)"} <= named  # the busiest first


def test_without_network_the_map_says_it_shows_boundaries_only():
    fig = static_map.risk_area_figure(_deck(), get=_offline)
    notes = [n.get_text() for n in _texts(fig, static_map.NOTE_GID)]
    assert "Achtergrondkaart niet bereikbaar; alleen gemeentegrenzen" in notes
    assert not fig.axes[0].images
    assert not any("PDOK BRT-Achtergrondkaart" in n for n in notes)


def test_with_tiles_the_basemap_lies_under_the_cells_with_its_attribution():
    fig = static_map.risk_area_figure(_deck(), get=lambda url, timeout: _png())
    ax = fig.axes[0]
    [image] = ax.images
    left, right, bottom, top = image.get_extent()
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    assert left <= x0 and right >= x1 and bottom <= y0 and top >= y1  # the tiles fill the view
    cells = [c for c in ax.collections if c.get_zorder() == 2]  # the hexagons, one collection per kind
    assert cells and image.get_zorder() < min(c.get_zorder() for c in cells)
    notes = [n.get_text() for n in _texts(fig, static_map.NOTE_GID)]
    assert any(
        "Kaart: PDOK BRT-Achtergrondkaart (Kadaster)" in n and "Bron: CBS, Kadaster" in n for n in notes
    )
    assert t("map_basemap_unavailable", "nl") not in notes


def test_names_that_find_no_room_are_counted_in_a_note():
    # Twenty areas on one spot: not all names can fit, and the picture says how many are missing.
    crowded = {f"Plein {i}": (5.1197 + i * 0.0004, 52.0930) for i in range(20)}
    fig = static_map.risk_area_figure(_deck(crowded), get=_offline)
    shown = len(_texts(fig, static_map.LABEL_GID))
    assert 0 < shown < 20
    notes = [n.get_text() for n in _texts(fig, static_map.NOTE_GID)]
    assert t("map_names_dropped", "nl", n=20 - shown) in notes


def test_names_from_files_are_drawn_as_typed_not_as_mathtext():
    places = {"Plein $5 & 10%_korting$": (5.1197, 52.0930), "Station": (5.1105, 52.0894)}
    fig = static_map.risk_area_figure(_deck(places), get=_offline)
    fig.canvas.draw()  # mathtext would fail or swallow the dollars here
    texts = {label.get_text() for label in _texts(fig, static_map.LABEL_GID)}
    assert any(text.startswith("Plein $5 & 10%_korting$ (") for text in texts), texts


@pytest.mark.parametrize("hatched", [True, False], ids=["hidden cells", "perturbed"])
def test_the_slide_map_names_grey_hatching_only_when_it_draws_some(hatched):
    """Perturbed counts are never hidden (ADR 0006): no grey legend entry or note for what is not drawn."""
    from vsdash import deck_text

    k = 5
    deck = _deck(k=k)
    if not hatched:  # published as perturbed counts: a small cell shows as k (or is left out)
        deck.hexes["n"] = deck.hexes["n"].fillna(k)
        deck.hexes["label"] = deck.hexes["n"].astype(str)
    assert deck.hexes["n"].isna().any() == hatched
    fig = static_map.risk_area_figure(deck, get=_offline)
    legend = [text.get_text() for text in fig.axes[0].get_legend().get_texts()]
    assert (t("map_legend_hidden", "nl", k=k) in legend) == hatched
    assert ("grijs" in deck_text.map_lines(deck)[0]) == hatched
