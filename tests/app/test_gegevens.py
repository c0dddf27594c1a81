"""Gegevens page: without a login configured it explains and imports nothing; a wrong password is
refused; the import log and templates are open to everyone."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.app.test_pages import run_page
from vsdash.auth import hash_password
from vsdash.store import Store

PAGE = "pages/gegevens.py"


def _run(monkeypatch, store_url: str, state: dict | None = None) -> AppTest:
    return run_page(monkeypatch, store_url, PAGE, state or {})


def _imports(store_url: str) -> int:
    store = Store(store_url)
    try:
        return len(store.import_log())
    finally:
        store.close()


def test_without_login_configured_explains_and_offers_no_upload(monkeypatch, demo_store_url):
    monkeypatch.delenv("VSDASH_ADMIN_PASSWORD_HASH", raising=False)
    at = _run(monkeypatch, demo_store_url)
    assert not at.exception, at.exception
    assert any("Inlezen is uitgeschakeld" in i.value for i in at.info)
    assert not at.get("file_uploader")
    assert not [w for w in at.text_input if w.key == "vs_admin_password"]
    assert at.title[0].value == "Gegevens"
    # The demo store has imported nothing: the log says that what is shown is demo data.
    assert any("alles wat het dashboard nu toont, is demodata" in c.value for c in at.caption)


def test_wrong_password_is_refused_and_nothing_imported(monkeypatch, demo_store_url):
    monkeypatch.setenv("VSDASH_ADMIN_PASSWORD_HASH", hash_password("juist-wachtwoord-123"))
    before = _imports(demo_store_url)
    at = _run(monkeypatch, demo_store_url, {"vs_admin_password": "fout-wachtwoord"})
    assert not at.exception, at.exception
    assert any("Wachtwoord onjuist" in e.value for e in at.error)
    assert not at.get("file_uploader")
    assert at.session_state["vs_admin_password"] == ""  # the attempt does not stay in state
    assert _imports(demo_store_url) == before


def test_right_password_shows_the_import_form(monkeypatch, demo_store_url):
    monkeypatch.setenv("VSDASH_ADMIN_PASSWORD_HASH", hash_password("juist-wachtwoord-123"))
    at = _run(monkeypatch, demo_store_url, {"vs_admin_password": "juist-wachtwoord-123"})
    assert not at.exception, at.exception
    assert not at.error
    assert at.get("file_uploader"), "upload field missing after login"
    assert any("demodata" in w.value for w in at.warning)  # mixing real data into demo is guarded


def test_new_sessions_and_a_cleared_cache_give_no_fresh_password_attempts(monkeypatch, tmp_path):
    import streamlit as st

    url = f"duckdb:///{tmp_path / 'login.duckdb'}"
    Store(url).close()
    monkeypatch.setenv("VSDASH_ADMIN_PASSWORD_HASH", hash_password("juist-wachtwoord-123"))
    for _ in range(3):
        at = _run(monkeypatch, url, {"vs_admin_password": "fout-wachtwoord"})
        assert any("onjuist" in e.value for e in at.error)
        st.cache_resource.clear()  # what any websocket client can ask the server to do
    at = _run(monkeypatch, url, {"vs_admin_password": "juist-wachtwoord-123"})
    assert not at.exception, at.exception
    assert any("Te veel mislukte pogingen" in e.value for e in at.error)
    assert not at.get("file_uploader")


def test_import_log_hides_importers_from_readers_and_neutralises_formulas(monkeypatch, tmp_path):
    from tests.db.helpers import reports_csv, utrecht_rows
    from vsdash import ingest

    url = f"duckdb:///{tmp_path / 'log.duckdb'}"
    store = Store(url)
    ingest.import_file(
        store,
        reports_csv(utrecht_rows(3)),
        "reports",
        file_name='=HYPERLINK("http://evil.example","klik").csv',
        user="jan.jansen@gemeente.example",
    )
    store.close()
    monkeypatch.setenv("VSDASH_ADMIN_PASSWORD_HASH", hash_password("juist-wachtwoord-123"))

    reader = _run(monkeypatch, url)
    assert not reader.exception, reader.exception
    log = reader.dataframe[0].value
    assert "Ingelezen door" not in log.columns
    assert "jan.jansen" not in log.to_csv()
    assert log["Bestand"].iloc[0].startswith("'=HYPERLINK")  # a spreadsheet reads it as text
    # Audit 2: the size of a report import is an exact count of reports (here 3): not for readers.
    assert log[["Geldige rijen", "Rijen toegevoegd"]].isna().all().all()
    assert any("alleen voor ingelogde beheerders" in c.value for c in reader.caption)

    admin = _run(monkeypatch, url, {"_vs_admin": True})
    shown = admin.dataframe[0].value
    assert shown["Ingelezen door"].iloc[0] == "jan.jansen@gemeente.example"
    assert shown["Rijen toegevoegd"].iloc[0] == 3


def test_every_template_button_names_its_kind(monkeypatch, demo_store_url):
    """Seven rows of "CSV" and "XLSX" read the same to a screen reader; each label names its kind."""
    at = _run(monkeypatch, demo_store_url)
    assert not at.exception, at.exception
    labels = [b.proto.label for b in at.get("download_button") if "-tpl_" in b.proto.id]
    assert len(labels) == 2 * 7 - 1 and len(set(labels)) == len(labels), labels
    assert "Meldingen (CSV)" in labels and "Meldingen (XLSX)" in labels
    assert "Risicogebieden (GeoJSON/GeoPackage)" in labels  # its name says the format once
