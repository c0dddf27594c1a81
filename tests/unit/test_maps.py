"""Maps and map/count exports: privacy on random report sets, payload size, no boundaries."""

from __future__ import annotations

import datetime as dt
import itertools
import json

import h3
import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vsdash import maps, privacy, publication
from vsdash.cli import main
from vsdash.commands.export import TOTAL, counts_table, map_geojson
from vsdash.i18n import t
from vsdash.store import ReportFilter, Store

K = privacy.resolve_k()
GEMEENTE = "GM0344"
CENTRE = h3.latlng_to_cell(52.0907, 5.1214, 8)  # Utrecht centre
CELLS = sorted(h3.grid_disk(CENTRE, 2))  # 19 neighbouring resolution-8 cells
WIJKEN = ("WK034401", "WK034402", "WK034403")
START, END = dt.date(2024, 1, 1), dt.date(2024, 6, 30)


def _reports(cell_counts: list[tuple[int, int, int]], seed: int) -> pd.DataFrame:
    """Reports from (cell index, wijk index, count) triples, on random days in the period."""
    rng = np.random.default_rng(seed)
    rows = []
    for cell_index, wijk_index, count in cell_counts:
        cell = CELLS[cell_index]
        for _ in range(count):
            day = START + dt.timedelta(days=int(rng.integers(0, (END - START).days + 1)))
            moment = dt.datetime.combine(day, dt.time(int(rng.integers(0, 24))))
            rows.append(
                {
                    "melding_id": f"r{len(rows)}",
                    "gemeentecode": GEMEENTE,
                    "gebeurd_op": moment,
                    "ontvangen_op": moment,
                    "kanaal_id": None,
                    "categorie": "verbaal",
                    "wijkcode": WIJKEN[wijk_index],
                    "risicogebied_id": None,
                    "h3_r7": h3.str_to_int(h3.cell_to_parent(cell, 7)),
                    "h3_r8": h3.str_to_int(cell),
                    "h3_r9": h3.str_to_int(h3.cell_to_center_child(cell, 9)),
                    "import_id": "test",
                }
            )
    frame = pd.DataFrame(rows)
    if len(frame):
        for col in ("h3_r7", "h3_r8", "h3_r9"):
            frame[col] = frame[col].astype("uint64")
    return frame


@pytest.fixture(scope="module")
def scratch_store(tmp_path_factory):
    store = Store(f"duckdb:///{tmp_path_factory.mktemp('maps') / 'scratch.duckdb'}")
    yield store
    store.close()


def _load(store: Store, cell_counts, seed: int) -> int:
    store.execute("DELETE FROM reports")
    frame = _reports(cell_counts, seed)
    if len(frame):
        store.insert("reports", frame)
    store.rebuild_aggregates()
    return len(frame)


def _assert_not_derivable(counts: list, suppression: list, total: int | None) -> None:
    """With the published ``total``, every hidden small count must keep more than one possible value."""
    assert all(pd.isna(c) or c == 0 or c >= K for c in counts), counts
    if total is None:
        return
    hidden = [s for s in suppression if s]
    hidden_sum = total - sum(int(c) for c in counts if not pd.isna(c))
    for i, status in enumerate(s for s in suppression if s):
        if status != privacy.PRIMARY:
            continue
        others = hidden[:i] + hidden[i + 1 :]
        has_open_partner = privacy.SECONDARY in others
        low = 1 if has_open_partner else max(1, hidden_sum - (K - 1) * len(others))
        high = min(K - 1, hidden_sum - sum(1 if s == privacy.PRIMARY else K for s in others))
        assert low < high, f"hidden cell {i} is {low}: counts {counts}, total {total}"


