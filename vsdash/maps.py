"""pydeck maps for the Kaart page and the map export: report density, risk areas, before/after.

Every builder returns a ``MapSpec``: the Deck, a one-sentence text alternative with the key
numbers, the table behind the map (privacy applied) and the legend entries (colour + text), so
the page only draws. No streamlit here.

Privacy (decided in ``vsdash.privacy``, applied here before anything reaches a layer):

- Reports reach the map only as counts per H3 resolution-8 cell, per risk area or per
  municipality; never a point per report. ``privacy.assert_no_raw_coordinates`` checks every
  layer's data (municipality centres pass as one point per area).
- Hexagons with 1..k-1 reports keep their place on the map but get a neutral grey and the label
  ``"<k"``; cells that would let a reader compute such a count from the municipality total get
  grey and ``"x"`` (complementary suppression, ``privacy.suppress_small_counts`` grouped by
  municipality). We chose labelling over merging small cells into coarser parents
  (``privacy.coarsen_cells``): merging mixes hexagon sizes on one map, the larger parent then
  looks busier than its children, and a merged parent can still be small. Grey cells say "few
  reports here" honestly without a number.

Colours: counts use a colour-blind-safe sequential palette (viridis, reversed so that busier is
darker on the light map); changes use the diverging PuOr palette (ColorBrewer), also safe for
the common forms of colour blindness. Colour is never the only carrier: every cell's tooltip
and the tables give the number as text, and the legend names each colour.

Basemap: PDOK's BRT-Achtergrondkaart (Kadaster, the government's standard background map, no
key), drawn as one BitmapLayer per tile (``vsdash.basemap.deck_tiles``) over the land fill and
under the data. The browser loads the tiles from PDOK; a tile request names only a tile of the
Netherlands, never anything about reports. When PDOK cannot be reached the tiles stay empty and
the land fill with the municipality and wijk boundaries (CBS/Kadaster) below them is the basemap,
as a note under every map says. No map style of Streamlit's (``map_provider=None``): that would
load Carto's or Mapbox's tiles from a third party. Without boundaries the map still shows
hexagons, risk areas and municipality centres.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import pydeck as pdk

from vsdash import basemap, geo, metrics, palette, privacy
from vsdash.i18n import fmt_count, fmt_date, fmt_number, in_sentence, t

if TYPE_CHECKING:  # plotly loads only when a trend is drawn
    from vsdash import charts

H3_RESOLUTION = 8
NETHERLANDS = (3.36, 50.75, 7.22, 53.55)  # lon/lat bounds of the national view
MAP_HEIGHT_PX = 560
_MAP_WIDTH_PX = 700  # the map column in the wide layout, for fitting the initial view
_NAME_SIZE_PX = 14  # risk-area names on the map
_NAME_CHAR_PX = 8.5  # a generous average width of one character of a name at that size

SUPPRESSED_COLOUR = palette.SUPPRESSED_COLOUR
PERTURBED_ATTR = "perturbed"  # attrs flag of a frame whose counts are cell-key perturbed (ADR 0006)
NOT_COMPARABLE_COLOUR = palette.SUPPRESSED_COLOUR
SEQUENTIAL, DIVERGING = palette.SEQUENTIAL, palette.DIVERGING
LAND_COLOUR = "#f3f0e8"
CONTEXT_LAND_COLOUR = "#fafaf7"
BOUNDARY_COLOUR = "#6e6e6e"
WIJK_COLOUR = "#9b9b9b"
RISK_AREA_COLOUR = "#111111"
HALO_COLOUR = "#ffffff"
CENTRE_COLOUR = "#0072B2"  # Okabe-Ito blue

LAYER_HEXES = "meldingen"
LAYER_RISK_AREAS = "risicogebieden"
LAYER_MUNICIPALITIES = "gemeenten"
LAYER_TOTALS = "gemeentetotalen"
LAYER_CENTRES = "gemeentecentra"
LAYER_NAMES = "gemeentenamen"
LAYER_AREA_NAMES = "risicogebiednamen"
# Layers with one point per municipality (its centre): allowed, unlike points per report.
AREA_POINT_LAYERS = (LAYER_CENTRES, LAYER_TOTALS, LAYER_NAMES)
# Layers with one point per risk area (inside its published outline, for its name): allowed too.
RISK_AREA_POINT_LAYERS = (LAYER_AREA_NAMES,)

# A literal string: pydeck turns a plain str into an "@@=" accessor expression, which deck.gl then
# compiles into a function, so the font family never reached the text layers.
_FONT = pdk.types.String("Source Sans Pro, Arial, sans-serif")

_TOOLTIP_STYLE = {
    "backgroundColor": "#ffffff",
    "color": "#1a1a1a",
    "border": "1px solid #6e6e6e",
    "fontSize": "14px",
    "fontFamily": "Source Sans Pro, Arial, sans-serif",
    "maxWidth": "320px",
}


@dataclass
class LegendEntry:
    """One colour of a map with the text that says what it means."""

    colour: str
    label: str
    shape: str = "fill"  # "fill" (a filled swatch), "line" (an outline swatch) or "note" (text only)


@dataclass
class MapSpec:
    """A map with its one-sentence text alternative, the table behind it and its legend.

    ``table`` has one row per shape of the map's main layer (hexagon or municipality);
    ``more_tables`` holds, by caption, the data of further layers (risk areas), like
    ``charts.ChartSpec.more_tables``: together the tables carry what the map shows.
    """

    deck: pdk.Deck
    alt: str
    table: pd.DataFrame
    legend: list[LegendEntry] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    more_tables: dict[str, pd.DataFrame] = field(default_factory=dict)


@dataclass(frozen=True)
class Boundaries:
    """Boundary polygons prepared for a map (records for PolygonLayers), or why they are missing.

    ``municipalities`` and ``wijken`` hold one record per polygon part: ``code``, ``naam``,
    ``polygon`` (rings of [lon, lat] rounded to 4 decimals), ``tooltip`` and ``focus`` (whether the
    municipality is the selected one). ``bounds`` is (min lon, min lat, max lon, max lat) of the
    selected area.
    """

    municipalities: tuple[dict, ...] = ()
    wijken: tuple[dict, ...] = ()
    bounds: tuple[float, float, float, float] | None = None
    missing_reason: str | None = None


# --- colours and classes --------------------------------------------------------------------


def _rgba(hex_colour: str, alpha: int = 255) -> list[int]:
    value = hex_colour.lstrip("#")
    return [int(value[i : i + 2], 16) for i in (0, 2, 4)] + [alpha]


def _nice(value: float) -> int:
    """Round a class edge to the nearest of 1, 2, 5 x 10^m (8 -> 10, 37 -> 50, 260 -> 200)."""
    if value <= 0:
        return 0
    magnitude = 10 ** int(math.floor(math.log10(value)))
    steps = np.array([1, 2, 5, 10]) * magnitude
    return int(steps[np.argmin(np.abs(np.log(steps / value)))])


def count_classes(values: Sequence[float], k: int, n: int = len(SEQUENTIAL)) -> list[int]:
    """Return the lower edges of up to ``n`` count classes, the first being ``k``.

    Edges are spaced evenly on a log scale between ``k`` and the largest visible count, rounded to
    1, 2 or 5 times a power of ten, so the legend reads "5–9, 10–19, 20–49, 50–99, ≥ 100".
    """
    visible = np.asarray([v for v in values if v is not None and not pd.isna(v) and v >= k], dtype=float)
    edges = {int(k)}
    if visible.size and visible.max() > k:
        for q in np.geomspace(k, visible.max(), n + 1)[1:-1]:
            edge = _nice(q)
            if edge > k:
                edges.add(edge)
    return sorted(edges)[:n]


def _class_colours(n_classes: int) -> list[str]:
    """Pick ``n_classes`` colours spread over the sequential palette (light to dark)."""
    if n_classes >= len(SEQUENTIAL):
        return list(SEQUENTIAL)
    idx = np.round(np.linspace(0, len(SEQUENTIAL) - 1, n_classes)).astype(int)
    return [SEQUENTIAL[i] for i in idx]


def _class_labels(edges: list[int], lang: str) -> list[str]:
    labels = []
    for i, low in enumerate(edges):
        if i + 1 < len(edges):
            labels.append(f"{fmt_number(low, lang)}–{fmt_number(edges[i + 1] - 1, lang)}")
        else:
            labels.append(f"≥ {fmt_number(low, lang)}")
    return labels


def _classify(count, edges: list[int]) -> int | None:
    """Index of the class of a visible count; None for hidden counts and zero."""
    if count is None or pd.isna(count) or count < edges[0]:
        return None
    return int(np.searchsorted(edges, count, side="right") - 1)


def _count_legend(shown: pd.DataFrame, lang: str, k: int, note_key: str) -> list[LegendEntry]:
    """Colour classes of ``shown`` (``hex_cells``, ``municipality_totals``), grey only where it is drawn.

    Perturbed counts (ADR 0006) are never grey: a hexagon published as 0 is left out and a sparse
    map is drawn coarser, so the legend says that (``note_key``) instead of explaining a grey
    that is not on the map. Grey is listed when a shape has it: a hidden count (``"<k"``, ``"x"``)
    of a store without cell keys, or a municipality whose count is published as 0.
    """
    edges = shown.attrs.get("edges") or [k]
    colours = _class_colours(len(edges))
    entries = [
        LegendEntry(c, t("map_legend_class", lang, klasse=label))
        for c, label in zip(colours, _class_labels(edges, lang), strict=True)
    ]
    if len(shown) and (shown["klasse"] < 0).any():
        hidden = (shown[privacy.SUPPRESSION_COL] != privacy.NOT_SUPPRESSED).any()
        grey = "map_legend_suppressed" if hidden else "map_legend_zero"
        entries.append(LegendEntry(SUPPRESSED_COLOUR, t(grey, lang, k=k)))
    if shown.attrs.get(PERTURBED_ATTR):
        entries.append(LegendEntry("", t(note_key, lang), shape="note"))
    return entries


# --- boundaries -----------------------------------------------------------------------------


def _polygon_records(geometry, tolerance: float) -> list[list[list[list[float]]]]:
    """Return one ring list per polygon part, simplified and rounded (EPSG:4326)."""
    if tolerance:
        geometry = geometry.simplify(tolerance, preserve_topology=True)
    parts = list(geometry.geoms) if geometry.geom_type == "MultiPolygon" else [geometry]
    out = []
    for part in parts:
        if part.is_empty or part.geom_type != "Polygon":
            continue
        rings = [part.exterior, *part.interiors]
        out.append([[[round(x, 4), round(y, 4)] for x, y in ring.coords] for ring in rings])
    return out


def prepare_boundaries(
    municipalities_gdf,
    wijken_gdf,
    gemeente: str | None,
    *,
    missing_reason: str | None = None,
    lang: str = "nl",
) -> Boundaries:
    """Prepare boundary records for one municipality (with its wijken and neighbours) or all.

    ``municipalities_gdf``/``wijken_gdf`` come from ``geo.load_*_boundaries`` and may be None when
    unavailable (then ``missing_reason`` says why, in Dutch). For one municipality the selected
    polygon is kept at source detail and neighbours are included as context; for the national
    view every municipality is simplified to about 300 m, which keeps the payload small.
    """
    if municipalities_gdf is None:
        return Boundaries(missing_reason=missing_reason)
    gm = municipalities_gdf
    records: list[dict] = []
    bounds = None
    if gemeente is not None:
        focus = gm[gm["gemeentecode"] == gemeente]
        if focus.empty:
            return Boundaries(missing_reason=missing_reason)
        minx, miny, maxx, maxy = focus.total_bounds
        bounds = (float(minx), float(miny), float(maxx), float(maxy))
        pad_x, pad_y = (maxx - minx) * 0.6, (maxy - miny) * 0.6
        near = gm.cx[minx - pad_x : maxx + pad_x, miny - pad_y : maxy + pad_y]
        tolerance_focus, tolerance_context = 0.0, 0.001
        shown = near
    else:
        minx, miny, maxx, maxy = gm.total_bounds
        bounds = (float(minx), float(miny), float(maxx), float(maxy))
        tolerance_focus = tolerance_context = 0.003
        shown = gm
    for row in shown.itertuples():
        is_focus = gemeente is None or row.gemeentecode == gemeente
        tolerance = tolerance_focus if is_focus else tolerance_context
        for polygon in _polygon_records(row.geometry, tolerance):
            records.append(
                {
                    "code": row.gemeentecode,
                    "naam": str(row.gemeentenaam),
                    "polygon": polygon,
                    "focus": bool(is_focus),
                    "tooltip": f"<b>{html.escape(str(row.gemeentenaam))}</b>",
                }
            )
    wijk_records: list[dict] = []
    if wijken_gdf is not None and gemeente is not None:
        for row in wijken_gdf[wijken_gdf["gemeentecode"] == gemeente].itertuples():
            for polygon in _polygon_records(row.geometry, 0.0):
                wijk_records.append(
                    {
                        "code": row.wijkcode,
                        "naam": str(row.wijknaam),
                        "polygon": polygon,
                        "tooltip": html.escape(t("map_tooltip_wijk", lang, naam=row.wijknaam)),
                    }
                )
    return Boundaries(tuple(records), tuple(wijk_records), bounds, missing_reason)


def _boundary_layers(boundaries: Boundaries, gemeente: str | None) -> tuple[list[pdk.Layer], list[pdk.Layer]]:
    """Return (under, over): land fills and outlines below the data, wijk and focus lines above it.

    Wijk lines and the municipality's own outline go above the hexagons so that neighbourhoods
    stay readable through the colours.
    """
    under, over = [], []
    if boundaries.municipalities:
        data = [
            {**r, "fill": _rgba(LAND_COLOUR if r["focus"] else CONTEXT_LAND_COLOUR)}
            for r in boundaries.municipalities
        ]
        under.append(
            pdk.Layer(
                "PolygonLayer",
                data=data,
                id=LAYER_MUNICIPALITIES,
                get_polygon="polygon",
                get_fill_color="fill",
                get_line_color=_rgba(BOUNDARY_COLOUR, 200 if gemeente is None else 255),
                get_line_width=1,
                line_width_min_pixels=1 if gemeente is None else 1.5,
                stroked=True,
                filled=True,
                pickable=gemeente is None,
            )
        )
    if boundaries.wijken:
        over.append(
            pdk.Layer(
                "PolygonLayer",
                data=list(boundaries.wijken),
                id="wijken",
                get_polygon="polygon",
                get_line_color=_rgba(WIJK_COLOUR, 220),
                get_line_width=1,
                line_width_min_pixels=1,
                stroked=True,
                filled=False,
                pickable=False,
            )
        )
    if gemeente is not None and boundaries.municipalities:
        over.append(
            pdk.Layer(
                "PolygonLayer",
                data=[{"polygon": r["polygon"]} for r in boundaries.municipalities if r["focus"]],
                id="gemeentegrens",
                get_polygon="polygon",
                get_line_color=_rgba(BOUNDARY_COLOUR),
                get_line_width=1,
                line_width_min_pixels=2.5,
                stroked=True,
                filled=False,
                pickable=False,
            )
        )
    return under, over


# --- view -----------------------------------------------------------------------------------


def view_for_bounds(bounds: tuple[float, float, float, float] | None) -> pdk.ViewState:
    """Return a view that fits ``bounds`` (lon/lat) in a map of the page's size; NL when None."""
    if bounds is None:
        bounds = NETHERLANDS
    minx, miny, maxx, maxy = bounds
    lat = (miny + maxy) / 2
    lon_span = max(maxx - minx, 0.01)
    # Web Mercator as deck.gl draws it (512-pixel world at zoom 0); latitude stretches by 1/cos(lat).
    lat_span = max((maxy - miny) / math.cos(math.radians(lat)), 0.01)
    zoom_x = math.log2(360 * _MAP_WIDTH_PX / (512 * lon_span))
    zoom_y = math.log2(360 * MAP_HEIGHT_PX / (512 * lat_span))
    zoom = max(5.0, min(13.0, min(zoom_x, zoom_y) - 0.1))
    return pdk.ViewState(latitude=lat, longitude=(minx + maxx) / 2, zoom=round(zoom, 2), pitch=0, bearing=0)


