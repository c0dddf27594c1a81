"""Kaart: report density per hexagon, risk areas with their measures, and before/after a campaign
or measure. Decks are built in vsdash.maps; privacy is applied there through vsdash.privacy."""

import streamlit as st

from vsdash import maps, metrics, plain_text, settings
from vsdash.i18n import fmt_date, t
from vsdash.store import ReportFilter
from vsdash.ui import cached, frame
from vsdash.ui.mapview import show_map
from vsdash.ui.widgets import section_guard, show_chart

MAP_KEY = "kaart_map"
AREA_KEY = "kaart_risicogebied"
EVENT_KEY = "kaart_gebeurtenis"
WEEKS_KEY = "kaart_weken"
NONE = "-"

sel = frame.current()
lang = sel.lang
names = frame.municipality_names(sel).to_dict()
municipalities = cached.table(sel.url, sel.version, "municipalities")
risk_areas = cached.table(sel.url, sel.version, "risk_areas")
measures = cached.table(sel.url, sel.version, "risk_area_measures")
scope_areas = risk_areas if sel.codes is None else risk_areas[risk_areas["gemeentecode"].isin(sel.codes)]
boundaries = cached.map_boundaries(sel.gemeente, lang, str(settings.boundaries_dir()))
flt = sel.report_filter()

st.title(t("map_title", lang, selectie=sel.label))
intro = "map_intro" if sel.gemeente else "map_intro_national"
st.write(t(intro, lang, start=fmt_date(sel.start, lang), eind=fmt_date(sel.end, lang)))
channels = cached.table(sel.url, sel.version, "channels")
if sel.gemeente and not maps.has_channel(channels, sel.gemeente, sel.start, sel.end):
    st.info(t("no_channel", lang, naam=sel.label))
if boundaries.missing_reason:
    st.info(t("map_no_boundaries", lang) + " " + boundaries.missing_reason)

picked_area = None
with section_guard(lang, "kaart"):
    st.subheader(t("map_section_density", lang))
    if sel.gemeente:
        cells = maps.hex_cells(cached.hex_counts(sel.url, sel.version, flt), lang=lang)
        area_counts = cached.area_counts(sel.url, sel.version, flt, "risicogebied_id")
        area_table = maps.risk_area_table(scope_areas, measures, area_counts, names=names, lang=lang)
        spec = maps.density_map(
            cells, scope_areas, area_table, boundaries, municipalities, gemeente=sel.gemeente, lang=lang
        )
    else:
        counts = cached.count_reports(sel.url, sel.version, flt, "month", ("gemeentecode",))
        totals = maps.municipality_totals(counts, municipalities, lang=lang)
        spec = maps.national_map(totals, boundaries, label=sel.label, lang=lang)
    event = show_map(spec, MAP_KEY, lang, selectable=bool(sel.gemeente))
    picked_area = maps.picked_risk_area(event)
    if sel.gemeente:
        first, last = metrics.whole_weeks(sel.start, sel.end)
        if (first, last) != (sel.start, sel.end):
            st.caption(t("map_weeks_note", lang, start=fmt_date(first, lang), eind=fmt_date(last, lang)))

with section_guard(lang, "risicogebied"):
    st.subheader(t("map_section_area", lang))
    if scope_areas.empty:
        st.info(t("map_no_risk_areas", lang))
    else:
        area_names = {
            row.risicogebied_id: f"{row.naam} ({names.get(row.gemeentecode, row.gemeentecode)})"
            for row in scope_areas.itertuples()
        }
        # A click on the map chooses the area once; the selectbox stays the user's to change after.
        if picked_area in area_names and picked_area != st.session_state.get("_kaart_last_pick"):
            st.session_state[AREA_KEY] = picked_area
        st.session_state["_kaart_last_pick"] = picked_area
        if st.session_state.get(AREA_KEY) not in (NONE, *area_names):
            st.session_state[AREA_KEY] = NONE

        @st.fragment
        def risk_area_detail() -> None:
            """Trend and measures of one risk area (a fragment: choosing does not resend the map)."""
            chosen = st.selectbox(
                t("map_area_select", lang),
                [NONE, *area_names],
                key=AREA_KEY,
                format_func=lambda rid: t("map_area_none", lang) if rid == NONE else area_names[rid],
                help=t("map_area_select_help", lang),
            )
            if chosen == NONE:
                return
            area = scope_areas.set_index("risicogebied_id").loc[chosen]
            weekly = cached.area_counts(sel.url, sel.version, flt, "risicogebied_id", "week")
            table = maps.risk_area_table(
                scope_areas[scope_areas["risicogebied_id"] == chosen],
                measures,
                weekly,
                names=names,
                lang=lang,
            ).iloc[0]
            st.markdown(
                t(
                    "map_area_summary",
                    lang,
                    naam=plain_text.markdown(area["naam"]),
                    soort=t(f"map_area_type_{area['type']}", lang),
                    gemeente=names.get(area["gemeentecode"], ""),
                    label=table["label"],
                    maatregelen=table["maatregelen"],
                )
            )
            trend = maps.risk_area_trend(
                weekly, measures, chosen, str(area["naam"]), sel.start, sel.end, lang=lang
            )
            show_chart(trend, "kaart_trend", lang)

        risk_area_detail()