cell_sets = st.lists(
    st.tuples(
        st.integers(0, len(CELLS) - 1),
        st.integers(0, len(WIJKEN) - 1),
        st.one_of(st.integers(0, K + 1), st.integers(0, 40)),
    ),
    min_size=0,
    max_size=14,
)
property_settings = settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@property_settings
@given(cell_counts=cell_sets, seed=st.integers(0, 2**16))
def test_map_layer_and_geojson_never_show_or_reveal_small_counts(scratch_store, cell_counts, seed):
    total = _load(scratch_store, cell_counts, seed)
    flt = ReportFilter((GEMEENTE,), START, END)
    cells = maps.hex_cells(scratch_store.hex_counts(flt))
    # The municipality total is published (Overzicht) unless privacy says it must not be.
    published = None if cells.attrs.get(privacy.UNPROTECTED_ATTR) or total < K else total
    _assert_not_derivable(cells["count"].tolist(), cells["suppression"].tolist(), published)

    geojson = map_geojson(scratch_store, GEMEENTE, START, END)
    props = [f["properties"] for f in geojson["features"]]
    kaart = publication.published_hexagons(scratch_store, (GEMEENTE,), START, END).cells
    assert [p["h3"] for p in props] == kaart["h3"].tolist()  # the file is the Kaart's layer
    assert [p["label"] for p in props] == kaart["label"].tolist()
    for p in props:
        assert p["count"] is None or p["count"] >= K
        assert (p["count"] is None) == (p["label"] in (f"<{K}", privacy.SECONDARY_LABEL))

    spec = maps.density_map(
        cells,
        pd.DataFrame(columns=["risicogebied_id", "gemeentecode", "naam", "type", "geometrie_wkt"]),
        pd.DataFrame(columns=["risicogebied_id", "label", "maatregelen"]),
        maps.Boundaries(missing_reason="geen grenzen in deze test"),
        scratch_store.municipalities(),
        gemeente=GEMEENTE,
    )
    shown = maps.layer_records(spec.deck, maps.LAYER_HEXES)
    assert len(shown) == len(cells)
    for record in shown:
        if record["label"] not in (f"<{K}", privacy.SECONDARY_LABEL):
            assert int(record["label"].replace(".", "")) == 0 or int(record["label"].replace(".", "")) >= K


@property_settings
@given(cell_counts=cell_sets, seed=st.integers(0, 2**16))
def test_counts_csv_by_wijk_with_totals_reveals_nothing(scratch_store, cell_counts, seed):
    # Issue 14: every number is a period total, the sum of its published blocks (ADR 0006); no
    # count 1..k-1 is ever written, and a wijk published as 0 is left out like an empty one.
    _load(scratch_store, cell_counts, seed)
    table = counts_table(scratch_store, "wijk", START, END, GEMEENTE)
    cells = table[table["wijkcode"] != TOTAL]
    totals = table[table["wijkcode"] == TOTAL]
    assert table["count"].notna().all()
    assert not cells["count"].between(1, K - 1).any()
    weekly = scratch_store.area_counts(ReportFilter((GEMEENTE,), START, END), "wijkcode", grain="week")
    published = [privacy.published_count(int(r.n), int(r.ckey)) for r in weekly.itertuples()]
    weekly = weekly.assign(published=published)
    assert len(totals) == (1 if len(weekly) else 0)
    if len(totals):
        # The total is the municipality's key figure (smallfix item 4), not the sum of its wijken.
        # (member_figures: the key figure's count; this scratch store has no reporting point to show it)
        figure = int(publication.member_figures(scratch_store, [GEMEENTE], START, END)["n"].iloc[0])
        assert int(totals["count"].iloc[0]) == figure
        assert int(totals["count"].iloc[0]) not in range(1, K)
    # Each wijk is the sum of its published fixed blocks of weeks (privacy.week_blocks), read
    # here from its weeks one at a time: a sum of perturbed weeks inflated every small wijk-week.
    first = START + dt.timedelta(days=(7 - START.weekday()) % 7)
    last = END - dt.timedelta(days=END.weekday())
    expected = {
        w: privacy.published_in_blocks(rows, first, last, "periode") for w, rows in weekly.groupby("wijkcode")
    }
    assert dict(zip(cells["wijkcode"], cells["count"].astype(int), strict=True)) == {
        w: v for w, v in expected.items() if v > 0
    }


