"""The presentation deck: what the officer shows at a networking day, as data.

One function, :func:`build_deck`, reads the store's aggregates for one selection (a municipality,
a programme or everything, and a period) and returns a :class:`Deck`: the numbers of every slide
after privacy, the chart data, the map picture and the "what we learned" bullet points. The
Presenteren page, the PPTX and PDF exports, the council summary and the ``report`` command all
draw the same deck, so a slide says the same thing wherever it is shown. No streamlit here.

Slides, in order (``SLIDES``): key figures, trend with campaign bands, effect card of the most
recent campaign with an estimate, map of risk areas and report density, activities by category,
what we learned.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

import pandas as pd

from vsdash import campaign_effects, metrics, privacy, publication, schema
from vsdash.effect_estimator import COVID_PERIOD, EffectEstimate, describe_effect
from vsdash.i18n import fmt_date, fmt_number, fmt_percent, t
from vsdash.store import ReportFilter, Store

SLIDES = ("kerncijfers", "trend", "effect", "kaart", "activiteiten", "geleerd")
# Every kind of slide an officer can put in a composition: the six above (the default deck), a
# comparison with peer municipalities, an own text slide and the lessons from the knowledge register.
SLIDE_KINDS = SLIDES + ("vergelijking", "tekst", "lessen")
MAP_H3_RESOLUTION = 8
# A change smaller than this (either way) is read as "about the same" in "what we learned".
STABLE_CHANGE = 0.10


@dataclass
class KeyFigures:
    """The numbers of the first slide, as display labels, taken from ``vsdash.publication``."""

    reports: str  # published count, "<5" or "geen meldpunt"
    per_10k: str  # reports per 10,000 inhabitants per year, or "–"
    change: str  # "+12%" against the preceding period of the same length, or "–"
    previous: str  # the preceding period's count label
    campaigns: int
    activities: int
    has_channel: bool
    inhabitants: int
    population_year: int
    total_visible: bool  # both counts are published
    figures: publication.KeyFigures  # the source: every value and why one is missing

    @property
    def change_value(self) -> float:
        """The change as a fraction (NaN when not published)."""
        return float("nan") if self.figures.change is None else self.figures.change

    @property
    def previous_total(self) -> int:
        """The preceding period's published count (0 when not published)."""
        return self.figures.previous_reports or 0


def file_stem(
    start: dt.date,
    end: dt.date,
    lang: str = "nl",
    *,
    gemeente: str | None = None,
    programma: str | None = None,
) -> str:
    """The name the deck's files share (without extension), in ``lang``: what, for whom, when.

    ``veilige-steden-GM0344-20250101-20251231`` for a municipality, the programme's id for a
    programme, ``alle`` ("all" in English) for all municipalities; the Presenteren page and
    ``python -m vsdash report`` name their files alike.
    """
    where = gemeente or programma or t("file_all", lang)
    return f"{t('file_deck', lang)}-{where}-{start:%Y%m%d}-{end:%Y%m%d}"


@dataclass
class EffectCard:
    """The effect of one campaign in one municipality, or why there is none."""

    campagne_id: str
    naam: str
    gemeentecode: str
    gemeente_naam: str
    start: dt.date
    end: dt.date
    estimate: EffectEstimate | None
    observed_label: str
    hidden: bool  # the window's published count is below k (so 0): numbers are not shown
    sentence: str
    weekly: pd.DataFrame  # week, period, observed (NaN when hidden), label, expected, low, high


@dataclass(frozen=True)
class SlideSpec:
    """One slide in the officer's composition: its kind and the officer's own words.

    ``kind`` is one of ``SLIDE_KINDS``. ``title`` replaces the default title (required for a
    ``tekst`` slide), ``text`` is the body of a ``tekst`` slide (plain text, lines separated by
    newlines), ``notes`` are the officer's own speaker notes, added after the slide's key sentence
    and caveats. All three are plain text typed by a person: never rendered as Markdown or HTML.
    """

    kind: str
    title: str = ""
    text: str = ""
    notes: str = ""


DEFAULT_SLIDES = tuple(SlideSpec(kind) for kind in SLIDES)
# gemeentecode, display name, published rate and its 95% interval, its label ("<5", "–", "67,7"),
# and which row is the selection itself and which the programme as a whole.
PEER_COLUMNS = ("gemeentecode", "naam", "rate", "low", "high", "label", "is_selection", "is_programme")
# activity title, municipality, year, outcome and lessons learned (plain text from the register).
LESSON_COLUMNS = ("titel", "gemeente_naam", "jaar", "uitkomst", "lessen")


