"""The Programma page as data: the ministry's view of a programme, and the knowledge search.

:func:`build_programme` answers what the evaluation says the ministry could not see: who takes
part over the years (per programme), in which phase, what the state and the municipalities put
in (pro rata per month), what the activities cost by category against that, which approaches
spread to which municipalities, and which municipalities are comparable by characteristics.
Every figure comes from ``vsdash.publication`` under a catalogue definition
(``vsdash.indicators``: participants, funding_eur, cofinancing_eur, activity_budget_eur,
intervention_spread). :func:`build_knowledge_search` is the knowledge register's search
(``vsdash.knowledge``). Names from files stay plain text; the page shows them in tables, which
render no markup.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from vsdash import characteristics, charts_programme, knowledge, plain_text, publication
from vsdash.charts import ChartSpec
from vsdash.i18n import fmt_date, fmt_euro, fmt_number, fmt_percent, t
from vsdash.indicators import indicator
from vsdash.store import Store
from vsdash.views.activities import Column
from vsdash.views.overview import Metric

SEARCH_KEY = "prog_search"
DEFAULT_QUERY = "Safe Clubbing"


@dataclass(frozen=True)
class Table:
    """A table of the page: its title, rows, described columns and the note under it."""

    title: str
    rows: pd.DataFrame
    columns: tuple[Column, ...]
    note: str


@dataclass(frozen=True)
class ProgrammeModel:
    """Everything the Programma page shows for one selection and period."""

    title: str
    intro: str
    metrics: tuple[Metric, ...]
    summary: str  # markdown; numbers, the programme's name and the selection's label (escaped)
    participants_title: str
    participants: ChartSpec
    phases: Table
    funding_title: str
    funding: ChartSpec
    funding_note: str
    budget: Table
    spread: Table
    peers: Table
    lang: str = "nl"


@dataclass(frozen=True)
class KnowledgeSearchModel:
    """The knowledge register's search: the question, what was found and how to read it."""

    title: str
    intro: str
    label: str
    help: str
    found: str  # "n activities in m municipalities found for ..." (plain text, the query quoted)
    results: pd.DataFrame
    columns: tuple[Column, ...]
    caveat: str


def _metric(indicator_id: str, value: str, lang: str) -> Metric:
    entry = indicator(indicator_id)
    return Metric(entry.name(lang), value, entry.definition_en if lang == "en" else entry.definition_nl)


def build_programme(
    store: Store,
    *,
    gemeente: str | None,
    codes: tuple[str, ...] | None,
    programma: str | None,
    start: dt.date,
    end: dt.date,
    label: str,
    lang: str,
) -> ProgrammeModel:
    """Build the Programma model of a selection; without a programme it shows Veilige Steden."""
    programme = programma or "veilige_steden"
    memberships = store.memberships()
    programme_name = str(store.programmes().set_index("programma").loc[programme, "naam"])
    names = store.municipalities().set_index("gemeentecode")["weergavenaam"]
    members = publication.members_in_period(memberships, programme, start, end)
    scope = tuple(c for c in members if codes is None or c in codes)

    first_year = int(memberships["jaar_start"].min())
    per_year = publication.participants_per_year(memberships, first_year, end.year)
    now = per_year[(per_year["programma"] == programme) & (per_year["jaar"] == end.year)]
    participants = int(now["deelnemers"].iloc[0]) if len(now) else 0

    monthly = publication.funding_per_month(memberships, start, end, programma=programme, codes=scope)
    # Whole euros, as shown, before adding: "€ 14.247 + € 14.247" must read "samen € 28.494".
    state, own = round(float(monthly["rijk_eur"].sum())), round(float(monthly["cofinanciering_eur"].sum()))
    budget = publication.activity_budget_by_category(store.activities(), scope, start, end)
    spent = float(budget["budget_eur"].sum())

    metrics = (
        _metric("participants", fmt_number(participants, lang), lang),
        _metric("funding_eur", fmt_euro(state, lang), lang),
        _metric("cofinancing_eur", fmt_euro(own, lang), lang),
        _metric("activity_budget_eur", fmt_euro(spent, lang), lang),
    )
    summary = t(
        "prog_summary",
        lang,
        jaar=end.year,
        n=fmt_number(participants, lang),
        programma=programme_name,
        geld=fmt_euro(state + own, lang),
        budget=fmt_euro(spent, lang),
        selectie=plain_text.markdown(label),
    )
    return ProgrammeModel(
        title=t("prog_title", lang, programma=programme_name),
        intro=t("prog_intro", lang, start=fmt_date(start, lang), eind=fmt_date(end, lang), selectie=label),
        metrics=metrics,
        summary=summary,
        participants_title=t("prog_participants_title", lang),
        participants=charts_programme.participants_chart(per_year, lang=lang).localise(lang),
        phases=_phases(memberships, programme, names, end.year, lang),
        funding_title=t("prog_funding_title", lang),
        funding=charts_programme.funding_chart(monthly, start=start, end=end, lang=lang).localise(lang),
        funding_note=t("prog_funding_note", lang),
        budget=_budget(budget, state + own, lang),
        spread=_spread(store.activities(), codes if codes and len(codes) > 1 else None, end, names, lang),
        peers=_peers(store, memberships, programme, names, start, end, gemeente, lang),
        lang=lang,
    )


