"""Vergelijken: municipalities side by side on a map, ranked with intervals, and as small multiples."""

import datetime as dt

import pandas as pd
import streamlit as st

from vsdash import charts_compare, compare, geo, metrics, privacy, publication, settings
from vsdash.i18n import fmt_date, fmt_number, t
from vsdash.store import ReportFilter
from vsdash.ui import cached, frame
from vsdash.ui.widgets import section_guard, show_chart

sel = frame.current()
lang = sel.lang
st.title(t("cmp_title", lang))
st.write(t("cmp_intro", lang, start=fmt_date(sel.start, lang), eind=fmt_date(sel.end, lang)))

municipalities = cached.table(sel.url, sel.version, "municipalities")
memberships = cached.table(sel.url, sel.version, "memberships")
channels = cached.table(sel.url, sel.version, "channels")
population = cached.table(sel.url, sel.version, "population")
peer_groups = cached.table(sel.url, sel.version, "peer_groups")
campaigns = cached.table(sel.url, sel.version, "campaigns")
names = frame.municipality_names(sel)

# Who can be compared: the selected programme's members, or everyone in Veilige Steden or with a meldpunt.
if sel.programma:
    universe = set(memberships.loc[memberships["programma"] == sel.programma, "gemeentecode"])
else:
    universe = set(memberships.loc[memberships["programma"] == "veilige_steden", "gemeentecode"]) | set(
        channels["gemeentecode"]
    )
if sel.gemeente:
    universe.add(sel.gemeente)
universe = sorted(universe, key=lambda c: names.get(c, c))

counts = cached.count_reports(
    sel.url, sel.version, ReportFilter(None, sel.start, sel.end), "month", ("gemeentecode",)
)
rates = compare.municipality_rates(counts, population, channels, universe, sel.start, sel.end)

c1, c2 = st.columns([2, 1])
choices = list(compare.PEER_CHOICES)
if "cmp_group" not in st.session_state:
    st.session_state["cmp_group"] = "vergelijkbaar" if sel.gemeente else "alle"
group_choice = c1.radio(
    t("cmp_group_label", lang),
    choices,
    key="cmp_group",
    horizontal=True,
    format_func=lambda c: t(f"cmp_group_{c}", lang),
)
focus = sel.gemeente
comparable = pd.DataFrame(columns=["gemeentecode", "afstand"])
if group_choice == "vergelijkbaar":
    candidates = [c for c in universe if rates.set_index("gemeentecode").loc[c, "meldpunt"]]
    if not focus:
        focus = c2.selectbox(
            t("cmp_focus_label", lang), candidates, key="cmp_focus", format_func=lambda c: names.get(c, c)
        )
    prev_start, prev_end = metrics.shift_year(sel.start), sel.start - dt.timedelta(days=1)
    previous = cached.count_reports(
        sel.url, sel.version, ReportFilter(None, prev_start, prev_end), "month", ("gemeentecode",)
    )
    history = compare.municipality_rates(previous, population, channels, universe, prev_start, prev_end)
    comparable = compare.comparable_municipalities(history[["gemeentecode", "inwoners", "rate"]], focus, k=4)
group = compare.peer_group_codes(group_choice, peer_groups, universe, comparable["gemeentecode"], focus)
group_rates = rates[rates["gemeentecode"].isin(group)]
ranked = compare.ranked_rates(group_rates, lang=lang)
if group_choice == "vergelijkbaar":
    if comparable.empty:
        st.info(t("cmp_no_comparable", lang, naam=names.get(focus, focus or "")))
    else:
        st.caption(
            t(
                "cmp_comparable_note",
                lang,
                naam=names.get(focus, focus),
                lijst=", ".join(names.get(c, c) for c in comparable["gemeentecode"]),
                start=fmt_date(prev_start, lang),
                eind=fmt_date(prev_end, lang),
            )
        )

