"""Campagnes: the campaign timeline over the report trend, an effect card per campaign and
municipality, and a forest plot of every campaign's effect for the ministry."""

import pandas as pd
import streamlit as st

from vsdash import charts, metrics, plain_text, publication
from vsdash.effects import effect_card_text
from vsdash.i18n import fmt_date, fmt_number, fmt_percent, t
from vsdash.ui import cached, frame
from vsdash.ui.widgets import section_guard, show_chart

sel = frame.current()
lang = sel.lang
k = publication.small_count_threshold()
st.title(t("campaigns_title", lang, selectie=sel.label))
st.write(t("campaigns_intro", lang))
# Said once for the whole page (issue 19): the card and the forest plot both read rises in reports.
st.caption(":material/info: " + t("willingness_caveat", lang))

campaigns = cached.table(sel.url, sel.version, "campaigns")
channels = cached.table(sel.url, sel.version, "channels")
names = frame.municipality_names(sel).to_dict()
in_scope = campaigns if sel.codes is None else campaigns[campaigns["gemeentecode"].isin(sel.codes)]

# The chosen campaign lives in the URL (?campagne=<id>), so a shared link opens the same card.
choices = in_scope.drop_duplicates("campagne_id").sort_values("start", ascending=False)
ids = list(choices["campagne_id"])
if "campagne" not in st.session_state and st.query_params.get("campagne") in ids:
    st.session_state["campagne"] = st.query_params["campagne"]
if st.session_state.get("campagne") not in ids and ids:
    st.session_state["campagne"] = ids[0]

with section_guard(lang, "tijdlijn"):
    st.subheader(t("timeline_title", lang))
    shown = in_scope[
        (pd.to_datetime(in_scope["start"]) <= pd.Timestamp(sel.end))
        & (pd.to_datetime(in_scope["eind"]) >= pd.Timestamp(sel.start))
    ]
    if shown.empty:
        st.info(t("no_campaigns", lang, naam=sel.label))
    else:
        # The same published trend as Overzicht (vsdash.publication), drawn under the timeline.
        published = cached.published_trend(sel)
        grain, trend = published.grain, published.cells
        breaks = metrics.known_breaks(
            channels, sel.codes, sel.start, sel.end, include_channels=bool(sel.gemeente)
        )
        spec = charts.campaign_timeline_chart(
            shown,
            names,
            trend,
            breaks,
            grain=grain,
            lang=lang,
            highlight=st.session_state.get("campagne"),
            bands=shown if sel.gemeente else shown[shown["campagne_id"] == st.session_state.get("campagne")],
        )
        show_chart(spec, "campaign_timeline", lang)

