"""Decide what may be shown or exported: small-count suppression, safe maps and safe files.

This is the one place that decides privacy. Pages, maps, exports and the command line all call it;
nothing else drops, rounds or hides counts for privacy reasons. Decision record:
``docs/adr/0002-privacy-small-counts.md``.

Suppression rule
----------------
``k`` is the smallest count that may be shown (``settings.min_count()``, default 5, at least 3).

1. **Primary suppression.** A count in ``1..k-1`` is hidden: its value becomes ``<NA>`` and its
   label ``"<k"`` (``"<5"`` for k = 5). Zero stays ``0``: "no reports here" does not point at a
   person, and hiding zeros would make maps of quiet areas unreadable.
2. **Complementary (secondary) suppression.** Within a *group* whose total is published, a reader
   could otherwise compute a hidden cell as ``total - sum(visible)``. The reader knows that a
   ``"<k"`` cell lies in ``1..k-1`` and that a complementary cell (label ``"x"``) is a visible-sized
   count, ``>= k``. We hide further cells until, given the published total, every primary cell can
   still be *any* value in ``1..k-1``: the table tells the reader nothing beyond the label. With
   ``P`` primary cells summing to ``S_P`` and complementary cells ``C`` that means

   - if ``C`` is empty: ``S_P - (|P| - 1)(k - 1) <= 1`` (lower bound stays 1), and
   - always: ``S_P + sum(c - k for c in C) >= k + |P| - 2`` (upper bound stays ``k - 1``).

   A lone primary cell therefore always gets at least one partner. The partner is the smallest
   visible positive cell that closes the gap (the "next-smallest" cell, unless that one is too
   close to ``k`` to give cover); zeros are never used as partners because a hidden zero next to a
   ``"<k"`` cell gives nothing away that the total does not. If the visible cells cannot protect
   the group, the group's total (margin) is hidden too (label ``"x"``).
3. **Rates** (per 10,000 inhabitants, per km²) are hidden wherever their count is hidden, because
   a rate times a public denominator gives the count back.

Scope: additivity is protected in one direction (cells within a group add up to the group total).
A two-way table that shows both row and column margins, or a group total that is itself part of a
larger published total, needs its margins run through these functions again; see the ADR.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from vsdash import i18n, settings

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
    """Hide small counts (primary) and the cells that would reveal them (complementary).

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
    """Suppress cells and their group totals together, so both can be shown side by side.

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
    """Hide rates whose count is hidden, since rate x public denominator gives the count back.

    If ``df`` has no ``suppression`` column yet, the counts are first suppressed with
    ``suppress_small_counts`` (same ``k``, ``group_cols``, ``total_shown``). Every column in
    ``rate_cols`` becomes a float column with NaN where the count is hidden.
    """
    rate_cols = [rate_cols] if isinstance(rate_cols, str) else list(rate_cols)
    missing = [col for col in rate_cols if col not in df.columns]
    if missing:
        raise KeyError(f"rate columns {missing} not in frame; columns are {list(df.columns)}")
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
    if isinstance(value, str) and value.startswith(_FORMULA_PREFIXES):
        return "'" + value
    return value