@property_settings
@given(cell_counts=cell_sets, seed=st.integers(0, 2**16))
def test_before_after_change_is_only_shown_between_visible_counts(scratch_store, cell_counts, seed):
    _load(scratch_store, cell_counts, seed)
    mid = dt.date(2024, 4, 1)
    windows = maps.before_after_windows(mid, 8, (START, END))
    before = scratch_store.hex_counts(ReportFilter((GEMEENTE,), *windows.before))
    after = scratch_store.hex_counts(ReportFilter((GEMEENTE,), *windows.after))
    compared = maps.compare_cells(before, after)
    for row in compared.itertuples():
        for value in (row.voor, row.na):
            assert pd.isna(value) or value == 0 or value >= K
        assert pd.isna(row.verschil) == (pd.isna(row.voor) or pd.isna(row.na))


def test_before_after_windows_are_equal_whole_weeks():
    windows = maps.before_after_windows(dt.date(2024, 3, 14), 6, (dt.date(2023, 1, 1), dt.date(2024, 12, 31)))
    assert windows.after[0] == dt.date(2024, 3, 11)  # the Monday of the event's week
    assert windows.after[0].weekday() == 0 and windows.before[0].weekday() == 0
    assert (
        (windows.before[1] - windows.before[0]).days + 1
        == 42
        == (windows.after[1] - windows.after[0]).days + 1
    )
    short = maps.before_after_windows(dt.date(2024, 3, 14), 6, (dt.date(2024, 2, 1), dt.date(2024, 12, 31)))
    assert short.shortened and short.weeks == 5  # Mondays 5 Feb .. 4 Mar before the event's week
    assert (
        maps.before_after_windows(dt.date(2024, 3, 14), 6, (dt.date(2024, 3, 12), dt.date(2024, 12, 31)))
        is None
    )


@pytest.mark.parametrize(
    ("values", "expected"),
    [([5, 6, 7], [5]), ([5, 300], [5, 10, 20, 50, 100]), ([], [5]), ([12, 40, 90], [5, 10, 20, 50])],
)
def test_count_classes_start_at_k_and_read_well(values, expected):
    assert maps.count_classes(values, 5) == expected


# --- payload and coordinates on the 30k demo store ------------------------------------------


def _busiest(store: Store, span) -> str:
    per = store.count_reports(ReportFilter(None, *span), "month", ("gemeentecode",))
    return per.groupby("gemeentecode")["n"].sum().idxmax()


def _assert_no_report_points(deck, n_municipalities: int) -> None:
    spec = json.loads(deck.to_json())
    for layer in spec["layers"]:
        data = layer.get("data") or []
        coordinate_keys = {k for row in data for k in row if k.lower() in privacy.RAW_COORDINATE_COLUMNS}
        if layer["id"] in maps.AREA_POINT_LAYERS:
            codes = [row["gemeentecode"] for row in data]
            assert len(codes) == len(set(codes)) <= n_municipalities
        elif layer["id"] in maps.RISK_AREA_POINT_LAYERS:
            ids = [row["risicogebied_id"] for row in data]  # one name point per risk area
            assert len(ids) == len(set(ids)) and all(r.startswith("GM") for r in ids)
        else:
            assert not coordinate_keys, f"layer {layer['id']} has {coordinate_keys}"
        assert layer["@@type"] != "ScatterplotLayer" or layer["id"] in maps.AREA_POINT_LAYERS


def test_map_payload_is_small_and_has_no_report_points(demo_store_url):
    from vsdash import geo

    store = Store(demo_store_url)
    try:
        span = store.report_date_range()
        municipalities = store.municipalities()
        gm, wk = geo.load_municipality_boundaries(), geo.load_wijk_boundaries()
        busiest = _busiest(store, span)
        flt = ReportFilter((busiest,), *span)
        areas = store.risk_areas()
        areas = areas[areas["gemeentecode"] == busiest]
        cells = maps.hex_cells(store.hex_counts(flt))
        table = maps.risk_area_table(areas, store.risk_area_measures(), store.area_counts(flt))
        local = maps.density_map(
            cells, areas, table, maps.prepare_boundaries(gm, wk, busiest), municipalities, gemeente=busiest
        )
        totals = maps.municipality_totals(
            store.count_reports(ReportFilter(None, *span), "month", ("gemeentecode",)), municipalities
        )
        national = maps.national_map(totals, maps.prepare_boundaries(gm, None, None), label="Alle gemeenten")
    finally:
        store.close()
    for spec in (local, national):
        size = maps.map_payload_bytes(spec.deck)
        assert size < 1_000_000, f"{size} bytes"  # well under the 2 MB limit
        _assert_no_report_points(spec.deck, len(municipalities))
    assert len(maps.layer_records(local.deck, maps.LAYER_HEXES)) == len(cells) > 50


