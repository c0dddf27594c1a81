"""Charts of the activities register: a timeline and planned-versus-happened per category.

Builders return ``charts.ChartSpec`` (figure, one-sentence alt text, data table). Category and
status are never carried by colour alone: categories are written on or beside the bars, statuses
have a fill pattern and their count written in the segment.
"""

from __future__ import annotations

import datetime as dt
import html

import pandas as pd
import plotly.graph_objects as go

from vsdash import plain_text, schema
from vsdash.charts import OKABE_ITO, ChartSpec, _base_layout
from vsdash.i18n import fmt_date, fmt_number, t
from vsdash.palette import text_on

CATEGORY_COLOURS = dict(zip(schema.ACTIVITY_CATEGORIES, OKABE_ITO[:4], strict=True))
STATUS_COLOURS = {
    "gepland": "#56B4E9",
    "lopend": "#0072B2",
    "afgerond": "#009E73",
    "uitgesteld_covid": "#E69F00",
    "geannuleerd": "#D55E00",
}
STATUS_PATTERNS = {"gepland": ".", "lopend": "/", "afgerond": "", "uitgesteld_covid": "x", "geannuleerd": "-"}
MS_PER_DAY = 86_400_000


def _short(text: str, width: int = 38) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def activity_timeline_chart(
    activities: pd.DataFrame,
    *,
    names: pd.Series,
    until: dt.date,
    lang: str = "nl",
    max_rows: int = 40,
) -> ChartSpec:
    """Gantt chart of activities, coloured by category with the category written on each row.

    Up to ``max_rows`` activities get a row each (title and municipality on the axis, category on
    the bar); more are drawn in one lane per municipality and category (the lane's name says the
    category). Activities without an end date run to ``until`` and are marked "doorlopend".
    """
    acts = activities.copy()
    acts["van"] = pd.to_datetime(acts["start"])
    running = acts["eind"].isna()
    acts["tot"] = pd.to_datetime(acts["eind"]).fillna(max(pd.Timestamp(until), acts["van"].max()))
    # A one-day activity still needs a visible bar.
    acts["tot"] = acts[["tot", "van"]].max(axis=1) + pd.Timedelta(days=1)
    acts["gemeente"] = [names.get(c, c) for c in acts["gemeentecode"]]
    acts["cat_label"] = [t(f"cat_{c}", lang) for c in acts["categorie"]]
    acts["status_label"] = [t(f"act_status_{s}", lang) for s in acts["status"]]
    acts["eind_label"] = [
        t("act_running", lang) if r else fmt_date(e.date(), lang)
        for r, e in zip(running, pd.to_datetime(acts["eind"]), strict=True)
    ]
    per_activity = len(acts) <= max_rows
    acts["titel_html"] = acts["titel"].map(plain_text.html)  # plotly renders HTML in labels
    order = {c: i for i, c in enumerate(schema.ACTIVITY_CATEGORIES)}
    acts["cat_order"] = acts["categorie"].map(order)
    if per_activity:
        acts = acts.sort_values(["van", "gemeente"])
        acts["rij"] = [
            f"{plain_text.html(_short(ti))} · {g}"
            for ti, g in zip(acts["titel"], acts["gemeente"], strict=True)
        ]
        # Duplicate titles in one municipality (a yearly workshop) still need their own row.
        acts["rij"] = acts["rij"] + acts.groupby("rij").cumcount().map(
            lambda i: "" if i == 0 else f" ({i + 1})"
        )
    else:
        acts = acts.sort_values(["gemeente", "cat_order", "van"])
        acts["rij"] = (acts["gemeente"] + " · " + acts["cat_label"]).map(
            lambda text: html.escape(text, quote=False)
        )
    rows = list(dict.fromkeys(acts["rij"]))

    fig = go.Figure()
    for category in schema.ACTIVITY_CATEGORIES:
        part = acts[acts["categorie"] == category]
        if part.empty:
            continue
        fig.add_trace(
            go.Bar(
                base=part["van"],
                x=(part["tot"] - part["van"]).dt.total_seconds() * 1000,
                y=part["rij"],
                orientation="h",
                name=t(f"cat_{category}", lang),
                marker=dict(color=CATEGORY_COLOURS[category], line=dict(color="#1a1a1a", width=0.5)),
                text=part["cat_label"] if per_activity else None,
                textposition="outside" if per_activity else "none",
                textfont=dict(size=11),
                cliponaxis=False,
                customdata=part[["titel_html", "gemeente", "status_label", "eind_label"]].to_numpy(),
                hovertemplate=(
                    "<b>%{customdata[0]}</b><br>%{customdata[1]} · "
                    + t(f"cat_{category}", lang)
                    + "<br>%{base|%d-%m-%Y} – %{customdata[3]}<br>%{customdata[2]}<extra></extra>"
                ),
            )
        )
    _base_layout(fig, height=max(220, 70 + 22 * len(rows)))
    fig.update_layout(
        barmode="overlay",
        hovermode="closest",
        legend=dict(orientation="h", y=1.02, yanchor="bottom"),
        margin=dict(l=10, r=100, t=40, b=10),  # room for the category written after a bar that runs on
    )
    fig.update_xaxes(type="date")
    fig.update_yaxes(categoryorder="array", categoryarray=rows[::-1], gridcolor="#f0f0f0", rangemode=None)
    counts = acts["categorie"].value_counts()
    parts = ", ".join(
        f"{t(f'cat_{c}', lang).lower()} {fmt_number(int(counts.get(c, 0)), lang)}"
        for c in schema.ACTIVITY_CATEGORIES
    )
    alt = t(
        "alt_activity_timeline",
        lang,
        n=fmt_number(len(acts), lang),
        start=fmt_date(acts["van"].min().date(), lang) if len(acts) else "–",
        end=fmt_date(acts["tot"].max().date(), lang) if len(acts) else "–",
        parts=parts,
    )
    table = pd.DataFrame(
        {
            t("municipality", lang): acts["gemeente"],
            t("act_col_title", lang): acts["titel"],
            t("act_col_category", lang): acts["cat_label"],
            t("act_col_status", lang): acts["status_label"],
            t("act_col_start", lang): acts["van"].dt.date,
            t("act_col_end", lang): acts["eind_label"],
        }
    )
    return ChartSpec(fig, alt, table.reset_index(drop=True))


