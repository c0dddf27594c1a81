"""Activiteiten: the register of what municipalities did, by the evaluation's four categories."""

import io

import pandas as pd
import streamlit as st

from vsdash import activities as register
from vsdash import charts_activities, plain_text, privacy, schema
from vsdash.i18n import fmt_date, fmt_number, t
from vsdash.ui import cached, frame
from vsdash.ui.widgets import section_guard, show_chart

sel = frame.current()
lang = sel.lang
st.title(t("act_title", lang, selectie=sel.label))
st.write(t("act_intro", lang))

all_activities = cached.table(sel.url, sel.version, "activities")
names = frame.municipality_names(sel)
in_scope = register.filter_activities(all_activities, codes=sel.codes)

with st.expander(t("act_filters", lang), expanded=True):
    c1, c2, c3 = st.columns(3)
    categories = c1.multiselect(
        t("act_col_category", lang),
        schema.ACTIVITY_CATEGORIES,
        key="act_categories",
        format_func=lambda c: t(f"cat_{c}", lang),
        placeholder=t("act_filter_all", lang),
    )
    types = c2.multiselect(
        t("act_col_type", lang),
        [v for v in schema.ACTIVITY_TYPES if v in set(in_scope["type"])],
        key="act_types",
        format_func=lambda v: t(f"act_type_{v}", lang),
        placeholder=t("act_filter_all", lang),
    )
    statuses = c3.multiselect(
        t("act_col_status", lang),
        schema.ACTIVITY_STATUSES,
        key="act_statuses",
        format_func=lambda v: t(f"act_status_{v}", lang),
        placeholder=t("act_filter_all", lang),
    )
    c4, c5, c6 = st.columns(3)
    target_groups = c4.multiselect(
        t("act_col_targets", lang),
        schema.TARGET_GROUPS,
        key="act_targets",
        format_func=lambda v: t(f"target_{v}", lang),
        placeholder=t("act_filter_all", lang),
    )
    partners = c5.multiselect(
        t("act_col_partners", lang),
        register.partner_names(in_scope),
        key="act_partners",
        placeholder=t("act_filter_all", lang),
    )
    only_period = c6.toggle(
        t("act_only_period", lang),
        key="act_only_period",
        help=t("act_only_period_help", lang, start=fmt_date(sel.start, lang), eind=fmt_date(sel.end, lang)),
    )

shown = register.filter_activities(
    in_scope,
    start=sel.start if only_period else None,
    end=sel.end if only_period else None,
    categories=categories,
    types=types,
    statuses=statuses,
    target_groups=target_groups,
    partners=partners,
)
scope_text = (
    t("act_scope_period", lang, start=fmt_date(sel.start, lang), eind=fmt_date(sel.end, lang))
    if only_period
    else t("act_scope_all", lang)
)
summary = register.covid_summary(shown)

with section_guard(lang, "kerncijfers"):
    k1, k2, k3, k4, k5 = st.columns(5)
    k1.metric(t("act_kpi_total", lang), fmt_number(summary["totaal"], lang))
    k2.metric(t("act_kpi_done", lang), fmt_number(summary["uitgevoerd"], lang))
    k3.metric(t("act_status_gepland", lang), fmt_number(summary["gepland"], lang))
    k4.metric(t("act_status_uitgesteld_covid", lang), fmt_number(summary["uitgesteld_covid"], lang))
    k5.metric(t("act_status_geannuleerd", lang), fmt_number(summary["geannuleerd"], lang))
    st.markdown(t("act_covid_sentence", lang, **{k: fmt_number(v, lang) for k, v in summary.items()}))
    st.caption(scope_text)

if shown.empty:
    st.info(t("act_none", lang))
    st.stop()

with section_guard(lang, "status"):
    st.subheader(t("act_status_title", lang))
    show_chart(
        charts_activities.status_by_category_chart(register.status_by_category(shown), lang=lang),
        "act_status_chart",
        lang,
    )

with section_guard(lang, "tijdlijn"):
    st.subheader(t("act_timeline_title", lang))
    show_chart(
        charts_activities.activity_timeline_chart(shown, names=names, until=sel.end, lang=lang),
        "act_timeline",
        lang,
    )

