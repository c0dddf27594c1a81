"""The words and tables of charts, without a chart library: text alternatives, tables, ``StaticChart``.

Every chart's one-sentence text alternative and the table behind it are made here, so the
plotly charts (``vsdash.charts``) and the server-side SVG charts of Overzicht
(``StaticChart``, drawn by ``vsdash.slide_figures``) say and tabulate the same data in the same
words. The module imports no plotly: Overzicht, the first page of a visit, needs only this
(issue 17: plotly's import is a third of a second of a fresh server's first page).
``vsdash.charts`` re-exports every name, so callers may keep importing them from there.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from vsdash.i18n import fmt_count, fmt_date, fmt_number, t
from vsdash.spreadsheets import mark_perturbed


@dataclass
class StaticChart:
    """A chart drawn on the server as SVG, with its one-sentence text alternative and its table.

    The counterpart of ``ChartSpec`` for a page that shows no plotly (Overzicht, issue 17; drawn by
    ``vsdash.slide_figures``):
    ``alt`` and ``table`` are made by the same functions as the plotly chart's, so the words and
    cells are the same wherever the figure appears. ``svg`` is shown as an image (no script in
    it can run) and its text is XML-escaped by matplotlib.

    ``svg`` is drawn by ``draw`` when first read, then kept: the page sends its key figures
    before it reads the chart, so the browser draws those while the server draws the SVG.
    ``draw_narrow``, when given, draws the same chart laid out for a phone's column
    (``narrow_svg``); the page shows one of the two by the width it has.
    """

    draw: Callable[[], str] = field(repr=False, compare=False)
    alt: str
    table: pd.DataFrame = field(repr=False)
    more_tables: dict[str, pd.DataFrame] = field(default_factory=dict, repr=False)
    draw_narrow: Callable[[], str] | None = field(default=None, repr=False, compare=False)

    @functools.cached_property
    def svg(self) -> str:
        """The chart as SVG text (drawn once; a shared model's sessions all read this one)."""
        return self.draw()

    @functools.cached_property
    def narrow_svg(self) -> str | None:
        """The chart laid out for a narrow column, as SVG text; None when it has no such variant."""
        return self.draw_narrow() if self.draw_narrow is not None else None


GRAIN_LENGTH = {"day": pd.DateOffset(days=1), "week": pd.DateOffset(days=7), "month": pd.DateOffset(months=1)}


def events_per_period(
    periods: pd.Series,
    grain: str,
    campaigns: pd.DataFrame | None,
    breaks: pd.DataFrame | None,
    lang: str = "nl",
    activities: pd.DataFrame | None = None,
) -> list[str]:
    """Per period, the campaigns, breaks and activities the figure marks in it, as text.

    The table behind a trend chart carries this column so the shaded bands, dashed lines and
    triangles are readable without seeing them (and without telling colours apart).
    """
    starts = pd.DatetimeIndex(pd.to_datetime(periods))
    ends = starts + GRAIN_LENGTH[grain]
    found: list[list[str]] = [[] for _ in range(len(starts))]

    def mark(first: pd.Timestamp, last: pd.Timestamp, text: str) -> None:
        # Every period that overlaps [first, last]; events are few, periods many.
        for i in np.flatnonzero((starts <= last) & (ends > first)):
            found[i].append(text)

    if campaigns is not None and not campaigns.empty:
        for camp in campaigns.drop_duplicates("naam").itertuples():
            mark(
                pd.Timestamp(camp.start),
                pd.Timestamp(camp.eind),
                f"{t('campaign', lang).lower()} {camp.naam}",
            )
    if breaks is not None:
        for brk in breaks.itertuples():
            key = {"start": "break_launch", "eind": "break_end", "wet": "break_law"}[brk.soort_breuk]
            day = pd.Timestamp(brk.datum)
            mark(day, day, t(key, lang, naam=brk.naam))
    if activities is not None and not activities.empty:
        for act in activities.itertuples():
            day = pd.Timestamp(act.start)
            mark(day, day, f"{t('a11y_activity', lang)} {act.titel}")
    return ["; ".join(items) for items in found]


def _last_day(period_start: pd.Timestamp, grain: str) -> dt.date:
    """The last day of the day, week (Monday to Sunday) or month that starts at ``period_start``."""
    if grain == "month":
        return (period_start + pd.offsets.MonthEnd(0)).date()
    if grain == "week":
        return (period_start + pd.Timedelta(days=6)).date()
    return period_start.date()


def trend_series_names(lang: str, *, with_previous: bool) -> list[str]:
    """The trend's lines as its legend names them, in legend order: this period's reports first.

    One order for the trend wherever it is drawn (Overzicht's SVG, the PDF's picture, the
    PowerPoint's native chart), so a presenter switching between them finds the same legend.
    """
    names = [t("reports", lang)]
    if with_previous:
        names.append(t("same_period_last_year", lang))
    return names


def trend_alt_and_table(
    series: pd.DataFrame,
    campaigns: pd.DataFrame,
    breaks: pd.DataFrame,
    *,
    grain: str,
    lang: str = "nl",
    activities: pd.DataFrame | None = None,
    previous: pd.DataFrame | None = None,
    value_label: str | None = None,
) -> tuple[str, pd.DataFrame]:
    """The text alternative and the table of a report trend (``report_trend_chart``), without a figure.

    Overzicht draws its trend server-side (``vsdash.slide_figures.draw_trend``, issue 17) and
    says and tabulates it with these same words and cells.
    """
    value_label = value_label or t("reports", lang)
    total = series["n"].sum(skipna=True)
    peak = series.loc[series["n"].idxmax()] if series["n"].notna().any() else None
    alt = t(
        "alt_trend",
        lang,
        grain=t(f"grain_{grain}", lang),
        total=fmt_number(total, lang),
        start=fmt_date(series["periode"].min().date(), lang) if not series.empty else "–",
        # The last period's last day: "to 1 October" read as if October was not in the chart.
        end=fmt_date(_last_day(series["periode"].max(), grain), lang) if not series.empty else "–",
        peak=fmt_number(peak["n"], lang) if peak is not None else "–",
        peak_date=fmt_date(peak["periode"].date(), lang) if peak is not None else "–",
        campaigns=fmt_count(len(campaigns), lang),
    )
    table = pd.DataFrame({t("period", lang): series["periode"].dt.date, value_label: series["label"]})
    if previous is not None and not previous.empty:
        table[t("same_period_last_year", lang)] = last_year_in_periods(series["periode"], previous, grain)
    table[t("a11y_events", lang)] = events_per_period(
        series["periode"], grain, campaigns, breaks, lang, activities
    )
    perturbed = [value_label, t("same_period_last_year", lang)]
    return alt, mark_perturbed(table, *[c for c in perturbed if c in table.columns])


def last_year_in_periods(periods: pd.Series, previous: pd.DataFrame, grain: str) -> list[str]:
    """Per period of the trend, the label of last year's point the chart draws inside it ("–": none).

    Last year's weeks shifted by a year start on another weekday (2023-03-06, a Monday, is drawn
    at 2024-03-06, a Wednesday), so they are matched to the period they fall in, not by date.
    """
    starts = pd.DatetimeIndex(pd.to_datetime(periods))
    ends = starts + GRAIN_LENGTH[grain]
    drawn = previous.sort_values("periode")
    at = pd.DatetimeIndex(drawn["periode"])
    labels = drawn["label"].tolist()
    first = np.searchsorted(at, starts, side="left")
    return [labels[i] if i < len(at) and at[i] < end else "–" for i, end in zip(first, ends, strict=True)]


def category_alt_and_table(
    counts: pd.DataFrame, label_col: str, *, lang: str = "nl", title: str = ""
) -> tuple[str, pd.DataFrame]:
    """The text alternative and the table of ``category_bar_chart``, without a figure (issue 17)."""
    parts = ", ".join(f"{row[label_col]} {row['label']}" for _, row in counts.iterrows())
    alt = t("alt_bars", lang, title=title, parts=parts)
    # The label column's own name (categorie_label) is no heading for a reader or a download.
    headings = {label_col: t("act_col_category", lang), "label": t("count", lang)}
    return alt, counts[[label_col, "label"]].rename(columns=headings)
