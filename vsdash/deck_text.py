"""What the slides say in words: shared by the Presenteren page, the PPTX and the PDF.

The writers (``deck_pptx``, ``deck_pdf``) and the page draw the same sentences from one ``Deck``:
the key figures with their notes, the effect card, the campaign bands in words, the map legend,
the peer comparison and the lessons as lines, plus what only files need: the alternative text of
every chart and picture and the speaker notes of every slide. Texts typed by the officer
(``SlideSpec``) stay plain text. No streamlit here.
"""

from __future__ import annotations

import pandas as pd

from vsdash.i18n import fmt_date, fmt_number, fmt_percent, t
from vsdash.indicators import indicator
from vsdash.presentation import SLIDE_KINDS, Deck, SlideSpec

# Slides that show the selection's figures: their notes carry the deck's caveats.
DATA_KINDS = ("kerncijfers", "trend", "effect", "kaart", "activiteiten", "vergelijking")


def check_kinds(deck: Deck) -> None:
    """Raise ``ValueError`` (Dutch) when a slide of the composition is of no known kind."""
    unknown = [spec.kind for spec in deck.slides if spec.kind not in SLIDE_KINDS]
    if unknown:
        raise ValueError(f"Onbekende soort dia {unknown[0]!r}; toegestaan: {', '.join(SLIDE_KINDS)}.")


def slide_title(deck: Deck, spec: SlideSpec) -> str:
    """The title a slide shows: the officer's own title, or the default title of its kind."""
    return spec.title.strip() or deck.slide_title(spec.kind)


def key_figure_items(deck: Deck) -> list[tuple[str, str, str]]:
    """The key figures as (label, value, note) for a slide, with the units of the catalogue."""
    lang, key = deck.lang, deck.key
    figures = key.figures
    notes = figures.notes(lang)
    change_note = (
        t("present_previous", lang, n=key.previous, periode=notes["previous_period"])
        if figures.change is not None
        else notes["change"]
    )
    # The catalogue's short labels (its names where it has none), as Overzicht's tiles show them.
    label = {ind: indicator(ind).short_name(lang) for ind in KEY_FIGURE_IDS}
    return [
        (
            label["reports"],
            key.reports,
            # The weeks or months counted, where they are not the slide's period: 53 reports for
            # "10 March - 2 April" were counted over March and April, as the page and letter say.
            " ".join(
                part
                for part in (
                    notes["counted"],
                    t(
                        "population_note",
                        lang,
                        inwoners=fmt_number(key.inhabitants, lang),
                        jaar=key.population_year,
                    ),
                )
                if part
            ),
        ),
        (label["rate_per_10k_per_year"], key.per_10k, notes["rate"]),
        (
            label["reporting_ratio"],
            figures.labels(lang)["reporting_ratio"],
            _ratio_note(figures, lang),
        ),
        (label["change"], key.change, change_note if key.has_channel else ""),
        (label["campaigns"], fmt_number(key.campaigns, lang), ""),
        (label["activities"], fmt_number(key.activities, lang), ""),
    ]


# The catalogue entries of the key-figures slide, in the order of ``key_figure_items``.
KEY_FIGURE_IDS = ("reports", "rate_per_10k_per_year", "reporting_ratio", "change", "campaigns", "activities")


def _ratio_note(figures, lang: str) -> str:
    """The willingness to report's unit, interval and survey round, or that there is no survey figure.

    Every part is the publication layer's (``KeyFigures.labels``): nothing is computed here.
    """
    found = figures.survey
    if found is None:
        return t("deck_no_survey", lang)
    labels = figures.labels(lang)
    years = "–".join(str(y) for y in sorted({found.years[0], found.years[-1]}))
    coverage = (
        t("deck_survey_coverage", lang, n=len(found.codes), totaal=found.scope)
        if len(found.codes) < found.scope
        else ""
    )
    if found.ratio is None:
        return t(
            "deck_ratio_survey_only", lang, aandeel=labels["survey_prevalence"], jaren=years, dekking=coverage
        )
    return t(
        "deck_ratio_note",
        lang,
        interval=labels["ratio_interval"],
        aandeel=labels["survey_prevalence"],
        jaren=years,
        dekking=coverage,
    )


def effect_lines(deck: Deck) -> list[str]:
    """The effect card in words: campaign, dates, the sentence, the numbers and the caveat."""
    lang, card = deck.lang, deck.effect
    if card is None:
        return [deck.effect_reason]
    sentence = card.sentence
    if card.end < deck.start:
        # The latest campaign with an estimate may lie before the deck's period, whose other
        # slides say "0 campagnes in de periode": say so, or it reads as this period's campaign.
        # In the same line: the slide shows the first two lines and keeps the rest for the notes.
        sentence += " " + t("present_effect_before_period", lang, van=fmt_date(deck.start, lang))
    lines = [
        f"{card.naam} · {card.gemeente_naam} · {fmt_date(card.start, lang)} – {fmt_date(card.end, lang)}",
        sentence,
    ]
    if not card.hidden:
        est = card.estimate
        lines.append(effect_numbers(deck))
        lines += [d.render(lang) for d in est.diagnostics]
    lines.append(t("caveat_willingness", lang))
    return lines