def status_by_category_chart(counts: pd.DataFrame, *, lang: str = "nl") -> ChartSpec:
    """Stacked bars per category split by status (gepland, lopend, afgerond, uitgesteld, geannuleerd).

    ``counts`` comes from ``activities.status_by_category`` (categorie, status, n). Each segment
    carries its count as text and a fill pattern per status.
    """
    cat_labels = [t(f"cat_{c}", lang) for c in schema.ACTIVITY_CATEGORIES]
    fig = go.Figure()
    for status in schema.ACTIVITY_STATUSES:
        part = counts[counts["status"] == status].set_index("categorie").reindex(schema.ACTIVITY_CATEGORIES)
        values = part["n"].fillna(0).astype(int)
        fig.add_trace(
            go.Bar(
                x=values,
                y=cat_labels,
                orientation="h",
                name=t(f"act_status_{status}", lang),
                marker=dict(
                    color=STATUS_COLOURS[status],
                    pattern=dict(
                        shape=STATUS_PATTERNS[status],
                        fgcolor="#1a1a1a",
                        fgopacity=0.35,
                        size=6,
                        fillmode="overlay",
                    ),
                    line=dict(color="white", width=1),
                ),
                text=[fmt_number(v, lang) if v else "" for v in values],
                textposition="inside",
                insidetextanchor="middle",
                textfont=dict(color=text_on(STATUS_COLOURS[status]), size=12),
                hovertemplate="%{y} · " + t(f"act_status_{status}", lang) + ": %{x}<extra></extra>",
            )
        )
    _base_layout(fig, height=300)
    fig.update_layout(
        barmode="stack",
        hovermode="closest",
        legend=dict(orientation="h", y=1.02, yanchor="bottom", traceorder="normal"),
        margin=dict(l=10, r=10, t=40, b=10),
    )
    fig.update_yaxes(autorange="reversed", gridcolor="white")
    # Whole activities: a few of them would otherwise get ticks at 0,5 and 1,5.
    top = counts.groupby("categorie")["n"].sum().max() if len(counts) else 0
    fig.update_xaxes(
        title_text=t("act_count_axis", lang),
        tickformat="d",
        rangemode="tozero",
        **({"dtick": 1} if top <= 10 else {}),
    )
    pivot = counts.pivot(index="categorie", columns="status", values="n").reindex(
        index=list(schema.ACTIVITY_CATEGORIES), columns=list(schema.ACTIVITY_STATUSES)
    )
    sentences = []
    for category, label in zip(schema.ACTIVITY_CATEGORIES, cat_labels, strict=True):
        row = pivot.loc[category]
        shown = [
            # Only the first letter: "uitgesteld (Covid-19)", not "(covid-19)".
            f"{fmt_number(int(row[s]), lang)} {_first_lower(t(f'act_status_{s}', lang))}"
            for s in schema.ACTIVITY_STATUSES
            if row[s]
        ]
        sentences.append(f"{label}: {', '.join(shown) if shown else fmt_number(0, lang)}")
    alt = t("alt_status_by_category", lang, parts="; ".join(sentences))
    table = pivot.copy()
    table.columns = [t(f"act_status_{s}", lang) for s in table.columns]
    table.insert(0, t("act_col_category", lang), cat_labels)
    return ChartSpec(fig, alt, table.reset_index(drop=True))


def _first_lower(text: str) -> str:
    return text[:1].lower() + text[1:]
