"""Streamlit widgets of the Presenteren page: the slide, the step buttons and the deck builder.

The officer's composition (``vsdash.composition.Composition``) lives in the session and in the
URL (``dias``, ``diatekst``), the slide number in ``dia``: a copied link opens the same deck on
the same slide. Every callback replaces the composition with an edited copy and the next run
writes it back to the URL. Typed texts and names from files are escaped before they reach HTML.
"""

from __future__ import annotations

import streamlit as st

from vsdash import plain_text
from vsdash.composition import (
    MAX_BODY,
    MAX_NOTES,
    MAX_SLIDES,
    MAX_TEXT_SLIDES,
    MAX_TITLE,
    ORDER_PARAM,
    TEXT_KIND,
    TEXT_PARAM,
    Composition,
    from_query,
)
from vsdash.i18n import t
from vsdash.plain_text import html as escape  # escapes and keeps names on one line
from vsdash.ui.widgets import council_letter_button, show_chart

STATE = "dia_compositie"
NOTICES = "dia_meldingen"
REVISION = "dia_revisie"  # changes when slides move, so the edit fields follow the slide shown
ERROR = "dia_fout"


def composition(lang: str) -> Composition:
    """The officer's composition: from the session, or on the first run from the URL."""
    state = st.session_state
    if STATE not in state:
        found, notices = from_query(st.query_params.to_dict(), lang)
        state[STATE], state[NOTICES], state[REVISION] = found, notices, 0
    wanted = state[STATE].to_query()
    for name in (ORDER_PARAM, TEXT_PARAM):
        if name not in wanted:
            if name in st.query_params:
                del st.query_params[name]
        elif st.query_params.get(name) != wanted[name]:
            st.query_params[name] = wanted[name]
    return state[STATE]


def slide_number(count: int) -> int:
    """The slide on screen (1-based, from the URL's ``dia`` on the first run), kept within ``count``."""
    state = st.session_state
    if "dia" not in state:
        try:
            state["dia"] = int(st.query_params.get("dia", 1))
        except ValueError:
            state["dia"] = 1
    state["dia"] = min(max(int(state["dia"]), 1), count)
    st.query_params["dia"] = str(state["dia"])
    return state["dia"]


def _step(by: int) -> None:
    count = len(st.session_state[STATE].slides)
    st.session_state["dia"] = min(max(st.session_state["dia"] + by, 1), count)


def _change(edit, *, restructure: bool = True) -> None:
    """Apply ``edit`` (Composition -> Composition) to the session's composition."""
    state = st.session_state
    try:
        state[STATE] = edit(state[STATE])
    except (ValueError, IndexError) as exc:
        state[ERROR] = str(exc)
        return
    state[NOTICES] = ()
    if restructure:
        state[REVISION] = state.get(REVISION, 0) + 1


def notices_and_errors() -> tuple[str, ...]:
    """What a link left out (until the officer changes the deck) and the last edit that failed."""
    found = tuple(st.session_state.get(NOTICES, ()))
    error = st.session_state.pop(ERROR, "")
    return (*found, error) if error else found


def render_slide(model, lang: str) -> None:
    """The slide on screen: meta line, title, then its figures, visual and sentences."""
    slide = model.slide
    st.markdown(f'<p class="vs-slide-meta">{escape(model.meta)}</p>', unsafe_allow_html=True)
    st.title(plain_text.markdown(slide.title) if slide.own_title else slide.title)
    with st.container(key="dia_inhoud"):
        # Six figures side by side cut their labels short ("Per 10.000 inwoners per j…"): two rows of three.
        per_row = 3 if len(slide.figures) > 5 else max(len(slide.figures), 1)
        for first in range(0, len(slide.figures), per_row):
            row = slide.figures[first : first + per_row]
            for column, figure in zip(st.columns(per_row), row, strict=False):
                column.metric(figure.label, figure.value)
                if figure.note:
                    column.caption(plain_text.markdown(figure.note))
        if slide.message:
            st.info(plain_text.markdown(slide.message))
        visual = slide.chart is not None or bool(slide.picture)
        if slide.beside and visual:
            left, right = st.columns([3, 2] if slide.chart is not None else [3, 1], gap="large")
        else:
            left = right = st.container()
        with left:
            if slide.chart is not None:
                show_chart(slide.chart, slide.chart_key, lang, controls=False)
            elif slide.picture:
                with st.container(key="dia_kaartbeeld"):
                    st.image(slide.picture, width="stretch", alt=slide.picture_alt)
        with right:
            _sentences(slide)