with section_guard(lang, "effect"):
    st.subheader(t("effect_title", lang))
    if not ids:
        st.info(t("no_campaigns", lang, naam=sel.label))
    else:
        labels = choices.set_index("campagne_id")
        left, middle, right = st.columns([3, 2, 2])
        chosen = left.selectbox(
            t("campaign", lang),
            ids,
            key="campagne",
            format_func=lambda c: (
                f"{labels.loc[c, 'naam']} ({fmt_date(pd.Timestamp(labels.loc[c, 'start']).date(), lang)})"
            ),
        )
        st.query_params["campagne"] = chosen
        taking_part = sorted(
            set(in_scope.loc[in_scope["campagne_id"] == chosen, "gemeentecode"]),
            key=lambda c: names.get(c, c),
        )
        if st.session_state.get("campagne_gemeente") not in taking_part:
            st.session_state["campagne_gemeente"] = (
                sel.gemeente if sel.gemeente in taking_part else taking_part[0]
            )
        code = middle.selectbox(
            t("municipality", lang),
            taking_part,
            key="campagne_gemeente",
            format_func=lambda c: names.get(c, c),
        )
        with_controls = right.checkbox(t("use_controls", lang), value=True, key="campagne_controls")
        right.caption(t("use_controls_help", lang))
        est, reason = cached.campaign_effect(sel.url, sel.version, chosen, code, with_controls)
        alternative = None
        if est is not None and est.controls_used:
            alternative, _ = cached.campaign_effect(sel.url, sel.version, chosen, code, False, checks=False)
        camp = labels.loc[chosen]
        with st.container(border=True):
            st.markdown(
                f"**{plain_text.markdown(camp['naam'])}** · {names.get(code, code)} · "
                f"{fmt_date(pd.Timestamp(camp['start']).date(), lang)} – {fmt_date(pd.Timestamp(camp['eind']).date(), lang)}"
            )
            if est is None:
                st.info(t("effect_unavailable", lang, reason=reason))
            else:
                shown = publication.published_effect(est, lang)
                if shown.hidden:
                    c1, _ = st.columns(2)
                    c1.metric(t("observed_reports", lang), shown.observed_label)
                    st.info(t("effect_hidden_small", lang, k=k))
                else:
                    c1, c2, c3, c4, c5 = st.columns(5)
                    c1.metric(
                        t("expected_reports", lang),
                        fmt_number(est.expected, lang),
                        help=t("expected_help", lang),
                    )
                    c1.caption(
                        t(
                            "between",
                            lang,
                            low=fmt_number(est.expected_low, lang),
                            high=fmt_number(est.expected_high, lang),
                        )
                    )
                    c2.metric(t("observed_reports", lang), shown.observed_label)
                    c3.metric(t("extra_reports", lang), fmt_number(est.extra, lang))
                    c3.caption(
                        t(
                            "between",
                            lang,
                            low=fmt_number(est.extra_low, lang),
                            high=fmt_number(est.extra_high, lang),
                        )
                    )
                    c4.metric(t("relative_change", lang), fmt_percent(est.relative_change, lang, sign=True))
                    c4.caption(
                        t(
                            "between",
                            lang,
                            low=fmt_percent(est.relative_low, lang, sign=True),
                            high=fmt_percent(est.relative_high, lang, sign=True)
                            if est.relative_high is not None
                            else "…",
                        )
                    )
                    c5.metric(
                        t("p_value", lang), fmt_number(est.p_value, lang, 3), help=t("p_value_help", lang)
                    )
                    text = effect_card_text(est, alternative, lang)
                    st.markdown(f"##### {text.summary}")
                    for sentence in text.placebos:
                        st.caption(":material/fact_check: " + sentence)
                    for warning in text.warnings:
                        st.warning(warning, icon=":material/warning:")
                    if text.alternative:
                        st.caption(":material/compare_arrows: " + text.alternative)
                    if est.controls_used:
                        st.caption(
                            t(
                                "controls_used",
                                lang,
                                namen=", ".join(names.get(c, c) for c in est.controls_used),
                            )
                        )
                    elif with_controls:
                        st.caption(t("controls_none", lang))
                    show_chart(
                        charts.counterfactual_chart(shown.weekly, lang=lang), "effect_counterfactual", lang
                    )
                    st.markdown(f"**{t('effect_method', lang)}** {text.method_plain}")
                    with st.expander(t("effect_method_technical", lang)):
                        st.write(text.method_technical)
                        for note in text.notes:
                            st.write("- " + note)

with section_guard(lang, "forest"):
    st.subheader(t("forest_title", lang))
    st.write(t("forest_intro", lang))
    # The same settings as the effect card, so a campaign has one estimate on this page.
    effects = cached.campaign_effects_all(
        sel.url, sel.version, st.session_state.get("campagne_controls", True)
    )
    if sel.codes is not None:
        effects = effects[effects["gemeentecode"].isin(sel.codes)]
    estimated = effects[effects["fout"] == ""]
    visible = publication.published_effects(estimated, lang)
    visible["label"] = [
        f"{plain_text.html(row.naam)} — {names.get(row.gemeentecode, row.gemeentecode)}"
        for row in visible.itertuples()
    ]
    if visible.empty:
        st.info(t("forest_empty", lang))
    else:
        show_chart(charts.campaign_forest_chart(visible, lang=lang), "campaign_forest", lang)
    left_out = len(effects) - len(visible)
    if left_out:
        st.caption(t("forest_left_out", lang, n=left_out, k=k))
