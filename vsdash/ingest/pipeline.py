"""``import_file``: read -> map columns -> validate -> write in one transaction -> import log."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from vsdash.ingest.fields import _fields, resolve_columns
from vsdash.ingest.georeader import _read_risk_areas
from vsdash.ingest.limits import MAX_ERRORS_LISTED
from vsdash.ingest.parsing import _municipality_lookup
from vsdash.ingest.readers import file_sha256, read_source, read_table
from vsdash.ingest.results import ImportRefused, ImportResult, Progress, _noop
from vsdash.ingest.rows import _to_table_rows
from vsdash.ingest.transaction import _existing_keys, write_import
from vsdash.ingest.validation import _risk_area_geometry_errors, _row_errors, validate_rows


def import_file(
    store,
    source: str | Path | bytes,
    kind: str,
    *,
    file_name: str | None = None,
    user: str = "onbekend",
    dry_run: bool = False,
    skip_invalid: bool = False,
    replace_demo: bool = False,
    mapping: dict[str, str] | None = None,
    progress: Progress = _noop,
    now: dt.datetime | None = None,
) -> ImportResult:
    """Validate a file and (unless ``dry_run``) write it in one transaction; return what happened.

    Raises ``ImportRefused`` for a file that cannot be read safely or lacks required columns. A
    readable file with invalid rows is refused as a whole (``result.refused``, nothing written)
    unless ``skip_invalid``. Rows whose key already exists are counted as ``duplicates`` and not
    written again. A store holding demo data refuses real data unless ``replace_demo`` (which
    clears the demo rows and unmarks the store as demo in the same transaction).
    """
    _fields(kind)
    data, name = read_source(source, file_name)
    digest = file_sha256(data)
    result = ImportResult(kind=kind, file_name=name, sha256=digest, dry_run=dry_run)
    progress(0.02, f"{name} lezen")
    if kind == "risk-areas":
        raw, geometry = _read_risk_areas(data, name)
    else:
        raw, geometry = read_table(data, name), None
    columns = resolve_columns(raw.columns, kind, mapping)
    ignored = [c for c in raw.columns if c not in columns.values()]
    if ignored:
        result.warnings.append(
            f"Kolommen genegeerd (niet nodig of niet toegestaan): {', '.join(map(str, ignored))}."
        )
    lookup = _municipality_lookup(
        tuple(
            store.query("SELECT gemeentecode, naam, weergavenaam FROM municipalities").itertuples(
                index=False, name=None
            )
        )
    )
    progress(0.15, f"{len(raw):,} rijen controleren".replace(",", "."))
    valid, errors, warnings = validate_rows(raw, kind, columns, lookup, now)
    result.warnings += warnings
    if geometry is not None:
        geo_errors = _risk_area_geometry_errors(valid, geometry)
        if len(geo_errors):
            errors = pd.concat([errors, geo_errors]).sort_index(kind="stable")
            valid = valid.drop(index=geo_errors.index.unique(), errors="ignore")
    result.rows = len(raw)
    bad_rows = errors.index.unique()
    result.rejected = len(bad_rows)
    result.accepted = len(raw) - result.rejected
    result.errors_total = len(errors)
    result.errors = _row_errors(errors, raw, columns, MAX_ERRORS_LISTED)
    if result.rejected and not skip_invalid:
        result.refused = True
        progress(1.0, "Geweigerd")
        return result
    progress(0.35, "Gegevens voorbereiden")
    rows = _to_table_rows(kind, valid, geometry, progress)
    if dry_run:
        existing = _existing_keys(store, kind, rows, None)
        result.duplicates = int(existing.sum())
        progress(1.0, "Proefimport klaar; niets geschreven")
        return result
    if store.is_demo() and not replace_demo:
        raise ImportRefused(
            "De opslag bevat demodata (fictief). Echte gegevens worden daar niet bij gezet, anders zou het "
            "demolabel op echte cijfers staan. Kies 'demodata vervangen' (--replace-demo) om de demodata te "
            "wissen, of importeer in een nieuwe opslag."
        )
    write_import(
        store, result, rows, errors, raw, columns, user=user, replace_demo=replace_demo, progress=progress
    )
    progress(1.0, "Klaar")
    return result