def _sentences(slide) -> None:
    if slide.lead:
        st.markdown(
            f'<p class="vs-slide-text"><strong>{escape(slide.lead)}</strong></p>', unsafe_allow_html=True
        )
    for line in slide.paragraphs:
        st.markdown(f'<p class="vs-slide-text">{escape(line)}</p>', unsafe_allow_html=True)
    if slide.bullets:
        items = "".join(f"<li>{escape(point)}</li>" for point in slide.bullets)
        st.markdown(f'<ul class="vs-slide-list">{items}</ul>', unsafe_allow_html=True)
    for line in slide.notes:
        st.markdown(f'<p class="vs-slide-note">{escape(line)}</p>', unsafe_allow_html=True)


def step_buttons(model, lang: str) -> None:
    """Previous and next, with the arrow keys as shortcuts (their hint is hidden: the icon shows it)."""
    back, middle, forward = st.columns([1, 2, 1], vertical_alignment="center")
    back.button(
        t("present_previous_slide", lang),
        key="dia_vorige",
        on_click=_step,
        args=(-1,),
        disabled=model.number == 1,
        icon=":material/arrow_back:",
        shortcut="Left",
        width="stretch",
    )
    middle.markdown(f'<p class="vs-slide-counter">{escape(model.counter)}</p>', unsafe_allow_html=True)
    forward.button(
        t("present_next_slide", lang),
        key="dia_volgende",
        on_click=_step,
        args=(1,),
        disabled=model.number == model.count,
        icon=":material/arrow_forward:",
        icon_position="right",
        shortcut="Right",
        width="stretch",
    )


def render_builder(model, lang: str) -> None:
    """The deck builder: order, hide, remove and add slides, edit the slide on screen, own text slides."""
    comp: Composition = st.session_state[STATE]
    with st.expander(t("compose_title", lang), icon=":material/view_carousel:"):
        st.caption(t("compose_help", lang))
        _outline(model, lang)
        _edit_current(model, comp, lang)
        _add_slides(model, comp, lang)
        st.button(
            t("compose_reset", lang),
            key="dia_herstel",
            on_click=_change,
            args=(lambda c: Composition(),),
            icon=":material/restart_alt:",
        )


def _outline(model, lang: str) -> None:
    """One row per slide: its place and title, and buttons to move, hide or remove it.

    Each button's label names its slide by number ("Dia 3 omhoog") and its tooltip by title, so a
    screen reader going from button to button hears which slide a button moves, not six times "Omhoog".
    """
    last_visible = model.count <= 1
    with st.container(key="dia_lijst"):
        for i, row in enumerate(model.outline):
            name, up, down, hide, remove = st.columns([5, 1.6, 1.6, 1.7, 1.9], vertical_alignment="center")
            marks = [t("compose_hidden_mark", lang)] if row.hidden else []
            marks += [t("compose_current_mark", lang)] if row.current else []
            suffix = f" *({', '.join(marks)})*" if marks else ""
            # An escaped dot keeps the number as text (Markdown would start a new list on every row).
            name.markdown(f"{i + 1}\\. {plain_text.markdown(row.title)}{suffix}")
            show_or_hide = "compose_show" if row.hidden else "compose_hide"
            buttons = (
                (up, "compose_up", "dia_op", lambda c, i=i: c.move(i, -1), i == 0),
                (down, "compose_down", "dia_neer", lambda c, i=i: c.move(i, 1), i == len(model.outline) - 1),
                (
                    hide,
                    show_or_hide,
                    "dia_verberg",
                    lambda c, i=i, h=not row.hidden: c.set_hidden(i, h),
                    last_visible and not row.hidden,
                ),
                (
                    remove,
                    "compose_remove",
                    "dia_weg",
                    lambda c, i=i: c.remove(i),
                    last_visible and not row.hidden,
                ),
            )
            for column, label_key, key, change, disabled in buttons:
                column.button(
                    t(label_key, lang, n=i + 1),
                    key=f"{key}_{i}",
                    help=t(f"{label_key}_help", lang, n=i + 1, titel=plain_text.markdown(row.title)),
                    on_click=_change,
                    args=(change,),
                    disabled=disabled,
                    width="stretch",
                )


