"""Overzicht: key figures, the trend with campaign bands, activities by category, what is new."""

import datetime as dt

import pandas as pd
import streamlit as st

from vsdash import charts, metrics, plain_text, privacy, schema
from vsdash.i18n import fmt_date, fmt_number, fmt_percent, t
from vsdash.ui import cached, frame
from vsdash.ui.widgets import section_guard, show_chart

sel = frame.current()
lang = sel.lang
st.title(t("overview_title", lang, selectie=sel.label))
st.write(
    t(
        "overview_intro",
        lang,
        selectie=sel.label,
        start=fmt_date(sel.start, lang),
        eind=fmt_date(sel.end, lang),
    )
)

flt = sel.report_filter()
series = cached.count_reports(sel.url, sel.version, flt, "week")
prev_flt = type(flt)(flt.gemeenten, metrics.shift_year(sel.start), metrics.shift_year(sel.end))
previous = cached.count_reports(sel.url, sel.version, prev_flt, "week")
population = cached.table(sel.url, sel.version, "population")
campaigns = cached.table(sel.url, sel.version, "campaigns")
channels = cached.table(sel.url, sel.version, "channels")
activities = cached.table(sel.url, sel.version, "activities")

total = int(series["n"].sum())
prev_total = int(previous["n"].sum())
inhabitants, pop_year = metrics.population_in_year(population, sel.codes, sel.end.year)
running = metrics.campaigns_in_period(campaigns, sel.codes, sel.start, sel.end)
has_channel = sel.codes is None or bool(metrics.codes_with_channel(channels, sel.codes, sel.start, sel.end))

with section_guard(lang, "kerncijfers"):
    shown = privacy.suppress_small_counts(
        pd.DataFrame({"count": [total, prev_total]}), total_shown=False, lang=lang
    )
    visible = shown["count"].notna().all()
    c1, c2, c3, c4 = st.columns(4)
    if not has_channel:
        st.info(t("no_channel", lang, naam=sel.label))
    no_channel = t("no_channel_short", lang)
    c1.metric(t("reports", lang), shown["label"].iloc[0] if has_channel else no_channel)
    rate = metrics.rate_per_10k(total, inhabitants) if visible and has_channel else float("nan")
    c2.metric(t("per_10k_short", lang), fmt_number(rate, lang, 1) if visible else shown["label"].iloc[0])
    change = metrics.relative_change(total, prev_total) if visible and has_channel else float("nan")
    c3.metric(
        t("vs_last_year", lang),
        fmt_percent(change, lang, sign=True),
        delta=None if pd.isna(change) else f"{shown['label'].iloc[1]} → {shown['label'].iloc[0]}",
        delta_color="off",
    )
    c4.metric(t("campaigns_running", lang), fmt_number(len(running), lang))
    st.caption(
        t("population_note", lang, inwoners=fmt_number(inhabitants, lang), jaar=pop_year)
        + " "
        + t("suppressed_note", lang, k=privacy.resolve_k())
    )

with section_guard(lang, "trend"):
    grain = metrics.readable_grain(series, privacy.resolve_k())
    st.subheader(t(f"trend_title_{grain}", lang))
    if total == 0 and has_channel:
        st.info(t("no_reports_period", lang))
    elif total == 0:
        pass  # the "geen meldpunt" note above already says why there is no trend
    else:
        # Over several municipalities one city's local campaign does not explain the total: show
        # national campaigns as bands there, and every campaign for a single municipality.
        bands = running if sel.gemeente else running[running["schaal"] == "landelijk"]

        def trend_spec() -> charts.ChartSpec:
            weeks_or_months = (series, previous)
            if grain == "month":
                weeks_or_months = (
                    cached.count_reports(sel.url, sel.version, flt, "month"),
                    cached.count_reports(sel.url, sel.version, prev_flt, "month"),
                )
            filled, prev = metrics.trend_and_last_year(*weeks_or_months, sel.start, sel.end, grain, lang=lang)
            # Channel launches are drawn for one municipality; over many they would hide the line.
            breaks = metrics.known_breaks(
                channels, sel.codes, sel.start, sel.end, include_channels=bool(sel.gemeente)
            )
            return charts.report_trend_chart(filled, bands, breaks, grain=grain, lang=lang, previous=prev)

        spec = cached.chart(("overview_trend", sel), lang, trend_spec)
        show_chart(spec, "overview_trend", lang)
        if not sel.gemeente and len(bands) < len(running):
            st.caption(t("local_campaigns_elsewhere", lang, n=len(running) - len(bands)))
        if len(running):
            st.caption(":material/info: " + t("willingness_caveat", lang))

left, right = st.columns(2)
with left, section_guard(lang, "activiteiten"):
    st.subheader(t("activities_by_category", lang))

    def activities_spec() -> charts.ChartSpec:
        by_cat = metrics.activities_by_category(
            activities, sel.codes, sel.start, sel.end, schema.ACTIVITY_CATEGORIES
        )
        by_cat["categorie_label"] = [t(f"cat_{c}", lang) for c in by_cat["categorie"]]
        by_cat["label"] = [fmt_number(n, lang) for n in by_cat["n"]]  # activities are not about people
        return charts.category_bar_chart(
            by_cat, "categorie_label", lang=lang, title=t("activities_by_category", lang)
        )

    show_chart(cached.chart(("overview_activities", sel), lang, activities_spec), "overview_activities", lang)

with right, section_guard(lang, "nieuw"):
    st.subheader(t("whats_new", lang))
    since = sel.end - dt.timedelta(days=90)
    names = frame.municipality_names(sel)
    items = []
    for camp in running[pd.to_datetime(running["start"]) >= pd.Timestamp(since)].itertuples():
        items.append(
            (
                camp.start,
                t(
                    "new_campaign",
                    lang,
                    naam=plain_text.markdown(camp.naam),
                    start=fmt_date(camp.start, lang),
                    eind=fmt_date(camp.eind, lang),
                ),
            )
        )
    acts = activities if sel.codes is None else activities[activities["gemeentecode"].isin(sel.codes)]
    acts = acts[
        (pd.to_datetime(acts["start"]) >= pd.Timestamp(since))
        & (pd.to_datetime(acts["start"]) <= pd.Timestamp(sel.end))
    ]
    for act in acts.sort_values("start", ascending=False).head(6).itertuples():
        items.append(
            (
                act.start,
                t(
                    "new_activity",
                    lang,
                    titel=plain_text.markdown(act.titel),
                    gemeente=names.get(act.gemeentecode, ""),
                    start=fmt_date(act.start, lang),
                ),
            )
        )
    imports = cached.table(sel.url, sel.version, "import_log")
    imports = imports[~imports["ongedaan"].astype(bool)]  # an undone import is not news (issue 20)
    for imp in imports.head(3).itertuples():
        items.append(
            (
                imp.tijdstip.date(),
                t(
                    "new_import",
                    lang,
                    bestand=plain_text.markdown(imp.bestand),
                    tijd=fmt_date(imp.tijdstip.date(), lang),
                    n=fmt_number(imp.geschreven, lang),
                ),
            )
        )
    if not items:
        st.write(t("nothing_new", lang))
    for _, text in sorted(items, key=lambda item: pd.Timestamp(item[0]), reverse=True)[:8]:
        st.markdown(f"- {text}")
