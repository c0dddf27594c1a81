"""Static (server-side) figures, drawn with matplotlib: the deck's PDF and map slide, and Overzicht.

Most pages show plotly charts; a PDF page and a PowerPoint picture need an image, and Overzicht,
the first page a reader sees, draws its trend and activities as SVG so that its first visit does
not load plotly.js in the browser (issue 17, ADR 0005). These builders draw the same data with
the same Okabe-Ito colours, and carry meaning in text as well as colour (labelled campaign bands,
hatched hidden cells, named risk areas). Counts arrive privacy-applied, in the ``Deck`` or
Overzicht's view model. No streamlit here.
"""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")  # server-side rendering, no display
# SVG text as <text> (escaped by matplotlib), not as glyph outlines: half the bytes (15 against
# 34 kB for Overzicht's trend), quicker to write, sharp at any size. Ids from a fixed salt: the
# same figure gives the same SVG. Both settings concern SVG output only; the slides' PNGs do not
# change.
matplotlib.rcParams["svg.fonttype"] = "none"
matplotlib.rcParams["svg.hashsalt"] = "vsdash"

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from vsdash.i18n import fmt_month, fmt_number, t  # noqa: E402
from vsdash.palette import BAND_EDGE, BREAK_COLOUR, OKABE_ITO, SUPPRESSED_COLOUR, TEXT_COLOUR  # noqa: E402

HIDDEN_COLOUR = SUPPRESSED_COLOUR  # one grey for withheld counts on every surface
AREA_COLOUR = OKABE_ITO[5]  # vermillion outlines for risk areas
FIGSIZE = (12, 5.6)
# The trend on a PDF slide: a picture at most 360 pt high (``deck_pdf``), so its text is drawn at
# 14 pt in a figure about as large as it is shown; every text is then 12 pt or more on the slide.
DECK_TREND_FIGSIZE = (12, 4.8)
DECK_TREND_TEXT_PT = 14
# The comparison slide likewise: placed at most 880 x 390 pt in the PDF and about 12.3 x 5.5 in
# in the PowerPoint, so it is drawn 12 in wide and at most 5.2 in high with 14 pt text: shown at
# about its own size, its text stays 12 pt or more. Rows get closer (not the picture taller, which
# would only shrink it on the slide) until 16 rows share the capped height.
DECK_PEERS_WIDTH = 12
DECK_PEERS_MAX_HEIGHT = 5.2
DECK_PEERS_TEXT_PT = 14
# Overzicht's SVGs are scaled to their column's width: the trend fills the page's main column
# (about 900 px wide), the activities half of it; sized so their text lands near 13 px there.
PAGE_TREND_FIGSIZE = (10, 3.6)
PAGE_ACTIVITIES_FIGSIZE = (5, 2.4)
# The trend once more for a phone's column (about 360 px): scaled down there the wide drawing's
# text lands near 5 px. This one is 4.6 inches (442 px) wide, so its 11 pt ticks still read as
# 12 px in a 360 px column and as 10 px in a 300 px one; fewer month ticks, the legend stacked.
PAGE_TREND_NARROW_FIGSIZE = (4.6, 3.9)
PAGE_TREND_NARROW_TICKS = 4
# Their margins in inches (left, right, top, bottom), fixed instead of bbox_inches="tight": a tight
# box draws the figure twice, and a fixed one keeps every selection's text at the same size.
PAGE_TREND_MARGINS = (0.85, 0.2, 0.1, 0.7)
PAGE_ACTIVITIES_MARGINS = (1.3, 0.3, 0.1, 0.6)
PAGE_TREND_NARROW_MARGINS = (0.75, 0.4, 0.1, 1.0)


def _style(ax) -> None:
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(colors=TEXT_COLOUR, labelsize=11)
    ax.yaxis.grid(True, color="#e5e5e5")
    ax.set_axisbelow(True)


def _thousands(lang: str):
    return matplotlib.ticker.FuncFormatter(lambda v, _pos: fmt_number(v, lang))


