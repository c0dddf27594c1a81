"""The Gegevens page's parts: import log, templates, the import form with column mapping, undo."""

from __future__ import annotations

from collections.abc import Callable, Hashable, MutableMapping
from typing import Any

import pandas as pd
import streamlit as st

from vsdash import column_mapping, import_undo, ingest, plain_text, privacy, publication, report_channels
from vsdash.i18n import t
from vsdash.sheet_layout import MAX_HEADER_SEARCH
from vsdash.ui import access, cached

KIND_KEYS = {kind: f"data_kind_{kind.replace('-', '_')}" for kind in ingest.KINDS}


def import_log(url: str, version: str, lang: str) -> None:
    """The import log, newest first: open to everyone, who imported only for signed-in administrators.

    Names and e-mail addresses of importers are personal data; file names and counts are not.
    Every cell is neutralised for spreadsheets, because the table's own CSV download exports it.
    """
    log = cached.table(url, version, "import_log")
    st.subheader(t("data_log_title", lang))
    if log.empty:
        # On the demo store "nothing imported" would read as "no data": say what is shown instead.
        demo = cached.is_demo(url, version)
        st.caption(t("data_log_empty_demo" if demo else "data_log_empty", lang))
        return
    shown = publication.public_import_log(log, admin=access.signed_in_admin(), lang=lang)
    st.dataframe(privacy.safe_export_frame(shown), hide_index=True, width="stretch")
    if shown.attrs.get("withheld"):
        st.caption(t("data_log_withheld", lang))


def templates(lang: str) -> None:
    """Download buttons for an empty template of every kind (header and one example row).

    Each button names its kind ("Meldingen (CSV)"): seven rows of "CSV" and "XLSX" would read the
    same to a screen reader going from button to button.
    """
    st.subheader(t("data_templates_title", lang))
    st.caption(t("data_templates_help", lang))
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    for kind in ingest.KINDS:
        cols = st.columns(2)  # the buttons name their kind: no separate name column
        name = t(KIND_KEYS[kind], lang)
        files = (
            (("geo", "GeoJSON", "geojson", "application/geo+json", None),)
            if kind == "risk-areas"
            else (("csv", "CSV", "csv", "text/csv", "csv"), ("xlsx", "XLSX", "xlsx", xlsx, "xlsx"))
        )
        for column, (suffix, shown, extension, mime, fmt) in zip(cols, files, strict=False):
            column.download_button(
                # The risk areas' name already says its formats: "(GeoJSON/GeoPackage)".
                name if fmt is None else t("data_template_button", lang, soort=name, formaat=shown),
                ingest.template(kind) if fmt is None else ingest.template(kind, fmt),
                f"{t('file_template', lang)}-{kind}.{extension}",
                mime,
                key=f"tpl_{kind}_{suffix}",
                width="stretch",
            )


_UNUSED = "\x00niet"  # option tokens that cannot be a column name
_FIXED = "\x00vast"
_CHOOSE = "\x00kies"
FIXED_FIELDS = ("gemeentecode", "kanaal_id")  # fields that may take one value for every row


def _municipality_names(store) -> dict[str, str]:
    found = store.query("SELECT gemeentecode, weergavenaam FROM municipalities ORDER BY weergavenaam")
    return dict(zip(found["gemeentecode"], found["weergavenaam"], strict=True))


# The mapping step runs again on every click: it reads the top of the file (enough to recognise
# columns and RD coordinates by their values), the import reads all of it.
PREVIEW_ROWS = 500


def once_per_upload(state: MutableMapping, file_id: str, key: Hashable, make: Callable[[], Any]) -> Any:
    """``make()`` the first time ``key`` is asked for this upload; later reruns get the same value.

    Streamlit runs the page again on every click; reading (and hashing) the uploaded file each time
    cost seconds on a big one (issue 15). Values of an earlier upload are dropped.
    """
    cache = state.setdefault("_import_per_upload", {})
    if cache.get("file_id") != file_id:
        cache.clear()
        cache["file_id"] = file_id
    if key not in cache:
        cache[key] = make()
    return cache[key]


