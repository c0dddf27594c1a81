"""The Kaart page's view models (vsdash.views.map): protected maps, plain names, the hidden sentence."""

from __future__ import annotations

import dataclasses
import datetime as dt

import h3
import pandas as pd
import pytest

from vsdash import maps, privacy
from vsdash.i18n import fmt_date, fmt_number
from vsdash.store import ReportFilter
from vsdash.views.map import build_before_after, build_map, build_risk_area

NO_BOUNDARIES = maps.Boundaries(missing_reason="Geen grenzen beschikbaar (test).")
# Monday to Sunday: the whole weeks of the map are the period itself.
WEEKS = (dt.date(2025, 3, 3), dt.date(2025, 8, 31))


def _map(store, gemeente, start, end, lang="nl"):
    codes = (gemeente,) if gemeente else None
    return build_map(
        store,
        gemeente=gemeente,
        codes=codes,
        start=start,
        end=end,
        label=gemeente or "Alle gemeenten",
        boundaries=NO_BOUNDARIES,
        lang=lang,
    )


def _is_count(label: str) -> bool:
    return label.replace(".", "").isdigit()


@pytest.mark.parametrize("gemeente", ["GM0344", "GM0141", "GM0153"])
def test_reports_not_shown_separately_come_from_published_numbers_only(store, gemeente):
    """The map's sentence is the published total of its weeks minus the published cells (ADR 0006)."""
    start, end = WEEKS
    model = _map(store, gemeente, start, end)
    table = model.density.table
    count_col = table.columns[1]
    counts = [int(label.replace(".", "")) for label in table[count_col] if _is_count(label)]
    assert all(n == 0 or n >= 5 for n in counts)  # never a published 1..4
    weekly = store.count_reports(ReportFilter((gemeente,), start, end), "week")
    assert model.hidden == privacy.period_total(weekly) - sum(counts)
    sentences = [n for n in model.density_notes if "niet apart op de kaart" in n]
    assert bool(sentences) == (model.hidden > 0)
    assert not any("hele weken" in n for n in model.density_notes)  # the weeks are the period


def test_national_map_says_what_it_does_not_show(store):
    start, end = WEEKS
    model = _map(store, None, start, end)
    table = model.density.table
    visible = [int(label.replace(".", "")) for label in table.iloc[:, 1] if _is_count(label)]
    assert all(n == 0 or n >= 5 for n in visible)
    assert not model.selectable
    expected = f"staan er {fmt_number(model.hidden, 'nl')} niet apart op de kaart"
    assert (model.hidden > 0) == any(expected in n for n in model.density_notes)


def test_map_says_which_weeks_it_counts_and_why_there_are_no_boundaries(store):
    model = _map(store, "GM0344", dt.date(2025, 3, 5), dt.date(2025, 8, 27))
    assert any("hele weken van 10 maart 2025 tot en met 31 augustus 2025" in n for n in model.density_notes)
    assert [n for n in model.notices if "Geen grenzen beschikbaar (test)." in n] == [model.notices[0]]
    assert model.selectable and model.areas
    assert all(label.endswith("(Utrecht)") for _, label in model.areas)
    assert model.default_event in dict(model.events)


def test_municipality_without_reporting_point_says_so(store):
    model = _map(store, "GM0080", *WEEKS)
    assert any("meldpunt" in n for n in model.notices), model.notices
    assert model.hidden is None or model.hidden == 0


def test_risk_area_detail_keeps_names_plain(store):
    from vsdash.ui.widgets import plain_markdown

    start, end = WEEKS
    detail = build_risk_area(
        store, codes=("GM0344",), start=start, end=end, risicogebied_id="GM0344-neude", lang="nl"
    )
    assert detail.name == "Neude" and detail.municipality == "Utrecht"
    assert detail.summary(plain_markdown).startswith("**Neude** (")
    assert "Lijngrafiek" in detail.trend.alt and "Neude" in detail.trend.alt
    hostile = dataclasses.replace(detail, name="*Park* [klik](https://x.example)")
    summary = hostile.summary(plain_markdown)
    assert "**\\*Park\\* \\[klik\\]\\(https\\:" in summary
    with pytest.raises(KeyError):
        build_risk_area(
            store, codes=("GM0363",), start=start, end=end, risicogebied_id="GM0344-neude", lang="nl"
        )


def _default_before_after(store, gemeente: str):
    """The before/after model of the map's default event, 8 weeks either side."""
    model = _map(store, gemeente, *WEEKS)
    return build_before_after(
        store,
        gemeente=gemeente,
        codes=(gemeente,),
        event_key=model.default_event,
        weeks=8,
        boundaries=NO_BOUNDARIES,
        lang="nl",
    )


