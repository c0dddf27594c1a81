"""Decide what may be shown or exported: perturbed counts, safe periods and breakdowns, safe maps and files.

This is the one place that decides privacy. Pages, maps, exports and the command line all call it;
nothing else drops, rounds, perturbs or hides counts for privacy reasons. Decision records:
``docs/adr/0006-cell-key-perturbation.md`` (the method for counts) and
``docs/adr/0002-privacy-small-counts.md`` (maps, files, and the suppression it replaced).

Cell-key perturbation (ADR 0006)
--------------------------------
Every report carries a fixed random *record key* in ``0..255`` (given at ingest). A cell's key is
the sum of its reports' keys modulo 256 (``combine_keys``); the store returns it as ``ckey`` next
to every count ``n``. The published value of a cell is a fixed function of its true count and its
key (``published_count``, looked up in ``perturbation_table``):

- ``0`` stays ``0``;
- ``1..k-1`` are never published: each becomes ``0`` or ``k``, with the same odds whatever the
  small count is, so the published value does not say which one it was;
- larger counts move by at most 2, zero-mean, variance about 2, and never into ``1..k-1``.

The same reports always give the same published value, whatever query produced the cell, so
asking again or moving a period boundary over an empty day teaches nothing; differencing two
published cells gives the difference of the true counts plus noise, never a report. Totals of
groups (a municipality's wijken, the nation, a peer group) are cells of their own, perturbed from
their combined key, so nothing is hidden and nothing needs complementary suppression. Totals of
*periods* are the sum of their published weeks or months (``period_total``), so that averaging
many overlapping periods gives nothing the published parts do not already say.

The older suppression path (``"<k"`` and complementary ``"x"`` cells) is still applied to a frame
that has no key column, so a count without keys is never shown exactly; every count from the store
carries keys.

Queries are also limited where a difference could still single out a few reports:
``snap_period`` widens periods to whole ISO weeks (whole months where counts are small), and
``fine_breakdown_allowed`` decides whether a fine breakdown (weekday x hour, wijk, category x
channel, hexagons) may be shown at all.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from vsdash import i18n, schema, settings

PRIMARY = "primary"
SECONDARY = "secondary"
NOT_SUPPRESSED = ""
SECONDARY_LABEL = "x"
LABEL_COL = "label"
SUPPRESSION_COL = "suppression"
UNPROTECTED_ATTR = "totals_to_suppress"

# Column names (lower-cased) that hold coordinates of individual reports.
RAW_COORDINATE_COLUMNS = frozenset(
    {
        "lat",
        "lon",
        "lng",
        "long",
        "latitude",
        "longitude",
        "breedtegraad",
        "lengtegraad",
        "x_rd",
        "y_rd",
        "rd_x",
        "rd_y",
    }
)
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# A signed number as the pages label it ("+3", "-6%", "+1.234", "-12,5"): a spreadsheet reads it as
# a number, nothing runs, so it keeps its sign instead of getting a quote the reader sees ("'+3").
_SIGNED_NUMBER = re.compile(r"[+-]\d[\d.,]*%?")


class PrivacyError(ValueError):
    """Something would be shown or exported that the privacy policy does not allow."""


class RawCoordinatesError(PrivacyError):
    """A frame destined for the browser holds coordinates of individual reports."""


def resolve_k(k: int | None = None) -> int:
    """Return the threshold k to use: ``k`` itself, or ``settings.min_count()`` when it is None.

    k must be at least 3: with k = 2 the label ``"<2"`` already says the count is exactly 1.
    """
    value = settings.min_count() if k is None else k
    if isinstance(value, bool) or not isinstance(value, int | np.integer):
        raise TypeError(f"k must be an int, got {type(value).__name__}")
    if value < 3:
        raise PrivacyError(
            f"De privacydrempel k (VSDASH_MIN_COUNT) is {value}; die moet minstens 3 zijn. "
            f"Bij k = 2 verraadt het label '<2' dat het aantal precies 1 is."
        )
    return int(value)


def suppressed_label(k: int | None = None) -> str:
    """Return the display text of a primary-suppressed count, e.g. ``"<5"`` for k = 5."""
    return f"<{resolve_k(k)}"


# --- cell-key perturbation (ADR 0006) -------------------------------------------------------

KEY_COL = "ckey"
KEY_MODULUS = schema.RECORD_KEY_MODULUS
#: Largest change a perturbation makes to a count of at least k + 2.
MAX_NOISE = 2
# Slots (out of KEY_MODULUS) per offset for counts of k + 2 and more: close to uniform on -2..+2,
# symmetric, so zero-mean; variance 510/256, about 2.
_BASE_SLOTS = {-2: 51, -1: 51, 0: 52, 1: 51, 2: 51}
# Slots (out of KEY_MODULUS) in which a count 1..k-1 is published as k; in the others it is 0.
_SMALL_AT_K = 102


def combine_keys(keys: Iterable[int] | pd.Series | np.ndarray) -> int:
    """Return the cell key of a union of disjoint cells: the sum of their keys modulo 256.

    Cell keys add up like counts, so code that adds up ``n`` over cells (a total, a coarser
    period, a group of municipalities) adds up ``ckey`` with this function and passes both on.
    """
    values = np.asarray(list(keys) if not isinstance(keys, pd.Series | np.ndarray) else keys, dtype=np.int64)
    return int(values.sum() % KEY_MODULUS)


def combine_cells(
    df: pd.DataFrame, by: Sequence[str] | str | None, count_col: str = "n", key_col: str = KEY_COL
) -> pd.DataFrame:
    """Add up counts and combine cell keys per group (``by``; None: one grand total row)."""
    by_cols = [by] if isinstance(by, str) else list(by or [])
    if not by_cols:
        return pd.DataFrame({count_col: [int(df[count_col].sum())], key_col: [combine_keys(df[key_col])]})
    out = df.groupby(by_cols, dropna=False, sort=True)[[count_col, key_col]].sum().reset_index()
    out[key_col] = out[key_col].astype(np.int64) % KEY_MODULUS
    return out


def _row_slots(n: int, k: int) -> dict[int, int]:
    """Published value -> number of key slots (out of 256) for a true count ``n``; mean exactly n."""
    if n == 0:
        return {0: KEY_MODULUS}
    if n < k:
        # 0 or k with the same odds whatever the small count is, so a published 0 or k says nothing
        # about which of 1..k-1 it was (an unbiased row would: 4 becomes k far more often than 1).
        at_k = _SMALL_AT_K
        return {0: KEY_MODULUS - at_k, k: at_k}
    slots: dict[int, int] = {}
    lifted = 0  # slot-units of upward bias from moving values below k up to k
    for offset, count in _BASE_SLOTS.items():
        value = n + offset
        if value < k:
            lifted += count * (k - value)
            value = k
        slots[value] = slots.get(value, 0) + count
    if lifted:
        # Send some of the mass at k to 0 to take the bias back out, and the rounding rest to k + 1.
        to_zero = -(-lifted // k)
        rest = to_zero * k - lifted
        slots[k] -= to_zero + rest
        slots[0] = to_zero
        slots[k + 1] = slots.get(k + 1, 0) + rest
    return {v: c for v, c in sorted(slots.items()) if c}


@functools.lru_cache(maxsize=8)
def _offsets(k: int) -> np.ndarray:
    """Array [row, ckey] -> published minus true count; row = min(n, k + 2)."""
    table = np.zeros((k + 3, KEY_MODULUS), dtype=np.int64)
    for row in range(k + 3):
        values = np.repeat(*zip(*_row_slots(row, k).items(), strict=True))
        table[row] = values - row
    return table


def perturbation_table(k: int | None = None) -> pd.DataFrame:
    """Return the published perturbation table: for each true count, what may be published, how often.

    One row per (true count ``n``, published value): ``n`` (``k + 2`` stands for every count of
    ``k + 2`` and more, with the published value given as ``n + offset``), ``published``,
    ``offset``, ``probability`` (slots of 256 record-key sums), ``mean_offset`` and ``variance``
    of the row. ADR 0006 prints it for k = 5.
    """
    k = resolve_k(k)
    rows = []
    for n in range(k + 3):
        slots = _row_slots(n, k)
        probs = {v: c / KEY_MODULUS for v, c in slots.items()}
        mean = sum((v - n) * p for v, p in probs.items())
        var = sum((v - n - mean) ** 2 * p for v, p in probs.items())
        for value, p in probs.items():
            rows.append(
                {
                    "n": n,
                    "published": value,
                    "offset": value - n,
                    "probability": p,
                    "mean_offset": mean,
                    "variance": var,
                }
            )
    return pd.DataFrame(rows)


def published_count(n: int, ckey: int, k: int | None = None) -> int:
    """Return the published value of a cell with true count ``n`` and cell key ``ckey``.

    A fixed function of both: the same reports always publish the same value. Never in
    ``1..k-1``; zero stays zero.
    """
    k = resolve_k(k)
    if n < 0:
        raise ValueError(f"a count cannot be negative, got {n}")
    return int(n + _offsets(k)[min(int(n), k + 2), int(ckey) % KEY_MODULUS])


def _published_counts(counts: np.ndarray, keys: np.ndarray, k: int) -> np.ndarray:
    rows = np.minimum(counts, k + 2)
    return counts + _offsets(k)[rows, np.asarray(keys, dtype=np.int64) % KEY_MODULUS]


def perturb_counts(
    df: pd.DataFrame,
    count_col: str = "count",
    key_col: str = KEY_COL,
    *,
    k: int | None = None,
    lang: str = i18n.DEFAULT_LANG,
) -> pd.DataFrame:
    """Replace exact counts by their published values; add a label; drop the key.

    Every row is a cell of its own: a total row must carry its own combined key
    (``combine_keys``). Returns a copy with ``count_col`` as published (``Int64``, never empty),
    ``label`` (the published number formatted for ``lang``) and ``suppression`` (empty: nothing
    is hidden). The key column is dropped, because key and published value together would give
    the exact count back.
    """
    k = resolve_k(k)
    counts = _validated_counts(df[count_col], count_col)
    if df[key_col].isna().any():
        raise ValueError(f"key column {key_col!r} has missing values; every cell needs its key")
    published = _published_counts(counts, df[key_col].to_numpy(dtype=np.int64), k)
    result = df.drop(columns=[key_col])
    result[count_col] = pd.array(published, dtype="Int64")
    result[LABEL_COL] = [i18n.fmt_number(int(v), lang) for v in published]
    result[SUPPRESSION_COL] = NOT_SUPPRESSED
    result.attrs[UNPROTECTED_ATTR] = []
    return result


def period_total(
    parts: pd.DataFrame, count_col: str = "n", key_col: str = KEY_COL, *, k: int | None = None
) -> int:
    """Return the published total of a period: the sum of the published values of its parts.

    ``parts`` are the whole weeks or months that tile a period snapped by ``snap_period`` (its
    ``unit``), e.g. ``Store.count_reports(selection, grain=snapped.unit)``, with counts and keys.
    A period total is *not* a cell of its own: if it were, every choice of start and end would add
    fresh noise, and averaging many overlapping periods that differ by one week would give that
    week's exact count back (ADR 0006, attack 8). As a sum of the same published parts, a total
    and its trend add up, and no difference of periods tells more than the published parts.
    """
    k = resolve_k(k)
    if parts.empty:
        return 0
    counts = _validated_counts(parts[count_col], count_col)
    return int(_published_counts(counts, parts[key_col].to_numpy(dtype=np.int64), k).sum())


def period_totals(
    parts: pd.DataFrame,
    by: Sequence[str] | str,
    count_col: str = "n",
    key_col: str = KEY_COL,
    *,
    k: int | None = None,
    lang: str = i18n.DEFAULT_LANG,
) -> pd.DataFrame:
    """Return ``period_total`` per group (e.g. per municipality): one row per ``by`` value.

    ``parts`` has one row per group and week or month of the period. Columns: the ``by``
    columns, ``count_col`` (published total), ``label`` and ``suppression`` (empty).
    """
    k = resolve_k(k)
    by_cols = [by] if isinstance(by, str) else list(by)
    counts = _validated_counts(parts[count_col], count_col)
    published = parts[by_cols].assign(
        **{count_col: _published_counts(counts, parts[key_col].to_numpy(dtype=np.int64), k)}
    )
    out = published.groupby(by_cols, as_index=False, sort=True, dropna=False)[count_col].sum()
    out[count_col] = pd.array(out[count_col].astype(np.int64), dtype="Int64")
    out[LABEL_COL] = [i18n.fmt_number(int(v), lang) for v in out[count_col]]
    out[SUPPRESSION_COL] = NOT_SUPPRESSED
    return out


# --- fixed blocks of weeks (ADR 0006, "Blocks of weeks") --------------------------------------

#: Monday of ISO week 1 of 2000: every block of weeks is aligned to it, so blocks never move.
BLOCK_ORIGIN = dt.date(2000, 1, 3)
#: Column with a block's first Monday in frames of counts per block (``Store.hex_block_counts``).
BLOCK_COL = "blok"


def week_blocks(first: dt.date, last: dt.date) -> list[tuple[dt.date, dt.date]]:
    """Tile the weeks from Monday ``first`` to Monday ``last`` with fixed blocks of 1, 2, 4 ... weeks.

    A block of 2^L weeks starts at a multiple of 2^L weeks from ``BLOCK_ORIGIN``; a period takes,
    from its first week on, the largest block that starts there and fits (about 2·log2(weeks)
    blocks in all). Returns ``(first Monday, last Monday)`` per block, in order. Each block is a
    cell published once (its count and the combined key of its reports), so every period that
    uses a block meets the same published value: averaging many overlapping periods gives nothing
    the blocks do not already show, and a period has far fewer parts than weeks, so the small-cell
    bias of a sum of weeks (each part of 1–4 reports publishes 2 on average) stays small.
    """
    for name, day in (("first", first), ("last", last)):
        if day.isoweekday() != 1:
            raise ValueError(f"{name} must be a Monday, got {day} ({day:%A})")
    a = (first - BLOCK_ORIGIN).days // 7
    b = (last - BLOCK_ORIGIN).days // 7 + 1  # one past the last week
    blocks = []
    while a < b:
        size = 1
        while a % (size * 2) == 0 and a + size * 2 <= b:
            size *= 2
        blocks.append((BLOCK_ORIGIN + dt.timedelta(weeks=a), BLOCK_ORIGIN + dt.timedelta(weeks=a + size - 1)))
        a += size
    return blocks


def published_in_blocks(
    weekly: pd.DataFrame,
    first: dt.date,
    last: dt.date,
    week_col: str = "week",
    count_col: str = "n",
    key_col: str = KEY_COL,
    *,
    k: int | None = None,
) -> int:
    """Return the published total of the weeks from Monday ``first`` to Monday ``last``: a sum of blocks.

    ``weekly`` has one row per week (``week_col`` holds Mondays; a week without a row has no
    reports) with counts and cell keys; rows outside the weeks are ignored. The weeks are tiled by
    ``week_blocks`` and each block is published from its count and combined key.
    """
    k = resolve_k(k)
    blocks = week_blocks(first, last)
    weeks = pd.to_datetime(weekly[week_col])
    inside = ((weeks >= pd.Timestamp(first)) & (weeks <= pd.Timestamp(last))).to_numpy()
    if not inside.any():
        return 0
    starts = pd.to_datetime([a for a, _ in blocks]).to_numpy()
    parts = pd.DataFrame(
        {
            BLOCK_COL: np.searchsorted(starts, weeks[inside].to_numpy(), side="right") - 1,
            count_col: _validated_counts(weekly.loc[inside, count_col], count_col),
            key_col: weekly.loc[inside, key_col].to_numpy(dtype=np.int64),
        }
    )
    return period_total(combine_cells(parts, BLOCK_COL, count_col, key_col), count_col, key_col, k=k)


# --- periods and breakdowns (ADR 0006) --------------------------------------------------------


@dataclass(frozen=True)
class SnappedPeriod:
    """A period widened for publication: first and last day, and the unit it was snapped to."""

    start: dt.date
    end: dt.date
    unit: str  # "week" or "month"


def snap_period(
    start: dt.date, end: dt.date, published_total: int | None = None, *, k: int | None = None
) -> SnappedPeriod:
    """Widen a period so published counts can only differ by whole ISO weeks or whole months.

    Counts for a period are published for whole ISO weeks (Monday to Sunday): moving an end date
    by a day then changes nothing, and a single day is never the difference of two published
    periods. Where counts are small, whole months: ``published_total`` is the published count of
    the week-snapped period (so the choice itself reveals nothing beyond what is shown), and a
    mean below k per week snaps to months. Without ``published_total`` the weeks stand.
    """
    if start > end:
        raise ValueError(f"start {start} is after end {end}")
    k = resolve_k(k)
    week_start = start - dt.timedelta(days=start.isoweekday() - 1)
    week_end = end + dt.timedelta(days=7 - end.isoweekday())
    weeks = ((week_end - week_start).days + 1) // 7
    if published_total is None or published_total >= k * weeks:
        return SnappedPeriod(week_start, week_end, "week")
    month_start = start.replace(day=1)
    next_month = (end.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return SnappedPeriod(month_start, next_month - dt.timedelta(days=1), "month")


#: Cells of the fine breakdowns that are fixed in size (wijken and hexagons depend on the area).
BREAKDOWN_CELLS = {"weekday_hour": 7 * 24, "weekday": 7, "hour": 24}


def fine_breakdown_allowed(published_total: int, n_cells: int, *, k: int | None = None) -> bool:
    """Whether a breakdown of ``published_total`` reports over ``n_cells`` cells may be shown.

    Only where cells are large enough on average: at least k reports per cell (a weekday x hour
    heat map, 168 cells, needs 840 reports for k = 5). With fewer, most cells would be 0..k-1,
    and a breakdown of a handful of reports says when, where or what each one was, however
    each cell is perturbed. Decided on the published total, so the decision reveals nothing new.
    """
    k = resolve_k(k)
    if n_cells <= 0:
        return False
    return int(published_total) >= k * int(n_cells)


# --- counts ---------------------------------------------------------------------------------


def suppress_small_counts(
    df: pd.DataFrame,
    count_col: str = "count",
    *,
    k: int | None = None,
    group_cols: Sequence[str] | None = None,
    total_rows: str | pd.Series | np.ndarray | None = None,
    total_shown: bool = True,
    lang: str = i18n.DEFAULT_LANG,
) -> pd.DataFrame:
    """Publish counts: perturbed when the frame has cell keys, else small ones hidden (legacy).

    With a ``ckey`` column (every count from the store has one) this is ``perturb_counts``:
    each row, total rows included, is perturbed from its own key and nothing is hidden, so
    ``group_cols``, ``total_rows`` and ``total_shown`` do not matter. Without keys the older
    suppression below applies (primary ``"<k"``, complementary ``"x"``).

    Parameters
    ----------
    df
        One row per cell. ``count_col`` holds non-negative whole numbers.
    count_col
        Column with the counts.
    k
        Threshold; counts ``1..k-1`` are hidden. ``None`` reads ``settings.min_count()``.
    group_cols
        Columns whose values define groups of rows that add up to a published total (e.g.
        ``["gemeentecode"]`` for categories per municipality). ``None``: the whole table is one
        group.
    total_rows
        Rows that are the group totals (margins) rather than cells: the name of a boolean
        column, or a boolean mask aligned with ``df``. A total that cannot otherwise be protected
        is hidden as well.
    total_shown
        Whether the group totals are published anywhere (in this frame, a KPI, a caption). When
        False only primary suppression is applied. Default True, the safe choice.
    lang
        Language for the formatted numbers in the label column.

    Returns
    -------
    pandas.DataFrame
        A copy of ``df`` where ``count_col`` is a nullable ``Int64`` column with ``<NA>`` for
        hidden cells, plus ``label`` (display text: the number, ``"<k"`` or ``"x"``) and
        ``suppression`` (``""``, ``"primary"`` or ``"secondary"``). When a group cannot be
        protected and its total is not in the frame, the group keys are listed in
        ``result.attrs["totals_to_suppress"]``: do not publish those totals (use
        ``suppress_with_margin`` to get totals that are safe).
    """
    if KEY_COL in df.columns:
        return perturb_counts(df, count_col, k=k, lang=lang)
    k = resolve_k(k)
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"df must be a pandas DataFrame, got {type(df).__name__}")
    if count_col not in df.columns:
        raise KeyError(f"count column {count_col!r} not in frame; columns are {list(df.columns)}")
    group_cols = list(group_cols or [])
    missing = [col for col in group_cols if col not in df.columns]
    if missing:
        raise KeyError(f"group columns {missing} not in frame; columns are {list(df.columns)}")

    counts = _validated_counts(df[count_col], count_col)
    is_total = _total_mask(df, total_rows)

    status = np.where((counts >= 1) & (counts < k), PRIMARY, NOT_SUPPRESSED).astype(object)
    unprotected: list[Any] = []
    if total_shown:
        positions = np.arange(len(df))
        if group_cols:
            groups = pd.Series(positions).groupby([df[col].to_numpy() for col in group_cols], dropna=False)
            index_sets = [
                (key[0] if isinstance(key, tuple) and len(key) == 1 else key, idx.to_numpy())
                for key, idx in groups
            ]
        else:
            index_sets = [(None, positions)]
        for key, rows in index_sets:
            if not _protect_group(counts, status, is_total, rows, k):
                unprotected.append(key)

    result = df.copy()
    hidden = status != NOT_SUPPRESSED
    result[count_col] = pd.array(np.where(hidden, 0, counts), dtype="Int64")
    result.loc[hidden, count_col] = pd.NA
    primary_label = f"<{k}"
    result[LABEL_COL] = [
        primary_label
        if s == PRIMARY
        else SECONDARY_LABEL
        if s == SECONDARY
        else i18n.fmt_number(int(c), lang)
        for s, c in zip(status, counts, strict=True)
    ]
    result[SUPPRESSION_COL] = status.astype(str)
    result.attrs[UNPROTECTED_ATTR] = unprotected
    return result


WITHHELD_ATTR = "withheld"  # withhold_unprotected: the groups left out


def withhold_unprotected(shown: pd.DataFrame, group_cols: Sequence[str] | None = None) -> pd.DataFrame:
    """Leave out the groups whose cells ``suppress_small_counts`` could not protect.

    The other way to close what ``attrs["totals_to_suppress"]`` reports: keep the published
    total (a key figure elsewhere) and do not show that group's cells at all. ``group_cols`` are
    the columns the suppression grouped by (None: the whole table is one group). The result
    lists the left-out group keys in ``attrs["withheld"]`` and has no unprotected groups left.
    """
    withheld = list(shown.attrs.get(UNPROTECTED_ATTR, []))
    if not withheld:
        kept = shown
    elif not group_cols:
        kept = shown.iloc[0:0].copy()
    else:
        keys = shown[list(group_cols)].apply(tuple, axis=1) if len(group_cols) > 1 else shown[group_cols[0]]
        kept = shown[~keys.isin(withheld)].copy()
    kept.attrs[UNPROTECTED_ATTR] = []
    kept.attrs[WITHHELD_ATTR] = withheld
    return kept


def suppress_with_margin(
    df: pd.DataFrame,
    by: Sequence[str] | str | None,
    count_col: str = "count",
    *,
    k: int | None = None,
    lang: str = i18n.DEFAULT_LANG,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Publish cells and their group totals together, so both can be shown side by side.

    With a ``ckey`` column, cells are perturbed and each group total is perturbed as a cell of
    its own from its combined key (totals may then differ a little from the sum of the shown
    cells; that is the protection). Without keys, the older suppression applies.

    Parameters
    ----------
    df
        One row per cell, e.g. counts per (gemeentecode, categorie).
    by
        Columns that define the groups whose totals are published (``"gemeentecode"`` gives a
        total per municipality). ``None`` or ``[]``: one grand total.
    count_col
        Column with the counts.

    Returns
    -------
    (cells, totals)
        ``cells`` is ``df`` suppressed as by ``suppress_small_counts``; ``totals`` has one row per
        group (the ``by`` columns, ``count_col``, ``label``, ``suppression``), computed from the
        raw counts and hidden where needed to protect the cells.
    """
    by_cols = [by] if isinstance(by, str) else list(by or [])
    if KEY_COL in df.columns:
        cells = perturb_counts(df, count_col, k=k, lang=lang)
        margin = perturb_counts(combine_cells(df, by_cols, count_col), count_col, k=k, lang=lang)
        cells.attrs = {}
        margin.attrs = {}
        return cells, margin[[*by_cols, count_col, LABEL_COL, SUPPRESSION_COL]]
    counts = _validated_counts(df[count_col], count_col)
    raw = df.assign(**{count_col: counts})
    if by_cols:
        totals = raw.groupby(by_cols, dropna=False, sort=True)[count_col].sum().reset_index()
    else:
        totals = pd.DataFrame({count_col: [int(counts.sum())]})
    marker = "__vsdash_is_total__"
    combined = pd.concat(
        [raw.assign(**{marker: False}), totals.assign(**{marker: True})], ignore_index=True, sort=False
    )
    suppressed = suppress_small_counts(
        combined, count_col, k=k, group_cols=by_cols, total_rows=marker, total_shown=True, lang=lang
    )
    is_total = suppressed[marker].to_numpy(dtype=bool)
    cells = suppressed.loc[~is_total, [*df.columns, LABEL_COL, SUPPRESSION_COL]]
    cells.index = df.index
    margin = suppressed.loc[is_total, [*by_cols, count_col, LABEL_COL, SUPPRESSION_COL]].reset_index(
        drop=True
    )
    cells.attrs = {}
    margin.attrs = {}
    return cells, margin