def phase_in(year: int, first: int, last: float | None) -> str:
    """The phase of a membership in ``year``: nog_niet, opstart (first year), uitvoering or gestopt."""
    if year < first:
        return "nog_niet"
    if last is not None and pd.notna(last) and year > int(last):
        return "gestopt"
    return "opstart" if year == first else "uitvoering"


def _phases(memberships, programme, names, year, lang) -> Table:
    rows = memberships[memberships["programma"] == programme].copy()
    rows["gemeente"] = rows["gemeentecode"].map(lambda c: names.get(c, c))
    rows["fase"] = [
        t(f"prog_phase_{phase_in(year, int(s), e)}", lang)
        for s, e in zip(rows["jaar_start"], rows["jaar_eind"], strict=True)
    ]
    rows["sinds"] = rows["jaar_start"].astype(int).astype(str)
    rows["tot"] = [t("cmp_running", lang) if pd.isna(e) else str(int(e)) for e in rows["jaar_eind"]]
    rows = rows.sort_values(["jaar_start", "gemeente"]).reset_index(drop=True)
    columns = (
        Column("gemeente", t("municipality", lang), "pinned_text"),
        Column("sinds", t("prog_col_since", lang)),
        Column("tot", t("cmp_col_until", lang)),
        Column("fase", t("prog_col_phase", lang, jaar=year)),
        Column("bijdrage_rijk_eur", t("prog_col_state", lang), "euro"),
        Column("cofinanciering_eur", t("prog_col_own", lang), "euro"),
    )
    return Table(t("prog_phase_title", lang), rows, columns, t("prog_phase_note", lang))


def _budget(budget: pd.DataFrame, available: float, lang: str) -> Table:
    rows = budget.copy()
    rows["categorie_label"] = [t(f"cat_{c}", lang) for c in rows["categorie"]]
    rows["aandeel"] = [fmt_percent(b / available, lang) if available else "–" for b in rows["budget_eur"]]
    columns = (
        Column("categorie_label", t("prog_col_category", lang), "pinned_text"),
        Column("n", t("prog_col_activities", lang), "number"),
        Column("budget_eur", t("prog_col_budget", lang), "euro"),
        Column("aandeel", t("prog_col_share", lang)),
    )
    note = t("prog_budget_note", lang, geld=fmt_euro(available, lang))
    return Table(t("prog_budget_title", lang), rows, columns, note)


def _spread(activities, codes, until, names, lang) -> Table:
    rows = publication.intervention_spread(activities, codes, until, names, lang)
    columns = (
        Column("soort", t("prog_col_kind", lang), "pinned_text"),
        Column("gemeenten", t("prog_col_municipalities", lang), "number"),
        Column("eerste", t("prog_col_first", lang)),
        Column("verspreiding", t("prog_col_path", lang), "wide_text"),
    )
    return Table(t("prog_spread_title", lang), rows, columns, t("prog_spread_note", lang))


