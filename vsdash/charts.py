"""Plotly figures for the pages. Every builder returns a ``ChartSpec``: figure, text alternative
and the table behind it, so that every chart can be read without seeing it (WCAG 2.1 AA).

Colours come from the Okabe-Ito palette (colour-blind safe) and are never the only carrier of
meaning: campaign bands carry a text label and a hatch pattern; lines carry direct labels.
Counts arrive already suppressed by ``vsdash.privacy`` (suppressed values are NaN and the table's
label column says "<5").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from vsdash import plain_text
from vsdash.chart_text import (  # noqa: F401 - re-exported: the words and tables of every chart
    GRAIN_LENGTH,
    StaticChart,
    _last_day,
    category_alt_and_table,
    events_per_period,
    last_year_in_periods,
    trend_alt_and_table,
)
from vsdash.i18n import fmt_count, fmt_date, fmt_number, fmt_percent, t
from vsdash.palette import BAND_COLOUR, BAND_EDGE, BREAK_COLOUR, OKABE_ITO, TEXT_COLOUR  # noqa: F401 - re-exported
from vsdash.spreadsheets import mark_kind, mark_perturbed

FONT = dict(family="Source Sans Pro, Arial, sans-serif", size=14, color=TEXT_COLOUR)


@dataclass
class ChartSpec:
    """A chart with its one-sentence text alternative and the data table behind it.

    ``more_tables`` holds, by caption, the data of further panels of the same figure (e.g. the
    report trend under the campaign timeline), so the tables together carry what the figure shows.
    """

    figure: go.Figure
    alt: str
    table: pd.DataFrame
    more_tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    localised: str | None = None  # the language ``localise`` last made the figure read in
    # (language, figure as drawn): see ``for_drawing``
    drawn: tuple[str, go.Figure] | None = field(default=None, repr=False, compare=False)

    def localise(self, lang: str) -> ChartSpec:
        """Make the figure read in ``lang`` (see ``localise_figure``), once per language."""
        if self.localised != lang:
            localise_figure(self.figure, lang)
            self.localised = lang
        return self

    def for_drawing(self, lang: str) -> go.Figure:
        """The figure localised in ``lang``, as a snapshot whose plotly dict is made once.

        Streamlit calls the figure's ``to_dict`` on every run that draws it, which copies every
        array and encodes it as base64: a fifth of a server's rerun of Overzicht (ADR 0005). A
        shared spec is drawn by every rerun of every session, so the dict is made once per
        language and handed out again. The spec must not change after it is drawn; shared specs
        never do (``vsdash.ui.cached.chart``).
        """
        self.localise(lang)
        if self.drawn is None or self.drawn[0] != lang:
            self.drawn = (lang, _DrawnFigure(self.figure))
        return self.drawn[1]


class _DrawnFigure(go.Figure):
    """A finished figure for ``st.plotly_chart``: ``to_dict`` returns the one dict made when frozen.

    Only ``to_dict`` is meant to be used: the figure is not rebuilt from the dict, because
    plotly's validation of it costs several times the copy it saves. The returned dict is
    shared, so readers (Streamlit's serialiser) must not change it.
    """

    def __init__(self, figure: go.Figure | dict):
        super().__init__()
        self._frozen = figure if isinstance(figure, dict) else figure.to_dict()

    def to_dict(self) -> dict:
        return self._frozen

    def __reduce__(self):
        # A copy or a pickle (st.cache_data) is the same snapshot, not a figure rebuilt from it.
        return (self.__class__, (self._frozen,))


def interval_whiskers(value, low, high) -> dict:
    """A horizontal 95% interval drawn as whiskers from ``low`` to ``high`` around ``value`` (plotly ``error_x``)."""
    return dict(
        type="data",
        symmetric=False,
        array=(high - value).to_numpy(),
        arrayminus=(value - low).to_numpy(),
        color=TEXT_COLOUR,
        thickness=1.5,
        width=5,
    )


def _base_layout(fig: go.Figure, height: int = 380, lang: str = "nl") -> go.Figure:
    fig.update_layout(
        height=height,
        margin=dict(l=10, r=10, t=30, b=10),
        font=FONT,
        plot_bgcolor="white",
        paper_bgcolor="white",
        hovermode="x unified",
        legend=dict(orientation="h", y=-0.15),
    )
    fig.update_xaxes(showgrid=False, linecolor="#555", ticks="outside")
    fig.update_yaxes(gridcolor="#e5e5e5", zeroline=True, zerolinecolor="#999", rangemode="tozero")
    return localise_figure(fig, lang)


# Plotly formats dates with English month names and has no Dutch locale without loading
# plotly-locale-nl.js into the page, which Streamlit does not do. Date axes therefore get explicit
# tick positions and labels (tickvals/ticktext) made here; hover dates are numeric (12-03-2023).
MONTHS_SHORT = {
    "nl": ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}
SEPARATORS = {"nl": ",.", "en": ".,"}  # plotly: decimal mark, then thousands separator
HOVER_DATE = "%d-%m-%Y"
MAX_DATE_TICKS = 8


def _as_timestamps(values) -> pd.DatetimeIndex | None:
    """The values as timestamps when they are dates (not strings or numbers), else None."""
    if values is None:
        return None
    arr = np.asarray(values)
    if arr.size == 0:
        return None
    if arr.dtype.kind == "M":
        return pd.DatetimeIndex(arr)
    if arr.dtype == object and all(
        isinstance(v, (dt.date, pd.Timestamp)) for v in arr.ravel() if v is not None
    ):
        return pd.DatetimeIndex(pd.to_datetime(arr.ravel()))
    return None


def _date_span(fig: go.Figure) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """First and last date drawn by any trace (bars drawn as base + duration included)."""
    found: list[pd.Timestamp] = []
    for trace in fig.data:
        xs = _as_timestamps(getattr(trace, "x", None))
        if xs is not None:
            found += [xs.min(), xs.max()]
        base = _as_timestamps(getattr(trace, "base", None))
        if base is not None:
            found += [base.min(), base.max()]
            widths = getattr(trace, "x", None)
            widths = np.asarray(widths if widths is not None else (), dtype=float)
            if widths.size == len(base):
                found.append((base + pd.to_timedelta(widths, unit="ms")).max())
    found = [f for f in found if not pd.isna(f)]
    return (min(found), max(found)) if found else None


def _monthly(fig: go.Figure) -> bool:
    """Whether the figure's dated points are months: two or more, each on the first of a month."""
    starts = set()
    for trace in fig.data:
        xs = _as_timestamps(getattr(trace, "x", None))
        if xs is not None:
            starts |= set(xs.dropna())
    return len(starts) > 1 and all(d.day == 1 for d in starts)


def date_ticks(
    start: pd.Timestamp, end: pd.Timestamp, lang: str = "nl", *, monthly: bool = False
) -> tuple[list, list[str]]:
    """Tick positions and labels for a date axis from ``start`` to ``end`` with month names in ``lang``.

    At most ``MAX_DATE_TICKS`` ticks: days or weeks for spans up to ten weeks ("12 mrt"), else the
    first of every 1, 2, 3, 6, 12 or 24 months ("mrt"), with the year on the first tick and on
    every January ("jan 2024"). ``monthly`` data always gets months: two months of points under
    ticks "1 mrt, 8 mrt, 15 mrt" read as weeks.
    """
    months = MONTHS_SHORT.get(lang, MONTHS_SHORT["nl"])
    start, end = pd.Timestamp(start).normalize(), pd.Timestamp(end).normalize()
    days = (end - start).days
    if days <= 70 and not monthly:
        step = next(s for s in (1, 2, 7, 14, 28) if days // s + 1 <= MAX_DATE_TICKS)
        ticks = list(pd.date_range(start, end, freq=f"{step}D"))
        labels = [f"{d.day} {months[d.month - 1]}" for d in ticks]
        if ticks:
            labels[0] += f" {ticks[0].year}"
        return ticks, labels
    first = start if start.day == 1 else (start + pd.offsets.MonthBegin(1))
    span = (end.year - first.year) * 12 + end.month - first.month
    step = next((s for s in (1, 2, 3, 6, 12, 24) if span // s + 1 <= MAX_DATE_TICKS), 60)
    if step >= 3:  # align on quarters, half years or years, as readers count them
        while (first.month - 1) % min(step, 12):
            first += pd.offsets.MonthBegin(1)
    ticks = list(pd.date_range(first, end, freq=f"{step}MS"))
    labels = [
        months[d.month - 1] + (f" {d.year}" if i == 0 or d.month == 1 else "") if step < 12 else str(d.year)
        for i, d in enumerate(ticks)
    ]
    return ticks, labels


def localise_figure(fig: go.Figure, lang: str = "nl") -> go.Figure:
    """Make a figure read in ``lang`` (decimal marks, month names on date axes) with dark text.

    Idempotent; ``vsdash.ui.widgets.show_chart`` applies it to every chart it draws, so builders in
    other modules get it too.
    """
    fig.update_layout(separators=SEPARATORS.get(lang, SEPARATORS["nl"]), legend_font_color=TEXT_COLOUR)
    # Streamlit's plotly theme draws tick labels and axis titles in #808495 (3,8:1 on white);
    # explicit colours win over its template and give 17:1.
    text = dict(tickfont_color=TEXT_COLOUR, title_font_color=TEXT_COLOUR)
    fig.update_xaxes(**text)
    fig.update_yaxes(**text)
    fig.update_traces(
        colorbar=dict(tickfont_color=TEXT_COLOUR, title_font_color=TEXT_COLOUR), selector=dict(type="heatmap")
    )
    # "10k" is English shorthand; write 10.000 / 10,000 in full.
    fig.update_xaxes(exponentformat="none", separatethousands=True)
    fig.update_yaxes(exponentformat="none", separatethousands=True)
    span = _date_span(fig)
    if span is None:
        return fig
    tickvals, ticktext = date_ticks(*span, lang=lang, monthly=_monthly(fig))
    date_axes = {
        trace.xaxis or "x" for trace in fig.data if _as_timestamps(getattr(trace, "x", None)) is not None
    }
    date_axes |= {
        trace.xaxis or "x" for trace in fig.data if _as_timestamps(getattr(trace, "base", None)) is not None
    }
    for ref in date_axes:
        name = "xaxis" if ref == "x" else f"xaxis{ref[1:]}"
        fig.layout[name].update(
            tickmode="array", tickvals=tickvals, ticktext=ticktext, hoverformat=HOVER_DATE
        )
    # Shared (matched) subplot axes all show the same dates.
    for name in fig.layout:
        if name.startswith("xaxis") and fig.layout[name].type == "date":
            fig.layout[name].update(
                tickmode="array", tickvals=tickvals, ticktext=ticktext, hoverformat=HOVER_DATE
            )
    return fig


def add_campaign_bands(
    fig: go.Figure,
    campaigns: pd.DataFrame,
    lang: str = "nl",
    row: int | None = None,
    col: int | None = None,
    compact: bool = False,
) -> None:
    """Shade each campaign period and label it, so the band reads without colour.

    ``row``/``col`` address one subplot of a grid (``col`` defaults to 1). ``compact`` writes only
    the band mark "▥" (for small multiples, where names would overlap; the caption names them).
    """
    for i, camp in enumerate(campaigns.itertuples()):
        kwargs = dict(row=row, col=col or 1) if row else {}
        fig.add_vrect(
            x0=pd.Timestamp(camp.start),
            x1=pd.Timestamp(camp.eind) + pd.Timedelta(days=1),
            fillcolor=BAND_COLOUR,
            line=dict(color=BAND_EDGE, width=1, dash="dot"),
            layer="below",
            annotation=dict(
                text="▥" if compact else f"▥ {plain_text.html(camp.naam)}",
                font=dict(size=11, color=BAND_EDGE),
                textangle=0,
                yshift=0 if compact else -12 * (i % 3),
            ),
            annotation_position="top left",
            **kwargs,
        )


def add_breaks(fig: go.Figure, breaks: pd.DataFrame, lang: str = "nl") -> None:
    """Draw channel launches (and other known breaks) as labelled vertical lines."""
    for brk in breaks.itertuples():
        key = {"start": "break_launch", "eind": "break_end", "wet": "break_law"}[brk.soort_breuk]
        label = t(key, lang, naam=brk.naam)
        fig.add_vline(x=pd.Timestamp(brk.datum), line=dict(color=BREAK_COLOUR, width=2, dash="dash"))
        fig.add_annotation(
            x=pd.Timestamp(brk.datum),
            y=0,
            yref="paper",
            text=label,
            showarrow=False,
            font=dict(size=11, color=BREAK_COLOUR),
            xanchor="left",
            yanchor="bottom",
            textangle=-90,
        )


def report_trend_chart(
    series: pd.DataFrame,
    campaigns: pd.DataFrame,
    breaks: pd.DataFrame,
    *,
    grain: str,
    lang: str = "nl",
    activities: pd.DataFrame | None = None,
    previous: pd.DataFrame | None = None,
    value_label: str | None = None,
) -> ChartSpec:
    """Reports over time with campaign bands, channel breaks and (optionally) activity markers.

    ``series`` has periode, n (NaN when suppressed) and label; ``previous`` the same for the
    period a year earlier, shifted onto this year's axis.
    """
    value_label = value_label or t("reports", lang)
    fig = go.Figure()
    if previous is not None and not previous.empty:
        fig.add_trace(
            go.Scatter(
                x=previous["periode"],
                y=previous["n"],
                name=t("same_period_last_year", lang),
                mode="lines",
                line=dict(color="#767676", width=1.5, dash="dot"),
                connectgaps=False,
            )
        )
    fig.add_trace(
        go.Scatter(
            x=series["periode"],
            y=series["n"],
            name=value_label,
            mode="lines+markers",
            marker=dict(size=4),
            line=dict(color=OKABE_ITO[0], width=2.5),
            connectgaps=False,
            customdata=series["label"],
            hovertemplate="%{x|%d-%m-%Y}: %{customdata}<extra></extra>",
        )
    )
    add_campaign_bands(fig, campaigns, lang)
    add_breaks(fig, breaks, lang)
    if activities is not None and not activities.empty:
        add_activity_markers(fig, activities, float(series["n"].max() or 1) * 1.05, lang)
    _base_layout(fig, lang=lang)
    fig.update_yaxes(title_text=value_label)
    alt, table = trend_alt_and_table(
        series,
        campaigns,
        breaks,
        grain=grain,
        lang=lang,
        activities=activities,
        previous=previous,
        value_label=value_label,
    )
    return ChartSpec(fig, alt, table)


def category_bar_chart(
    counts: pd.DataFrame, label_col: str, *, lang: str = "nl", title: str = ""
) -> ChartSpec:
    """Horizontal bars of counts per category with the number written on each bar."""
    fig = go.Figure(
        go.Bar(
            x=counts["n"],
            y=counts[label_col],
            orientation="h",
            marker_color=OKABE_ITO[0],
            text=counts["label"],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{text}<extra></extra>",
        )
    )
    _base_layout(fig, height=60 + 36 * len(counts), lang=lang)
    fig.update_layout(hovermode="closest", margin=dict(l=10, r=40, t=10, b=10))
    fig.update_yaxes(autorange="reversed", gridcolor="white")
    # Counts are whole and never negative: all-zero bars got an axis from -1 to 1 by halves.
    top = float(counts["n"].max()) if counts["n"].notna().any() else 0.0
    fig.update_xaxes(range=[0, max(top, 1.0) * 1.08], **({"dtick": 1} if top <= 8 else {}))
    return ChartSpec(fig, *category_alt_and_table(counts, label_col, lang=lang, title=title))


def today_marker(fig: go.Figure, day: dt.date) -> None:
    """A thin line at ``day`` (e.g. the end of the data)."""
    fig.add_vline(x=pd.Timestamp(day), line=dict(color="#767676", width=1))


# --- reports and campaigns pages (Meldingen, Campagnes) ------------------------------------------

WEEKDAY_KEYS = ("wd_mon", "wd_tue", "wd_wed", "wd_thu", "wd_fri", "wd_sat", "wd_sun")
# Bar patterns per stacked group, so groups differ by more than colour alone.
PATTERNS = ("", "/", ".", "x", "-", "\\", "+", "|")


def add_activity_markers(fig: go.Figure, activities: pd.DataFrame, y: float, lang: str, **where) -> None:
    """Mark each activity's start with a labelled triangle at height ``y`` (hover shows the title)."""
    if activities is None or activities.empty:
        return
    fig.add_trace(
        go.Scatter(
            x=pd.to_datetime(activities["start"]),
            y=[y] * len(activities),
            mode="markers",
            name=t("activities", lang),
            marker=dict(
                symbol="triangle-down", size=11, color=OKABE_ITO[2], line=dict(color="#004d38", width=1)
            ),
            text=activities["titel"].map(plain_text.html),
            hovertemplate="%{x|%d-%m-%Y}: %{text}<extra></extra>",
        ),
        **where,
    )


def stacked_reports_chart(
    counts: pd.DataFrame,
    group_col: str,
    group_labels: dict[str, str],
    campaigns: pd.DataFrame,
    breaks: pd.DataFrame,
    *,
    grain: str,
    lang: str = "nl",
    activities: pd.DataFrame | None = None,
) -> ChartSpec:
    """Stacked bars of reports per period by ``group_col`` (category or channel), with bands and breaks.

    ``counts`` has periode, ``group_col``, n (NaN when suppressed) and label.
    """
    fig = go.Figure()
    groups = [g for g in group_labels if g in set(counts[group_col])]
    for i, group in enumerate(groups):
        rows = counts[counts[group_col] == group]
        fig.add_trace(
            go.Bar(
                x=rows["periode"],
                y=rows["n"],
                name=group_labels[group],
                marker=dict(
                    color=OKABE_ITO[i % len(OKABE_ITO)],
                    pattern=dict(shape=PATTERNS[i % len(PATTERNS)]),
                    # Light fills (orange, sky blue, yellow) reach 3:1 against white only by their edge.
                    line=dict(color=TEXT_COLOUR, width=0.6),
                ),
                customdata=rows["label"],
                hovertemplate=f"{group_labels[group]}: %{{customdata}}<extra></extra>",
            )
        )
    add_campaign_bands(fig, campaigns, lang)
    add_breaks(fig, breaks, lang)
    per_period = counts.groupby("periode")["n"].sum(min_count=1)
    add_activity_markers(
        fig, activities, float(per_period.max() if per_period.notna().any() else 1) * 1.05, lang
    )
    _base_layout(fig, height=420, lang=lang)
    fig.update_layout(barmode="stack", bargap=0.1)
    fig.update_yaxes(title_text=t("reports", lang))
    totals = counts.groupby(group_col)["n"].sum(min_count=1)
    parts = ", ".join(
        f"{group_labels[g]} {fmt_number(totals.get(g), lang)}" for g in groups if not pd.isna(totals.get(g))
    )
    alt = t(
        "alt_stacked",
        lang,
        grain=t(f"grain_{grain}", lang),
        parts=parts or "–",
        campaigns=fmt_count(len(campaigns), lang),
    )
    table = counts.assign(**{group_col: counts[group_col].map(group_labels)}).pivot_table(
        index="periode", columns=group_col, values="label", aggfunc="first"
    )
    table = table.reset_index().rename(columns={"periode": t("period", lang)})
    table[t("a11y_events", lang)] = events_per_period(
        table[t("period", lang)], grain, campaigns, breaks, lang, activities
    )
    table[t("period", lang)] = pd.to_datetime(table[t("period", lang)]).dt.date
    return ChartSpec(
        fig, alt, mark_perturbed(table, *[group_labels[g] for g in groups if group_labels[g] in table])
    )


def rate_trend_chart(
    rates: pd.DataFrame,
    campaigns: pd.DataFrame,
    breaks: pd.DataFrame,
    *,
    grain: str,
    lang: str = "nl",
    activities: pd.DataFrame | None = None,
) -> ChartSpec:
    """Reports per 10,000 inhabitants per period (NaN where the count is suppressed), with bands.

    ``rates`` has periode, rate, inwoners, jaar (the population year used) and label (count label).
    """
    fig = go.Figure(
        go.Scatter(
            x=rates["periode"],
            y=rates["rate"],
            name=t("reports_per_10k", lang),
            mode="lines+markers",
            marker=dict(size=4),
            line=dict(color=OKABE_ITO[5], width=2.5),
            connectgaps=False,
            hovertemplate="%{x|%d-%m-%Y}: %{y:.2f}<extra></extra>",
        )
    )
    add_campaign_bands(fig, campaigns, lang)
    add_breaks(fig, breaks, lang)
    top = float(rates["rate"].max()) if rates["rate"].notna().any() else 1.0
    add_activity_markers(fig, activities, top * 1.05, lang)
    _base_layout(fig, lang=lang)
    fig.update_yaxes(title_text=t("reports_per_10k", lang))
    mean = rates["rate"].mean(skipna=True)
    peak = rates.loc[rates["rate"].idxmax()] if rates["rate"].notna().any() else None
    alt = t(
        "alt_rate",
        lang,
        grain=t(f"grain_{grain}", lang),
        # One decimal, as the key figure and the table write a rate ("64,2", not "64,08").
        mean=fmt_number(mean, lang, 1),
        peak=fmt_number(peak["rate"], lang, 1) if peak is not None else "–",
        peak_date=fmt_date(peak["periode"].date(), lang) if peak is not None else "–",
        years=", ".join(str(y) for y in sorted(rates["jaar"].dropna().unique())) or "–",
    )
    table = pd.DataFrame(
        {
            t("period", lang): rates["periode"].dt.date,
            t("reports", lang): rates["label"],
            t("reports_per_10k", lang): [fmt_number(r, lang, 1) for r in rates["rate"]],
            t("population_year", lang): rates["jaar"],
            t("a11y_events", lang): events_per_period(
                rates["periode"], grain, campaigns, breaks, lang, activities
            ),
        }
    )
    mark_kind(table, "year", t("population_year", lang))
    return ChartSpec(fig, alt, mark_perturbed(table, t("reports", lang)))


def weekday_hour_heatmap(counts: pd.DataFrame, *, lang: str = "nl") -> ChartSpec:
    """Heat map of reports by weekday (rows, Monday first) and hour (columns); numbers in the cells.

    ``counts`` has weekdag (1 = Monday), uur, n (NaN when suppressed) and label.
    """
    days = [t(key, lang) for key in WEEKDAY_KEYS]
    grid = counts.pivot_table(index="weekdag", columns="uur", values="n", aggfunc="sum")
    grid = grid.reindex(index=range(1, 8), columns=range(24))
    labels = counts.pivot_table(index="weekdag", columns="uur", values="label", aggfunc="first")
    labels = labels.reindex(index=range(1, 8), columns=range(24)).fillna("0")
    fig = go.Figure(
        go.Heatmap(
            z=grid.to_numpy(dtype=float),
            x=[f"{h:02d}" for h in range(24)],
            y=days,
            text=labels.to_numpy(),
            texttemplate="%{text}",
            textfont=dict(size=10),
            colorscale="Blues",
            colorbar=dict(
                title=t("a11y_reports_per_cell", lang), exponentformat="none", separatethousands=True
            ),
            hovertemplate="%{y} %{x}:00: %{text}<extra></extra>",
        )
    )
    _base_layout(fig, height=330, lang=lang)
    fig.update_layout(hovermode="closest")
    fig.update_yaxes(autorange="reversed", rangemode=None, gridcolor="white")
    fig.update_xaxes(title_text=t("hour", lang))
    if grid.notna().any().any():
        wd, hour = grid.stack().idxmax()
        peak = t(
            "alt_heat_peak",
            lang,
            day=days[int(wd) - 1],
            hour=f"{int(hour):02d}",
            n=fmt_number(grid.loc[wd, hour], lang),
        )
    else:
        peak = ""
    alt = t("alt_heat", lang, total=fmt_number(counts["n"].sum(skipna=True), lang), peak=peak)
    table = labels.copy()
    table.index = days
    table.columns = [f"{h:02d}" for h in range(24)]
    table = table.reset_index(names=t("weekday", lang))
    return ChartSpec(fig, alt, mark_perturbed(table, *[f"{h:02d}" for h in range(24)]))


def campaign_timeline_chart(
    campaigns: pd.DataFrame,
    names: dict[str, str],
    trend: pd.DataFrame,
    breaks: pd.DataFrame,
    *,
    grain: str,
    lang: str = "nl",
    highlight: str | None = None,
    bands: pd.DataFrame | None = None,
) -> ChartSpec:
    """Gantt chart of campaigns per municipality, above the report trend on the same time axis.

    ``campaigns`` has one row per campaign x municipality (campagne_id, naam, schaal, start, eind,
    gemeentecode); ``trend`` has periode, n (NaN when suppressed) and label. ``highlight`` (a
    campagne_id) is drawn with a thick outline; ``bands`` (campaign rows) are shaded on the trend
    (default: the highlighted campaign).
    """
    from plotly.subplots import make_subplots

    lanes = sorted(set(campaigns["gemeentecode"]), key=lambda c: names.get(c, c))
    fig = make_subplots(rows=2, cols=1, shared_xaxes=True, row_heights=[0.55, 0.45], vertical_spacing=0.06)
    scale_style = {"landelijk": (OKABE_ITO[0], "/"), "lokaal": (OKABE_ITO[1], "")}
    for schaal, (colour, pattern) in scale_style.items():
        rows = campaigns[campaigns["schaal"] == schaal]
        if rows.empty:
            continue
        starts, ends = pd.to_datetime(rows["start"]), pd.to_datetime(rows["eind"]) + pd.Timedelta(days=1)
        chosen = (rows["campagne_id"] == highlight).to_numpy()
        fig.add_trace(
            go.Bar(
                base=starts,
                x=(ends - starts).dt.total_seconds() * 1000,
                y=[names.get(c, c) for c in rows["gemeentecode"]],
                orientation="h",
                name=t(f"scale_{schaal}", lang),
                marker=dict(
                    color=colour,
                    pattern=dict(shape=pattern),
                    # A dark edge gives the light orange bars 3:1 against white; the chosen
                    # campaign differs by a thicker edge, not by colour.
                    line=dict(color="#000000", width=[3 if c else 0.75 for c in chosen]),
                ),
                customdata=list(
                    zip(
                        rows["naam"].map(plain_text.html),
                        starts.dt.strftime("%d-%m-%Y"),
                        ends.dt.strftime("%d-%m-%Y"),
                        strict=True,
                    )
                ),
                hovertemplate="%{y}: %{customdata[0]} (%{customdata[1]} – %{customdata[2]})<extra></extra>",
            ),
            row=1,
            col=1,
        )
    fig.add_trace(
        go.Scatter(
            x=trend["periode"],
            y=trend["n"],
            name=t("reports", lang),
            mode="lines+markers",
            marker=dict(size=4),
            line=dict(color=OKABE_ITO[0], width=2),
            connectgaps=False,
            customdata=trend["label"],
            hovertemplate="%{x|%d-%m-%Y}: %{customdata}<extra></extra>",
        ),
        row=2,
        col=1,
    )
    if bands is None:
        bands = campaigns[campaigns["campagne_id"] == highlight]
    add_campaign_bands(fig, bands.drop_duplicates("campagne_id"), lang, row=2)
    for brk in breaks.itertuples():
        fig.add_vline(
            x=pd.Timestamp(brk.datum), line=dict(color=BREAK_COLOUR, width=1.5, dash="dash"), row=2, col=1
        )
    _base_layout(fig, height=200 + 26 * len(lanes) + 220, lang=lang)
    fig.update_layout(barmode="overlay", hovermode="closest")
    fig.update_xaxes(type="date")
    fig.update_yaxes(autorange="reversed", gridcolor="white", rangemode=None, row=1, col=1)
    fig.update_yaxes(title_text=t("reports", lang), row=2, col=1)
    first = pd.to_datetime(campaigns["start"]).min() if not campaigns.empty else None
    last = pd.to_datetime(campaigns["eind"]).max() if not campaigns.empty else None
    alt = t(
        "alt_timeline",
        lang,
        n=campaigns["campagne_id"].nunique(),
        gemeenten=len(lanes),
        start=fmt_date(first.date(), lang) if first is not None else "–",
        end=fmt_date(last.date(), lang) if last is not None else "–",
        grain=t(f"grain_{grain}", lang),
        total=fmt_number(trend["n"].sum(skipna=True), lang),
    )
    table = pd.DataFrame(
        {
            t("campaign", lang): campaigns["naam"],
            t("municipality", lang): [names.get(c, c) for c in campaigns["gemeentecode"]],
            t("scale", lang): [t(f"scale_{s}", lang) for s in campaigns["schaal"]],
            t("start", lang): pd.to_datetime(campaigns["start"]).dt.date,
            t("end", lang): pd.to_datetime(campaigns["eind"]).dt.date,
        }
    )
    trend_table = pd.DataFrame(
        {
            t("period", lang): pd.to_datetime(trend["periode"]).dt.date,
            t("reports", lang): trend["label"],
            t("a11y_events", lang): events_per_period(trend["periode"], grain, bands, breaks, lang),
        }
    )
    mark_perturbed(trend_table, t("reports", lang))
    return ChartSpec(fig, alt, table, more_tables={t("a11y_timeline_trend_table", lang): trend_table})


def counterfactual_chart(
    weekly: pd.DataFrame, *, lang: str = "nl", observed_label: str | None = None
) -> ChartSpec:
    """Observed weekly reports against the expectation without the campaign, with its 95% band.

    ``weekly`` is ``EffectEstimate.weekly`` after privacy: week, period (pre/window), observed
    (NaN when suppressed), label, expected, low, high. ``observed_label`` is the window's count as
    the card publishes it (a cell of its own, ADR 0006), so the sentence says the card's number;
    without it the sentence adds up the weeks.
    """
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=pd.concat([weekly["week"], weekly["week"][::-1]]),
            y=pd.concat([weekly["high"], weekly["low"][::-1]]),
            fill="toself",
            fillcolor="rgba(118, 118, 118, 0.22)",
            line=dict(width=0),
            name=t("expected_band", lang),
            hoverinfo="skip",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=weekly["week"],
            y=weekly["expected"],
            name=t("expected_without", lang),
            mode="lines",
            line=dict(color="#444444", width=2, dash="dash"),
            hovertemplate="%{x|%d-%m-%Y}: %{y:.1f}<extra></extra>",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=weekly["week"],
            y=weekly["observed"],
            name=t("observed", lang),
            mode="lines+markers",
            line=dict(color=OKABE_ITO[0], width=2.5),
            marker=dict(size=6),
            connectgaps=False,
            customdata=weekly["label"],
            hovertemplate="%{x|%d-%m-%Y}: %{customdata}<extra></extra>",
        )
    )
    window = weekly[weekly["period"] == "window"]
    if not window.empty:
        fig.add_vrect(
            x0=window["week"].min(),
            x1=window["week"].max() + pd.Timedelta(days=7),
            fillcolor=BAND_COLOUR,
            line=dict(color=BAND_EDGE, width=1, dash="dot"),
            layer="below",
            annotation=dict(text=f"▥ {t('campaign', lang)}", font=dict(size=11, color=BAND_EDGE)),
            annotation_position="top left",
        )
    _base_layout(fig, height=360, lang=lang)
    fig.update_yaxes(title_text=t("reports_per_week", lang))
    alt = t(
        "alt_counterfactual",
        lang,
        weeks=len(window),
        observed=observed_label or fmt_number(window["observed"].sum(skipna=True), lang),
        expected=fmt_number(window["expected"].sum(), lang),
    )
    table = pd.DataFrame(
        {
            t("week", lang): weekly["week"].dt.date,
            t("observed", lang): weekly["label"],
            t("expected_without", lang): [fmt_number(v, lang, 1) for v in weekly["expected"]],
            t("band_low", lang): [fmt_number(v, lang, 0) for v in weekly["low"]],
            t("band_high", lang): [fmt_number(v, lang, 0) for v in weekly["high"]],
        }
    )
    return ChartSpec(fig, alt, mark_perturbed(table, t("observed", lang)))


def campaign_forest_chart(effects: pd.DataFrame, *, lang: str = "nl") -> ChartSpec:
    """Forest plot: relative change (with 95% interval) of every campaign x municipality, sorted.

    ``effects`` has ``label`` (campaign — municipality), relative_change, relative_low and
    relative_high (NaN = unbounded above); rows without an estimate are left out by the caller.
    """
    rows = effects.sort_values("relative_change").reset_index(drop=True)
    change = rows["relative_change"] * 100
    low = rows["relative_low"] * 100
    cap = float(np.nanmax(rows["relative_high"] * 100)) if rows["relative_high"].notna().any() else 100.0
    high = (rows["relative_high"] * 100).fillna(max(cap, float(change.max() if len(change) else 0)) * 1.1)
    clear = (low > 0) | (high < 0)
    fig = go.Figure(
        go.Scatter(
            x=change,
            y=rows["label"],
            mode="markers",
            name=t("relative_change", lang),
            marker=dict(
                symbol=["diamond" if c else "circle-open" for c in clear],
                size=10,
                color=[OKABE_ITO[5] if c else "#555555" for c in clear],
                line=dict(width=2),
            ),
            error_x=dict(
                type="data", symmetric=False, array=high - change, arrayminus=change - low, color="#555555"
            ),
            customdata=list(
                zip(
                    [fmt_percent(v, lang, sign=True) for v in rows["relative_change"]],
                    [fmt_percent(v, lang, sign=True) for v in rows["relative_low"]],
                    [
                        fmt_percent(v, lang, sign=True) if not pd.isna(v) else "…"
                        for v in rows["relative_high"]
                    ],
                    strict=True,
                )
            ),
            hovertemplate="%{y}: %{customdata[0]} (%{customdata[1]} – %{customdata[2]})<extra></extra>",
        )
    )
    fig.add_vline(x=0, line=dict(color="#000000", width=1.5))
    _base_layout(fig, height=120 + 22 * len(rows), lang=lang)
    fig.update_layout(hovermode="closest", showlegend=False, margin=dict(l=10, r=20, t=30, b=10))
    fig.update_xaxes(
        title_text=t("relative_change_axis", lang), ticksuffix="%", showgrid=True, gridcolor="#e5e5e5"
    )
    fig.update_yaxes(gridcolor="#f0f0f0", rangemode=None, type="category")
    alt = t(
        "alt_forest",
        lang,
        n=len(rows),
        clear_up=int((low > 0).sum()),
        clear_down=int((high < 0).sum()),
        median=fmt_percent(rows["relative_change"].median(), lang, sign=True) if len(rows) else "–",
    )
    table = pd.DataFrame(
        {
            t("campaign", lang): rows["label"],
            t("relative_change", lang): [fmt_percent(v, lang, sign=True) for v in rows["relative_change"]],
            t("interval_95", lang): [
                f"{fmt_percent(lo, lang, sign=True)} – {fmt_percent(hi, lang, sign=True) if not pd.isna(hi) else '…'}"
                for lo, hi in zip(rows["relative_low"], rows["relative_high"], strict=True)
            ],
        }
    )
    return ChartSpec(fig, alt, table)