def test_layer_check_refuses_report_coordinates():
    deck = maps.CompactDeck(
        layers=[
            maps.pdk.Layer(
                "ScatterplotLayer", data=[{"lat": 52.1, "lon": 5.1}, {"lat": 52.2, "lon": 5.2}], id="x"
            )
        ],
        map_provider=None,
    )
    with pytest.raises(privacy.RawCoordinatesError):
        maps.check_layers_private(deck)


def test_map_without_boundaries_shows_hexagons_risk_areas_and_centre(demo_store_url):
    store = Store(demo_store_url)
    try:
        span = store.report_date_range()
        flt = ReportFilter((GEMEENTE,), *span)
        areas = store.risk_areas()
        areas = areas[areas["gemeentecode"] == GEMEENTE]
        table = maps.risk_area_table(areas, store.risk_area_measures(), store.area_counts(flt))
        reason = "Geen grenzen beschikbaar (test)"
        spec = maps.density_map(
            maps.hex_cells(store.hex_counts(flt)),
            areas,
            table,
            maps.prepare_boundaries(None, None, GEMEENTE, missing_reason=reason),
            store.municipalities(),
            gemeente=GEMEENTE,
        )
    finally:
        store.close()
    ids = [layer.id for layer in spec.deck.layers]
    assert maps.LAYER_HEXES in ids and maps.LAYER_RISK_AREAS in ids and maps.LAYER_CENTRES in ids
    assert maps.LAYER_MUNICIPALITIES not in ids
    # The page states the reason once; the map's own note says what it lacks.
    assert t("map_no_boundaries", "nl") in spec.notes and reason not in spec.notes
    assert len(maps.layer_records(spec.deck, maps.LAYER_CENTRES)) == 1


# --- command line ---------------------------------------------------------------------------


def test_export_map_writes_the_layer_the_page_shows(demo_store_url, tmp_path, capsys):
    out = tmp_path / "kaart.geojson"
    code = main(
        [
            "export",
            "map",
            "--gemeente",
            GEMEENTE,
            "--from",
            "2024-01-01",
            "--to",
            "2024-12-31",
            "--store",
            demo_store_url,
            "--out",
            str(out),
        ]
    )
    assert code == 0, capsys.readouterr().err
    collection = json.loads(out.read_text(encoding="utf-8"))
    store = Store(demo_store_url)
    try:
        # The Kaart's hexagons: the sum of each hexagon's published blocks of weeks (ADR 0006).
        cells = maps.hex_cells(
            store.hex_block_counts(ReportFilter((GEMEENTE,), dt.date(2024, 1, 1), dt.date(2024, 12, 31)))
        )
    finally:
        store.close()
    assert [f["properties"]["h3"] for f in collection["features"]] == cells["h3"].tolist()
    assert all(f["geometry"]["type"] == "Polygon" for f in collection["features"])
    # Issue 14: counts are perturbed, never hidden: every drawn cell has a count of at least k.
    assert all(f["properties"]["count"] >= K for f in collection["features"])
    assert [f["properties"]["count"] for f in collection["features"]] == cells["count"].tolist()