def suppress_rates(
    df: pd.DataFrame,
    count_col: str = "count",
    rate_cols: Iterable[str] = ("rate",),
    *,
    k: int | None = None,
    group_cols: Sequence[str] | None = None,
    total_shown: bool = True,
    lang: str = i18n.DEFAULT_LANG,
) -> pd.DataFrame:
    """Publish rates with their counts, since rate x public denominator gives the count back.

    With a ``ckey`` column the counts are perturbed and each rate is recomputed from its
    published count (rate x published / exact). Otherwise rates are hidden where counts are.

    If ``df`` has no ``suppression`` column yet, the counts are first suppressed with
    ``suppress_small_counts`` (same ``k``, ``group_cols``, ``total_shown``). Every column in
    ``rate_cols`` becomes a float column with NaN where the count is hidden.
    """
    rate_cols = [rate_cols] if isinstance(rate_cols, str) else list(rate_cols)
    missing = [col for col in rate_cols if col not in df.columns]
    if missing:
        raise KeyError(f"rate columns {missing} not in frame; columns are {list(df.columns)}")
    if SUPPRESSION_COL not in df.columns and KEY_COL in df.columns:
        # Rates follow the published count, so rate x public denominator gives only that back.
        exact = _validated_counts(df[count_col], count_col).astype(float)
        result = perturb_counts(df, count_col, k=k, lang=lang)
        published = result[count_col].to_numpy(dtype=float)
        scale = np.divide(published, exact, out=np.ones_like(exact), where=exact > 0)
        for col in rate_cols:
            result[col] = pd.to_numeric(result[col], errors="raise").astype(float) * scale
        return result
    if SUPPRESSION_COL in df.columns:
        result = df.copy()
    else:
        result = suppress_small_counts(
            df, count_col, k=k, group_cols=group_cols, total_shown=total_shown, lang=lang
        )
    hidden = result[count_col].isna().to_numpy()
    for col in rate_cols:
        result[col] = pd.to_numeric(result[col], errors="raise").astype(float).mask(hidden)
    return result


