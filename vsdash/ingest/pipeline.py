"""``import_file``: read -> map columns -> validate -> write in one transaction -> import log."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from vsdash import column_mapping, import_undo, report_channels
from vsdash.column_mapping import NOT_USED, Plan
from vsdash.ingest.fields import FIELDS, _fields, resolve_columns
from vsdash.ingest.georeader import _read_risk_areas
from vsdash.ingest.limits import MAX_ERRORS_LISTED
from vsdash.ingest.parsing import _error_frame, _gemeente_codes, _municipality_lookup
from vsdash.ingest.prepare import build_plan, check_plan, prepare
from vsdash.ingest.readers import file_sha256, read_source, read_table_layout
from vsdash.ingest.results import ImportRefused, ImportResult, Progress, _noop
from vsdash.ingest.rows import _to_table_rows
from vsdash.ingest.transaction import (
    _existing_keys,
    _keys_in,
    changed_survey_rows,
    replacement_sentence,
    survey_years,
    write_import,
)
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
    plan: Plan | None = None,
    gemeente: str | None = None,
    header_row: int | None = None,
    default_channel: str | None = None,
    remember: bool = True,
    progress: Progress = _noop,
    now: dt.datetime | None = None,
    allowed_gemeenten: frozenset[str] | None = None,
) -> ImportResult:
    """Validate a file and (unless ``dry_run``) write it in one transaction; return what happened.

    Raises ``ImportRefused`` for a file that cannot be read safely or lacks required columns. A
    readable file with invalid rows is refused as a whole (``result.refused``, nothing written)
    unless ``skip_invalid``. Rows whose key already exists are counted as ``duplicates`` and not
    written again, except a survey year with other figures: that replaces the stored one, the
    preview and the result say so (``result.replaced``) and undo restores the old figures. A store holding demo data refuses real data unless ``replace_demo`` (which
    clears the demo rows and unmarks the store as demo in the same transaction; undo restores them).

    Columns are found by ``build_plan``: names (with many aliases), RD X/Y by name or value, a
    remembered plan for the municipality; ``mapping`` (``{field: column}``), ``gemeente`` (one
    municipality for every row) and ``plan`` override it. ``header_row`` overrides the guessed
    header row of a sheet with a title above it. ``default_channel`` names the reporting channel
    of reports without one. A plan that worked is remembered for the municipality (``remember``).
    ``allowed_gemeenten`` (an editor's municipalities; None = all) makes every row about another
    municipality an invalid row, with the reason (``vsdash.roles``).
    """
    _fields(kind)
    data, name = read_source(source, file_name)
    digest = file_sha256(data)
    result = ImportResult(kind=kind, file_name=name, sha256=digest, dry_run=dry_run)
    progress(0.02, f"{name} lezen")
    lookup = _municipality_lookup(
        tuple(
            store.query("SELECT gemeentecode, naam, weergavenaam FROM municipalities").itertuples(
                index=False, name=None
            )
        )
    )
    if kind == "risk-areas":
        raw, geometry, geo_warnings = _read_risk_areas(data, name)
        result.warnings += geo_warnings
        columns = resolve_columns(raw.columns, kind, mapping)
        prepared = None
    else:
        raw, layout = read_table_layout(
            data, name, header_row, column_mapping.known_headers(kind, FIELDS[kind])
        )
        geometry, result.layout = None, layout
        remembered = column_mapping.recall_plan(store, kind, _gemeente_code(gemeente, lookup))
        chosen = build_plan(kind, raw, plan=plan, mapping=mapping, gemeente=gemeente, remembered=remembered)
        chosen = check_plan(kind, chosen, lookup, name, list(raw.columns))
        result.plan = chosen
        prepared = prepare(kind, raw, chosen, lookup, _names(store))
        columns = prepared.columns
        if layout.skipped_above or layout.skipped_below:
            skipped = [*layout.skipped_above, *layout.skipped_below]
            result.warnings.append(
                f"Kopregel gevonden in rij {layout.header_row}; niet ingelezen (titel, leeg, totaal of "
                f"toelichting): rij {', '.join(map(str, skipped))}."
            )
    used = set(columns.values()) | {s.column for s in (result.plan or {}).values() if s.column}
    ignored = [c for c in raw.columns if c not in used]
    if ignored:
        result.warnings.append(
            f"Kolommen genegeerd (niet nodig of niet toegestaan): {', '.join(map(str, ignored))}."
        )
    progress(0.15, f"{len(raw):,} rijen controleren".replace(",", "."))
    cells = raw if prepared is None else prepared.cells
    valid, errors, warnings = validate_rows(cells, kind, columns, lookup, now)
    result.warnings += warnings
    if prepared is not None:
        raw = prepared.shown  # errors and refused rows quote the file, and only its mapped columns
        if "rd_x" in columns.values() or (result.plan or {}).get("rd_x", NOT_USED).used:
            # The point check speaks of latitude; the officer's file has X and Y.
            errors["message"] = (
                errors["message"]
                .astype(str)
                .str.replace(
                    "controleer breedtegraad, lengtegraad en gemeente",
                    "controleer X, Y en gemeente",
                    regex=False,
                )
            )
        if len(prepared.errors):
            errors = pd.concat([errors, prepared.errors]).sort_index(kind="stable")
            valid = valid.drop(index=prepared.errors.index.unique(), errors="ignore")
    if geometry is not None:
        geo_errors = _risk_area_geometry_errors(valid, geometry)
        if len(geo_errors):
            errors = pd.concat([errors, geo_errors]).sort_index(kind="stable")
            valid = valid.drop(index=geo_errors.index.unique(), errors="ignore")
    if allowed_gemeenten is not None:
        scope_errors = _outside_scope_errors(valid, allowed_gemeenten)
        if len(scope_errors):
            errors = pd.concat([errors, scope_errors]).sort_index(kind="stable")
            valid = valid.drop(index=scope_errors.index.unique(), errors="ignore")
    if kind == "survey":
        result.warnings += _small_municipality_warnings(store, valid)
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
    is_demo = store.is_demo()
    if is_demo:
        result.demo_wipe = import_undo.demo_counts(store)
    if dry_run:
        existing = _existing_keys(store, kind, rows, None)
        if kind == "survey":
            old = changed_survey_rows(store, rows["survey_indicators"], existing, None)
            existing &= ~_keys_in(rows["survey_indicators"], old)
            result.replaced = survey_years(old)
            if result.replaced:
                result.warnings.append(replacement_sentence(store, result.replaced))
        result.duplicates = int(existing.sum())
        if kind == "reports":
            fresh = rows["reports"][~existing.to_numpy()]
            _, channels = report_channels.assign_channels(fresh, store.channels(), default_channel)
            result.channels_new = list(channels["naam"])
        if is_demo:
            result.warnings.append(demo_sentence(store, result.demo_wipe, replace_demo))
        progress(1.0, "Proefimport klaar; niets geschreven")
        return result
    if is_demo and not replace_demo:
        raise ImportRefused(demo_sentence(store, result.demo_wipe, replace_demo=False))
    write_import(
        store,
        result,
        rows,
        errors,
        raw,
        columns,
        user=user,
        replace_demo=replace_demo,
        progress=progress,
        default_channel=default_channel,
    )
    code = column_mapping.plan_gemeente(result.plan or {})
    if remember and result.plan and code:
        column_mapping.remember_plan(store, kind, code, result.plan)
    progress(1.0, "Klaar")
    return result


def _row_municipalities(valid: pd.DataFrame) -> pd.Series:
    """The municipalities each row is about, as a list per row (campaigns can have several)."""
    if "gemeentecode" in valid.columns:
        return valid["gemeentecode"].map(lambda code: [code])
    if "gemeenten" in valid.columns:
        return valid["gemeenten"].astype(str).str.split(";")
    return pd.Series([[] for _ in range(len(valid))], index=valid.index, dtype=object)


def _outside_scope_errors(valid: pd.DataFrame, allowed: frozenset[str]) -> pd.DataFrame:
    """Row errors for rows about a municipality outside ``allowed`` (an editor's own)."""
    per_row = _row_municipalities(valid)
    outside = per_row.map(lambda codes: sorted(c for c in codes if c and c not in allowed))
    mask = outside.map(bool)
    field = "gemeentecode" if "gemeentecode" in valid.columns else "gemeenten"
    own = ", ".join(sorted(allowed)) or "geen"
    message = outside.map(
        lambda codes: (
            f"{', '.join(codes)} is niet een van uw gemeenten ({own}); u mag alleen voor uw "
            "eigen gemeenten importeren"
        )
    )
    return _error_frame(mask, field, message)


#: CBS: the Veiligheidsmonitor is reliable for municipalities of at least this many inhabitants.
SURVEY_RELIABLE_FROM = 70_000


def _small_municipality_warnings(store, valid: pd.DataFrame) -> list[str]:
    """Survey rows of municipalities under 70.000 inhabitants: allowed, but said (issue 19)."""
    found = store.municipalities().set_index("gemeentecode")
    small = sorted(
        code
        for code in set(valid["gemeentecode"].dropna().astype(str))
        if code in found.index
        and pd.notna(found.at[code, "inwoners"])
        and int(found.at[code, "inwoners"]) < SURVEY_RELIABLE_FROM
    )
    if not small:
        return []
    names = ", ".join(
        f"{found.at[c, 'weergavenaam']} ({int(found.at[c, 'inwoners']):,})".replace(",", ".") for c in small
    )
    return [
        f"Minder dan 70.000 inwoners: {names}. De Veiligheidsmonitor is volgens het CBS betrouwbaar vanaf "
        "70.000 inwoners; daaronder zijn de marges groot (tenzij de gemeente extra heeft laten enquêteren)."
    ]


def demo_sentence(store, counts: dict[str, int], replace_demo: bool) -> str:
    """What replacing the demo data means, in one Dutch paragraph: how much, where, and undo."""
    codes = import_undo.demo_municipalities(store)

    def n(table: str) -> str:
        return f"{counts.get(table, 0):,}".replace(",", ".")  # Dutch thousands separator

    what = (
        f"{n('reports')} meldingen, {n('activities')} activiteiten, {n('campaigns')} campagnes, "
        f"{n('channels')} meldkanalen en {n('risk_areas')} risicogebieden"
    )
    if replace_demo:
        return (
            f"Bij inlezen wordt alle demodata gewist: {what}, in alle {len(codes)} demogemeenten (niet alleen "
            "die van dit bestand). 'Laatste import terugdraaien' zet de demodata daarna precies terug."
        )
    return (
        f"De opslag bevat demodata (fictief): {what} in {len(codes)} gemeenten. Echte gegevens worden daar "
        "niet bij gezet, anders zou het demolabel op echte cijfers staan. Kies 'Demodata wissen en vervangen' "
        "(opdrachtregel: --replace-demo); terugdraaien zet de demodata terug."
    )


def _gemeente_code(text: str | None, lookup: dict[str, str]) -> str | None:
    if not text:
        return None
    code = _gemeente_codes(pd.Series([text]), lookup).iloc[0]
    return None if pd.isna(code) else str(code)


def _names(store) -> dict[str, str]:
    found = store.query("SELECT gemeentecode, naam FROM municipalities")
    return dict(zip(found["gemeentecode"], found["naam"], strict=True))
