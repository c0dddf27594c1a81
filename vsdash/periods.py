"""Period presets of the sidebar: this year, last year, the last 12 months, since the programme began."""

from __future__ import annotations

import datetime as dt

CUSTOM = "eigen"
DEFAULT = "laatste_12_maanden"
PRESETS = ("laatste_12_maanden", "dit_jaar", "vorig_jaar", "sinds_start", CUSTOM)


def _clip(day: dt.date, lo: dt.date, hi: dt.date) -> dt.date:
    return max(lo, min(day, hi))


def preset_period(
    preset: str, lo: dt.date, hi: dt.date, programme_start: int | None = None
) -> tuple[dt.date, dt.date]:
    """The (start, end) of ``preset`` for data from ``lo`` to ``hi``, clipped to the data.

    - ``dit_jaar``: 1 January of the data's last year up to its last day;
    - ``vorig_jaar``: the whole calendar year before that;
    - ``laatste_12_maanden``: the last twelve whole calendar months (the data's last month
      counts when it is complete), so the preceding period is twelve whole months too;
    - ``sinds_start``: from 1 January of the programme's first year (``programme_start``);
    - ``eigen``: raises ``ValueError`` (an own period has no rule).
    """
    if preset == "dit_jaar":
        start, end = dt.date(hi.year, 1, 1), hi
    elif preset == "vorig_jaar":
        start, end = dt.date(hi.year - 1, 1, 1), dt.date(hi.year - 1, 12, 31)
    elif preset == "laatste_12_maanden":
        after = hi + dt.timedelta(days=1)
        end = hi if after.day == 1 else hi.replace(day=1) - dt.timedelta(days=1)
        first = end.replace(day=1)
        index = first.year * 12 + first.month - 1 - 11
        start = dt.date(index // 12, index % 12 + 1, 1)
    elif preset == "sinds_start":
        start, end = dt.date(programme_start or lo.year, 1, 1), hi
    else:
        raise ValueError(f"preset must be one of {PRESETS[:-1]}, got {preset!r}")
    start, end = _clip(start, lo, hi), _clip(end, lo, hi)
    return (start, end) if start <= end else (lo, hi)


def clamp(period, lo: dt.date, hi: dt.date) -> tuple[dt.date, dt.date]:
    """A stored (start, end) clipped into the data range, so a new data range never breaks the widget.

    A half-picked range (one date) is kept as the user left it, clipped.
    """
    if not isinstance(period, (tuple, list)) or not period:
        return (max(lo, hi - dt.timedelta(days=729)), hi)
    days = [_clip(d, lo, hi) for d in period if isinstance(d, dt.date)]
    if not days:
        return (lo, hi)
    return tuple(sorted(days)) if len(days) > 1 else (days[0],)