def _read_for_mapping(kind: str, data: bytes, name: str, digest: str, lang: str, file_id: str):
    """Read the file for the preview; the header row is guessed, shown and changeable."""
    known = column_mapping.known_headers(kind, ingest.FIELDS[kind])

    def layout(row: int | None):
        return once_per_upload(
            st.session_state,
            file_id,
            ("layout", kind, row),
            lambda: ingest.read_table_layout(data, name, row, known, max_rows=PREVIEW_ROWS),
        )

    guessed = layout(None)[1]
    header_row = st.number_input(
        t("data_header_row", lang),
        min_value=1,
        max_value=MAX_HEADER_SEARCH,
        value=guessed.header_row,
        step=1,
        key=f"import_header_{digest}",
        help=t("data_header_row_help", lang),
    )
    raw, found = layout(int(header_row))
    skipped = [*found.skipped_above, *found.skipped_below]
    st.caption(
        t("data_header_found", lang, rij=found.header_row, overgeslagen=", ".join(map(str, skipped)) or "-")
    )
    st.caption(t("data_preview", lang))
    st.dataframe(raw.head(5), width="stretch")
    return raw, (None if int(header_row) == guessed.header_row else int(header_row))


def _plan_widgets(store, kind: str, raw: pd.DataFrame, digest: str, lang: str):
    """One choice per field, pre-filled; returns (plan, default channel name) or (None, None)."""
    names = _municipality_names(store)
    suggested = column_mapping.suggest_plan(
        kind, list(raw.columns), ingest.FIELDS[kind], sample=raw.head(500)
    )
    gemeente = None
    if kind == "reports" and not suggested["gemeentecode"].used:
        gemeente = st.selectbox(
            t("data_gemeente_all", lang),
            list(names),
            index=None,
            format_func=names.get,
            placeholder=t("data_gemeente_choose", lang),
            key=f"import_gemeente_{digest}",
            help=t("data_gemeente_all_help", lang),
        )
    remembered = column_mapping.recall_plan(store, kind, gemeente)
    plan = column_mapping.suggest_plan(
        kind, list(raw.columns), ingest.FIELDS[kind], sample=raw.head(500), remembered=remembered
    )
    if gemeente:
        plan["gemeentecode"] = column_mapping.Source(fixed=gemeente)
    st.markdown(f"**{t('data_map_title', lang)}**")
    st.caption(t("data_map_help", lang))
    fields = column_mapping.plan_fields(kind, ingest.FIELDS[kind])
    chosen: column_mapping.Plan = {}
    channel_name = None
    for i, f in enumerate(fields):
        if i % 2 == 0:
            grid = st.columns(2)  # a row per pair of fields keeps them aligned
        source = plan.get(f.name, column_mapping.NOT_USED)
        options = [_CHOOSE if f.required else _UNUSED, *map(str, raw.columns)]
        if f.name in FIXED_FIELDS:
            options.insert(1, _FIXED)
        current = (
            source.column if source.column is not None else _FIXED if source.fixed is not None else options[0]
        )
        label = column_mapping.field_label(kind, f.name, lang) + (" *" if f.required else "")

        def shown(option, f=f):
            if option == _UNUSED:
                return t("map_not_used", lang)
            if option == _CHOOSE:
                return t("data_map_choose", lang)
            if option == _FIXED and f.name == "gemeentecode" and gemeente:
                return t("map_fixed_value", lang, waarde=names[gemeente])  # "alle rijen: Nijmegen"
            if option == _FIXED:
                return t("data_map_fixed", lang)
            return option

        with grid[i % 2]:
            picked = st.selectbox(
                label,
                options,
                index=options.index(current) if current in options else 0,
                format_func=shown,
                placeholder=t("data_map_choose", lang),
                key=f"map_{kind}_{f.name}_{digest}_{gemeente or ''}",
                help=column_mapping.field_help(kind, f.name, lang),
            )
            if picked == _FIXED and f.name == "gemeentecode" and gemeente:
                chosen[f.name] = column_mapping.Source(fixed=gemeente)  # chosen above the grid
            elif picked == _FIXED and f.name == "gemeentecode":
                code = st.selectbox(
                    t("data_gemeente_all", lang),
                    list(names),
                    index=list(names).index(source.fixed) if source.fixed in names else None,
                    format_func=names.get,
                    placeholder=t("data_gemeente_choose", lang),
                    key=f"map_fixed_gemeente_{digest}",
                )
                chosen[f.name] = column_mapping.Source(fixed=code) if code else column_mapping.NOT_USED
            elif picked == _FIXED:
                channel_name = st.text_input(
                    t("data_channel_name", lang),
                    value=source.fixed or "",
                    key=f"map_fixed_kanaal_{digest}",
                    placeholder=report_channels.DEFAULT_CHANNEL_NAME,
                )
                chosen[f.name] = (
                    column_mapping.Source(fixed=channel_name.strip())
                    if channel_name.strip()
                    else (column_mapping.NOT_USED)
                )
            elif picked in (_UNUSED, _CHOOSE):
                chosen[f.name] = column_mapping.NOT_USED
            else:
                chosen[f.name] = column_mapping.Source(column=picked)
    missing = column_mapping.missing_required(chosen, ingest.FIELDS[kind])
    if missing:
        labels = ", ".join(column_mapping.field_label(kind, m, lang) for m in missing)
        st.info(t("data_mapping_missing", lang, velden=labels))
        return None, None
    problem = column_mapping.coordinate_problem(chosen)
    if problem:
        st.warning(problem)
        return None, None
    return chosen, channel_name


