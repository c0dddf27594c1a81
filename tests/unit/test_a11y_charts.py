"""WCAG 2.1 AA in the library: every chart builder gives a text alternative with numbers and the
table behind it, charts read in the chosen language, and every colour used for text or key
graphics meets its contrast ratio (4.5:1 text, 3:1 graphics and large text).

Builders are found by inspection (public functions in ``vsdash.charts`` and ``vsdash.maps``
returning ``ChartSpec``/``MapSpec``), so a new builder without a sample call below fails here.
"""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import re
import tomllib

import h3
import numpy as np
import pandas as pd
import pytest
import shapely

from vsdash import charts, maps, metrics, privacy
from vsdash.settings import PROJECT_ROOT
from vsdash.ui import frame

WEEKS = pd.date_range("2024-01-01", periods=20, freq="7D")
CAMPAIGNS = pd.DataFrame(
    {
        "campagne_id": ["c1", "c1", "c2"],
        "naam": ["Ben jij OK?", "Ben jij OK?", "Lokaal"],
        "schaal": ["landelijk", "landelijk", "lokaal"],
        "start": [dt.date(2024, 2, 5)] * 2 + [dt.date(2024, 3, 4)],
        "eind": [dt.date(2024, 3, 3)] * 2 + [dt.date(2024, 3, 17)],
        "gemeentecode": ["GM1", "GM2", "GM1"],
    }
)
BREAKS = pd.DataFrame(
    {"datum": [dt.date(2024, 4, 1)], "naam": ["StopApp"], "soort_breuk": ["start"], "gemeentecode": ["GM1"]}
)
ACTIVITIES = pd.DataFrame({"start": [dt.date(2024, 2, 20)], "titel": ["Safe Clubbing-training"]})


def _weekly(values) -> pd.DataFrame:
    frame_ = pd.DataFrame({"periode": WEEKS, "n": values})
    return privacy.suppress_small_counts(frame_, "n", total_shown=False).astype({"n": "float"})


def _trend(lang):
    previous = _weekly([1200 + 10 * i for i in range(20)])
    return charts.report_trend_chart(
        _weekly([1300 + (i % 5) * 40 for i in range(20)]),
        CAMPAIGNS,
        BREAKS,
        grain="week",
        lang=lang,
        activities=ACTIVITIES,
        previous=previous,
    )


def _bars(lang):
    counts = pd.DataFrame({"cat": ["Onderzoek", "Preventie", "Interventie"], "n": [12, 30, 7]})
    counts["label"] = counts["n"].astype(str)
    return charts.category_bar_chart(counts, "cat", lang=lang, title="activiteiten")


def _stacked(lang):
    rows = pd.DataFrame(
        {"periode": np.repeat(WEEKS, 2), "categorie": ["verbaal", "fysiek"] * 20, "n": [20, 3] * 20}
    )
    rows = privacy.suppress_small_counts(rows, "n", group_cols=["periode"]).astype({"n": "float"})
    return charts.stacked_reports_chart(
        rows,
        "categorie",
        {"verbaal": "Verbaal", "fysiek": "Fysiek"},
        CAMPAIGNS,
        BREAKS,
        grain="week",
        lang=lang,
        activities=ACTIVITIES,
    )


def _rate(lang):
    population = pd.DataFrame({"gemeentecode": ["GM1"], "jaar": [2024], "inwoners": [50_000]})
    rates = metrics.rates_per_period(pd.DataFrame({"periode": WEEKS, "n": [10] * 20}), population, ("GM1",))
    rates = privacy.suppress_rates(rates, "n", ("rate",), total_shown=False)
    return charts.rate_trend_chart(rates, CAMPAIGNS, BREAKS, grain="week", lang=lang, activities=ACTIVITIES)


def _heat(lang):
    grid = pd.DataFrame(
        [(d, h, 10 + d + h) for d in range(1, 8) for h in range(24)], columns=["weekdag", "uur", "n"]
    )
    grid = privacy.suppress_small_counts(grid, "n", total_shown=False).astype({"n": "float"})
    return charts.weekday_hour_heatmap(grid, lang=lang)


def _timeline(lang):
    return charts.campaign_timeline_chart(
        CAMPAIGNS,
        {"GM1": "Eenstad", "GM2": "Tweestad"},
        _weekly([8] * 20),
        BREAKS,
        grain="week",
        lang=lang,
        highlight="c1",
    )


