"""The Vergelijken page as data: who is compared, the map, the ranking, small multiples, memberships.

Every rate is the catalogue's ``rate_per_10k_per_year`` (``vsdash.publication.exposure``), so a
municipality has the same figure here as on Overzicht, the slides and ``vsdash figures``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from vsdash import characteristics, charts_compare, charts_survey, compare, geo, privacy, publication
from vsdash.charts import ChartSpec
from vsdash.i18n import fmt_date, fmt_euro, fmt_number, t
from vsdash.indicators import indicator
from vsdash.store import ReportFilter, Store

METRICS = ("meldingen", "activiteiten", "bijdrage")


@dataclass(frozen=True)
class CompareOptions:
    """What the page's own widgets offer: the municipalities that can be compared."""

    universe: tuple[str, ...]  # sorted by name
    candidates: tuple[str, ...]  # those with a reporting point (focus of "vergelijkbaar")
    default_group: str


@dataclass(frozen=True)
class CompareModel:
    """Everything Vergelijken shows for one selection, peer group, focus and map metric."""

    title: str
    intro: str
    peer_note: str
    peer_message: str  # "no comparable municipalities", shown as information
    group: tuple[str, ...]  # CBS codes of the compared municipalities, focus first when there is one
    map_title: str
    map_chart: ChartSpec
    map_message: str
    map_caption: str
    ranking_title: str
    ranking: ChartSpec
    ranking_caption: str
    not_ranked: str  # plain text: names come from the reference data
    trends_title: str
    trends: ChartSpec
    trends_caption: str
    # Issue 19: the willingness to report per municipality of the group (survey rounds named).
    ratio_title: str
    ratio: ChartSpec
    ratio_caption: str
    memberships_title: str
    memberships: ChartSpec


def compare_options(
    store: Store, *, gemeente: str | None, programma: str | None, start: dt.date, end: dt.date
):
    """The municipalities that can be compared for a selection (the programme's, or Veilige Steden's and
    every municipality with a reporting point), and the default peer group."""
    memberships, channels = store.memberships(), store.channels()
    names = _names(store)
    if programma:
        universe = set(memberships.loc[memberships["programma"] == programma, "gemeentecode"])
    else:
        universe = set(memberships.loc[memberships["programma"] == "veilige_steden", "gemeentecode"]) | set(
            channels["gemeentecode"]
        )
    if gemeente:
        universe.add(gemeente)
    ordered = tuple(sorted(universe, key=lambda c: names.get(c, c)))
    with_channel = set(
        publication.exposure(channels, store.population(), ordered, start, end).query("dagen > 0")[
            "gemeentecode"
        ]
    )
    return CompareOptions(
        universe=ordered,
        candidates=tuple(c for c in ordered if c in with_channel),
        default_group="vergelijkbaar" if gemeente else "alle",
    )


def _names(store: Store) -> pd.Series:
    return store.municipalities().set_index("gemeentecode")["weergavenaam"]


