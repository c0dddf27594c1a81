"""The Activiteiten page as data: the register filtered by the page's own widgets, counted once.

:func:`build_activities` is a pure function from the selection and the page's filter values to a
frozen model. With its default filters (only the chosen period, nothing else) it counts exactly
what the catalogue's ``activities`` indicator counts, so the page agrees with Overzicht,
Presenteren and ``vsdash figures``. Names from files (titles, partners, risk areas, campaigns,
import files) are kept as plain text; the page escapes them where it renders markdown.
Activities are about what municipalities did, not about people, so they need no small-count
suppression; the downloads are neutralised against spreadsheet formulas.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace

import pandas as pd

from vsdash import activities as register
from vsdash import charts_activities, privacy, schema, spreadsheets
from vsdash.charts import ChartSpec
from vsdash.i18n import fmt_date, fmt_euro, fmt_number, t
from vsdash.indicators import indicator
from vsdash.store import Store
from vsdash.views.overview import Metric

# Widget keys of the filters, in the order the page draws them (two rows of three with the switch).
CATEGORIES_KEY, TYPES_KEY, STATUSES_KEY = "act_categories", "act_types", "act_statuses"
TARGETS_KEY, PARTNERS_KEY, ONLY_PERIOD_KEY = "act_targets", "act_partners", "act_only_period"


@dataclass(frozen=True)
class ActivityFilters:
    """The page's filter values; an empty tuple means "no restriction"."""

    categories: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    target_groups: tuple[str, ...] = ()
    partners: tuple[str, ...] = ()
    only_period: bool = True  # the catalogue's definition: activities that ran in the period

    @classmethod
    def from_state(cls, state) -> ActivityFilters:
        """The filters from the page's widget values (a mapping such as ``st.session_state``)."""
        keys = (CATEGORIES_KEY, TYPES_KEY, STATUSES_KEY, TARGETS_KEY, PARTNERS_KEY)
        chosen = [tuple(state.get(key) or ()) for key in keys]
        return cls(*chosen, only_period=bool(state.get(ONLY_PERIOD_KEY, True)))


@dataclass(frozen=True)
class Choice:
    """One multiselect filter: its widget key, label, options with their labels, and what is chosen."""

    key: str
    label: str
    options: tuple[str, ...]
    labels: tuple[str, ...]
    selected: tuple[str, ...]

    def label_of(self, option: str) -> str:
        """The display text of ``option``."""
        return dict(zip(self.options, self.labels, strict=True)).get(option, option)


@dataclass(frozen=True)
class Column:
    """One register column: its name in the table, its heading and how it is shown."""

    name: str
    label: str
    kind: str = "text"  # text, wide_text, pinned_text, date, datetime, number, euro, link
    link_text: str = ""


@dataclass(frozen=True)
class Fact:
    """One line of an activity's details: a label, plain text and an optional page link."""

    label: str
    text: str
    link: str = ""


@dataclass(frozen=True)
class ActivityDetail:
    """One activity as the detail section shows it (texts plain; ``escape`` makes them markdown)."""

    title: str
    municipality: str
    category: str
    kind: str
    status: str
    start: str
    end: str
    facts: tuple[Fact, ...]
    changed: str
    source: str
    lang: str

    def line(self, escape: Callable[[str], str] = str) -> str:
        """Municipality, category, type, status and dates on one line (markdown)."""
        return t(
            "act_detail_line",
            self.lang,
            gemeente=escape(self.municipality),
            categorie=self.category,
            type=self.kind,
            status=self.status,
            start=self.start,
            eind=self.end,
        )

    def facts_markdown(self, escape: Callable[[str], str] = str) -> str:
        """The facts as a markdown list ("- **Partners:** ..."), risk area and campaign as page links."""
        lines = []
        for fact in self.facts:
            text = escape(fact.text)
            lines.append(f"- **{fact.label}:** " + (f"[{text}]({fact.link})" if fact.link else text))
        return "\n".join(lines)

    def provenance(self, escape: Callable[[str], str] = str) -> str:
        """When the row was entered or changed and which import it came from (markdown)."""
        return t("act_provenance", self.lang, wanneer=self.changed, bron=escape(self.source))