def _counterfactual(lang):
    weekly = pd.DataFrame(
        {
            "week": WEEKS,
            "period": ["pre"] * 14 + ["window"] * 6,
            "observed": [20.0] * 14 + [30.0] * 6,
            "label": ["20"] * 14 + ["30"] * 6,
            "expected": [20.0] * 20,
            "low": [14.0] * 20,
            "high": [27.0] * 20,
        }
    )
    return charts.counterfactual_chart(weekly, lang=lang)


def _forest(lang):
    effects = pd.DataFrame(
        {
            "label": ["Ben jij OK? — Eenstad", "Lokaal — Tweestad"],
            "relative_change": [0.4, -0.05],
            "relative_low": [0.1, -0.3],
            "relative_high": [0.8, np.nan],
        }
    )
    return charts.campaign_forest_chart(effects, lang=lang)


# --- maps: one municipality around Utrecht's centre, two risk areas with measures ---------------

GEMEENTE = "GM0344"
CENTRE_CELL = h3.latlng_to_cell(52.0907, 5.1214, maps.H3_RESOLUTION)
RING_CELLS = sorted(h3.grid_disk(CENTRE_CELL, 2))  # 19 cells
MUNICIPALITIES = pd.DataFrame(
    {
        "gemeentecode": ["GM0344", "GM0363", "GM0080"],
        "weergavenaam": ["Utrecht", "Amsterdam", "Leeuwarden"],
        "lat": [52.0907, 52.3728, 53.2012],
        "lon": [5.1214, 4.8936, 5.7999],
    }
)
NO_BOUNDARIES = maps.Boundaries(missing_reason="Gemeentegrenzen ontbreken in deze test.")


def _area_wkt(cell: str) -> str:
    ring = [(lng, lat) for lat, lng in h3.cell_to_boundary(cell)]
    return shapely.Polygon(ring).wkt


RISK_AREAS = pd.DataFrame(
    {
        "risicogebied_id": ["RG1", "RG2"],
        "gemeentecode": [GEMEENTE] * 2,
        "naam": ["Neude", "Stationsgebied"],
        "type": ["uitgaansgebied", "station_ov"],
        "geometrie_wkt": [_area_wkt(CENTRE_CELL), _area_wkt(RING_CELLS[0])],
    }
)
MEASURES = pd.DataFrame(
    {
        "risicogebied_id": ["RG1", "RG2"],
        "maatregel": ["verlichting", "camera"],
        "datum": [dt.date(2024, 3, 4), dt.date(2024, 4, 15)],
    }
)


def _hex_counts(values) -> pd.DataFrame:
    """``Store.hex_counts`` output: one row per cell (h3_r8 as integer)."""
    return pd.DataFrame(
        {
            "gemeentecode": GEMEENTE,
            "h3_r8": [h3.str_to_int(c) for c in RING_CELLS[: len(values)]],
            "n": values,
        }
    )


def _area_counts(values) -> pd.DataFrame:
    return pd.DataFrame({"risicogebied_id": ["RG1", "RG2"], "n": values})


def _density(lang):
    # 3 and 2 reports fall below k: those cells turn grey and read "<5" in alt text and table.
    cells = maps.hex_cells(_hex_counts([40, 25, 12, 9, 3, 2, 30, 18, 7, 55]), lang=lang)
    areas = maps.risk_area_table(RISK_AREAS, MEASURES, _area_counts([61, 3]), lang=lang)
    return maps.density_map(
        cells, RISK_AREAS, areas, NO_BOUNDARIES, MUNICIPALITIES, gemeente=GEMEENTE, lang=lang
    )


def _national(lang):
    counts = pd.DataFrame({"gemeentecode": ["GM0344", "GM0363", "GM0080"], "n": [1480, 3120, 3]})
    totals = maps.municipality_totals(counts, MUNICIPALITIES, lang=lang)
    return maps.national_map(totals, NO_BOUNDARIES, label="Alle gemeenten", lang=lang)


def _before_after(lang, before=(40, 25, 12, 9, 30, 2), after=(28, 31, 12, 14, 22, 3)):
    hexes = maps.compare_cells(_hex_counts(list(before)), _hex_counts(list(after)), lang=lang)
    areas = maps.compare_counts(
        _area_counts([45, 8]), _area_counts([30, 9]), "risicogebied_id", total_shown=False, lang=lang
    )
    windows = maps.before_after_windows(dt.date(2024, 3, 4), 8, (dt.date(2023, 1, 1), dt.date(2024, 12, 31)))
    return maps.before_after_map(
        hexes,
        areas,
        RISK_AREAS,
        NO_BOUNDARIES,
        MUNICIPALITIES,
        gemeente=GEMEENTE,
        windows=windows,
        event_label="Verlichting Neude (4 maart 2024)",
        lang=lang,
    )


