"""The map picture of the slides and the PDF: density, risk areas by name, on a street basemap.

Drawn with matplotlib in Web Mercator (EPSG:3857), the projection of the basemap tiles, so the
hexagons, outlines and streets line up. The basemap is PDOK's BRT-Achtergrondkaart fetched on
the server (``vsdash.basemap.mosaic``); without it the picture shows the municipal boundaries
only and says so in the top-left corner. Risk-area names are placed with
``vsdash.label_layout`` so no two overlap and none covers the legend, the colour bar or the
notes. Counts arrive privacy-applied in the ``Deck``. No streamlit here.
"""

from __future__ import annotations

from collections.abc import Callable

import matplotlib

matplotlib.use("Agg")  # server-side rendering, no display

import matplotlib.colors as mcolors  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.collections import LineCollection, PolyCollection  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402
from matplotlib.transforms import offset_copy  # noqa: E402

from vsdash import basemap, label_layout  # noqa: E402
from vsdash.i18n import fmt_number, t  # noqa: E402
from vsdash.palette import OKABE_ITO, SUPPRESSED_COLOUR, TEXT_COLOUR  # noqa: E402
from vsdash.slide_figures import new_figure  # noqa: E402

AREA_COLOUR = OKABE_ITO[5]  # vermillion outlines for risk areas
OUTLINE_COLOUR = "#444444"
LABEL_GID = "risicogebied-naam"  # the gid of every name label, so tests can find them
NOTE_GID = "kaart-notitie"
# The picture is shown at about 0.9 of its size on the default 16:9 slide: 14 pt here is 12.5 pt
# on the projector, the least a room reads; the 8-10 pt names and source line were not read.
MAP_FONTSIZE = 14
LABEL_FONTSIZE = MAP_FONTSIZE
LABEL_PAD = 0.25  # the label box's padding, as a fraction of the font size (matplotlib boxstyle)
BASEMAP_ALPHA = 0.6  # the streets stay readable and the coloured cells stand out


def _parts(geom):
    return list(getattr(geom, "geoms", [geom]))


def _xy(ring) -> tuple[np.ndarray, np.ndarray]:
    lon, lat = ring.xy
    return basemap.mercator(lon, lat)


def _scope_outlines(deck) -> list:
    """Outlines of the municipalities on the picture, or [] when the boundary files are missing."""
    from vsdash import geo

    try:
        outline = geo.load_municipality_boundaries()
    except (geo.BoundariesUnavailable, geo.BoundaryFileError):
        return []  # the map still reads without the outline
    scope = [deck.gemeente] if deck.gemeente else list(deck.codes or outline["gemeentecode"])
    return [
        geom for code, geom in zip(outline["gemeentecode"], outline.geometry, strict=True) if code in scope
    ]


