"""Names with Markdown and HTML, imported through the real import, show as plain text in chromium.

A campaign, an activity, a risk area, a file name and an importer carry an external image, a
fake "Log opnieuw in" link, Streamlit's ``:red[...]`` and an HTML link. On every page that shows
them, nothing is fetched from the image host, no such link exists in the page (HTML or the SVG of
a chart), and the text a reader sees is the name as typed.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import ARTIFACTS, wait_idle
from tests.db.helpers import UTRECHT_STATION, reports_csv, risk_area_geojson, utrecht_rows
from vsdash import ingest
from vsdash.store import Store

pytestmark = pytest.mark.browser

IMAGE_HOST = "198.51.100.1"  # TEST-NET-2: never a real server
HOSTILE = (
    f"Campagne ![pixel](http://{IMAGE_HOST}/pixel.png) [Log opnieuw in](http://login.example/) "
    ':red[ROOD] <a href="http://link.example/">klik</a> <img src="http://198.51.100.1/img.png">'
)
VISIBLE = ":red[ROOD]"  # shown literally only when the name is plain text


@pytest.fixture(scope="module")
def hostile_app(tmp_path_factory):
    """The app serving a store whose names, file names and importer are hostile."""
    from vsdash.bench_browser import serve

    url = f"duckdb:///{tmp_path_factory.mktemp('hostile') / 'store.duckdb'}"
    store = Store(url)
    try:
        ingest.import_file(
            store,
            reports_csv(utrecht_rows(120)),
            "reports",
            file_name=f"![bestand](http://{IMAGE_HOST}/bestand.png).csv",
            user=f"<img src=http://{IMAGE_HOST}/user.png>",
        )
        campaigns = (
            "campagne_id;naam;schaal;start;eind;gemeenten\r\n"
            f"C1;{HOSTILE};lokaal;01-11-2024;30-11-2024;GM0344\r\n"
        ).encode()
        assert ingest.import_file(store, campaigns, "campaigns", file_name="c.csv").written == 1
        activities = (
            "activiteit_id;gemeentecode;categorie;type;titel;partners;start;status\r\n"
            f"A1;GM0344;preventie;campagne;Activiteit {HOSTILE};{HOSTILE};15-11-2024;afgerond\r\n"
        ).encode()
        assert ingest.import_file(store, activities, "activities", file_name="a.csv").written == 1
        areas = risk_area_geojson([("RG1", "GM0344", f"Gebied {HOSTILE}", "station_ov", UTRECHT_STATION)])
        assert ingest.import_file(store, areas, "risk-areas", file_name="rg.geojson").written == 1
    finally:
        store.close()
    ARTIFACTS.mkdir(exist_ok=True)
    proc, base = serve(url, ARTIFACTS / "streamlit-hostile.log")
    yield base
    proc.terminate()
    proc.wait(10)


@pytest.mark.parametrize(
    "path",
    ["/", "/campagnes", "/activiteiten", "/kaart", "/presenteren?dia=2", "/gegevens"],
)
def test_hostile_names_render_as_plain_text(hostile_app, browser, path):
    ARTIFACTS.mkdir(exist_ok=True)
    ctx = browser.new_context(viewport={"width": 1440, "height": 1200})
    fetched: list[str] = []
    for host in (IMAGE_HOST, "login.example", "link.example"):
        ctx.route(f"http://{host}/**", lambda route: (fetched.append(route.request.url), route.abort()))
    page = ctx.new_page()
    separator = "&" if "?" in path else "?"
    page.goto(f"{hostile_app}{path}{separator}gemeente=GM0344&van=2024-01-01&tot=2024-12-31")
    wait_idle(page)
    page.mouse.wheel(0, 20000)  # below-the-fold sections render too
    wait_idle(page)
    if path.startswith("/presenteren"):
        page.get_by_text("Samenvatting voor de raad").click()  # the summary names the campaign
        wait_idle(page)
    name = path.strip("/").split("?")[0] or "overzicht"
    page.screenshot(path=str(ARTIFACTS / f"hostile_{name}.png"), full_page=True)
    links = page.eval_on_selector_all(
        "a", "els => els.map(e => e.getAttribute('href') || e.getAttribute('xlink:href') || '')"
    )
    images = page.eval_on_selector_all("img", "els => els.map(e => e.getAttribute('src') || '')")
    text = page.inner_text("body")
    ctx.close()
    assert fetched == [], f"{path}: the browser fetched {fetched}"
    # Heading anchors ("#activiteit-...-login-example-...") stay on the page; real links may not.
    outside = [h for h in links if not h.startswith("#")]
    assert not [h for h in outside if "login.example" in h or "link.example" in h], outside
    assert not [s for s in images if IMAGE_HOST in s], images
    if path != "/gegevens":  # the import log is a data grid drawn on a canvas: no text to read
        assert VISIBLE in text, f"{path}: the name is not shown as typed"
        # Zero-width spaces that break autolinks are invisible; the rest is the name as typed.
        assert HOSTILE in text.replace("\u200b", ""), f"{path}: the name is not shown as typed"
