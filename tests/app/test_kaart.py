"""Kaart page: privacy note and attribution, risk-area trend via the selectbox, no boundaries."""

from __future__ import annotations

from tests.app.test_pages import run_page

PAGE = "pages/kaart.py"


def _captions(at) -> list[str]:
    return [c.value for c in at.caption]


def test_map_states_privacy_rule_and_attribution(monkeypatch, demo_store_url):
    at = run_page(monkeypatch, demo_store_url, PAGE, {"gemeente": "GM0344"})
    assert not at.exception, at.exception
    assert at.title[0].value == "Kaart: Utrecht"
    captions = _captions(at)
    # Issue 14: the note states the perturbation (small numbers become 0 or 5) instead of "<5".
    assert any("Privacy:" in c and "H3-resolutie 8" in c and "licht veranderd" in c for c in captions), (
        captions
    )
    assert any("Bron: CBS, Kadaster" in c for c in captions), captions
    assert any(c.startswith("Kaart van Utrecht met") for c in captions), captions
    legend = [m.value for m in at.markdown if "vs-map-legend" in m.value]
    assert legend and "meldingen" in legend[0] and "risicogebied" in legend[0]


def test_choosing_a_risk_area_shows_its_trend_and_measures(monkeypatch, demo_store_url):
    state = {"gemeente": "GM0344", "kaart_risicogebied": "GM0344-neude"}
    at = run_page(monkeypatch, demo_store_url, PAGE, state)
    assert not at.exception, at.exception
    assert at.selectbox(key="kaart_risicogebied").value == "GM0344-neude"
    assert any("Lijngrafiek van meldingen" in c and "Neude" in c for c in _captions(at)), _captions(at)
    assert any("**Neude**" in m.value and "Maatregelen:" in m.value for m in at.markdown)


def test_before_after_table_is_shown_with_the_willingness_caveat(monkeypatch, demo_store_url):
    at = run_page(monkeypatch, demo_store_url, PAGE, {"gemeente": "GM0599"})
    assert not at.exception, at.exception
    assert any("Kaart van de verandering rond" in c for c in _captions(at))
    # Event names come from files: the caption shows them as plain text, never as markup.
    assert any(c.startswith("Kaart van de verandering rond Maatregel\\: camera") for c in _captions(at))
    assert any("meldingsbereidheid" in c for c in _captions(at))
    assert at.dataframe, "before/after table missing"


def test_all_municipalities_show_one_circle_per_municipality(monkeypatch, demo_store_url):
    at = run_page(monkeypatch, demo_store_url, PAGE, {})
    assert not at.exception, at.exception
    assert any(c.startswith("Kaart van Nederland") and "een cirkel voor" in c for c in _captions(at)), (
        _captions(at)
    )


def test_map_works_without_boundaries_and_says_why(monkeypatch, demo_store_url, tmp_path):
    monkeypatch.setenv("VSDASH_BOUNDARIES_DIR", str(tmp_path / "leeg"))
    at = run_page(monkeypatch, demo_store_url, PAGE, {"gemeente": "GM0344"})
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    infos = [i.value for i in at.info]
    assert any("Grenslijnen zijn niet beschikbaar" in i and "Geen grenzen beschikbaar" in i for i in infos), (
        infos
    )
    assert any(c.startswith("Kaart van Utrecht met") for c in _captions(at))
    full_reason = [text for text in infos + _captions(at) if "Geen grenzen beschikbaar" in text]
    assert len(full_reason) == 1, full_reason  # once at the top, not again under every map


def test_missing_boundaries_are_explained_in_english(monkeypatch, demo_store_url, tmp_path):
    monkeypatch.setenv("VSDASH_BOUNDARIES_DIR", str(tmp_path / "empty"))
    at = run_page(monkeypatch, demo_store_url, PAGE, {"gemeente": "GM0344", "taal": "en"})
    assert not at.exception, at.exception
    texts = [i.value for i in at.info] + _captions(at)
    assert any("No boundaries available" in text for text in texts), texts
    assert not any("Geen grenzen" in text or "Grenslijnen" in text for text in texts), texts


