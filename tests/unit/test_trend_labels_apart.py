"""The trend's campaign names and break labels do not cover each other, on Overzicht wide and on a
phone: a crowded year (three campaigns at once, two breaks a week apart under them) measured with
the figure's own text boxes."""

from __future__ import annotations

import datetime as dt
import itertools

import numpy as np
import pandas as pd
import pytest

from vsdash import slide_figures

PERIODS = pd.date_range("2025-01-01", periods=12, freq="MS")
TREND = pd.DataFrame({"periode": PERIODS, "n": 40 + 10 * np.sin(np.arange(12)), "label": ["40"] * 12})
PREVIOUS = TREND.assign(n=TREND["n"] * 1.2)
BANDS = pd.DataFrame(
    {
        "naam": [
            "Ben jij OK? bij de bushaltes",
            "Lokale meldcampagne Almelo 2026",
            "Veilig uitgaan $x$ Stratumseind",  # a dollar sign from an imported file: plain text
        ],
        "start": [dt.date(2025, 3, 1), dt.date(2025, 3, 20), dt.date(2025, 4, 10)],
        "eind": [dt.date(2025, 4, 30), dt.date(2025, 5, 31), dt.date(2025, 6, 15)],
    }
)
BREAKS = pd.DataFrame(
    {
        "datum": [dt.date(2025, 4, 1), dt.date(2025, 4, 8)],
        "naam": ["MeldApp Veilige Stad", "MeldApp Veilige Stad"],
        "soort_breuk": ["start", "wet"],
    }
)


def _texts(fig):
    """Every visible text of the figure with its box, drawn as the SVG draws it."""
    from matplotlib.text import Text

    renderer = fig.canvas.get_renderer()
    fig.canvas.draw()
    found = []
    for text in fig.findobj(Text):
        if text.get_visible() and text.get_text().strip():
            box = text.get_window_extent(renderer)
            if box.width > 0 and box.height > 0:
                found.append((text, box))
    return found


@pytest.fixture(params=[False, True], ids=["wide", "narrow"])
def crowded(request):
    layout = slide_figures.page_trend_layout(narrow=request.param)
    fig = slide_figures.draw_trend(TREND, PREVIOUS, BANDS, BREAKS, grain="month", lang="nl", **layout)
    return request.param, fig


def test_no_text_of_the_crowded_trend_covers_another(crowded):
    """Break labels (vertical, from the bottom) ran up through the campaign names on a phone."""
    _, fig = crowded
    texts = _texts(fig)
    drawn = {text.get_text() for text, _ in texts}
    assert any(name.startswith("Ben jij") for name in drawn) and any("strafbaar" in t for t in drawn)
    overlaps = [
        (a.get_text(), b.get_text())
        for (a, box_a), (b, box_b) in itertools.combinations(texts, 2)
        if box_a.overlaps(box_b)
    ]
    assert not overlaps, overlaps


def test_names_and_break_labels_stay_inside_the_plot_above_the_lines(crowded):
    _, fig = crowded
    ax = fig.axes[0]
    renderer = fig.canvas.get_renderer()
    plot = ax.get_window_extent(renderer)
    highest = max(TREND["n"].max(), PREVIOUS["n"].max())
    line_top = ax.transData.transform((0, highest))[1]
    names = [text for text in ax.texts if text.get_rotation() == 0]
    labels = [text for text in ax.texts if text.get_rotation() == 90]
    assert len(names) == 3 and len(labels) == 2
    for text in ax.texts:
        box = text.get_window_extent(renderer)
        assert plot.x0 <= box.x0 and box.x1 <= plot.x1 and plot.y0 <= box.y0 and box.y1 <= plot.y1
    for name in names:
        assert name.get_window_extent(renderer).y0 > line_top  # no line drawn through a name


def test_the_wide_trend_keeps_every_name_whole_and_the_narrow_one_cuts_with_an_ellipsis(crowded):
    """Cut names say they are cut; their full words stay in the chart's table and alt text."""
    narrow, fig = crowded
    ax = fig.axes[0]
    names = [text.get_text() for text in ax.texts if text.get_rotation() == 0]
    labels = [text.get_text().strip() for text in ax.texts if text.get_rotation() == 90]
    full = list(BANDS["naam"]) + ["start MeldApp Veilige Stad", "straatintimidatie strafbaar"]
    for shown, whole in zip(sorted(names) + labels, sorted(BANDS["naam"]) + full[3:], strict=True):
        assert shown == whole or (shown.endswith("…") and whole.startswith(shown[:-1].rstrip()))
    if not narrow:
        assert sorted(names) == sorted(BANDS["naam"])
    # Plain text, as imported: a $ pair is not typeset as mathematics.
    assert all(not text.get_parse_math() for text in ax.texts)


def test_no_dashed_line_runs_through_a_name_or_another_breaks_label(crowded):
    """Two breaks a week apart: the first one's label goes left of its line, not over the second."""
    _, fig = crowded
    ax = fig.axes[0]
    renderer = fig.canvas.get_renderer()
    fig.canvas.draw()
    names = [t.get_window_extent(renderer) for t in ax.texts if t.get_rotation() == 0]
    labels = [t.get_window_extent(renderer) for t in ax.texts if t.get_rotation() == 90]
    dashed = [line for line in ax.get_lines() if line.get_linestyle() == "--"]
    assert len(dashed) == 2
    for line in dashed:
        (x, _bottom), (_, top) = line.get_transform().transform(line.get_xydata())
        assert not any(box.x0 < x < box.x1 for box in labels)
        assert not any(box.x0 < x < box.x1 and box.y0 < top for box in names)
