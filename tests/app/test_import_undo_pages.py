"""After an undo: the confirmation is cleared, and the undone import is no longer news (issue 20)."""

from __future__ import annotations

from tests.app.test_pages import run_page
from vsdash import ingest
from vsdash.auth import hash_password
from vsdash.store import Store

PASSWORD = "juist-wachtwoord-123"


def _shown(elements) -> str:
    """The text of elements as a reader sees it (Markdown escapes such as '\\.' removed)."""
    return " ".join(e.value for e in elements).replace("\\", "")


def _store_with_two_imports(tmp_path) -> str:
    url = f"duckdb:///{tmp_path / 'real.duckdb'}"
    store = Store(url)
    try:
        for name, ids in (("eerste.csv", (1, 2)), ("tweede.csv", (3, 4))):
            rows = "".join(f"{i};0{i}-01-2024;verbaal;App\n" for i in ids)
            data = f"Meldingsnummer;Datum melding;Soort;Bron\n{rows}".encode()
            ingest.import_file(store, data, "reports", file_name=name, gemeente="GM0268")
    finally:
        store.close()
    return url


def test_undo_clears_the_confirmation_so_the_next_undo_asks_again(monkeypatch, tmp_path):
    url = _store_with_two_imports(tmp_path)
    monkeypatch.setenv("VSDASH_ADMIN_PASSWORD_HASH", hash_password(PASSWORD))
    at = run_page(monkeypatch, url, "pages/gegevens.py", {"vs_admin_password": PASSWORD})
    assert not at.exception, at.exception
    at.checkbox(key="undo_confirm").check().run()
    at.button(key="undo_go").click().run()
    assert not at.exception, at.exception
    assert "tweede.csv teruggedraaid" in _shown(at.success)
    assert at.checkbox(key="undo_confirm").value is False
    assert at.button(key="undo_go").disabled  # the first import stays until confirmed again
    assert "eerste.csv" in _shown(at.markdown)


def test_an_undone_import_leaves_whats_new(monkeypatch, tmp_path):
    url = _store_with_two_imports(tmp_path)
    at = run_page(monkeypatch, url, "pages/overzicht.py", {})
    assert "tweede.csv" in _shown(at.markdown)
    store = Store(url)
    try:
        ingest.undo_last_import(store)
    finally:
        store.close()
    at = run_page(monkeypatch, url, "pages/overzicht.py", {})
    assert not at.exception, at.exception
    news = _shown(at.markdown)
    assert "tweede.csv" not in news and "eerste.csv" in news