def _validated_counts(values: pd.Series, count_col: str) -> np.ndarray:
    """Return counts as int64, refusing missing, fractional or negative values."""
    if values.isna().any():
        raise ValueError(f"count column {count_col!r} has missing values; counts must be complete")
    numeric = pd.to_numeric(values, errors="raise").to_numpy(dtype=float)
    if (numeric < 0).any() or not np.array_equal(numeric, np.round(numeric)):
        raise ValueError(f"count column {count_col!r} must hold non-negative whole numbers")
    return numeric.astype(np.int64)


def _total_mask(df: pd.DataFrame, total_rows: str | pd.Series | np.ndarray | None) -> np.ndarray:
    if total_rows is None:
        return np.zeros(len(df), dtype=bool)
    mask = df[total_rows] if isinstance(total_rows, str) else total_rows
    mask = np.asarray(mask, dtype=bool)
    if mask.shape != (len(df),):
        raise ValueError(f"total_rows must have one flag per row ({len(df)}), got shape {mask.shape}")
    return mask


def _primaries_protected(counts: np.ndarray, primary: np.ndarray, secondary: np.ndarray, k: int) -> bool:
    """Whether, given the group total, every primary cell can still be any value in 1..k-1."""
    n_primary = int(primary.sum())
    if n_primary == 0:
        return True
    sum_primary = int(counts[primary].sum())
    cover = int((counts[secondary] - k).sum())
    low_ok = secondary.any() or sum_primary - (n_primary - 1) * (k - 1) <= 1
    high_ok = sum_primary + cover >= k + n_primary - 2
    return bool(low_ok and high_ok)


