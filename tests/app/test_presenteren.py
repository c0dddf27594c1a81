"""Presenteren page: the slide from the URL or state, the step buttons, the lessons and the tools."""

from __future__ import annotations

import datetime as dt
import re

from tests.app.test_pages import run_page

PAGE = "pages/presenteren.py"


def test_effect_slide_of_utrecht(monkeypatch, demo_store_url):
    state = {"gemeente": "GM0344", "dia": 3}
    at = run_page(monkeypatch, demo_store_url, PAGE, state)
    assert not at.exception, at.exception
    assert at.title[0].value == "Wat deed de laatste campagne?"
    assert at.button(key="dia_vorige") and at.button(key="dia_volgende")
    assert at.query_params["dia"] in ("3", ["3"])
    assert any("Tijdens de campagne" in m.value for m in at.markdown)


def test_first_and_last_slide_disable_the_step_beyond(monkeypatch, demo_store_url):
    at = run_page(monkeypatch, demo_store_url, PAGE, {"gemeente": "GM0344", "dia": 1})
    assert at.button(key="dia_vorige").disabled and not at.button(key="dia_volgende").disabled
    assert at.title[0].value == "Utrecht in cijfers"
    assert {m.label for m in at.metric} >= {"Meldingen", "Per 10.000 inwoners per jaar"}
    # A period whose comparison (the preceding year) spans the 1 July 2024 criminalisation.
    state = {"gemeente": "GM0344", "dia": 6, "periode": (dt.date(2025, 1, 1), dt.date(2025, 12, 31))}
    at = run_page(monkeypatch, demo_store_url, PAGE, state)
    assert at.button(key="dia_volgende").disabled
    lessons = " ".join(m.value for m in at.markdown if "vs-slide-list" in m.value)
    assert "meldingsbereidheid" in lessons and "1 juli 2024" in lessons


def test_lessons_and_summary_in_english(monkeypatch, demo_store_url):
    at = run_page(monkeypatch, demo_store_url, PAGE, {"gemeente": "GM0344", "taal": "en", "dia": 6})
    assert not at.exception, at.exception
    assert at.title[0].value == "What we learned"
    assert "willing to report" in " ".join(m.value for m in at.markdown)


def test_all_municipalities_effect_slide_asks_for_one(monkeypatch, demo_store_url):
    at = run_page(monkeypatch, demo_store_url, PAGE, {"dia": 3})
    assert not at.exception, at.exception
    assert any("één gemeente" in m.value for m in at.markdown)


# --- issue 18: the deck builder -------------------------------------------------------------


def _param(at, name: str) -> str:
    value = at.query_params.get(name, "")
    return value[-1] if isinstance(value, list) else value


def _outline(at) -> list[str]:
    """The builder's list of slides as shown (number. title, marks)."""
    return [m.value for m in at.markdown if re.match(r"\d+\\\. ", m.value)]


def test_reorder_hide_and_add_a_text_slide(monkeypatch, demo_store_url):
    at = run_page(monkeypatch, demo_store_url, PAGE, {"gemeente": "GM0344", "dia": 1})
    assert not at.exception, at.exception
    at.button(key="dia_neer_0").click().run()  # key figures one place down
    assert at.title[0].value == "Meldingen door de tijd, met campagnes"
    assert _param(at, "dias").startswith("trend,kerncijfers,effect")
    at.button(key="dia_verberg_2").click().run()  # hide the effect slide
    assert "-effect" in _param(at, "dias")
    assert any("Dia 1 van 5" in m.value for m in at.markdown)
    assert "verborgen" in _outline(at)[2]
    at.text_input(key="dia_nieuw_titel").input("Onze aanpak in 2026")
    at.text_area(key="dia_nieuw_tekst").input("Meer suswachters\nEen nieuwe campagne")
    next(b for b in at.button if b.label == "Tekstdia toevoegen").click().run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Onze aanpak in 2026"  # the new slide follows the one on screen
    assert _param(at, "dia") == "2"
    assert _param(at, "dias") == "trend,tekst:1,kerncijfers,-effect,kaart,activiteiten,geleerd"
    bullets = " ".join(m.value for m in at.markdown if "vs-slide-list" in m.value)
    assert "Meer suswachters" in bullets and "Een nieuwe campagne" in bullets
    # Notes for the slide on screen go into the URL too, so a copied link keeps them.
    notes_key = next(a.key for a in at.text_area if a.key.startswith("dia_notities_"))
    at.text_area(key=notes_key).input("Vertel over de suswachters").run()
    from vsdash.composition import from_query

    restored, notices = from_query({"dias": _param(at, "dias"), "diatekst": _param(at, "diatekst")})
    assert not notices
    assert [s.kind for s in restored.slides] == [
        "trend",
        "tekst",
        "kerncijfers",
        "kaart",
        "activiteiten",
        "geleerd",
    ]
    assert restored.slides[1].notes == "Vertel over de suswachters"


