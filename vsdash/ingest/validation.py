"""Validate typed rows with pandera: ranges, dates, coordinates in their municipality, unique keys.

``validate_rows`` is the one entry: text rows in, (valid typed rows, errors per cell, warnings) out.
Risk-area polygons are checked here too (``_risk_area_geometry_errors``).
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pandera.pandas as pa

from vsdash import settings
from vsdash.ingest.fields import KEYS, _fields
from vsdash.ingest.parsing import _error_frame, _parse
from vsdash.ingest.results import RowError

EARLIEST = pd.Timestamp("2000-01-01")


def _schema(kind: str, typed: pd.DataFrame, context: _Context) -> pa.DataFrameSchema:
    """The pandera schema for the typed rows of ``kind``: required fields, ranges, cross-field rules."""
    columns: dict[str, pa.Column] = {}
    now = pd.Timestamp(context.now)
    for f in _fields(kind):
        checks = []
        if f.minimum is not None or f.maximum is not None:
            lo = f.minimum if f.minimum is not None else -np.inf
            hi = f.maximum if f.maximum is not None else np.inf
            what = (
                "breedtegraad in Nederland"
                if f.name == "lat"
                else "lengtegraad in Nederland"
                if f.name == "lon"
                else f.range_hint or "waarde"
            )
            checks.append(
                pa.Check.in_range(
                    lo,
                    hi,
                    error=f"buiten het bereik; toegestaan: {what} van {_num(lo)} tot en met {_num(hi)}",
                )
            )
        if f.parse in ("datetime", "date") and f.name not in ("eind",) and kind in ("reports",):
            checks.append(pa.Check.le(now, error=f"datum ligt in de toekomst (na {now:%d-%m-%Y %H:%M})"))
        if f.parse in ("datetime", "date"):
            checks.append(
                pa.Check.ge(
                    EARLIEST, error="datum ligt vóór 2000; controleer dag, maand en jaar (dd-mm-jjjj)"
                )
            )
        columns[f.name] = pa.Column(
            None,
            checks=checks,
            nullable=not f.required,
            required=True,
        )
    key = list(KEYS[kind])
    if context.duplicated is None:
        duplicated = typed[key].duplicated(keep=False) & typed[key].notna().all(axis=1)
    else:  # found across the whole file, which is read in chunks (``duplicate_rows``)
        duplicated = context.duplicated.reindex(typed.index, fill_value=False)
    columns[key[-1]].checks.append(
        pa.Check(
            lambda s: ~duplicated.loc[s.index].astype(bool),
            error="komt meer dan eens voor in het bestand; elk kenmerk mag maar één keer voorkomen (per gemeente)",
        )
    )
    if kind == "reports":
        columns["lat"].checks.append(
            pa.Check(
                lambda s: s.isna() == typed.loc[s.index, "lon"].isna(),
                error="breedtegraad en lengtegraad moeten allebei ingevuld zijn of allebei leeg",
                ignore_na=False,
            )
        )
        inside = context.inside_municipality(typed)
        if inside is not None:
            columns["lat"].checks.append(
                pa.Check(
                    lambda s: inside.loc[s.index] | s.isna(),
                    error="punt ligt buiten de gemeente (CBS-grenzen 2025, met 150 m speling); controleer breedtegraad, lengtegraad en gemeente",
                    ignore_na=False,
                )
            )
        columns["ontvangen_op"].checks.append(
            pa.Check(
                lambda s: (
                    s.isna()
                    | typed.loc[s.index, "datum"].isna()
                    | (s >= typed.loc[s.index, "datum"].dt.normalize())
                ),
                error="ontvangen vóór de datum van het voorval; dat kan niet",
                ignore_na=False,
            )
        )
    if kind == "survey":
        # A share of feeling unsafe is read only with its margin, and a margin only with its share.
        shares = {"onveilig_buurt_pct": "onveilig in de buurt", "onveilig_avond_pct": "'s avonds onveilig"}
        for share, words in shares.items():
            columns[share.replace("_pct", "_marge")].checks.append(
                pa.Check(
                    lambda s, share=share: s.isna() == typed.loc[s.index, share].isna(),
                    error=f"een marge hoort bij een aandeel: vul beide in (aandeel {words} en zijn marge) "
                    "of laat beide leeg",
                    ignore_na=False,
                )
            )
    if "eind" in columns:
        columns["eind"].checks.append(
            pa.Check(
                lambda s: s.isna() | typed.loc[s.index, "start"].isna() | (s >= typed.loc[s.index, "start"]),
                error="einddatum ligt vóór de startdatum",
                ignore_na=False,
            )
        )
    return pa.DataFrameSchema(columns, strict=False)


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value).replace(".", ",")


def _pandera_errors(kind: str, typed: pd.DataFrame, context: _Context) -> pd.DataFrame:
    try:
        _schema(kind, typed, context).validate(typed, lazy=True)
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases
        cases = cases[cases["index"].notna() & cases["column"].notna()]
        messages = cases["check"].astype(str).replace({"not_nullable": "verplicht veld is leeg"})
        return pd.DataFrame(
            {"field": cases["column"].to_numpy(), "message": messages.to_numpy()},
            index=pd.Index(cases["index"].astype(int).to_numpy()),
        )
    return pd.DataFrame(columns=["field", "message"])


# -- context: store lookups and boundaries ------------------------------------------------------------


@functools.lru_cache(maxsize=2)
def _boundaries(folder: str):
    from vsdash import geo

    try:
        return geo.load_municipality_boundaries()
    except (geo.BoundariesUnavailable, geo.BoundaryFileError, OSError):
        return None


@functools.lru_cache(maxsize=2)
def _wijken(folder: str):
    from vsdash import geo

    try:
        return geo.load_wijk_boundaries()
    except (geo.BoundariesUnavailable, geo.BoundaryFileError, OSError):
        return None


@dataclass
class _Context:
    now: dt.datetime
    lookup: dict[str, str]
    warnings: list[str]
    duplicated: pd.Series | None = None  # rows whose key occurs more than once in the whole file

    def inside_municipality(self, typed: pd.DataFrame) -> pd.Series | None:
        """Whether each report's point lies in its municipality (None when boundaries are absent)."""
        from vsdash import geo

        if typed["lat"].notna().sum() == 0:
            return None
        gdf = _boundaries(str(settings.boundaries_dir()))
        if gdf is None:
            self.warnings.append(
                "Geen CBS-grenzen beschikbaar: niet gecontroleerd of punten binnen de gemeente liggen."
            )
            return None
        known = set(gdf["gemeentecode"])
        has_point = typed["lat"].notna() & typed["lon"].notna() & typed["gemeentecode"].isin(known)
        result = pd.Series(True, index=typed.index)
        if has_point.any():
            rows = typed[has_point]
            result.loc[has_point] = geo.point_in_municipality(
                rows["lat"].to_numpy(float),
                rows["lon"].to_numpy(float),
                rows["gemeentecode"].to_numpy(object),
                gdf,
            )
        return result