class CompactDeck(pdk.Deck):
    """A pydeck Deck whose JSON has no indentation.

    pydeck indents its JSON by two spaces, which puts every coordinate on its own indented line
    and roughly triples the size of a map with polygons. Streamlit sends ``to_json()`` as is.
    """

    def to_json(self) -> str:
        from pydeck.bindings.json_tools import default_serialize

        return json.dumps(self, sort_keys=True, default=default_serialize, separators=(",", ":"))


LAYER_BASEMAP_PREFIX = "achtergrond-"  # one BitmapLayer per PDOK tile: achtergrond-{z}-{x}-{y}
BASEMAP_OPACITY = 0.75  # the land colour of the focus municipality shows through a little


def basemap_layers(bounds: tuple[float, float, float, float] | None) -> list[pdk.Layer]:
    """Return the street basemap as BitmapLayers, one per tile; [] when switched off."""
    return [
        pdk.Layer(
            "BitmapLayer",
            id=tile["id"],
            image=tile["url"],
            bounds=tile["bounds"],
            opacity=BASEMAP_OPACITY,
            pickable=False,
        )
        for tile in basemap.deck_tiles(bounds or NETHERLANDS)
    ]


def _deck(layers: list[pdk.Layer], bounds: tuple[float, float, float, float] | None) -> pdk.Deck:
    """The deck fitted to ``bounds``, with the street basemap over the land fill and under the data."""
    at = next((i + 1 for i, layer in enumerate(layers) if layer.id == LAYER_MUNICIPALITIES), 0)
    layers = [*layers[:at], *basemap_layers(bounds), *layers[at:]]
    return CompactDeck(
        layers=layers,
        initial_view_state=view_for_bounds(bounds),
        # map_style must stay at pydeck's default sentinel: Streamlit then draws no basemap of its
        # own, whereas map_style=None makes it fetch a Carto style from the internet.
        map_provider=None,
        tooltip={"html": "{tooltip}", "style": _TOOLTIP_STYLE},
    )


def map_payload_bytes(deck: pdk.Deck) -> int:
    """Return the size in bytes of the deck as it is sent to the browser (its JSON, UTF-8)."""
    return len(deck.to_json().encode("utf-8"))


def layer_records(deck: pdk.Deck, layer_id: str) -> list[dict]:
    """Return the data records of one layer of ``deck`` as the browser receives them."""
    spec = json.loads(deck.to_json())
    for layer in spec.get("layers", []):
        if layer.get("id") == layer_id:
            return list(layer.get("data") or [])
    return []