def risk_area_figure(deck, *, get: Callable[[str, float], bytes] | None = None) -> Figure:
    """Report density on H3 cells (about 0.7 km²) with the risk areas outlined and named.

    Cells whose count is hidden for privacy are grey and hatched; the street basemap lies under
    everything when it can be fetched (``get`` replaces the HTTP fetch, for tests). Names are
    placed busiest area first; a name that finds no free place is left off and a note says so.
    """
    from shapely import wkt

    from vsdash import geo

    lang = deck.lang
    fig, ax = new_figure((12, 6.4))
    ax.set_axis_off()
    lons: list[float] = []
    lats: list[float] = []

    hexes = deck.hexes
    bar = None
    if not hexes.empty:
        shapes = geo.cell_boundary_polygons(hexes["h3_cell"]).set_index("h3_cell")
        values = hexes.set_index("h3_cell")["n"]
        visible = values.dropna().astype(float)
        vmax = max(float(visible.max()) if not visible.empty else 1.0, float(deck.k))
        norm = mcolors.LogNorm(vmin=deck.k, vmax=max(vmax, deck.k + 1))
        cmap = matplotlib.colormaps["viridis_r"]
        # One collection per kind of cell, not a patch per cell: a national picture has over a
        # thousand cells, and one patch each took seconds to add and draw.
        hidden, shown, colours = [], [], []
        for cell, geom in shapes.geometry.items():
            lon, lat = geom.exterior.xy
            lons.extend(lon)
            lats.extend(lat)
            ring = np.column_stack(basemap.mercator(lon, lat))
            n = values.get(cell)
            if pd.isna(n):
                hidden.append(ring)
            elif n > 0:
                shown.append(ring)
                colours.append(cmap(norm(float(n))))
        if hidden:
            ax.add_collection(
                PolyCollection(
                    hidden,
                    facecolors=SUPPRESSED_COLOUR,
                    edgecolors="white",
                    linewidths=0.3,
                    hatch="///",
                    zorder=2,
                )
            )
        if shown:
            ax.add_collection(
                PolyCollection(
                    shown, facecolors=colours, edgecolors="white", linewidths=0.3, alpha=0.85, zorder=2
                )
            )
        bar = fig.colorbar(matplotlib.cm.ScalarMappable(norm=norm, cmap=cmap), ax=ax, shrink=0.7, pad=0.04)
        bar.set_label(t("map_legend_density", lang), fontsize=MAP_FONTSIZE)
        bar.ax.tick_params(which="both", labelsize=MAP_FONTSIZE)
        bar.ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _p: fmt_number(v, lang)))

    outlines = _scope_outlines(deck)
    lines = []
    for geom in outlines:
        for part in _parts(geom):
            lon, lat = part.exterior.xy
            if deck.gemeente:
                lons.extend(lon)
                lats.extend(lat)
            lines.append(np.column_stack(basemap.mercator(lon, lat)))
    if lines:  # one collection: all municipalities' outlines as one patch each took seconds
        ax.add_collection(
            LineCollection(lines, colors=OUTLINE_COLOUR, linewidths=1.4 if deck.gemeente else 0.3, zorder=3)
        )
    if not deck.gemeente:
        for geom in outlines:
            west, south, east, north = geom.bounds
            lons.extend([west, east])
            lats.extend([south, north])

    areas = deck.risk_areas.assign(_rank=deck.risk_areas["n"].astype("Float64").fillna(-1))
    areas = areas.sort_values("_rank", ascending=False, kind="stable")  # busiest named first
    anchors = []
    for area in areas.itertuples():
        geom = wkt.loads(area.geometrie_wkt)
        for part in _parts(geom):
            lon, lat = part.exterior.xy
            lons.extend(lon)
            lats.extend(lat)
            x, y = _xy(part.exterior)
            ax.plot(x, y, color="white", linewidth=4.5, zorder=4)  # halo: visible on dark cells
            ax.plot(x, y, color=AREA_COLOUR, linewidth=2.2, zorder=5)
        point = geom.representative_point()  # inside the area, also for a curved one
        cx, cy = basemap.mercator(point.x, point.y)
        anchors.append((float(cx), float(cy), f"{area.naam} ({area.label})"))

    notes = []
    if lons:
        pad_lon = (max(lons) - min(lons)) * 0.04 or 0.01
        pad_lat = (max(lats) - min(lats)) * 0.04 or 0.01
        bounds = (min(lons) - pad_lon, min(lats) - pad_lat, max(lons) + pad_lon, max(lats) + pad_lat)
        (left, right), (bottom, top) = basemap.mercator(bounds[0::2], bounds[1::2])
        ax.set_xlim(left, right)
        ax.set_ylim(bottom, top)
        tiles = basemap.mosaic(bounds, get=get) if get else basemap.mosaic(bounds)
        if tiles is not None:
            ax.imshow(
                tiles.image, extent=tiles.extent, alpha=BASEMAP_ALPHA, zorder=0, interpolation="bilinear"
            )
            ax.set_xlim(left, right)  # imshow widens the limits to the whole mosaic
            ax.set_ylim(bottom, top)
            attribution = t("map_basemap_attribution", lang) + " · " + t("map_attribution", lang)
        else:
            attribution = t("map_attribution", lang)
            notes.append(t("map_basemap_unavailable", lang))
        _under(ax, attribution, points_below=3, ha="right", fontsize=MAP_FONTSIZE)
    ax.set_aspect("equal")  # Web Mercator: equal units keep the shapes as on the tiles

    handles = [Patch(facecolor="white", edgecolor=AREA_COLOUR, linewidth=2, label=t("map_legend_area", lang))]
    if not hexes.empty and hexes["n"].isna().any():  # perturbed cells are never hidden (ADR 0006)
        handles.append(
            Patch(facecolor=SUPPRESSED_COLOUR, hatch="///", label=t("map_legend_hidden", lang, k=deck.k))
        )
    # Legend and notes sit outside the map, so they never cover a cell, an area or a name.
    ax.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=(0, 0),
        bbox_transform=offset_copy(ax.transAxes, fig, y=-22, units="points"),
        frameon=False,
        fontsize=MAP_FONTSIZE,
        ncol=2,
    )
    for note in notes:  # above the map: the first thing a reader sees
        ax.annotate(
            note, (0, 1), xycoords="axes fraction", xytext=(0, 4), textcoords="offset points",
            ha="left", va="bottom", fontsize=MAP_FONTSIZE, color=TEXT_COLOUR, gid=NOTE_GID,
            bbox=dict(boxstyle="square,pad=0.3", facecolor="white", edgecolor=OUTLINE_COLOUR),
        )  # fmt: skip
    dropped = _place_names(fig, ax, anchors, bar)
    if dropped:
        key = "map_names_dropped_one" if dropped == 1 else "map_names_dropped"
        _under(ax, t(key, lang, n=dropped), points_below=62, ha="left", fontsize=MAP_FONTSIZE)
    return fig