@dataclass(frozen=True)
class ActivitiesModel:
    """Everything the Activiteiten page shows for one selection and set of filters."""

    title: str
    intro: str
    filters_title: str
    filters: ActivityFilters  # as applied: choices that do not exist in the selection are dropped
    choices: tuple[Choice, ...]  # the multiselects, in the page's order
    all_label: str
    only_period_label: str
    only_period_help: str
    metrics: tuple[Metric, ...]
    covid_sentence: str  # markdown with numbers only; empty when the selection shows nothing of Covid-19
    scope: str
    empty_message: str  # no activity matches: the page shows this and stops
    status_title: str
    status_chart: ChartSpec | None
    timeline_title: str
    timeline_chart: ChartSpec | None
    register_title: str
    register: pd.DataFrame  # register_table rows (activiteit_id kept for the detail choice)
    columns: tuple[Column, ...]
    register_note: str
    downloads: tuple[str, str]  # labels of the CSV and Excel buttons
    sheet_name: str
    file_stem: str  # the register's download name without extension ("activiteiten", "activities")
    detail_title: str
    detail_label: str
    detail_options: tuple[tuple[str, str], ...]  # (activiteit_id, "title · municipality"), plain text
    export: pd.DataFrame  # the register as downloaded: translated headings, formulas neutralised
    about: spreadsheets.About | None = None  # selection, period and demo flag of the downloads
    lang: str = "nl"

    def csv_bytes(self) -> bytes:
        """The register download as CSV for Dutch spreadsheets (``;``, decimal comma, UTF-8 BOM)."""
        return spreadsheets.table_csv_bytes(self.export, about=self.about)

    def xlsx_bytes(self) -> bytes:
        """The register download as an Excel workbook with typed cells and a "Toelichting" sheet."""
        return spreadsheets.table_xlsx_bytes(self.export, self.sheet_name, about=self.about)

    def detail(self, activiteit_id: str) -> ActivityDetail:
        """The details of one activity of the register (raises ``KeyError`` for an unknown id)."""
        rows = self.register[self.register["activiteit_id"] == activiteit_id]
        if rows.empty:
            raise KeyError(f"activity {activiteit_id!r} is not in the register as filtered")
        return _detail(rows.iloc[0], self.lang)


def _detail(row: pd.Series, lang: str) -> ActivityDetail:
    facts = []
    if row["doelgroepen"]:
        facts.append(Fact(t("act_col_targets", lang), row["doelgroepen"]))
    if row["partners"]:
        facts.append(Fact(t("act_col_partners", lang), row["partners"]))
    if pd.notna(row["bereik"]):
        facts.append(Fact(t("act_col_reach", lang), fmt_number(int(row["bereik"]), lang)))
    if pd.notna(row["budget_eur"]):
        facts.append(Fact(t("act_col_budget", lang), fmt_euro(row["budget_eur"], lang)))
    if row["kaart_link"]:
        facts.append(Fact(t("act_col_risk_area", lang), str(row["risicogebied"]), row["kaart_link"]))
    if row["campagne_link"]:
        facts.append(Fact(t("act_col_campaign", lang), str(row["campagne"]), row["campagne_link"]))
    # Issue 19: what the activity led to and whom to ask, from the knowledge register. The
    # evaluation address is shown as text: a link target typed by someone else is not followed.
    for column, key in (
        ("uitkomst", "know_col_outcome"),
        ("lessen", "know_col_lessons"),
        ("contact_rol", "know_col_contact"),
        ("evaluatie_url", "know_col_link"),
    ):
        if isinstance(row.get(column), str) and row[column]:
            facts.append(Fact(t(key, lang), row[column]))
    changed = row["gewijzigd_op"]
    return ActivityDetail(
        title=str(row["titel"]),
        municipality=str(row["gemeente"]),
        category=row["categorie"],
        kind=row["type"],
        status=row["status"],
        start=fmt_date(row["start"].date(), lang),
        end=fmt_date(row["eind"].date(), lang) if pd.notna(row["eind"]) else t("act_running", lang),
        facts=tuple(facts),
        changed=fmt_date(changed.date(), lang) if pd.notna(changed) else "–",
        source=str(row["bron"]),
        lang=lang,
    )


