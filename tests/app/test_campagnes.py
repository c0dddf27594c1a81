"""Campagnes page: the effect card for a seeded campaign and municipality, the caveat, the forest plot."""

from __future__ import annotations

from tests.app.test_pages import run_page

PAGE = "pages/campagnes.py"


def test_effect_card_for_a_seeded_campaign(monkeypatch, demo_store_url):
    state = {"gemeente": "GM0855", "campagne": "benjijok-2023", "campagne_gemeente": "GM0855"}
    at = run_page(monkeypatch, demo_store_url, PAGE, state)
    assert not at.exception, at.exception
    assert at.selectbox(key="campagne").value == "benjijok-2023"
    assert at.selectbox(key="campagne_gemeente").value == "GM0855"
    sentences = [m.value for m in at.markdown if m.value.startswith("##### Tijdens de campagne")]
    assert len(sentences) == 1, [m.value for m in at.markdown]
    assert "meldingen binnen" in sentences[0]
    captions = " ".join(c.value for c in at.caption)
    assert "meldingsbereidheid" in captions  # the willingness-to-report caveat beside the card
    labels = {m.label for m in at.metric}
    assert {"Verwacht", "Binnengekomen", "Extra meldingen", "p-waarde"} <= labels
    assert "Alle campagnes vergeleken" in [h.value for h in at.subheader]
    # Issue 16: the method in plain words, the technical detail behind an expander, a placebo check.
    assert any(m.value.startswith("**Hoe is dit berekend?** Uit de meldingen van de") for m in at.markdown)
    assert "Voor statistici" in [e.label for e in at.expander]
    assert "zou deze methode" in captions
    assert at.checkbox(key="campagne_controls").value is True  # comparison is the recommended default


def test_comparison_municipalities_are_named(monkeypatch, demo_store_url):
    state = {"campagne": "lokaal-GM0363-1", "campagne_gemeente": "GM0363", "campagne_controls": True}
    at = run_page(monkeypatch, demo_store_url, PAGE, state)
    assert not at.exception, at.exception
    captions = " ".join(c.value for c in at.caption)
    assert "Vergeleken met:" in captions or "geen gemeente zonder campagne" in captions


def test_english_card(monkeypatch, demo_store_url):
    state = {"taal": "en", "campagne": "benjijok-2023", "campagne_gemeente": "GM0855"}
    at = run_page(monkeypatch, demo_store_url, PAGE, state)
    assert not at.exception, at.exception
    assert any(m.value.startswith("##### During the campaign") for m in at.markdown)
