"""``import_file``: read in chunks -> map columns -> validate -> write in one transaction -> import log."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from vsdash import column_mapping, import_undo
from vsdash.column_mapping import NOT_USED, Plan
from vsdash.ingest.fields import FIELDS, _fields, resolve_columns
from vsdash.ingest.georeader import _read_risk_areas
from vsdash.ingest.keys import duplicate_rows
from vsdash.ingest.limits import CHUNK_ROWS
from vsdash.ingest.parsing import _error_frame, _gemeente_codes, _municipality_lookup
from vsdash.ingest.prepare import build_plan, check_plan, prepare
from vsdash.ingest.readers import TableStream, file_sha256, open_source
from vsdash.ingest.results import ImportRefused, ImportResult, Progress, _noop
from vsdash.ingest.transaction import ImportWriter, RolledBack
from vsdash.ingest.validation import _risk_area_geometry_errors, validate_rows


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
    chunk_rows: int = CHUNK_ROWS,
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

    A CSV or XLSX file is read ``chunk_rows`` rows at a time (``readers.TableStream``), so memory
    does not grow with the file: a first pass finds the keys that occur more than once anywhere
    in the file, a second validates each chunk and writes its valid rows and refused rows in the
    one transaction (ADR 0007). Any error without ``skip_invalid``, or any crash, rolls it back.
    """
    _fields(kind)
    upload = open_source(source, file_name)
    name = upload.name
    result = ImportResult(kind=kind, file_name=name, sha256=file_sha256(upload), dry_run=dry_run)
    progress(0.02, f"{name} lezen")
    lookup = _municipality_lookup(
        tuple(
            store.query("SELECT gemeentecode, naam, weergavenaam FROM municipalities").itertuples(
                index=False, name=None
            )
        )
    )
    if kind == "risk-areas":
        raw, geometry, geo_warnings = _read_risk_areas(upload.read(), name)
        result.warnings += geo_warnings
        columns = resolve_columns(raw.columns, kind, mapping)
        _warn_ignored(result, raw.columns, columns)
        batches = _Batches(
            kind, [raw], lambda chunk: (chunk, chunk, columns, pd.DataFrame(columns=["field", "message"]))
        )
        total = len(raw)
    else:
        geometry = None
        table = TableStream(
            upload, header_row, column_mapping.known_headers(kind, FIELDS[kind]), chunk_rows=chunk_rows
        )
        chunks = iter(table)
        sample = _first_rows(chunks, PLAN_SAMPLE_ROWS)
        remembered = column_mapping.recall_plan(store, kind, _gemeente_code(gemeente, lookup))
        head = pd.concat(sample).head(PLAN_SAMPLE_ROWS)
        chosen = build_plan(kind, head, plan=plan, mapping=mapping, gemeente=gemeente, remembered=remembered)
        chosen = check_plan(kind, chosen, lookup, name, list(table.columns))
        result.plan = chosen
        names = _names(store)

        def prepared(chunk: pd.DataFrame):
            found = prepare(kind, chunk, chosen, lookup, names)
            return found.cells, found.shown, found.columns, found.errors

        progress(0.05, "Dubbele kenmerken zoeken")
        found_twice, rows_read = duplicate_rows(kind, sample, chunks, chosen, lookup, names)
        batches = _Batches(kind, sample if found_twice is None else table, prepared, found_twice)
        total = rows_read
        result.layout = layout = table.layout
        if layout.skipped_above or layout.skipped_below:
            skipped = [*layout.skipped_above, *layout.skipped_below]
            result.warnings.append(
                f"Kopregel gevonden in rij {layout.header_row}; niet ingelezen (titel, leeg, totaal of "
                f"toelichting): rij {', '.join(map(str, skipped))}."
            )
        extra = [s.column for s in chosen.values() if s.column]
        _warn_ignored(result, table.columns, prepared(sample[0].head(1))[2], extra)
    is_demo = store.is_demo()
    if is_demo:
        result.demo_wipe = import_undo.demo_counts(store)
    blocked = is_demo and not replace_demo and not dry_run
    writer = ImportWriter(
        store,
        result,
        skip_invalid=skip_invalid,
        write=not dry_run and not blocked,
        count=dry_run,
        default_channel=default_channel,
    )
    try:
        with writer.transaction(user=user, replace_demo=replace_demo):
            survey_codes: set[str] = set()
            for raw, cells, shown, columns, prep_errors in batches:
                progress(0.1 + 0.75 * writer.rows_seen / max(total, 1), _checking(writer.rows_seen, total))
                valid, errors, warnings = validate_rows(cells, kind, columns, lookup, now, batches.duplicated)
                result.warnings += [w for w in warnings if w not in result.warnings]
                valid, errors = _more_errors(
                    valid, errors, shown, columns, prep_errors, geometry, allowed_gemeenten, result.plan
                )
                if kind == "survey":
                    survey_codes |= set(valid["gemeentecode"].dropna().astype(str))
                writer.add(valid, errors, shown, columns, len(raw), geometry)
            if kind == "survey":
                result.warnings += _small_municipality_warnings(store, survey_codes)
            writer.finish(progress)
    except RolledBack:
        pass  # refused: the transaction is rolled back, the store is as it was
    if result.refused:
        progress(1.0, "Geweigerd")
        return result
    if dry_run:
        if is_demo:
            result.warnings.append(demo_sentence(store, result.demo_wipe, replace_demo))
        progress(1.0, "Proefimport klaar; niets geschreven")
        return result
    if blocked:
        raise ImportRefused(demo_sentence(store, result.demo_wipe, replace_demo=False))
    code = column_mapping.plan_gemeente(result.plan or {})
    if remember and result.plan and code:
        column_mapping.remember_plan(store, kind, code, result.plan)
    progress(1.0, "Klaar")
    return result