def test_before_after_of_an_event_has_equal_windows_and_the_caveat(store):
    change = _default_before_after(store, "GM0599")
    assert change.map is not None and "Kaart van de verandering rond" in change.map.alt
    assert "8 weken elk" in change.windows_text or change.shortened
    assert "meldingsbereidheid" in change.caveat
    assert bool(change.open_tables) != bool(change.missing_table)
    with pytest.raises(KeyError):
        build_before_after(
            store,
            gemeente="GM0599",
            codes=("GM0599",),
            event_key="campagne:bestaat-niet",
            weeks=8,
            boundaries=NO_BOUNDARIES,
            lang="nl",
        )


@pytest.mark.parametrize(("weeks_after", "compared"), [(1, False), (2, True)])
def test_windows_of_one_week_are_not_compared_and_the_message_says_why(
    store, monkeypatch, weeks_after, compared
):
    """Smallfix item 5: when the data reach only one week past the event, both windows shrank to
    one week and the map compared one published week block with another, a change that is mostly
    the protection's noise. The comparison now needs two weeks either side and says so."""
    model = _map(store, "GM0599", *WEEKS)
    key = model.default_event
    events = maps.before_after_events(
        store.campaigns(), store.risk_area_measures(), store.risk_areas(), ("GM0599",), lang="nl"
    )
    day = events.set_index("key").loc[key, "datum"]
    monday = day - dt.timedelta(days=day.weekday())
    data_end = monday + dt.timedelta(weeks=weeks_after, days=-1)
    monkeypatch.setattr(store, "report_date_range", lambda: (dt.date(2019, 1, 1), data_end))
    change = build_before_after(
        store,
        gemeente="GM0599",
        codes=("GM0599",),
        event_key=key,
        weeks=8,
        boundaries=NO_BOUNDARIES,
        lang="nl",
    )
    assert (change.map is not None) == compared
    if compared:
        assert "2 weken" in change.shortened
    else:
        assert "1 week" in change.message and "te kort om te vergelijken" in change.message
        assert "2 weken" in change.message  # what would be enough


def test_english_model_reads_in_english(store):
    model = _map(store, "GM0344", *WEEKS, lang="en")
    assert model.title == "Map: GM0344"
    if model.hidden and model.hidden > 0:
        assert any("are not shown separately on the map" in n for n in model.density_notes)


# --- issue 18: the busiest risk area first; before/after only where the week before has data ---


def _rank(label: str) -> int:
    return int(label.replace(".", "")) if _is_count(label) else -1


@pytest.mark.parametrize("gemeente", ["GM0344", "GM0599", None])
def test_risk_area_in_time_starts_on_the_busiest_area_by_published_count(store, gemeente):
    start, end = WEEKS
    model = _map(store, gemeente, start, end)
    assert len(model.areas) >= 2
    codes = (gemeente,) if gemeente else None
    published = {
        rid: _rank(
            build_risk_area(store, codes=codes, start=start, end=end, risicogebied_id=rid, lang="nl").label
        )
        for rid, _name in model.areas
    }
    assert model.default_area == max(published, key=published.get)


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ([10, 30, 20], "b"),
        ([None, 5, None], "b"),  # hidden counts rank last
        ([30, 30, 5], "a"),  # a tie keeps the table's order
        ([None, None, None], "a"),
    ],
)
def test_busiest_risk_area_reads_the_published_counts(counts, expected):
    table = pd.DataFrame({"risicogebied_id": ["a", "b", "c"], "count": pd.array(counts, dtype="Int64")})
    assert maps.busiest_risk_area(table) == expected
    assert maps.busiest_risk_area(table.iloc[0:0]) is None


def _events(*rows):
    return pd.DataFrame(
        [{"key": key, "datum": day, "gemeenten": codes} for key, day, codes in rows],
        columns=["key", "datum", "gemeenten"],
    )


def test_an_event_is_offered_only_when_the_week_before_it_has_data():
    channels = pd.DataFrame(
        {
            "gemeentecode": ["GM0001", "GM0002", "GM0003"],
            "start": pd.to_datetime(["2020-01-01", "2023-05-01", "2020-01-01"]),
            "eind": pd.to_datetime([None, None, "2022-06-30"]),
        }
    )
    events = _events(
        ("ok", dt.date(2023, 3, 15), ("GM0001",)),
        ("before-the-data", dt.date(2019, 12, 20), ("GM0001",)),  # data start 2020-01-01
        ("channel-launch", dt.date(2023, 5, 3), ("GM0002",)),  # the channel opened that week
        ("channel-closed", dt.date(2023, 9, 1), ("GM0003",)),  # closed a year before
        ("one-of-two", dt.date(2023, 5, 3), ("GM0001", "GM0002")),  # GM0001 could report
    )
    kept = maps.events_with_before_data(events, channels, (dt.date(2020, 1, 1), dt.date(2025, 1, 1)))
    assert list(kept["key"]) == ["ok", "one-of-two"]
    assert maps.events_with_before_data(events, channels, None).empty