def validate_rows(
    raw: pd.DataFrame,
    kind: str,
    columns: dict[str, str],
    lookup: dict[str, str],
    now: dt.datetime | None = None,
    duplicated: pd.Series | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    """Parse and validate text rows; return (typed valid rows, errors per row, warnings).

    ``errors`` has index = spreadsheet row and columns ``field``, ``message``; one row per problem.
    A key that occurs more than once is an error in every row that has it: among ``raw`` itself,
    or, when ``raw`` is one chunk of a file, where ``duplicated`` (per row of the file) says so.
    """
    context = _Context(now or dt.datetime.now(), lookup, [], duplicated)
    parsed = _parse(raw, kind, columns, lookup)
    typed = parsed.frame
    if kind == "reports":
        typed = _combine_report_time(typed)
    found = [*parsed.errors, _pandera_errors(kind, typed, context)]
    errors = (
        pd.concat([e for e in found if len(e)], axis=0)
        if any(len(e) for e in found)
        else pd.DataFrame(columns=["field", "message"])
    )
    # One message per cell: a cell that could not be parsed is not also reported as empty.
    errors = errors.assign(_row=errors.index)
    errors = (
        errors.drop_duplicates(subset=["_row", "field"], keep="first")
        .drop(columns="_row")
        .sort_index(kind="stable")
    )
    valid = typed.drop(index=errors.index.unique())
    return valid, errors, context.warnings


def typed_keys(raw: pd.DataFrame, kind: str, columns: dict[str, str], lookup: dict[str, str]) -> pd.DataFrame:
    """The key of each row as validation reads it (``KEYS``), NA where a part is empty or unreadable.

    Only the key's fields are parsed: the first pass over a big file needs no more to find the
    keys that occur more than once.
    """
    key = list(KEYS[kind])
    parsed = _parse(raw, kind, {f: c for f, c in columns.items() if f in key}, lookup)
    return parsed.frame[key]


def _combine_report_time(typed: pd.DataFrame) -> pd.DataFrame:
    typed = typed.copy()
    has_time = typed["tijd"].notna()
    if has_time.any():
        typed.loc[has_time, "datum"] = (
            typed.loc[has_time, "datum"].dt.normalize() + typed.loc[has_time, "tijd"]
        )
    return typed


def _row_errors(
    errors: pd.DataFrame, raw: pd.DataFrame, columns: dict[str, str], limit: int | None
) -> list[RowError]:
    subset = errors if limit is None else errors.iloc[:limit]
    out = []
    for row, fieldname, message in zip(subset.index, subset["field"], subset["message"], strict=True):
        column = columns.get(fieldname, fieldname)
        value = raw.at[row, column] if column in raw.columns else None
        out.append(RowError(int(row), column, value, str(message)))
    return out


def _risk_area_geometry_errors(valid: pd.DataFrame, geometry) -> pd.DataFrame:
    import shapely

    geom = geometry.loc[valid.index]
    kinds = geom.geom_type.fillna("")
    wrong = ~kinds.isin(["Polygon", "MultiPolygon"])
    invalid = ~wrong & ~shapely.is_valid(geom.to_numpy())
    bounds = geom.bounds
    outside_nl = ~wrong & (
        (bounds["minx"] < 3.2) | (bounds["maxx"] > 7.3) | (bounds["miny"] < 50.6) | (bounds["maxy"] > 53.7)
    )
    outside_gemeente = pd.Series(False, index=valid.index)
    gdf = _boundaries(str(settings.boundaries_dir()))
    checkable = (
        ~wrong
        & ~outside_nl
        & valid["gemeentecode"].isin(set(gdf["gemeentecode"]) if gdf is not None else set())
    )
    if gdf is not None and checkable.any():
        from vsdash import geo

        centre = geom[checkable].representative_point()
        inside = geo.point_in_municipality(
            centre.y.to_numpy(),
            centre.x.to_numpy(),
            valid.loc[checkable, "gemeentecode"].to_numpy(object),
            gdf,
        )
        outside_gemeente.loc[checkable] = ~inside
    frames = [
        _error_frame(
            outside_gemeente,
            "geometry",
            "vlak ligt niet in de opgegeven gemeente (CBS-grenzen 2025); controleer gemeente en coördinatenstelsel",
        ),
        _error_frame(wrong, "geometry", "geen vlak; een risicogebied moet een Polygon of MultiPolygon zijn"),
        _error_frame(
            invalid, "geometry", "ongeldige polygoon (snijdt zichzelf); herstel hem in de GIS-software"
        ),
        _error_frame(
            outside_nl, "geometry", "vlak ligt (deels) buiten Nederland; controleer het coördinatenstelsel"
        ),
    ]
    return pd.concat(frames)