def test_export_counts_by_wijk_has_totals_and_no_small_counts(demo_store_url, tmp_path, capsys):
    out = tmp_path / "wijken.csv"
    code = main(
        [
            "export",
            "counts",
            "--by",
            "wijk",
            "--gemeente",
            GEMEENTE,
            "--from",
            "2024-01-01",
            "--to",
            "2024-12-31",
            "--store",
            demo_store_url,
            "--out",
            str(out),
        ]
    )
    assert code == 0, capsys.readouterr().err
    # Issue 18: the same CSV as the page downloads (";", BOM), with names and numbers as numbers.
    table = pd.read_csv(out, sep=";", encoding="utf-8-sig", dtype={"Meldingen": "Int64"})
    assert list(table.columns[:4]) == ["Gemeentecode", "Gemeente", "Wijkcode", "Meldingen"]
    assert set(table["Gemeente"]) == {"Utrecht"}
    assert (table["Wijkcode"] == TOTAL).sum() == 1
    assert not table["Meldingen"].dropna().between(1, K - 1).any()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["map", "--gemeente", "GM9999", "--from", "2024-01-01", "--to", "2024-02-01"],
            "geen bekende CBS-gemeentecode",
        ),
        (["map", "--gemeente", GEMEENTE, "--from", "2024-02-30", "--to", "2024-03-01"], "geen geldige datum"),
        (["counts", "--by", "week", "--from", "2024-05-01", "--to", "2024-03-01"], "ligt na --to"),
    ],
)
def test_export_bad_arguments_give_dutch_errors(demo_store_url, tmp_path, capsys, args, message):
    out = tmp_path / "x.out"
    code = main(["export", *args, "--store", demo_store_url, "--out", str(out)])
    assert code == 2
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_export_counts_neutralises_formulas(monkeypatch, demo_store_url, tmp_path):
    import vsdash.commands.export as export

    def with_formula(*args, **kwargs):
        return pd.DataFrame(
            {"gemeentecode": ["=HYPERLINK(1)"], "count": pd.array([7], dtype="Int64"), "label": ["7"]}
        )

    monkeypatch.setattr(export, "counts_table", with_formula)
    out = tmp_path / "c.csv"
    assert (
        main(
            [
                "export",
                "counts",
                "--by",
                "gemeente",
                "--from",
                "2024-01-01",
                "--to",
                "2024-01-31",
                "--store",
                demo_store_url,
                "--out",
                str(out),
            ]
        )
        == 0
    )
    assert "'=HYPERLINK(1)" in out.read_text(encoding="utf-8-sig")


def _cells(rows):
    return pd.DataFrame(
        {
            "gemeentecode": [code for code, _ in rows],
            "h3_r8": [h3.str_to_int(cell) for cell in _ring(len(rows))],
            "n": [n for _, n in rows],
        }
    )


def _ring(n):
    centre = h3.latlng_to_cell(52.09, 5.12, 8)
    return sorted(h3.grid_disk(centre, 2))[:n]


def test_a_municipality_whose_cells_would_give_each_other_away_is_not_drawn_per_hexagon():
    # Two cells of 4 under a published total of 8: "<5" and "<5" would mean exactly 4 and 4.
    cells = maps.hex_cells(
        _cells([("GM0001", 4), ("GM0001", 4), ("GM0002", 40), ("GM0002", 3), ("GM0002", 25)])
    )
    assert set(cells["gemeentecode"]) == {"GM0002"}
    assert cells.attrs[maps.WITHHELD_ATTR] == ["GM0001"]
    assert cells.attrs[privacy.UNPROTECTED_ATTR] == []
    # The other municipality keeps its map, with complementary cover for its small cell.
    assert cells["count"].isna().sum() == 2


def test_withheld_map_says_why_instead_of_no_reports(demo_store_url):
    store = Store(demo_store_url)
    try:
        municipalities = store.municipalities()
    finally:
        store.close()
    cells = maps.hex_cells(_cells([("GM0344", 4), ("GM0344", 4)]))
    spec = maps.density_map(
        cells,
        pd.DataFrame(columns=["risicogebied_id", "gemeentecode", "naam", "type", "geometrie_wkt"]),
        pd.DataFrame(columns=["risicogebied_id", "naam", "label", "maatregelen"]),
        maps.Boundaries(missing_reason="geen grenzen in deze test"),
        municipalities,
        gemeente="GM0344",
    )
    assert "zonder zeshoeken" in spec.alt and "terug te rekenen" in spec.alt
    assert maps.layer_records(spec.deck, maps.LAYER_HEXES) == []