@dataclass
class Deck:
    """Everything the six slides show for one selection; counts are privacy-applied."""

    gemeente: str | None
    codes: tuple[str, ...] | None
    label: str
    start: dt.date
    end: dt.date
    lang: str
    is_demo: bool
    k: int
    key: KeyFigures
    grain: str
    trend: pd.DataFrame  # periode, n (float, NaN hidden), label
    previous: pd.DataFrame  # same, last year's period shifted onto this year's axis
    bands: pd.DataFrame  # campaigns shaded on the trend
    breaks: pd.DataFrame  # known breaks inside the period
    effect: EffectCard | None
    effect_reason: str  # why there is no effect card
    hexes: pd.DataFrame  # h3_cell (hex string), n (Int64, NA hidden), label, suppression
    risk_areas: pd.DataFrame  # risicogebied_id, naam, type, geometrie_wkt, n label
    activities: pd.DataFrame  # categorie, categorie_label, n, label
    learned: list[str]
    caveats: list[str]
    channel_launches: pd.DataFrame  # launches in the period or the comparison year
    map_png: bytes = field(default=b"", repr=False)
    # The slides in the order the officer chose (pages, PPTX and PDF all follow it).
    slides: tuple[SlideSpec, ...] = DEFAULT_SLIDES
    # The "vergelijking" slide: the selection, its peers and the programme, from
    # publication.member_figures (rate per 10,000 inhabitants per year, NaN where not published).
    peers: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=PEER_COLUMNS))
    # The "lessen" slide: outcomes and lessons from the knowledge register (issue 19).
    lessons_register: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=LESSON_COLUMNS))

    @property
    def period_text(self) -> str:
        """The period in words, e.g. "1 januari 2024 – 31 december 2024"."""
        return f"{fmt_date(self.start, self.lang)} – {fmt_date(self.end, self.lang)}"

    @property
    def subtitle(self) -> str:
        """Selection and period, as printed on every slide."""
        return f"{self.label} · {self.period_text}"

    def slide_title(self, slide: str) -> str:
        """The title of one slide (``slide`` from ``SLIDES``)."""
        return t(f"slide_{slide}", self.lang, selectie=self.label)


def build_deck(
    store: Store,
    *,
    gemeente: str | None,
    start: dt.date,
    end: dt.date,
    lang: str = "nl",
    codes: Sequence[str] | None = None,
    label: str | None = None,
    with_map: bool = True,
    programma: str | None = None,
) -> Deck:
    """Read the store's aggregates for a selection and build the deck.

    ``gemeente`` is one CBS code (the usual case for a presentation); without it ``codes`` (a
    programme's municipalities, or None for all) is the scope and the effect slide explains that
    an effect needs one municipality. ``label`` names the selection (default: the municipality's
    name, the programme's name or "Alle gemeenten"). ``with_map`` renders the map picture
    (matplotlib, about a second).
    Raises ``ValueError`` (Dutch) for an unknown municipality or an inverted period.
    """
    if start > end:
        raise ValueError(f"De periode begint ({start}) na het einde ({end}).")
    municipalities = store.municipalities()
    names = municipalities.set_index("gemeentecode")["weergavenaam"].to_dict()
    if gemeente is not None:
        if gemeente not in names:
            raise ValueError(f"Onbekende gemeentecode {gemeente!r}; gebruik een CBS-code zoals GM0344.")
        codes = (gemeente,)
    if programma is not None:
        codes = publication.selection_codes(store, None, programma, start, end)
    codes = tuple(codes) if codes is not None else None
    if not label and programma is not None:  # a programme's deck is named after the programme
        programmes = store.programmes().set_index("programma")["naam"]
        label = programmes.get(programma)
    label = label or (names[gemeente] if gemeente else t("all_municipalities", lang))
    k = privacy.resolve_k()

    flt = ReportFilter(codes, start, end)
    campaigns, channels = store.campaigns(), store.channels()
    activities, population = store.activities(), store.population()

    figures, published = publication.key_figures_and_trend(
        store, start=start, end=end, gemeente=gemeente, programma=programma, codes=codes, lang=lang
    )
    codes = figures.codes
    key = _key_figures(figures, lang)
    running = metrics.campaigns_in_period(campaigns, codes, start, end)

    grain, trend, prev = published.grain, published.cells, published.previous
    breaks = metrics.known_breaks(channels, codes, start, end, include_channels=bool(gemeente))
    # Over many municipalities a local campaign does not explain the total (as on Overzicht).
    bands = running if gemeente else running[running["schaal"] == "landelijk"]

    if gemeente:
        span = store.report_date_range()
        effect, reason = _effect_card(
            store, campaigns, channels, population, gemeente, names, end, span, lang
        )
    else:
        effect, reason = None, t("present_effect_one_municipality", lang)

    hexes = _hexes(store, flt, lang)
    areas = _risk_areas(store, flt, codes, lang)
    by_cat = metrics.activities_by_category(activities, codes, start, end, schema.ACTIVITY_CATEGORIES)
    by_cat["categorie_label"] = [t(f"cat_{c}", lang) for c in by_cat["categorie"]]
    by_cat["label"] = [fmt_number(n, lang) for n in by_cat["n"]]  # activities are not about people

    launches = _launches(channels, codes, figures.previous_start, end)
    deck = Deck(
        gemeente=gemeente,
        codes=codes,
        label=label,
        start=start,
        end=end,
        lang=lang,
        is_demo=store.is_demo(),
        k=k,
        key=key,
        grain=grain,
        trend=trend,
        previous=prev,
        bands=bands.reset_index(drop=True),
        breaks=breaks,
        effect=effect,
        effect_reason=reason,
        hexes=hexes,
        risk_areas=areas,
        activities=by_cat,
        learned=[],
        caveats=[],
        channel_launches=launches,
    )
    deck.caveats = caveats(deck)
    deck.learned = lessons(deck)
    deck.lessons_register = _knowledge().lessons_for(store, codes, start, end)
    if with_map:
        from vsdash.slide_figures import figure_png, risk_area_map

        deck.map_png = figure_png(risk_area_map(deck))
    return deck