def _area_trend(lang):
    weekly = pd.DataFrame(
        {"risicogebied_id": "RG1", "periode": WEEKS, "n": [12 + (i % 4) * 3 for i in range(20)]}
    )
    return maps.risk_area_trend(
        weekly, MEASURES, "RG1", "Neude", dt.date(2024, 1, 1), dt.date(2024, 5, 19), lang=lang
    )


# One realistic call per builder. A new public builder needs a line here (the test below says so).
SAMPLES = {
    "charts.report_trend_chart": _trend,
    "charts.category_bar_chart": _bars,
    "charts.stacked_reports_chart": _stacked,
    "charts.rate_trend_chart": _rate,
    "charts.weekday_hour_heatmap": _heat,
    "charts.campaign_timeline_chart": _timeline,
    "charts.counterfactual_chart": _counterfactual,
    "charts.campaign_forest_chart": _forest,
    "maps.density_map": _density,
    "maps.national_map": _national,
    "maps.before_after_map": _before_after,
    "maps.risk_area_trend": _area_trend,
}
SPEC_TYPES = {"ChartSpec", "MapSpec"}
MAP_SAMPLES = {"maps.density_map", "maps.national_map", "maps.before_after_map"}
CHART_SAMPLES = sorted(set(SAMPLES) - MAP_SAMPLES)


def _builders() -> dict[str, object]:
    found = {}
    for module_name in ("charts", "maps"):
        try:
            module = importlib.import_module(f"vsdash.{module_name}")
        except ModuleNotFoundError:
            continue  # vsdash.maps arrives with the map page
        for name, func in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("_") or func.__module__ != module.__name__:
                continue
            returned = inspect.signature(func).return_annotation
            returned = returned if isinstance(returned, str) else getattr(returned, "__name__", "")
            # "charts.ChartSpec" (a builder in maps returning a chart) counts as a ChartSpec too,
            # and so does "charts.ChartSpec | None" (a builder that may have nothing to draw).
            if returned.split("|")[0].strip().rsplit(".", 1)[-1] in SPEC_TYPES:
                found[f"{module_name}.{name}"] = func
    return found


def test_every_builder_is_discovered_and_has_a_sample():
    builders = _builders()
    # the discovery itself works, for charts, maps and a chart built in maps
    assert {"charts.report_trend_chart", "maps.density_map", "maps.risk_area_trend"} <= set(builders)
    missing = sorted(set(builders) - set(SAMPLES))
    assert not missing, f"add a sample call to SAMPLES in {__file__} for: {missing}"
    assert not set(SAMPLES) - set(builders), "SAMPLES names a builder that no longer exists"
    returns_map = {name for name, func in builders.items() if "MapSpec" in str(inspect.signature(func))}
    assert returns_map == MAP_SAMPLES, "MAP_SAMPLES must list exactly the builders that return a MapSpec"


def _points(trace) -> int:
    for attr in ("y", "x", "z", "lat", "data"):
        values = getattr(trace, attr, None)
        if values is not None:
            return len(values)
    return 0


def _matches_some_trace(figure, table: pd.DataFrame) -> bool:
    """The table has a row per point of one trace, or per point of all traces of one kind."""
    counts = [_points(tr) for tr in figure.data]
    by_kind: dict[str, int] = {}
    for tr, n in zip(figure.data, counts, strict=True):
        by_kind[tr.type] = by_kind.get(tr.type, 0) + n
    return len(table) in set(counts) | set(by_kind.values())


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_builder_gives_alt_text_with_numbers_and_a_matching_table(name, lang):
    spec = SAMPLES[name](lang)
    assert type(spec).__name__ in SPEC_TYPES
    assert spec.alt and spec.alt.strip().endswith("."), spec.alt
    assert re.search(r"\d", spec.alt), f"{name}: the alt text names no number: {spec.alt}"
    assert "nan" not in spec.alt.lower() and "{" not in spec.alt, spec.alt
    assert isinstance(spec.table, pd.DataFrame) and not spec.table.empty
    figure = getattr(spec, "figure", None) or getattr(spec, "deck", None)
    if hasattr(figure, "data"):
        assert _matches_some_trace(figure, spec.table), f"{name}: table rows do not match the figure"
        for caption, table in getattr(spec, "more_tables", {}).items():
            assert caption and _matches_some_trace(figure, table), f"{name}: '{caption}'"