def _peers(store, memberships, programme, names, start, end, gemeente, lang) -> Table:
    population = store.population()
    year = publication.population_year(population, end)
    chars = characteristics.municipality_characteristics(population, year)
    members = list(publication.members_in_period(memberships, programme, start, end))
    # The candidates every surface compares with (characteristics.comparable_group).
    pool = characteristics.candidates(memberships, store.channels(), population, programme, start, end)
    shown = [gemeente] if gemeente and gemeente not in members else []
    rows = chars[chars["gemeentecode"].isin(members + shown)].copy()
    rows["gemeente"] = rows["gemeentecode"].map(lambda c: names.get(c, c))
    rows["klasse"] = [t(f"size_class_{k}", lang) for k in rows["grootteklasse"]]
    yes, no = t("prog_yes", lang), t("prog_no", lang)
    rows["g4_label"] = [yes if v else no for v in rows["g4"]]
    rows["student_label"] = [yes if v else no for v in rows["studentenstad"]]
    rows["vergelijkbaar"] = [
        _comparable_text(chars, code, pool, names, lang) for code in rows["gemeentecode"]
    ]
    rows = rows.sort_values("inwoners", ascending=False).reset_index(drop=True)
    columns = (
        Column("gemeente", t("municipality", lang), "pinned_text"),
        Column("inwoners", t("prog_col_inhabitants", lang, jaar=year), "number"),
        Column("klasse", t("prog_col_size", lang)),
        Column("g4_label", t("prog_col_g4", lang)),
        Column("student_label", t("prog_col_student", lang)),
        Column("vergelijkbaar", t("prog_col_peers", lang), "wide_text"),
    )
    note = t(
        "prog_peers_note",
        lang,
        jaar=year,
        n=characteristics.NEAREST,
        bronnen="; ".join(t(f"prog_source_{key}", lang) for key in characteristics.SOURCES),
    )
    return Table(t("prog_peers_title", lang), rows, columns, note)


def _comparable_text(chars, code, pool, names, lang) -> str:
    """The comparable municipalities of ``code`` in words, with the rule when it is not the first."""
    codes, basis = characteristics.comparable(chars, code, pool)
    if not codes:
        return t("prog_none_peers", lang)
    listed = ", ".join(names.get(c, c) for c in codes)
    return (
        listed if basis == characteristics.BASES[0] else f"{listed} ({t(f'prog_peers_basis_{basis}', lang)})"
    )


def build_knowledge_search(
    store: Store, *, query: str, codes: tuple[str, ...] | None = None, lang: str
) -> KnowledgeSearchModel:
    """Search the knowledge register (``knowledge.search_knowledge``) and describe the result."""
    results = knowledge.search_knowledge(store, query, codes=codes, lang=lang)
    query_text = " ".join(str(query).split())
    found = (
        t(
            "know_found",
            lang,
            n=fmt_number(len(results), lang),
            m=fmt_number(results["gemeentecode"].nunique(), lang),
            zoek=query_text,
        )
        if len(results)
        else t("know_none", lang, zoek=query_text)
    )
    columns = (
        Column("gemeente", t("municipality", lang), "pinned_text"),
        Column("start", t("act_col_start", lang), "date"),
        Column("status", t("act_col_status", lang)),
        # What happened around it first, then what the municipality wrote down and whom to ask.
        Column("voor", t("know_col_before", lang)),
        Column("na", t("know_col_after", lang)),
        Column("verschil", t("know_col_change", lang)),
        Column("uitkomst", t("know_col_outcome", lang), "wide_text"),
        Column("lessen", t("know_col_lessons", lang), "wide_text"),
        Column("contact_rol", t("know_col_contact", lang)),
        Column("evaluatie_url", t("know_col_link", lang), "link", t("know_link", lang)),
        Column("titel", t("act_col_title", lang)),
        Column("risicogebieden", t("know_col_areas", lang)),
        Column("venster", t("know_col_window", lang)),
    )
    return KnowledgeSearchModel(
        title=t("know_title", lang),
        intro=t("know_intro", lang, weken=knowledge.BEFORE_AFTER_WEEKS),
        label=t("know_search", lang),
        help=t("know_search_help", lang),
        found=found,
        results=results,
        columns=columns,
        caveat=t("know_caveat", lang),
    )
