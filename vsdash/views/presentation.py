"""The Presenteren page as data: the officer's deck, the slide on screen and the builder's outline.

:func:`compose_deck` puts the officer's composition (``vsdash.composition``) and the peer
comparison on a ``presentation.Deck``; the page, the PPTX and the PDF all draw that one deck.
:func:`build_presentation` turns the deck and a slide number into a :class:`PresentationModel`:
the slide's title, its figures, chart or picture, and its sentences, ready to render. No
streamlit here; every text from a file or typed by a person is plain text (the page escapes it).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from vsdash import charts, charts_compare, summary
from vsdash.charts import ChartSpec
from vsdash.composition import TEXT_KIND, Composition
from vsdash.deck_text import effect_lines, key_figure_items, map_lines, trend_note
from vsdash.i18n import fmt_number, t
from vsdash.peers import PeerComparison
from vsdash.presentation import Deck, SlideSpec


@dataclass(frozen=True)
class Figure:
    """One key figure on a slide: label, value and the sentence under it."""

    label: str
    value: str
    note: str = ""


@dataclass(frozen=True)
class SlideView:
    """One slide as shown: a visual (chart or picture) and sentences, in a fixed layout.

    With ``beside`` the visual takes the left and the sentences the right; otherwise the
    sentences follow the visual. ``lead`` is bold, ``paragraphs`` large, ``bullets`` a list,
    ``notes`` small print; ``message`` is an information box (e.g. "no reporting point").
    """

    kind: str
    title: str
    own_title: bool = False  # typed by the officer: shown as plain text
    figures: tuple[Figure, ...] = ()
    message: str = ""
    chart: ChartSpec | None = None
    chart_key: str = ""
    picture: bytes = b""
    picture_alt: str = ""
    beside: bool = False
    lead: str = ""
    paragraphs: tuple[str, ...] = ()
    bullets: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    speaker_notes: str = ""


@dataclass(frozen=True)
class OutlineRow:
    """One entry of the builder's list: its title as shown and whether it is hidden or on screen."""

    title: str
    kind: str
    hidden: bool
    current: bool


@dataclass(frozen=True)
class PresentationModel:
    """Everything the Presenteren page shows for a selection, a composition and a slide number."""

    deck: Deck  # with the officer's slides and the peers: what the downloads are made of
    number: int  # 1-based, among the visible slides
    count: int
    meta: str  # "Utrecht · 1 januari 2025 – 31 december 2025 · Dia 2 van 7"
    counter: str
    slide: SlideView
    outline: tuple[OutlineRow, ...]
    current_entry: int  # index of the slide on screen in the composition's entries
    addable: tuple[tuple[str, str], ...]  # (kind, title) of slides that can be added
    summary: tuple[str, ...]  # the council summary, paragraph by paragraph
    summary_markdown: str
    summary_text: str  # the same summary for the .txt download, without Markdown escapes
    file_stem: str


def compose_deck(deck: Deck, composition: Composition, peers: PeerComparison | None = None) -> Deck:
    """The deck with the officer's visible slides in order and, when given, the peer comparison.

    The peers' sentence travels in ``deck.peers.attrs["note"]`` so every writer can print it.
    """
    table = deck.peers
    if peers is not None:
        table = peers.table.copy()
        table.attrs["note"] = peers.note
    return dataclasses.replace(deck, slides=composition.slides, peers=table)


def slide_title(deck: Deck, spec: SlideSpec) -> str:
    """The title of ``spec`` on ``deck``: the officer's own, else the default of its kind."""
    return spec.title or deck.slide_title(spec.kind)


def build_presentation(
    deck: Deck, composition: Composition, number: int, *, stem: str = "veilige-steden"
) -> PresentationModel:
    """The page model for slide ``number`` (1-based, clamped) of ``deck`` composed as ``composition``.

    ``deck`` should come from :func:`compose_deck` with the same composition.
    """
    lang = deck.lang
    visible = [i for i, entry in enumerate(composition.entries) if not entry.hidden]
    count = len(visible)
    number = min(max(int(number), 1), count)
    current = visible[number - 1]
    spec = composition.entries[current].spec
    counter = t("present_slide_of", lang, n=number, totaal=count)
    outline = tuple(
        OutlineRow(slide_title(deck, entry.spec), entry.spec.kind, entry.hidden, i == current)
        for i, entry in enumerate(composition.entries)
    )
    addable = tuple((kind, deck.slide_title(kind)) for kind in composition.missing_kinds())
    paragraphs = tuple(summary.council_summary(deck))
    return PresentationModel(
        deck=deck,
        number=number,
        count=count,
        meta=f"{deck.subtitle} · {counter}",
        counter=f"{counter} · {t('present_keys_help', lang)}",
        slide=build_slide(deck, spec),
        outline=outline,
        current_entry=current,
        addable=addable,
        summary=paragraphs,
        summary_markdown=summary.summary_markdown(deck),
        summary_text=summary.summary_text(deck),
        file_stem=stem,
    )


def build_slide(deck: Deck, spec: SlideSpec) -> SlideView:
    """One slide of ``deck`` as shown on screen."""
    builder = _BUILDERS.get(spec.kind)
    if builder is None:
        raise ValueError(f"unknown slide kind {spec.kind!r}")
    view = builder(deck, spec)
    return dataclasses.replace(
        view, title=slide_title(deck, spec), own_title=bool(spec.title), speaker_notes=spec.notes
    )