def test_the_page_leaves_out_events_without_before_data_and_says_why(store):
    # Rotterdam's 2018 campaign predates the reports on record (from 2019).
    rotterdam = _map(store, "GM0599", *WEEKS)
    assert "campagne:lokaal-GM0599-2" not in dict(rotterdam.events)
    assert rotterdam.events and "staat niet in de lijst" in rotterdam.events_note
    # Zaanstad closed its reporting point in 2022; its later measures have no "before".
    zaanstad = _map(store, "GM0479", *WEEKS)
    left_out = {"maatregel:GM0479-station-zaandam:camera:2024-07-09"}
    assert not left_out & set(dict(zaanstad.events))
    assert zaanstad.events_note or zaanstad.events_message.startswith("Voor geen enkele campagne")


# --- polish: the legend and the caption say what a perturbed map draws (ADR 0006) ---


def _drawn_colours(spec, layer_id: str) -> set[tuple[int, int, int]]:
    return {tuple(r["fill"][:3]) for r in maps.layer_records(spec.deck, layer_id) if "fill" in r}


def _swatches(spec) -> set[tuple[int, int, int]]:
    return {tuple(maps._rgba(e.colour)[:3]) for e in spec.legend if e.shape == "fill"}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_perturbed_density_map_explains_no_grey_it_does_not_draw(store, lang):
    """Perturbed hexagons are never grey: the legend and caption say what the map does instead."""
    model = _map(store, "GM0344", *WEEKS, lang=lang)
    spec = model.density
    drawn = _drawn_colours(spec, maps.LAYER_HEXES)
    assert drawn and _swatches(spec) <= drawn, "every colour in the legend is on the map"
    grey, few = ("grijs", "minder dan 5") if lang == "nl" else ("grey", "fewer than 5")
    for text in [spec.alt, *(e.label for e in spec.legend)]:
        assert grey not in text and few not in text and "<5" not in text, text
    notes = [e.label for e in spec.legend if e.shape == "note"]
    assert notes == [
        "Aantallen zijn licht veranderd om melders te beschermen. Zeshoeken met te weinig meldingen zijn "
        "weggelaten, of de kaart toont grotere zeshoeken."
        if lang == "nl"
        else "Numbers are changed slightly to protect the people who reported. Hexagons with too few "
        "reports are left out, or the map shows larger hexagons."
    ]


def test_a_before_after_map_without_grey_cells_does_not_list_grey(store):
    spec = _default_before_after(store, "GM0344").map
    assert _swatches(spec) - _drawn_colours(spec, maps.LAYER_HEXES) <= {
        tuple(maps._rgba(c)[:3]) for c in maps.DIVERGING
    }, "no legend colour other than the change scale is missing from the map"
    assert maps._rgba(maps.NOT_COMPARABLE_COLOUR)[:3] not in [
        list(c) for c in _drawn_colours(spec, maps.LAYER_HEXES)
    ]
    assert "grijs" not in spec.alt and all("grijs" not in e.label for e in spec.legend)


def test_grey_is_explained_where_a_map_without_keys_draws_it(store):
    """A store without cell keys still hides small counts in grey, and the legend still says so."""
    counts = pd.DataFrame(
        {
            "gemeentecode": ["GM0344"] * 3,
            "h3_r8": [0x88196B1001FFFFF, 0x88196B1003FFFFF, 0x88196B1005FFFFF],
            "n": [40, 3, 2],
        }
    )
    cells = maps.hex_cells(counts)
    legend = maps._count_legend(cells, "nl", 5, "map_legend_perturbed_hexagons")
    assert (cells["klasse"] < 0).any()
    assert any("grijs: minder dan 5" in e.label for e in legend)
    assert not any(e.shape == "note" for e in legend), "nothing was perturbed"


