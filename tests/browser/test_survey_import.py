"""An officer loads Veiligheidsmonitor figures on the Gegevens page, in chromium (issue 19).

A store with real (not demo) Utrecht reports for 2024; the officer signs in, chooses the kind
"Enquêtecijfers", uploads a file with a bad row (refused in Dutch, naming the row, column, value
and what is allowed; nothing written), then the corrected file, and sees the willingness to
report on Overzicht and Vergelijken. Screenshots go to test-artifacts/survey-*.png.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import ADMIN_PASSWORD, ARTIFACTS, wait_idle
from tests.browser.test_import_flow import _no_traceback, _served_store, _sign_in, _tick, _upload
from tests.db.helpers import reports_csv, utrecht_rows
from vsdash import ingest
from vsdash.i18n import t
from vsdash.store import Store

pytestmark = pytest.mark.browser

HEADER = "gemeente;jaar;straatintimidatie;straatintimidatie_marge;basis\r\n"
BAD = HEADER + "Utrecht;2021;12,5;1,4;305000\r\nUtrecht;2023;114;1,5;310000\r\n"
GOOD = HEADER + "Utrecht;2021;12,5;1,4;305000\r\nUtrecht;2023;14,0;1,5;310000\r\n"


def _shot(page, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"survey-{name}.png"), full_page=True)


@pytest.fixture()
def served(tmp_path, monkeypatch):
    from vsdash.auth import hash_password
    from vsdash.bench_browser import serve

    url = f"duckdb:///{tmp_path / 'utrecht.duckdb'}"
    store = Store(url)
    ingest.import_file(store, reports_csv(utrecht_rows(300)), "reports", file_name="utrecht.csv")
    store.close()
    ARTIFACTS.mkdir(exist_ok=True)
    monkeypatch.setenv("VSDASH_ADMIN_PASSWORD_HASH", hash_password(ADMIN_PASSWORD))
    proc, base = serve(url, ARTIFACTS / "streamlit-survey.log")
    yield proc, base
    proc.terminate()
    proc.wait(10)


def test_officer_imports_survey_figures_and_sees_the_willingness_to_report(served, browser):
    proc, base = served
    page = browser.new_context(viewport={"width": 1280, "height": 2600}).new_page()
    _sign_in(page, base)
    kind = page.get_by_role("combobox", name=t("data_kind"), exact=True)
    kind.click()
    page.get_by_role("option", name=t("data_kind_survey"), exact=True).click()
    wait_idle(page)

    _upload(page, "veiligheidsmonitor.csv", "text/csv", BAD.encode("utf-8-sig"))
    page.get_by_role("button", name=t("data_import_button")).click()
    wait_idle(page)
    _no_traceback(page, "bad file")
    body = page.inner_text("body")
    assert "Geweigerd" in body and "aandeel in procent van 0 tot en met 100" in body, body[-2000:]
    assert "114" in body
    _shot(page, "0-geweigerd")

    _upload(page, "veiligheidsmonitor.csv", "text/csv", GOOD.encode("utf-8-sig"))
    _tick(page, t("data_dry_run"), on=False)
    page.get_by_role("button", name=t("data_import_button")).click()
    wait_idle(page)
    _no_traceback(page, "import")
    assert "Ingelezen: 2 rijen geschreven" in page.inner_text("body")
    _shot(page, "1-ingelezen")

    page.goto(f"{base}/?gemeente=GM0344&van=2024-01-01&tot=2024-12-31")
    wait_idle(page)
    _no_traceback(page, "overzicht")
    body = page.inner_text("body")
    assert t("reporting_ratio_label") in body and "14,0%" in body
    assert "Veiligheidsmonitor 2023 (de laatste ronde tot en met 2024)" in body
    _shot(page, "2-overzicht")

    page.goto(f"{base}/vergelijken?gemeente=GM0344&van=2024-01-01&tot=2024-12-31")
    wait_idle(page)
    _no_traceback(page, "vergelijken")
    assert t("cmp_ratio_title") in page.inner_text("body")
    _shot(page, "3-vergelijken")
    page.context.close()

    served_url = _served_store(proc.pid)
    proc.terminate()
    proc.wait(10)
    store = Store(served_url)
    try:
        # The refused file wrote nothing: the log has the reports and one survey import only.
        assert list(store.import_log()["soort"]) == ["survey", "reports"]
        assert store.survey_indicators()["straatintimidatie_pct"].tolist() == [12.5, 14.0]
    finally:
        store.close()
