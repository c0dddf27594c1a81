"""Every colour of the dashboard in one place: charts, maps, slides and documents use these.

Colours carry meaning only together with a label, a hatch or a number (WCAG 1.4.1); contrast
ratios are checked in tests/unit/test_a11y_charts.py.
"""

from __future__ import annotations

# Okabe-Ito: distinguishable with the common forms of colour blindness.
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
TEXT_COLOUR = "#1a1a1a"
BAND_COLOUR = "rgba(230, 159, 0, 0.18)"  # orange, light; label and hatch carry the meaning too
BAND_EDGE = "#8a5a00"  # dark enough for 4.5:1 text on white
BREAK_COLOUR = "#6b2c91"
# A peer group as a whole, drawn as a dashed reference line behind its members (7:1 on white).
GROUP_LINE_COLOUR = "#595959"

# A count withheld to protect reporters: one grey on every surface (map cells, slide maps,
# bars), always with the "<5" label or a hatch beside it.
SUPPRESSED_COLOUR = "#a6a6a6"
# No value at all (a municipality outside the comparison): lighter than "withheld".
NO_DATA_COLOUR = "#d9d9d9"

# Reversed viridis (light = few, dark = many): readable on a light map and colour-blind safe.
SEQUENTIAL = ("#fde725", "#5ec962", "#21918c", "#3b528b", "#440154")
# ColorBrewer PuOr: purple = fewer, orange = more; the middle is "no change".
DIVERGING = ("#542788", "#998ec3", "#d8daeb", "#f7f7f7", "#fee0b6", "#f1a340", "#b35806")


def _luminance(colour: str) -> float:
    """WCAG 2.1 relative luminance of a ``#rrggbb`` colour."""
    rgb = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def text_on(fill: str) -> str:
    """White or the dark text colour, whichever reads better on ``fill`` (a ``#rrggbb`` colour).

    Numbers printed inside coloured bars: dark text on Okabe-Ito's dark blue reaches only 3.4:1,
    white on its orange 2.3:1; one colour for every fill fails somewhere.
    """
    fill_l = _luminance(fill)
    on_white = (1.05) / (fill_l + 0.05)
    on_dark = (fill_l + 0.05) / (_luminance(TEXT_COLOUR) + 0.05)
    return "#ffffff" if on_white > on_dark else TEXT_COLOUR
