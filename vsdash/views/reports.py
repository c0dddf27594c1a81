"""The Meldingen page as data: the trend at a chosen grain, parts by category or channel, rates, hours."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from vsdash import charts, metrics, privacy, publication, schema
from vsdash.charts import ChartSpec
from vsdash.i18n import fmt_date, fmt_number, t
from vsdash.store import Store

GRAINS = ("day", "week", "month")
SPLITS = ("categorie", "kanaal")
# More lines than this make the chart unreadable; a caption then names how many there are.
MAX_CHANNEL_BREAKS = 6


@dataclass(frozen=True)
class Section:
    """A chart with its heading and the sentences under it."""

    title: str
    chart: ChartSpec | None
    notes: tuple[str, ...] = ()
    message: str = ""  # shown instead of the chart when there is nothing to draw


@dataclass(frozen=True)
class ReportsModel:
    """Everything the Meldingen page shows for one selection, grain and split (counts protected)."""

    title: str
    intro: str
    notice: str  # no reporting point: the page shows only this
    grain: str
    grain_hint: str
    trend: Section | None
    parts: Section | None
    rates: Section | None
    hours: Section | None
    footer: str


def default_grain(store: Store, codes, start: dt.date, end: dt.date) -> str:
    """The grain the trend reads best at, judged on published counts (``publication.readable_grain_of``)."""
    return publication.readable_grain_of(publication.counted_period(store, codes, start, end))


def build_reports(
    store: Store,
    *,
    codes: tuple[str, ...] | None,
    gemeente: str | None,
    start: dt.date,
    end: dt.date,
    grain: str,
    split: str,
    label: str,
    lang: str,
) -> ReportsModel:
    """Build the Meldingen model of a selection from the store."""
    if grain not in GRAINS or split not in SPLITS:
        raise ValueError(f"grain must be one of {GRAINS} and split one of {SPLITS}, got {grain!r}, {split!r}")
    k = privacy.resolve_k()
    title = t("reports_title", lang, selectie=label)
    intro = t("reports_intro", lang, start=fmt_date(start, lang), eind=fmt_date(end, lang))
    campaigns, channels = store.campaigns(), store.channels()
    with_channel = metrics.codes_with_channel(channels, codes, start, end)
    if not with_channel:
        return ReportsModel(
            title, intro, t("no_channel", lang, naam=label), grain, "", None, None, None, None, ""
        )

    running = metrics.campaigns_in_period(campaigns, codes, start, end)
    acts = metrics.activities_in_period(store.activities(), codes, start, end)
    breaks = metrics.known_breaks(channels, codes, start, end)
    channel_breaks = breaks[breaks["soort_breuk"] != "wet"]
    hidden_breaks = len(channel_breaks) if len(channel_breaks) > MAX_CHANNEL_BREAKS else 0
    if hidden_breaks:
        breaks = breaks[breaks["soort_breuk"] == "wet"]
    # Over several municipalities one city's local campaign does not explain the total.
    bands = running if gemeente else running[running["schaal"] == "landelijk"]

    trend = publication.published_trend_of(store, codes, start, end, lang=lang, grain=grain)
    # The total as the key figures publish it (a group's is the sum of its members' figures), so
    # this page names the total Overzicht, the slides and the API give; the group's own cells
    # would be a second, differently perturbed total of the same reports.
    total = int(publication.published_municipality_totals(store, codes, start, end)["n"].sum())
    hidden = publication.not_shown_separately(total, float(trend.cells["n"].dropna().sum()))
    trend_title = t(f"trend_title_{grain}", lang) if grain != "day" else t("trend_title_day", lang)
    if total == 0:
        trend_section = Section(trend_title, None, message=t("no_reports_period", lang))
    elif trend.cells.empty:
        # The counted weeks hold no whole month: an empty chart would say nothing was reported.
        trend_section = Section(
            trend_title, None, message=t("no_whole_month" if grain == "month" else "no_whole_week", lang)
        )
    else:
        notes = []
        if len(running):
            notes.append(t("willingness_caveat", lang))
        if len(bands) < len(running):
            notes.append(t("local_campaigns_elsewhere", lang, n=len(running) - len(bands)))
        if hidden_breaks:
            notes.append(t("breaks_hidden", lang, n=hidden_breaks))
        if hidden and hidden > 0:
            notes.append(t("hidden_note", lang, n=fmt_number(hidden, lang), totaal=fmt_number(total, lang)))

        spec = charts.report_trend_chart(
            trend.cells, bands, breaks, grain=grain, lang=lang, activities=acts, previous=trend.previous
        )
        trend_section = Section(trend_title, spec.localise(lang), tuple(notes))

    parts = _parts(store, codes, trend.counted, grain, split, channels, bands, breaks, acts, lang, k, total)
    # The cells are whole weeks or months of the counted period, so their exposure is too: the
    # chosen days would give a month counted in full only the days of it that were chosen.
    rates = publication.yearly_rates_per_period(
        trend.cells, channels, store.population(), with_channel, trend.counted.start, trend.counted.end, grain
    )
    rate_spec = charts.rate_trend_chart(rates, bands, breaks, grain=grain, lang=lang, activities=acts)
    rate_section = Section(
        t("rate_title", lang),
        rate_spec.localise(lang),
        (
            t(
                "rate_note",
                lang,
                n=len(with_channel),
                jaar=int(rates["jaar"].iloc[0]) if len(rates) else end.year,
            ),
        ),
    )
    hours = publication.published_hours(store, codes, start, end, lang=lang)
    if hours.allowed:
        heat = charts.weekday_hour_heatmap(hours.cells.astype({"n": "float"}), lang=lang)
        notes = [t("heat_note", lang)]
        if hours.total != total:
            # The cells' sum is another total than the page's: say why, as under the trend.
            notes.append(
                t(
                    "heat_total_differs",
                    lang,
                    n=fmt_number(hours.total, lang),
                    totaal=fmt_number(total, lang),
                    van=fmt_date(hours.first, lang),
                    tot=fmt_date(hours.last, lang),
                )
            )
        hour_section = Section(t("heat_title", lang), heat.localise(lang), tuple(notes))
    else:
        hour_section = Section(
            t("heat_title", lang),
            None,
            message=t(
                "heat_withheld", lang, n=fmt_number(k * privacy.BREAKDOWN_CELLS["weekday_hour"], lang), k=k
            ),
        )
    return ReportsModel(
        title=title,
        intro=intro,
        notice="",
        grain=grain,
        grain_hint=t("grain_hint", lang),
        trend=trend_section,
        parts=parts,
        rates=rate_section,
        hours=hour_section,
        footer=t("perturbation_note", lang),
    )


def _parts(store, codes, counted, grain, split, channels, bands, breaks, acts, lang, k, total) -> Section:
    """Stacked parts by category or channel kind, and how many of ``total`` they leave out."""
    if split == "categorie":
        labels = {c: t(f"rep_{c}", lang) for c in schema.REPORT_CATEGORIES}
        group_col = "categorie"
    else:
        labels = {s: t(f"channel_{s}", lang) for s in publication.CHANNEL_KINDS}
        group_col = "soort"
    found = publication.published_parts(store, codes, counted, grain, split, channels, lang=lang)
    if not found.allowed:
        return Section(t("by_category_or_channel", lang), None, message=t("parts_withheld", lang, k=k))
    notes = [t("split_monthly_note", lang, k=k)] if found.grain != grain else []
    parts, shown_grain = found.cells, found.grain
    # The bars are cells of their own (each perturbed, partial periods left out): say what they
    # leave out of the total, as under the trend, rather than let a reader find it by adding up.
    left_out = publication.not_shown_separately(total, float(parts["n"].dropna().sum()))
    if left_out and left_out > 0:
        notes.append(t("hidden_note", lang, n=fmt_number(left_out, lang), totaal=fmt_number(total, lang)))
    spec = charts.stacked_reports_chart(
        parts.astype({"n": "float"}),
        group_col,
        labels,
        bands,
        breaks,
        grain=shown_grain,
        lang=lang,
        activities=acts,
    )
    return Section(t("by_category_or_channel", lang), spec.localise(lang), tuple(notes))