with section_guard(lang, "kaart"):
    st.subheader(t("cmp_map_title", lang))
    metric = st.radio(
        t("cmp_metric_label", lang),
        ("meldingen", "activiteiten", "bijdrage"),
        key="cmp_metric",
        horizontal=True,
        format_func=lambda m: t(f"cmp_metric_{m}", lang),
    )
    everyone = compare.ranked_rates(rates, lang=lang)
    if metric == "meldingen":
        values = everyone[["gemeentecode", "rate"]].rename(columns={"rate": "value"})
        values["note"] = [
            t("no_channel_short", lang) if s == compare.NO_CHANNEL else lbl
            for s, lbl in zip(everyone["status"], everyone["label"], strict=True)
        ]
        metric_label = t("cmp_rate_axis", lang)

        def value_format(v: float) -> str:
            return fmt_number(v, lang, 1)
    elif metric == "activiteiten":
        per = compare.activities_per_municipality(
            cached.table(sel.url, sel.version, "activities"), sel.start, sel.end
        )
        values = pd.DataFrame({"gemeentecode": universe})
        values["value"] = (
            values["gemeentecode"].map(per.set_index("gemeentecode")["n"]).fillna(0).astype(float)
        )
        values["note"] = ""
        metric_label = t("cmp_metric_activiteiten", lang)

        def value_format(v: float) -> str:
            return fmt_number(v, lang)
    else:
        funding = publication.funding_in_period(
            memberships, sel.start, sel.end, programma=sel.programma or "veilige_steden"
        ).set_index("gemeentecode")["bijdrage_eur"]
        values = pd.DataFrame({"gemeentecode": universe})
        values["value"] = values["gemeentecode"].map(funding).astype(float)
        values["note"] = t("cmp_no_funding", lang)
        metric_label = t("cmp_metric_bijdrage", lang)

        def value_format(v: float) -> str:
            return f"€ {fmt_number(v, lang)}"

    geojson, missing_reason = cached.municipality_boundaries_geojson(str(settings.boundaries_dir()))
    changes = compare.membership_changes(memberships)
    spec = charts_compare.comparison_map(
        values,
        municipalities=municipalities,
        geojson=geojson,
        metric_label=metric_label,
        value_format=value_format,
        changes=changes,
        focus=sel.gemeente,
        lang=lang,
    )
    show_chart(spec, "cmp_map", lang)
    if geojson is None:
        st.info(t("cmp_map_no_boundaries", lang, reden=geo.reason_text(missing_reason, lang)))
    joined = [r for r in changes.itertuples() if r.soort == "ingestroomd"]
    left = [r for r in changes.itertuples() if r.soort == "gestopt"]
    st.caption(
        " ".join(
            [
                t(
                    "cmp_map_changes",
                    lang,
                    ingestroomd=", ".join(
                        f"{names.get(r.gemeentecode, r.gemeentecode)} ({r.jaar})" for r in joined
                    )
                    or "–",
                    gestopt=", ".join(f"{names.get(r.gemeentecode, r.gemeentecode)} ({r.jaar})" for r in left)
                    or "–",
                ),
                t("cmp_map_boundaries_year", lang, jaar=geo.GEMEENTE_VINTAGE.rsplit("-", 1)[-1])
                if geojson
                else "",
                geo.BOUNDARY_ATTRIBUTION if geojson else t("cmp_map_centres_source", lang),
            ]
        )
    )

with section_guard(lang, "ranglijst"):
    st.subheader(t("cmp_ranked_title", lang, groep=t(f"cmp_group_{group_choice}", lang)))
    pooled = compare.group_rate(group_rates)
    spec = charts_compare.ranked_rate_chart(ranked, names=names, focus=focus, group_rate=pooled, lang=lang)
    show_chart(spec, "cmp_ranked", lang)
    st.caption(t("cmp_interval_note", lang) + " " + t("suppressed_note", lang, k=privacy.resolve_k()))
    not_ranked = ranked[ranked["status"] != compare.RANKED]
    if len(not_ranked):
        st.markdown(
            t(
                "cmp_not_ranked",
                lang,
                lijst=", ".join(
                    f"{names.get(r.gemeentecode, r.gemeentecode)} ("
                    + (t("no_channel_short", lang) if r.status == compare.NO_CHANNEL else r.label)
                    + ")"
                    for r in not_ranked.itertuples()
                ),
            )
        )
    st.dataframe(spec.table, hide_index=True, width="stretch", key="cmp_ranking_table")

with section_guard(lang, "trends"):
    st.subheader(t("cmp_trends_title", lang))
    monthly = compare.monthly_rates(counts, population, channels, group, sel.start, sel.end)
    monthly = privacy.suppress_rates(monthly, "n", ("rate",), group_cols=["gemeentecode"], lang=lang)
    spec = charts_compare.small_multiples_chart(
        monthly,
        names=names,
        campaigns=compare.campaign_rows_in_period(campaigns, sel.start, sel.end),
        focus=focus,
        lang=lang,
    )
    show_chart(spec, "cmp_trends", lang)
    st.caption(t("cmp_trends_note", lang) + " " + t("willingness_caveat", lang))

with section_guard(lang, "programmas"):
    st.subheader(t("cmp_membership_title", lang))
    spans = compare.membership_spans(memberships[memberships["gemeentecode"].isin(universe)], sel.end)
    show_chart(
        charts_compare.membership_timeline_chart(spans, names=names, lang=lang), "cmp_memberships", lang
    )
