"""The Campagnes page as data: the campaign timeline, the effect card, the forest plot.

Every count the page shows of a campaign's window comes from the publication layer
(``publication.published_effect`` and ``published_effects``), the same functions the deck's
effect slide uses, so a campaign has one published window count on the page, the slides and the
PPTX. The estimator (``vsdash.effect_estimator``) is run through ``vsdash.campaign_effects``, which builds
its weekly series from the store's tables.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from vsdash import campaign_effects, charts, metrics, plain_text, publication
from vsdash.charts import ChartSpec
from vsdash.effect_estimator import EffectEstimate, effect_card_text
from vsdash.i18n import fmt_date, fmt_number, fmt_percent, t
from vsdash.publication import PublishedEffect
from vsdash.store import ReportFilter, Store


@dataclass(frozen=True)
class CampaignChoice:
    """One campaign the page offers: its id, how the selector shows it, who took part."""

    campagne_id: str
    label: str  # "name (start date)"
    name: str  # plain text from the register
    start: dt.date
    end: dt.date
    municipalities: tuple[str, ...]  # CBS codes in scope that took part, sorted by name


@dataclass(frozen=True)
class CampaignsModel:
    """The parts of Campagnes that depend on the selection only (not on the chosen card)."""

    title: str
    intro: str
    timeline_title: str
    effect_title: str
    choices: tuple[CampaignChoice, ...]  # newest first
    no_campaigns: str  # shown instead of the card when there is nothing to choose
    forest_title: str
    forest_intro: str

    def choice(self, campagne_id: str) -> CampaignChoice:
        """The campaign with id ``campagne_id`` (``KeyError`` when it is not offered)."""
        for found in self.choices:
            if found.campagne_id == campagne_id:
                return found
        raise KeyError(f"campaign {campagne_id!r} is not in the selection")

    def default_municipality(self, campagne_id: str, gemeente: str | None) -> str:
        """The municipality the card opens on: the selected one when it took part, else the first."""
        taking_part = self.choice(campagne_id).municipalities
        return gemeente if gemeente in taking_part else taking_part[0]


@dataclass(frozen=True)
class TimelineModel:
    """The campaign timeline over the published report trend, or why there is none."""

    chart: ChartSpec | None
    message: str  # "no campaigns in the period", else ""


@dataclass(frozen=True)
class CardMetric:
    """One number on the effect card, with its help text and the interval under it."""

    label: str
    value: str
    help: str = ""
    caption: str = ""


@dataclass(frozen=True)
class EffectCardModel:
    """The effect card of one campaign in one municipality, everything already published.

    ``unavailable`` is the reason when there is no estimate, ``hidden_message`` when the window
    has too few reports to show numbers; otherwise the metrics, sentences and chart are filled.
    """

    heading: str  # Markdown, the campaign name escaped
    unavailable: str
    hidden_message: str
    metrics: tuple[CardMetric, ...]
    summary: str
    caveat: str
    placebos: tuple[str, ...]
    warnings: tuple[str, ...]
    alternative: str
    controls_note: str
    chart: ChartSpec | None
    method_title: str
    method_plain: str
    technical_title: str
    technical: str
    notes: tuple[str, ...]
    published: PublishedEffect | None  # the window count and weeks as published (shared with the deck)
    # When the chart's campaign weeks add up to another number than "Received": which to quote.
    weeks_note: str = ""


@dataclass(frozen=True)
class ForestModel:
    """The forest plot of every campaign's effect in the selection's municipalities."""

    chart: ChartSpec | None
    message: str  # when no campaign can be shown
    caveat: str
    left_out: str  # how many windows are too small to show, else ""


@dataclass(frozen=True)
class EffectInputs:
    """What every effect estimate reads from the store: weekly counts (with keys) and registers."""

    weekly_counts: pd.DataFrame  # periode, gemeentecode, n, ckey over the whole data range
    campaigns: pd.DataFrame
    channels: pd.DataFrame
    population: pd.DataFrame
    span: tuple[dt.date, dt.date] | None


def effect_inputs(store: Store) -> EffectInputs:
    """Read the estimator's inputs from the store once (the page caches them)."""
    span = store.report_date_range()
    weekly = (
        store.count_reports(ReportFilter(None, *span), "week", ("gemeentecode",))
        if span is not None
        else pd.DataFrame(columns=["periode", "gemeentecode", "n", "ckey"])
    )
    return EffectInputs(weekly, store.campaigns(), store.channels(), store.population(), span)