def _main_layer(deck) -> list[dict]:
    """The records of the layer that carries a map's counts: hexagons, or one per municipality."""
    ids = {layer.id for layer in deck.layers}
    main = maps.LAYER_HEXES if maps.LAYER_HEXES in ids else maps.LAYER_TOTALS
    return maps.layer_records(deck, main)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("name", sorted(MAP_SAMPLES))
def test_map_tables_carry_what_the_map_shows(name, lang):
    """One table row per hexagon or municipality with the label the map shows; risk areas too."""
    spec = SAMPLES[name](lang)
    shown = _main_layer(spec.deck)
    assert len(spec.table) == len(shown), f"{name}: {len(spec.table)} rows for {len(shown)} shapes"
    cells = {str(v) for v in spec.table.to_numpy().ravel()}
    assert {r["label"] for r in shown} <= cells, f"{name}: a label on the map is missing from the table"
    areas = (
        {r["risicogebied_id"] for r in maps.layer_records(spec.deck, maps.LAYER_RISK_AREAS)}
        if any(layer.id == maps.LAYER_RISK_AREAS for layer in spec.deck.layers)
        else set()
    )
    assert sum(len(table) for table in spec.more_tables.values()) == len(areas), f"{name}: risk area rows"
    for caption, table in spec.more_tables.items():
        assert caption and set(RISK_AREAS.loc[RISK_AREAS["risicogebied_id"].isin(areas), "naam"]) <= set(
            table.iloc[:, 0]
        )
    # The legend names every colour in words (colour is never the only carrier).
    assert spec.legend and all(entry.label and re.search(r"\w", entry.label) for entry in spec.legend)


def test_suppressed_counts_stay_hidden_in_the_map_tables():
    spec = _density("nl")
    cells = [str(v) for v in spec.table.to_numpy().ravel()]
    assert "<5" in cells and "3" not in cells and "2" not in cells
    areas = next(iter(spec.more_tables.values()))
    assert list(areas.iloc[:, 1]) == ["61", "<5"]
    change = _before_after("nl")
    # 2 -> 3 reports: both windows hidden, so the change is not given either.
    assert change.table.iloc[:, 1:].isin(["2", "3", "+1"]).sum().sum() == 0


def test_suppressed_counts_stay_hidden_in_the_tables():
    spec = _stacked("nl")
    cells = [str(v) for v in spec.table.to_numpy().ravel()]
    assert "<5" in cells and "3" not in cells and "3.0" not in cells


# --- language ---------------------------------------------------------------------------------

ENGLISH_MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}


@pytest.mark.parametrize("name", CHART_SAMPLES)
def test_figures_use_the_languages_number_and_date_format(name):
    for lang, separators in (("nl", ",."), ("en", ".,")):
        fig = SAMPLES[name](lang).figure
        assert fig.layout.separators == separators
        for axis in (ax for key, ax in fig.layout.to_plotly_json().items() if key.startswith("xaxis")):
            words = {w for text in axis.get("ticktext") or () for w in str(text).split()}
            if lang == "nl":
                assert not words & ENGLISH_MONTHS, f"{name}: English months on a Dutch axis: {words}"
            assert "%b" not in str(axis.get("hoverformat", "")) and "%B" not in str(
                axis.get("tickformat", "")
            )
    for trace in SAMPLES[name]("nl").figure.data:
        assert "%b" not in str(trace.hovertemplate or ""), f"{name}: English month in hover"


def test_date_ticks_say_maart_in_dutch_and_march_in_english():
    nl = charts.date_ticks(pd.Timestamp("2023-01-01"), pd.Timestamp("2023-06-30"), "nl")[1]
    en = charts.date_ticks(pd.Timestamp("2023-01-01"), pd.Timestamp("2023-06-30"), "en")[1]
    assert nl[:3] == ["jan 2023", "feb", "mrt"] and en[:3] == ["Jan 2023", "Feb", "Mar"]
    vals, labels = charts.date_ticks(pd.Timestamp("2019-01-01"), pd.Timestamp("2026-06-30"), "nl")
    assert len(vals) <= charts.MAX_DATE_TICKS and labels[0] == "2019"
    assert (
        charts.date_ticks(pd.Timestamp("2024-03-10"), pd.Timestamp("2024-03-31"), "nl")[1][0] == "10 mrt 2024"
    )