# --- issue 18: the street basemap under the Kaart maps ----------------------------------------


def _utrecht_density(store_url, boundaries=None):
    from vsdash import geo

    store = Store(store_url)
    try:
        span = (dt.date(2025, 1, 6), dt.date(2025, 6, 29))
        flt = ReportFilter(("GM0344",), *span)
        areas = store.risk_areas()
        areas = areas[areas["gemeentecode"] == "GM0344"]
        table = maps.risk_area_table(areas, store.risk_area_measures(), store.area_counts(flt))
        if boundaries is None:
            gm, wk = geo.load_municipality_boundaries(), geo.load_wijk_boundaries()
            boundaries = maps.prepare_boundaries(gm, wk, "GM0344")
        return maps.density_map(
            maps.hex_cells(store.hex_counts(flt)),
            areas,
            table,
            boundaries,
            store.municipalities(),
            gemeente="GM0344",
        )
    finally:
        store.close()


def test_pdok_tiles_lie_over_the_land_and_under_the_hexagons_with_attribution(demo_store_url, monkeypatch):
    monkeypatch.delenv("VSDASH_BASEMAP_URL", raising=False)
    spec = _utrecht_density(demo_store_url)
    layers = json.loads(spec.deck.to_json())["layers"]
    ids = [layer["id"] for layer in layers]
    tiles = [layer for layer in layers if layer["id"].startswith(maps.LAYER_BASEMAP_PREFIX)]
    assert 1 <= len(tiles) <= 48
    first, last = ids.index(tiles[0]["id"]), ids.index(tiles[-1]["id"])
    assert ids.index(maps.LAYER_MUNICIPALITIES) < first and last < ids.index(maps.LAYER_HEXES)
    for tile in tiles:
        assert tile["@@type"] == "BitmapLayer" and not tile.get("data")  # an image, no records
        assert tile["image"].startswith(
            "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/"
        )
        west, south, east, north = tile["bounds"]
        assert 3 < west < east < 8 and 50 < south < north < 54
    # Together the tiles cover the view the map opens on.
    view = json.loads(spec.deck.to_json())["initialViewState"]
    assert min(t["bounds"][0] for t in tiles) < view["longitude"] < max(t["bounds"][2] for t in tiles)
    assert min(t["bounds"][1] for t in tiles) < view["latitude"] < max(t["bounds"][3] for t in tiles)
    maps.check_layers_private(spec.deck)  # tiles carry no report data
    assert any(
        "Bron: CBS, Kadaster" in n and "Kaart: PDOK BRT-Achtergrondkaart (Kadaster)" in n for n in spec.notes
    )
    assert any("alleen gemeente- en wijkgrenzen" in n for n in spec.notes)  # what a reader sees offline
    assert maps.map_payload_bytes(spec.deck) < 1_000_000


def test_switched_off_basemap_draws_no_tiles_and_claims_none(demo_store_url, monkeypatch):
    monkeypatch.setenv("VSDASH_BASEMAP_URL", "uit")
    spec = _utrecht_density(demo_store_url)
    assert not [layer for layer in spec.deck.layers if layer.id.startswith(maps.LAYER_BASEMAP_PREFIX)]
    assert not any("PDOK BRT" in n or "straatkaart" in n for n in spec.notes)


def test_without_boundaries_the_tiles_still_come_first(demo_store_url, monkeypatch):
    monkeypatch.delenv("VSDASH_BASEMAP_URL", raising=False)
    spec = _utrecht_density(demo_store_url, maps.prepare_boundaries(None, None, "GM0344", missing_reason="x"))
    ids = [layer.id for layer in spec.deck.layers]
    assert ids[0].startswith(maps.LAYER_BASEMAP_PREFIX)
    assert max(i for i, name in enumerate(ids) if name.startswith(maps.LAYER_BASEMAP_PREFIX)) < ids.index(
        maps.LAYER_HEXES
    )


