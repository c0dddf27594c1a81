"""Sign-in with roles, end to end: a local OpenID Connect provider, ``vsdash serve`` and chromium.

The provider (``oidc-provider-mock``) offers three accounts; the allow-list in the secrets file
makes one an editor for Utrecht, one a reader and leaves one off the list. The editor's import
of a file with an Amsterdam row is refused with the reason; a reader gets no upload at all.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from tests.browser.conftest import ARTIFACTS, ROOT, wait_idle
from tests.db.helpers import reports_csv, utrecht_rows

pytestmark = pytest.mark.browser

ACCOUNTS = {
    "jansen": "a.jansen@utrecht.nl",  # editor for GM0344
    "raad": "raad@utrecht.nl",  # reader on the list
    "bezoeker": "iemand@example.nl",  # not on the list
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def provider():
    from oidc_provider_mock import User, run_server_in_thread

    users = [User(sub=sub, claims={"email": email, "name": sub.title()}) for sub, email in ACCOUNTS.items()]
    with run_server_in_thread(user_claims=users) as server:
        yield f"http://localhost:{server.server_port}"


@pytest.fixture(scope="module")
def signed_in_app(provider, tmp_path_factory):
    """``vsdash serve`` on an empty (not demo) store with an OIDC login and the allow-list."""
    from vsdash.store import Store

    folder = tmp_path_factory.mktemp("oidc")
    url = f"duckdb:///{folder / 'store.duckdb'}"
    Store(url).close()  # reference tables only: real data may be imported without replacing demo data
    port = _free_port()
    secrets = folder / "secrets.toml"
    secrets.write_text(
        "[auth]\n"
        f'redirect_uri = "http://localhost:{port}/oauth2callback"\n'
        'cookie_secret = "oidc-test-cookie-secret-0123456789abcdef"\n'
        'client_id = "vsdash"\n'
        'client_secret = "vsdash-geheim"\n'
        f'server_metadata_url = "{provider}/.well-known/openid-configuration"\n'
        "\n[vsdash.accounts]\n"
        '"A.Jansen@utrecht.nl" = { rol = "redacteur", gemeenten = ["GM0344"] }\n'
        '"raad@utrecht.nl" = { rol = "lezer" }\n',
        encoding="utf-8",
    )
    ARTIFACTS.mkdir(exist_ok=True)
    log = (ARTIFACTS / "oidc-serve.log").open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "vsdash", "serve", "--port", str(port), "--address", "127.0.0.1"]
        + ["--store", url, "--secrets", str(secrets)],
        cwd=ROOT,
        env={**os.environ, "VSDASH_LOG_FORMAT": "json"},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://localhost:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=5) as answer:
                if answer.status == 200:
                    break
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.5)
    else:
        proc.terminate()
        pytest.fail("vsdash serve did not become healthy; see test-artifacts/oidc-serve.log")
    yield base
    proc.terminate()
    proc.wait(20)
    log.close()


def _sign_in(browser, base: str, sub: str):
    """Open Gegevens, press 'Inloggen', choose ``sub`` at the provider; return the page back home."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base}/gegevens")
    wait_idle(page)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(lambda u: not u.startswith(base), timeout=30_000)  # at the provider
    page.get_by_role("button", name=sub, exact=True).click()
    page.wait_for_url(lambda u: u.startswith(base), timeout=30_000)  # back in the dashboard
    page.goto(f"{base}/gegevens")
    wait_idle(page)
    return context, page


def test_an_editor_imports_only_for_their_own_municipality(browser, signed_in_app, tmp_path):
    context, page = _sign_in(browser, signed_in_app, "jansen")
    try:
        main = page.locator("[data-testid='stMain']").first
        main.get_by_text("Ingelogd als a.jansen@utrecht.nl").wait_for(timeout=30_000)
        main.get_by_text("Redacteur voor GM0344").wait_for()
        mixed = tmp_path / "meldingen.csv"
        amsterdam = "AM1;GM0363;05-03-2024;12:00;verbaal;52,37;4,89"
        mixed.write_bytes(reports_csv([*utrecht_rows(3), amsterdam]))
        page.locator("input[type='file']").set_input_files(str(mixed))
        wait_idle(page)
        page.get_by_role("button", name="Controleren en inlezen").click()
        wait_idle(page)
        # The row errors are a data grid (drawn on a canvas; its cells exist for screen readers).
        reason = main.get_by_text("GM0363 is niet een van uw gemeenten (GM0344)").first
        reason.wait_for(state="attached", timeout=30_000)
        main.get_by_text("Geweigerd: 1 van de 4 rijen zijn ongeldig; er is niets geschreven.").wait_for()
        page.screenshot(path=str(ARTIFACTS / "oidc-editor-refused.png"), full_page=True)
    finally:
        context.close()


@pytest.mark.parametrize("sub", ["raad", "bezoeker"])
def test_a_reader_or_an_account_off_the_list_gets_no_upload(browser, signed_in_app, sub):
    context, page = _sign_in(browser, signed_in_app, sub)
    try:
        main = page.locator("[data-testid='stMain']").first
        main.get_by_text(f"{ACCOUNTS[sub]} mag het dashboard bekijken").wait_for(timeout=30_000)
        assert page.locator("input[type='file']").count() == 0
    finally:
        context.close()