def build_comparison(
    store: Store,
    *,
    gemeente: str | None,
    programma: str | None,
    start: dt.date,
    end: dt.date,
    group_choice: str,
    focus: str | None,
    metric: str,
    boundaries: tuple,
    lang: str,
) -> CompareModel:
    """Build the Vergelijken model. ``boundaries`` is (GeoJSON dict or None, reason) of the CBS file."""
    if metric not in METRICS:
        raise ValueError(f"metric must be one of {METRICS}, got {metric!r}")
    options = compare_options(store, gemeente=gemeente, programma=programma, start=start, end=end)
    universe = list(options.universe)
    names = _names(store)
    memberships, channels, population = store.memberships(), store.channels(), store.population()
    # Each municipality's published count and rate: the same rows its key figures are made of.
    rates = publication.member_figures(store, universe, start, end, channels=channels, population=population)

    focus = gemeente or focus
    comparable: tuple[str, ...] = ()
    peer_note = peer_message = ""
    if group_choice == "vergelijkbaar" and focus:
        # The one definition of comparable municipalities (Programma and the peer slide use it too).
        chosen = characteristics.comparable_group(
            store, gemeente=focus, start=start, end=end, programma=programma
        )
        comparable = chosen.codes
        if comparable:
            peer_note = chosen.sentence(names, lang)
        else:
            peer_message = chosen.sentence(names, lang)
    # "Alle" of a programme: its members in the period, as its key figures count them (audit 3:
    # Veilige Steden in 2025 listed Zaanstad, which left in 2022, as "not ranked: no reporting
    # point", 16 municipalities beside Overzicht's 15); the map still shows who left.
    everyone = publication.members_in_period(memberships, programma, start, end) if programma else universe
    group = compare.peer_group_codes(group_choice, store.peer_groups(), everyone, comparable, focus)
    group_rates = rates[rates["gemeentecode"].isin(group)]
    missing = [code for code in group if code not in set(group_rates["gemeentecode"])]
    if missing:  # a comparable participant outside the options' universe is compared all the same
        extra = publication.member_figures(
            store, missing, start, end, channels=channels, population=population
        )
        group_rates = pd.concat([group_rates, extra], ignore_index=True)
    ranked = compare.ranked_rates(group_rates, lang=lang)

    map_chart, map_message, map_caption = _map(
        store, rates, universe, memberships, names, gemeente, metric, boundaries, start, end, programma, lang
    )
    pooled = compare.group_rate(group_rates)
    ranking = charts_compare.ranked_rate_chart(ranked, names=names, focus=focus, group_rate=pooled, lang=lang)
    not_ranked = _not_ranked_text(ranked, names, lang)
    # Whole months, each a cell with its key, perturbed like every published count (ADR 0006);
    # the group's line is the sum of its members' published months.
    first, last = compare.whole_months(start, end)
    monthly_counts = store.count_reports(ReportFilter(tuple(group), first, last), "month", ("gemeentecode",))
    monthly = compare.monthly_rates(monthly_counts, population, channels, group, first, last)
    monthly = privacy.suppress_rates(monthly, "n", ("rate",), lang=lang)
    trends = charts_compare.small_multiples_chart(
        monthly,
        names=names,
        campaigns=compare.campaign_rows_in_period(store.campaigns(), start, end),
        focus=focus,
        group=compare.group_monthly_rates(monthly) if len(group) > 1 else None,
        group_name=t(f"cmp_group_{group_choice}", lang),
        lang=lang,
    )
    spans = compare.membership_spans(memberships[memberships["gemeentecode"].isin(universe)], end)
    return CompareModel(
        title=t("cmp_title", lang),
        intro=t("cmp_intro", lang, start=fmt_date(start, lang), eind=fmt_date(end, lang)),
        peer_note=peer_note,
        peer_message=peer_message,
        group=tuple(group),
        map_title=t("cmp_map_title", lang),
        map_chart=map_chart.localise(lang),
        map_message=map_message,
        map_caption=map_caption,
        ranking_title=t("cmp_ranked_title", lang, groep=t(f"cmp_group_{group_choice}", lang)),
        ranking=ranking.localise(lang),
        ranking_caption=" ".join(
            [t("cmp_interval_note", lang), t("cmp_counted_note", lang), t("perturbation_note", lang)]
        ),
        not_ranked=not_ranked,
        trends_title=t("cmp_trends_title", lang),
        trends=trends.localise(lang),
        # The willingness caveat is said once on this page, in the introduction (issue 19).
        trends_caption=t("cmp_trends_note", lang)
        + (
            " " + t("cmp_trends_months", lang, van=fmt_date(first, lang), tot=fmt_date(last, lang))
            if (first, last) != (start, end)
            else ""
        ),
        ratio_title=t("cmp_ratio_title", lang),
        ratio=charts_survey.reporting_ratio_chart(ranked, names=names, focus=focus, lang=lang).localise(lang),
        ratio_caption=" ".join(
            [
                t("cmp_ratio_note", lang, jaar=end.year),
                t("ratio_plain", lang),
                t("cmp_ratio_margin_note", lang),
            ]
        ),
        memberships_title=t("cmp_membership_title", lang),
        memberships=charts_compare.membership_timeline_chart(
            spans,
            names=names,
            lang=lang,
            totals=memberships.groupby("programma_naam")["gemeentecode"].nunique().to_dict(),
        ).localise(lang),
    )


