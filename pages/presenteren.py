"""Presenteren: the selection as slides for a networking day, one message per slide.

Full width, large type, no sidebar. The slide number is in the URL (``?dia=3``); the buttons
and the arrow keys step through the slides. The slides, the downloads (PPTX, PDF) and the
council summary come from one ``presentation.Deck``.
"""

import streamlit as st

from vsdash import charts, plain_text, summary
from vsdash.export import effect_lines, key_figure_items, map_lines, trend_note
from vsdash.i18n import t
from vsdash.plain_text import html as escape  # escapes and keeps names on one line
from vsdash.presentation import SLIDES
from vsdash.ui import cached, frame
from vsdash.ui.widgets import council_letter_button, section_guard, share_link, show_chart

sel = frame.current()
lang = sel.lang
frame.presentation_style()

deck = cached.presentation_deck(
    sel.url, sel.version, sel.gemeente, sel.codes, sel.start, sel.end, lang, sel.label
)

# The slide number lives in the URL, so a link opens the same slide.
count = len(SLIDES)
if "dia" not in st.session_state:
    try:
        st.session_state["dia"] = min(max(int(st.query_params.get("dia", 1)), 1), count)
    except ValueError:
        st.session_state["dia"] = 1


def _step(by: int) -> None:
    st.session_state["dia"] = min(max(st.session_state["dia"] + by, 1), count)


number = st.session_state["dia"]
st.query_params["dia"] = str(number)
slide = SLIDES[number - 1]

st.markdown(
    f'<p class="vs-slide-meta">{escape(deck.subtitle)} · {t("present_slide_of", lang, n=number, totaal=count)}</p>',
    unsafe_allow_html=True,  # every inserted text is escaped
)
st.title(deck.slide_title(slide))

with st.container(key="dia_inhoud"), section_guard(lang, f"dia {slide}"):
    if slide == "kerncijfers":
        items = key_figure_items(deck)
        for column, (label, value, note) in zip(st.columns(len(items)), items, strict=True):
            column.metric(label, value)
            if note:
                column.caption(note)
        if not deck.key.has_channel:
            st.info(t("no_channel", lang, naam=deck.label))
        st.markdown(f'<p class="vs-slide-note">{escape(deck.caveats[0])}</p>', unsafe_allow_html=True)
    elif slide == "trend":
        if deck.trend.empty:
            st.info(t("no_reports_period", lang))
        else:
            spec = charts.report_trend_chart(
                deck.trend, deck.bands, deck.breaks, grain=deck.grain, lang=lang, previous=deck.previous
            )
            spec.figure.update_layout(height=460, font=dict(size=18), legend=dict(font=dict(size=16)))
            show_chart(spec, "present_trend", lang, controls=False)
            st.markdown(f'<p class="vs-slide-note">{escape(trend_note(deck))}</p>', unsafe_allow_html=True)
    elif slide == "effect":
        card = deck.effect
        if card is None or card.hidden:
            for line in effect_lines(deck):
                st.markdown(f'<p class="vs-slide-text">{escape(line)}</p>', unsafe_allow_html=True)
        else:
            left, right = st.columns([3, 2], gap="large")
            with left:
                spec = charts.counterfactual_chart(card.weekly, lang=lang)
                spec.figure.update_layout(height=420, font=dict(size=16))
                show_chart(spec, "present_effect", lang, controls=False)
            with right:
                lines = effect_lines(deck)
                st.markdown(
                    f'<p class="vs-slide-text"><strong>{escape(lines[0])}</strong></p>',
                    unsafe_allow_html=True,
                )
                st.markdown(f'<p class="vs-slide-text">{escape(lines[1])}</p>', unsafe_allow_html=True)
                for line in lines[2:]:
                    st.markdown(f'<p class="vs-slide-note">{escape(line)}</p>', unsafe_allow_html=True)
    elif slide == "kaart":
        left, right = st.columns([3, 1], gap="large")
        lines = map_lines(deck)
        with left.container(key="dia_kaartbeeld"):
            st.image(deck.map_png, width="stretch", alt=" ".join(lines))
        with right:
            for line in lines:
                st.markdown(f'<p class="vs-slide-note">{escape(line)}</p>', unsafe_allow_html=True)
    elif slide == "activiteiten":
        spec = charts.category_bar_chart(
            deck.activities, "categorie_label", lang=lang, title=t("activities_by_category", lang)
        )
        spec.figure.update_layout(height=420, font=dict(size=20))
        show_chart(spec, "present_activities", lang, controls=False)
    else:
        items = "".join(f"<li>{escape(point)}</li>" for point in deck.learned)
        st.markdown(f'<ul class="vs-slide-list">{items}</ul>', unsafe_allow_html=True)

