"""AppTest for the Activiteiten page: register, filters, Covid sentence, links and provenance."""

from __future__ import annotations

from tests.app.test_pages import run_page

PAGE = "pages/activiteiten.py"


def test_register_shows_provenance_and_covid_sentence(monkeypatch, demo_store_url):
    at = run_page(monkeypatch, demo_store_url, PAGE, {})
    assert not at.exception, at.exception
    assert "Activiteiten" in at.title[0].value
    sentence = [m.value for m in at.markdown if m.value.startswith("Door Covid-19 ")]
    assert sentence, "Covid sentence missing"
    metrics = {m.label: m.value for m in at.metric}
    assert int(metrics["Uitgesteld (Covid-19)"]) > 0  # the demo register has postponed activities
    # Issue 18: the words agree with the count ("werd 1 activiteit", "werden 3 activiteiten").
    postponed = int(metrics["Uitgesteld (Covid-19)"])
    expected = (
        "werd **1** activiteit uitgesteld" if postponed == 1 else f"werden **{postponed}** activiteiten"
    )
    assert expected in sentence[0]
    register = at.dataframe[0].value
    assert {"gewijzigd_op", "bron", "kaart_link", "campagne_link"} <= set(register.columns)
    assert (register["bron"] == "demodata").all()
    links = register["kaart_link"].dropna()
    assert len(links) and links.str.match(r"^/kaart\?risicogebied=[^&]+&gemeente=GM\d{4}$").all()
    assert register["campagne_link"].dropna().str.startswith("/campagnes?campagne=").all()
    # Vocabulary is translated: no raw codes such as 'uitgesteld_covid' in the register.
    assert not register["status"].str.contains("_").any()


def test_filters_narrow_the_register(monkeypatch, demo_store_url):
    at = run_page(
        monkeypatch,
        demo_store_url,
        PAGE,
        {
            "gemeente": "GM0344",
            "act_categories": ["preventie"],
            "act_statuses": ["afgerond"],
            "act_only_period": False,
        },
    )
    assert not at.exception, at.exception
    register = at.dataframe[0].value
    assert len(register)
    assert set(register["categorie"]) == {"Preventie"}
    assert set(register["status"]) == {"Afgerond"}
    assert set(register["gemeente"]) == {"Utrecht"}


def test_detail_links_to_map_page(monkeypatch, demo_store_url):
    at = run_page(monkeypatch, demo_store_url, PAGE, {})
    register = at.dataframe[0].value
    with_area = register.loc[register["kaart_link"].notna(), "activiteit_id"].iloc[0]
    at = run_page(monkeypatch, demo_store_url, PAGE, {"act_detail": with_area})
    assert not at.exception, at.exception
    assert any("](/kaart?risicogebied=" in m.value for m in at.markdown)
    assert any("bron: demodata" in c.value for c in at.caption)


def test_english_labels(monkeypatch, demo_store_url):
    at = run_page(monkeypatch, demo_store_url, PAGE, {"taal": "en"})
    assert not at.exception, at.exception
    assert any("Covid-19 postponed" in m.value for m in at.markdown)
    assert "Postponed (Covid-19)" in {m.label for m in at.metric}