# --- polish: the risk-area trend's axis is the chosen period ---


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_risk_area_trend_stays_in_the_period_and_names_measures_outside_it(store, lang):
    measures = store.risk_area_measures()
    first_day, last_day = store.report_date_range()
    measure = measures[pd.to_datetime(measures["datum"]).dt.date > first_day].iloc[0]
    day = pd.Timestamp(measure["datum"]).date()
    start, end = day + dt.timedelta(days=60), min(day + dt.timedelta(days=240), last_day)
    gemeente = measure["risicogebied_id"][:6]
    detail = build_risk_area(
        store, codes=(gemeente,), start=start, end=end, risicogebied_id=measure["risicogebied_id"], lang=lang
    )
    fig = detail.trend.figure
    low, high = (pd.Timestamp(x) for x in fig.layout.xaxis.range)
    assert pd.Timestamp(start) - pd.Timedelta(days=31) < low and high <= pd.Timestamp(end)
    assert all(pd.Timestamp(shape.x0) >= low for shape in fig.layout.shapes), (
        "a measure line before the period"
    )
    outside = "buiten de gekozen periode" if lang == "nl" else "outside the chosen period"
    assert outside in detail.trend.alt and fmt_date(day, lang) in detail.trend.alt
    assert ("weggelaten" if lang == "nl" else "left out") not in detail.trend.alt  # nothing is left out
    # A period that holds the measure draws it as a line and does not call it outside.
    inside = build_risk_area(
        store,
        codes=(gemeente,),
        start=day - dt.timedelta(days=90),
        end=min(day + dt.timedelta(days=90), last_day),
        risicogebied_id=measure["risicogebied_id"],
        lang=lang,
    )
    assert any(pd.Timestamp(s.x0).date() == day for s in inside.trend.figure.layout.shapes)


def test_the_national_map_explains_its_own_privacy_not_hexagons(store):
    """The national map shows one circle per municipality: its privacy note speaks of totals, not hexagons."""
    model = _map(store, None, *WEEKS)
    notes = " ".join(model.density.notes)
    assert "totaal per gemeente" in notes and "zeshoek" not in notes and "H3" not in notes


def test_the_national_map_reads_all_municipalities_in_lower_case_mid_sentence(store):
    model = _map(store, None, *WEEKS)  # labelled "Alle gemeenten", as the frame labels it
    assert ", alle gemeenten:" in model.density.alt and "Alle gemeenten" not in model.density.alt
    assert [e.shape for e in model.density.legend][0] == "note", (
        "the circle's size is a sentence, not a swatch"
    )


def test_before_after_windows_are_sums_of_published_week_blocks(store):
    """Smallfix item 5: each window on the voor/na map is the sum of its published fixed blocks of
    weeks (ADR 0006), as the density map's hexagons and the campaign windows are. As a cell of its
    own (its weeks' combined key), every slider position gave a hexagon fresh noise to average."""
    events = maps.before_after_events(
        store.campaigns(), store.risk_area_measures(), store.risk_areas(), ("GM0344",), lang="nl"
    )
    day = events["datum"].max()  # a recent event: Utrecht has reports enough for 0.7 km² hexagons
    windows = maps.before_after_windows(day, 26, store.report_date_range())
    first, last = windows.before[0], windows.before[1] - dt.timedelta(days=6)
    weekly = []  # each hexagon's weeks, read one week at a time: independent of the block query
    for monday in pd.date_range(first, last, freq="7D"):
        week = store.hex_counts(
            ReportFilter(("GM0344",), monday.date(), (monday + pd.Timedelta(days=6)).date())
        )
        weekly.append(week.assign(week=monday))
    weekly = pd.concat(weekly, ignore_index=True)
    expected = {
        h3.int_to_str(int(cell)): privacy.published_in_blocks(rows, first, last)
        for cell, rows in weekly.groupby("h3_r8")
    }
    before = ReportFilter(("GM0344",), *windows.before)
    after = ReportFilter(("GM0344",), *windows.after)
    compared = maps.compare_cells(store.hex_block_counts(before), store.hex_block_counts(after))
    assert compared.attrs["resolution"] == maps.H3_RESOLUTION  # Utrecht's busy weeks: no coarsening
    shown = dict(zip(compared["h3"], compared["voor"].astype(int), strict=True))
    assert shown == {cell: expected.get(cell, 0) for cell in shown}
    assert {cell for cell, n in expected.items() if n > 0} <= set(shown)
    assert len(privacy.week_blocks(first, last)) > 1  # the window takes several blocks
    # The municipalities of an event without a chosen municipality: their published blocks too.
    per_code = store.count_reports(before, "week", ("gemeentecode",))
    blocks = maps.weeks_in_blocks(per_code, first, last)
    national = maps.compare_counts(blocks, blocks, "gemeentecode", total_shown=True)
    assert int(national["voor"].iloc[0]) == privacy.published_in_blocks(
        per_code.rename(columns={"periode": "week"}), first, last
    )
