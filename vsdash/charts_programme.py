"""Charts of the Programma page: participants per year per programme, funding per month.

Builders return ``charts.ChartSpec`` (figure, one-sentence alt text, data table). Programmes are
never told apart by colour alone: each bar carries its count and a fill pattern per programme
(the patterns of the Vergelijken membership chart); the funding's two parts are labelled.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go

from vsdash.charts import OKABE_ITO, ChartSpec, _base_layout
from vsdash.charts_compare import PROGRAMME_COLOURS, PROGRAMME_PATTERNS
from vsdash.i18n import fmt_date, fmt_euro, fmt_number, t


def participants_chart(per_year: pd.DataFrame, *, lang: str = "nl") -> ChartSpec:
    """Grouped bars: participating municipalities per year, one bar per programme with its count.

    ``per_year`` comes from ``publication.participants_per_year`` (programma, programma_naam,
    jaar, deelnemers).
    """
    fig = go.Figure()
    for programme, part in per_year.groupby("programma", sort=True):
        shown = part[part["deelnemers"] > 0]
        fig.add_trace(
            go.Bar(
                x=shown["jaar"].astype(str),
                y=shown["deelnemers"],
                name=str(part["programma_naam"].iloc[0]),
                marker=dict(
                    color=PROGRAMME_COLOURS.get(programme, OKABE_ITO[4]),
                    pattern=dict(
                        shape=PROGRAMME_PATTERNS.get(programme, ""),
                        fgcolor="white",
                        fgopacity=0.6,
                        fillmode="overlay",
                    ),
                ),
                text=[fmt_number(int(n), lang) for n in shown["deelnemers"]],
                textposition="outside",
                cliponaxis=False,
                hovertemplate="%{x} · " + str(part["programma_naam"].iloc[0]) + ": %{y}<extra></extra>",
            )
        )
    _base_layout(fig, height=340, lang=lang)
    fig.update_layout(
        barmode="group",
        hovermode="closest",
        legend=dict(orientation="h", y=1.02, yanchor="bottom"),
        margin=dict(l=10, r=10, t=50, b=10),
    )
    # Years, not amounts (no thousands separator), in order whichever programme has a bar first.
    years_axis = [str(y) for y in sorted(per_year["jaar"].unique())]
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=years_axis)
    fig.update_yaxes(title_text=t("prog_participants_axis", lang))
    years = sorted(per_year["jaar"].unique())
    last = per_year[per_year["jaar"] == years[-1]] if years else per_year
    alt = t(
        "alt_participants",
        lang,
        eerste=years[0] if years else "–",
        laatste=years[-1] if years else "–",
        parts=", ".join(
            f"{r.programma_naam} {fmt_number(int(r.deelnemers), lang)}" for r in last.itertuples()
        ),
    )
    table = per_year.pivot(index="jaar", columns="programma_naam", values="deelnemers").reset_index()
    table = table.rename(columns={"jaar": t("prog_col_year", lang)})
    return ChartSpec(fig, alt, table)


def funding_chart(
    monthly: pd.DataFrame, *, start: dt.date | None = None, end: dt.date | None = None, lang: str = "nl"
) -> ChartSpec:
    """Stacked bars per month: state funding and the municipalities' co-financing.

    ``monthly`` comes from ``publication.funding_per_month`` (maand, rijk_eur, cofinanciering_eur)
    over [``start``, ``end``]: its first and last month hold only the days of the period, so the
    text names those days, not the whole months (without them: the months' first and last day).
    """
    fig = go.Figure()
    parts = (
        ("rijk_eur", "prog_state", OKABE_ITO[0], ""),
        ("cofinanciering_eur", "prog_own", OKABE_ITO[1], "/"),
    )
    for column, label_key, colour, pattern in parts:
        fig.add_trace(
            go.Bar(
                x=monthly["maand"],
                y=monthly[column],
                name=t(label_key, lang),
                marker=dict(
                    color=colour,
                    pattern=dict(shape=pattern, fgcolor="white", fgopacity=0.6, fillmode="overlay"),
                ),
                customdata=[fmt_euro(v, lang) for v in monthly[column]],
                hovertemplate="%{x|%m-%Y} · " + t(label_key, lang) + ": %{customdata}<extra></extra>",
            )
        )
    _base_layout(fig, height=320, lang=lang)
    fig.update_layout(
        barmode="stack",
        hovermode="closest",
        legend=dict(orientation="h", y=1.02, yanchor="bottom"),
        margin=dict(l=10, r=10, t=50, b=10),
    )
    fig.update_xaxes(type="date")
    fig.update_yaxes(title_text=t("prog_funding_axis", lang))
    # Whole euros, as written, before adding, so the parts add up to the total in the text.
    state, own = round(float(monthly["rijk_eur"].sum())), round(float(monthly["cofinanciering_eur"].sum()))
    first = start or (monthly["maand"].min().date() if len(monthly) else None)
    last = end or ((monthly["maand"].max() + pd.offsets.MonthEnd(0)).date() if len(monthly) else None)
    alt = t(
        "alt_funding",
        lang,
        start=fmt_date(first, lang) if first else "–",
        eind=fmt_date(last, lang) if last else "–",
        totaal=fmt_euro(state + own, lang),
        rijk=fmt_euro(state, lang),
    )
    table = pd.DataFrame(
        {
            t("prog_col_month", lang): monthly["maand"].dt.strftime("%Y-%m"),
            t("prog_state", lang): monthly["rijk_eur"].round(2),
            t("prog_own", lang): monthly["cofinanciering_eur"].round(2),
        }
    )
    return ChartSpec(fig, alt, table)
