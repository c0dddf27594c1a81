"""The publication layer: the key figures of a selection, computed once by the catalogue's definitions.

Every surface that shows a key figure (Overzicht, Vergelijken, Presenteren and its PPTX/PDF, the
council summary, downloads, ``python -m vsdash figures`` and the API) reads it from
:func:`key_figures`, which applies the definitions of ``vsdash.indicators`` and the one privacy
step (``vsdash.privacy``). Derived figures (rate, change) are computed from the *published*
counts, so a reader who multiplies a rate by its population gets the published count back, and
every surface agrees to the last digit. No streamlit here.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field

import numpy as np
import pandas as pd

from vsdash import metrics, privacy, schema, survey
from vsdash.i18n import fmt_date, fmt_euro, fmt_number, fmt_percent, t
from vsdash.store import ReportFilter, Store

DAYS_PER_YEAR = 365.25

# Why a figure is null, as codes with a Dutch and English sentence (i18n keys ``reason_<code>``).
REASON_SMALL = "small_count"
REASON_NO_CHANNEL = "no_channel"
REASON_NO_PREVIOUS = "no_data_before"
REASON_NO_POPULATION = "no_population"
REASON_ZERO_PREVIOUS = "previous_zero"
REASON_CHANNELS_CHANGED = "channels_changed"
# Audit 3: the counted period lies wholly before the first or after the last day with data, or
# runs past the last day so it counts fewer days than the preceding period.
REASON_NO_DATA = "no_data"
REASON_DATA_ENDS = "data_ends"
# Issue 19: no survey round at or before the period's end for any municipality of the selection.
REASON_NO_SURVEY = "no_survey"
#: The reporting ratio is shown per 1,000 people who experienced street harassment (issue 19).
RATIO_SCALE = 1000
# Two periods are compared only when their inhabitant-years with a reporting point differ by at
# most this share (population growth is about 1% a year; a new meldpunt changes far more).
COMPARABLE_EXPOSURE = 0.05


# --- periods ----------------------------------------------------------------------------------


def _is_month_end(day: dt.date) -> bool:
    return day.day == calendar.monthrange(day.year, day.month)[1]


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def preceding_period(start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    """The period of the same length directly before [start, end]; the two never overlap.

    Whole calendar months go back by as many months (a calendar year gives the previous calendar
    year, a quarter the previous quarter); any other period goes back by its number of days.
    """
    if start > end:
        raise ValueError(f"De periode begint ({start}) na het einde ({end}).")
    if start.day == 1 and _is_month_end(end):
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        return _add_months(start, -months), start - dt.timedelta(days=1)
    days = (end - start).days + 1
    prev_end = start - dt.timedelta(days=1)
    return prev_end - dt.timedelta(days=days - 1), prev_end


# --- scope and denominators -------------------------------------------------------------------


def members_in_period(
    memberships: pd.DataFrame, programma: str, start: dt.date, end: dt.date
) -> tuple[str, ...]:
    """CBS codes of the municipalities that took part in ``programma`` at some time in [start, end]."""
    rows = memberships[memberships["programma"] == programma]
    ends = rows["jaar_eind"].fillna(9999).astype(int)
    rows = rows[(rows["jaar_start"].astype(int) <= end.year) & (ends >= start.year)]
    return tuple(sorted(set(rows["gemeentecode"])))


def population_year(population: pd.DataFrame, end: dt.date) -> int:
    """The population year of a period: the last year up to ``end.year`` for which CBS has a figure.

    When every loaded year lies after the period, the earliest loaded year is used.
    """
    years = sorted(int(y) for y in population["jaar"].unique()) if not population.empty else []
    if not years:
        return end.year
    earlier = [y for y in years if y <= end.year]
    return earlier[-1] if earlier else years[0]


def exposure(
    channels: pd.DataFrame,
    population: pd.DataFrame,
    codes: Sequence[str],
    start: dt.date,
    end: dt.date,
) -> pd.DataFrame:
    """Inhabitant-years with a reporting point, per municipality: the denominator of every rate.

    Returns one row per code with ``dagen`` (days in [start, end] with a channel open),
    ``inwoners`` (on 1 January of the population year), ``jaar`` (that year) and ``persoonjaren``
    (inwoners × dagen / 365,25).
    """
    from vsdash.compare import open_days

    codes = list(dict.fromkeys(codes))
    year = population_year(population, end)
    days = open_days(channels, codes, start, end).groupby("gemeentecode").size()
    pop = population[population["jaar"] == year].set_index("gemeentecode")["inwoners"]
    out = pd.DataFrame({"gemeentecode": codes})
    out["dagen"] = [int(days.get(c, 0)) for c in codes]
    out["inwoners"] = [int(pop.get(c, 0)) for c in codes]
    out["jaar"] = year
    out["persoonjaren"] = out["inwoners"] * out["dagen"] / DAYS_PER_YEAR
    return out


def rate_per_10k_per_year(
    reports: int, person_years: float, level: float = 0.95
) -> tuple[float, float, float]:
    """Reports per 10,000 inhabitants per year with its exact (Garwood) interval; NaNs without exposure."""
    if not person_years:
        return float("nan"), float("nan"), float("nan")
    low, high = metrics.poisson_rate_interval(int(reports), person_years, level)
    return metrics.rate_per_10k(reports, person_years), low, high


def funding_in_period(
    memberships: pd.DataFrame,
    start: dt.date,
    end: dt.date,
    *,
    programma: str = "veilige_steden",
    codes: Sequence[str] | None = None,
    amount: str = "bijdrage_rijk_eur",
) -> pd.DataFrame:
    """State funding pro rata per month of membership in [start, end], per municipality.

    A membership year runs 1 January to 31 December; each month of it inside the period earns
    1/12 of the yearly contribution, a partly covered month in proportion to its days. Returns
    gemeentecode and bijdrage_eur (float); memberships without a known contribution earn 0.
    ``amount="cofinanciering_eur"`` gives the municipalities' own required contribution instead.
    """
    rows = memberships[memberships["programma"] == programma].dropna(subset=[amount])
    if codes is not None:
        rows = rows[rows["gemeentecode"].isin(list(codes))]
    months = pd.period_range(start, end, freq="M")
    covered = []
    for month in months:
        first = max(month.start_time.date(), start)
        last = min(month.end_time.date(), end)
        covered.append((month.year, ((last - first).days + 1) / month.days_in_month))
    amounts = []
    for row in rows.itertuples():
        last_year = int(row.jaar_eind) if pd.notna(row.jaar_eind) else 9999
        share = sum(f for year, f in covered if int(row.jaar_start) <= year <= last_year)
        amounts.append(float(getattr(row, amount)) / 12 * share)
    out = pd.DataFrame({"gemeentecode": list(rows["gemeentecode"]), "bijdrage_eur": amounts})
    return out.groupby("gemeentecode", as_index=False)["bijdrage_eur"].sum()


def funding_per_month(
    memberships: pd.DataFrame,
    start: dt.date,
    end: dt.date,
    *,
    programma: str = "veilige_steden",
    codes: Sequence[str] | None = None,
) -> pd.DataFrame:
    """State funding and co-financing of each month of [start, end] (``funding_in_period`` per month).

    Returns maand (first day), rijk_eur and cofinanciering_eur (floats); their sums over the
    months equal ``funding_in_period`` over the whole period.
    """
    rows = []
    for month in pd.period_range(start, end, freq="M"):
        first = max(month.start_time.date(), start)
        last = min(month.end_time.date(), end)
        state, own = (
            float(
                funding_in_period(memberships, first, last, programma=programma, codes=codes, amount=a)[
                    "bijdrage_eur"
                ].sum()
            )
            for a in ("bijdrage_rijk_eur", "cofinanciering_eur")
        )
        rows.append((month.start_time, state, own))
    return pd.DataFrame(rows, columns=["maand", "rijk_eur", "cofinanciering_eur"])


def participants_per_year(memberships: pd.DataFrame, first: int, last: int) -> pd.DataFrame:
    """Municipalities taking part in each programme in each year from ``first`` to ``last``.

    A municipality counts in every year from its first to its last year of membership (the
    catalogue's ``participants``). Returns programma, programma_naam, jaar, deelnemers.
    """
    rows = []
    names = memberships.drop_duplicates("programma").set_index("programma")["programma_naam"]
    for programma, group in memberships.groupby("programma", sort=True):
        ends = group["jaar_eind"].fillna(9999).astype(int)
        starts = group["jaar_start"].astype(int)
        for year in range(first, last + 1):
            rows.append(
                (
                    programma,
                    names.get(programma, programma),
                    year,
                    int(((starts <= year) & (ends >= year)).sum()),
                )
            )
    return pd.DataFrame(rows, columns=["programma", "programma_naam", "jaar", "deelnemers"])


def activity_budget_by_category(
    activities: pd.DataFrame, codes: Sequence[str] | None, start: dt.date, end: dt.date
) -> pd.DataFrame:
    """Activities that began in [start, end] per category, with their budgets summed.

    The catalogue's ``activity_budget_eur``: an activity's whole budget counts in the period it
    began in (budgets are not spread over time in the register). Returns categorie, n, budget_eur
    for every category, zeros included. Activities are about what municipalities did, not about
    people: no small-count protection.
    """
    acts = activities if codes is None else activities[activities["gemeentecode"].isin(list(codes))]
    began = pd.to_datetime(acts["start"])
    acts = acts[(began >= pd.Timestamp(start)) & (began <= pd.Timestamp(end))]
    grouped = acts.groupby("categorie").agg(n=("activiteit_id", "size"), budget_eur=("budget_eur", "sum"))
    out = grouped.reindex(list(schema.ACTIVITY_CATEGORIES)).fillna(0).reset_index()
    return out.astype({"n": "int64", "budget_eur": "float"})


def intervention_spread(
    activities: pd.DataFrame, codes, until: dt.date, names: pd.Series, lang: str = "nl"
) -> pd.DataFrame:
    """Per kind of activity: in how many municipalities it ran, where first, and the order of spread.

    The catalogue's ``intervention_spread``: activities of ``codes`` (None: all) begun by
    ``until``; returns type, soort (label), gemeenten (count), eerste ("name (year)") and
    verspreiding ("A 2019 → B 2020 → ..."), most widespread first.
    """
    acts = activities if codes is None else activities[activities["gemeentecode"].isin(list(codes))]
    acts = acts[pd.to_datetime(acts["start"]) <= pd.Timestamp(until)]
    first = (
        acts.assign(jaar=pd.to_datetime(acts["start"]).dt.year)
        .groupby(["type", "gemeentecode"], as_index=False)["jaar"]
        .min()
        .sort_values(["type", "jaar", "gemeentecode"])
    )
    rows = []
    for kind, group in first.groupby("type", sort=False):
        steps = [f"{names.get(c, c)} {y}" for c, y in zip(group["gemeentecode"], group["jaar"], strict=True)]
        rows.append(
            {
                "type": kind,
                "soort": t(f"act_type_{kind}", lang),
                "gemeenten": len(group),
                "eerste": steps[0],
                "verspreiding": " → ".join(steps),
            }
        )
    out = pd.DataFrame(rows, columns=["type", "soort", "gemeenten", "eerste", "verspreiding"])
    return out.sort_values(["gemeenten", "soort"], ascending=[False, True]).reset_index(drop=True)


# --- the trend as published -------------------------------------------------------------------


@dataclass(frozen=True)
class CountedPeriod:
    """The whole weeks or months over which a selection's reports are counted and published.

    Published counts only change by whole ISO weeks, or whole months where counts are small
    (``privacy.snap_period``, ADR 0006): moving an end date by a day changes nothing, so no single
    day is ever the difference of two published totals. ``published`` is the sum of the published
    parts (``privacy.period_total``), so a total and its trend add up.
    """

    start: dt.date
    end: dt.date
    unit: str  # "week" or "month"
    parts: pd.DataFrame  # periode, n, ckey per unit (exact; never shown)
    published: int


def counted_period(store: Store, codes, start: dt.date, end: dt.date) -> CountedPeriod:
    """Snap [start, end] to whole weeks (months where counts are small) and publish its total.

    A period of whole calendar months (every preset, a calendar year) is counted in its months:
    published counts then change only by whole months, which the threat model allows as well.
    """
    if start.day == 1 and _is_month_end(end):
        parts = store.count_reports(ReportFilter(codes, start, end), "month")
        return CountedPeriod(start, end, "month", parts, privacy.period_total(parts))
    weeks = privacy.snap_period(start, end)
    parts = store.count_reports(ReportFilter(codes, weeks.start, weeks.end), "week")
    snapped = privacy.snap_period(start, end, privacy.period_total(parts))
    if snapped.unit == "month":
        parts = store.count_reports(ReportFilter(codes, snapped.start, snapped.end), "month")
    return CountedPeriod(snapped.start, snapped.end, snapped.unit, parts, privacy.period_total(parts))


def counted_periods(
    store: Store, codes: Sequence[str], start: dt.date, end: dt.date
) -> dict[str, CountedPeriod]:
    """``counted_period`` of each municipality on its own, in one query per period and unit.

    Each code's period, unit, parts and published total are exactly those of
    ``counted_period(store, (code,), start, end)``: the counts are grouped by municipality, so
    each code's parts are its own cells with their own keys.
    """
    codes = list(dict.fromkeys(codes))
    if start.day == 1 and _is_month_end(end):
        parts = _parts_per_code(store, {c: (start, end, "month") for c in codes})
        return {
            c: CountedPeriod(start, end, "month", parts[c], privacy.period_total(parts[c])) for c in codes
        }
    weeks = privacy.snap_period(start, end)
    weekly = _parts_per_code(store, {c: (weeks.start, weeks.end, "week") for c in codes})
    snapped = {c: privacy.snap_period(start, end, privacy.period_total(weekly[c])) for c in codes}
    monthly = _parts_per_code(
        store, {c: (snapped[c].start, snapped[c].end, "month") for c in codes if snapped[c].unit == "month"}
    )
    out = {}
    for code in codes:
        parts = monthly.get(code, weekly[code])
        out[code] = CountedPeriod(
            snapped[code].start, snapped[code].end, snapped[code].unit, parts, privacy.period_total(parts)
        )
    return out


def _parts_per_code(
    store: Store, periods: dict[str, tuple[dt.date, dt.date, str]]
) -> dict[str, pd.DataFrame]:
    """Each code's ``count_reports`` over its (start, end, unit), one query per distinct period.

    A code's frame has the columns and types of ``store.count_reports`` for that code alone
    (periode, n, ckey; no rows where it has no reports).
    """
    groups: dict[tuple[dt.date, dt.date, str], list[str]] = {}
    for code, period in periods.items():
        groups.setdefault(period, []).append(code)
    out: dict[str, pd.DataFrame] = {}
    for (first, last, unit), members in groups.items():
        found = store.count_reports(ReportFilter(tuple(members), first, last), unit, by=("gemeentecode",))
        split = dict(tuple(found.groupby("gemeentecode", sort=False)))
        empty = found.iloc[0:0].drop(columns="gemeentecode")
        for code in members:
            part = split.get(code)
            out[code] = (
                empty.copy() if part is None else part.drop(columns="gemeentecode").reset_index(drop=True)
            )
    return out


def _key_period(counted: CountedPeriod, data_start: dt.date, data_end: dt.date) -> tuple[dt.date, dt.date]:
    """The days of a counted period whose inhabitant-years count: those with data.

    Days before the first or after the last day of the data had no reports to count, whatever
    reporting point was open (audit 3: Rotterdam's July 2018 - June 2019 read 2,9 per 10,000,
    half its 5,8, because the half year before the data counted as days with a reporting point).
    A period wholly outside the data gives an empty range (start after end): no exposure.
    """
    return max(counted.start, data_start), min(counted.end, data_end)


def _exposures(
    channels: pd.DataFrame, population: pd.DataFrame, periods: dict[str, tuple[dt.date, dt.date]]
) -> dict[str, pd.Series]:
    """Each code's ``exposure`` row over its own period, computed once per distinct period."""
    groups: dict[tuple[dt.date, dt.date], list[str]] = {}
    for code, period in periods.items():
        groups.setdefault(period, []).append(code)
    out: dict[str, pd.Series] = {}
    for (first, last), members in groups.items():
        rows = exposure(channels, population, members, first, last)
        for i, code in enumerate(members):
            out[code] = rows.iloc[i]
    return out


def published_trend(
    store: Store, codes, counted: CountedPeriod, grain: str, *, lang: str = "nl"
) -> tuple[pd.DataFrame, int | None]:
    """The trend's cells over the counted period as published, and what they leave out.

    At the counted period's own unit the cells are exactly its parts, so they add up to the
    published total. At another grain the chart shows whole periods only (a half week would look
    like a drop). Returns ``(cells, hidden)``: cells with periode, n (float) and label; ``hidden``
    is the published total minus the cells (``not_shown_separately``).
    """
    if grain == counted.unit:
        series = counted.parts
    else:
        series = store.count_reports(ReportFilter(codes, counted.start, counted.end), grain)
    whole = metrics.fill_periods(series, counted.start, counted.end, grain)
    cells = privacy.suppress_small_counts(whole, "n", total_shown=True, lang=lang)
    hidden = not_shown_separately(counted.published, float(cells["n"].dropna().sum()))
    return cells.astype({"n": "float"}), hidden


#: Last year's weeks are the 52 weeks before (364 days): the same weekdays, so every week of the
#: trend has its own week of last year (audit 3: shifted by a calendar year they started on
#: Wednesdays, and the last week of a trend read "–" beside a week of data).
WEEKS_PER_YEAR_DAYS = 364


def year_back(day: dt.date, grain: str) -> dt.date:
    """The day a year before ``day`` on a trend of ``grain``: 52 weeks back for weeks, else the calendar day."""
    return day - dt.timedelta(days=WEEKS_PER_YEAR_DAYS) if grain == "week" else metrics.shift_year(day)


def last_year_line(
    previous: pd.DataFrame,
    start: dt.date,
    end: dt.date,
    grain: str,
    data_start: dt.date | None,
    *,
    lang: str = "nl",
) -> pd.DataFrame:
    """The same periods a year earlier, drawn on this period's axis as a seasonal reference.

    Periods that lie before the data start are left empty (NaN), never drawn as zero. Each
    period's count is a cell of its own without a published total beside it (primary protection).
    """
    before = metrics.fill_periods(previous, year_back(start, grain), year_back(end, grain), grain)
    known = (
        before["periode"] >= pd.Timestamp(data_start) if data_start is not None else before["periode"].isna()
    )
    shown = privacy.suppress_small_counts(before, "n", total_shown=False, lang=lang).astype({"n": "float"})
    shown.loc[~known.to_numpy(), "n"] = np.nan
    shown.loc[~known.to_numpy(), "label"] = "–"
    shown["periode"] = shown["periode"] + (
        pd.Timedelta(days=WEEKS_PER_YEAR_DAYS) if grain == "week" else pd.DateOffset(years=1)
    )
    return shown


def yearly_rates_per_period(
    cells: pd.DataFrame,
    channels: pd.DataFrame,
    population: pd.DataFrame,
    codes: Sequence[str],
    start: dt.date,
    end: dt.date,
    grain: str,
) -> pd.DataFrame:
    """Reports per 10,000 inhabitants per year for each period of a published trend.

    The same definition as the key figure (``rate_per_10k_per_year``), applied per period: the
    period's published count over its inhabitant-years with a reporting point, so the line sits on
    the same scale as the figure above it. ``cells`` holds periode, n (NaN when hidden) and label;
    returns them with inwoners, jaar and rate (NaN where the count is hidden or nothing was open).
    """
    from vsdash.compare import open_days

    year = population_year(population, end)
    pop = population[population["jaar"] == year].set_index("gemeentecode")["inwoners"]
    days = open_days(channels, list(codes), start, end)
    freq = {"day": "D", "week": "W-SUN", "month": "M"}[grain]
    days["periode"] = days["dag"].dt.to_period(freq).dt.start_time
    days["py"] = days["gemeentecode"].map(pop).fillna(0) / DAYS_PER_YEAR
    person_years = days.groupby("periode")["py"].sum()
    out = cells.copy()
    exposure_of = out["periode"].map(person_years).fillna(0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        out["rate"] = (10_000 * out["n"] / exposure_of).where(exposure_of > 0)
    out["inwoners"] = int(pop.reindex(list(codes)).fillna(0).sum())
    out["jaar"] = year
    return out


@dataclass(frozen=True)
class Trend:
    """The published trend of a selection: its grain, cells, last year's line and what is hidden."""

    grain: str
    cells: pd.DataFrame  # periode, n (float, NaN hidden), label
    previous: pd.DataFrame  # same, a year earlier on this axis; NaN before the data start
    hidden: int | None
    counted: CountedPeriod


def readable_grain_of(counted: CountedPeriod) -> str:
    """The grain a trend of ``counted`` reads best at, judged on its published parts only.

    ``metrics.readable_grain`` of the published weeks (months stay months): a choice made on
    exact counts would itself say something about them, e.g. whether a week held 10 reports.
    """
    if counted.unit == "month":
        return "month"
    grain = metrics.readable_grain(privacy.perturb_counts(counted.parts, "n"), privacy.resolve_k())
    if grain == "month" and not _has_whole_month(counted.start, counted.end):
        # Audit 3: weeks without a whole month in them drew an empty monthly chart on Overzicht
        # ("19 van de 19 meldingen staan niet apart") and a trend slide saying "Er zijn geen
        # meldingen" beside a key figure of 19. The weeks are the published parts of the total.
        return "week"
    return grain


def _has_whole_month(start: dt.date, end: dt.date) -> bool:
    """Whether [start, end] holds at least one whole calendar month."""
    first = start if start.day == 1 else _add_months(start.replace(day=1), 1)
    return _add_months(first, 1) - dt.timedelta(days=1) <= end


def published_trend_of(
    store: Store, codes, start: dt.date, end: dt.date, *, lang: str = "nl", grain: str | None = None
) -> Trend:
    """Read and publish the trend of [start, end] for ``codes`` at ``grain`` (default: readable)."""
    counted = counted_period(store, codes, start, end)
    if grain is None:
        grain = readable_grain_of(counted)
    cells, hidden = published_trend(store, codes, counted, grain, lang=lang)
    prev_flt = ReportFilter(codes, year_back(counted.start, grain), year_back(counted.end, grain))
    span = store.report_date_range()
    previous = last_year_line(
        store.count_reports(prev_flt, grain),
        counted.start,
        counted.end,
        grain,
        span[0] if span else None,
        lang=lang,
    )
    return Trend(grain, cells, previous, hidden, counted)


#: Columns of the import log that count rows of the imported file.
IMPORT_LOG_COUNTS = ("aanvaard", "geweigerd", "geschreven", "dubbel")


def public_import_log(log: pd.DataFrame, *, admin: bool, lang: str = "nl") -> pd.DataFrame:
    """The import log as Gegevens shows it: headings in ``lang``, and no report counts for the public.

    The size of an import of reports is an exact count of reports that no privacy step touched (a
    quiet week's import holds 1 to 4), so for readers who are not signed in its row counts are
    left empty, as Overzicht's "what is new" and /healthz name none (audit 2). Counts of other
    kinds (activities, campaigns, population ...) are not about reporters and stay. Who imported
    is personal data and is shown to administrators only. Returns one row per import, newest
    first, with readable column headings; ``attrs["withheld"]`` is True when counts were left out.
    """
    rows = log.sort_values("tijdstip", ascending=False).reset_index(drop=True)
    reports = (rows["soort"] == "reports").to_numpy()
    withheld = bool(reports.any()) and not admin
    kinds = {kind: t(f"data_kind_{str(kind).replace('-', '_')}", lang) for kind in rows["soort"].unique()}
    yes, no = t("yes", lang), t("no", lang)
    out = pd.DataFrame({t("data_log_col_time", lang): rows["tijdstip"]})
    if admin:
        out[t("data_log_col_user", lang)] = rows["gebruiker"]
    out[t("data_log_col_file", lang)] = rows["bestand"]
    out[t("data_log_col_kind", lang)] = rows["soort"].map(kinds)
    for column in IMPORT_LOG_COUNTS:
        values = pd.array(rows[column], dtype="Int64")
        if withheld:
            values[reports] = pd.NA
        out[t(f"data_log_col_{column}", lang)] = values
    out[t("data_log_col_undone", lang)] = [yes if bool(v) else no for v in rows["ongedaan"].fillna(False)]
    out.attrs["withheld"] = withheld
    return out


def not_shown_separately(published_total: int | None, visible: float, lang: str = "nl") -> int | None:
    """Reports of a breakdown not shown separately: the published total minus the visible cells.

    Derived only from published numbers (the total as published and the cells a reader sees), so
    it reveals nothing a reader could not work out; None when there is no published total. Trends,
    maps and any other breakdown of a total say it the same way. It can be slightly negative:
    every cell is perturbed on its own (ADR 0006).
    """
    return None if published_total is None else int(published_total - visible)


# --- fine breakdowns of the trend (Meldingen) -----------------------------------------------------


def month_blocks(first: dt.date, last: dt.date) -> list[tuple[dt.date, dt.date]]:
    """The fixed blocks of whole months that tile the months from ``first`` to ``last``.

    Blocks are dyadic and aligned (1, 2, 4, 8 … months, each starting at a month whose index since
    year 0 is a multiple of its length), the largest that fit, so any run of N months is made of
    at most about 2·log₂(N) blocks and two runs that share months share most of their blocks. A
    breakdown summed from published blocks meets the same published values however its period is
    chosen: averaging many overlapping periods gives nothing new (ADR 0006, item 5), and the
    small-cell bias of a sum of parts stays that of a few blocks, not of every month.
    """
    lo = first.year * 12 + first.month - 1
    hi = last.year * 12 + last.month - 1
    blocks = []
    while lo <= hi:
        size = 1
        while lo % (size * 2) == 0 and lo + size * 2 - 1 <= hi:
            size *= 2
        year, month = divmod(lo, 12)
        end_year, end_month = divmod(lo + size - 1, 12)
        end_day = calendar.monthrange(end_year, end_month + 1)[1]
        blocks.append((dt.date(year, month + 1, 1), dt.date(end_year, end_month + 1, end_day)))
        lo += size
    return blocks


@dataclass(frozen=True)
class PublishedHours:
    """Reports per weekday and hour as Meldingen may draw them, and whether it may draw them."""

    cells: pd.DataFrame  # weekdag (1 = Monday), uur, n (published), label
    first: dt.date  # the whole months counted (the store keeps weekday x hour per month)
    last: dt.date
    total: int  # sum of the published cells
    allowed: bool  # False: fewer than k reports per cell on average, so nothing is drawn


def published_hours(store: Store, codes, start: dt.date, end: dt.date, *, lang: str = "nl") -> PublishedHours:
    """The weekday × hour heat map of the months [start, end] touches, protected once.

    Each cell is the sum of its published values in the period's fixed month blocks
    (:func:`month_blocks`), never a cell of its own over the chosen period: as one cell, every
    choice of start and end gave fresh noise, and averaging the heat maps of [m, E] minus
    [m + 1, E] over many E gave month m's exact weekday-hour counts back (attack 11 in
    ``tests/unit/test_disclosure_attacks_recent.py``). The map is drawn only with at least k
    reports per cell on average (``privacy.fine_breakdown_allowed``, 168 cells): a cell drawn
    above 0 always holds a report, so a heat map of a handful of reports tells each one's weekday
    and hour (attack 12).
    """
    first = start.replace(day=1)
    last = (end.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    grid = pd.MultiIndex.from_product([range(1, 8), range(24)], names=["weekdag", "uur"])
    summed = pd.Series(0, index=grid, dtype="int64")
    for block_start, block_end in month_blocks(first, last):
        cells = store.count_by_hour(ReportFilter(codes, block_start, block_end))
        if cells.empty:
            continue
        shown = privacy.perturb_counts(cells, "n", lang=lang)
        values = shown.set_index(["weekdag", "uur"])["n"].astype("int64")
        summed = summed.add(values.reindex(grid, fill_value=0), fill_value=0)
    out = summed.rename("n").reset_index()
    out["label"] = [fmt_number(int(v), lang) for v in out["n"]]
    total = int(out["n"].sum())
    allowed = privacy.fine_breakdown_allowed(total, privacy.BREAKDOWN_CELLS["weekday_hour"])
    return PublishedHours(out, first, last, total, allowed)


#: The kinds of reporting channel Meldingen splits reports into (``metrics.counts_by_channel_kind``).
CHANNEL_KINDS = ("meldpunt_web", "app", "overig")


@dataclass(frozen=True)
class PublishedParts:
    """The trend's periods split by kind of report or channel, as Meldingen may draw them."""

    cells: pd.DataFrame  # periode, the split's column (categorie or soort), n (published), label
    grain: str  # the grain drawn: the one asked for, or month where that would be too fine
    allowed: bool  # False: too few reports per cell even per month, so nothing is drawn


def published_parts(
    store: Store,
    codes,
    counted: CountedPeriod,
    grain: str,
    split: str,
    channels: pd.DataFrame,
    *,
    lang: str = "nl",
) -> PublishedParts:
    """The counted period's reports per period and category (``split="categorie"``) or channel kind.

    Over the counted period (whole weeks or months, as the trend above it), never the chosen days:
    a part of a half week changed with every end date, so two end dates a day apart gave that
    day's reports per category. Every cell is perturbed from its key (channels of one kind
    together keep their summed key). A split is a fine breakdown (ADR 0006, item 7): drawn at
    ``grain`` only with at least k reports per cell on average, else per month, else not at all,
    because a cell drawn above 0 always holds a report and would tell its category or channel.
    """
    flt = ReportFilter(codes, counted.start, counted.end)

    def counts(at_grain: str) -> pd.DataFrame:
        if split == "categorie":
            return store.count_reports(flt, at_grain, ("categorie",))
        return metrics.counts_by_channel_kind(store.count_reports(flt, at_grain, ("kanaal_id",)), channels)

    groups = len(schema.REPORT_CATEGORIES) if split == "categorie" else len(CHANNEL_KINDS)
    no_counts = pd.DataFrame({"periode": pd.to_datetime(pd.Series([], dtype="object")), "n": []})
    for at_grain in dict.fromkeys((grain, "month")):
        periods = len(
            metrics.fill_periods(no_counts, counted.start, counted.end, at_grain, complete_only=False)
        )
        if privacy.fine_breakdown_allowed(counted.published, max(periods, 1) * groups):
            cells = privacy.suppress_small_counts(counts(at_grain), "n", group_cols=["periode"], lang=lang)
            return PublishedParts(cells, at_grain, True)
    column = "categorie" if split == "categorie" else "soort"
    empty = pd.DataFrame({"periode": pd.Series(dtype="datetime64[ns]"), column: [], "n": [], "label": []})
    return PublishedParts(empty, "month", False)


def published_municipality_totals(store: Store, codes, start: dt.date, end: dt.date) -> pd.DataFrame:
    """Each municipality's published count of [start, end], as its key figure publishes it.

    The national map's numbers: ``member_figures`` of the selection (``codes``, or every
    municipality with a reporting point), so a municipality has one number on the map, on
    Overzicht, Vergelijken, the API and the export. Summed on the map from the months the chosen
    days touched, it was a second, differently perturbed value of the same cell, and its half
    months changed with every start and end date. Returns gemeentecode and n (published, never
    1..k-1; municipalities without reports are left out, as the map lists only those with reports).
    """
    scope = list(codes) if codes is not None else sorted(set(store.channels()["gemeentecode"]))
    members = member_figures(store, scope, start, end)
    out = members.loc[members["n"] > 0, ["gemeentecode", "n"]].astype({"n": "int64"})
    return out.reset_index(drop=True)


# --- hexagons ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PublishedHexagons:
    """A selection's reports per H3 hexagon as the Kaart and the deck's map may show them."""

    cells: pd.DataFrame  # ``maps.hex_cells``: h3, gemeentecode, count, label, suppression, klasse
    first: dt.date  # the whole ISO weeks counted (hexagons are stored per week)
    last: dt.date
    total: int  # the published count of those weeks (sum of published weeks, as the trend)
    allowed: bool  # False: too few reports per hexagon even when coarse, so none is drawn
    resolution: int  # H3 resolution of ``cells``: 8, or 7 where 8 would hold too few reports


def published_hexagons(
    store: Store, codes, start: dt.date, end: dt.date, *, lang: str = "nl"
) -> PublishedHexagons:
    """Reports per hexagon of [start, end], protected once for the Kaart and the deck's map.

    A hexagon's count is the sum of its published blocks of weeks (``Store.hex_block_counts``:
    fixed blocks of 1, 2, 4 ... weeks, each hexagon-block a cell perturbed from its own key), so
    the same block shows the same value in every period and averaging overlapping periods gives
    nothing new (ADR 0006); a hexagon published as 0 is left out like an empty one. The period is
    its whole weeks: those whose Monday falls in it (``metrics.whole_weeks``; the Kaart says so).
    A breakdown is drawn only where hexagons hold at least k reports on average (``privacy.fine_breakdown_allowed``, judged on the published total
    and the hexagons with reports), so a map of a handful of reports does not say where each one
    was, however each cell is perturbed (ADR 0006, item 7). Where resolution 8 (about 0.7 km²) is
    too fine, the resolution-7 parents (about 5 km²) are tried before the map is withheld.
    """
    from vsdash import maps

    first, last = metrics.whole_weeks(start, end)
    counts = store.hex_block_counts(ReportFilter(codes, start, end))
    total = privacy.period_total(store.count_reports(ReportFilter(codes, first, last), "week"))
    counts = counts[counts["n"] > 0]
    for resolution in (maps.H3_RESOLUTION, maps.H3_RESOLUTION - 1):
        if resolution != maps.H3_RESOLUTION and len(counts):
            # Parents carry their children's summed counts and keys per block of weeks: each
            # parent-block is a cell of its own, and a parent shows the sum of its blocks.
            counts = privacy.coarsen_cells(
                counts,
                "h3_r8",
                resolution,
                by=["gemeentecode", privacy.BLOCK_COL],
                sum_cols=["n", privacy.KEY_COL],
            )
        occupied = int(counts["h3_r8"].nunique())
        if occupied and privacy.fine_breakdown_allowed(total, occupied):
            return PublishedHexagons(maps.hex_cells(counts, lang=lang), first, last, total, True, resolution)
    return PublishedHexagons(
        maps.hex_cells(counts.iloc[0:0], lang=lang), first, last, total, False, resolution
    )


# --- campaign effects ------------------------------------------------------------------------


@dataclass(frozen=True)
class PublishedEffect:
    """What an effect card may show of an estimate's window: its count and its weeks, protected."""

    observed_label: str  # the window's count as published ("<5" when hidden without keys)
    hidden: bool  # no reports to show in the window: no numbers, only the reason
    weekly: pd.DataFrame  # the estimate's weeks with ``observed`` published (NaN hidden) and a label

    @property
    def window_weeks_sum(self) -> int | None:
        """What a reader adding up the campaign weeks in the chart gets (None without such weeks).

        Each week is published from its own key and the window's count from its blocks of weeks,
        so the two may differ by a few reports; the card says so when they do.
        """
        if "period" not in self.weekly.columns:
            return None
        window = self.weekly.loc[self.weekly["period"] == "window", "observed"]
        return int(window.sum(skipna=True)) if len(window) else None


def published_window_count(series: pd.DataFrame, start: dt.date, end: dt.date) -> int:
    """The published report count of a campaign window: the sum of its published blocks of weeks.

    ``series`` is a weekly series with ``week`` (Mondays), ``reports`` and ``ckey``
    (``campaign_effects.weekly_report_series`` of keyed counts); the window is every week from the
    Monday of ``start`` to the Monday of ``end``, as the estimator counts it. The weeks are tiled by
    fixed blocks of 1, 2, 4 ... weeks (``privacy.week_blocks``), each published once from its
    count and combined key (ADR 0006). Windows that differ by a week (an editor registering many
    campaigns, or a placebo window beside the campaign's) then meet the same published blocks, so
    averaging their cards gives nothing the blocks do not already show; a one-week block is the
    week as Overzicht's weekly trend publishes it. A window has about 2·log2(weeks) blocks, so the
    bias of small parts (each block of 1–4 reports publishes 2 on average) stays far below that of
    a sum of weeks. The placebo windows are published the same way.
    """
    first = pd.Timestamp(start) - pd.Timedelta(days=pd.Timestamp(start).dayofweek)
    last = pd.Timestamp(end) - pd.Timedelta(days=pd.Timestamp(end).dayofweek)
    return privacy.published_in_blocks(series, first.date(), last.date(), "week", "reports")


def published_effect(estimate, lang: str = "nl") -> PublishedEffect:
    """Protect an effect estimate's window count and weekly counts, once for the card and the deck.

    The estimate's fit uses exact data; what it publishes of the observed reports goes through
    ``vsdash.privacy`` here. From the store (``campaign_effects.estimate_one``, keyed weeks) the
    estimate's ``observed`` is already the window's published count (``published_window_count``)
    and each week is perturbed from its own key, so a week has the same value on the card as in
    Overzicht's weekly trend. Without keys (frames built by hand) the older suppression applies.
    """
    k = privacy.resolve_k()
    weekly = estimate.weekly.rename(columns={"observed": "n"})
    if privacy.KEY_COL in weekly.columns:
        weekly = privacy.perturb_counts(weekly, "n", lang=lang)
        observed = int(estimate.observed)
        label, hidden = fmt_number(observed, lang), observed < k
    else:
        weekly = privacy.suppress_small_counts(weekly, "n", total_shown=True, lang=lang)
        window = privacy.suppress_small_counts(
            pd.DataFrame({"n": [int(estimate.observed)]}), "n", total_shown=False, lang=lang
        )
        label, hidden = str(window["label"].iloc[0]), bool(window["n"].isna().iloc[0])
    weekly = weekly.rename(columns={"n": "observed"}).astype({"observed": "float"})
    return PublishedEffect(label, hidden, _published_model_line(weekly))


def _published_model_line(weekly: pd.DataFrame) -> pd.DataFrame:
    """The model's expected line over the campaign's weeks only (one decimal), its band in whole reports.

    The model is fitted on exact weeks (ADR 0006, item 9). Its fitted values are exp(design ·
    beta) with a design made of public facts, so from enough of them at full precision an attacker
    solves beta, and a Poisson fit with an intercept returns its data's total exactly: the sum of
    the fitted values over the weeks it learnt from is their exact number of reports, which no
    surface publishes ("Fifth pass"). The 26 weeks before the campaign gave that back for a
    seventh of the Poisson fits; at one decimal too. Over the campaign's few weeks at one decimal
    (the table's precision) beta is no longer pinned. Before the window the band (whole reports,
    as the table shows it) still says what the model expected.
    """
    out = weekly.copy()
    if "expected" in out.columns:
        expected = out["expected"].astype("float").round(1)
        out["expected"] = expected.where(out["period"] == "window") if "period" in out.columns else expected
    for column in ("low", "high"):
        if column in out.columns:
            out[column] = out[column].astype("float").round(0)
    return out


def published_effects(effects: pd.DataFrame, lang: str = "nl") -> pd.DataFrame:
    """The forest plot's rows whose window count may be shown.

    From the store ``observed`` is already each window's published count (``estimate_one``), so a
    window is left out when that is below k (it is then 0: the window had no reports or too few to
    show); a frame without published counts gets the same rule on its exact counts.
    """
    k = privacy.resolve_k()
    shown = effects[effects["observed"] >= k].copy()
    shown["observed"] = shown["observed"].astype("int64")
    return shown


def small_count_threshold() -> int:
    """The k of the privacy rule, for sentences that name it ("fewer than 5")."""
    return privacy.resolve_k()


# --- key figures ------------------------------------------------------------------------------


@dataclass(frozen=True)
class SurveyFigures:
    """Survey shares of a selection and its reporting ratio (issue 19; ``vsdash.survey``).

    Shares are percentages pooled over the municipalities with a survey round at or before the
    period's end, weighted by their base; margins are 95% half-widths in percentage points. The
    ratio is the published count over people who experienced street harassment, over the
    municipalities that had both a survey round and a reporting point (``ratio_codes``).
    """

    years: tuple[int, ...]  # survey rounds used (one per municipality with a round)
    codes: tuple[str, ...]  # municipalities with a survey round
    scope: int  # municipalities in the selection
    prevalence: float
    margin: float
    base: int
    base_text: str
    unsafe_neighbourhood: float | None
    unsafe_neighbourhood_margin: float | None
    unsafe_night: float | None
    unsafe_night_margin: float | None
    ratio: float | None
    ratio_low: float | None
    ratio_high: float | None  # None when the survey interval reaches zero (no upper bound)
    ratio_codes: tuple[str, ...]
    ratio_reports: int | None  # published reports the ratio is made of


def survey_figures(
    survey_rows: pd.DataFrame, members: pd.DataFrame, scope: Sequence[str], end: dt.date
) -> SurveyFigures | None:
    """The survey figures of a selection from its ``member_figures`` rows; None without a round."""
    rounds = survey.rounds_used(survey_rows, list(scope), end)
    if rounds.empty:
        return None
    shares = {name: survey.pooled_share(rounds, name) for name in survey.SHARES}
    harassment = shares["straatintimidatie"]
    covered = members[members["meldpunt"] & members["ervaren"].notna() & (members["ervaren"] > 0)]
    ratio = low = high = None
    reports = None
    if len(covered):
        reports = int(covered["n"].sum())
        se = float(np.sqrt((covered["ervaren_se"] ** 2).sum()))
        ratio, low, high = survey.reporting_ratio(reports, float(covered["ervaren"].sum()), se)
    texts = sorted(set(rounds["basis_omschrijving"].astype(str)))

    def share(name: str, margin: bool = False) -> float | None:
        found = shares[name]
        return None if found is None else (found.margin if margin else found.percent)

    return SurveyFigures(
        years=tuple(sorted(set(int(y) for y in rounds["jaar"]))),
        codes=tuple(sorted(rounds["gemeentecode"])),
        scope=len(list(scope)),
        prevalence=harassment.percent,
        margin=harassment.margin,
        base=harassment.base,
        base_text=texts[0] if len(texts) == 1 else "; ".join(texts),
        unsafe_neighbourhood=share("onveilig_buurt"),
        unsafe_neighbourhood_margin=share("onveilig_buurt", True),
        unsafe_night=share("onveilig_avond"),
        unsafe_night_margin=share("onveilig_avond", True),
        ratio=ratio,
        ratio_low=low,
        ratio_high=high if high is not None and np.isfinite(high) else None,
        ratio_codes=tuple(sorted(covered["gemeentecode"])),
        ratio_reports=reports,
    )


@dataclass(frozen=True)
class KeyFigures:
    """The key indicators of one selection and period, as published (see ``vsdash.indicators``).

    A value that may not be published is ``None`` and its reason code is in ``reasons``.
    """

    gemeente: str | None
    programma: str | None
    codes: tuple[str, ...] | None
    start: dt.date
    end: dt.date
    counted_start: dt.date  # reports are counted over whole weeks or months around the period
    counted_end: dt.date
    counted_unit: str
    days: int
    reports: int | None
    reports_label: str
    has_channel: bool
    inhabitants: int
    population_year: int
    person_years: float
    rate_per_10k_per_year: float | None
    rate_low: float | None
    rate_high: float | None
    previous_start: dt.date
    previous_end: dt.date
    previous_reports: int | None
    previous_label: str
    change: float | None
    campaigns: int
    activities: int
    hidden: int | None
    grain: str
    funding_eur: float
    demo: bool
    reasons: dict[str, str] = field(default_factory=dict)
    # Issue 19: the survey round(s) used and the willingness to report (None: see ``reasons``).
    survey: SurveyFigures | None = None
    # Audit 3: the first and last day with data (None: no reports at all), and whether a group's
    # members were counted over different weeks or months (each over its own, Vergelijken).
    data_start: dt.date | None = None
    data_end: dt.date | None = None
    counted_mixed: bool = False

    def reason_text(self, key: str, lang: str) -> str:
        """Why ``key`` is not published, in ``lang`` ("" when it is)."""
        code = self.reasons.get(key)
        if not code:
            return ""
        span = {
            "van": fmt_date(self.data_start, lang) if self.data_start else "–",
            "tot": fmt_date(self.data_end, lang) if self.data_end else "–",
        }
        return t(f"reason_{code}", lang, k=privacy.resolve_k(), **span)

    def labels(self, lang: str) -> dict[str, str]:
        """Display texts of the figures, formatted once for every surface (page, slide, summary)."""
        dash = "–"
        rate = self.rate_per_10k_per_year
        return {
            # Formatted in ``lang``, not the language the figures were computed in.
            "reports": fmt_number(self.reports, lang) if self.has_channel else t("no_channel_short", lang),
            "rate": fmt_number(rate, lang, 1) if rate is not None else dash,
            "rate_interval": (
                f"{fmt_number(self.rate_low, lang, 1)}–{fmt_number(self.rate_high, lang, 1)}"
                if rate is not None
                else ""
            ),
            "change": fmt_percent(self.change, lang, sign=True) if self.change is not None else dash,
            "previous": self.previous_label,
            "campaigns": fmt_number(self.campaigns, lang),
            "activities": fmt_number(self.activities, lang),
            "inhabitants": fmt_number(self.inhabitants, lang),
            "funding": fmt_euro(self.funding_eur, lang),
            "hidden": fmt_number(self.hidden, lang) if self.hidden is not None else dash,
            **self._survey_labels(lang),
        }

    def _survey_labels(self, lang: str) -> dict[str, str]:
        """Labels of the survey figures: shares in percent, the ratio per 1,000 who experienced it."""
        dash = "–"
        found = self.survey
        if found is None:
            return {
                "survey_prevalence": dash,
                "survey_interval": "",
                "reporting_ratio": dash,
                "ratio_interval": "",
                "unsafe_neighbourhood": dash,
                "unsafe_night": dash,
            }

        def pct(value: float) -> str:
            return fmt_number(value, lang, 1) + "%"

        per_1000 = RATIO_SCALE
        labels = {
            "survey_prevalence": pct(found.prevalence),
            "survey_interval": f"{pct(max(found.prevalence - found.margin, 0.0))}–"
            f"{pct(min(found.prevalence + found.margin, 100.0))}",
            "reporting_ratio": fmt_number(found.ratio * per_1000, lang, 1)
            if found.ratio is not None
            else dash,
            "ratio_interval": "",
            "unsafe_neighbourhood": pct(found.unsafe_neighbourhood)
            if found.unsafe_neighbourhood is not None
            else dash,
            "unsafe_night": pct(found.unsafe_night) if found.unsafe_night is not None else dash,
        }
        if found.ratio is not None:
            high = (
                fmt_number(found.ratio_high * per_1000, lang, 1)
                if found.ratio_high is not None
                else t("ratio_no_upper", lang)
            )
            labels["ratio_interval"] = f"{fmt_number(found.ratio_low * per_1000, lang, 1)}–{high}"
        return labels

    def survey_notes(self, lang: str) -> dict[str, str]:
        """Sentences for the survey figures: which round, the base, the ratio's interval, coverage.

        ``survey``: the round(s) used and the base, or why there is none; ``ratio``: the ratio's
        interval and the plain sentence on what it means, or why there is none; ``unsafe``: the
        shares who feel unsafe ("" without them); ``coverage``: "" unless only part of the
        selection has a survey round.
        """
        found = self.survey
        if found is None:
            reason = self.reason_text("survey_prevalence", lang)
            return {
                "survey": reason,
                "ratio": self.reason_text("reporting_ratio", lang),
                "unsafe": "",
                "coverage": "",
            }
        labels = self.labels(lang)
        years = "–".join(str(y) for y in sorted({found.years[0], found.years[-1]}))
        survey_note = t(
            "survey_note",
            lang,
            jaren=years,
            eindjaar=self.end.year,
            aandeel=labels["survey_prevalence"],
            interval=labels["survey_interval"],
            basis=fmt_number(found.base, lang),
            # The default base reads in the reader's language; a base a file names is quoted as is.
            wie=t("survey_base_15plus", lang)
            if found.base_text == survey.DEFAULT_BASE_TEXT
            else found.base_text,
        )
        ratio_note = (
            t("ratio_note", lang, interval=labels["ratio_interval"]) + " " + t("ratio_plain", lang)
            if found.ratio is not None
            else self.reason_text("reporting_ratio", lang)
        )
        unsafe = ""
        if found.unsafe_neighbourhood is not None or found.unsafe_night is not None:
            unsafe = t(
                "survey_unsafe_note",
                lang,
                buurt=_pct_margin(found.unsafe_neighbourhood, found.unsafe_neighbourhood_margin, lang),
                avond=_pct_margin(found.unsafe_night, found.unsafe_night_margin, lang),
            )
        coverage = (
            t("survey_coverage", lang, n=len(found.codes), totaal=found.scope)
            if len(found.codes) < found.scope
            else ""
        )
        return {"survey": survey_note, "ratio": ratio_note, "unsafe": unsafe, "coverage": coverage}

    def notes(self, lang: str) -> dict[str, str]:
        """The sentences that explain the figures, shared by the page and the slides.

        ``rate``: its interval and population year (or why there is none); ``previous_period``:
        the dates compared with; ``change``: why there is no change ("" when there is one);
        ``counted``: the whole weeks or months counted, "" when they are the selection itself.
        """
        labels = self.labels(lang)
        rate = (
            t("rate_interval_note", lang, interval=labels["rate_interval"], jaar=self.population_year)
            if self.rate_per_10k_per_year is not None
            else self.reason_text("rate_per_10k_per_year", lang)
        )
        previous = f"{fmt_date(self.previous_start, lang)} – {fmt_date(self.previous_end, lang)}"
        counted_days = {"van": fmt_date(self.counted_start, lang), "tot": fmt_date(self.counted_end, lang)}
        if self.counted_mixed:
            # Audit 3: a group's members counted over different weeks or months. "Geteld over hele
            # maanden: 1 februari – 31 mei" was said of a total half of which was counted over
            # 10 February - 18 May, and "de vorige periode van dezelfde lengte: 1 oktober 2024 -
            # 9 februari 2025" of a period of three and a half months.
            counted = t("counted_mixed", lang, **counted_days)
            previous = t(
                "previous_mixed",
                lang,
                van=fmt_date(self.previous_start, lang),
                tot=fmt_date(self.previous_end, lang),
            )
        elif (self.counted_start, self.counted_end) != (self.start, self.end):
            counted = t(f"counted_{self.counted_unit}", lang, **counted_days)
        else:
            counted = ""
        counted = " ".join(part for part in (counted, self._data_edges(lang)) if part)
        return {
            "rate": rate,
            "previous_period": previous,
            "change": self.reason_text("change", lang),
            "counted": counted,
        }

    def _data_edges(self, lang: str) -> str:
        """Where the counted days run past the data: days without data count in no figure ("" else)."""
        if self.reasons.get("reports") == REASON_NO_DATA:
            return ""  # the reason says it already
        parts = []
        if self.data_start is not None and self.counted_start < self.data_start:
            parts.append(t("counted_data_starts", lang, van=fmt_date(self.data_start, lang)))
        if self.data_end is not None and self.counted_end > self.data_end:
            parts.append(t("counted_data_ends", lang, tot=fmt_date(self.data_end, lang)))
        return " ".join(parts)

    def as_json(self) -> dict:
        """The figures as ``vsdash figures --json`` and ``/api/v1/figures`` print them."""
        reasons = {
            # Both languages (audit 3): `vsdash figures --json --lang en` gave Dutch reasons only.
            key: {"code": code, "nl": self.reason_text(key, "nl"), "en": self.reason_text(key, "en")}
            for key, code in self.reasons.items()
        }
        return {
            "selection": {"gemeente": self.gemeente, "programma": self.programma, "codes": self.codes},
            "from": self.start.isoformat(),
            "to": self.end.isoformat(),
            "counted": {
                "from": self.counted_start.isoformat(),
                "to": self.counted_end.isoformat(),
                "unit": self.counted_unit,
                # Audit 3: a group's members counted over different weeks or months, each its own.
                "per_municipality": self.counted_mixed,
            },
            "days": self.days,
            "reports": self.reports,
            "inhabitants": self.inhabitants,
            "population_year": self.population_year,
            "rate_per_10k_per_year": _round(self.rate_per_10k_per_year, 1),
            "rate_low": _round(self.rate_low, 1),
            "rate_high": _round(self.rate_high, 1),
            "previous": {
                "from": self.previous_start.isoformat(),
                "to": self.previous_end.isoformat(),
                "reports": self.previous_reports,
            },
            "change": _round(self.change, 4),
            "campaigns": self.campaigns,
            "activities": self.activities,
            "hidden": self.hidden,
            "funding_eur": round(self.funding_eur, 2),
            "demo": self.demo,
            "reasons": reasons,
            **self._survey_json(),
            "names": _catalogue_names(),
        }

    def _survey_json(self) -> dict:
        """Issue 19: ``survey_prevalence`` (percent) and ``reporting_ratio`` (reports per person
        who experienced street harassment), each with its 95% interval, and the survey used."""
        found = self.survey
        if found is None:
            return {
                "survey_prevalence": None,
                "survey_prevalence_low": None,
                "survey_prevalence_high": None,
                "reporting_ratio": None,
                "reporting_ratio_low": None,
                "reporting_ratio_high": None,
                "survey": None,
            }
        return {
            "survey_prevalence": _round(found.prevalence, 2),
            "survey_prevalence_low": _round(max(found.prevalence - found.margin, 0.0), 2),
            "survey_prevalence_high": _round(min(found.prevalence + found.margin, 100.0), 2),
            "reporting_ratio": _round(found.ratio, 6),
            "reporting_ratio_low": _round(found.ratio_low, 6),
            "reporting_ratio_high": _round(found.ratio_high, 6),
            "survey": {
                "years": list(found.years),
                "rule": "laatste ronde in of vóór het eindjaar van de periode",
                "codes": list(found.codes),
                "base": found.base,
                "base_text": found.base_text,
                "margin": _round(found.margin, 2),
                "unsafe_neighbourhood": _round(found.unsafe_neighbourhood, 2),
                "unsafe_neighbourhood_margin": _round(found.unsafe_neighbourhood_margin, 2),
                "unsafe_night": _round(found.unsafe_night, 2),
                "unsafe_night_margin": _round(found.unsafe_night_margin, 2),
                "ratio_codes": list(found.ratio_codes),
                "ratio_reports": found.ratio_reports,
            },
        }


def key_figures_table(figures: KeyFigures, lang: str) -> pd.DataFrame:
    """The key figures as a table for downloads: one row per indicator, the value as a number.

    Columns: indicator (catalogue id), name, value (number, empty when not published), low and
    high (the rate's interval), unit, note (why a value is missing, or the population year), and
    demo (True for synthetic data).
    """
    from vsdash.indicators import indicator

    rows = [
        ("reports", figures.reports, None, None, figures.reason_text("reports", lang)),
        ("inhabitants", figures.inhabitants, None, None, str(figures.population_year)),
        (
            "rate_per_10k_per_year",
            _round(figures.rate_per_10k_per_year, 1),
            _round(figures.rate_low, 1),
            _round(figures.rate_high, 1),
            figures.reason_text("rate_per_10k_per_year", lang),
        ),
        (
            "previous_reports",
            figures.previous_reports,
            None,
            None,
            f"{figures.previous_start.isoformat()} – {figures.previous_end.isoformat()}",
        ),
        ("change", _round(figures.change, 4), None, None, figures.reason_text("change", lang)),
        ("campaigns", figures.campaigns, None, None, ""),
        ("activities", figures.activities, None, None, ""),
        ("hidden", figures.hidden, None, None, ""),
        ("funding_eur", round(figures.funding_eur, 2), None, None, ""),
        *_survey_table_rows(figures, lang),
    ]
    names = {"nl": ("indicator", "naam", "waarde", "laag", "hoog", "eenheid", "toelichting", "demodata")}
    cols = names.get(lang, ("indicator", "name", "value", "low", "high", "unit", "note", "demo"))
    return pd.DataFrame(
        [
            (
                key,
                indicator(key).name(lang),
                value,
                low,
                high,
                indicator(key).unit_in(lang),
                note,
                figures.demo,
            )
            for key, value, low, high, note in rows
        ],
        columns=list(cols),
    )


def _survey_table_rows(figures: KeyFigures, lang: str) -> list[tuple]:
    """The survey rows of the key-figures table: prevalence and ratio with intervals and notes."""
    found = figures.survey
    notes = figures.survey_notes(lang)
    if found is None:
        return [
            ("survey_prevalence", None, None, None, notes["survey"]),
            ("reporting_ratio", None, None, None, notes["ratio"]),
        ]
    data = figures.as_json()
    return [
        (
            "survey_prevalence",
            data["survey_prevalence"],
            data["survey_prevalence_low"],
            data["survey_prevalence_high"],
            notes["survey"],
        ),
        (
            "reporting_ratio",
            data["reporting_ratio"],
            data["reporting_ratio_low"],
            data["reporting_ratio_high"],
            notes["ratio"],
        ),
    ]


def _pct_margin(value: float | None, margin: float | None, lang: str) -> str:
    if value is None:
        return "–"
    return f"{fmt_number(value, lang, 1)}% (± {fmt_number(margin, lang, 1)})"


def _round(value: float | None, digits: int) -> float | None:
    return None if value is None or not np.isfinite(value) else round(float(value), digits)


def key_figures(store: Store, **selection) -> KeyFigures:
    """Compute the key figures of a selection (see ``key_figures_and_trend``)."""
    return key_figures_and_trend(store, **selection)[0]


def key_figures_and_trend(
    store: Store,
    *,
    start: dt.date,
    end: dt.date,
    gemeente: str | None = None,
    programma: str | None = None,
    codes: Sequence[str] | None = None,
    lang: str = "nl",
) -> tuple[KeyFigures, Trend]:
    """Compute the key figures of a selection by the catalogue's definitions, after privacy.

    The selection is one municipality (``gemeente``, a CBS code), the members of ``programma`` in
    the period, or every municipality; ``codes`` names an explicit list instead (without
    ``gemeente`` and ``programma``). Returns the figures and the published trend they were
    checked against (pages draw that same trend). Raises ``ValueError`` (Dutch) for an unknown
    code or programme, or an inverted period.
    """
    if start > end:
        raise ValueError(f"De periode begint ({start}) na het einde ({end}).")
    memberships = store.memberships()
    if gemeente is not None or programma is not None or codes is None:
        codes = selection_codes(store, gemeente, programma, start, end, memberships=memberships)
    else:
        codes = tuple(codes)
    channels, population = store.channels(), store.population()
    reasons: dict[str, str] = {}

    # Each municipality's reports are published for whole weeks (months where small) around the
    # period (ADR 0006); a group's figures are the sums of its members' published figures, so a
    # group tells nothing beyond its members and Vergelijken's rows add up to the group.
    span = store.report_date_range()
    scope = list(codes) if codes is not None else sorted(set(channels["gemeentecode"]))
    survey_rows = store.survey_indicators()  # read once: the members' ratios and the survey figures
    members = member_figures(
        store, scope, start, end, channels=channels, population=population, span=span, survey_rows=survey_rows
    )
    with_channel = metrics.codes_with_channel(channels, codes, start, end)
    has_channel = bool(with_channel)
    open_rows = members[members["dagen"] > 0]
    reports = int(members["n"].sum())
    reports_label = fmt_number(reports, lang)
    counted_start = members["van"].min() if len(members) else start
    counted_end = members["tot"].max() if len(members) else end
    # Audit 3: before the first or after the last day with data there is nothing to count; "0
    # meldingen, 0,0 per 10.000" for 2018 said no one reported, where nothing was loaded yet.
    outside = span is not None and (counted_end < span[0] or counted_start > span[1])
    if not has_channel:
        reasons["reports"] = REASON_NO_CHANNEL
    elif outside:
        reasons["reports"] = REASON_NO_DATA
    person_years = float(open_rows["persoonjaren"].sum())
    rate = low = high = None
    if has_channel and person_years > 0:
        rate, low, high = rate_per_10k_per_year(reports, person_years)
    else:
        reasons["rate_per_10k_per_year"] = reasons.get("reports", REASON_NO_POPULATION)

    fallback_prev = preceding_period(start, end)
    unit = "month" if (members["eenheid"] == "month").any() else "week"
    prev_start = members["vorige_van"].min() if len(members) else fallback_prev[0]
    prev_end = members["vorige_tot"].max() if len(members) else fallback_prev[1]
    previous = int(members["n_vorige"].sum())
    previous_label = fmt_number(previous, lang)
    change = None
    prev_person_years = float(members["persoonjaren_vorige"].sum())
    if span is None or prev_start < span[0] or not prev_person_years:
        previous, previous_label = None, "–"
        reasons["previous_reports"] = REASON_NO_PREVIOUS
        reasons["change"] = REASON_NO_PREVIOUS
    elif outside:
        reasons["change"] = REASON_NO_DATA
    elif abs(prev_person_years - person_years) > COMPARABLE_EXPOSURE * person_years:
        # A reporting point opened or closed in between: more open days are not more reports;
        # or the period runs past the data's last day and so counts fewer days (audit 3).
        reasons["change"] = REASON_DATA_ENDS if counted_end > span[1] else REASON_CHANNELS_CHANGED
    elif previous == 0:
        reasons["change"] = REASON_ZERO_PREVIOUS
    else:
        change = (reports - previous) / previous

    trend = published_trend_of(store, codes, start, end, lang=lang)
    grain = trend.grain
    hidden = not_shown_separately(reports, float(trend.cells["n"].dropna().sum())) if has_channel else None

    activities = metrics.activities_by_category(
        store.activities(), codes, start, end, schema.ACTIVITY_CATEGORIES
    )
    campaigns = metrics.campaigns_in_period(store.campaigns(), codes, start, end)
    funding = funding_in_period(memberships, start, end, programma=programma or "veilige_steden", codes=codes)
    year = population_year(population, end)
    surveyed = survey_figures(survey_rows, members, scope, end)
    if surveyed is None:
        reasons["survey_prevalence"] = REASON_NO_SURVEY
        reasons["reporting_ratio"] = reasons.get("reports", REASON_NO_SURVEY)
    elif surveyed.ratio is None:
        reasons["reporting_ratio"] = reasons.get("reports", REASON_NO_CHANNEL)
    figures = KeyFigures(
        gemeente=gemeente,
        programma=programma,
        codes=codes,
        start=start,
        end=end,
        counted_start=counted_start,
        counted_end=counted_end,
        counted_unit=unit,
        days=(counted_end - counted_start).days + 1,
        reports=reports if has_channel and not outside else None,
        reports_label=reports_label,
        has_channel=has_channel,
        inhabitants=int((open_rows if len(open_rows) else members)["inwoners"].sum()),
        population_year=year,
        person_years=person_years,
        rate_per_10k_per_year=rate,
        rate_low=low,
        rate_high=high,
        previous_start=prev_start,
        previous_end=prev_end,
        previous_reports=previous,
        previous_label=previous_label,
        change=change,
        campaigns=len(campaigns),
        activities=int(activities["n"].sum()),
        hidden=hidden if has_channel and not outside else None,
        grain=grain,
        funding_eur=float(funding["bijdrage_eur"].sum()),
        demo=store.is_demo(),
        reasons=reasons,
        survey=surveyed,
        data_start=span[0] if span else None,
        data_end=span[1] if span else None,
        counted_mixed=len(set(zip(members["van"], members["tot"], strict=True))) > 1,
    )
    return figures, trend


def member_figures(
    store: Store,
    codes: Sequence[str],
    start: dt.date,
    end: dt.date,
    *,
    channels: pd.DataFrame | None = None,
    population: pd.DataFrame | None = None,
    span: tuple[dt.date, dt.date] | None = None,
    survey_rows: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Published counts and inhabitant-years per municipality, now and in the preceding period.

    One row per code: gemeentecode, n (published total over its counted period), van, tot,
    eenheid (the counted period), dagen, inwoners, jaar, persoonjaren (over the counted days that
    have data), meldpunt, rate, low, high, and n_vorige, vorige_van, vorige_tot,
    persoonjaren_vorige for the preceding period of the same length. Vergelijken's rows and every
    group figure are built from these, so they agree with each municipality's key figures.

    Issue 19: enquete_jaar, prevalentie, marge, basis (the survey round used: the latest at or
    before the period's end; NaN without one), ervaren and ervaren_se (people who experienced
    street harassment over the counted days with a reporting point) and ratio, ratio_low,
    ratio_high (``reporting_ratio`` of the published count; NaN without survey or reporting point).
    """
    channels = store.channels() if channels is None else channels
    population = store.population() if population is None else population
    span = store.report_date_range() if span is None else span
    data_start, data_end = span if span else (start, end)
    codes = list(dict.fromkeys(codes))
    counted_of = counted_periods(store, codes, start, end)
    # Members counted over the same period share one query and one exposure computation (every
    # member of an all-municipalities selection of whole months does): the same cells and figures
    # as one member at a time, which made the first page's model wait for 2 queries and 2
    # exposures per municipality (issue 17).
    now_of = _exposures(
        channels, population, {c: _key_period(counted_of[c], data_start, data_end) for c in codes}
    )
    prev_period = {
        c: (*preceding_period(counted_of[c].start, counted_of[c].end), counted_of[c].unit) for c in codes
    }
    prev_parts_of = _parts_per_code(store, prev_period)
    prev_exp_of = _exposures(channels, population, {c: prev_period[c][:2] for c in codes})
    rows = []
    for code in codes:
        counted = counted_of[code]
        row = now_of[code].to_dict()
        prev_start, prev_end, _ = prev_period[code]
        prev_exp = prev_exp_of[code]
        row.update(
            n=counted.published,
            van=counted.start,
            tot=counted.end,
            eenheid=counted.unit,
            n_vorige=privacy.period_total(prev_parts_of[code]),
            vorige_van=prev_start,
            vorige_tot=prev_end,
            persoonjaren_vorige=float(prev_exp["persoonjaren"]) if prev_exp["dagen"] > 0 else 0.0,
        )
        rows.append(row)
    columns = [
        "gemeentecode",
        "dagen",
        "inwoners",
        "jaar",
        "persoonjaren",
        "n",
        "van",
        "tot",
        "eenheid",
        "n_vorige",
        "vorige_van",
        "vorige_tot",
        "persoonjaren_vorige",
    ]
    out = pd.DataFrame(rows, columns=columns)
    out["meldpunt"] = out["dagen"] > 0
    figures = [
        rate_per_10k_per_year(n, py) if ok and py else (np.nan, np.nan, np.nan)
        for n, py, ok in zip(out["n"], out["persoonjaren"], out["meldpunt"], strict=True)
    ]
    out["rate"] = [f[0] for f in figures]
    out["low"] = [f[1] for f in figures]
    out["high"] = [f[2] for f in figures]
    return _with_reporting_ratio(out, store.survey_indicators() if survey_rows is None else survey_rows, end)


def _with_reporting_ratio(members: pd.DataFrame, survey_rows: pd.DataFrame, end: dt.date) -> pd.DataFrame:
    """Add each municipality's survey round and reporting ratio to ``member_figures`` rows."""
    rounds = survey.rounds_used(survey_rows, list(members["gemeentecode"]), end).set_index("gemeentecode")
    columns = ("enquete_jaar", "prevalentie", "marge", "basis", "ervaren", "ervaren_se")
    values: dict[str, list] = {c: [] for c in (*columns, "ratio", "ratio_low", "ratio_high")}
    for code, days, n, open_ in zip(
        members["gemeentecode"], members["dagen"], members["n"], members["meldpunt"], strict=True
    ):
        if code not in rounds.index:
            for column in values:
                values[column].append(np.nan)
            continue
        one = survey.member_ratio(rounds.loc[code], int(days))
        for column, value in zip(
            columns,
            (one.year, one.percent, one.margin, one.base, one.experienced, one.experienced_se),
            strict=True,
        ):
            values[column].append(value)
        ratio = (
            survey.reporting_ratio(int(n), one.experienced, one.experienced_se)
            if open_ and one.experienced > 0
            else (np.nan, np.nan, np.nan)
        )
        for column, value in zip(("ratio", "ratio_low", "ratio_high"), ratio, strict=True):
            values[column].append(value)
    return members.assign(**values)


def selection_codes(
    store: Store,
    gemeente: str | None,
    programma: str | None,
    start: dt.date,
    end: dt.date,
    *,
    memberships: pd.DataFrame | None = None,
) -> tuple[str, ...] | None:
    """The municipalities of a selection: one code, a programme's members in the period, or None (all)."""
    if gemeente is not None:
        known = set(store.municipalities()["gemeentecode"])
        if gemeente not in known:
            raise ValueError(f"Onbekende gemeentecode {gemeente!r}; gebruik een CBS-code zoals GM0344.")
        return (gemeente,)
    if programma is not None:
        memberships = store.memberships() if memberships is None else memberships
        if programma not in set(store.programmes()["programma"]):
            raise ValueError(
                f"Onbekend programma {programma!r}; kies uit {', '.join(sorted(store.programmes()['programma']))}."
            )
        return members_in_period(memberships, programma, start, end)
    return None


def _catalogue_names() -> dict[str, dict[str, str]]:
    """The catalogue's name and short label of each figure in the JSON, in Dutch and English.

    A reader of the API then finds the label a page or slide shows ("Ervaren intimidatie") beside
    the key (``survey_prevalence``) and the name the definitions use.
    """
    from vsdash.indicators import indicator

    return {
        key: {
            "nl": indicator(key).name("nl"),
            "en": indicator(key).name("en"),
            "short_nl": indicator(key).short_name("nl"),
            "short_en": indicator(key).short_name("en"),
        }
        for key in _JSON_FIGURES
    }


# The catalogued figures ``KeyFigures.as_json`` gives (previous_reports as previous.reports).
_JSON_FIGURES = (
    "reports",
    "inhabitants",
    "rate_per_10k_per_year",
    "previous_reports",
    "change",
    "campaigns",
    "activities",
    "hidden",
    "funding_eur",
    "survey_prevalence",
    "reporting_ratio",
)


def key_figures_json(store: Store, **selection) -> str:
    """The key figures as the JSON text of ``vsdash figures --json`` (one definition for CLI and API)."""
    return json.dumps(key_figures(store, **selection).as_json(), ensure_ascii=False, indent=2)


def as_dict(figures: KeyFigures) -> dict:
    """All fields of ``figures`` (dates as ISO text), for tests and downloads."""
    out = asdict(figures)
    for key, value in out.items():
        if isinstance(value, dt.date):
            out[key] = value.isoformat()
    return out
