"""The Overzicht page as data: key figures, trend, activities by category, what is new.

Overzicht draws its two charts on the server as SVG (``vsdash.slide_figures``, the slides' own
drawing, imported when first drawn), not with plotly: the first page of a visit then loads no chart library in the browser
(issue 17, ADR 0005). Their text alternatives and tables are the plotly charts' own
(``chart_text.trend_alt_and_table``, ``chart_text.category_alt_and_table``, which import no
plotly); the SVGs are drawn when the page first reads them, after it has sent the key figures.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

import pandas as pd

from vsdash import chart_text, metrics, publication, schema
from vsdash.chart_text import StaticChart
from vsdash.i18n import fmt_date, fmt_number, in_sentence, t
from vsdash.indicators import indicator
from vsdash.publication import KeyFigures
from vsdash.store import Store


@dataclass(frozen=True)
class Metric:
    """One key figure as shown: label, value and the sentence that explains it."""

    label: str
    value: str
    help: str = ""
    delta: str | None = None
    indicator: str = ""  # the catalogue id of the figure shown, "" for a figure outside the catalogue


@dataclass(frozen=True)
class OverviewModel:
    """Everything the Overzicht page shows for one selection (counts already protected)."""

    title: str
    intro: str
    key: KeyFigures
    metrics: tuple[Metric, ...]
    notice: str  # shown above the figures when there is no reporting point, else ""
    notes: tuple[str, ...]  # captions under the figures
    survey_metrics: tuple[Metric, ...]  # issue 19: prevalence, willingness to report, feeling unsafe
    survey_notes: tuple[str, ...]  # issue 19: survey round used, coverage, what the ratio means
    key_table: pd.DataFrame  # the key figures as numbers, for the CSV/XLSX download
    key_table_title: str  # what the download's "Toelichting" sheet calls it
    trend_title: str
    trend: StaticChart | None
    trend_message: str  # why there is no trend, else ""
    trend_notes: tuple[str, ...]
    trend_link: str  # the link to Meldingen, where the trend is interactive
    activities_title: str
    activities: StaticChart
    activities_link: str  # the link to Activiteiten
    whats_new_title: str
    whats_new: tuple[str, ...]  # plain text: names from files are never rendered as markup


def build_overview(
    store: Store,
    *,
    gemeente: str | None,
    programma: str | None,
    start: dt.date,
    end: dt.date,
    label: str,
    lang: str,
) -> OverviewModel:
    """Build the Overzicht model of a selection from the store."""
    key, trend = publication.key_figures_and_trend(
        store, start=start, end=end, gemeente=gemeente, programma=programma, lang=lang
    )
    codes = key.codes
    labels = key.labels(lang)
    campaigns, channels, activities = store.campaigns(), store.channels(), store.activities()
    running = metrics.campaigns_in_period(campaigns, codes, start, end)

    explained = key.notes(lang)
    # The preceding period as the key figures word it (a group's members each have their own).
    change_help = explained["change"] or t("vs_previous_period", lang, periode=explained["previous_period"])
    surveyed = key.survey_notes(lang)
    ratio_shown = key.survey is not None and key.survey.ratio is not None
    figures = (
        _metric("reports", labels["reports"], key.reason_text("reports", lang), lang),
        _metric("rate_per_10k_per_year", labels["rate"], explained["rate"], lang),
        _metric(
            "change",
            labels["change"],
            change_help,
            lang,
            delta=f"{labels['previous']} → {labels['reports']}" if key.change is not None else None,
        ),
        _metric("campaigns", labels["campaigns"], "", lang),
    )
    # Issue 19: a second row under the first, column by column: people who experienced street
    # harassment under the reports, the willingness to report under the report rate.
    survey_metrics = (
        _metric("survey_prevalence", labels["survey_prevalence"], surveyed["survey"], lang),
        _metric("reporting_ratio", labels["reporting_ratio"], surveyed["ratio"], lang),
        _metric("survey_unsafe_neighbourhood", labels["unsafe_neighbourhood"], surveyed["unsafe"], lang),
        _metric("survey_unsafe_night", labels["unsafe_night"], surveyed["unsafe"], lang),
    )
    notes = [
        explained["counted"],
        t("compared_with", lang, periode=explained["previous_period"]) if key.change is not None else "",
        t("population_note", lang, inwoners=labels["inhabitants"], jaar=key.population_year),
        t("perturbation_note", lang),
    ]
    # The survey round used (or why there is none), and the willingness caveat said once on the
    # page: beside the ratio when there is one, else under the trend when campaigns ran.
    survey_notes = [surveyed["survey"], surveyed["coverage"]]
    if ratio_shown:
        survey_notes.append(
            t("ratio_caption", lang, waarde=labels["reporting_ratio"], interval=labels["ratio_interval"])
        )
        survey_notes.append(t("ratio_plain", lang))
        if len(running):
            survey_notes.append(t("campaign_raises_willingness", lang))

    spec, message, trend_notes = None, "", []
    if not key.has_channel:
        # The notice above the figures says why; the trend's heading still needs a line under it.
        message = t("trend_no_channel", lang)
    elif key.reports == 0:
        message = t("no_reports_period", lang)
    else:
        # Over several municipalities one city's local campaign does not explain the total.
        bands = running if gemeente else running[running["schaal"] == "landelijk"]
        breaks = metrics.known_breaks(channels, codes, start, end, include_channels=bool(gemeente))
        alt, table = chart_text.trend_alt_and_table(
            trend.cells, bands, breaks, grain=trend.grain, lang=lang, previous=trend.previous
        )
        draw = functools.partial(
            _trend_svg,
            trend.cells,
            trend.previous,
            bands,
            breaks,
            grain=trend.grain,
            lang=lang,
        )
        # A phone's column gets its own layout: the wide drawing scaled to 360 px has 5 px text.
        spec = StaticChart(draw, alt, table, draw_narrow=functools.partial(draw, narrow=True))
        if key.hidden and key.hidden > 0:
            trend_notes.append(
                t("hidden_note", lang, n=fmt_number(key.hidden, lang), totaal=labels["reports"])
            )
        if not gemeente and len(bands) < len(running):
            trend_notes.append(t("local_campaigns_elsewhere", lang, n=len(running) - len(bands)))
        if len(running) and not ratio_shown:
            trend_notes.append(t("willingness_caveat", lang))

    by_cat = metrics.activities_by_category(activities, codes, start, end, schema.ACTIVITY_CATEGORIES)
    by_cat["categorie_label"] = [t(f"cat_{c}", lang) for c in by_cat["categorie"]]
    by_cat["label"] = [fmt_number(n, lang) for n in by_cat["n"]]  # activities are not about people
    activity_alt, activity_table = chart_text.category_alt_and_table(
        by_cat, "categorie_label", lang=lang, title=t("activities_by_category", lang)
    )
    draw_activities = functools.partial(_activities_svg, by_cat, lang=lang)
    activity_spec = StaticChart(draw_activities, activity_alt, activity_table)
    return OverviewModel(
        title=t("overview_title", lang, selectie=label),
        intro=t(
            "overview_intro",
            lang,
            selectie=in_sentence(label, lang),
            start=fmt_date(start, lang),
            eind=fmt_date(end, lang),
        ),
        key=key,
        metrics=figures,
        notice="" if key.has_channel else t("no_channel", lang, naam=label),
        notes=tuple(note for note in notes if note),
        survey_metrics=survey_metrics,
        survey_notes=tuple(note for note in survey_notes if note),
        key_table=publication.key_figures_table(key, lang),
        key_table_title=t("key_figures_table", lang),
        trend_title=t(f"trend_title_{trend.grain}", lang),
        trend=spec,
        trend_message=message,
        trend_notes=tuple(trend_notes),
        trend_link=t("overview_trend_interactive", lang),
        activities_title=t("activities_by_category", lang),
        activities=activity_spec,
        activities_link=t("overview_activities_interactive", lang),
        whats_new_title=t("whats_new", lang),
        whats_new=_whats_new(store, running, activities, codes, end, lang),
    )


def _metric(indicator_id: str, value: str, note: str, lang: str, *, delta: str | None = None) -> Metric:
    """A key figure under the catalogue's short label; its help names the figure as the definitions do.

    Where the tile shows a short label ("Ervaren intimidatie"), the help starts with the catalogue's
    full name, so the reader finds the figure in the definitions (sheet, docs/indicatoren.md).
    """
    entry = indicator(indicator_id)
    label = entry.short_name(lang)
    if label != entry.name(lang):
        note = f"{entry.glossed_name(lang)} — {note}" if note else entry.glossed_name(lang)
    return Metric(label, value, note, delta=delta, indicator=indicator_id)


def _trend_svg(*args, **kwargs) -> str:
    """``slide_figures.page_trend_svg``, importing matplotlib only when a chart is first drawn.

    The model (and so the page's key figures) is then ready without matplotlib's import, about
    0.9 s of a fresh server's first page run.
    """
    from vsdash import slide_figures

    return slide_figures.page_trend_svg(*args, **kwargs)


def _activities_svg(*args, **kwargs) -> str:
    """``slide_figures.page_activities_svg``, importing matplotlib when first drawn (see ``_trend_svg``)."""
    from vsdash import slide_figures

    return slide_figures.page_activities_svg(*args, **kwargs)


def _whats_new(store: Store, running, activities, codes, end: dt.date, lang: str) -> tuple[str, ...]:
    """Campaigns and activities that started in the last 90 days of the period, and recent imports."""
    since = pd.Timestamp(end - dt.timedelta(days=90))
    names = store.municipalities().set_index("gemeentecode")["weergavenaam"].to_dict()
    items = []
    for camp in running[pd.to_datetime(running["start"]) >= since].itertuples():
        text = t(
            "new_campaign",
            lang,
            naam=camp.naam,
            start=fmt_date(camp.start, lang),
            eind=fmt_date(camp.eind, lang),
        )
        items.append((pd.Timestamp(camp.start), text))
    acts = activities if codes is None else activities[activities["gemeentecode"].isin(codes)]
    starts = pd.to_datetime(acts["start"])
    acts = acts[(starts >= since) & (starts <= pd.Timestamp(end))]
    for act in acts.sort_values("start", ascending=False).head(6).itertuples():
        text = t(
            "new_activity",
            lang,
            titel=act.titel,
            gemeente=names.get(act.gemeentecode, ""),
            start=fmt_date(act.start, lang),
        )
        items.append((pd.Timestamp(act.start), text))
    imports = store.import_log()
    # An undone import is not news (issue 20).
    imports = imports[~imports["ongedaan"].fillna(False).astype(bool)]
    for imp in imports.head(3).itertuples():
        if imp.soort == "reports":
            # An import's size is an exact count of reports (a quiet week's 3): it goes through no
            # privacy step, so it is not shown, as /healthz shows none (ADR 0006).
            text = t(
                "new_import_reports", lang, bestand=imp.bestand, tijd=fmt_date(imp.tijdstip.date(), lang)
            )
        else:
            text = t(
                "new_import",
                lang,
                bestand=imp.bestand,
                tijd=fmt_date(imp.tijdstip.date(), lang),
                n=fmt_number(imp.geschreven, lang),
            )
        items.append((pd.Timestamp(imp.tijdstip.date()), text))
    if not items:
        return (t("nothing_new", lang),)
    return tuple(text for _, text in sorted(items, key=lambda item: item[0], reverse=True)[:8])