def _protect_group(
    counts: np.ndarray, status: np.ndarray, is_total: np.ndarray, rows: np.ndarray, k: int
) -> bool:
    """Add complementary suppressions in one group (edits ``status``); False if its total must go.

    ``rows`` are positions of the group's rows, cells and total rows alike.
    """
    cells = rows[~is_total[rows]]
    totals = rows[is_total[rows]]
    if totals.size and (status[totals] != NOT_SUPPRESSED).all():
        return True  # the total is hidden (e.g. itself < k): nothing to subtract from
    while True:
        primary = status[cells] == PRIMARY
        secondary = status[cells] == SECONDARY
        values = counts[cells]
        if _primaries_protected(values, primary, secondary, k):
            return True
        candidates = np.flatnonzero((status[cells] == NOT_SUPPRESSED) & (values > 0))
        if candidates.size == 0:
            if totals.size:
                status[totals] = np.where(status[totals] == NOT_SUPPRESSED, SECONDARY, status[totals])
                return True
            return False
        gap = k + int(primary.sum()) - 2 - int(values[primary].sum()) - int((values[secondary] - k).sum())
        order = candidates[np.argsort(values[candidates], kind="stable")]
        enough = order[values[order] - k >= gap]
        # Smallest cell that closes the gap; if none does, the largest, and keep going.
        chosen = enough[0] if enough.size else order[-1]
        status[cells[chosen]] = SECONDARY