def effect_numbers(deck: Deck) -> str:
    """Expected, its 95% interval, received and the difference, in one sentence."""
    lang, card = deck.lang, deck.effect
    est = card.estimate
    return t(
        "present_effect_numbers",
        lang,
        verwacht=fmt_number(est.expected, lang),
        laag=fmt_number(est.expected_low, lang),
        hoog=fmt_number(est.expected_high, lang),
        gemeld=card.observed_label,
        pct=fmt_percent(est.relative_change, lang, sign=True),
    )


def trend_note(deck: Deck) -> str:
    """Campaigns shaded on the trend, in words (a native chart cannot shade periods)."""
    lang = deck.lang
    if deck.bands.empty:
        return t("present_no_bands", lang)
    names = "; ".join(
        f"{c.naam} ({fmt_date(pd.Timestamp(c.start).date(), lang)} – {fmt_date(pd.Timestamp(c.eind).date(), lang)})"
        for c in deck.bands.itertuples()
    )
    return t("present_bands", lang, campagnes=names)


def map_lines(deck: Deck) -> list[str]:
    """The map slide's legend in words: risk areas with their report counts (privacy-applied)."""
    lang = deck.lang
    # Perturbed hexagons are never hidden (ADR 0006): name the grey hatching only when it is drawn.
    hidden = not deck.hexes.empty and bool(deck.hexes["n"].isna().any())
    lines = [t("present_map_note" if hidden else "present_map_note_perturbed", lang, k=deck.k)]
    areas = deck.risk_areas.sort_values("n", ascending=False, na_position="last")
    for area in areas.head(8).itertuples():
        lines.append(f"{area.naam}: {area.label}")
    if len(areas) > 8:
        lines.append(t("present_more_areas", lang, n=len(areas) - 8))
    if areas.empty:
        lines.append(t("present_no_areas", lang))
    return lines


def previous_on_trend_axis(deck: Deck) -> pd.Series:
    """Last year's counts on this year's periods (NaN where there is none).

    Last year's weeks start on other weekdays once shifted a year, so each is matched to the
    nearest period of this year's axis (within half a period) rather than by exact date.
    """
    axis = pd.DataFrame({"periode": pd.to_datetime(deck.trend["periode"])})
    if deck.previous.empty or axis.empty:
        return pd.Series([float("nan")] * len(axis), dtype="float64")
    before = deck.previous[["periode", "n"]].copy()
    before["periode"] = pd.to_datetime(before["periode"])
    half = pd.Timedelta(days=15 if deck.grain == "month" else 3)
    matched = pd.merge_asof(
        axis.sort_values("periode"),
        before.sort_values("periode"),
        on="periode",
        direction="nearest",
        tolerance=half,
    )
    return matched.set_index(axis.sort_values("periode").index).reindex(axis.index)["n"].astype("float64")


def peer_lines(deck: Deck) -> list[str]:
    """The comparison in words: each row's rate with its 95% interval, or why it is missing."""
    lang = deck.lang
    lines = []
    for row in deck.peers.itertuples():
        name = row.naam + (f" ({t('peers_selection', lang)})" if row.is_selection else "")
        if pd.notna(row.rate) and pd.notna(row.low) and pd.notna(row.high):
            lines.append(
                t(
                    "deck_peers_line",
                    lang,
                    naam=name,
                    waarde=row.label,
                    laag=fmt_number(row.low, lang, 1),
                    hoog=fmt_number(row.high, lang, 1),
                )
            )
        else:
            lines.append(f"{name}: {row.label}")
    return lines


def lesson_lines(deck: Deck) -> list[tuple[str, str]]:
    """The lessons register as (heading, body): activity, municipality and year, then outcome and lessons."""
    lang = deck.lang
    found = []
    for row in deck.lessons_register.itertuples():
        where = ", ".join(str(v) for v in (row.gemeente_naam, row.jaar) if pd.notna(v) and str(v))
        heading = f"{row.titel} ({where})" if where else str(row.titel)
        parts = []
        if pd.notna(row.lessen) and str(row.lessen).strip():
            parts.append(str(row.lessen).strip())
        if pd.notna(row.uitkomst) and str(row.uitkomst).strip():
            parts.append(t("lessons_outcome", lang, uitkomst=str(row.uitkomst).strip()))
        found.append((heading, " ".join(parts)))
    return found


def empty_reason(deck: Deck, kind: str) -> str:
    """Why a slide has nothing to show, or "" when it has data."""
    lang = deck.lang
    if kind == "trend" and not deck.key.has_channel:
        return t("no_channel", lang, naam=deck.label)  # a line of zeros would read as "no harassment"
    if kind == "trend" and deck.trend.empty:
        return t("no_reports_period", lang)
    if kind == "vergelijking" and deck.peers.empty:
        return t("present_no_peers", lang, naam=deck.label)
    if kind == "lessen" and deck.lessons_register.empty:
        return t("present_no_lessons", lang)
    if kind == "activiteiten" and (deck.activities.empty or deck.activities["n"].sum() == 0):
        return t("present_no_activities", lang)
    return ""