def check_layers_private(deck: pdk.Deck) -> None:
    """Raise ``privacy.RawCoordinatesError`` if any layer of ``deck`` carries report coordinates.

    Municipality centres (one per gemeentecode) are allowed; nothing else may have lat/lon.
    """
    spec = json.loads(deck.to_json())
    for layer in spec.get("layers", []):
        data = layer.get("data") or []
        if isinstance(data, list) and data:
            area_key = (
                "gemeentecode"
                if layer.get("id") in AREA_POINT_LAYERS
                else "risicogebied_id"
                if layer.get("id") in RISK_AREA_POINT_LAYERS
                else None
            )
            privacy.assert_no_raw_coordinates(data, area_key=area_key)


# --- hexagons -------------------------------------------------------------------------------


WITHHELD_ATTR = privacy.WITHHELD_ATTR  # hex_cells: municipalities not drawn per hexagon


def hex_cells(counts: pd.DataFrame, *, k: int | None = None, lang: str = "nl") -> pd.DataFrame:
    """Return the hexagon layer of one municipality: one row per H3 cell, privacy applied.

    ``counts`` is ``Store.hex_counts`` output (gemeentecode, h3_r8 as integer, n), or
    ``Store.hex_block_counts`` output (also ``blok``): then each hexagon shows the sum of its
    blocks' published values (ADR 0006, blocks of weeks). The result has
    ``h3`` (hex string), ``gemeentecode``, ``count`` (nullable Int64, ``<NA>`` when hidden),
    ``label`` (what the map shows: the number, ``"<k"`` or ``"x"``), ``suppression`` and
    ``klasse`` (colour class, -1 for hidden). Cells are grouped by municipality for
    complementary suppression, because the municipality total is published (Overzicht).
    The map page and ``python -m vsdash export map`` both use this function.
    """
    import h3

    privacy.public_h3_resolution(H3_RESOLUTION)
    k = privacy.resolve_k(k)
    values = ["n", *([privacy.KEY_COL] if privacy.KEY_COL in counts.columns else [])]
    blocked = privacy.BLOCK_COL in counts.columns and privacy.KEY_COL in counts.columns
    frame = counts.loc[
        :, ["gemeentecode", "h3_r8", *values, *([privacy.BLOCK_COL] if blocked else [])]
    ].copy()
    frame = frame[frame["n"] > 0]
    frame["h3"] = [h3.int_to_str(int(c)) for c in frame["h3_r8"]]
    if blocked:
        # Counts per fixed block of weeks (``Store.hex_block_counts``): each hexagon-block is a
        # cell published once, and a hexagon shows the sum of its blocks, so every period that
        # uses a block meets the same value and averaging periods learns nothing new (ADR 0006).
        blocks = frame.groupby(["gemeentecode", "h3", privacy.BLOCK_COL], as_index=False, sort=True)[
            values
        ].sum()
        shown = privacy.period_totals(blocks, ["gemeentecode", "h3"], "n", k=k, lang=lang)
        shown = shown.rename(columns={"n": "count"})
        shown.attrs[privacy.UNPROTECTED_ATTR] = []
    else:
        frame = frame.groupby(["gemeentecode", "h3"], as_index=False, sort=True)[values].sum()
        shown = privacy.suppress_small_counts(
            frame.rename(columns={"n": "count"}), "count", k=k, group_cols=["gemeentecode"], lang=lang
        )
    if privacy.KEY_COL in counts.columns:
        # Only cells with reports are drawn, so a cell published as 0 is left out like an empty one.
        shown = shown[shown["count"] > 0]
    # A municipality whose cells cannot be protected against its published total (e.g. two
    # cells of 4 under a total of 8 give both away) is not drawn per hexagon at all: the key
    # figure stays, the map withholds. The withheld codes are listed for the page to say so.
    shown = privacy.withhold_unprotected(shown, ["gemeentecode"])
    edges = count_classes(shown["count"].dropna().tolist(), k)
    shown["klasse"] = [
        -1 if (c := _classify(v, edges)) is None else c for v in shown["count"].astype("Float64").tolist()
    ]
    shown.attrs["edges"] = edges
    shown.attrs[PERTURBED_ATTR] = privacy.KEY_COL in counts.columns
    return shown.reset_index(drop=True)


def counts_per_cell(counts: pd.DataFrame) -> pd.DataFrame:
    """Return raw counts per H3 cell as hex strings (columns h3, n), before any suppression.

    For comparisons (``compare_counts``), which suppress each window themselves.
    """
    import h3

    values = ["n", *([privacy.KEY_COL] if privacy.KEY_COL in counts.columns else [])]
    if counts.empty:
        return pd.DataFrame({"h3": pd.Series(dtype=str), **{v: pd.Series(dtype="int64") for v in values}})
    frame = pd.DataFrame({"h3": [h3.int_to_str(int(c)) for c in counts["h3_r8"]]})
    for v in values:
        frame[v] = counts[v].to_numpy()
    return frame.groupby("h3", as_index=False, sort=True)[values].sum()


def has_channel(channels: pd.DataFrame, gemeente: str, start: dt.date, end: dt.date) -> bool:
    """Whether ``gemeente`` had a reporting channel open in the period (no channel: no data, not zero)."""
    return bool(metrics.codes_with_channel(channels, (gemeente,), start, end))


def picked_risk_area(event) -> str | None:
    """Return the risk area a user clicked on the map (from ``st.pydeck_chart``'s event), if any."""
    try:
        objects = event["selection"]["objects"]
    except (KeyError, TypeError, AttributeError):
        return None
    picked = (objects or {}).get(LAYER_RISK_AREAS) or []
    return picked[0].get("risicogebied_id") if picked and isinstance(picked[0], dict) else None