def _columns(lang: str) -> tuple[Column, ...]:
    return (
        Column("gemeente", t("municipality", lang), "pinned_text"),
        Column("categorie", t("act_col_category", lang)),
        Column("type", t("act_col_type", lang)),
        Column("titel", t("act_col_title", lang), "wide_text"),
        Column("status", t("act_col_status", lang)),
        Column("start", t("act_col_start", lang), "date"),
        Column("eind", t("act_col_end", lang), "date"),
        Column("doelgroepen", t("act_col_targets", lang)),
        Column("partners", t("act_col_partners", lang)),
        Column("bereik", t("act_col_reach", lang), "number"),
        Column("budget_eur", t("act_col_budget", lang), "euro"),
        Column("risicogebied", t("act_col_risk_area", lang)),
        Column("kaart_link", t("act_col_map_link", lang), "link", t("act_link_map", lang)),
        Column("campagne", t("act_col_campaign", lang)),
        Column("campagne_link", t("act_col_campaign_link", lang), "link", t("act_link_campaign", lang)),
        Column("gewijzigd_op", t("act_col_changed", lang), "datetime"),
        Column("bron", t("act_col_source", lang)),
    )


def covid_sentence(summary: dict[str, int], lang: str) -> str:
    """What the selection shows of Covid-19 (``register.covid_summary``), or "" when it shows nothing.

    A part is said only when its count is not zero: "werden 0 activiteiten uitgesteld" under a 2025
    period reads as if Covid-19 were still a factor. Cancellations are named only when some were
    due to start in 2020–2021; other cancellations are the key figure's, not Covid's.
    """
    values = {key: fmt_number(value, lang) for key, value in summary.items()}
    parts = []
    if summary["uitgesteld_covid"]:
        parts.append(t("act_covid_postponed", lang, **values))
    if summary["geannuleerd_covidjaren"]:
        parts.append(t("act_covid_cancelled", lang, **values))
    return " ".join(parts)