def _not_ranked_text(ranked: pd.DataFrame, names: pd.Series, lang: str) -> str:
    """The municipalities the ranking leaves out, and why: too few reports apart, then the rest."""
    too_few = ranked[ranked["status"] == compare.TOO_FEW]
    others = ranked[~ranked["status"].isin([compare.RANKED, compare.TOO_FEW])]
    sentences = []
    if len(too_few):
        sentences.append(
            t("cmp_too_few", lang, lijst=", ".join(names.get(c, c) for c in too_few["gemeentecode"]))
        )
    if len(others):
        listed = ", ".join(
            f"{names.get(r.gemeentecode, r.gemeentecode)} ("
            + (t("no_channel_short", lang) if r.status == compare.NO_CHANNEL else r.label)
            + ")"
            for r in others.itertuples()
        )
        sentences.append(t("cmp_not_ranked", lang, lijst=listed))
    return " ".join(sentences)


def _map(
    store, rates, universe, memberships, names, gemeente, metric, boundaries, start, end, programma, lang
):
    """The choropleth of one metric, the message when boundaries are missing, and its caption."""
    if metric == "meldingen":
        everyone = compare.ranked_rates(rates, lang=lang)
        values = everyone[["gemeentecode", "rate"]].rename(columns={"rate": "value"})
        # A colour is a place in the ranking: too few reports to rank get none, only the note.
        values.loc[(everyone["status"] == compare.TOO_FEW).to_numpy(), "value"] = float("nan")
        short = {
            compare.NO_CHANNEL: t("no_channel_short", lang),
            compare.TOO_FEW: t("cmp_too_few_short", lang),
        }
        values["note"] = [
            short.get(s, lbl) for s, lbl in zip(everyone["status"], everyone["label"], strict=True)
        ]
        metric_label = t("cmp_rate_axis", lang)

        def value_format(v: float) -> str:
            return fmt_number(v, lang, 1)
    elif metric == "activiteiten":
        per = compare.activities_per_municipality(store.activities(), start, end)
        values = pd.DataFrame({"gemeentecode": universe})
        values["value"] = (
            values["gemeentecode"].map(per.set_index("gemeentecode")["n"]).fillna(0).astype(float)
        )
        values["note"] = ""
        metric_label = indicator("activities").name(lang)  # the catalogue's entry, as on Overzicht

        def value_format(v: float) -> str:
            return fmt_number(v, lang)
    else:
        funding = publication.funding_in_period(
            memberships, start, end, programma=programma or "veilige_steden"
        ).set_index("gemeentecode")["bijdrage_eur"]
        values = pd.DataFrame({"gemeentecode": universe})
        values["value"] = values["gemeentecode"].map(funding).astype(float)
        values["note"] = t("cmp_no_funding", lang)
        metric_label = t("cmp_metric_bijdrage", lang)

        def value_format(v: float) -> str:
            return fmt_euro(v, lang)

    geojson, missing_reason = boundaries
    changes = compare.membership_changes(memberships)
    chart = charts_compare.comparison_map(
        values,
        municipalities=store.municipalities(),
        geojson=geojson,
        metric_label=metric_label,
        value_format=value_format,
        changes=changes,
        focus=gemeente,
        lang=lang,
    )
    message = (
        ""
        if geojson is not None
        else t("cmp_map_no_boundaries", lang, reden=geo.reason_text(missing_reason, lang))
    )
    joined = [r for r in changes.itertuples() if r.soort == "ingestroomd"]
    left = [r for r in changes.itertuples() if r.soort == "gestopt"]
    caption = " ".join(
        [
            t(
                "cmp_map_changes",
                lang,
                ingestroomd=", ".join(
                    f"{names.get(r.gemeentecode, r.gemeentecode)} ({r.jaar})" for r in joined
                )
                or "–",
                gestopt=", ".join(f"{names.get(r.gemeentecode, r.gemeentecode)} ({r.jaar})" for r in left)
                or "–",
            ),
            t("cmp_map_boundaries_year", lang, jaar=geo.municipality_vintage_year()) if geojson else "",
            t("map_attribution", lang) if geojson else t("cmp_map_centres_source", lang),
        ]
    )
    return chart, message, caption