def hex_cells_geojson(cells: pd.DataFrame) -> dict:
    """Return the hexagon layer as a GeoJSON FeatureCollection (one polygon feature per cell).

    Properties: ``h3``, ``count`` (null when suppressed) and ``label`` (what the map shows).
    """
    polygons = geo.cell_boundary_polygons(cells["h3"].tolist()).set_index("h3_cell").geometry
    features = []
    for row in cells.itertuples():
        ring = [[round(x, 6), round(y, 6)] for x, y in polygons.loc[row.h3].exterior.coords]
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Polygon", "coordinates": [ring]},
                "properties": {
                    "h3": row.h3,
                    "count": None if pd.isna(row.count) else int(row.count),
                    "label": row.label,
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


def _hex_records(cells: pd.DataFrame, lang: str, area_names: dict[str, str] | None = None) -> list[dict]:
    edges = cells.attrs.get("edges") or [privacy.resolve_k()]
    colours = _class_colours(len(edges))
    records = []
    for row in cells.itertuples():
        colour = SUPPRESSED_COLOUR if row.klasse < 0 else colours[row.klasse]
        tip = t("map_tooltip_hex", lang, label=html.escape(row.label))
        if area_names and row.h3 in area_names:
            tip += "<br>" + html.escape(area_names[row.h3])
        records.append({"h3": row.h3, "label": row.label, "fill": _rgba(colour, 210), "tooltip": tip})
    return records


def _hex_layer(records: list[dict]) -> pdk.Layer:
    return pdk.Layer(
        "H3HexagonLayer",
        data=records,
        id=LAYER_HEXES,
        get_hexagon="h3",
        get_fill_color="fill",
        get_line_color=[255, 255, 255, 200],
        line_width_min_pixels=1,
        stroked=True,
        filled=True,
        extruded=False,
        pickable=True,
        high_precision=False,
    )


# --- risk areas -----------------------------------------------------------------------------


def _wkt_rings(wkt: str) -> list[list[list[list[float]]]]:
    import shapely

    return _polygon_records(shapely.from_wkt(wkt), 0.0)


def risk_area_table(
    risk_areas: pd.DataFrame,
    measures: pd.DataFrame,
    counts: pd.DataFrame,
    *,
    names: dict[str, str] | None = None,
    k: int | None = None,
    lang: str = "nl",
) -> pd.DataFrame:
    """Return one row per risk area with its report count (suppressed) and its measures.

    ``counts`` is ``Store.area_counts(..., by="risicogebied_id")`` for the selected period, per
    block of weeks (``grain="block"``, as the Kaart and the deck read it: an area shows the sum of
    its published blocks) or summed. The risk areas do not cover a municipality, so their counts
    do not add up to a published total; only primary suppression is needed. Columns: risicogebied_id, gemeentecode, gemeente,
    naam, type, count, label, suppression, maatregelen (text with dates).
    """
    k = privacy.resolve_k(k)
    frame = risk_areas.loc[:, ["risicogebied_id", "gemeentecode", "naam", "type"]].copy()
    if privacy.BLOCK_COL in counts.columns:
        # Per fixed block of weeks (``Store.area_counts(..., grain="block")``): an area's count is
        # the sum of its published blocks, the same in every period that uses them (ADR 0006).
        per_area = (
            privacy.period_totals(counts, "risicogebied_id", "n", k=k, lang=lang).set_index(
                "risicogebied_id"
            )["n"]
            if not counts.empty
            else pd.Series(dtype="int64")
        )
        frame["count"] = pd.array(
            frame["risicogebied_id"].map(per_area).fillna(0).astype("int64"), dtype="Int64"
        )
        frame[privacy.LABEL_COL] = [fmt_number(int(v), lang) for v in frame["count"]]
        frame[privacy.SUPPRESSION_COL] = privacy.NOT_SUPPRESSED
    else:
        for col, out in (("n", "count"), (privacy.KEY_COL, privacy.KEY_COL)):
            if col in counts.columns:
                per_area = counts.groupby("risicogebied_id")[col].sum() if not counts.empty else pd.Series()
                frame[out] = frame["risicogebied_id"].map(per_area).fillna(0).astype("int64")
        frame = privacy.suppress_small_counts(frame, "count", k=k, total_shown=False, lang=lang)
    frame["gemeente"] = frame["gemeentecode"].map(names or {}).fillna(frame["gemeentecode"])
    frame["maatregelen"] = [measure_text(measures, rid, lang) for rid in frame["risicogebied_id"]]
    return frame.reset_index(drop=True)


def measure_text(measures: pd.DataFrame, risicogebied_id: str, lang: str) -> str:
    """Return the measures of one risk area as "camera (12 maart 2023); ..." or a dash."""
    rows = measures[measures["risicogebied_id"] == risicogebied_id].sort_values("datum")
    if rows.empty:
        return t("map_no_measures", lang)
    return "; ".join(
        f"{t(f'map_measure_{m.maatregel}', lang)} ({fmt_date(pd.Timestamp(m.datum).date(), lang)})"
        for m in rows.itertuples()
    )


def _risk_area_records(
    risk_areas: pd.DataFrame, table: pd.DataFrame, lang: str, fill: dict[str, list[int]] | None = None
) -> list[dict]:
    info = table.set_index("risicogebied_id")
    records = []
    for area in risk_areas.itertuples():
        row = info.loc[area.risicogebied_id]
        tip = (
            f"<b>{html.escape(str(area.naam))}</b><br>"
            + html.escape(t(f"map_area_type_{area.type}", lang))
            + "<br>"
            + html.escape(t("map_tooltip_area_count", lang, label=row["label"]))
            + "<br>"
            + html.escape(t("map_tooltip_measures", lang, maatregelen=row["maatregelen"]))
        )
        for polygon in _wkt_rings(area.geometrie_wkt):
            records.append(
                {
                    "risicogebied_id": area.risicogebied_id,
                    "naam": str(area.naam),
                    "polygon": polygon,
                    "fill": (fill or {}).get(area.risicogebied_id, [0, 0, 0, 12]),
                    "tooltip": tip,
                }
            )
    return records


def _risk_area_layers(records: list[dict]) -> list[pdk.Layer]:
    # A wide white halo under a black outline keeps the outline visible on light and dark hexagons.
    halo = pdk.Layer(
        "PolygonLayer",
        data=[{"polygon": r["polygon"]} for r in records],
        id="risicogebieden_rand",
        get_polygon="polygon",
        get_line_color=_rgba(HALO_COLOUR, 230),
        get_line_width=1,
        line_width_min_pixels=6,
        stroked=True,
        filled=False,
        pickable=False,
    )
    outline = pdk.Layer(
        "PolygonLayer",
        data=records,
        id=LAYER_RISK_AREAS,
        get_polygon="polygon",
        get_fill_color="fill",
        get_line_color=_rgba(RISK_AREA_COLOUR),
        get_line_width=1,
        line_width_min_pixels=2.5,
        stroked=True,
        filled=True,
        pickable=True,
        auto_highlight=True,
        highlight_color=[0, 114, 178, 90],
    )
    return [halo, outline]


def _risk_area_name_layer(
    risk_areas: pd.DataFrame, view: pdk.ViewState, priority: dict[str, float] | None = None
) -> pdk.Layer:
    """Names of the risk areas next to a point inside each outline, placed so that none overlap.

    The names are placed for the view the map opens on (``view``, a map of ``_MAP_WIDTH_PX`` by
    ``MAP_HEIGHT_PX``) with ``label_layout.place_labels``, busiest area first; a name that finds
    no free place next to its area is left off (the tooltip and the table name every area).
    deck.gl's own CollisionFilterExtension would do this per zoom level, but in our tests it hid
    every name in headless Chromium, so the placement is decided here, where it is tested.
    """
    import shapely

    from vsdash import label_layout

    scale = 512 * 2**view.zoom  # deck.gl's Web Mercator world in pixels at this zoom

    def to_px(lon: float, lat: float) -> tuple[float, float]:
        return (lon + 180) / 360 * scale, (1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * scale

    centre_x, centre_y = to_px(view.longitude, view.latitude)
    rows = []
    for area in risk_areas.itertuples():
        point = shapely.from_wkt(area.geometrie_wkt).representative_point()
        x, y = to_px(point.x, point.y)
        # label_layout counts y upwards from the bottom-left corner of the map; screens count down.
        anchor = (x - centre_x + _MAP_WIDTH_PX / 2, MAP_HEIGHT_PX / 2 - (y - centre_y))
        rank = float((priority or {}).get(area.risicogebied_id, 0.0))
        rows.append((rank, area, point, anchor))
    rows.sort(key=lambda row: -row[0])  # busiest first: it gets the best place
    sizes = [(len(str(area.naam)) * _NAME_CHAR_PX + 10, _NAME_SIZE_PX + 8) for _, area, _, _ in rows]
    placements = label_layout.place_labels(
        [anchor for *_, anchor in rows],
        sizes,
        frame=label_layout.Box(0, 0, _MAP_WIDTH_PX, MAP_HEIGHT_PX),
        leader_gaps=(),  # a leader line would point elsewhere once the reader zooms
    )
    data = []
    for (_, area, point, anchor), placed in zip(rows, placements, strict=True):
        if placed is None:
            continue
        data.append(
            {
                "risicogebied_id": area.risicogebied_id,
                "naam": str(area.naam),
                "lon": round(point.x, 4),
                "lat": round(point.y, 4),
                # pixels from the area's point to the name's centre (screen y points down)
                "offset": [round(placed.centre[0] - anchor[0], 1), round(anchor[1] - placed.centre[1], 1)],
            }
        )
    privacy.assert_no_raw_coordinates(data, area_key="risicogebied_id")
    return pdk.Layer(
        "TextLayer",
        data=data,
        id=LAYER_AREA_NAMES,
        get_position=["lon", "lat"],
        get_text="naam",
        get_size=_NAME_SIZE_PX,
        get_color=[17, 17, 17, 255],
        get_pixel_offset="offset",
        font_family=_FONT,
        font_weight=600,
        background=True,
        get_background_color=[255, 255, 255, 235],
        background_padding=[4, 2],
        pickable=False,
    )


def _centre_layers(municipalities: pd.DataFrame, codes: Sequence[str]) -> list[pdk.Layer]:
    """Markers with names at municipality centres (used when boundaries are unavailable)."""
    rows = municipalities[municipalities["gemeentecode"].isin(list(codes))]
    data = [
        {
            "gemeentecode": r.gemeentecode,
            "naam": str(r.weergavenaam),
            "lon": round(float(r.lon), 4),
            "lat": round(float(r.lat), 4),
            "tooltip": f"<b>{html.escape(str(r.weergavenaam))}</b>",
        }
        for r in rows.itertuples()
    ]
    privacy.assert_no_raw_coordinates(data, area_key="gemeentecode")
    return [
        pdk.Layer(
            "ScatterplotLayer",
            data=data,
            id=LAYER_CENTRES,
            get_position=["lon", "lat"],
            get_fill_color=_rgba(CENTRE_COLOUR),
            get_line_color=[255, 255, 255, 255],
            stroked=True,
            get_radius=400,
            radius_min_pixels=6,
            radius_max_pixels=10,
            line_width_min_pixels=2,
            pickable=True,
        ),
        pdk.Layer(
            "TextLayer",
            data=data,
            id=LAYER_NAMES,
            get_position=["lon", "lat"],
            get_text="naam",
            get_size=14,
            get_color=[26, 26, 26, 255],
            get_pixel_offset=[0, -16],
            font_family=_FONT,
        ),
    ]


def _bounds_of_cells(cells: Sequence[str]) -> tuple[float, float, float, float] | None:
    import h3

    if not len(cells):
        return None
    points = np.array([h3.cell_to_latlng(c) for c in cells])
    pad = 0.01  # about one hexagon, so edge cells are not cut off
    return (
        float(points[:, 1].min()) - pad,
        float(points[:, 0].min()) - pad,
        float(points[:, 1].max()) + pad,
        float(points[:, 0].max()) + pad,
    )


def _base_notes(boundaries: Boundaries, lang: str, k: int, *, national: bool = False) -> list[str]:
    # The national map draws one circle per municipality: no hexagons to explain there.
    notes = [t("map_privacy_note_national" if national else "map_privacy_note", lang, k=k, res=H3_RESOLUTION)]
    if boundaries.missing_reason:
        # The page states the full reason once; every map under it says only what it lacks.
        notes.append(t("map_no_boundaries", lang))
    else:
        notes.append(
            # The vintage drawn (a fetched newer one counts), as Vergelijken's caption names it.
            t(
                "map_boundaries_year",
                lang,
                gemeente_year=geo.municipality_vintage_year(),
                wijk_year=geo.WIJK_VINTAGE.rsplit("-", 1)[-1],
            )
            + " "
            + t("map_attribution", lang)
            + ("; " + t("map_basemap_attribution", lang) if basemap.template() else "")
        )
    if basemap.template():
        notes.append(t("map_basemap_note", lang))
    return notes


def _area_legend(lang: str) -> LegendEntry:
    return LegendEntry(RISK_AREA_COLOUR, t("map_legend_risk_area", lang), shape="line")


# --- maps -----------------------------------------------------------------------------------


def density_map(
    cells: pd.DataFrame,
    risk_areas: pd.DataFrame,
    area_table: pd.DataFrame,
    boundaries: Boundaries,
    municipalities: pd.DataFrame,
    *,
    gemeente: str,
    lang: str = "nl",
) -> MapSpec:
    """Map of one municipality: report density per hexagon, risk areas, wijken and outline.

    ``cells`` comes from ``hex_cells``; ``area_table`` from ``risk_area_table`` (same period).
    """
    k = privacy.resolve_k()
    names = municipalities.set_index("gemeentecode")["weergavenaam"].to_dict()
    areas = risk_areas[risk_areas["gemeentecode"] == gemeente]
    layers, over = _boundary_layers(boundaries, gemeente)
    layers.append(_hex_layer(_hex_records(cells, lang)))
    layers += over
    if boundaries.missing_reason:
        layers += _centre_layers(municipalities, [gemeente])
    # Fit to where the reports are (Rotterdam's port would otherwise shrink the city to a dot).
    bounds = _bounds_of_cells(cells["h3"].tolist()) or boundaries.bounds
    area_records = _risk_area_records(areas, area_table, lang)
    if area_records:
        layers += _risk_area_layers(area_records)
        counts = area_table.set_index("risicogebied_id")["count"].astype("Float64").fillna(-1)
        layers.append(_risk_area_name_layer(areas, view_for_bounds(bounds), counts.to_dict()))
    deck = _deck(layers, bounds)
    check_layers_private(deck)

    visible = cells["count"].dropna()
    hidden = int((cells["suppression"] != privacy.NOT_SUPPRESSED).sum())
    if len(visible):
        top = cells.loc[cells["count"].astype("Float64").fillna(-1).idxmax()]
        alt = t(
            "map_alt_density" if hidden else "map_alt_density_all_shown",
            lang,
            naam=names.get(gemeente, gemeente),
            cells=fmt_number(len(cells), lang),
            top=top["label"],
            hidden=fmt_number(hidden, lang),
            k=k,
            areas=len(areas),
        )
    elif gemeente in cells.attrs.get(WITHHELD_ATTR, []):
        alt = t("map_alt_density_withheld", lang, naam=names.get(gemeente, gemeente), k=k, areas=len(areas))
    else:
        alt = t("map_alt_density_empty", lang, naam=names.get(gemeente, gemeente), areas=len(areas))
    table = (
        cells.assign(_sort=cells["count"].astype("Float64").fillna(0))
        .sort_values("_sort", ascending=False)
        .loc[:, ["h3", "label"]]
        .rename(columns={"h3": t("map_col_hex", lang), "label": t("reports", lang)})
        .reset_index(drop=True)
    )
    legend = _count_legend(cells, lang, k, "map_legend_perturbed_hexagons")
    legend.insert(len(legend) - sum(e.shape == "note" for e in legend), _area_legend(lang))  # sentence last
    more = {}
    drawn = area_table[area_table["risicogebied_id"].isin(areas["risicogebied_id"])]
    if len(drawn):
        more[t("map_area_density_table_title", lang)] = pd.DataFrame(
            {
                t("map_col_area", lang): drawn["naam"].to_numpy(),
                t("reports", lang): drawn["label"].to_numpy(),
                t("map_col_measures", lang): drawn["maatregelen"].to_numpy(),
            }
        )
    return MapSpec(deck, alt, table, legend, _base_notes(boundaries, lang, k), more)


def municipality_totals(
    counts: pd.DataFrame, municipalities: pd.DataFrame, *, k: int | None = None, lang: str = "nl"
) -> pd.DataFrame:
    """Return report totals per municipality, privacy applied, with the centre of each municipality.

    ``counts`` has gemeentecode and n (any number of rows per municipality). The grand total is
    treated as published. Columns: gemeentecode, naam, lat, lon (centre of the area), count,
    label, suppression, klasse.
    """
    k = privacy.resolve_k(k)
    keyed = privacy.KEY_COL in counts.columns
    if keyed and "periode" in counts.columns and not counts.empty:
        # Weeks or months of a period: each municipality's total is the sum of its published
        # parts (privacy.period_total), the same number its own trend on Overzicht adds up to.
        shown = privacy.period_totals(counts, "gemeentecode", "n", k=k, lang=lang).rename(
            columns={"n": "count"}
        )
        return _with_centres(shown, municipalities, k, perturbed=True)
    values = ["n", *([privacy.KEY_COL] if keyed else [])]
    per = counts.groupby("gemeentecode", as_index=False)[values].sum() if not counts.empty else counts
    frame = pd.DataFrame(
        {
            "gemeentecode": per["gemeentecode"].to_numpy() if len(per) else [],
            "count": per["n"].astype("int64").to_numpy() if len(per) else [],
        }
    )
    if keyed:
        frame[privacy.KEY_COL] = per[privacy.KEY_COL].astype("int64").to_numpy() if len(per) else []
    shown = privacy.suppress_small_counts(frame, "count", k=k, total_shown=True, lang=lang)
    return _with_centres(shown, municipalities, k, perturbed=keyed)


def _with_centres(
    shown: pd.DataFrame, municipalities: pd.DataFrame, k: int, *, perturbed: bool
) -> pd.DataFrame:
    info = municipalities.set_index("gemeentecode")
    shown = shown[shown["gemeentecode"].isin(info.index)].copy()
    shown["naam"] = shown["gemeentecode"].map(info["weergavenaam"])
    shown["lat"] = shown["gemeentecode"].map(info["lat"]).round(4)
    shown["lon"] = shown["gemeentecode"].map(info["lon"]).round(4)
    edges = count_classes(shown["count"].dropna().tolist(), k)
    shown["klasse"] = [
        -1 if (c := _classify(v, edges)) is None else c for v in shown["count"].astype("Float64").tolist()
    ]
    shown.attrs["edges"] = edges
    shown.attrs[PERTURBED_ATTR] = perturbed
    return shown.sort_values("naam").reset_index(drop=True)


def national_map(totals: pd.DataFrame, boundaries: Boundaries, *, label: str, lang: str = "nl") -> MapSpec:
    """Map of all municipalities in scope: one circle per municipality, sized by its report total.

    One record per municipality keeps the payload small whatever the period; circle area grows
    with the count so the busiest city does not swamp the rest.
    """
    k = privacy.resolve_k()
    edges = totals.attrs.get("edges") or [k]
    colours = _class_colours(len(edges))
    visible = totals["count"].astype("Float64")
    biggest = float(visible.max()) if visible.notna().any() else 1.0
    data = []
    for row in totals.itertuples():
        colour = SUPPRESSED_COLOUR if row.klasse < 0 else colours[row.klasse]
        value = 0.0 if pd.isna(row.count) else float(row.count)
        data.append(
            {
                "gemeentecode": row.gemeentecode,
                "naam": row.naam,
                "lon": row.lon,
                "lat": row.lat,
                "label": row.label,
                # metres; circle area grows with the count (about 3 to 25 km across at national zoom)
                "radius": round(1500 + 11000 * math.sqrt(value / biggest)) if biggest else 1500,
                "fill": _rgba(colour, 220),
                "tooltip": f"<b>{html.escape(row.naam)}</b><br>"
                + t("map_tooltip_hex", lang, label=html.escape(row.label)),
            }
        )
    privacy.assert_no_raw_coordinates(data, area_key="gemeentecode")
    layers, over = _boundary_layers(boundaries, None)
    layers += over
    layers.append(
        pdk.Layer(
            "ScatterplotLayer",
            data=data,
            id=LAYER_TOTALS,
            get_position=["lon", "lat"],
            get_fill_color="fill",
            get_line_color=[26, 26, 26, 255],
            get_radius="radius",
            radius_min_pixels=4,
            stroked=True,
            line_width_min_pixels=1,
            pickable=True,
        )
    )
    layers.append(
        pdk.Layer(
            "TextLayer",
            data=[
                {"naam": d["naam"], "lon": d["lon"], "lat": d["lat"], "gemeentecode": d["gemeentecode"]}
                for d in data
            ],
            id=LAYER_NAMES,
            get_position=["lon", "lat"],
            get_text="naam",
            get_size=13,
            get_color=[26, 26, 26, 255],
            get_pixel_offset=[0, 18],
            font_family=_FONT,
            get_text_anchor="'middle'",
        )
    )
    bounds = NETHERLANDS
    deck = _deck(layers, bounds)
    check_layers_private(deck)
    ranked = totals.assign(_sort=visible.fillna(-1)).sort_values("_sort", ascending=False)
    if visible.notna().any():
        first = ranked.iloc[0]
        alt = t(
            "map_alt_national",
            lang,
            selectie=in_sentence(label, lang),
            n=len(totals),
            top=first["naam"],
            top_label=first["label"],
        )
    else:
        alt = t("map_alt_national_empty", lang, selectie=in_sentence(label, lang))
    table = ranked.loc[:, ["naam", "label"]].rename(
        columns={"naam": t("municipality", lang), "label": t("reports", lang)}
    )
    legend = _count_legend(totals, lang, k, "map_legend_perturbed")
    # The circle's size is what it says, not a colour: a sentence, not a swatch that looks like a class.
    legend.insert(0, LegendEntry("", t("map_legend_circle", lang), shape="note"))
    notes = _base_notes(boundaries, lang, k, national=True)
    return MapSpec(deck, alt, table.reset_index(drop=True), legend, notes)


# --- before / after -------------------------------------------------------------------------


@dataclass(frozen=True)
class Windows:
    """Equal-length windows before and after an event, aligned to weeks (Monday to Sunday)."""

    event_day: dt.date
    weeks: int
    before: tuple[dt.date, dt.date]
    after: tuple[dt.date, dt.date]
    shortened: bool  # fewer weeks than asked, because the data does not reach far enough


#: The shortest before/after windows the Kaart compares (the slider's minimum): at one week each,
#: the change between two published weeks of a hexagon is mostly their perturbation.
MIN_COMPARE_WEEKS = 2


def before_after_windows(
    event_day: dt.date, weeks: int, data_range: tuple[dt.date, dt.date] | None
) -> Windows | None:
    """Return ``weeks`` whole weeks before and after ``event_day`` (the event's week counts as after).

    Counts are stored per week (agg_hex, agg_area), so windows are whole weeks. Both windows are
    shortened to the same length when the data does not reach far enough; None when there is
    not one whole week on either side.
    """
    if weeks < 1:
        raise ValueError(f"weeks must be at least 1, got {weeks}")
    week0 = event_day - dt.timedelta(days=event_day.weekday())
    available = weeks
    if data_range is not None:
        lo, hi = data_range
        lo_week = lo + dt.timedelta(days=(7 - lo.weekday()) % 7)  # first whole week of data
        before_weeks = (week0 - lo_week).days // 7
        after_weeks = ((hi - week0).days + 1) // 7
        available = min(weeks, before_weeks, after_weeks)
    if available < 1:
        return None
    span = dt.timedelta(weeks=available)
    before = (week0 - span, week0 - dt.timedelta(days=1))
    after = (week0, week0 + span - dt.timedelta(days=1))
    return Windows(event_day, available, before, after, available < weeks)


def _change_class(delta: int, edges: tuple[int, int]) -> int:
    """Index into DIVERGING: 3 is no change, lower is fewer, higher is more."""
    small, large = edges
    if delta == 0:
        return 3
    size = abs(delta)
    step = 1 if size < small else 2 if size < large else 3
    return 3 + step if delta > 0 else 3 - step


def _change_edges(deltas: Sequence[int]) -> tuple[int, int]:
    """Two sizes of change (small, large) that split the non-zero changes into readable classes."""
    sizes = np.abs(np.asarray([d for d in deltas if d], dtype=float))
    if sizes.size == 0:
        return (5, 10)
    small = max(2, _nice(float(np.quantile(sizes, 0.4))))
    large = max(2 * small, _nice(float(np.quantile(sizes, 0.8))))
    return (small, large)


def _range_label(key: str, lo: int, hi: int, lang: str) -> str:
    if lo == hi:
        return t(f"{key}_one", lang, n=fmt_number(lo, lang))
    return t(f"{key}_range", lang, lo=fmt_number(lo, lang), hi=fmt_number(hi, lang))


def compare_counts(
    before: pd.DataFrame,
    after: pd.DataFrame,
    key: str,
    *,
    total_shown: bool,
    k: int | None = None,
    lang: str = "nl",
) -> pd.DataFrame:
    """Return before/after counts per ``key`` with each window suppressed and the change.

    ``before``/``after`` have ``key`` and ``n``. Each window is one group (its total is shown when
    ``total_shown``). The change (``verschil``) is only given when both counts are visible:
    a difference next to one hidden count would give that count away.
    Columns: key, voor, voor_label, na, na_label, verschil (nullable), verschil_label.

    Counts per fixed block of weeks (a ``privacy.BLOCK_COL`` column, e.g. ``Store.hex_block_counts``
    or ``Store.area_counts(..., grain="block")``) give each window as the sum of its published
    blocks (``_compare_blocks``): the Kaart's slider moves a window a week at a time, and a window
    that is a cell of its own would get fresh noise at every position (ADR 0006, blocks of weeks).
    """
    k = privacy.resolve_k(k)
    if privacy.BLOCK_COL in before.columns and privacy.BLOCK_COL in after.columns:
        return _compare_blocks(before, after, key, k=k, lang=lang)
    b = before.groupby(key)["n"].sum() if not before.empty else pd.Series(dtype="int64")
    a = after.groupby(key)["n"].sum() if not after.empty else pd.Series(dtype="int64")
    keys = sorted(set(b.index) | set(a.index))
    long = pd.DataFrame(
        {
            key: keys * 2,
            "venster": ["voor"] * len(keys) + ["na"] * len(keys),
            "count": [int(b.get(x, 0)) for x in keys] + [int(a.get(x, 0)) for x in keys],
        }
    )
    if privacy.KEY_COL in before.columns and privacy.KEY_COL in after.columns:
        bk = before.groupby(key)[privacy.KEY_COL].sum() if not before.empty else pd.Series(dtype="int64")
        ak = after.groupby(key)[privacy.KEY_COL].sum() if not after.empty else pd.Series(dtype="int64")
        long[privacy.KEY_COL] = [int(bk.get(x, 0)) for x in keys] + [int(ak.get(x, 0)) for x in keys]
    shown = privacy.suppress_small_counts(
        long, "count", k=k, group_cols=["venster"], total_shown=total_shown, lang=lang
    )
    voor = shown[shown["venster"] == "voor"].set_index(key)
    na = shown[shown["venster"] == "na"].set_index(key)
    out = pd.DataFrame({key: keys})
    out["voor"] = voor["count"].reindex(keys).to_numpy()
    out["voor_label"] = voor["label"].reindex(keys).to_numpy()
    out["na"] = na["count"].reindex(keys).to_numpy()
    out["na_label"] = na["label"].reindex(keys).to_numpy()
    both = out["voor"].notna() & out["na"].notna()
    delta = pd.array([pd.NA] * len(out), dtype="Int64")
    if both.any():
        delta[both.to_numpy()] = (
            out.loc[both, "na"].astype("int64") - out.loc[both, "voor"].astype("int64")
        ).to_numpy()
    out["verschil"] = delta
    out["verschil_label"] = [
        "–" if pd.isna(d) else (("+" if d > 0 else "") + fmt_number(int(d), lang)) for d in out["verschil"]
    ]
    out.attrs["totals_to_suppress"] = shown.attrs.get(privacy.UNPROTECTED_ATTR, [])
    return out


def _window_total(blocks: pd.DataFrame, key: str, k: int) -> pd.Series:
    """A window's published count per ``key``: the sum of its published blocks of weeks."""
    if blocks.empty:
        return pd.Series(dtype="int64")
    cells = privacy.combine_cells(blocks, [key, privacy.BLOCK_COL])  # one cell per key and block
    return privacy.period_totals(cells, key, "n", k=k).set_index(key)["n"].astype("int64")


def _compare_blocks(
    before: pd.DataFrame, after: pd.DataFrame, key: str, *, k: int, lang: str
) -> pd.DataFrame:
    """``compare_counts`` for counts per block of weeks: each window the sum of its published blocks.

    Every value is already published, so none is hidden and every change can be shown; a key
    published as 0 in both windows is left out like an empty one.
    """
    b, a = _window_total(before, key, k), _window_total(after, key, k)
    keys = sorted(set(b.index[b > 0]) | set(a.index[a > 0]))
    out = pd.DataFrame({key: keys})
    for column, values in (("voor", b), ("na", a)):
        out[column] = pd.array([int(values.get(x, 0)) for x in keys], dtype="Int64")
        out[f"{column}_label"] = [fmt_number(int(v), lang) for v in out[column]]
    out["verschil"] = pd.array((out["na"] - out["voor"]).to_numpy(dtype=np.int64), dtype="Int64")
    out["verschil_label"] = [("+" if d > 0 else "") + fmt_number(int(d), lang) for d in out["verschil"]]
    out.attrs["totals_to_suppress"] = []
    return out


def weeks_in_blocks(
    weekly: pd.DataFrame, first: dt.date, last: dt.date, week_col: str = "periode"
) -> pd.DataFrame:
    """``weekly`` counts (Mondays in ``week_col``) with the fixed block of weeks each falls in.

    For a window from Monday ``first`` to Monday ``last`` (``privacy.week_blocks``); weeks outside
    it are dropped. Adds ``privacy.BLOCK_COL`` (the block's first Monday), for ``compare_counts``.
    """
    weeks = pd.to_datetime(weekly[week_col])
    inside = ((weeks >= pd.Timestamp(first)) & (weeks <= pd.Timestamp(last))).to_numpy()
    starts = pd.to_datetime([a for a, _ in privacy.week_blocks(first, last)]).to_numpy()
    found = weekly.loc[inside].copy()
    found[privacy.BLOCK_COL] = starts[np.searchsorted(starts, weeks[inside].to_numpy(), side="right") - 1]
    return found


def compare_cells(
    before: pd.DataFrame,
    after: pd.DataFrame,
    *,
    k: int | None = None,
    lang: str = "nl",
    max_grey_share: float = 0.5,
) -> pd.DataFrame:
    """Compare ``Store.hex_counts`` of two windows per H3 cell, coarsening when too few can be compared.

    Short windows leave most resolution-8 cells with fewer than k reports, and a change cannot be
    shown next to a hidden count, so such a map would be mostly grey. When more than
    ``max_grey_share`` of the cells cannot be compared, both windows are merged into their
    resolution-7 parents (about 5 km², ``privacy.coarsen_cells``) and compared again. The same
    happens when either window has fewer than k reports per hexagon on average
    (``privacy.fine_breakdown_allowed``): perturbed cells are never grey, but a breakdown that
    fine would still say where each of a few reports was. The resolution used is in
    ``result.attrs["resolution"]``.

    ``Store.hex_block_counts`` input compares each hexagon's published blocks of weeks
    (``compare_counts``); the resolution-7 parents are then made per block, each parent-block a
    cell of its own, as on the density map (``publication.published_hexagons``).
    """
    if privacy.BLOCK_COL in before.columns and privacy.BLOCK_COL in after.columns:
        return _compare_cell_blocks(before, after, k=privacy.resolve_k(k), lang=lang)
    before_cells, after_cells = counts_per_cell(before), counts_per_cell(after)
    result = compare_counts(before_cells, after_cells, "h3", total_shown=True, k=k, lang=lang)
    result.attrs["resolution"] = H3_RESOLUTION
    smallest = min(int(result[w].fillna(0).sum()) for w in ("voor", "na")) if len(result) else 0
    large_enough = privacy.fine_breakdown_allowed(smallest, max(len(result), 1), k=k)
    if result.empty or (result["verschil"].isna().mean() <= max_grey_share and large_enough):
        return result
    coarse = H3_RESOLUTION - 1
    merged = [
        privacy.coarsen_cells(cells, "h3", coarse, sum_cols=[c for c in ("n", privacy.KEY_COL) if c in cells])
        if len(cells)
        else cells
        for cells in (before_cells, after_cells)
    ]
    result = compare_counts(*merged, "h3", total_shown=True, k=k, lang=lang)
    result.attrs["resolution"] = coarse
    return result


def _compare_cell_blocks(before: pd.DataFrame, after: pd.DataFrame, *, k: int, lang: str) -> pd.DataFrame:
    """``compare_cells`` for counts per hexagon and block of weeks (``Store.hex_block_counts``)."""
    import h3

    windows = [before[before["n"] > 0], after[after["n"] > 0]]
    for resolution in (H3_RESOLUTION, H3_RESOLUTION - 1):
        if resolution != H3_RESOLUTION:
            windows = [
                privacy.coarsen_cells(
                    w,
                    "h3_r8",
                    resolution,
                    by=["gemeentecode", privacy.BLOCK_COL],
                    sum_cols=["n", privacy.KEY_COL],
                )
                if len(w)
                else w
                for w in windows
            ]
        cells = [
            w.assign(h3=[h3.int_to_str(int(c)) for c in w["h3_r8"]])[
                ["h3", privacy.BLOCK_COL, "n", privacy.KEY_COL]
            ]
            for w in windows
        ]
        result = compare_counts(*cells, "h3", total_shown=True, k=k, lang=lang)
        smallest = min(int(result[w].sum()) for w in ("voor", "na")) if len(result) else 0
        # The breakdown rule of the density map (ADR 0006, item 7), judged on published counts.
        if result.empty or privacy.fine_breakdown_allowed(smallest, len(result), k=k):
            break
    result.attrs["resolution"] = resolution
    return result


def before_after_map(
    hexes: pd.DataFrame,
    areas: pd.DataFrame,
    risk_areas: pd.DataFrame,
    boundaries: Boundaries,
    municipalities: pd.DataFrame,
    *,
    gemeente: str | None,
    windows: Windows,
    event_label: str,
    lang: str = "nl",
) -> MapSpec:
    """Map of the change in reports per hexagon (or per municipality) and per risk area.

    ``hexes`` and ``areas`` come from ``compare_counts`` (keys ``h3`` or ``gemeentecode``, and
    ``risicogebied_id``). Cells whose change cannot be shown are grey. The table has one row per
    hexagon (or municipality) with before, after and change; ``more_tables`` holds the per-risk-
    area comparison, the one that answers "did it change where we acted?".
    """
    k = privacy.resolve_k()
    names = municipalities.set_index("gemeentecode")["weergavenaam"].to_dict()
    edges = _change_edges([int(d) for d in hexes["verschil"].dropna()])
    layers, over = _boundary_layers(boundaries, gemeente)

    def fill_for(delta) -> list[int]:
        if pd.isna(delta):
            return _rgba(NOT_COMPARABLE_COLOUR, 210)
        return _rgba(DIVERGING[_change_class(int(delta), edges)], 225)

    def tip_for(row) -> str:
        return html.escape(
            t(
                "map_tooltip_change",
                lang,
                voor=row["voor_label"],
                na=row["na_label"],
                verschil=row["verschil_label"],
            )
        )

    if "h3" in hexes.columns:
        records = [
            {
                "h3": r.h3,
                "label": r.verschil_label,
                "fill": fill_for(r.verschil),
                "tooltip": tip_for(r._asdict()),
            }
            for r in hexes.itertuples()
        ]
        layers.append(_hex_layer(records))
        bounds = _bounds_of_cells(hexes["h3"].tolist()) or boundaries.bounds
    else:
        info = municipalities.set_index("gemeentecode")
        records = [
            {
                "gemeentecode": r.gemeentecode,
                "lon": round(float(info.at[r.gemeentecode, "lon"]), 4),
                "lat": round(float(info.at[r.gemeentecode, "lat"]), 4),
                "label": r.verschil_label,
                "fill": fill_for(r.verschil),
                "tooltip": f"<b>{html.escape(names.get(r.gemeentecode, r.gemeentecode))}</b><br>"
                + tip_for(r._asdict()),
            }
            for r in hexes.itertuples()
            if r.gemeentecode in info.index
        ]
        layers.append(
            pdk.Layer(
                "ScatterplotLayer",
                data=records,
                id=LAYER_TOTALS,
                get_position=["lon", "lat"],
                get_fill_color="fill",
                get_line_color=[26, 26, 26, 255],
                get_radius=6000,
                radius_min_pixels=8,
                stroked=True,
                line_width_min_pixels=1,
                pickable=True,
            )
        )
        bounds = boundaries.bounds
    layers += over
    if boundaries.missing_reason and gemeente is not None:
        layers += _centre_layers(municipalities, [gemeente])
    in_scope = risk_areas if gemeente is None else risk_areas[risk_areas["gemeentecode"] == gemeente]
    if gemeente is not None and len(in_scope):
        compared = areas.set_index("risicogebied_id")
        records = []
        for area in in_scope.itertuples():
            if area.risicogebied_id in compared.index:
                row = compared.loc[area.risicogebied_id]
            else:
                row = pd.Series({"voor_label": "0", "na_label": "0", "verschil_label": "0", "verschil": 0})
            tip = f"<b>{html.escape(str(area.naam))}</b><br>" + tip_for(row)
            for polygon in _wkt_rings(area.geometrie_wkt):
                records.append(
                    {
                        "risicogebied_id": area.risicogebied_id,
                        "naam": str(area.naam),
                        "polygon": polygon,
                        "fill": fill_for(row["verschil"]),
                        "tooltip": tip,
                    }
                )
        layers += _risk_area_layers(records)
        layers.append(_risk_area_name_layer(in_scope, view_for_bounds(bounds)))
    deck = _deck(layers, bounds)
    check_layers_private(deck)

    more = int((hexes["verschil"].fillna(0) > 0).sum())
    fewer = int((hexes["verschil"].fillna(0) < 0).sum())
    grey = int(hexes["verschil"].isna().sum())
    alt = t(
        "map_alt_change" if grey else "map_alt_change_all_comparable",
        lang,
        event=event_label,
        weeks=windows.weeks,
        more=more,
        fewer=fewer,
        grey=grey,
        what=t(
            (
                f"map_unit_hexes_r{hexes.attrs.get('resolution', H3_RESOLUTION)}"
                if "h3" in hexes.columns
                else "map_unit_municipalities"
            )
            + ("_one" if more == 1 else ""),
            lang,
        ),
    )
    small, large = edges
    legend = [
        LegendEntry(DIVERGING[6], t("map_legend_more", lang, n=fmt_number(large, lang))),
        LegendEntry(DIVERGING[5], _range_label("map_legend_more", small, large - 1, lang)),
        LegendEntry(DIVERGING[4], _range_label("map_legend_more", 1, small - 1, lang)),
        LegendEntry(DIVERGING[3], t("map_legend_same", lang)),
        LegendEntry(DIVERGING[2], _range_label("map_legend_fewer", 1, small - 1, lang)),
        LegendEntry(DIVERGING[1], _range_label("map_legend_fewer", small, large - 1, lang)),
        LegendEntry(DIVERGING[0], t("map_legend_fewer", lang, n=fmt_number(large, lang))),
    ]
    if grey:  # perturbed windows are always comparable (ADR 0006): no grey to explain
        legend.append(LegendEntry(NOT_COMPARABLE_COLOUR, t("map_legend_not_comparable", lang, k=k)))
    if gemeente is not None:
        legend.append(_area_legend(lang))
    if "h3" in hexes.columns:
        where = {t("map_col_hex", lang): hexes["h3"].to_numpy()}
    else:
        where = {t("municipality", lang): [names.get(c, c) for c in hexes["gemeentecode"]]}
    table = pd.DataFrame(
        {
            **where,
            t("map_col_before", lang): hexes["voor_label"].to_numpy(),
            t("map_col_after", lang): hexes["na_label"].to_numpy(),
            t("map_col_change", lang): hexes["verschil_label"].to_numpy(),
        }
    )
    area_table = before_after_table(areas, risk_areas, names, lang)
    return MapSpec(
        deck,
        alt,
        table,
        legend,
        _base_notes(boundaries, lang, k),
        {t("map_area_table_title", lang): area_table} if len(area_table) else {},
    )


def before_after_table(
    areas: pd.DataFrame, risk_areas: pd.DataFrame, names: dict[str, str], lang: str
) -> pd.DataFrame:
    """Return the per-risk-area before/after table for display (labels only, privacy applied)."""
    info = risk_areas.set_index("risicogebied_id")
    rows = areas[areas["risicogebied_id"].isin(info.index)]
    return pd.DataFrame(
        {
            t("map_col_area", lang): [info.at[r, "naam"] for r in rows["risicogebied_id"]],
            t("municipality", lang): [
                names.get(info.at[r, "gemeentecode"], "") for r in rows["risicogebied_id"]
            ],
            t("map_col_before", lang): rows["voor_label"].to_numpy(),
            t("map_col_after", lang): rows["na_label"].to_numpy(),
            t("map_col_change", lang): rows["verschil_label"].to_numpy(),
        }
    ).reset_index(drop=True)


# --- risk area trend ------------------------------------------------------------------------


def risk_area_trend(
    weekly: pd.DataFrame,
    measures: pd.DataFrame,
    risicogebied_id: str,
    area_name: str,
    start: dt.date,
    end: dt.date,
    *,
    lang: str = "nl",
) -> charts.ChartSpec | None:
    """Weekly (or monthly, when weeks are too sparse to show) reports in one risk area, with measures.

    ``weekly`` is ``Store.area_counts(..., by="risicogebied_id", grain="week")``. Returns a
    ``charts.ChartSpec``; measure dates are drawn as labelled vertical lines. Returns ``None``
    when the period holds no whole period of the grain drawn (no whole month where weeks are too
    sparse, or no whole week): a dated chart without a point would say nothing and look like
    zero reports; :func:`risk_area_trend_missing` says why instead.
    """
    import plotly.graph_objects as go

    from vsdash import charts, metrics

    k = privacy.resolve_k()
    rows = weekly[weekly["risicogebied_id"] == risicogebied_id].rename(columns={"periode": "periode"})
    values = ["n", *([privacy.KEY_COL] if privacy.KEY_COL in rows.columns else [])]
    series = rows.loc[:, ["periode", *values]].copy()
    series["periode"] = pd.to_datetime(series["periode"])
    grain = "week"
    if series.empty or series["n"].median() < 2 * k:
        # Weekly counts of one place are mostly below k; months tell the story without hiding it.
        grain = "month"
        series["periode"] = series["periode"].dt.to_period("M").dt.to_timestamp()
        series = series.groupby("periode", as_index=False)[values].sum()
    filled = metrics.fill_periods(series, start, end, grain)
    if filled.empty:
        return None
    shown = privacy.suppress_small_counts(filled, "n", k=k, total_shown=True, lang=lang)
    values = shown["n"].astype("Float64").astype(float)
    fig = go.Figure(
        go.Scatter(
            x=shown["periode"],
            y=values,
            mode="lines+markers",
            name=t("reports", lang),
            line=dict(color=charts.OKABE_ITO[0], width=2.5),
            marker=dict(size=5),
            customdata=shown["label"],
            hovertemplate="%{x|%d-%m-%Y}: %{customdata}<extra></extra>",
            connectgaps=False,
        )
    )
    own = measures[measures["risicogebied_id"] == risicogebied_id]
    # The axis is the chosen period: a measure outside it would stretch the axis back to years
    # without data, so it is named in the text instead of drawn.
    dates = pd.to_datetime(own["datum"]).dt.date
    outside = own[(dates < start) | (dates > end)]
    own = own[(dates >= start) & (dates <= end)]
    for m in own.itertuples():
        day = pd.Timestamp(m.datum)
        fig.add_vline(x=day, line=dict(color=charts.BREAK_COLOUR, width=2, dash="dash"))
        fig.add_annotation(
            x=day,
            y=1,
            yref="paper",
            text=t(f"map_measure_{m.maatregel}", lang),
            showarrow=False,
            font=dict(size=12, color=charts.BREAK_COLOUR),
            xanchor="left",
            yanchor="top",
        )
    charts._base_layout(fig, height=320, lang=lang)
    first = shown["periode"].min() if len(shown) else pd.Timestamp(start)
    # A date axis also when no whole month falls in the period: plotly would number it -1 to 6.
    fig.update_xaxes(type="date", range=[min(first, pd.Timestamp(start)), pd.Timestamp(end)])
    fig.update_yaxes(title_text=t(f"map_trend_axis_{grain}", lang))
    hidden = int(shown["n"].isna().sum())
    alt = t(
        f"map_alt_trend_{grain}" + ("" if hidden else "_all_shown"),
        lang,
        naam=area_name,
        start=fmt_date(start, lang),
        eind=fmt_date(end, lang),
        measures=fmt_count(len(own), lang),
        hidden=hidden,
        k=k,
    )
    if len(outside):
        named = ", ".join(
            f"{t(f'map_measure_{m.maatregel}', lang)} ({fmt_date(pd.Timestamp(m.datum).date(), lang)})"
            for m in outside.itertuples()
        )
        alt += " " + t("map_trend_measures_outside", lang, n=len(outside), maatregelen=named)
    table = pd.DataFrame({t("period", lang): shown["periode"].dt.date, t("reports", lang): shown["label"]})
    return charts.ChartSpec(fig, alt, table)


def risk_area_trend_missing(
    weekly: pd.DataFrame, risicogebied_id: str, area_name: str, start: dt.date, end: dt.date, *, lang: str
) -> str:
    """Why :func:`risk_area_trend` drew nothing for a period, and which period would show a line."""
    k = privacy.resolve_k()
    rows = weekly[weekly["risicogebied_id"] == risicogebied_id]
    # The same choice of grain as the chart: weeks only where they are busy enough to read.
    key = (
        "map_trend_no_whole_week" if len(rows) and rows["n"].median() >= 2 * k else "map_trend_no_whole_month"
    )
    return t(key, lang, naam=area_name, start=fmt_date(start, lang), eind=fmt_date(end, lang))


def before_after_events(
    campaigns: pd.DataFrame,
    measures: pd.DataFrame,
    risk_areas: pd.DataFrame,
    codes: Sequence[str] | None,
    *,
    lang: str = "nl",
) -> pd.DataFrame:
    """Return the campaigns and risk-area measures that can anchor a before/after comparison.

    One row per event, newest first: ``key`` (stable id for a selectbox), ``soort`` (campagne or
    maatregel), ``datum`` (first day), ``label`` (display text), ``gemeenten`` (tuple of codes the
    event concerns, limited to ``codes``) and ``risicogebied_id`` (measures only).
    """
    rows = []
    in_scope = (lambda c: True) if codes is None else (lambda c: c in set(codes))
    for campagne_id, group in campaigns.groupby("campagne_id", sort=False):
        gemeenten = tuple(sorted(c for c in group["gemeentecode"] if in_scope(c)))
        if not gemeenten:
            continue
        first = group.iloc[0]
        start = pd.Timestamp(first["start"]).date()
        rows.append(
            {
                "key": f"campagne:{campagne_id}",
                "soort": "campagne",
                "datum": start,
                "label": t("map_event_campaign", lang, naam=first["naam"], start=fmt_date(start, lang)),
                "gemeenten": gemeenten,
                "risicogebied_id": None,
            }
        )
    areas = risk_areas.set_index("risicogebied_id")
    for m in measures.itertuples():
        if m.risicogebied_id not in areas.index:
            continue
        code = areas.at[m.risicogebied_id, "gemeentecode"]
        if not in_scope(code):
            continue
        day = pd.Timestamp(m.datum).date()
        rows.append(
            {
                "key": f"maatregel:{m.risicogebied_id}:{m.maatregel}:{day.isoformat()}",
                "soort": "maatregel",
                "datum": day,
                "label": t(
                    "map_event_measure",
                    lang,
                    maatregel=t(f"map_measure_{m.maatregel}", lang),
                    naam=areas.at[m.risicogebied_id, "naam"],
                    start=fmt_date(day, lang),
                ),
                "gemeenten": (code,),
                "risicogebied_id": m.risicogebied_id,
            }
        )
    columns = ["key", "soort", "datum", "label", "gemeenten", "risicogebied_id"]
    if not rows:
        return pd.DataFrame(columns=columns)
    return pd.DataFrame(rows, columns=columns).sort_values("datum", ascending=False, ignore_index=True)


def events_with_before_data(
    events: pd.DataFrame, channels: pd.DataFrame, data_range: tuple[dt.date, dt.date] | None
) -> pd.DataFrame:
    """Keep the events of ``before_after_events`` whose week before has data to compare with.

    That week must lie within the reports on record (``Store.report_date_range``) and a reporting
    channel of one of the event's municipalities must have been open in it: without a channel
    "no reports" means "no way to report", not "no harassment", and the comparison would show a
    rise that is only the channel's launch.
    """
    if data_range is None or events.empty:
        return events.iloc[0:0]
    first_week = data_range[0] + dt.timedelta(days=(7 - data_range[0].weekday()) % 7)
    keep = []
    for event in events.itertuples():
        week0 = event.datum - dt.timedelta(days=event.datum.weekday())
        before = (week0 - dt.timedelta(days=7), week0 - dt.timedelta(days=1))
        keep.append(
            before[0] >= first_week and bool(metrics.codes_with_channel(channels, event.gemeenten, *before))
        )
    return events[pd.Series(keep, index=events.index, dtype=bool)].reset_index(drop=True)


def busiest_risk_area(area_table: pd.DataFrame) -> str | None:
    """Return the id of the risk area with the highest published count (``risk_area_table``), if any.

    Hidden counts rank last; on a tie the first in the table wins, so the choice is stable.
    """
    if area_table.empty:
        return None
    ranked = area_table["count"].astype("Float64").fillna(-1)
    return str(area_table.loc[ranked.idxmax(), "risicogebied_id"])