back, middle, forward = st.columns([1, 2, 1], vertical_alignment="center")
back.button(
    t("present_previous_slide", lang),
    key="dia_vorige",
    on_click=_step,
    args=(-1,),
    disabled=number == 1,
    icon=":material/arrow_back:",
    shortcut="Left",
    width="stretch",
)
middle.markdown(
    f'<p class="vs-slide-counter">{t("present_slide_of", lang, n=number, totaal=count)} · '
    f"{t('present_keys_help', lang)}</p>",
    unsafe_allow_html=True,
)
forward.button(
    t("present_next_slide", lang),
    key="dia_volgende",
    on_click=_step,
    args=(1,),
    disabled=number == count,
    icon=":material/arrow_forward:",
    icon_position="right",
    shortcut="Right",
    width="stretch",
)

st.divider()
tools_left, tools_right = st.columns(2, gap="large")
with tools_left, section_guard(lang, "selectie"):
    names = frame.municipality_names(sel)
    channels = cached.table(sel.url, sel.version, "channels")
    memberships = cached.table(sel.url, sel.version, "memberships")
    relevant = sorted(set(channels["gemeentecode"]) | set(memberships["gemeentecode"]), key=names.get)
    span = cached.report_date_range(sel.url, sel.version) or (sel.start, sel.end)
    st.session_state.setdefault("dia_gemeente", sel.gemeente or frame.ALL)
    st.session_state.setdefault("dia_periode", (sel.start, sel.end))

    def _apply() -> None:
        period = st.session_state["dia_periode"]
        st.session_state["gemeente"] = st.session_state["dia_gemeente"]
        if isinstance(period, (tuple, list)) and len(period) == 2:
            st.session_state["periode"] = tuple(period)

    with st.expander(t("present_change_selection", lang), icon=":material/tune:"):
        st.selectbox(
            t("municipality", lang),
            [frame.ALL, *relevant],
            key="dia_gemeente",
            format_func=lambda c: t("all_municipalities", lang) if c == frame.ALL else names[c],
        )
        st.date_input(
            t("period", lang), key="dia_periode", min_value=span[0], max_value=span[1], format="DD-MM-YYYY"
        )
        st.button(t("present_apply", lang), key="dia_toepassen", on_click=_apply, type="primary")
    st.page_link("pages/overzicht.py", label=t("present_back", lang), icon=":material/dashboard:")

with tools_right, section_guard(lang, "meenemen"):
    with st.expander(t("present_summary", lang), icon=":material/description:"):
        for paragraph in summary.council_summary(deck):
            st.write(plain_text.markdown(paragraph))  # plain-text paragraphs naming campaigns
    stem = f"veilige-steden-{sel.gemeente or 'alle'}-{sel.start:%Y%m%d}-{sel.end:%Y%m%d}"
    key_args = (sel.url, sel.version, sel.gemeente, sel.codes, sel.start, sel.end, lang, sel.label)
    with st.expander(t("present_downloads", lang), icon=":material/download:"):
        st.download_button(
            t("present_download_pptx", lang),
            data=lambda: cached.presentation_file(*key_args, "pptx"),
            file_name=f"{stem}.pptx",
            mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
            key="dia_pptx",
            on_click="ignore",
        )
        st.download_button(
            t("present_download_pdf", lang),
            data=lambda: cached.presentation_file(*key_args, "pdf"),
            file_name=f"{stem}.pdf",
            mime="application/pdf",
            key="dia_pdf",
            on_click="ignore",
        )
        markdown = summary.summary_markdown(deck)
        st.download_button(
            t("present_download_summary", lang),
            data=markdown,
            file_name=f"{stem}-samenvatting.md",
            mime="text/markdown",
            key="dia_summary_md",
            on_click="ignore",
        )
        st.download_button(
            t("present_download_summary_txt", lang),
            data=markdown,
            file_name=f"{stem}-samenvatting.txt",
            mime="text/plain",
            key="dia_summary_txt",
            on_click="ignore",
        )
        council_letter_button(deck, stem, lang)
    share_link(lang)