with section_guard(lang, "voor_na"):
    st.subheader(t("map_section_before_after", lang))
    campaigns = cached.table(sel.url, sel.version, "campaigns")
    events = maps.before_after_events(campaigns, measures, risk_areas, sel.codes, lang=lang)
    data_range = cached.report_date_range(sel.url, sel.version)
    if events.empty:
        st.info(t("map_no_events", lang))
    else:
        labels = dict(zip(events["key"], events["label"], strict=True))
        in_period = events[(events["datum"] >= sel.start) & (events["datum"] <= sel.end)]
        if st.session_state.get(EVENT_KEY) not in labels:
            st.session_state[EVENT_KEY] = (in_period if len(in_period) else events)["key"].iloc[0]

        @st.fragment
        def before_after() -> None:
            """Choose an event and window; a fragment, so the density map above is not resent."""
            left, right = st.columns([3, 1])
            key = left.selectbox(t("map_event", lang), list(labels), key=EVENT_KEY, format_func=labels.get)
            weeks = right.slider(t("map_window_weeks", lang), 2, 26, 8, key=WEEKS_KEY)
            chosen = events.set_index("key").loc[key]
            windows = maps.before_after_windows(chosen["datum"], weeks, data_range)
            if windows is None:
                st.info(t("map_no_window", lang))
                return
            st.caption(
                t(
                    "map_windows",
                    lang,
                    b_start=fmt_date(windows.before[0], lang),
                    b_end=fmt_date(windows.before[1], lang),
                    a_start=fmt_date(windows.after[0], lang),
                    a_end=fmt_date(windows.after[1], lang),
                    weeks=windows.weeks,
                )
            )
            if windows.shortened:
                st.info(t("map_windows_shortened", lang, weeks=windows.weeks))
            codes = (sel.gemeente,) if sel.gemeente else tuple(chosen["gemeenten"])
            before_flt = ReportFilter(codes, *windows.before)
            after_flt = ReportFilter(codes, *windows.after)
            if sel.gemeente:
                hexes = maps.compare_cells(
                    cached.hex_counts(sel.url, sel.version, before_flt),
                    cached.hex_counts(sel.url, sel.version, after_flt),
                    lang=lang,
                )
            else:
                hexes = maps.compare_counts(
                    cached.count_reports(sel.url, sel.version, before_flt, "month", ("gemeentecode",)),
                    cached.count_reports(sel.url, sel.version, after_flt, "month", ("gemeentecode",)),
                    "gemeentecode",
                    total_shown=True,
                    lang=lang,
                )
            areas = maps.compare_counts(
                cached.area_counts(sel.url, sel.version, before_flt, "risicogebied_id"),
                cached.area_counts(sel.url, sel.version, after_flt, "risicogebied_id"),
                "risicogebied_id",
                total_shown=False,
                lang=lang,
            )
            spec = maps.before_after_map(
                hexes,
                areas,
                risk_areas[risk_areas["gemeentecode"].isin(codes)],
                cached.map_boundaries(sel.gemeente, lang, str(settings.boundaries_dir())),
                municipalities,
                gemeente=sel.gemeente,
                windows=windows,
                event_label=labels[key],
                lang=lang,
            )
            area_title = t("map_area_table_title", lang)
            if area_title not in spec.more_tables:
                show_map(spec, "kaart_voor_na", lang)
                st.markdown(f"**{area_title}**")
                st.write(t("map_no_risk_areas", lang))
            else:
                # The per-area comparison answers "did it change where we acted?": open, not switched.
                show_map(spec, "kaart_voor_na", lang, always_shown=(area_title,))
            st.caption(":material/info: " + t("willingness_caveat", lang))

        before_after()