with section_guard(lang, "register"):
    st.subheader(t("act_register_title", lang))
    table = register.register_table(
        shown,
        names=names,
        risk_areas=cached.table(sel.url, sel.version, "risk_areas"),
        campaigns=cached.table(sel.url, sel.version, "campaigns"),
        import_log=cached.table(sel.url, sel.version, "import_log"),
        lang=lang,
    )
    st.dataframe(
        privacy.safe_export_frame(table),  # its CSV download must not carry formulas
        key="act_register",
        hide_index=True,
        width="stretch",
        column_order=[
            "gemeente",
            "categorie",
            "type",
            "titel",
            "status",
            "start",
            "eind",
            "doelgroepen",
            "partners",
            "bereik",
            "budget_eur",
            "risicogebied",
            "kaart_link",
            "campagne",
            "campagne_link",
            "gewijzigd_op",
            "bron",
        ],
        column_config={
            "gemeente": st.column_config.TextColumn(t("municipality", lang), pinned=True),
            "categorie": t("act_col_category", lang),
            "type": t("act_col_type", lang),
            "titel": st.column_config.TextColumn(t("act_col_title", lang), width="large"),
            "status": t("act_col_status", lang),
            "start": st.column_config.DateColumn(t("act_col_start", lang), format="DD-MM-YYYY"),
            "eind": st.column_config.DateColumn(t("act_col_end", lang), format="DD-MM-YYYY"),
            "doelgroepen": t("act_col_targets", lang),
            "partners": t("act_col_partners", lang),
            "bereik": st.column_config.NumberColumn(t("act_col_reach", lang), format="localized"),
            "budget_eur": st.column_config.NumberColumn(t("act_col_budget", lang), format="euro"),
            "risicogebied": t("act_col_risk_area", lang),
            "kaart_link": st.column_config.LinkColumn(
                t("act_col_map_link", lang), display_text=t("act_link_map", lang)
            ),
            "campagne": t("act_col_campaign", lang),
            "campagne_link": st.column_config.LinkColumn(
                t("act_col_campaign_link", lang), display_text=t("act_link_campaign", lang)
            ),
            "gewijzigd_op": st.column_config.DatetimeColumn(
                t("act_col_changed", lang), format="DD-MM-YYYY HH:mm"
            ),
            "bron": t("act_col_source", lang),
        },
    )
    st.caption(t("act_register_note", lang, n=fmt_number(len(table), lang)))
    export = privacy.safe_export_frame(register.export_frame(table, lang))
    d1, d2 = st.columns(2)
    d1.download_button(
        t("act_download_csv", lang),
        export.to_csv(index=False, sep=";", decimal=",").encode("utf-8-sig"),
        file_name="activiteiten.csv",
        mime="text/csv",
        key="act_download_csv",
    )
    buffer = io.BytesIO()
    export.to_excel(buffer, index=False, sheet_name=t("nav_activities", lang), engine="openpyxl")
    d2.download_button(
        t("act_download_xlsx", lang),
        buffer.getvalue(),
        file_name="activiteiten.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="act_download_xlsx",
    )

with section_guard(lang, "details"):
    st.subheader(t("act_detail_title", lang))
    labels = dict(zip(table["activiteit_id"], table["titel"] + " · " + table["gemeente"], strict=True))
    chosen = st.selectbox(
        t("act_detail_pick", lang), list(labels), key="act_detail", format_func=lambda a: labels[a]
    )
    row = table.set_index("activiteit_id").loc[chosen]
    st.markdown(f"#### {plain_text.markdown(row['titel'])}")
    st.markdown(
        t(
            "act_detail_line",
            lang,
            gemeente=row["gemeente"],
            categorie=row["categorie"],
            type=row["type"],
            status=row["status"],
            start=fmt_date(row["start"].date(), lang),
            eind=fmt_date(row["eind"].date(), lang) if pd.notna(row["eind"]) else t("act_running", lang),
        )
    )
    facts = []
    if row["doelgroepen"]:
        facts.append(f"**{t('act_col_targets', lang)}:** {row['doelgroepen']}")
    if row["partners"]:
        facts.append(f"**{t('act_col_partners', lang)}:** {plain_text.markdown(row['partners'])}")
    if pd.notna(row["bereik"]):
        facts.append(f"**{t('act_col_reach', lang)}:** {fmt_number(int(row['bereik']), lang)}")
    if pd.notna(row["budget_eur"]):
        facts.append(f"**{t('act_col_budget', lang)}:** € {fmt_number(int(row['budget_eur']), lang)}")
    if row["kaart_link"]:
        facts.append(
            f"**{t('act_col_risk_area', lang)}:** [{plain_text.markdown(row['risicogebied'])}]({row['kaart_link']})"
        )
    if row["campagne_link"]:
        facts.append(
            f"**{t('act_col_campaign', lang)}:** [{plain_text.markdown(row['campagne'])}]({row['campagne_link']})"
        )
    for fact in facts:
        st.markdown(f"- {fact}")
    changed = row["gewijzigd_op"]
    st.caption(
        t(
            "act_provenance",
            lang,
            wanneer=fmt_date(changed.date(), lang) if pd.notna(changed) else "–",
            bron=row["bron"],
        )
    )
