"""Meldingen: reports over time, by category and channel, per 10,000 inhabitants, by weekday and hour."""

import pandas as pd
import streamlit as st

from vsdash import charts, metrics, privacy, schema
from vsdash.i18n import fmt_date, t
from vsdash.ui import cached, frame
from vsdash.ui.widgets import section_guard, show_chart

# More lines than this make the chart unreadable; a caption then names how many there are.
MAX_CHANNEL_BREAKS = 6
GRAINS = ("day", "week", "month")

sel = frame.current()
lang = sel.lang
st.title(t("reports_title", lang, selectie=sel.label))
st.write(t("reports_intro", lang, start=fmt_date(sel.start, lang), eind=fmt_date(sel.end, lang)))

flt = sel.report_filter()
prev_flt = type(flt)(flt.gemeenten, metrics.shift_year(sel.start), metrics.shift_year(sel.end))
weekly = cached.count_reports(sel.url, sel.version, flt, "week")
campaigns = cached.table(sel.url, sel.version, "campaigns")
channels = cached.table(sel.url, sel.version, "channels")
population = cached.table(sel.url, sel.version, "population")
activities = cached.table(sel.url, sel.version, "activities")

running = metrics.campaigns_in_period(campaigns, sel.codes, sel.start, sel.end)
acts = metrics.activities_in_period(activities, sel.codes, sel.start, sel.end)
breaks = metrics.known_breaks(channels, sel.codes, sel.start, sel.end)
channel_breaks = breaks[breaks["soort_breuk"] != "wet"]
hidden_breaks = 0
if len(channel_breaks) > MAX_CHANNEL_BREAKS:
    hidden_breaks = len(channel_breaks)
    breaks = breaks[breaks["soort_breuk"] == "wet"]
# Over several municipalities one city's local campaign does not explain the total: national
# campaigns are shaded there, every campaign for a single municipality (as on Overzicht).
bands = running if sel.gemeente else running[running["schaal"] == "landelijk"]
with_channel = metrics.codes_with_channel(channels, sel.codes, sel.start, sel.end)
k = privacy.resolve_k()

if not with_channel:
    st.info(t("no_channel", lang, naam=sel.label))
    st.stop()

default_grain = metrics.readable_grain(weekly, k)
if st.session_state.get("meldingen_grain") not in GRAINS:
    st.session_state["meldingen_grain"] = default_grain
grain = st.segmented_control(
    t("grain", lang),
    GRAINS,
    key="meldingen_grain",
    format_func=lambda g: t(f"grain_label_{g}", lang),
)
grain = grain or default_grain
st.caption(t("grain_hint", lang, k=k))

with section_guard(lang, "trend"):
    st.subheader(t(f"trend_title_{grain}", lang) if grain != "day" else t("trend_title_day", lang))
    series = cached.count_reports(sel.url, sel.version, flt, grain)
    if series.empty:
        st.info(t("no_reports_period", lang))
    else:

        def trend_spec() -> charts.ChartSpec:
            previous = cached.count_reports(sel.url, sel.version, prev_flt, grain)
            filled, prev = metrics.trend_and_last_year(series, previous, sel.start, sel.end, grain, lang=lang)
            return charts.report_trend_chart(
                filled, bands, breaks, grain=grain, lang=lang, activities=acts, previous=prev
            )

        show_chart(cached.chart(("reports_trend", sel, grain), lang, trend_spec), "reports_trend", lang)
        if len(running):
            st.caption(":material/info: " + t("willingness_caveat", lang))
        if len(bands) < len(running):
            st.caption(t("local_campaigns_elsewhere", lang, n=len(running) - len(bands)))
        if hidden_breaks:
            st.caption(t("breaks_hidden", lang, n=hidden_breaks))

left, right = st.columns(2)
with left, section_guard(lang, "categorie"):
    st.subheader(t("by_category_or_channel", lang))
    split = st.radio(
        t("split_by", lang),
        ("categorie", "kanaal"),
        key="meldingen_split",
        horizontal=True,
        format_func=lambda s: t(f"split_{s}", lang),
    )

    def split_counts(split_grain: str) -> pd.DataFrame:
        if split == "categorie":
            return cached.count_reports(sel.url, sel.version, flt, split_grain, ("categorie",))
        by_channel = cached.count_reports(sel.url, sel.version, flt, split_grain, ("kanaal_id",))
        return metrics.counts_by_channel_kind(by_channel, channels)

    if split == "categorie":
        labels = {c: t(f"rep_{c}", lang) for c in schema.REPORT_CATEGORIES}
        group_col = "categorie"
    else:
        labels = {s: t(f"channel_{s}", lang) for s in ("meldpunt_web", "app", "overig")}
        group_col = "soort"
    # Each period's total is shown in the trend above, so complementary suppression per period.
    split_grain = grain
    parts = privacy.suppress_small_counts(split_counts(grain), "n", group_cols=["periode"], lang=lang)
    if grain != "month" and (parts["suppression"] != "").mean() > 0.25:
        # Split into parts, many weekly cells fall below k; months keep the picture whole.
        split_grain = "month"
        parts = privacy.suppress_small_counts(split_counts("month"), "n", group_cols=["periode"], lang=lang)
        st.caption(t("split_monthly_note", lang, k=k))
    spec = charts.stacked_reports_chart(
        parts.astype({"n": "float"}),
        group_col,
        labels,
        bands,
        breaks,
        grain=split_grain,
        lang=lang,
        activities=acts,
    )
    show_chart(spec, f"reports_by_{split}", lang)

with right, section_guard(lang, "per_inwoner"):
    st.subheader(t("rate_title", lang))

    def rate_spec() -> charts.ChartSpec:
        series = cached.count_reports(sel.url, sel.version, flt, grain)
        filled = metrics.fill_periods(series, sel.start, sel.end, grain)
        rates = metrics.rates_per_period(filled, population, with_channel)
        rates = privacy.suppress_rates(rates, "n", ("rate",), total_shown=False, lang=lang)
        return charts.rate_trend_chart(rates, bands, breaks, grain=grain, lang=lang, activities=acts)

    show_chart(cached.chart(("reports_rate", sel, grain), lang, rate_spec), "reports_rate", lang)
    st.caption(t("rate_note", lang, n=len(with_channel)))

with section_guard(lang, "uren"):
    st.subheader(t("heat_title", lang))

    def heat_spec() -> charts.ChartSpec:
        hours = cached.count_by_hour(sel.url, sel.version, flt)
        hours = privacy.suppress_small_counts(hours, "n", total_shown=False, lang=lang)
        return charts.weekday_hour_heatmap(hours.astype({"n": "float"}), lang=lang)

    show_chart(cached.chart(("reports_heat", sel), lang, heat_spec), "reports_heat", lang)
    st.caption(t("heat_note", lang))

st.caption(t("suppressed_note", lang, k=k))