def _run_with_query(monkeypatch, store_url: str, state: dict, query: dict):
    """Run the page as ``run_page`` does, opened from a link with ``query`` in its URL."""
    from streamlit.testing.v1 import AppTest

    from tests.app.test_pages import PROJECT_ROOT
    from vsdash.ui import navigation

    monkeypatch.setenv("VSDASH_DATABASE_URL", store_url)
    specs = list(navigation.PAGES)
    first = next(s for s in specs if s.file == PAGE)
    monkeypatch.setattr(navigation, "PAGES", (first, *[s for s in specs if s is not first]))
    at = AppTest.from_file(str(PROJECT_ROOT / "dashboard.py"), default_timeout=120)
    for key, value in state.items():
        at.session_state[key] = value
    at.query_params.update(query)
    at.run()
    return at


def test_a_link_with_a_composition_opens_that_deck(monkeypatch, demo_store_url):
    from vsdash.composition import Composition

    comp = Composition().add("vergelijking").move(6, -6).add_text("Vragen?", "")
    at = _run_with_query(monkeypatch, demo_store_url, {"gemeente": "GM0344"}, {**comp.to_query(), "dia": "1"})
    assert not at.exception, at.exception
    assert at.title[0].value == "Utrecht naast vergelijkbare gemeenten"
    text = " ".join(m.value for m in at.markdown)
    assert "250.000 of meer" in text and "Gekozen op kenmerken" in text
    assert any("Dia 1 van 8" in m.value for m in at.markdown)
    assert _outline(at)[-1].startswith("8\\. Vragen\\?")  # the officer's title, escaped


def test_a_broken_link_shows_the_default_deck_with_a_dutch_notice(monkeypatch, demo_store_url):
    query = {"dias": "kerncijfers,<script>,trend,trend", "diatekst": "1.bm90LXpsaWI", "dia": "9"}
    at = _run_with_query(monkeypatch, demo_store_url, {"gemeente": "GM0344"}, query)
    assert not at.exception, at.exception
    warnings = " ".join(w.value for w in at.warning)
    assert (
        "bestaat niet" in warnings
        and "meer dan eens" in warnings
        and "konden niet worden gelezen" in warnings
    )
    assert at.title[0].value == "Meldingen door de tijd, met campagnes"  # dia 9 of 2: the last
    assert _param(at, "dias") == "kerncijfers,trend"


def test_no_reporting_point_is_said_in_a_sentence(monkeypatch, demo_store_url):
    at = run_page(monkeypatch, demo_store_url, PAGE, {"gemeente": "GM0080", "dia": 1})
    assert not at.exception, at.exception
    # Both counts of the period say so ("Activiteiten" alone read as all activities ever).
    assert {m.label for m in at.metric} == {
        "Inwoners",
        "Campagnes in de periode",
        "Activiteiten in de periode",
    }
    assert not any(m.value.startswith("geen") or m.value == "0" and "10.000" in m.label for m in at.metric)
    assert any("geen meldpunt" in i.value for i in at.info)


def test_a_link_cannot_slip_markup_onto_a_slide(monkeypatch, demo_store_url):
    from vsdash.composition import Composition

    comp = Composition().add_text("![x](http://evil.example/a.png)", "<img src=x onerror=alert(1)>\n**vet**")
    query = {**comp.to_query(), "dia": "7"}
    at = _run_with_query(monkeypatch, demo_store_url, {"gemeente": "GM0344"}, query)
    assert not at.exception, at.exception
    assert at.title[0].value.startswith("\\!\\[x\\]")  # shown as typed, not as an image
    body = next(m.value for m in at.markdown if m.value.startswith('<ul class="vs-slide-list'))
    assert "&lt;img src=x" in body and "<img" not in body


# --- polish: every builder button names its slide (a screen reader hears the label) ---


def test_each_builder_button_names_the_slide_it_acts_on(monkeypatch, demo_store_url):
    at = run_page(monkeypatch, demo_store_url, PAGE, {"gemeente": "GM0344", "dia": 1})
    assert not at.exception, at.exception
    rows = _outline(at)
    buttons = [b for b in at.button if re.match(r"dia_(op|neer|verberg|weg)_\d+$", b.key or "")]
    assert len(buttons) == 4 * len(rows) >= 8
    labels = [b.label for b in buttons]
    assert len(set(labels)) == len(labels), "two buttons read the same to a screen reader"
    for b in buttons:
        number = int(b.key.rsplit("_", 1)[1]) + 1
        title = rows[number - 1].split("\\. ", 1)[1].split(" *(")[0]
        assert f"Dia {number} " in b.label and title in b.help, (b.label, b.help, title)
    assert at.button(key="dia_weg_2").label == "Dia 3 verwijderen"