def _knowledge():
    # vsdash.knowledge reads LESSON_COLUMNS from this module: imported when a deck is built.
    from vsdash import knowledge

    return knowledge


def _key_figures(figures: publication.KeyFigures, lang: str) -> KeyFigures:
    labels = figures.labels(lang)
    return KeyFigures(
        reports=labels["reports"],
        per_10k=labels["rate"],  # "–" when not published; the slide's note says why
        change=labels["change"],
        previous=labels["previous"],
        campaigns=figures.campaigns,
        activities=figures.activities,
        has_channel=figures.has_channel,
        inhabitants=figures.inhabitants,
        population_year=figures.population_year,
        total_visible=figures.reports is not None and figures.previous_reports is not None,
        figures=figures,
    )


def _effect_card(store, campaigns, channels, population, code, names, end, span, lang):
    """The most recent campaign of ``code`` (started by ``end``) whose effect can be estimated."""
    if span is None:
        return None, t("no_reports_period", lang)
    own = campaigns[
        (campaigns["gemeentecode"] == code) & (pd.to_datetime(campaigns["start"]) <= pd.Timestamp(end))
    ]
    if own.empty:
        return None, t("present_no_campaign", lang, naam=names.get(code, code))
    weekly_all = store.count_reports(ReportFilter(None, *span), "week", ("gemeentecode",))
    reason = ""
    for camp in own.sort_values("start", ascending=False).itertuples():
        try:
            est = campaign_effects.estimate_one(
                weekly_all, campaigns, channels, population, camp.campagne_id, code, span
            )
        except ValueError as exc:
            reason = reason or str(exc)
            continue
        shown = publication.published_effect(est, lang)
        hidden, weekly = shown.hidden, shown.weekly
        return (
            EffectCard(
                campagne_id=camp.campagne_id,
                naam=camp.naam,
                gemeentecode=code,
                gemeente_naam=names.get(code, code),
                start=pd.Timestamp(camp.start).date(),
                end=pd.Timestamp(camp.eind).date(),
                estimate=est,
                observed_label=shown.observed_label,
                hidden=hidden,
                sentence=t("effect_hidden_small", lang, k=privacy.resolve_k())
                if hidden
                else describe_effect(est, lang),
                weekly=weekly,
            ),
            "",
        )
    return None, t("present_no_estimate", lang, naam=names.get(code, code), reden=reason)


def _hexes(store: Store, flt: ReportFilter, lang: str) -> pd.DataFrame:
    privacy.public_h3_resolution(MAP_H3_RESOLUTION)
    # The Kaart's hexagons, published by the same function (perturbed, drawn only where large enough).
    shown = publication.published_hexagons(store, flt.gemeenten, flt.start, flt.end, lang=lang).cells
    shown = shown.rename(columns={"h3": "h3_cell", "count": "n"})
    return shown[["h3_cell", "n", "label", "suppression"]].reset_index(drop=True)


