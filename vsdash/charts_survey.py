"""The willingness to report per municipality: reports per 1,000 people who experienced street
harassment, with 95% intervals (issue 19).

Rows arrive from ``vsdash.views.comparison`` with the ratio of ``publication.member_figures``
already hidden where the count is (status not "gerangschikt"). Municipalities without a survey
round or without a reporting point get no dot, and the table says why, never a zero.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from vsdash import compare
from vsdash.charts import OKABE_ITO, TEXT_COLOUR, ChartSpec, _base_layout, interval_whiskers
from vsdash.i18n import fmt_number, t
from vsdash.publication import RATIO_SCALE

FOCUS_COLOUR = OKABE_ITO[5]
DOT_COLOUR = OKABE_ITO[0]


def _interval(value: float, low: float, high: float, lang: str) -> str:
    upper = fmt_number(high, lang, 1) if np.isfinite(high) else t("ratio_no_upper", lang)
    return f"{fmt_number(value, lang, 1)} ({fmt_number(low, lang, 1)}–{upper})"


def ratio_rows(ranked: pd.DataFrame) -> pd.DataFrame:
    """The rows that get a dot: a published count, a reporting point and a survey round."""
    shown = ranked[(ranked["status"] == compare.RANKED) & ranked["ratio"].notna()].copy()
    for column in ("ratio", "ratio_low", "ratio_high"):
        shown[f"{column}_k"] = shown[column].astype(float) * RATIO_SCALE
    return shown.sort_values("ratio_k", ascending=False)


def reporting_ratio_chart(
    ranked: pd.DataFrame, *, names: pd.Series, focus: str | None = None, lang: str = "nl"
) -> ChartSpec:
    """Dots with whiskers: reports per 1,000 who experienced street harassment, highest first."""
    dots = ratio_rows(ranked)
    dots["naam"] = [names.get(c, c) for c in dots["gemeentecode"]]
    is_focus = (dots["gemeentecode"] == focus).to_numpy()
    dots["as_label"] = [f"▶ <b>{n}</b>" if f else n for n, f in zip(dots["naam"], is_focus, strict=True)]
    dots["tekst"] = [
        _interval(r, lo, hi, lang)
        for r, lo, hi in zip(dots["ratio_k"], dots["ratio_low_k"], dots["ratio_high_k"], strict=True)
    ]
    finite_high = dots["ratio_high_k"].where(np.isfinite(dots["ratio_high_k"]))
    top = float(np.nanmax(finite_high)) if finite_high.notna().any() else 1.0
    whisker_high = finite_high.fillna(top * 1.3)
    fig = go.Figure(
        go.Scatter(
            x=dots["ratio_k"],
            y=dots["as_label"],
            mode="markers",
            marker=dict(
                size=11,
                color=np.where(is_focus, FOCUS_COLOUR, DOT_COLOUR).tolist(),
                symbol=["diamond" if f else "circle" for f in is_focus],
            ),
            error_x=interval_whiskers(dots["ratio_k"], dots["ratio_low_k"], whisker_high),
            customdata=dots[["naam", "tekst", "enquete_jaar"]].to_numpy(),
            hovertemplate="%{customdata[0]}: %{customdata[1]}<br>"
            + t("cmp_ratio_round", lang)
            + ": %{customdata[2]:.0f}<extra></extra>",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=whisker_high,
            y=dots["as_label"],
            mode="text",
            text=["  " + text for text in dots["tekst"]],
            textposition="middle right",
            textfont=dict(size=12, color=TEXT_COLOUR),
            hoverinfo="skip",
            cliponaxis=False,
        )
    )
    _base_layout(fig, height=max(220, 70 + 30 * len(dots)))
    fig.update_layout(hovermode="closest", margin=dict(l=10, r=20, t=30, b=10), showlegend=False)
    fig.update_xaxes(
        title_text=t("cmp_ratio_axis", lang), range=[0, top * 1.45], showgrid=True, gridcolor="#eee"
    )
    fig.update_yaxes(autorange="reversed", gridcolor="white")
    if len(dots):
        first, last = dots.iloc[0], dots.iloc[-1]
        alt = t(
            "alt_reporting_ratio",
            lang,
            n=len(dots),
            top=first["naam"],
            top_ratio=first["tekst"],
            bottom=last["naam"],
            bottom_ratio=last["tekst"],
        )
    else:
        alt = t("alt_reporting_ratio_none", lang)
    return ChartSpec(fig, alt, ratio_table(ranked, names=names, lang=lang))


def ratio_table(ranked: pd.DataFrame, *, names: pd.Series, lang: str = "nl") -> pd.DataFrame:
    """Per municipality: survey round, share who experienced it (± margin), reports, ratio, or why not."""
    shown = set(ratio_rows(ranked)["gemeentecode"])
    rows = []
    for r in ranked.itertuples():
        has_round = pd.notna(r.enquete_jaar)
        if r.gemeentecode in shown:
            note = ""
        elif not has_round:
            note = t("cmp_ratio_no_survey", lang)
        elif r.status == compare.NO_CHANNEL:
            note = t("no_channel_short", lang)
        elif r.status == compare.TOO_FEW:
            note = t("cmp_too_few_short", lang)
        else:
            note = t("privacy_rate_hidden_short", lang)
        visible = r.gemeentecode in shown
        rows.append(
            {
                t("municipality", lang): names.get(r.gemeentecode, r.gemeentecode),
                t("cmp_ratio_round", lang): str(int(r.enquete_jaar)) if has_round else "",
                t("survey_prevalence_label", lang): (
                    f"{fmt_number(r.prevalentie, lang, 1)}% (± {fmt_number(r.marge, lang, 1)})"
                    if has_round
                    else ""
                ),
                t("reports", lang): r.label
                if r.status != compare.NO_CHANNEL
                else t("no_channel_short", lang),
                t("reporting_ratio_label", lang): (
                    _interval(
                        r.ratio * RATIO_SCALE, r.ratio_low * RATIO_SCALE, r.ratio_high * RATIO_SCALE, lang
                    )
                    if visible
                    else ""
                ),
                t("cmp_col_note", lang): note,
            }
        )
    return pd.DataFrame(rows)