def build_activities(
    store: Store,
    *,
    codes: tuple[str, ...] | None,
    start: dt.date,
    end: dt.date,
    filters: ActivityFilters,
    label: str,
    lang: str,
) -> ActivitiesModel:
    """Build the Activiteiten model of a selection with the page's filter values."""
    names = store.municipalities().set_index("gemeentecode")["weergavenaam"]
    in_scope = register.filter_activities(store.activities(), codes=codes)
    types = tuple(v for v in schema.ACTIVITY_TYPES if v in set(in_scope["type"]))
    partners = tuple(register.partner_names(in_scope))
    # A choice made for another selection (a type this municipality never used) is dropped, not
    # applied: it would empty the register without the widget showing why.
    filters = replace(
        filters,
        types=tuple(v for v in filters.types if v in types),
        partners=tuple(v for v in filters.partners if v in partners),
    )
    choices = (
        _choice(
            CATEGORIES_KEY, "act_col_category", schema.ACTIVITY_CATEGORIES, "cat", filters.categories, lang
        ),
        _choice(TYPES_KEY, "act_col_type", types, "act_type", filters.types, lang),
        _choice(
            STATUSES_KEY, "act_col_status", schema.ACTIVITY_STATUSES, "act_status", filters.statuses, lang
        ),
        _choice(TARGETS_KEY, "act_col_targets", schema.TARGET_GROUPS, "target", filters.target_groups, lang),
        Choice(PARTNERS_KEY, t("act_col_partners", lang), partners, partners, filters.partners),
    )
    shown = register.filter_activities(
        in_scope,
        start=start if filters.only_period else None,
        end=end if filters.only_period else None,
        categories=filters.categories,
        types=filters.types,
        statuses=filters.statuses,
        target_groups=filters.target_groups,
        partners=filters.partners,
    )
    summary = register.covid_summary(shown)
    catalogue = indicator("activities")
    total = (
        Metric(catalogue.name(lang), fmt_number(summary["totaal"], lang), _definition(catalogue, lang))
        if filters.only_period
        else Metric(t("act_kpi_total", lang), fmt_number(summary["totaal"], lang))
    )
    figures = (
        total,
        Metric(t("act_kpi_done", lang), fmt_number(summary["uitgevoerd"], lang)),
        Metric(t("act_status_gepland", lang), fmt_number(summary["gepland"], lang)),
        Metric(t("act_status_uitgesteld_covid", lang), fmt_number(summary["uitgesteld_covid"], lang)),
        Metric(t("act_status_geannuleerd", lang), fmt_number(summary["geannuleerd"], lang)),
    )
    period = {"start": fmt_date(start, lang), "eind": fmt_date(end, lang)}
    table = register.register_table(
        shown,
        names=names,
        risk_areas=store.risk_areas(),
        campaigns=store.campaigns(),
        import_log=store.import_log(),
        lang=lang,
    )
    status_chart = timeline_chart = None
    if len(shown):
        status_chart = charts_activities.status_by_category_chart(
            register.status_by_category(shown), lang=lang
        ).localise(lang)
        timeline_chart = charts_activities.activity_timeline_chart(
            shown, names=names, until=end, lang=lang
        ).localise(lang)
    return ActivitiesModel(
        title=t("act_title", lang, selectie=label),
        intro=t("act_intro", lang),
        filters_title=t("act_filters", lang),
        filters=filters,
        choices=choices,
        all_label=t("act_filter_all", lang),
        only_period_label=t("act_only_period", lang),
        only_period_help=t("act_only_period_help", lang, **period),
        metrics=figures,
        covid_sentence=covid_sentence(summary, lang),
        scope=t("act_scope_period", lang, **period) if filters.only_period else t("act_scope_all", lang),
        empty_message="" if len(shown) else t("act_none", lang),
        status_title=t("act_status_title", lang),
        status_chart=status_chart,
        timeline_title=t("act_timeline_title", lang),
        timeline_chart=timeline_chart,
        register_title=t("act_register_title", lang),
        register=privacy.safe_export_frame(table),  # its built-in CSV download must not carry formulas
        columns=_columns(lang),
        register_note=t("act_register_note", lang, n=fmt_number(len(table), lang)),
        downloads=(t("act_download_csv", lang), t("act_download_xlsx", lang)),
        sheet_name=t("nav_activities", lang),
        file_stem=t("file_activities", lang),
        detail_title=t("act_detail_title", lang),
        detail_label=t("act_detail_pick", lang),
        detail_options=tuple(
            zip(table["activiteit_id"], table["titel"].astype(str) + " · " + table["gemeente"], strict=True)
        ),
        export=spreadsheets.mark_kind(
            privacy.safe_export_frame(register.export_frame(table, lang)), "euro", t("act_col_budget", lang)
        ),
        about=_about(label, start, end, filters.only_period, store.is_demo(), lang),
        lang=lang,
    )


def _about(label: str, start: dt.date, end: dt.date, only_period: bool, demo: bool, lang: str):
    """The download's Toelichting: the chosen period, or "all years" when the whole register is listed.

    Audit 2: with "only the period" off the file held every activity ever recorded, and its
    Toelichting still named the chosen period as the file's period.
    """
    about = spreadsheets.About.of(
        t("act_register_title", lang), selection=label, start=start, end=end, demo=demo, lang=lang
    )
    return about if only_period else replace(about, period=t("act_period_all", lang))


def _choice(key: str, label_key: str, options, prefix: str, selected, lang: str) -> Choice:
    options = tuple(options)
    return Choice(
        key, t(label_key, lang), options, tuple(t(f"{prefix}_{v}", lang) for v in options), tuple(selected)
    )


def _definition(catalogue, lang: str) -> str:
    return catalogue.definition_en if lang == "en" else catalogue.definition_nl