# --- H3 resolution --------------------------------------------------------------------------


def public_h3_resolution(res: int) -> int:
    """Return ``res`` if an H3 grid that fine may be shown publicly; raise PrivacyError otherwise.

    The ceiling is ``settings.max_h3_resolution()`` (at most 8: cells of about 0.7 km², so a
    cell never narrows a report down to a street or a house).
    """
    if isinstance(res, bool) or not isinstance(res, int | np.integer):
        raise TypeError(f"H3 resolution must be an int, got {type(res).__name__}")
    ceiling = settings.max_h3_resolution()
    if not 0 <= res <= ceiling:
        raise PrivacyError(
            f"H3-resolutie {res} mag niet openbaar getoond worden: toegestaan is 0 tot en met {ceiling} "
            f"(hogere resoluties geven hexagonen van minder dan 0,7 km² en kunnen melders herleidbaar maken)."
        )
    return int(res)


def coarsen_cells(
    df: pd.DataFrame,
    h3_col: str,
    to_res: int,
    *,
    by: Sequence[str] = (),
    sum_cols: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Aggregate finer H3 cells into their parents at ``to_res`` (summing counts).

    Parameters
    ----------
    df
        One row per (cell, ``by``...) with H3 cells as hex strings or integers in ``h3_col``.
    to_res
        Target resolution; every cell must be at ``to_res`` or finer. Checked with
        ``public_h3_resolution``.
    by
        Extra key columns kept in the result (e.g. ``["categorie"]``).
    sum_cols
        Columns to add up; default every numeric column that is not a key.

    Returns
    -------
    pandas.DataFrame
        One row per (parent cell, ``by``...), with ``h3_col`` in the same representation as the
        input. Counts are raw sums: run ``suppress_small_counts`` afterwards.
    """
    import h3
    from h3.api import basic_int

    to_res = public_h3_resolution(to_res)
    keys = [h3_col, *by]
    if sum_cols is None:
        sum_cols = [c for c in df.select_dtypes("number").columns if c not in keys]
    unique_cells = pd.unique(df[h3_col])
    as_int = len(unique_cells) > 0 and not isinstance(unique_cells[0], str)
    api = basic_int if as_int else h3
    parents = {}
    for cell in unique_cells:
        cell_key = int(cell) if as_int else cell
        resolution = api.get_resolution(cell_key)
        if resolution < to_res:
            raise ValueError(f"cell {cell!r} has resolution {resolution}, coarser than target {to_res}")
        parents[cell] = api.cell_to_parent(cell_key, to_res)
    out = df.assign(**{h3_col: df[h3_col].map(parents)})
    if as_int:
        out[h3_col] = out[h3_col].astype(df[h3_col].dtype)
    return out.groupby(keys, sort=True, dropna=False)[list(sum_cols)].sum().reset_index()


# --- maps and files -------------------------------------------------------------------------


def assert_no_raw_coordinates(obj: Any, *, area_key: str | None = None) -> None:
    """Raise RawCoordinatesError if ``obj`` carries coordinates of individual reports.

    ``obj`` may be a (Geo)DataFrame, a list of dicts (pydeck layer data) or a dict. Columns such
    as lat/lon/latitude/longitude/breedtegraad/lengtegraad/x_rd/y_rd and point geometries are
    refused. One coordinate per *area* (e.g. municipality centres for a bubble map) is allowed
    when ``area_key`` names a column in which every value is unique.
    """
    if isinstance(obj, dict):
        frame = pd.DataFrame([obj])
    elif isinstance(obj, list):
        if obj and not all(isinstance(row, dict) for row in obj):
            raise TypeError("a list passed to assert_no_raw_coordinates must hold dicts (records)")
        frame = pd.DataFrame(obj)
    elif isinstance(obj, pd.DataFrame):
        frame = obj
    else:
        raise TypeError(f"expected a DataFrame, list of dicts or dict, got {type(obj).__name__}")

    coordinate_cols = [str(c) for c in frame.columns if str(c).strip().lower() in RAW_COORDINATE_COLUMNS]
    point_geometry = False
    geometry = getattr(frame, "geometry", None) if hasattr(frame, "crs") else None
    if geometry is not None and len(geometry):
        point_geometry = bool(geometry.geom_type.isin(["Point", "MultiPoint"]).any())
    if not coordinate_cols and not point_geometry:
        return
    if area_key is not None and area_key in frame.columns and frame[area_key].is_unique:
        return
    what = f"kolommen {coordinate_cols}" if coordinate_cols else "puntgeometrieën"
    raise RawCoordinatesError(
        f"Deze tabel voor de kaart bevat {what}: coördinaten van losse meldingen mogen niet naar de "
        f"browser. Aggregeer eerst naar H3-cellen (resolutie ≤ {settings.max_h3_resolution()}), "
        f"wijken of gemeenten."
    )


def safe_export_frame(df: pd.DataFrame) -> pd.DataFrame:
    """Return a copy of ``df`` that spreadsheet programs will not execute as formulas.

    Text cells (and column names) starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return
    get a leading single quote, which Excel and LibreOffice read as "this is text". Numbers,
    dates and missing values are left alone.
    """
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"df must be a pandas DataFrame, got {type(df).__name__}")
    result = df.copy()
    for col in result.columns:
        values = result[col]
        if isinstance(values.dtype, pd.CategoricalDtype):
            values = values.astype(object)
        if values.dtype == object or pd.api.types.is_string_dtype(values.dtype):
            result[col] = values.map(_neutralise_formula)
    result.columns = [_neutralise_formula(c) for c in result.columns]
    return result


def _neutralise_formula(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_PREFIXES) and not _SIGNED_NUMBER.fullmatch(value):
        return "'" + value
    return value