def _key_figures(deck: Deck, spec: SlideSpec) -> SlideView:
    lang, key = deck.lang, deck.key
    items = [Figure(*item) for item in key_figure_items(deck)]
    if not key.has_channel:
        # Without a reporting point there is no count, rate or change to show: a sentence says
        # why, and only what does exist (campaigns, activities, inhabitants) stays a figure.
        return SlideView(
            spec.kind,
            "",
            figures=(
                Figure(
                    t("present_inhabitants", lang),
                    fmt_number(key.inhabitants, lang),
                    t("present_population_year", lang, jaar=key.population_year),
                ),
                *items[-2:],  # campaigns and activities
            ),
            message=t("no_channel", lang, naam=deck.label),
        )
    return SlideView(spec.kind, "", figures=tuple(items), notes=(deck.caveats[0],))


def _trend(deck: Deck, spec: SlideSpec) -> SlideView:
    lang = deck.lang
    if not deck.key.has_channel:
        return SlideView(spec.kind, "", message=t("no_channel", lang, naam=deck.label))
    if deck.trend.empty or not deck.key.figures.reports:
        return SlideView(spec.kind, "", message=t("no_reports_period", lang))
    chart = charts.report_trend_chart(
        deck.trend, deck.bands, deck.breaks, grain=deck.grain, lang=lang, previous=deck.previous
    )
    chart.figure.update_layout(height=460, font=dict(size=18), legend=dict(font=dict(size=16)))
    return SlideView(spec.kind, "", chart=chart, chart_key="present_trend", notes=(trend_note(deck),))


def _effect(deck: Deck, spec: SlideSpec) -> SlideView:
    card, lines = deck.effect, effect_lines(deck)
    if card is None or card.hidden:
        return SlideView(spec.kind, "", paragraphs=tuple(lines))
    chart = charts.counterfactual_chart(card.weekly, lang=deck.lang, observed_label=card.observed_label)
    chart.figure.update_layout(height=420, font=dict(size=16))
    return SlideView(
        spec.kind,
        "",
        chart=chart,
        chart_key="present_effect",
        beside=True,
        lead=lines[0],
        paragraphs=(lines[1],),
        notes=tuple(lines[2:]),
    )


def _map(deck: Deck, spec: SlideSpec) -> SlideView:
    lines = map_lines(deck)
    message = "" if deck.key.has_channel else t("no_channel", deck.lang, naam=deck.label)
    return SlideView(
        spec.kind,
        "",
        message=message,
        picture=deck.map_png,
        picture_alt=" ".join(lines),
        beside=True,
        notes=tuple(lines),
    )


def _activities(deck: Deck, spec: SlideSpec) -> SlideView:
    lang = deck.lang
    if not deck.key.activities:
        return SlideView(spec.kind, "", message=t("meaning_no_activities", lang))
    chart = charts.category_bar_chart(
        deck.activities, "categorie_label", lang=lang, title=t("activities_by_category", lang)
    )
    chart.figure.update_layout(height=420, font=dict(size=20))
    return SlideView(spec.kind, "", chart=chart, chart_key="present_activities")


def _learned(deck: Deck, spec: SlideSpec) -> SlideView:
    return SlideView(spec.kind, "", bullets=tuple(deck.learned))


def _comparison(deck: Deck, spec: SlideSpec) -> SlideView:
    lang, table = deck.lang, deck.peers
    note = table.attrs.get("note", "")
    if not (~table["is_programme"].astype(bool)).any():
        return SlideView(spec.kind, "", message=note or t("peers_one_municipality", lang))
    chart = None
    if table["rate"].notna().any():
        chart = charts_compare.peer_rate_chart(table, lang=lang)
        chart.figure.update_layout(font=dict(size=16))
    return SlideView(
        spec.kind,
        "",
        chart=chart,
        chart_key="present_peers",
        beside=True,
        paragraphs=(*_own_row_missing(deck), note),
        notes=(t("peers_caveat", lang),),  # the rates themselves are in the chart's caption
    )


def _own_row_missing(deck: Deck) -> tuple[str, ...]:
    """Why the selection itself has no bar: no reporting point (a hidden count is in the caption)."""
    if deck.key.has_channel:
        return ()
    return (t("no_channel", deck.lang, naam=deck.label),)


def _text(deck: Deck, spec: SlideSpec) -> SlideView:
    lines = [line.strip() for line in spec.text.splitlines() if line.strip()]
    if len(lines) > 1:
        return SlideView(spec.kind, "", bullets=tuple(lines))
    return SlideView(spec.kind, "", paragraphs=tuple(lines))


def _lessons(deck: Deck, spec: SlideSpec) -> SlideView:
    lang, register = deck.lang, deck.lessons_register
    if register.empty:
        return SlideView(spec.kind, "", message=t("lessons_register_empty", lang, selectie=deck.label))
    items = tuple(
        t(
            "lessons_register_item",
            lang,
            titel=row.titel,
            gemeente=row.gemeente_naam,
            jaar=row.jaar,
            lessen=row.lessen or row.uitkomst,
        )
        for row in register.itertuples()
    )
    return SlideView(spec.kind, "", bullets=items)


_BUILDERS = {
    "kerncijfers": _key_figures,
    "trend": _trend,
    "effect": _effect,
    "kaart": _map,
    "activiteiten": _activities,
    "geleerd": _learned,
    "vergelijking": _comparison,
    TEXT_KIND: _text,
    "lessen": _lessons,
}