def _edit_current(model, comp: Composition, lang: str) -> None:
    index = model.current_entry
    spec = comp.entries[index].spec
    tag = f"{st.session_state.get(REVISION, 0)}_{index}"
    st.markdown(f"**{plain_text.markdown(t('compose_edit_current', lang, titel=model.slide.title))}**")
    fields = [("title", "dia_titel", t("compose_own_title", lang), spec.title, MAX_TITLE)]
    if spec.kind == TEXT_KIND:
        fields.append(("text", "dia_tekst", t("compose_text_body", lang), spec.text, MAX_BODY))
    fields.append(("notes", "dia_notities", t("compose_notes", lang), spec.notes, MAX_NOTES))
    for field, prefix, label, value, limit in fields:
        key = f"{prefix}_{tag}"
        widget = st.text_input if field == "title" else st.text_area
        widget(
            label,
            value=value,
            key=key,
            max_chars=limit,
            on_change=lambda f=field, k=key: _change(
                lambda c: c.edit(index, **{f: st.session_state[k]}), restructure=False
            ),
        )


def _add_slides(model, comp: Composition, lang: str) -> None:
    full = len(comp.entries) >= MAX_SLIDES
    if model.addable and not full:
        kinds = dict(model.addable)
        choice, add = st.columns([4, 1], vertical_alignment="bottom")
        choice.selectbox(t("compose_add_kind", lang), list(kinds), format_func=kinds.get, key="dia_soort")
        add.button(
            t("compose_add_button", lang),
            key="dia_toevoegen",
            on_click=lambda: _change(lambda c: c.add(st.session_state["dia_soort"])),
            width="stretch",
        )
    if full or comp.text_slides() >= MAX_TEXT_SLIDES:
        st.caption(t("compose_limit", lang, n=MAX_SLIDES, m=MAX_TEXT_SLIDES))
        return
    with st.form("dia_nieuwe_tekst", clear_on_submit=True):
        st.markdown(f"**{t('compose_new_text', lang)}**")
        st.text_input(t("compose_text_title", lang), key="dia_nieuw_titel", max_chars=MAX_TITLE)
        st.text_area(t("compose_text_body", lang), key="dia_nieuw_tekst", max_chars=MAX_BODY)
        st.form_submit_button(
            t("compose_text_add", lang), on_click=_add_text, args=(model.current_entry, model.number, lang)
        )


def _add_text(after: int, number: int, lang: str) -> None:
    """Add the form's text slide after the slide on screen and show it."""
    state = st.session_state
    title = state.get("dia_nieuw_titel", "")
    if not title.strip():
        state[ERROR] = t("compose_text_needs_title", lang)
        return
    _change(lambda c: c.add_text(title, state.get("dia_nieuw_tekst", ""), after=after))
    if ERROR not in state:
        state["dia"] = number + 1


def selection_tools(sel, lang: str) -> None:
    """Change municipality and period without the sidebar (hidden while presenting)."""
    from vsdash.ui import cached, frame

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


def take_away(model, sel, comp: Composition, lang: str) -> None:
    """The council summary and the downloads, all made from the composed deck on screen."""
    from vsdash.ui import cached

    with st.expander(t("present_summary", lang), icon=":material/description:"):
        for paragraph in model.summary:
            st.write(plain_text.markdown(paragraph))  # plain-text paragraphs naming campaigns
    stem = model.file_stem
    with st.expander(t("present_downloads", lang), icon=":material/download:"):
        for kind, label, mime in (
            (
                "pptx",
                "present_download_pptx",
                "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            ),
            ("pdf", "present_download_pdf", "application/pdf"),
        ):
            st.download_button(
                t(label, lang),
                data=lambda kind=kind: cached.presentation_file(sel, comp, kind),  # made only when clicked
                file_name=f"{stem}.{kind}",
                mime=mime,
                key=f"dia_{kind}",
                on_click="ignore",
            )
        for suffix, mime, label, text in (
            ("md", "text/markdown", "present_download_summary", model.summary_markdown),
            ("txt", "text/plain", "present_download_summary_txt", model.summary_text),
        ):
            st.download_button(
                t(label, lang),
                data=text,
                file_name=f"{stem}-{t('file_summary', lang)}.{suffix}",
                mime=mime,
                key=f"dia_summary_{suffix}",
                on_click="ignore",
            )
        council_letter_button(model.deck, stem, lang)