def _decimals(lang: str):
    """Tick labels with a decimal where a tick needs one (2,5), in the reader's number format."""
    return matplotlib.ticker.FuncFormatter(
        lambda v, _pos: fmt_number(v, lang, 0 if float(v).is_integer() else 1)
    )


def month_step(first, last, ticks: int = 7) -> int:
    """Months between date ticks so a period shows at most about ``ticks`` of them (1, 2, 3, 6 or 12)."""
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    return next((step for step in (1, 2, 3, 6, 12, 24) if months / step <= ticks), 24)


def _month_axis(ax, periods, lang: str, ticks: int = 7) -> None:
    """Date ticks at the start of months, named in the reader's language ("mrt 2025"), not ISO dates."""
    import matplotlib.dates as mdates

    if len(periods) == 0:
        return
    stamps = pd.to_datetime(pd.Series(periods))
    step = month_step(stamps.min(), stamps.max(), ticks)
    ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=range(1, 13, step) if 12 % step == 0 else None))
    if step > 12:
        ax.xaxis.set_major_locator(mdates.YearLocator(step // 12))
    ax.xaxis.set_major_formatter(
        matplotlib.ticker.FuncFormatter(lambda v, _pos: fmt_month(mdates.num2date(v).date(), lang))
    )
    ax.xaxis.set_minor_locator(matplotlib.ticker.NullLocator())


def new_figure(figsize: tuple[float, float]):
    """A figure and its axes of their own, outside pyplot's global state.

    pyplot keeps one registry of open figures and a current figure for the whole process; two
    sessions drawing slides at once (Streamlit runs each in its own thread) could meet there,
    and one did: a map's figure lost its Agg canvas ('FigureCanvasBase' has no get_renderer)
    halfway through placing names. A Figure with its own FigureCanvasAgg shares nothing.
    """
    fig = Figure(figsize=figsize)
    FigureCanvasAgg(fig)
    return fig, fig.subplots()


def figure_png(fig: Figure, dpi: int = 150) -> bytes:
    """Render a figure to PNG bytes (the figure is not registered anywhere: nothing to release)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight", facecolor="white")
    return buffer.getvalue()


def figure_svg(fig: Figure, *, tight: bool = True) -> str:
    """Render a figure to SVG text: scalable, text as escaped <text>, no date stamp (same input, same SVG).

    ``tight=False`` keeps the figure's own size and margins (``margins`` of the drawing functions).
    """
    buffer = io.StringIO()
    fig.savefig(
        buffer,
        format="svg",
        bbox_inches="tight" if tight else None,
        facecolor="white",
        metadata={"Date": None},
    )
    return buffer.getvalue()


def _set_margins(fig: Figure, margins: tuple[float, float, float, float]) -> None:
    """Place the axes ``margins`` inches (left, right, top, bottom) inside the figure's edges."""
    left, right, top, bottom = margins
    width, height = fig.get_size_inches()
    fig.subplots_adjust(
        left=left / width, right=1 - right / width, top=1 - top / height, bottom=bottom / height
    )


def page_trend_layout(*, narrow: bool = False) -> dict:
    """``draw_trend``'s size, margins, ticks and legend columns on Overzicht (``narrow``: a phone's)."""
    if narrow:
        return dict(
            figsize=PAGE_TREND_NARROW_FIGSIZE,
            margins=PAGE_TREND_NARROW_MARGINS,
            ticks=PAGE_TREND_NARROW_TICKS,
            legend_columns=1,
        )
    return dict(figsize=PAGE_TREND_FIGSIZE, margins=PAGE_TREND_MARGINS)


def page_trend_svg(trend, previous, bands, breaks, *, grain: str, lang: str, narrow: bool = False) -> str:
    """``draw_trend`` at Overzicht's size and margins, as SVG; ``narrow``: the phone-width variant."""
    layout = page_trend_layout(narrow=narrow)
    fig = draw_trend(trend, previous, bands, breaks, grain=grain, lang=lang, **layout)
    return figure_svg(fig, tight=False)


def page_activities_svg(rows: pd.DataFrame, *, lang: str) -> str:
    """``draw_activities`` at Overzicht's size and margins, as SVG."""
    fig = draw_activities(rows, lang=lang, figsize=PAGE_ACTIVITIES_FIGSIZE, margins=PAGE_ACTIVITIES_MARGINS)
    return figure_svg(fig, tight=False)


def trend_figure(deck) -> Figure:
    """The deck's trend slide: ``draw_trend`` of the deck's published trend, bands and breaks, in
    projector-size text."""
    return draw_trend(
        deck.trend,
        deck.previous,
        deck.bands,
        deck.breaks,
        grain=deck.grain,
        lang=deck.lang,
        figsize=DECK_TREND_FIGSIZE,
        text_size=DECK_TREND_TEXT_PT,
    )


def draw_trend(
    trend: pd.DataFrame,
    previous: pd.DataFrame | None,
    bands: pd.DataFrame,
    breaks: pd.DataFrame,
    *,
    grain: str,
    lang: str,
    figsize: tuple[float, float] = FIGSIZE,
    margins: tuple[float, float, float, float] | None = None,
    ticks: int = 7,
    legend_columns: int = 2,
    text_size: float = 11,
) -> Figure:
    """Reports per week or month, last year dotted, campaign bands labelled, breaks as dashed lines.

    One drawing for the slides (PNG) and Overzicht (SVG, ``figure_svg``): ``trend`` and
    ``previous`` have periode, n (NaN where withheld) and label, as published; ``bands`` the
    campaigns shaded (naam, start, eind); ``breaks`` the known breaks (datum, naam, soort_breuk).
    ``margins`` fixes the axes' place in the figure (inches; see ``_set_margins``); ``ticks`` is
    about the most month ticks shown and ``legend_columns`` the legend's columns (a narrow figure
    stacks it). ``text_size`` (points) is that of ticks, legend and campaign names; break labels
    are a point smaller, the axis title a point larger. The legend lists the lines in
    ``chart_text.trend_series_names`` order, as the PowerPoint chart does.
    """
    fig, ax = new_figure(figsize)
    if margins is not None:
        _set_margins(fig, margins)
    from vsdash.chart_text import trend_series_names

    drawn_previous = []
    if previous is not None and not previous.empty:
        drawn_previous = ax.plot(
            previous["periode"],
            previous["n"],
            color="#767676",
            linestyle=":",
            linewidth=1.5,
            label=t("same_period_last_year", lang),
        )
    reports_line = ax.plot(
        trend["periode"],
        trend["n"],
        color=OKABE_ITO[0],
        linewidth=2.5,
        marker="o",
        markersize=3,
        label=t("reports", lang),
    )
    # Last year's line may be higher than this period's: the axis and the names above must hold both.
    drawn = [trend["n"]] + ([previous["n"]] if previous is not None and not previous.empty else [])
    values = pd.concat(drawn).to_numpy(dtype=float)
    top = float(np.nanmax(values)) if np.isfinite(values).any() else 1.0
    names = []
    for camp in bands.itertuples():
        x0, x1 = pd.Timestamp(camp.start), pd.Timestamp(camp.eind) + pd.Timedelta(days=1)
        ax.axvspan(x0, x1, facecolor=OKABE_ITO[1], alpha=0.18, hatch="//", edgecolor=BAND_EDGE, linewidth=0.8)
        # Names come from imported files: plain text, never matplotlib's $mathtext$. Their height
        # is set by _place_labels, once every name is measured.
        label = ax.text(
            x0,
            top,
            camp.naam,
            fontsize=text_size,
            color=BAND_EDGE,
            va="top",
            ha="left",
            parse_math=False,
            bbox=dict(facecolor="white", edgecolor="none", alpha=0.85, pad=1),  # over a break's line
            zorder=1.5,
        )
        names.append((label, x1))
    break_lines, break_labels = [], []
    for brk in breaks.itertuples():
        key = {"start": "break_launch", "eind": "break_end", "wet": "break_law"}[brk.soort_breuk]
        break_lines.append(
            ax.axvline(pd.Timestamp(brk.datum), color=BREAK_COLOUR, linestyle="--", linewidth=1.5)
        )
        break_labels.append(
            ax.text(
                pd.Timestamp(brk.datum),
                0,
                " " + t(key, lang, naam=brk.naam),
                rotation=90,
                fontsize=text_size - 1,
                color=BREAK_COLOUR,
                va="bottom",
                ha="left",
                parse_math=False,
                # Beside its dashed line, not on it; under the report line (zorder 2), which stays whole.
                transform=_beside(fig, ax, 1),
                bbox=dict(facecolor="white", edgecolor="none", alpha=0.85, pad=1),
                zorder=1.5,
            )
        )
    ax.set_ylim(0, top * 1.3 if top > 0 else 1)
    ax.set_ylabel(t(f"reports_{grain}_axis", lang), fontsize=text_size + 1)
    ax.yaxis.set_major_formatter(_thousands(lang))
    _month_axis(ax, trend["periode"], lang, ticks)
    # Reports first, last year second: drawn the other way round, so last year's line lies under.
    lines = reports_line + drawn_previous
    legend_names = trend_series_names(lang, with_previous=bool(drawn_previous))
    ax.legend(
        lines,
        legend_names,
        loc="upper left",
        frameon=False,
        fontsize=text_size,
        bbox_to_anchor=(0, -0.08),
        ncol=legend_columns,
    )
    _style(ax)
    ax.tick_params(labelsize=text_size)
    _place_labels(fig, ax, names, break_lines, break_labels, top)
    return fig


def _beside(fig: Figure, ax, side: int):
    """Data coordinates moved 2 pt right (``side`` 1) or left (-1): a break's label beside its line."""
    from matplotlib.transforms import offset_copy

    return offset_copy(ax.transData, fig=fig, x=2 * side, units="points")


def _shorten(text, renderer, limit: float, *, vertical: bool = False) -> None:
    """Cut ``text`` to the longest start that, with "…", is at most ``limit`` pixels long.

    The full names stay in the chart's table and alternative text; the drawing only has the room
    it has (a phone's column is 3.5 inches wide).
    """

    def length() -> float:
        box = text.get_window_extent(renderer)
        return box.height if vertical else box.width

    full = text.get_text()
    if length() <= limit:
        return
    low, high = 0, len(full)
    while low < high:
        middle = (low + high + 1) // 2
        text.set_text(full[:middle].rstrip() + "…")
        if length() <= limit:
            low = middle
        else:
            high = middle - 1
    text.set_text(full[:low].rstrip() + "…")


def _place_labels(fig: Figure, ax, names: list, break_lines: list, break_labels: list, top: float) -> None:
    """Campaign names in rows along the plot's top, break labels below them: none over another.

    Measured, not guessed: a name is written rightwards from its band's start, or leftwards from
    its end when it would run past the plot's right edge (Almelo's name from the two-thirds mark
    ran off the slide), moved just inside the plot when neither fits, and cut to the plot's width
    as a last resort. Each name takes the highest row where it meets no other; the axis grows so
    the lines stay below the rows. A break's dashed line and vertical label end below the rows,
    the label cut to fit, and written left of its line when the next break's line or label would
    otherwise cross it (the phone's narrow trend drew them over each other and the names).
    """
    renderer = fig.canvas.get_renderer()
    plot = ax.get_window_extent(renderer)
    points = fig.dpi / 72  # pixels per point
    for label, end in names:
        if label.get_window_extent(renderer).x1 > plot.x1:
            label.set_x(end)
            label.set_horizontalalignment("right")
            if label.get_window_extent(renderer).x0 < plot.x0:
                # Neither from its start nor to its end fits: as near its band as the plot allows.
                _shorten(label, renderer, plot.width - 2 * points)
                label.set_x(ax.transData.inverted().transform((plot.x1 - points, 0))[0])
    rows: list[float] = []  # the right edge of the last name in each row
    row_of = []
    gap = 6 * points
    for label, _end in sorted(names, key=lambda item: item[0].get_window_extent(renderer).x0):
        box = label.get_window_extent(renderer)
        row = next((i for i, right in enumerate(rows) if right + gap <= box.x0), len(rows))
        if row == len(rows):
            rows.append(box.x1)
        else:
            rows[row] = box.x1
        row_of.append((label, row))
    height = max((label.get_window_extent(renderer).height for label, _ in names), default=0.0)
    pitch = (height + 4 * points) / plot.height  # one row of names, in the axes' height
    edge = 3 * points / plot.height
    below_names = 1 - edge - pitch * len(rows)  # axes fraction where the rows of names end
    ceiling = top * 1.3 if top > 0 else 1.0
    if names and top > 0:
        ceiling = max(ceiling, top / max(below_names - edge, 0.3))
    ax.set_ylim(0, ceiling)
    for label, row in row_of:
        label.set_y(ceiling * (1 - edge - pitch * row - 2 * points / plot.height))
    room = plot.height * ((below_names if names else 1.0) - edge)
    for line in break_lines:
        line.set_ydata([0, below_names if names else 1.0])
    for label in break_labels:
        _shorten(label, renderer, room, vertical=True)
    placed = sorted(break_labels, key=lambda label: label.get_window_extent(renderer).x0)
    for before, after in zip(placed, placed[1:], strict=False):
        # ``after`` is still right of its line, 2 pt away: ``before`` must end before that line.
        if before.get_window_extent(renderer).x1 + points > after.get_window_extent(renderer).x0 - 2 * points:
            before.set_horizontalalignment("right")
            before.set_transform(_beside(fig, ax, -1))


def effect_figure(deck) -> Figure:
    """Two bars: reports expected without the campaign (with its 95% interval) and reports received."""
    lang, card = deck.lang, deck.effect
    fig, ax = new_figure((8, 5))
    est = card.estimate
    labels = [t("expected_reports", lang), t("observed_reports", lang)]
    values = [est.expected, est.observed]
    bars = ax.bar(labels, values, color=[HIDDEN_COLOUR, OKABE_ITO[0]], edgecolor=TEXT_COLOUR, width=0.55)
    bars[0].set_hatch("..")
    ax.errorbar(
        [0],
        [est.expected],
        yerr=[[est.expected - est.expected_low], [est.expected_high - est.expected]],
        color=TEXT_COLOUR,
        capsize=10,
        linewidth=1.5,
    )
    texts = [fmt_number(est.expected, lang), card.observed_label]
    tops = [est.expected_high, est.observed]  # above the interval's whisker, not through it
    for bar, text, top in zip(bars, texts, tops, strict=True):
        ax.text(bar.get_x() + bar.get_width() / 2, top, text, ha="center", va="bottom", fontsize=14)
    ax.set_ylim(0, max(est.expected_high, est.observed) * 1.2)
    ax.yaxis.set_major_formatter(_thousands(lang))
    _style(ax)
    return fig


def peers_figure(deck) -> Figure:
    """The selection, its peers and the programme: a dot per rate with its 95% interval as a line.

    The selection is drawn in orange and bold, the programme as a grey diamond; a row whose rate is
    not published says so in words instead of a dot. Drawn at about the size the slide shows it
    (``DECK_PEERS_*``), so its text is printed at projector size.
    """
    lang = deck.lang
    size = DECK_PEERS_TEXT_PT
    rows = deck.peers.reset_index(drop=True)
    height = min(DECK_PEERS_MAX_HEIGHT, max(2.6, 0.42 * len(rows) + 1.3))
    fig, ax = new_figure((DECK_PEERS_WIDTH, height))
    # Constrained layout fits the names, labels and axis title inside the figure's own size: a
    # tight crop that grew past it would make the slide scale the picture (and its text) down.
    fig.set_layout_engine("constrained")
    y = np.arange(len(rows))
    highs = [float(h) for h in rows["high"] if pd.notna(h)] + [float(r) for r in rows["rate"] if pd.notna(r)]
    right = max(highs) * 1.3 if highs else 1.0
    for pos, row in zip(y, rows.itertuples(), strict=True):
        colour = OKABE_ITO[5] if row.is_selection else ("#555555" if row.is_programme else OKABE_ITO[0])
        if pd.isna(row.rate):
            # Too few to rank or no reporting point: said as the table and the notes say it.
            said = {t("cmp_too_few_short", lang), t("no_channel_short", lang)}
            reason = row.label if row.label in said else t("peers_not_published", lang)
            ax.text(0, pos, " " + reason, va="center", fontsize=size, color=TEXT_COLOUR)
            continue
        if pd.notna(row.low) and pd.notna(row.high):
            ax.plot([row.low, row.high], [pos, pos], color=colour, linewidth=2.5, solid_capstyle="butt")
        ax.plot(
            [row.rate],
            [pos],
            marker="D" if row.is_programme else "o",
            markersize=10,
            color=colour,
            linestyle="",
        )
        ax.text(
            (row.high if pd.notna(row.high) else row.rate) + right * 0.01,
            pos,
            f" {row.label}",
            va="center",
            fontsize=size,
            color=TEXT_COLOUR,
        )
    ax.set_yticks(y, rows["naam"], fontsize=size)
    ax.tick_params(axis="x", labelsize=size, colors=TEXT_COLOUR)
    for tick, row in zip(ax.get_yticklabels(), rows.itertuples(), strict=True):
        if row.is_selection:
            tick.set_fontweight("bold")
    ax.set_ylim(len(rows) - 0.5, -0.5)  # first row on top, half a row of room above and below
    ax.set_xlim(0, right)
    ax.set_xlabel(t("peers_axis", lang), fontsize=size)
    ax.xaxis.set_major_formatter(_decimals(lang))
    ax.xaxis.grid(True, color="#e5e5e5")
    ax.set_axisbelow(True)
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def activities_figure(deck) -> Figure:
    """The deck's activities slide: ``draw_activities`` of the deck's activities per category."""
    return draw_activities(deck.activities, lang=deck.lang)


def draw_activities(
    rows: pd.DataFrame,
    *,
    lang: str,
    figsize: tuple[float, float] = (10, 4.2),
    margins: tuple[float, float, float, float] | None = None,
) -> Figure:
    """Horizontal bars of activities per category, the number written beside each bar.

    ``rows`` has categorie_label, n and label (the number as written), one row per category;
    ``margins`` as in ``draw_trend``.
    """
    fig, ax = new_figure(figsize)
    if margins is not None:
        _set_margins(fig, margins)
    y = np.arange(len(rows))
    ax.barh(y, rows["n"], color=OKABE_ITO[0])
    ax.set_yticks(y, rows["categorie_label"], fontsize=13)
    ax.invert_yaxis()
    for pos, (n, label) in enumerate(zip(rows["n"], rows["label"], strict=True)):
        ax.text(n, pos, f" {label}", va="center", fontsize=13)
    ax.set_xlim(0, max(1, rows["n"].max()) * 1.15)
    ax.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))  # counts: no 0,5 steps
    ax.xaxis.set_major_formatter(_thousands(lang))
    ax.xaxis.grid(True, color="#e5e5e5")
    ax.set_axisbelow(True)  # grid lines behind the bars, not across them
    ax.tick_params(axis="x", labelsize=11)
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_xlabel(t("activities", lang), fontsize=12)
    return fig


def risk_area_map(deck) -> Figure:
    """Report density with the risk areas named, on the street basemap (``vsdash.static_map``)."""
    from vsdash.static_map import risk_area_figure

    return risk_area_figure(deck)