def estimate(
    inputs: EffectInputs, campagne_id: str, code: str, with_controls: bool, *, checks: bool = True
) -> tuple[EffectEstimate | None, str]:
    """The published effect estimate of one campaign in one municipality, or a Dutch reason why not."""
    if inputs.span is None:
        return None, t("no_reports_period")
    try:
        est = campaign_effects.estimate_one(
            inputs.weekly_counts,
            inputs.campaigns,
            inputs.channels,
            inputs.population,
            campagne_id,
            code,
            inputs.span,
            with_controls=with_controls,
            checks=checks,
        )
    except ValueError as exc:
        return None, str(exc)
    return est, ""


def build_campaigns(
    store: Store,
    *,
    codes: tuple[str, ...] | None,
    label: str,
    names: dict[str, str],
    lang: str,
) -> CampaignsModel:
    """Build the selection's part of Campagnes: titles and the campaigns that can be chosen."""
    campaigns = store.campaigns()
    in_scope = campaigns if codes is None else campaigns[campaigns["gemeentecode"].isin(codes)]
    ordered = in_scope.drop_duplicates("campagne_id").sort_values("start", ascending=False)
    choices = tuple(
        CampaignChoice(
            campagne_id=row.campagne_id,
            label=f"{row.naam} ({fmt_date(pd.Timestamp(row.start).date(), lang)})",
            name=str(row.naam),
            start=pd.Timestamp(row.start).date(),
            end=pd.Timestamp(row.eind).date(),
            municipalities=tuple(
                sorted(
                    set(in_scope.loc[in_scope["campagne_id"] == row.campagne_id, "gemeentecode"]),
                    key=lambda c: names.get(c, c),
                )
            ),
        )
        for row in ordered.itertuples()
    )
    return CampaignsModel(
        title=t("campaigns_title", lang, selectie=label),
        intro=t("campaigns_intro", lang),
        timeline_title=t("timeline_title", lang),
        effect_title=t("effect_title", lang),
        choices=choices,
        no_campaigns=t("no_campaigns", lang, naam=label),
        forest_title=t("forest_title", lang),
        forest_intro=t("forest_intro", lang),
    )


def build_timeline(
    store: Store,
    *,
    gemeente: str | None,
    codes: tuple[str, ...] | None,
    start: dt.date,
    end: dt.date,
    label: str,
    highlight: str | None,
    names: dict[str, str],
    lang: str,
) -> TimelineModel:
    """The campaigns running in the period above the published trend; ``highlight`` is outlined.

    For one municipality every campaign is shaded on the trend; for a group only the chosen one,
    since a group's campaigns would cover the whole axis.
    """
    campaigns = store.campaigns()
    in_scope = campaigns if codes is None else campaigns[campaigns["gemeentecode"].isin(codes)]
    shown = in_scope[
        (pd.to_datetime(in_scope["start"]) <= pd.Timestamp(end))
        & (pd.to_datetime(in_scope["eind"]) >= pd.Timestamp(start))
    ]
    if shown.empty:
        # The effect card below still offers every campaign of the selection, also earlier ones:
        # without a word the page would say "no campaigns" above a card about one.
        elsewhere = "no_campaigns_elsewhere" if not in_scope.empty else "no_campaigns"
        return TimelineModel(None, t(elsewhere, lang, naam=label))
    # The same published trend as Overzicht, drawn under the timeline.
    trend = publication.published_trend_of(store, codes, start, end, lang=lang)
    breaks = metrics.known_breaks(store.channels(), codes, start, end, include_channels=bool(gemeente))
    chart = charts.campaign_timeline_chart(
        shown,
        names,
        trend.cells,
        breaks,
        grain=trend.grain,
        lang=lang,
        highlight=highlight,
        bands=shown if gemeente else shown[shown["campagne_id"] == highlight],
    )
    return TimelineModel(chart.localise(lang), "")