def import_form(
    store, user: str, is_demo: bool, lang: str, allowed_gemeenten: frozenset[str] | None = None
) -> None:
    """Upload, map, check and write a file; show row-level errors; undo the last import.

    ``allowed_gemeenten`` limits both to an editor's municipalities (None: all; ``vsdash.roles``).
    """
    st.subheader(t("data_import_title", lang))
    kind = st.selectbox(
        t("data_kind", lang),
        ingest.KINDS,
        key="import_kind",
        format_func=lambda k: t(KIND_KEYS[k], lang),
        placeholder=t("data_kind", lang),
    )
    upload = st.file_uploader(
        t("data_file", lang),
        type=["csv", "txt", "xlsx", "xlsm", "geojson", "json", "gpkg"],
        key="import_file",
    )
    plan, header_row, channel_name = {}, None, None
    if upload is not None:
        data = upload.getvalue()
        file_id = upload.file_id  # new for each upload, the same on every rerun
        digest = once_per_upload(st.session_state, file_id, "sha256", lambda: ingest.file_sha256(data))[:10]
        try:
            if kind == "risk-areas":
                plan = {}
            else:
                raw, header_row = _read_for_mapping(kind, data, upload.name, digest, lang, file_id)
                plan, channel_name = _plan_widgets(store, kind, raw, digest, lang)
        except ingest.ImportRefused as exc:
            st.error(plain_text.markdown(str(exc)))  # names file, columns and values
            plan = None
    skip_invalid = st.checkbox(t("data_skip_invalid", lang), key="import_skip_invalid")
    dry_run = st.checkbox(t("data_dry_run", lang), key="import_dry_run")
    replace_demo = False
    if is_demo:
        st.warning(t("data_demo_store", lang))
        replace_demo = st.checkbox(t("data_replace_demo", lang), key="import_replace_demo")
        if replace_demo:
            st.info(ingest.demo_sentence(store, import_undo.demo_counts(store), replace_demo=True))
    if (
        upload is not None
        and plan is not None
        and st.button(t("data_import_button", lang), type="primary", key="import_go")
    ):
        bar = st.progress(0.0, text=t("data_importing", lang))
        try:
            result = ingest.import_file(
                store,
                data,
                kind,
                file_name=upload.name,
                user=user,
                dry_run=dry_run,
                skip_invalid=skip_invalid,
                replace_demo=replace_demo,
                plan=plan or None,
                header_row=header_row,
                default_channel=channel_name,
                progress=lambda f, msg: bar.progress(min(max(f, 0.0), 1.0), text=msg),
                allowed_gemeenten=allowed_gemeenten,
            )
        except ingest.ImportRefused as exc:
            bar.empty()
            st.error(plain_text.markdown(str(exc)))  # names file, columns and values
        else:
            bar.empty()
            if result.written or result.import_id:
                # Run the page again so the sidebar, its period and the demo badge show the new
                # data at once; the result is shown on that run.
                st.cache_data.clear()
                st.session_state["_import_result"] = result
                st.rerun()
            _show_result(store, result, lang)
    done = st.session_state.pop("_import_result", None)
    if done is not None:
        _show_result(store, done, lang)
    _undo(store, user, lang, allowed_gemeenten)


