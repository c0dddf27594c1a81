"""Charts for comparing municipalities: a map, ranked rates with intervals, small multiples and
programme membership over time.

Builders return ``charts.ChartSpec``. Rates arrive already through ``vsdash.privacy`` (NaN where a
count is hidden); municipalities without a reporting channel are drawn as "geen meldpunt", never
as zero. Names are written next to markers and bars, so colour is never the only carrier.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from vsdash import compare, palette
from vsdash.charts import (
    BAND_EDGE,
    OKABE_ITO,
    TEXT_COLOUR,
    ChartSpec,
    _base_layout,
    add_campaign_bands,
    interval_whiskers,
)
from vsdash.i18n import fmt_count, fmt_date, fmt_number, t
from vsdash.spreadsheets import mark_kind

FOCUS_COLOUR = OKABE_ITO[5]  # vermillion: the selected municipality
BAR_COLOUR = OKABE_ITO[0]
NO_DATA_FILL = palette.NO_DATA_COLOUR
OUTSIDE_FILL = "#f4f4f4"
PROGRAMME_COLOURS = {
    "veilige_steden": OKABE_ITO[0],
    "leefbaarheid_veiligheid": OKABE_ITO[1],
    "city_deal_zorg_veiligheid": OKABE_ITO[2],
}
PROGRAMME_PATTERNS = {"veilige_steden": "", "leefbaarheid_veiligheid": "/", "city_deal_zorg_veiligheid": "."}
CHANGE_SYMBOLS = {"ingestroomd": "diamond", "gestopt": "x", "": "circle"}


def _interval_text(rate: float, low: float, high: float, lang: str) -> str:
    return f"{fmt_number(rate, lang, 1)} ({fmt_number(low, lang, 1)}–{fmt_number(high, lang, 1)})"


def ranked_rate_chart(
    ranked: pd.DataFrame,
    *,
    names: pd.Series,
    focus: str | None = None,
    group_rate: float | None = None,
    lang: str = "nl",
) -> ChartSpec:
    """Horizontal bars of reports per 10,000 inhabitants per year, highest first, with 95% intervals.

    ``ranked`` comes from ``compare.ranked_rates``; only rows with status "gerangschikt" get a
    bar. The interval is drawn as a whisker and written beside the bar, so a small city with few
    reports is not over-read. ``group_rate`` (if given) is drawn as a labelled reference line.
    """
    bars = ranked[ranked["status"] == compare.RANKED].copy()
    bars["naam"] = [names.get(c, c) for c in bars["gemeentecode"]]
    is_focus = bars["gemeentecode"] == focus
    bars["as_label"] = [f"▶ <b>{n}</b>" if f else n for n, f in zip(bars["naam"], is_focus, strict=True)]
    bars["tekst"] = [
        _interval_text(r, lo, hi, lang)
        for r, lo, hi in zip(bars["rate"], bars["low"], bars["high"], strict=True)
    ]
    fig = go.Figure(
        go.Bar(
            x=bars["rate"],
            y=bars["as_label"],
            orientation="h",
            marker=dict(
                color=np.where(is_focus, FOCUS_COLOUR, BAR_COLOUR).tolist(),
                pattern=dict(
                    shape=["/" if f else "" for f in is_focus],
                    fgcolor="white",
                    fgopacity=0.6,
                    fillmode="overlay",
                ),
            ),
            error_x=interval_whiskers(bars["rate"], bars["low"], bars["high"]),
            customdata=bars[["naam", "label", "tekst"]].to_numpy(),
            hovertemplate="%{customdata[0]}: %{customdata[2]}<br>"
            + t("reports", lang)
            + ": %{customdata[1]}<extra></extra>",
        )
    )
    # The numbers go right of the whisker, so the interval line never crosses the text.
    fig.add_trace(
        go.Scatter(
            x=bars["high"],
            y=bars["as_label"],
            mode="text",
            text=["  " + text for text in bars["tekst"]],
            textposition="middle right",
            textfont=dict(size=12, color=TEXT_COLOUR),
            hoverinfo="skip",
            cliponaxis=False,
        )
    )
    _base_layout(fig, height=max(240, 70 + 30 * len(bars)))
    top = float(np.nanmax(bars["high"])) if len(bars) else 1.0
    fig.update_layout(hovermode="closest", margin=dict(l=10, r=20, t=30, b=10), showlegend=False)
    fig.update_xaxes(
        title_text=t("cmp_rate_axis", lang), range=[0, top * 1.35], showgrid=True, gridcolor="#eee"
    )
    fig.update_yaxes(autorange="reversed", gridcolor="white")
    if group_rate is not None and np.isfinite(group_rate):
        fig.add_vline(x=group_rate, line=dict(color="#555", width=1.5, dash="dot"))
        fig.add_annotation(
            x=group_rate,
            y=1.0,
            yref="paper",
            yanchor="bottom",
            showarrow=False,
            text=t("cmp_group_rate", lang, rate=fmt_number(group_rate, lang, 1)),
            font=dict(size=11, color="#333"),
        )
    not_ranked = ranked[ranked["status"] != compare.RANKED]
    if len(bars):
        first, last = bars.iloc[0], bars.iloc[-1]
        alt = t(
            "alt_ranked_rates",
            lang,
            n=len(bars),
            top=first["naam"],
            top_rate=first["tekst"],
            bottom=last["naam"],
            bottom_rate=last["tekst"],
        )
        # Name only the reasons that occur: "0 afgeschermd, 0 zonder meldpunt" says nothing.
        unranked = [
            t(key, lang, n=n)
            for key, status in (
                ("alt_unranked_too_few", compare.TOO_FEW),
                ("alt_unranked_hidden", compare.HIDDEN),
                ("alt_unranked_no_channel", compare.NO_CHANNEL),
            )
            if (n := int((not_ranked["status"] == status).sum()))
        ]
        if unranked:
            alt += " " + t("cmp_not_ranked", lang, lijst=", ".join(unranked))
    else:
        alt = t("alt_ranked_rates_none", lang)
    return ChartSpec(fig, alt, ranking_table(ranked, names=names, lang=lang))


def ranking_table(ranked: pd.DataFrame, *, names: pd.Series, lang: str = "nl") -> pd.DataFrame:
    """The ranking as a table people read: rank, municipality, reports ("<5" when hidden), rate, interval.

    No rate or interval is written where the count is hidden, no rank or interval where it is too
    small to rank (listed after the ranked rows with its published rate), and "geen meldpunt" where
    a municipality had no reporting channel.
    """
    status_text = {
        compare.RANKED: "",
        compare.TOO_FEW: t("cmp_too_few_short", lang),
        compare.HIDDEN: t("privacy_rate_hidden_short", lang),
        compare.NO_CHANNEL: t("no_channel_short", lang),
    }
    visible = ranked["status"] == compare.RANKED
    # Too few to rank: the published rate (the key figures' own) without a rank or an interval.
    rate_shown = visible | (ranked["status"] == compare.TOO_FEW)
    columns = {
        t("cmp_col_rank", lang): ranked["rang"].astype("Int64"),
        t("municipality", lang): [names.get(c, c) for c in ranked["gemeentecode"]],
        t("reports", lang): [
            lbl if s != compare.NO_CHANNEL else t("no_channel_short", lang)
            for lbl, s in zip(ranked["label"], ranked["status"], strict=True)
        ],
    }
    if {"van", "tot"} <= set(ranked.columns):
        # Audit 2: each count covers its municipality's own counted days (whole weeks around the
        # period, whole months where it is small), not the days chosen; a reader quoting a count
        # needs its days.
        columns[t("cmp_col_counted", lang)] = [
            f"{fmt_date(pd.Timestamp(a).date(), lang)} – {fmt_date(pd.Timestamp(b).date(), lang)}"
            if s != compare.NO_CHANNEL and pd.notna(a) and pd.notna(b)
            else ""
            for a, b, s in zip(ranked["van"], ranked["tot"], ranked["status"], strict=True)
        ]
    return pd.DataFrame(
        {
            **columns,
            t("cmp_col_rate", lang): [
                fmt_number(r, lang, 1) if v else "" for r, v in zip(ranked["rate"], rate_shown, strict=True)
            ],
            t("cmp_col_interval", lang): [
                f"{fmt_number(lo, lang, 1)}–{fmt_number(hi, lang, 1)}" if v else ""
                for lo, hi, v in zip(ranked["low"], ranked["high"], visible, strict=True)
            ],
            t("cmp_col_note", lang): [status_text[s] for s in ranked["status"]],
        }
    )


# Plotly's geo subplots fetch a base map (world_110m.json) from a CDN even when it is hidden;
# offline that request fails and nothing is drawn. The map is therefore drawn on plain axes:
# lon/lat with the y axis stretched by 1/cos(52°) so the Netherlands keeps its shape.
LAT_STRETCH = 1.62
MAP_CLASSES = ("#fde725", "#a0da39", "#4ac16d", "#1fa187", "#277f8e", "#365c8d", "#46327e")  # viridis


def _rings(geometry: dict) -> list[list[list[float]]]:
    """Exterior rings of a GeoJSON Polygon or MultiPolygon (holes are not drawn)."""
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"][0]]
    if geometry["type"] == "MultiPolygon":
        return [polygon[0] for polygon in geometry["coordinates"]]
    return []


def _outline_path(features: list[dict]) -> tuple[list[float | None], list[float | None]]:
    """All rings of ``features`` as one path, rings separated by None (one plotly trace)."""
    xs: list[float | None] = []
    ys: list[float | None] = []
    for feature in features:
        for ring in _rings(feature["geometry"]):
            xs.extend([pt[0] for pt in ring] + [None])
            ys.extend([pt[1] for pt in ring] + [None])
    return xs, ys


def _class_breaks(values: pd.Series, classes: int = 5) -> np.ndarray:
    """Break points for ``classes`` colour classes with about as many municipalities in each."""
    finite = values.dropna().to_numpy(dtype=float)
    if finite.size == 0:
        return np.array([0.0, 1.0])
    breaks = np.unique(np.quantile(finite, np.linspace(0, 1, min(classes, finite.size) + 1)))
    if breaks.size < 2:
        breaks = np.array([breaks[0], breaks[0] + 1])
    return breaks


def comparison_map(
    values: pd.DataFrame,
    *,
    municipalities: pd.DataFrame,
    geojson: dict | None,
    metric_label: str,
    value_format: Callable[[float], str],
    changes: pd.DataFrame,
    focus: str | None = None,
    lang: str = "nl",
) -> ChartSpec:
    """Map of the Netherlands with one value per municipality in the comparison.

    ``values`` has gemeentecode, value (NaN: nothing to show) and note (e.g. "geen meldpunt" or
    "<5"). With ``geojson`` (CBS boundaries, feature property ``gemeentecode``) municipalities are
    filled by value class, with the class range in the legend; other municipalities are light grey.
    Without boundaries the values are bubbles on the municipality centres (``municipalities``
    lat/lon). Names are written at the centres, and who joined or left the programme is marked by
    the marker's shape (``changes`` from ``compare.membership_changes``).
    """
    rows = values.merge(municipalities[["gemeentecode", "weergavenaam", "lat", "lon"]], on="gemeentecode")
    change_of = {r.gemeentecode: (r.soort, r.jaar) for r in changes.itertuples()}
    rows["wijziging"] = [change_of.get(c, ("", 0))[0] for c in rows["gemeentecode"]]
    rows["shown"] = [
        note if pd.isna(v) else value_format(v) for v, note in zip(rows["value"], rows["note"], strict=True)
    ]
    has_value = rows["value"].notna()
    breaks = _class_breaks(rows["value"])
    picks = np.linspace(0, len(MAP_CLASSES) - 1, len(breaks) - 1).round().astype(int)
    colours = [MAP_CLASSES[i] for i in picks]  # light to dark over the whole scale
    rows["klasse"] = np.where(
        has_value,
        np.clip(np.searchsorted(breaks, rows["value"].fillna(0), side="right") - 1, 0, len(breaks) - 2),
        -1,
    )
    fig = go.Figure()
    if geojson is not None:
        by_code = {f["properties"]["gemeentecode"]: f for f in geojson["features"]}
        in_rows = set(rows["gemeentecode"])
        xs, ys = _outline_path([f for c, f in by_code.items() if c not in in_rows])
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                mode="lines",
                fill="toself",
                fillcolor=OUTSIDE_FILL,
                line=dict(color="#c8c8c8", width=0.5),
                name=t("cmp_map_others", lang),
                hoverinfo="skip",
            )
        )
        empty = rows[~has_value]
        if len(empty):
            xs, ys = _outline_path([by_code[c] for c in empty["gemeentecode"] if c in by_code])
            fig.add_trace(
                go.Scatter(
                    x=xs,
                    y=ys,
                    mode="lines",
                    fill="toself",
                    fillcolor=NO_DATA_FILL,
                    fillpattern=dict(shape="/", fgcolor="#777", size=6),
                    line=dict(color="#555", width=1),
                    name=t("cmp_map_no_value", lang),
                    hoverinfo="skip",
                )
            )
        for klass, colour in enumerate(colours):
            part = rows[rows["klasse"] == klass]
            if part.empty:
                continue
            xs, ys = _outline_path([by_code[c] for c in part["gemeentecode"] if c in by_code])
            fig.add_trace(
                go.Scatter(
                    x=xs,
                    y=ys,
                    mode="lines",
                    fill="toself",
                    fillcolor=colour,
                    line=dict(color="#1a1a1a", width=1),
                    name=f"{value_format(breaks[klass])} – {value_format(breaks[klass + 1])}",
                    hoverinfo="skip",
                )
            )
    else:
        top = float(rows.loc[has_value, "value"].max()) if has_value.any() else 1.0
        fig.add_trace(
            go.Scatter(
                x=rows["lon"],
                y=rows["lat"],
                mode="markers",
                marker=dict(
                    size=[
                        10 + 34 * np.sqrt(v / top) if pd.notna(v) and top > 0 else 8 for v in rows["value"]
                    ],
                    color=[colours[k] if k >= 0 else NO_DATA_FILL for k in rows["klasse"]],
                    line=dict(color="#1a1a1a", width=1),
                ),
                name=metric_label,
                hoverinfo="skip",
            )
        )
    label_of = {
        "": t("cmp_map_participant", lang),
        "ingestroomd": t("cmp_map_joined", lang),
        "gestopt": t("cmp_map_left", lang),
    }
    for change in ("", "ingestroomd", "gestopt"):
        part = rows[rows["wijziging"] == change]
        if part.empty:
            continue
        is_focus = part["gemeentecode"] == focus
        fig.add_trace(
            go.Scatter(
                x=part["lon"],
                y=part["lat"],
                mode="markers+text",
                text=[f"<b>{n}</b>" if f else n for n, f in zip(part["weergavenaam"], is_focus, strict=True)],
                textposition="top center",
                textfont=dict(size=11, color=TEXT_COLOUR),
                marker=dict(
                    symbol=CHANGE_SYMBOLS[change],
                    size=[13 if f else 8 for f in is_focus],
                    color=[FOCUS_COLOUR if f else "white" for f in is_focus],
                    line=dict(color="#1a1a1a", width=1.5),
                ),
                name=label_of[change],
                customdata=part[["weergavenaam", "shown"]].to_numpy(),
                hovertemplate="%{customdata[0]}: %{customdata[1]}<extra></extra>",
            )
        )
    fig.update_layout(
        height=680,
        margin=dict(l=0, r=0, t=10, b=0),
        font=dict(size=13, color=TEXT_COLOUR),
        legend=dict(title=dict(text=metric_label), x=0.0, y=1.0, bgcolor="rgba(255,255,255,0.85)"),
        plot_bgcolor="white",
        paper_bgcolor="white",
        hovermode="closest",
        separators=",.",
    )
    fig.update_xaxes(visible=False, range=[3.3, 7.3])
    fig.update_yaxes(visible=False, range=[50.7, 53.6], scaleanchor="x", scaleratio=LAT_STRETCH)
    ranked = rows[has_value].sort_values("value", ascending=False)
    parts = ", ".join(f"{r.weergavenaam} {r.shown}" for r in ranked.head(3).itertuples())
    alt = t(
        "alt_comparison_map",
        lang,
        metric=metric_label,
        n=int(has_value.sum()),
        top=parts or "–",
        empty=int((~has_value).sum()),
    )
    table = pd.DataFrame(
        {
            t("municipality", lang): rows["weergavenaam"],
            metric_label: rows["shown"],
            t("cmp_col_membership", lang): [
                t(f"cmp_change_{w}", lang, jaar=change_of[c][1]) if w else ""
                for w, c in zip(rows["wijziging"], rows["gemeentecode"], strict=True)
            ],
        }
    )
    return ChartSpec(fig, alt, table.sort_values(t("municipality", lang)).reset_index(drop=True))


def small_multiples_chart(
    monthly: pd.DataFrame,
    *,
    names: pd.Series,
    campaigns: pd.DataFrame,
    focus: str | None = None,
    group: pd.DataFrame | None = None,
    group_name: str = "",
    columns: int = 4,
    lang: str = "nl",
) -> ChartSpec:
    """One small trend chart per municipality on a shared per-capita axis, with campaign bands.

    ``monthly`` comes from ``compare.monthly_rates`` after ``privacy.suppress_rates`` (rate NaN
    where the count is hidden, ``meldpunt`` False before a channel opened). ``campaigns`` has one
    row per campaign and municipality. Months without a channel are left empty and the panel says
    "geen meldpunt" when there is none at all. ``group`` (``compare.group_monthly_rates``: periode,
    n, rate) is drawn as a dashed grey reference line in every panel, named ``group_name``, and its
    months are an extra table.
    """
    codes = list(dict.fromkeys(monthly["gemeentecode"]))
    codes.sort(key=lambda c: (c != focus, names.get(c, c)))
    rows = max(1, int(np.ceil(len(codes) / columns)))
    titles = [f"▶ <b>{names.get(c, c)}</b>" if c == focus else names.get(c, c) for c in codes]
    fig = make_subplots(
        rows=rows,
        cols=columns,
        shared_xaxes=True,
        shared_yaxes=True,
        subplot_titles=titles,
        vertical_spacing=0.32 / rows if rows > 1 else 0.1,
        horizontal_spacing=0.02,
    )
    peak = float(np.nanmax(monthly["rate"])) if monthly["rate"].notna().any() else 1.0
    if group is not None and group["rate"].notna().any():
        peak = max(peak, float(np.nanmax(group["rate"])))
    for i, code in enumerate(codes):
        r, c = i // columns + 1, i % columns + 1
        part = monthly[monthly["gemeentecode"] == code]
        colour = FOCUS_COLOUR if code == focus else BAR_COLOUR
        fig.add_trace(
            go.Scatter(
                x=part["periode"],
                y=part["rate"],
                mode="lines",
                line=dict(color=colour, width=2),
                connectgaps=False,
                name=names.get(code, code),
                showlegend=False,
                customdata=part["label"],
                hovertemplate=names.get(code, code)
                + " %{x|%m-%Y}: %{y:.2f} ("
                + t("reports", lang).lower()
                + ": %{customdata})<extra></extra>",
            ),
            row=r,
            col=c,
        )
        if group is not None:
            fig.add_trace(
                go.Scatter(
                    x=group["periode"],
                    y=group["rate"],
                    mode="lines",
                    line=dict(color=palette.GROUP_LINE_COLOUR, width=1.5, dash="dash"),
                    connectgaps=False,
                    name=group_name,
                    showlegend=False,
                    hovertemplate=group_name + " %{x|%m-%Y}: %{y:.2f}<extra></extra>",
                ),
                row=r,
                col=c,
            )
        camps = campaigns[campaigns["gemeentecode"] == code]
        add_campaign_bands(fig, camps, lang, row=r, col=c, compact=True)
        if not part["meldpunt"].any():
            fig.add_annotation(
                text=t("no_channel_short", lang),
                x=0.5,
                y=0.5,
                xref="x domain" if i == 0 else f"x{i + 1} domain",
                yref="y domain" if i == 0 else f"y{i + 1} domain",
                showarrow=False,
                font=dict(size=12, color="#555"),
            )
    _base_layout(fig, height=110 + 170 * rows)
    fig.update_layout(hovermode="closest", showlegend=False, margin=dict(l=10, r=10, t=40, b=10))
    fig.update_yaxes(range=[0, peak * 1.1], gridcolor="#eee")
    fig.update_yaxes(title_text=t("cmp_month_rate_axis", lang), row=1, col=1)
    for ann in fig.layout.annotations:
        # Subplot titles at 12 px; the campaign marks stay small and in the band's colour.
        ann.font = dict(size=10, color=BAND_EDGE) if ann.text == "▥" else dict(size=12, color=TEXT_COLOUR)
    shown = monthly[monthly["rate"].notna()]
    best = shown.loc[shown["rate"].idxmax()] if len(shown) else None
    alt = t(
        "alt_small_multiples",
        lang,
        n=len(codes),
        peak=fmt_number(best["rate"], lang, 2) if best is not None else "–",
        peak_where=names.get(best["gemeentecode"], "") if best is not None else "–",
        peak_when=best["periode"].strftime("%m-%Y") if best is not None else "–",
        campaigns=fmt_count(campaigns["campagne_id"].nunique() if len(campaigns) else 0, lang),
    )
    table = pd.DataFrame(
        {
            t("municipality", lang): [names.get(c, c) for c in monthly["gemeentecode"]],
            t("period", lang): monthly["periode"].dt.strftime("%Y-%m"),
            t("reports", lang): [
                lbl if m else t("no_channel_short", lang)
                for lbl, m in zip(monthly["label"], monthly["meldpunt"], strict=True)
            ],
            t("cmp_month_rate_axis", lang): [
                fmt_number(v, lang, 2) if pd.notna(v) else "" for v in monthly["rate"]
            ],
        }
    )
    more = {}
    if group is not None:
        more[t("cmp_group_line_table", lang, groep=group_name)] = pd.DataFrame(
            {
                t("period", lang): group["periode"].dt.strftime("%Y-%m"),
                t("reports", lang): [fmt_number(v, lang) if pd.notna(v) else "" for v in group["n"]],
                t("cmp_month_rate_axis", lang): [
                    fmt_number(v, lang, 2) if pd.notna(v) else "" for v in group["rate"]
                ],
            }
        )
    return ChartSpec(fig, alt, table, more)


def membership_timeline_chart(
    spans: pd.DataFrame, *, names: pd.Series, lang: str = "nl", totals: dict[str, int] | None = None
) -> ChartSpec:
    """Programme memberships per municipality over time, one bar per programme with its name on it.

    ``spans`` comes from ``compare.membership_spans``. ``totals`` (programme name -> all its
    participants) lets the description say what the shown count is part of: "9 of 15" shown,
    not "9" read as the programme's size.
    """
    spans = spans.copy()
    spans["gemeente"] = [names.get(c, c) for c in spans["gemeentecode"]]
    order = sorted(spans["gemeente"].unique())
    fig = go.Figure()
    programmes = sorted(spans["programma"].unique())
    lane = 0.8 / max(1, len(programmes))
    for index, (programme, part) in enumerate(spans.groupby("programma", sort=True)):
        label = part["programma_naam"].iloc[0]
        fig.add_trace(
            go.Bar(
                base=part["van"],
                x=(part["tot"] - part["van"]).dt.total_seconds() * 1000,
                y=part["gemeente"],
                orientation="h",
                name=label,
                # One lane per programme inside each municipality's row (barmode "group" does
                # not offset bars that have a date base).
                offset=-0.4 + index * lane,
                width=lane * 0.9,
                marker=dict(
                    color=PROGRAMME_COLOURS.get(programme, OKABE_ITO[4]),
                    pattern=dict(
                        shape=PROGRAMME_PATTERNS.get(programme, ""),
                        fgcolor="white",
                        fgopacity=0.7,
                        fillmode="overlay",
                    ),
                ),
                text=[label] * len(part),
                textposition="inside",
                insidetextanchor="start",
                textfont=dict(size=10, color=palette.text_on(PROGRAMME_COLOURS.get(programme, OKABE_ITO[4]))),
                customdata=np.column_stack(
                    [
                        part["gemeente"],
                        part["jaar_start"].astype(int),
                        [
                            t("cmp_running", lang) if r else int(e)
                            for r, e in zip(part["loopt"], part["jaar_eind"], strict=True)
                        ],
                    ]
                ),
                hovertemplate="%{customdata[0]} · "
                + label
                + ": %{customdata[1]} – %{customdata[2]}<extra></extra>",
            )
        )
    _base_layout(fig, height=max(260, 80 + 44 * len(order)))
    fig.update_layout(
        barmode="overlay",
        hovermode="closest",
        uniformtext=dict(minsize=9, mode="hide"),
        legend=dict(orientation="h", y=1.02, yanchor="bottom"),
        margin=dict(l=10, r=10, t=40, b=10),
    )
    fig.update_xaxes(type="date", dtick="M12", tickformat="%Y", showgrid=True, gridcolor="#eee")
    fig.update_yaxes(categoryorder="array", categoryarray=order[::-1], gridcolor="white", rangemode=None)
    per_programme = spans.groupby("programma_naam")["gemeentecode"].nunique()
    alt = t(
        "alt_memberships",
        lang,
        parts=", ".join(
            f"{p}: {fmt_number(int(n), lang)}"
            + (
                t("cmp_of_total", lang, totaal=fmt_number(int(totals[p]), lang))
                if p in (totals or {})
                else ""
            )
            for p, n in per_programme.items()
        ),
    )
    table = pd.DataFrame(
        {
            t("municipality", lang): spans["gemeente"],
            t("programme", lang): spans["programma_naam"],
            t("cmp_col_from", lang): spans["jaar_start"].astype(int),
            t("cmp_col_until", lang): [
                t("cmp_running", lang) if r else str(int(e))
                for r, e in zip(spans["loopt"], spans["jaar_eind"], strict=True)
            ],
        }
    ).sort_values([t("municipality", lang), t("programme", lang)])
    return ChartSpec(fig, alt, mark_kind(table.reset_index(drop=True), "year", t("cmp_col_from", lang)))


def peer_rate_chart(table: pd.DataFrame, *, lang: str = "nl") -> ChartSpec:
    """The presentation's peer comparison: one bar per row with a rate, its 95% interval beside it.

    ``table`` has ``presentation.PEER_COLUMNS`` (issue 18): the selection (vermillion, hatched,
    named first), its peers and the programme as a whole (grey, last). Rows without a rate (hidden
    count, no reporting point) get no bar; the alt text and the table name them.
    """
    rows = table.copy()
    rows["is_selection"] = rows["is_selection"].astype(bool)
    rows["is_programme"] = rows["is_programme"].astype(bool)
    towns = rows[~rows["is_programme"]].sort_values(
        ["is_selection", "rate"], ascending=[False, False], na_position="last"
    )
    ordered = pd.concat([towns, rows[rows["is_programme"]]], ignore_index=True)
    bars = ordered[ordered["rate"].notna()].copy()
    bars["as_label"] = [
        f"▶ <b>{name}</b>" if own else f"<i>{name}</i>" if whole else name
        for name, own, whole in zip(bars["naam"], bars["is_selection"], bars["is_programme"], strict=True)
    ]
    bars["tekst"] = [
        _interval_text(r, lo, hi, lang)
        for r, lo, hi in zip(bars["rate"], bars["low"], bars["high"], strict=True)
    ]
    colours = [
        FOCUS_COLOUR if own else "#8c8c8c" if whole else BAR_COLOUR
        for own, whole in zip(bars["is_selection"], bars["is_programme"], strict=True)
    ]
    fig = go.Figure(
        go.Bar(
            x=bars["rate"],
            y=bars["as_label"],
            orientation="h",
            marker=dict(
                color=colours,
                pattern=dict(shape=["/" if own else "" for own in bars["is_selection"]], fgcolor="white"),
            ),
            error_x=interval_whiskers(bars["rate"], bars["low"], bars["high"]),
            hovertemplate="%{y}: %{x:.1f}<extra></extra>",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=bars["high"],
            y=bars["as_label"],
            mode="text",
            text=["  " + text for text in bars["tekst"]],
            textposition="middle right",
            textfont=dict(color=TEXT_COLOUR),
            hoverinfo="skip",
            cliponaxis=False,
        )
    )
    _base_layout(fig, height=max(260, 80 + 40 * len(bars)))
    top = float(np.nanmax(bars["high"])) if len(bars) else 1.0
    fig.update_layout(hovermode="closest", showlegend=False, margin=dict(l=10, r=30, t=20, b=10))
    fig.update_xaxes(
        title_text=t("cmp_rate_axis", lang), range=[0, top * 1.45], showgrid=True, gridcolor="#eee"
    )
    fig.update_yaxes(autorange="reversed", gridcolor="white")
    without = ordered[ordered["rate"].isna()]
    alt = t(
        "alt_peer_rates",
        lang,
        lijst="; ".join(f"{name} {text}" for name, text in zip(bars["naam"], bars["tekst"], strict=True)),
        zonder=", ".join(f"{row.naam} ({row.label})" for row in without.itertuples()) or "–",
    )
    shown = pd.DataFrame(
        {
            t("municipality", lang): ordered["naam"],
            t("cmp_col_rate", lang): ordered["rate"].round(1),
            t("peers_col_low", lang): ordered["low"].round(1),
            t("peers_col_high", lang): ordered["high"].round(1),
            t("peers_col_shown", lang): ordered["label"],
        }
    )
    return ChartSpec(fig, alt, shown)