# --- alternative texts ----------------------------------------------------------------------


def trend_alt(deck: Deck) -> str:
    """What the trend chart shows, for a reader who cannot see it."""
    lang = deck.lang
    axis = t(f"reports_{deck.grain}_axis", lang)
    parts = [t("deck_alt_trend", lang, as_=axis, selectie=deck.label, periode=deck.period_text)]
    visible = deck.trend.dropna(subset=["n"])
    if not visible.empty:
        peak = visible.loc[visible["n"].idxmax()]
        parts.append(
            t("deck_alt_trend_peak", lang, n=peak["label"], wanneer=_period_name(peak["periode"], deck))
        )
    if previous_on_trend_axis(deck).notna().any():
        parts.append(t("deck_alt_trend_previous", lang))
    parts.append(trend_note(deck))
    return " ".join(parts)


def effect_alt(deck: Deck) -> str:
    """What the effect chart shows: the two bars and the interval."""
    return f"{t('deck_alt_effect', deck.lang, campagne=deck.effect.naam)} {effect_numbers(deck)}"


def activities_alt(deck: Deck) -> str:
    """What the activities chart shows: every category with its count."""
    items = ", ".join(f"{r.categorie_label} {r.label}" for r in deck.activities.itertuples())
    return t("deck_alt_activities", deck.lang, selectie=deck.label, items=items)


def map_alt(deck: Deck) -> str:
    """What the map shows: the density layer and the named risk areas with their counts."""
    return f"{t('deck_alt_map', deck.lang, selectie=deck.label)} {' '.join(map_lines(deck))}"


def peers_alt(deck: Deck) -> str:
    """What the comparison chart shows: every row's rate with its interval."""
    return f"{t('deck_alt_peers', deck.lang)} {'; '.join(peer_lines(deck))}."


def _period_name(stamp, deck: Deck) -> str:
    day = pd.Timestamp(stamp).date()
    if deck.grain == "month":
        return fmt_date(day, deck.lang).split(" ", 1)[1]  # "maart 2024"
    return t("week_of", deck.lang, datum=fmt_date(day, deck.lang))


# --- speaker notes --------------------------------------------------------------------------


def key_sentence(deck: Deck, spec: SlideSpec) -> str:
    """The one sentence a presenter should say on this slide."""
    lang, kind = deck.lang, spec.kind
    reason = empty_reason(deck, kind)
    if reason:
        return reason
    if kind == "kerncijfers":
        if not deck.key.has_channel:
            return t("no_channel", lang, naam=deck.label)
        return t(
            "notes_key_figures",
            lang,
            selectie=deck.label,
            periode=deck.period_text,
            n=deck.key.reports,
            rate=deck.key.per_10k,
            change=deck.key.change,
        )
    if kind == "trend":
        return trend_alt(deck)
    if kind == "effect":
        return deck.effect.sentence if deck.effect is not None else deck.effect_reason
    if kind == "kaart":
        areas = deck.risk_areas.dropna(subset=["n"])
        areas = areas[areas["n"] > 0]
        if areas.empty:
            return t("present_no_areas", lang)
        top = areas.loc[areas["n"].idxmax()]
        return t("learned_top_area", lang, naam=top["naam"], n=top["label"])
    if kind == "activiteiten":
        top = deck.activities.loc[deck.activities["n"].idxmax()]
        return t(
            "learned_activities",
            lang,
            n=fmt_number(deck.activities["n"].sum(), lang),
            categorie=top["categorie_label"].lower(),
            m=top["label"],
        )
    if kind == "geleerd":
        return deck.learned[0] if deck.learned else ""
    if kind == "vergelijking":
        return peers_alt(deck)
    if kind == "lessen":
        return t("notes_lessons", lang, n=len(deck.lessons_register))
    return ""  # an own text slide says what the officer wrote


def slide_notes(deck: Deck, spec: SlideSpec) -> str:
    """Speaker notes: the key sentence, the caveats for slides with figures, the officer's own notes."""
    lang = deck.lang
    blocks = []
    sentence = key_sentence(deck, spec)
    if sentence:
        blocks.append(sentence)
    if spec.kind == "kerncijfers":
        # The survey round and what the willingness to report means, or why there is none.
        surveyed = deck.key.figures.survey_notes(lang)
        blocks.append(" ".join(text for text in (surveyed["survey"], surveyed["ratio"]) if text))
    if spec.kind in DATA_KINDS and deck.caveats:
        blocks.append("\n".join([t("notes_caveats", lang)] + [f"• {c}" for c in deck.caveats]))
    if spec.notes.strip():
        blocks.append(f"{t('notes_own', lang)}\n{spec.notes.strip()}")
    return "\n\n".join(blocks)
