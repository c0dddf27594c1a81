"""Campagnes: the campaign timeline over the report trend, an effect card per campaign and
municipality, and a forest plot of every campaign's effect for the ministry.

The page renders ``vsdash.views.campaigns``; the window counts come from the publication layer,
as on the deck's effect slide.
"""

import streamlit as st

from vsdash.i18n import t
from vsdash.ui import cached, frame
from vsdash.ui.widgets import section_guard, show_chart

sel = frame.current()
lang = sel.lang

# The chosen campaign lives in the URL (?campagne=<id>), so a shared link opens the same card.
model = cached.campaigns_model(sel)
ids = [c.campagne_id for c in model.choices]
if "campagne" not in st.session_state and st.query_params.get("campagne") in ids:
    st.session_state["campagne"] = st.query_params["campagne"]
if st.session_state.get("campagne") not in ids and ids:
    st.session_state["campagne"] = ids[0]
st.title(model.title)
st.write(model.intro)
# Said once for the whole page (issue 19): the card and the forest plot both read rises in reports.
st.caption(":material/info: " + t("willingness_caveat", lang))

with section_guard(lang, "tijdlijn"):
    st.subheader(model.timeline_title)
    timeline = cached.campaign_timeline(sel, st.session_state.get("campagne"))
    if timeline.chart is None:
        st.info(timeline.message)
    else:
        show_chart(timeline.chart, "campaign_timeline", lang)

with section_guard(lang, "effect"):
    st.subheader(model.effect_title)
    if not ids:
        st.info(model.no_campaigns)
    else:
        left, middle, right = st.columns([3, 2, 2])
        labels = {c.campagne_id: c.label for c in model.choices}
        chosen = left.selectbox(t("campaign", lang), ids, key="campagne", format_func=labels.get)
        st.query_params["campagne"] = chosen
        taking_part = model.choice(chosen).municipalities
        if st.session_state.get("campagne_gemeente") not in taking_part:
            st.session_state["campagne_gemeente"] = model.default_municipality(chosen, sel.gemeente)
        names = frame.municipality_names(sel)
        code = middle.selectbox(
            t("municipality", lang),
            taking_part,
            key="campagne_gemeente",
            format_func=lambda c: names.get(c, c),
        )
        with_controls = right.checkbox(t("use_controls", lang), value=True, key="campagne_controls")
        right.caption(t("use_controls_help", lang))
        card = cached.effect_card_model(sel, chosen, code, with_controls)
        with st.container(border=True):
            st.markdown(card.heading)
            if card.unavailable:
                st.info(card.unavailable)
            for column, figure in zip(st.columns(max(2, len(card.metrics))), card.metrics, strict=False):
                column.metric(figure.label, figure.value, help=figure.help or None)
                if figure.caption:
                    column.caption(figure.caption)
            if card.hidden_message:
                st.info(card.hidden_message)
            if card.chart is not None:
                st.markdown(f"##### {card.summary}")
                for sentence in card.placebos:
                    st.caption(":material/fact_check: " + sentence)
                for warning in card.warnings:
                    st.warning(warning, icon=":material/warning:")
                if card.alternative:
                    st.caption(":material/compare_arrows: " + card.alternative)
                if card.controls_note:
                    st.caption(card.controls_note)
                show_chart(card.chart, "effect_counterfactual", lang)
                if card.weeks_note:
                    st.caption(card.weeks_note)
                st.markdown(f"**{card.method_title}** {card.method_plain}")
                with st.expander(card.technical_title):
                    st.write(card.technical)
                    for note in card.notes:
                        st.write("- " + note)

with section_guard(lang, "forest"):
    st.subheader(model.forest_title)
    st.write(model.forest_intro)
    # The same settings as the effect card, so a campaign has one estimate on this page.
    forest = cached.forest_model(sel, st.session_state.get("campagne_controls", True))
    if forest.chart is None:
        st.info(forest.message)
    else:
        show_chart(forest.chart, "campaign_forest", lang)
    if forest.left_out:
        st.caption(forest.left_out)