#: Rows the column plan is suggested from (as the page's mapping step reads them).
PLAN_SAMPLE_ROWS = 500


def _checking(done: int, total: int) -> str:
    return f"{done:,} van {total:,} rijen controleren".replace(",", ".")


def _first_rows(chunks, rows: int) -> list[pd.DataFrame]:
    """The first chunks of a stream, together at least ``rows`` rows (or the whole stream)."""
    taken: list[pd.DataFrame] = []
    count = 0
    for chunk in chunks:
        taken.append(chunk)
        count += len(chunk)
        if count >= rows:
            break
    return taken


def _warn_ignored(result: ImportResult, file_columns, columns: dict[str, str], extra=()) -> None:
    used = set(columns.values()) | set(extra)
    ignored = [c for c in file_columns if c not in used]
    if ignored:
        result.warnings.append(
            f"Kolommen genegeerd (niet nodig of niet toegestaan): {', '.join(map(str, ignored))}."
        )


class _Batches:
    """The chunks of a table with the plan applied: (raw, cells, shown, columns, errors) each."""

    def __init__(self, kind: str, chunks, prepared, duplicated: pd.Series | None = None) -> None:
        self.kind, self.chunks, self.prepared, self.duplicated = kind, chunks, prepared, duplicated

    def __iter__(self):
        for chunk in self.chunks:
            cells, shown, columns, errors = self.prepared(chunk)
            yield chunk, cells, shown, columns, errors


def _more_errors(valid, errors, shown, columns, prep_errors, geometry, allowed_gemeenten, plan):
    """Add the errors found outside validation: while preparing, in polygons, outside the user's scope."""
    if plan is not None:
        if "rd_x" in columns.values() or plan.get("rd_x", NOT_USED).used:
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
        if len(prep_errors):
            errors = pd.concat([errors, prep_errors]).sort_index(kind="stable")
            valid = valid.drop(index=prep_errors.index.unique(), errors="ignore")
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
    return valid, errors


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


def _small_municipality_warnings(store, codes: set[str]) -> list[str]:
    """Survey rows of municipalities under 70.000 inhabitants: allowed, but said (issue 19)."""
    found = store.municipalities().set_index("gemeentecode")
    small = sorted(
        code
        for code in codes
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