def _name_boxes(layer_json, view):
    """Each name's box in screen pixels at the opening view, projected independently of maps.py."""
    from vsdash import basemap

    z = view["zoom"] + 1  # deck.gl's world is 512 px at zoom 0: XYZ tiles of 256 px one level up
    cx, cy = basemap.tile_of(view["longitude"], view["latitude"], 0)
    boxes = []
    for row in layer_json["data"]:
        x, y = basemap.tile_of(row["lon"], row["lat"], 0)
        px = (x - cx) * 256 * 2**z + row["offset"][0]
        py = (y - cy) * 256 * 2**z + row["offset"][1]
        w, h = len(row["naam"]) * maps._NAME_CHAR_PX + 10, maps._NAME_SIZE_PX + 8
        boxes.append((px - w / 2, py - h / 2, px + w / 2, py + h / 2))
    return boxes


def test_risk_areas_are_named_on_the_map_without_overlapping_names(demo_store_url, monkeypatch):
    monkeypatch.delenv("VSDASH_BASEMAP_URL", raising=False)
    spec = _utrecht_density(demo_store_url)
    deck = json.loads(spec.deck.to_json())
    [names] = [layer for layer in deck["layers"] if layer["id"] == maps.LAYER_AREA_NAMES]
    assert {row["naam"] for row in names["data"]} == {
        "Neude",
        "Utrecht Centraal",
        "Uithof (Utrecht Science Park)",
    }
    _assert_no_report_points(spec.deck, 400)
    boxes = _name_boxes(names, deck["initialViewState"])
    for a, b in itertools.combinations(boxes, 2):
        assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], "two names overlap"


def test_names_that_do_not_fit_are_left_off_the_map_not_stacked():
    from shapely.geometry import Point

    # Fifteen areas within 300 m: the names cannot all fit beside them at the opening view.
    areas = pd.DataFrame(
        {
            "risicogebied_id": [f"GM0344-plein-{i}" for i in range(15)],
            "naam": [f"Plein nummer {i}" for i in range(15)],
            "geometrie_wkt": [Point(5.118 + 0.0002 * i, 52.092).buffer(0.0005).wkt for i in range(15)],
        }
    )
    view = maps.view_for_bounds((5.05, 52.05, 5.19, 52.13))
    layer = maps._risk_area_name_layer(areas, view, {f"GM0344-plein-{i}": i for i in range(15)})
    deck = json.loads(maps.CompactDeck(layers=[layer], initial_view_state=view, map_provider=None).to_json())
    [names] = deck["layers"]
    assert 0 < len(names["data"]) < 15
    assert names["data"][0]["naam"] == "Plein nummer 14"  # the busiest keeps its name
    boxes = _name_boxes(names, deck["initialViewState"])
    for a, b in itertools.combinations(boxes, 2):
        assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], "two names overlap"


def test_before_after_coarsens_when_hexagons_hold_too_few_reports_even_if_none_is_grey():
    # Issue 14: perturbed cells are never grey, so the grey share alone would keep a breakdown of
    # a handful of reports at resolution 8; fewer than k per hexagon on average coarsens it.
    ring = sorted(h3.grid_disk(h3.latlng_to_cell(52.09, 5.12, 8), 2))

    def keyed(counts):
        return pd.DataFrame(
            {
                "gemeentecode": GEMEENTE,
                "h3_r8": [h3.str_to_int(c) for c in ring[: len(counts)]],
                "n": counts,
                "ckey": [(37 * i + 11) % 256 for i in range(len(counts))],
            }
        )

    sparse = maps.compare_cells(keyed([1, 2, 1, 3, 1, 2, 1, 1]), keyed([2, 1, 1, 1, 2, 3, 1, 1]))
    assert sparse.attrs["resolution"] == maps.H3_RESOLUTION - 1
    dense = maps.compare_cells(keyed([40, 25, 30, 18]), keyed([28, 31, 22, 35]))
    assert dense.attrs["resolution"] == maps.H3_RESOLUTION