def _under(ax, text: str, *, points_below: float, ha: str, fontsize: float) -> None:
    """Write a line under the map, ``points_below`` points below its lower edge."""
    ax.annotate(
        text, (1 if ha == "right" else 0, 0), xycoords="axes fraction", xytext=(0, -points_below),
        textcoords="offset points", ha=ha, va="top", fontsize=fontsize, color=TEXT_COLOUR, gid=NOTE_GID,
    )  # fmt: skip


def _place_names(fig: Figure, ax, anchors: list[tuple[float, float, str]], bar) -> int:
    """Draw the names at places found by ``label_layout``; return how many found no place."""
    if not anchors:
        return 0
    fig.canvas.draw()  # final axes size (after the aspect) and text sizes need a renderer
    renderer = fig.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    obstacles = [ax.get_legend().get_window_extent(renderer)]
    obstacles += [a.get_window_extent(renderer) for a in ax.texts if a.get_gid() == NOTE_GID]
    if bar is not None:
        obstacles.append(bar.ax.get_tightbbox(renderer))
    pad_px = LABEL_PAD * LABEL_FONTSIZE * fig.dpi / 72
    sizes, points = [], []
    for x, y, text in anchors:
        probe = ax.text(0, 0, text, fontsize=LABEL_FONTSIZE, parse_math=False)
        extent = probe.get_window_extent(renderer)
        probe.remove()
        sizes.append((extent.width + 2 * pad_px, extent.height + 2 * pad_px))
        points.append(tuple(ax.transData.transform((x, y))))
    scale = fig.dpi / 100  # the placement's distances are pixels at 100 dpi
    placements = label_layout.place_labels(
        points,
        sizes,
        frame=label_layout.Box(frame.x0, frame.y0, frame.x1, frame.y1),
        obstacles=[label_layout.Box(b.x0, b.y0, b.x1, b.y1) for b in obstacles],
        gap=8 * scale,
        leader_gaps=(30 * scale, 55 * scale, 85 * scale),
        padding=2 * scale,
        anchor_clear=4 * scale,
    )
    to_data = ax.transData.inverted()
    for (x, y, text), placed in zip(anchors, placements, strict=True):
        if placed is None:
            continue
        ax.annotate(
            text,
            (x, y),
            xytext=tuple(to_data.transform(placed.centre)),
            textcoords="data",
            ha="center",
            va="center",
            fontsize=LABEL_FONTSIZE,
            color=TEXT_COLOUR,
            gid=LABEL_GID,
            parse_math=False,  # names come from files: "$" is a character, not mathtext
            zorder=8,
            annotation_clip=False,
            bbox=dict(
                boxstyle=f"round,pad={LABEL_PAD}", facecolor="white", edgecolor=AREA_COLOUR, alpha=0.92
            ),
            arrowprops=dict(arrowstyle="-", color=AREA_COLOUR, linewidth=1.2) if placed.leader else None,
        )
    return sum(p is None for p in placements)