def test_boundaries_unavailable_survives_pickling_for_the_cache():
    import pickle

    from vsdash import geo

    exc = geo.BoundariesUnavailable(
        "cbs-gemeente-2025", "gemeenten.geojson", "/data", "gemeente", "2025", "offline"
    )
    again = pickle.loads(pickle.dumps(exc))
    assert again.message("en").startswith("No boundaries available for cbs-gemeente-2025")
    assert str(again) == str(exc) and "Geen grenzen beschikbaar" in str(exc)


def test_a_link_from_the_register_opens_the_map_on_its_risk_area(monkeypatch, demo_store_url):
    """Activiteiten links to ``/kaart?risicogebied=<id>&gemeente=<code>``: the area is chosen."""
    from streamlit.testing.v1 import AppTest

    from vsdash.settings import PROJECT_ROOT
    from vsdash.ui import navigation

    monkeypatch.setenv("VSDASH_DATABASE_URL", demo_store_url)
    specs = list(navigation.PAGES)
    first = next(s for s in specs if s.file == PAGE)
    monkeypatch.setattr(navigation, "PAGES", (first, *[s for s in specs if s is not first]))
    at = AppTest.from_file(str(PROJECT_ROOT / "dashboard.py"), default_timeout=120)
    at.query_params["gemeente"] = "GM0344"
    at.query_params["risicogebied"] = "GM0344-neude"
    at.run()
    assert not at.exception, at.exception
    assert at.selectbox(key="kaart_risicogebied").value == "GM0344-neude"
    assert any("**Neude**" in m.value for m in at.markdown)
    # The link chooses once: the user's own choice afterwards stays.
    at.selectbox(key="kaart_risicogebied").set_value("-").run()
    assert at.selectbox(key="kaart_risicogebied").value == "-"


# issue 18: "Risicogebied in de tijd" opens on the busiest risk area; before/after says what it leaves out
def test_risk_area_in_time_opens_on_an_area_without_a_click(monkeypatch, demo_store_url):
    at = run_page(monkeypatch, demo_store_url, PAGE, {"gemeente": "GM0344"})
    assert not at.exception, at.exception
    chosen = at.selectbox(key="kaart_risicogebied").value
    assert chosen.startswith("GM0344-")
    assert any("Lijngrafiek van meldingen" in c for c in _captions(at)), _captions(at)


def test_before_after_says_why_an_event_without_before_data_is_missing(monkeypatch, demo_store_url):
    at = run_page(monkeypatch, demo_store_url, PAGE, {"gemeente": "GM0599"})
    assert not at.exception, at.exception
    options = at.selectbox(key="kaart_gebeurtenis").options
    assert not any("2018" in o for o in options), options  # before the reports on record
    assert any("staat niet in de lijst" in c for c in _captions(at)), _captions(at)


def test_the_street_basemap_is_credited_and_its_absence_explained(monkeypatch, demo_store_url):
    monkeypatch.delenv("VSDASH_BASEMAP_URL", raising=False)
    at = run_page(monkeypatch, demo_store_url, PAGE, {"gemeente": "GM0344"})
    assert not at.exception, at.exception
    captions = _captions(at)
    assert any(
        "Bron: CBS, Kadaster" in c and "Kaart: PDOK BRT-Achtergrondkaart (Kadaster)" in c for c in captions
    )
    assert any("Ziet u geen straten" in c and "alleen gemeente- en wijkgrenzen" in c for c in captions), (
        captions
    )


def test_a_risk_area_without_a_whole_month_says_why_on_the_page(monkeypatch, demo_store_url):
    """Audit 2: Almelo's Grotestraat over 10 March - 2 April drew an empty dated chart."""
    import datetime as dt

    state = {
        "gemeente": "GM0141",
        "periode": (dt.date(2025, 3, 10), dt.date(2025, 4, 2)),
        "kaart_risicogebied": "GM0141-grotestraat-almelo",
    }
    at = run_page(monkeypatch, demo_store_url, PAGE, state)
    assert not at.exception, at.exception
    assert at.selectbox(key="kaart_risicogebied").value == "GM0141-grotestraat-almelo"
    assert any("Geen lijn voor Grotestraat" in i.value for i in at.info), [i.value for i in at.info]
    assert not any("Lijngrafiek van meldingen" in c for c in _captions(at))
