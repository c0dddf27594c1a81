"""Plotly figures for the pages. Every builder returns a ``ChartSpec``: figure, text alternative
and the table behind it, so that every chart can be read without seeing it (WCAG 2.1 AA).

Colours come from the Okabe-Ito palette (colour-blind safe) and are never the only carrier of
meaning: campaign bands carry a text label and a hatch pattern; lines carry direct labels.
Counts arrive already suppressed by ``vsdash.privacy`` (suppressed values are NaN and the table's
label column says "<5").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from vsdash.i18n import fmt_date, fmt_number, t

# Okabe-Ito: distinguishable with the common forms of colour blindness.
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
TEXT_COLOUR = "#1a1a1a"
BAND_COLOUR = "rgba(230, 159, 0, 0.18)"  # orange, light; label and hatch carry the meaning too
BAND_EDGE = "#8a5a00"  # dark enough for 4.5:1 text on white
BREAK_COLOUR = "#6b2c91"
FONT = dict(family="Source Sans Pro, Arial, sans-serif", size=14, color=TEXT_COLOUR)


@dataclass
class ChartSpec:
    """A chart with its one-sentence text alternative and the data table behind it."""

    figure: go.Figure
    alt: str
    table: pd.DataFrame


def _base_layout(fig: go.Figure, height: int = 380) -> go.Figure:
    fig.update_layout(
        height=height,
        margin=dict(l=10, r=10, t=30, b=10),
        font=FONT,
        plot_bgcolor="white",
        paper_bgcolor="white",
        hovermode="x unified",
        legend=dict(orientation="h", y=-0.15),
        separators=",.",
    )
    fig.update_xaxes(showgrid=False, linecolor="#555", ticks="outside")
    fig.update_yaxes(gridcolor="#e5e5e5", zeroline=True, zerolinecolor="#999", rangemode="tozero")
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
                text="▥" if compact else f"▥ {camp.naam}",
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
        label = t("break_launch" if brk.soort_breuk == "start" else "break_end", lang, naam=brk.naam)
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
        top = float(series["n"].max() or 1) * 1.05
        fig.add_trace(
            go.Scatter(
                x=pd.to_datetime(activities["start"]),
                y=[top] * len(activities),
                mode="markers",
                name=t("activities", lang),
                marker=dict(
                    symbol="triangle-down", size=11, color=OKABE_ITO[2], line=dict(color="#004d38", width=1)
                ),
                text=activities["titel"],
                hovertemplate="%{x|%d-%m-%Y}: %{text}<extra></extra>",
            )
        )
    _base_layout(fig)
    fig.update_yaxes(title_text=value_label)
    total = series["n"].sum(skipna=True)
    peak = series.loc[series["n"].idxmax()] if series["n"].notna().any() else None
    alt = t(
        "alt_trend",
        lang,
        grain=t(f"grain_{grain}", lang),
        total=fmt_number(total, lang),
        start=fmt_date(series["periode"].min().date(), lang) if not series.empty else "–",
        end=fmt_date(series["periode"].max().date(), lang) if not series.empty else "–",
        peak=fmt_number(peak["n"], lang) if peak is not None else "–",
        peak_date=fmt_date(peak["periode"].date(), lang) if peak is not None else "–",
        campaigns=len(campaigns),
    )
    table = pd.DataFrame({t("period", lang): series["periode"].dt.date, value_label: series["label"]})
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
    _base_layout(fig, height=60 + 36 * len(counts))
    fig.update_layout(hovermode="closest", margin=dict(l=10, r=40, t=10, b=10))
    fig.update_yaxes(autorange="reversed", gridcolor="white")
    parts = ", ".join(f"{row[label_col]} {row['label']}" for _, row in counts.iterrows())
    alt = t("alt_bars", lang, title=title, parts=parts)
    return ChartSpec(fig, alt, counts[[label_col, "label"]].rename(columns={"label": t("count", lang)}))


def today_marker(fig: go.Figure, day: dt.date) -> None:
    """A thin line at ``day`` (e.g. the end of the data)."""
    fig.add_vline(x=pd.Timestamp(day), line=dict(color="#767676", width=1))