def build_effect_card(
    inputs: EffectInputs,
    *,
    campagne_id: str,
    code: str,
    with_controls: bool,
    names: dict[str, str],
    lang: str,
) -> EffectCardModel:
    """Build the effect card of ``campagne_id`` in ``code`` (raises ``ValueError`` if it did not take part)."""
    rows = inputs.campaigns[
        (inputs.campaigns["campagne_id"] == campagne_id) & (inputs.campaigns["gemeentecode"] == code)
    ]
    if rows.empty:
        raise ValueError(f"Gemeente {code} deed niet mee aan campagne {campagne_id!r}.")
    camp = rows.iloc[0]
    heading = (
        f"**{plain_text.markdown(str(camp['naam']))}** · {plain_text.markdown(names.get(code, code))} · "
        f"{fmt_date(pd.Timestamp(camp['start']).date(), lang)} – {fmt_date(pd.Timestamp(camp['eind']).date(), lang)}"
    )
    est, reason = estimate(inputs, campagne_id, code, with_controls)
    empty = dict(
        heading=heading,
        unavailable="",
        hidden_message="",
        metrics=(),
        summary="",
        caveat="",
        placebos=(),
        warnings=(),
        alternative="",
        controls_note="",
        chart=None,
        method_title="",
        method_plain="",
        technical_title="",
        technical="",
        notes=(),
        published=None,
    )
    if est is None:
        return EffectCardModel(**{**empty, "unavailable": t("effect_unavailable", lang, reason=reason)})
    shown = publication.published_effect(est, lang)
    observed = CardMetric(t("observed_reports", lang), shown.observed_label)
    if shown.hidden:
        return EffectCardModel(
            **{
                **empty,
                "metrics": (observed,),
                "hidden_message": t("effect_hidden_small", lang, k=publication.small_count_threshold()),
                "published": shown,
            }
        )
    alternative = None
    if est.controls_used:
        alternative, _ = estimate(inputs, campagne_id, code, False, checks=False)
    text = effect_card_text(est, alternative, lang)

    def between(low: str, high: str) -> str:
        return t("between", lang, low=low, high=high)

    figures = (
        CardMetric(
            t("expected_short", lang),
            fmt_number(est.expected, lang),
            t("expected_help", lang),
            between(fmt_number(est.expected_low, lang), fmt_number(est.expected_high, lang)),
        ),
        observed,
        CardMetric(
            t("extra_reports", lang),
            fmt_number(est.extra, lang),
            t("extra_help", lang),
            caption=between(fmt_number(est.extra_low, lang), fmt_number(est.extra_high, lang)),
        ),
        CardMetric(
            t("relative_change", lang),
            fmt_percent(est.relative_change, lang, sign=True),
            caption=between(
                fmt_percent(est.relative_low, lang, sign=True),
                fmt_percent(est.relative_high, lang, sign=True) if est.relative_high is not None else "…",
            ),
        ),
        CardMetric(t("p_value", lang), fmt_number(est.p_value, lang, 3), t("p_value_help", lang)),
    )
    if est.controls_used:
        controls = t("controls_used", lang, namen=", ".join(names.get(c, c) for c in est.controls_used))
    else:
        controls = t("controls_none", lang) if with_controls else ""
    return EffectCardModel(
        heading=heading,
        unavailable="",
        hidden_message="",
        metrics=figures,
        summary=text.summary,
        caveat=t("willingness_caveat", lang),
        placebos=text.placebos,
        warnings=text.warnings,
        alternative=text.alternative or "",
        controls_note=controls,
        chart=charts.counterfactual_chart(
            shown.weekly, lang=lang, observed_label=shown.observed_label
        ).localise(lang),
        method_title=t("effect_method", lang),
        method_plain=text.method_plain,
        technical_title=t("effect_method_technical", lang),
        technical=text.method_technical,
        notes=text.notes,
        published=shown,
        weeks_note=_weeks_note(shown, int(est.observed), lang),
    )


def _weeks_note(shown: PublishedEffect, observed: int, lang: str) -> str:
    """Say which number to quote when the chart's campaign weeks add up to another than the card's."""
    weeks = shown.window_weeks_sum
    if weeks is None or weeks == observed:
        return ""
    return t("effect_weeks_sum", lang, som=fmt_number(weeks, lang), totaal=shown.observed_label)


def build_forest(
    effects: pd.DataFrame, *, codes: tuple[str, ...] | None, names: dict[str, str], lang: str
) -> ForestModel:
    """Build the forest plot from ``campaign_effects.estimate_all_campaigns`` (published estimates)."""
    if codes is not None:
        effects = effects[effects["gemeentecode"].isin(codes)]
    estimated = effects[effects["fout"] == ""]
    visible = publication.published_effects(estimated, lang)
    visible["label"] = [
        f"{plain_text.html(row.naam)} — {names.get(row.gemeentecode, row.gemeentecode)}"
        for row in visible.itertuples()
    ]
    left_out = len(effects) - len(visible)
    k = publication.small_count_threshold()
    return ForestModel(
        chart=charts.campaign_forest_chart(visible, lang=lang).localise(lang) if len(visible) else None,
        message="" if len(visible) else t("forest_empty", lang),
        caveat=t("willingness_caveat", lang),
        left_out=t("forest_left_out", lang, n=left_out, k=k) if left_out else "",
    )
