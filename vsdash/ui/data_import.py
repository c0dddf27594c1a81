"""The Gegevens page's parts: import log, templates, the import form with column mapping, undo."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from vsdash import ingest, plain_text, privacy
from vsdash.i18n import t
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
        st.caption(t("data_log_empty", lang))
        return
    shown = log[
        [
            "tijdstip",
            *(["gebruiker"] if access.signed_in_admin() else []),
            "bestand",
            "soort",
            "aanvaard",
            "geweigerd",
            "geschreven",
            "dubbel",
            "ongedaan",
        ]
    ]
    st.dataframe(privacy.safe_export_frame(shown), hide_index=True, width="stretch")


def templates(lang: str) -> None:
    """Download buttons for an empty template of every kind (header and one example row)."""
    st.subheader(t("data_templates_title", lang))
    st.caption(t("data_templates_help", lang))
    for kind in ingest.KINDS:
        cols = st.columns([2, 1, 1])
        cols[0].write(t(KIND_KEYS[kind], lang))
        if kind == "risk-areas":
            cols[1].download_button(
                "GeoJSON",
                ingest.template(kind),
                f"sjabloon-{kind}.geojson",
                "application/geo+json",
                key=f"tpl_{kind}_geo",
            )
            continue
        cols[1].download_button(
            "CSV", ingest.template(kind, "csv"), f"sjabloon-{kind}.csv", "text/csv", key=f"tpl_{kind}_csv"
        )
        cols[2].download_button(
            "XLSX",
            ingest.template(kind, "xlsx"),
            f"sjabloon-{kind}.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key=f"tpl_{kind}_xlsx",
        )


def _mapping(kind: str, data: bytes, name: str, lang: str) -> dict[str, str] | None:
    """Selectboxes mapping each field to a file column when the headers are not recognised."""
    if kind == "risk-areas":
        return {}
    columns = ingest.file_columns(data, name)
    try:
        ingest.resolve_columns(columns, kind)
        return {}
    except ingest.ImportRefused:
        pass
    st.warning(t("data_mapping_needed", lang))
    mapping = {}
    choices = ["", *columns]
    for fieldname in ingest.required_fields(kind) + ingest.optional_fields(kind):
        required = fieldname in ingest.required_fields(kind)
        label = f"{fieldname}{' *' if required else ''}"
        mapping[fieldname] = st.selectbox(label, choices, key=f"map_{kind}_{fieldname}")
    missing = [f for f in ingest.required_fields(kind) if not mapping.get(f)]
    if missing:
        st.info(t("data_mapping_missing", lang, velden=", ".join(missing)))
        return None
    return {k: v for k, v in mapping.items() if v}


def import_form(
    store, user: str, is_demo: bool, lang: str, allowed_gemeenten: frozenset[str] | None = None
) -> None:
    """Upload, check and write a file; show row-level errors; undo the last import.

    ``allowed_gemeenten`` limits both to an editor's municipalities (None: all; ``vsdash.roles``).
    """
    st.subheader(t("data_import_title", lang))
    kind = st.selectbox(
        t("data_kind", lang), ingest.KINDS, key="import_kind", format_func=lambda k: t(KIND_KEYS[k], lang)
    )
    upload = st.file_uploader(
        t("data_file", lang),
        type=["csv", "txt", "xlsx", "xlsm", "geojson", "json", "gpkg"],
        key="import_file",
    )
    skip_invalid = st.checkbox(t("data_skip_invalid", lang), key="import_skip_invalid")
    dry_run = st.checkbox(t("data_dry_run", lang), key="import_dry_run")
    replace_demo = False
    if is_demo:
        st.warning(t("data_demo_store", lang))
        replace_demo = st.checkbox(t("data_replace_demo", lang), key="import_replace_demo")
    if upload is not None:
        data = upload.getvalue()
        try:
            mapping = _mapping(kind, data, upload.name, lang)
        except ingest.ImportRefused as exc:
            st.error(plain_text.markdown(str(exc)))  # names file, columns and values
            mapping = None
        if mapping is not None and st.button(t("data_import_button", lang), type="primary", key="import_go"):
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
                    mapping=mapping or None,
                    progress=lambda f, msg: bar.progress(min(max(f, 0.0), 1.0), text=msg),
                    allowed_gemeenten=allowed_gemeenten,
                )
            except ingest.ImportRefused as exc:
                bar.empty()
                st.error(plain_text.markdown(str(exc)))  # names file, columns and values
            else:
                bar.empty()
                _show_result(result, lang)
    _undo(store, user, lang, allowed_gemeenten)


def _show_result(result: ingest.ImportResult, lang: str) -> None:
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
        st.cache_data.clear()  # the data version changed; drop frames cached for the old one
    if result.errors:
        frame = pd.DataFrame([e.as_dict() for e in result.errors]).rename(
            columns={
                "row": t("data_col_row", lang),
                "column": t("data_col_column", lang),
                "value": t("data_col_value", lang),
                "message": t("data_col_message", lang),
            }
        )
        # Refused values can be formulas (that is often why they were refused): neutralised for the CSV download.
        st.dataframe(privacy.safe_export_frame(frame), hide_index=True, width="stretch")


def _undo(store, user: str, lang: str, allowed_gemeenten: frozenset[str] | None = None) -> None:
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
    confirm = st.checkbox(t("data_undo_confirm", lang), key="undo_confirm")
    if st.button(t("data_undo_button", lang), disabled=not confirm, key="undo_go"):
        try:
            entry = ingest.undo_last_import(store, user=user, allowed_gemeenten=allowed_gemeenten)
        except ingest.ImportRefused as exc:
            st.error(str(exc))
            return
        st.cache_data.clear()
        if entry:
            st.success(
                t(
                    "data_undo_done",
                    lang,
                    bestand=plain_text.markdown(entry["bestand"]),
                    n=entry["verwijderd"],
                )
            )
