"""The Kaart page as data: the density map, one risk area over time, before and after an event.

Three pure builders, one per part of the page that its own widgets change: :func:`build_map`
(the selection), :func:`build_risk_area` (the chosen risk area) and :func:`build_before_after`
(the chosen event and window). Every count reaches the models through ``vsdash.maps``, which
applies ``vsdash.privacy``; names from files (risk areas, campaigns) are kept as plain text and
the page escapes them where it renders markdown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from vsdash import maps, privacy, publication
from vsdash.charts import ChartSpec
from vsdash.i18n import fmt_date, fmt_number, t
from vsdash.maps import Boundaries, MapSpec
from vsdash.store import ReportFilter, Store


@dataclass(frozen=True)
class MapModel:
    """Everything the Kaart page shows for one selection before any of its own widgets is used."""

    title: str
    intro: str
    notices: tuple[str, ...]  # above the maps: no reporting point, no boundaries
    density_title: str
    density: MapSpec
    selectable: bool  # one municipality: a click on a risk area chooses it
    density_notes: tuple[str, ...]  # the whole weeks counted; the reports not shown separately
    hidden: int | None  # reports of the map's total not shown separately (None: total hidden)
    area_title: str
    areas: tuple[tuple[str, str], ...]  # (risicogebied_id, "name (municipality)"), plain text
    area_message: str  # shown instead of the choice when there are no risk areas
    before_after_title: str
    events: tuple[tuple[str, str], ...]  # (event key, label), newest first, plain text
    default_event: str | None  # the newest event in the period, else the newest event
    events_message: str  # shown instead of the choice when there are no events
    default_area: str | None = None  # the busiest risk area in the period (published count)
    events_note: str = ""  # why events without data in the week before are not offered


@dataclass(frozen=True)
class RiskAreaDetail:
    """One risk area: its count in the period, its measures and its trend."""

    name: str  # plain text from the file
    kind: str
    municipality: str
    label: str  # the published count ("<5" when hidden)
    measures: str
    trend: ChartSpec | None  # None: no whole month (or week) in the period to draw
    lang: str
    trend_message: str = ""  # why there is no trend, shown instead of it

    def summary(self, escape: Callable[[str], str] = str) -> str:
        """The one-line summary as markdown; ``escape`` makes names from files plain text."""
        return t(
            "map_area_summary",
            self.lang,
            naam=escape(self.name),
            soort=self.kind,
            gemeente=escape(self.municipality),
            label=self.label,
            maatregelen=self.measures,
        )


@dataclass(frozen=True)
class BeforeAfterModel:
    """The change around one event: its windows, the map and the sentences with it."""

    message: str  # no whole weeks on both sides: shown instead of the map
    windows_text: str
    shortened: str  # why the windows are shorter than asked, else ""
    map: MapSpec | None
    open_tables: tuple[str, ...]  # captions of tables drawn open under the map
    missing_table: tuple[str, str] | None  # (caption, sentence) when there is no per-area table
    caveat: str


def _names(store: Store) -> dict[str, str]:
    return store.municipalities().set_index("gemeentecode")["weergavenaam"].to_dict()


def _scope(frame: pd.DataFrame, codes) -> pd.DataFrame:
    return frame if codes is None else frame[frame["gemeentecode"].isin(list(codes))]


def build_map(
    store: Store,
    *,
    gemeente: str | None,
    codes: tuple[str, ...] | None,
    start: dt.date,
    end: dt.date,
    label: str,
    boundaries: Boundaries,
    lang: str,
) -> MapModel:
    """Build the Kaart model of a selection; ``boundaries`` come from ``maps.prepare_boundaries``."""
    k = privacy.resolve_k()
    names = _names(store)
    municipalities = store.municipalities()
    risk_areas, measures = store.risk_areas(), store.risk_area_measures()
    scope_areas = _scope(risk_areas, codes)
    flt = ReportFilter(codes, start, end)

    notices = []
    if gemeente and not maps.has_channel(store.channels(), gemeente, start, end):
        notices.append(t("no_channel", lang, naam=label))
    if boundaries.missing_reason:
        notices.append(t("map_no_boundaries", lang) + " " + boundaries.missing_reason)

    notes = []
    if gemeente:
        hexagons = publication.published_hexagons(store, codes, start, end, lang=lang)
        cells = hexagons.cells
        area_table = maps.risk_area_table(
            scope_areas, measures, store.area_counts(flt, "risicogebied_id", "block"), names=names, lang=lang
        )
        spec = maps.density_map(
            cells, scope_areas, area_table, boundaries, municipalities, gemeente=gemeente, lang=lang
        )
        first, last = hexagons.first, hexagons.last
        if (first, last) != (start, end):
            notes.append(t("map_weeks_note", lang, start=fmt_date(first, lang), eind=fmt_date(last, lang)))
        if not hexagons.allowed and hexagons.total:
            notes.append(t("map_hexagons_too_few", lang, k=k))
        elif hexagons.allowed and hexagons.resolution < maps.H3_RESOLUTION:
            notes.append(t("map_hexagons_coarse", lang, k=k))
        # The cells cover whole weeks, so the map's own total is theirs.
        total, visible = hexagons.total, float(cells["count"].dropna().sum())
        note_key = "map_hidden_note"
    else:
        # Each municipality as its key figure publishes it; published already, so the map's
        # privacy step changes nothing (no count is 1..k-1) and the total is their sum.
        counts = publication.published_municipality_totals(store, codes, start, end)
        counts = counts[counts["gemeentecode"].isin(municipalities["gemeentecode"])]
        totals = maps.municipality_totals(counts, municipalities, lang=lang)
        spec = maps.national_map(totals, boundaries, label=label, lang=lang)
        total, visible = int(counts["n"].sum()), float(totals["count"].dropna().sum())
        note_key = "map_hidden_note_national"
    hidden = publication.not_shown_separately(total, visible, lang)
    if gemeente and hidden is not None and hidden < 0:
        # Audit 2: Amsterdam's hexagons of 2025 added up to 1,348 against the map's 1,072, and
        # the page said nothing (small blocks publish 0 or 5, so many one-report hexagons inflate).
        notes.append(
            t(
                "map_cells_add_up_more",
                lang,
                som=fmt_number(visible, lang),
                totaal=fmt_number(total, lang),
            )
        )
    if hidden and hidden > 0:
        notes.append(
            t(
                note_key,
                lang,
                n=fmt_number(hidden, lang),
                totaal=fmt_number(total, lang),
                k=k,
                selectie=label,
            )
        )

    areas = tuple(
        (row.risicogebied_id, f"{row.naam} ({names.get(row.gemeentecode, row.gemeentecode)})")
        for row in scope_areas.itertuples()
    )
    if not gemeente and len(scope_areas):
        area_table = maps.risk_area_table(
            scope_areas, measures, store.area_counts(flt, "risicogebied_id", "block"), names=names, lang=lang
        )
    default_area = maps.busiest_risk_area(area_table) if len(scope_areas) else None
    all_events = maps.before_after_events(store.campaigns(), measures, risk_areas, codes, lang=lang)
    events = maps.events_with_before_data(all_events, store.channels(), store.report_date_range())
    left_out = len(all_events) - len(events)
    events_note = ""
    if left_out and len(events):
        events_note = t(
            "map_events_left_out_one" if left_out == 1 else "map_events_left_out", lang, n=left_out
        )
    default_event = None
    if len(events):
        in_period = events[(events["datum"] >= start) & (events["datum"] <= end)]
        default_event = str((in_period if len(in_period) else events)["key"].iloc[0])
    return MapModel(
        title=t("map_title", lang, selectie=label),
        intro=t(
            "map_intro" if gemeente else "map_intro_national",
            lang,
            start=fmt_date(start, lang),
            eind=fmt_date(end, lang),
        ),
        notices=tuple(notices),
        density_title=t("map_section_density", lang),
        density=spec,
        selectable=bool(gemeente),
        density_notes=tuple(notes),
        hidden=hidden,
        area_title=t("map_section_area", lang),
        areas=areas,
        area_message="" if areas else t("map_no_risk_areas", lang),
        before_after_title=t("map_section_before_after", lang),
        events=tuple(zip(events["key"], events["label"], strict=True)),
        default_event=default_event,
        events_message=""
        if len(events)
        else t("map_no_events_before" if len(all_events) else "map_no_events", lang),
        default_area=default_area,
        events_note=events_note,
    )


def build_risk_area(
    store: Store,
    *,
    codes: tuple[str, ...] | None,
    start: dt.date,
    end: dt.date,
    risicogebied_id: str,
    lang: str,
) -> RiskAreaDetail:
    """Build the detail of one risk area of the selection (raises ``KeyError`` for an unknown id)."""
    names = _names(store)
    areas = _scope(store.risk_areas(), codes)
    chosen = areas[areas["risicogebied_id"] == risicogebied_id]
    if chosen.empty:
        raise KeyError(f"risk area {risicogebied_id!r} is not in the selection")
    area = chosen.iloc[0]
    measures = store.risk_area_measures()
    flt = ReportFilter(codes, start, end)
    weekly = store.area_counts(flt, "risicogebied_id", "week")
    # The area's count as the Kaart's table gives it: the sum of its published blocks of weeks.
    blocks = store.area_counts(flt, "risicogebied_id", "block")
    row = maps.risk_area_table(chosen, measures, blocks, names=names, lang=lang).iloc[0]
    trend = maps.risk_area_trend(weekly, measures, risicogebied_id, str(area["naam"]), start, end, lang=lang)
    return RiskAreaDetail(
        name=str(area["naam"]),
        kind=t(f"map_area_type_{area['type']}", lang),
        municipality=names.get(area["gemeentecode"], ""),
        label=str(row["label"]),
        measures=str(row["maatregelen"]),
        trend=trend.localise(lang) if trend is not None else None,
        lang=lang,
        trend_message=""
        if trend is not None
        else maps.risk_area_trend_missing(weekly, risicogebied_id, str(area["naam"]), start, end, lang=lang),
    )


def build_before_after(
    store: Store,
    *,
    gemeente: str | None,
    codes: tuple[str, ...] | None,
    event_key: str,
    weeks: int,
    boundaries: Boundaries,
    lang: str,
) -> BeforeAfterModel:
    """Build the before/after comparison of one event (a key of ``MapModel.events``) over ``weeks``."""
    risk_areas, measures = store.risk_areas(), store.risk_area_measures()
    events = maps.before_after_events(store.campaigns(), measures, risk_areas, codes, lang=lang)
    by_key = events.set_index("key")
    if event_key not in by_key.index:
        raise KeyError(f"event {event_key!r} is not in the selection")
    event = by_key.loc[event_key]
    caveat = t("willingness_caveat", lang)
    windows = maps.before_after_windows(event["datum"], weeks, store.report_date_range())
    if windows is None:
        return BeforeAfterModel(t("map_no_window", lang), "", "", None, (), None, caveat)
    if windows.weeks < maps.MIN_COMPARE_WEEKS:
        # Shortened to one week either side: the map would set one published week against another,
        # a change that is mostly the protection's noise, and show it as if it meant something.
        too_short = t("map_window_too_short", lang, weeks=windows.weeks, minimum=maps.MIN_COMPARE_WEEKS)
        return BeforeAfterModel(too_short, "", "", None, (), None, caveat)
    windows_text = t(
        "map_windows",
        lang,
        b_start=fmt_date(windows.before[0], lang),
        b_end=fmt_date(windows.before[1], lang),
        a_start=fmt_date(windows.after[0], lang),
        a_end=fmt_date(windows.after[1], lang),
        weeks=windows.weeks,
    )
    shortened = t("map_windows_shortened", lang, weeks=windows.weeks) if windows.shortened else ""
    scope = (gemeente,) if gemeente else tuple(event["gemeenten"])
    before, after = ReportFilter(scope, *windows.before), ReportFilter(scope, *windows.after)
    # Every window is a sum of published fixed blocks of weeks (ADR 0006): the slider moves it a
    # week at a time, and as a cell of its own each position would add fresh noise to average away.
    if gemeente:
        hexes = maps.compare_cells(store.hex_block_counts(before), store.hex_block_counts(after), lang=lang)
    else:
        hexes = maps.compare_counts(
            *(
                maps.weeks_in_blocks(
                    store.count_reports(window, "week", ("gemeentecode",)),
                    window.start,
                    window.end - dt.timedelta(days=6),
                )
                for window in (before, after)
            ),
            "gemeentecode",
            total_shown=True,
            lang=lang,
        )
    areas = maps.compare_counts(
        store.area_counts(before, "risicogebied_id", "block"),
        store.area_counts(after, "risicogebied_id", "block"),
        "risicogebied_id",
        total_shown=False,
        lang=lang,
    )
    spec = maps.before_after_map(
        hexes,
        areas,
        risk_areas[risk_areas["gemeentecode"].isin(scope)],
        boundaries,
        store.municipalities(),
        gemeente=gemeente,
        windows=windows,
        event_label=str(event["label"]),
        lang=lang,
    )
    area_title = t("map_area_table_title", lang)
    # The per-area comparison answers "did it change where we acted?": open, not switched.
    has_areas = area_title in spec.more_tables
    return BeforeAfterModel(
        message="",
        windows_text=windows_text,
        shortened=shortened,
        map=spec,
        open_tables=(area_title,) if has_areas else (),
        missing_table=None if has_areas else (area_title, t("map_no_risk_areas", lang)),
        caveat=caveat,
    )