def _risk_areas(store: Store, flt: ReportFilter, codes, lang: str) -> pd.DataFrame:
    areas = store.risk_areas()
    if codes is not None:
        areas = areas[areas["gemeentecode"].isin(list(codes))]
    # The Kaart's risk-area counts: each the sum of its published blocks of weeks (ADR 0006).
    # (Summed without keys they fell back to suppression, which showed counts of 5 and more exactly.)
    from vsdash import maps

    counts = store.area_counts(flt, "risicogebied_id", "block")
    table = maps.risk_area_table(areas, store.risk_area_measures(), counts, lang=lang)
    shown = areas.merge(table[["risicogebied_id", "count", "label"]], on="risicogebied_id", how="left")
    shown = shown.rename(columns={"count": "n"})
    return shown[
        ["risicogebied_id", "gemeentecode", "naam", "type", "geometrie_wkt", "n", "label"]
    ].reset_index(drop=True)


def _launches(channels: pd.DataFrame, codes, start: dt.date, end: dt.date) -> pd.DataFrame:
    breaks = metrics.channel_breaks(channels, codes, start, end)
    return breaks[breaks["soort_breuk"] == "start"].reset_index(drop=True)


def _overlaps(start: dt.date, end: dt.date, lo: dt.date, hi: dt.date) -> bool:
    return start <= hi and end >= lo


def caveats(deck: Deck) -> list[str]:
    """The caveats that apply to this selection and period, as plain sentences.

    Willingness to report and small numbers always apply; Covid-19, channel launches and the
    1 July 2024 criminalisation when the period (or last year's period it is compared with)
    touches them.
    """
    lang = deck.lang
    compare_start = deck.key.figures.previous_start  # the preceding period the change compares with
    found = [t("caveat_willingness", lang), t("caveat_small_numbers", lang, k=deck.k)]
    if _overlaps(compare_start, deck.end, *COVID_PERIOD):
        found.append(t("caveat_covid", lang))
    if not deck.channel_launches.empty:
        launches = ", ".join(
            f"{row.naam} ({fmt_date(row.datum.date(), lang)})" for row in deck.channel_launches.itertuples()
        )
        found.append(t("caveat_channel", lang, kanalen=launches))
    law = metrics.NATIONAL_BREAKS["datum"].iloc[0].date()
    if compare_start <= law <= deck.end:
        found.append(t("caveat_law", lang, datum=fmt_date(law, lang)))
    return found


def lessons(deck: Deck) -> list[str]:
    """ "What we learned": what the deck's figures mean, each with its caveat, then the general caveats.

    Not a list of figures (the other slides show those) but what they say and do not say: a change
    in reports first of all reflects willingness to report, an effect estimate is read against its
    interval, the busiest risk area and the main kind of activity, or why nothing can be said.
    Lessons recorded by people (the knowledge register) have their own slide (``lessen``).
    """
    lang, key = deck.lang, deck.key
    points = []
    change = key.figures.change
    if not key.has_channel:
        points.append(t("meaning_no_channel", lang, naam=deck.label))
    elif not key.total_visible:
        points.append(t("meaning_too_few", lang, k=deck.k))
    elif change is not None:
        word = (
            "meaning_stable"
            if abs(change) < STABLE_CHANGE
            else "meaning_more"
            if change > 0
            else "meaning_less"
        )
        points.append(t(word, lang, pct=fmt_percent(change, lang, sign=True)))
    card = deck.effect
    if card is not None:
        est = card.estimate
        if card.hidden or est is None:
            points.append(t("meaning_effect_hidden", lang, naam=card.naam))
        elif est.relative_low is not None and est.relative_low > 0:
            points.append(t("meaning_effect_up", lang, naam=card.naam))
        elif est.relative_high is not None and est.relative_high < 0:
            points.append(t("meaning_effect_down", lang, naam=card.naam))
        else:
            points.append(t("meaning_effect_unclear", lang, naam=card.naam))
    areas = deck.risk_areas.dropna(subset=["n"])
    areas = areas[areas["n"] > 0]
    if key.has_channel and not areas.empty:
        points.append(t("meaning_top_area", lang, naam=areas.loc[areas["n"].idxmax(), "naam"]))
    if key.activities:
        top_cat = deck.activities.loc[deck.activities["n"].idxmax()]
        points.append(
            t(
                "meaning_activities",
                lang,
                n=fmt_number(key.activities, lang),
                categorie=top_cat["categorie_label"].lower(),
                m=top_cat["label"],
            )
        )
    else:
        points.append(t("meaning_no_activities", lang))
    return points + deck.caveats