def _show_result(store, result: ingest.ImportResult, lang: str) -> None:
    for warning in result.warnings:
        st.warning(plain_text.markdown(warning))
    if result.refused:
        st.error(t("data_refused", lang, n=result.rejected, total=result.rows))
    elif result.dry_run:
        st.success(
            t("data_dry_run_done", lang, ok=result.accepted, bad=result.rejected, dubbel=result.duplicates)
        )
    else:
        st.success(t("data_done", lang, n=result.written, bad=result.rejected, dubbel=result.duplicates))
    if result.channels_new:
        key = "data_channels_new_dry" if result.dry_run or result.refused else "data_channels_new"
        st.info(t(key, lang, kanalen=", ".join(result.channels_new)))
    if result.errors:
        frame = pd.DataFrame([e.as_dict() for e in result.errors]).rename(
            columns={
                "row": t("data_col_row", lang),
                "column": t("data_col_column", lang),
                "value": t("data_col_value", lang),
                "message": t("data_col_message", lang),
            }
        )
        if len(frame) <= 20:  # a few errors read best as a plain table (also for screen readers)
            st.table(privacy.safe_export_frame(frame).set_index(t("data_col_row", lang)))
        else:
            # Refused values can be formulas (often why they were refused): neutralised for the CSV download.
            st.dataframe(privacy.safe_export_frame(frame), hide_index=True, width="stretch")
    if result.import_id and result.rejected:
        refused = import_undo.refused_rows(store, result.import_id)
        st.download_button(
            t("data_rejections_download", lang, n=result.rejected),
            privacy.safe_export_frame(
                refused.rename(
                    columns={"rij": t("refused_col_row", lang), "reden": t("refused_col_reason", lang)}
                )
            )
            .to_csv(sep=";", index=False)
            .encode("utf-8-sig"),
            f"{t('file_refused', lang)}-{result.import_id}.csv",
            "text/csv",
            key="import_rejections_download",
        )


def _run_undo(store, user: str, allowed_gemeenten: frozenset[str] | None = None) -> None:
    """Button callback: undo, remember what happened for the message, and untick the confirmation."""
    st.session_state["undo_confirm"] = False  # a second undo must be confirmed again
    try:
        entry = ingest.undo_last_import(store, user=user, allowed_gemeenten=allowed_gemeenten)
    except ingest.ImportRefused as exc:
        st.session_state["_undo_refused"] = str(exc)
        return
    st.session_state["_undo_done"] = entry
    st.cache_data.clear()


def _undo(store, user: str, lang: str, allowed_gemeenten: frozenset[str] | None = None) -> None:
    refused = st.session_state.pop("_undo_refused", None)
    if refused:
        st.error(plain_text.markdown(refused))  # says which municipalities, and who can undo
    done = st.session_state.pop("_undo_done", None)
    if done:
        key = "data_undo_done_demo" if done.get("demo_hersteld") else "data_undo_done"
        st.success(t(key, lang, bestand=plain_text.markdown(done["bestand"]), n=done["verwijderd"]))
    last = ingest.last_import(store)
    if last is None:
        return
    st.subheader(t("data_undo_title", lang))
    st.write(
        t(
            "data_undo_what",
            lang,
            bestand=plain_text.markdown(last["bestand"]),
            tijd=pd.Timestamp(last["tijdstip"]).strftime("%d-%m-%Y %H:%M"),
            n=int(last["geschreven"]),
        )
    )
    if import_undo.restores_demo(store, last["import_id"]):
        st.info(t("data_undo_restores_demo", lang))
    confirm = st.checkbox(t("data_undo_confirm", lang), key="undo_confirm")
    st.button(
        t("data_undo_button", lang),
        disabled=not confirm,
        key="undo_go",
        on_click=_run_undo,
        args=(store, user, allowed_gemeenten),
    )