def test_timeline_ticks_cover_the_gantt_bars():
    fig = _timeline("nl").figure
    assert fig.layout.xaxis.ticktext == fig.layout.xaxis2.ticktext
    assert "feb" in fig.layout.xaxis.ticktext


# --- contrast ---------------------------------------------------------------------------------


def _rgb(colour: str) -> tuple[tuple[float, float, float], float]:
    colour = colour.strip().lower()
    if colour.startswith("#"):
        h = colour[1:]
        h = "".join(c * 2 for c in h) if len(h) == 3 else h
        return tuple(int(h[i : i + 2], 16) for i in (0, 2, 4)), 1.0
    nums = [float(v) for v in re.findall(r"[\d.]+", colour)]
    return tuple(nums[:3]), (nums[3] if len(nums) > 3 else 1.0)


def _over(colour: str, background: str = "#ffffff") -> tuple[float, float, float]:
    """The colour as seen when painted (with its opacity) over ``background``."""
    (r, g, b), a = _rgb(colour)
    (br, bg, bb), _ = _rgb(background)
    return (a * r + (1 - a) * br, a * g + (1 - a) * bg, a * b + (1 - a) * bb)


def _luminance(rgb) -> float:
    def channel(c):
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(foreground: str, background: str = "#ffffff") -> float:
    """WCAG 2.1 contrast ratio of ``foreground`` (opacity blended) on ``background``."""
    bg = _over(background)
    fg = _over(foreground, "#{:02x}{:02x}{:02x}".format(*(round(c) for c in bg)))
    hi, lo = sorted((_luminance(fg), _luminance(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_contrast_formula_against_known_pairs():
    assert contrast("#000000") == pytest.approx(21.0)
    assert contrast("#767676") == pytest.approx(4.54, abs=0.01)  # the classic AA grey
    assert contrast("#ff4b4b") < 4.5  # Streamlit's default primary red fails as text


def test_theme_colours_meet_aa():
    theme = tomllib.loads((PROJECT_ROOT / ".streamlit" / "config.toml").read_text())["theme"]
    background = theme["backgroundColor"]
    assert contrast(theme["textColor"], background) >= 7
    # Streamlit draws captions and help text in textColor at 60% opacity.
    (r, g, b), _ = _rgb(theme["textColor"])
    assert contrast(f"rgba({r}, {g}, {b}, 0.6)", background) >= 4.5
    assert contrast(theme["textColor"], theme["secondaryBackgroundColor"]) >= 4.5
    for key in ("primaryColor", "linkColor"):
        assert contrast(theme[key], background) >= 4.5, key
        # selected options show the primary colour on its own 10-20% tint
        (r, g, b), _ = _rgb(theme[key])
        assert contrast(theme[key], f"rgba({r}, {g}, {b}, 0.2)") >= 4.5, key


def test_demo_badge_contrast():
    assert contrast(frame.BADGE_TEXT, frame.BADGE_BACKGROUND) >= 4.5
    assert contrast(frame.BADGE_BORDER, "#ffffff") >= 3
    assert frame.BADGE_TEXT in frame.STYLE and frame.BADGE_BACKGROUND in frame.STYLE
    assert contrast(frame.FOCUS_RING, "#ffffff") >= 3 and contrast(frame.FOCUS_RING, "#f0f2f6") >= 3
    assert f"outline: 3px solid {frame.FOCUS_RING}" in frame.STYLE


def _key_graphic_colours(trace) -> list[str]:
    """The colours that carry a trace's meaning against the white plot background."""
    found = []
    mode = getattr(trace, "mode", None) or ""
    if trace.type == "scatter":
        if (
            "lines" in mode
            and (trace.line.width is None or trace.line.width > 0)
            and trace.fill in (None, "none")
        ):
            found.append(trace.line.color)
        if "markers" in mode:
            colours = (
                trace.marker.color if isinstance(trace.marker.color, (list, tuple)) else [trace.marker.color]
            )
            edge = trace.marker.line.color if trace.marker.line and trace.marker.line.width else None
            found += [edge if edge and contrast(edge) >= 3 else c for c in colours if c]
    elif trace.type == "bar":
        fill = trace.marker.color
        edges = trace.marker.line.color if trace.marker.line else None
        width = trace.marker.line.width if trace.marker.line else 0
        if isinstance(fill, str) and contrast(fill) < 3:
            assert edges and width, f"{trace.name}: a light bar ({fill}) needs a dark edge"
            found += list(edges) if isinstance(edges, (list, tuple)) else [edges]
        elif isinstance(fill, str):
            found.append(fill)
    return [c for c in found if c]


@pytest.mark.parametrize("name", CHART_SAMPLES)
def test_chart_colours_meet_aa(name):
    fig = SAMPLES[name]("nl").figure
    for trace in fig.data:
        for colour in _key_graphic_colours(trace):
            assert contrast(colour) >= 3, f"{name}: {trace.name} drawn in {colour} ({contrast(colour):.2f}:1)"
    for note in fig.layout.annotations:
        colour = (note.font.color if note.font else None) or charts.TEXT_COLOUR
        # Labels sit on white or on a campaign band: both backgrounds must give 4.5:1.
        assert contrast(colour) >= 4.5, f"{name}: annotation {note.text!r}"
        assert contrast(colour, charts.BAND_COLOUR) >= 4.5, f"{name}: annotation {note.text!r} on a band"
    for shape in fig.layout.shapes:
        if shape.type == "line" and shape.line.color:
            assert contrast(shape.line.color) >= 3, f"{name}: line {shape.line.color}"
    assert contrast(charts.FONT["color"]) >= 4.5
    for trace in fig.data:  # numbers and names printed inside bars sit on the bar's own fill
        fill = trace.marker.color if trace.type == "bar" else None
        if isinstance(fill, str) and trace.textposition == "inside" and trace.textfont.color:
            ratio = contrast(trace.textfont.color, fill)
            assert ratio >= 4.5, f"{name}: {trace.name} text {trace.textfont.color} on {fill} ({ratio:.2f}:1)"
    # Tick labels and axis titles are small text: their colour is set, not left to a theme.
    for key, axis in fig.layout.to_plotly_json().items():
        if key.startswith(("xaxis", "yaxis")):
            assert contrast(axis["tickfont"]["color"]) >= 4.5, f"{name}: {key} tick labels"
            assert contrast(axis["title"]["font"]["color"]) >= 4.5, f"{name}: {key} title"


@pytest.mark.parametrize(
    "lang, one, many", [("nl", "1 zeshoek (", "1 zeshoeken"), ("en", "1 hexagon (", "1 hexagons")]
)
def test_change_map_alt_text_says_one_hexagon_in_the_singular(lang, one, many):
    # 25 -> 31 is the only hexagon with more reports.
    spec = _before_after(lang, before=(40, 25, 12), after=(28, 31, 12))
    assert one in spec.alt and many not in spec.alt


def test_numbers_and_names_inside_bars_read_on_every_fill():
    """Text printed inside bars sits on the bar's colour: 4.5:1 on each status's and programme's fill.

    The activity status bars printed dark text on the dark blue of 'lopend' (3.4:1) and the
    programme timeline white names on orange (2.3:1); neither builder is in the samples above.
    """
    from vsdash import charts_activities, charts_compare, compare, reference, schema

    cells = [(c, s) for c in schema.ACTIVITY_CATEGORIES for s in schema.ACTIVITY_STATUSES]
    counts = pd.DataFrame(cells, columns=["categorie", "status"]).assign(n=2)
    memberships = reference.memberships().assign(
        programma_naam=lambda d: d["programma"].map(reference.PROGRAMMES.set_index("programma")["naam"])
    )
    figures = [
        charts_activities.status_by_category_chart(counts).figure,
        charts_compare.membership_timeline_chart(
            compare.membership_spans(memberships, dt.date(2026, 12, 31)), names=pd.Series(dtype=str)
        ).figure,
    ]
    checked = 0
    for fig in figures:
        for trace in fig.data:
            fill = trace.marker.color
            assert trace.textposition == "inside" and isinstance(fill, str)
            ratio = contrast(trace.textfont.color, fill)
            assert ratio >= 4.5, f"{trace.name}: {trace.textfont.color} on {fill} ({ratio:.2f}:1)"
            checked += 1
    assert checked == len(schema.ACTIVITY_STATUSES) + memberships["programma"].nunique()
