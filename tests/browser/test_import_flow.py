"""An officer loads the municipality's own export alone, in chromium (issue 20).

The file is a generated Nijmegen export (``tests/municipal_export.py``): an XLSX with a title row
above the header and a totals row below, no municipality column, Dutch header variants, X/Y in
Rijksdriehoek and five bad rows. The officer signs in, sees the recognised columns, picks the
municipality for all rows, runs a check, imports (replacing the demo data), sees the reports on
Overzicht, Meldingen and Kaart, and undoes the import: the store is then exactly as before.
Screenshots of each step go to test-artifacts/import-*.png.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.browser.conftest import ADMIN_PASSWORD, ARTIFACTS, wait_idle
from tests.municipal_export import generate
from vsdash.i18n import t

pytestmark = pytest.mark.browser


def _served_store(pid: int) -> str:
    """The store URL the server process was started with (``serve`` gives it a private copy)."""
    env = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
    found = next(v for v in env if v.startswith(b"VSDASH_DATABASE_URL="))
    return found.split(b"=", 1)[1].decode()


def _texts(page, testid: str) -> list[str]:
    return page.eval_on_selector_all(f'[data-testid="{testid}"]', "els => els.map(e => e.innerText)")


def _no_traceback(page, where: str) -> None:
    assert not _texts(page, "stException"), f"{where}: {_texts(page, 'stException')}"


def _shot(page, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"import-{name}.png"), full_page=True)


def _tick(page, label: str, on: bool = True) -> None:
    box = page.get_by_role("checkbox", name=label, exact=True)
    if box.is_checked() != on:
        page.get_by_text(label, exact=True).click()
        wait_idle(page)
    assert box.is_checked() == on, label


def _sign_in(page, base: str) -> None:
    page.goto(base + "/gegevens")
    wait_idle(page)
    field = page.get_by_label(t("data_password"), exact=True)
    field.fill(ADMIN_PASSWORD)
    field.press("Enter")
    wait_idle(page)
    assert page.locator('[data-testid="stFileUploader"]').count() == 1


def _upload(page, name: str, mime: str, data: bytes) -> None:
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        files=[{"name": name, "mimeType": mime, "buffer": data}]
    )
    wait_idle(page)
    _no_traceback(page, f"after uploading {name}")


def _choose_gemeente(page, name: str) -> None:
    """Pick the municipality for all rows (the file has no municipality column)."""
    box = page.locator('[class*="st-key-import_gemeente_"] input[role="combobox"]')
    box.click()
    box.fill(name)
    page.get_by_role("option", name=name, exact=True).click()
    wait_idle(page)


@pytest.fixture()
def served(demo_store_url, monkeypatch):
    from vsdash.auth import hash_password
    from vsdash.bench_browser import serve

    ARTIFACTS.mkdir(exist_ok=True)
    monkeypatch.setenv("VSDASH_ADMIN_PASSWORD_HASH", hash_password(ADMIN_PASSWORD))
    proc, base = serve(demo_store_url, ARTIFACTS / "streamlit-import.log")
    yield proc, base
    proc.terminate()
    proc.wait(10)


def test_officer_imports_the_municipal_export_and_undoes_it(served, browser, demo_store_url):
    from vsdash.import_undo import data_hash
    from vsdash.store import Store

    proc, base = served
    store_url = _served_store(proc.pid)
    export = generate()
    page = browser.new_context(viewport={"width": 1280, "height": 3400}).new_page()

    _sign_in(page, base)
    # First the CSV as Excel on a Dutch PC saves it (Windows-1252, semicolons): checked only.
    _upload(page, "meldingen-nijmegen-2024.csv", "text/csv", export.csv_cp1252())
    assert "Kopregel: rij 1" in page.inner_text("body")
    _choose_gemeente(page, "Nijmegen")
    _tick(page, t("data_skip_invalid"))
    _tick(page, t("data_dry_run"))
    page.get_by_role("button", name=t("data_import_button")).click()
    wait_idle(page)
    _no_traceback(page, "csv dry run")
    assert f"Controle klaar: {export.good} rijen geldig, 5 ongeldig" in page.inner_text("body")
    _shot(page, "0-csv-controle")

    # Then the same rows as an XLSX with a title row and a totals row: checked, then imported.
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        files=[
            {
                "name": "meldingen-nijmegen-2024.xlsx",
                "mimeType": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "buffer": export.xlsx_with_title_and_totals(),
            }
        ]
    )
    wait_idle(page)
    _no_traceback(page, "after upload")
    body = page.inner_text("body")
    assert "Kopregel: rij 3" in body and "rij 1, 2, 305" in body
    assert "Choose an option" not in body
    # Recognised columns are filled in under Dutch labels (not database names).
    for label, column in (
        ("Meldingsnummer *", "Meldingsnummer"),
        ("Datum van het voorval *", "Datum melding"),
    ):
        shown = page.get_by_role("combobox", name=label, exact=True).input_value()
        assert shown == column, (label, shown)
    placeholders = page.eval_on_selector_all(
        '[data-testid="stMain"] input[role=combobox]', "els => els.map(e => e.placeholder)"
    )
    assert "Choose an option" not in placeholders
    _shot(page, "1-koppelen")

    _choose_gemeente(page, "Nijmegen")
    assert "Kies nog een kolom" not in page.inner_text("body")
    _tick(page, t("data_skip_invalid"))
    _tick(page, t("data_dry_run"))
    _tick(page, t("data_replace_demo"))
    assert "alle demodata gewist" in page.inner_text("body")
    page.get_by_role("button", name=t("data_import_button")).click()
    wait_idle(page)
    _no_traceback(page, "dry run")
    body = page.inner_text("body")
    assert f"Controle klaar: {export.good} rijen geldig, 5 ongeldig" in body, body[-3000:]
    assert "terugdraaien" in body.lower() and "App, Telefoon, Website" in body
    assert "uitschelden" in body and "Atlantis" in body and "n.b." in body  # the five bad rows, named
    _shot(page, "2-controle")

    _tick(page, t("data_dry_run"), on=False)
    page.get_by_role("button", name=t("data_import_button")).click()
    wait_idle(page)
    _no_traceback(page, "import")
    body = page.inner_text("body")
    assert f"Ingelezen: {export.good} rijen geschreven, 5 geweigerd" in body, body[-3000:]
    assert page.get_by_role("button", name=re.compile("Geweigerde rijen downloaden")).count() == 1
    assert not page.locator(".vs-demo-badge").count(), "demo badge still shown over the imported data"
    _shot(page, "3-ingelezen")
    # The first click after an import used to raise StreamlitValueBelowMinError in the sidebar.
    page.get_by_role("link", name=t("nav_overview")).click()
    wait_idle(page)
    _no_traceback(page, "first click after import")

    for path, name in (("/", "overzicht"), ("/meldingen", "meldingen"), ("/kaart", "kaart")):
        page.goto(f"{base}{path}?gemeente=GM0268")
        wait_idle(page)
        _no_traceback(page, name)
        body = page.inner_text("body")
        assert "Nijmegen" in page.locator("h1").first.inner_text()
        assert "geen meldpunt" not in body, name
        assert "Er zijn geen meldingen" not in body, name
        assert not page.locator(".vs-demo-badge").count(), f"{name}: demo badge over real data"
        _shot(page, f"4-{name}")

    _sign_in(page, base)
    assert "terugdraaien zet de demodata precies terug" in page.inner_text("body")
    _tick(page, t("data_undo_confirm"))
    page.get_by_role("button", name=t("data_undo_button")).click()
    wait_idle(page)
    _no_traceback(page, "undo")
    body = page.inner_text("body")
    assert "teruggedraaid" in body and "demodata teruggezet" in body
    confirm = page.get_by_role("checkbox", name=t("data_undo_confirm"), exact=True)
    assert confirm.count() == 0 or not confirm.is_checked()  # a second undo must be confirmed again
    _shot(page, "5-teruggedraaid")
    page.context.close()

    proc.terminate()
    proc.wait(10)
    original, served_copy = Store(demo_store_url), Store(store_url)
    try:
        assert served_copy.is_demo()
        assert data_hash(served_copy) == data_hash(original)
    finally:
        original.close()
        served_copy.close()
