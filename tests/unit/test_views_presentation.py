"""The Presenteren view model: the composed deck, each kind of slide, peers and "what we learned"."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from vsdash import peers, publication
from vsdash.composition import Composition
from vsdash.presentation import PEER_COLUMNS, SLIDE_KINDS, build_deck, lessons
from vsdash.store import Store
from vsdash.views.presentation import build_presentation, build_slide, compose_deck

PERIOD = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))


@pytest.fixture(scope="module")
def store(demo_store_url, tmp_path_factory):
    """A private copy of the demo store (one DuckDB file, one process)."""
    copy = tmp_path_factory.mktemp("views_presentation") / "demo.duckdb"
    shutil.copy(Path(demo_store_url.removeprefix("duckdb:///")), copy)
    opened = Store(f"duckdb:///{copy}")
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def utrecht(store):
    return build_deck(store, gemeente="GM0344", start=PERIOD[0], end=PERIOD[1], with_map=False)


@pytest.fixture(scope="module")
def leeuwarden(store):
    return build_deck(store, gemeente="GM0080", start=PERIOD[0], end=PERIOD[1], with_map=False)


@pytest.fixture(scope="module")
def utrecht_peers(store):
    return peers.peer_comparison(store, gemeente="GM0344", start=PERIOD[0], end=PERIOD[1])


def test_the_composed_deck_carries_the_officers_slides_and_peers(utrecht, utrecht_peers):
    composed = Composition().add("vergelijking", after=0).add_text("Vragen", "").set_hidden(3, True)
    deck = compose_deck(utrecht, composed, utrecht_peers)
    assert deck.slides == composed.slides
    assert [s.kind for s in deck.slides] == [
        "kerncijfers",
        "vergelijking",
        "trend",
        "kaart",
        "activiteiten",
    ] + [
        "geleerd",
        "tekst",
    ]
    assert list(deck.peers.columns) == list(PEER_COLUMNS)
    assert deck.peers.attrs["note"] == utrecht_peers.note
    assert utrecht.slides != deck.slides  # the cached deck itself is not changed


def test_the_model_numbers_visible_slides_and_marks_the_outline(utrecht):
    composed = Composition().set_hidden(1, True)
    model = build_presentation(compose_deck(utrecht, composed), composed, 99)
    assert (model.number, model.count) == (5, 5)  # clamped to the last visible slide
    assert model.slide.kind == "geleerd" and model.current_entry == 5
    assert [row.hidden for row in model.outline] == [False, True, False, False, False, False]
    assert model.outline[5].current and "Dia 5 van 5" in model.meta
    assert {kind for kind, _ in model.addable} == {"vergelijking", "lessen"}


@pytest.mark.parametrize("kind", [k for k in SLIDE_KINDS if k != "tekst"])
def test_every_kind_of_slide_has_something_to_show(utrecht, utrecht_peers, kind):
    composed = Composition().add(kind) if kind in ("vergelijking", "lessen") else Composition()
    deck = compose_deck(utrecht, composed, utrecht_peers)
    view = build_slide(deck, next(s for s in composed.slides if s.kind == kind))
    shown = view.figures or view.message or view.chart or view.picture or view.paragraphs or view.bullets
    assert shown or (kind == "kaart" and view.notes), kind  # the map picture is left out here
    assert view.title and not view.own_title


def test_a_text_slide_shows_the_officers_words_and_notes(utrecht):
    composed = (
        Composition().add_text("Onze aanpak", "Suswachters\nEen campagne").edit(0, notes="Begin met de kaart")
    )
    deck = compose_deck(utrecht, composed)
    text = build_slide(deck, deck.slides[-1])
    assert (text.title, text.own_title, text.bullets) == (
        "Onze aanpak",
        True,
        ("Suswachters", "Een campagne"),
    )
    assert build_slide(deck, deck.slides[0]).speaker_notes == "Begin met de kaart"


def test_without_a_reporting_point_figures_are_not_written_as_zero(leeuwarden):
    view = build_slide(leeuwarden, leeuwarden.slides[0])
    assert [f.label for f in view.figures] == [
        "Inwoners",
        "Campagnes in de periode",
        "Activiteiten in de periode",
    ]
    assert "geen meldpunt" in view.message
    assert build_slide(leeuwarden, leeuwarden.slides[1]).chart is None  # no flat line at zero


def test_the_lessons_slide_says_the_register_is_empty(utrecht):
    composed = Composition().add("lessen")
    empty = dataclasses.replace(utrecht, lessons_register=utrecht.lessons_register.iloc[0:0])
    view = build_slide(compose_deck(empty, composed), composed.slides[-1])
    assert "kennisregister" in view.message and "Utrecht" in view.message
    register = pd.DataFrame(
        [
            {
                "titel": "Safe Clubbing",
                "gemeente_naam": "Utrecht",
                "jaar": 2025,
                "uitkomst": "",
                "lessen": "Vroeg beginnen",
            }
        ]
    )
    filled = dataclasses.replace(compose_deck(utrecht, composed), lessons_register=register)
    assert build_slide(filled, composed.slides[-1]).bullets == (
        "Safe Clubbing (Utrecht, 2025): Vroeg beginnen",
    )


# --- peers ------------------------------------------------------------------------------------


def test_utrecht_is_compared_with_the_other_large_cities_of_its_programme(store, utrecht_peers):
    table = utrecht_peers.table
    assert list(table["gemeentecode"]) == ["GM0344", "GM0599", "GM0363", ""]
    assert table["is_selection"].tolist() == [True, False, False, False]
    assert table["is_programme"].tolist()[-1]
    assert "250.000 of meer" in utrecht_peers.note and "niet op het aantal meldingen" in utrecht_peers.note
    # The rates are the published ones: the same as each municipality's key figure.
    for code in ("GM0344", "GM0599"):
        key = publication.key_figures(store, start=PERIOD[0], end=PERIOD[1], gemeente=code)
        row = table[table["gemeentecode"] == code].iloc[0]
        assert row["rate"] == pytest.approx(key.rate_per_10k_per_year)
        assert (row["low"], row["high"]) == pytest.approx((key.rate_low, key.rate_high))
    whole = publication.key_figures(store, start=PERIOD[0], end=PERIOD[1], programma="veilige_steden")
    assert table["rate"].iloc[-1] == pytest.approx(whole.rate_per_10k_per_year)


def test_peers_do_not_change_when_the_reports_do(store, utrecht_peers, monkeypatch):
    """Chosen on characteristics: other report counts give other rates but the same peers."""
    real = publication.member_figures

    def doubled(*args, **kwargs):
        out = real(*args, **kwargs)
        return out.assign(n=out["n"] * 2)

    monkeypatch.setattr(publication, "member_figures", doubled)
    other = peers.peer_comparison(store, gemeente="GM0344", start=PERIOD[0], end=PERIOD[1])
    assert list(other.table["gemeentecode"]) == list(utrecht_peers.table["gemeentecode"])


def test_a_municipality_without_a_programme_or_reporting_point_is_still_compared(store):
    found = peers.peer_comparison(store, gemeente="GM0080", start=PERIOD[0], end=PERIOD[1])
    own = found.table.iloc[0]
    assert own["gemeentecode"] == "GM0080" and np.isnan(own["rate"]) and own["label"] == "geen meldpunt"
    assert any(line.startswith("Leeuwarden: geen cijfer") for line in peers.peer_lines(found.table, "nl"))
    assert (found.table["label"].iloc[1:] != "geen meldpunt").all()  # peers had a reporting point
    assert "Leefbaarheid en Veiligheid" in found.note  # its own programme in the period
    everyone = peers.peer_comparison(store, gemeente=None, start=PERIOD[0], end=PERIOD[1])
    assert everyone.table.empty and "één gemeente" in everyone.note


# --- what we learned --------------------------------------------------------------------------


def _with_change(deck, change):
    figures = dataclasses.replace(deck.key.figures, change=change)
    return dataclasses.replace(deck, key=dataclasses.replace(deck.key, figures=figures))


@pytest.mark.parametrize(
    ("change", "meaning"),
    [(0.35, "weg naar het meldpunt"), (-0.30, "minder bekend"), (0.04, "ongeveer gelijk")],
)
def test_what_we_learned_says_what_a_change_means(utrecht, change, meaning):
    points = lessons(_with_change(utrecht, change))
    assert meaning in points[0]
    assert utrecht.key.reports not in " ".join(points)  # not the count again: what it means


def test_what_we_learned_without_a_reporting_point(leeuwarden):
    assert "geen meldpunt" in leeuwarden.learned[0] and "Veiligheidsmonitor" in leeuwarden.learned[0]


def test_a_hidden_rate_is_a_dash_not_the_count(utrecht):
    from vsdash.presentation import _key_figures

    hidden = dataclasses.replace(
        utrecht.key.figures, reports=None, reports_label="<5", rate_per_10k_per_year=None, rate_low=None
    )
    assert _key_figures(hidden, "nl").per_10k == "–"


def test_the_txt_summary_is_plain_text_and_the_md_summary_is_markdown(utrecht):
    # The .txt download held the Markdown: "290 reports\, 39\.0 per 10\,000 inhabitants\." in a notepad.
    composed = Composition()
    model = build_presentation(compose_deck(utrecht, composed), composed, 1)
    assert "\\" not in model.summary_text
    for paragraph in model.summary:  # every paragraph as typed, names of campaigns included
        assert paragraph in model.summary_text
    assert model.summary_text.splitlines()[0] == model.summary_markdown.splitlines()[0].removeprefix("# ")
    assert "\\." in model.summary_markdown  # the .md keeps its escapes: a viewer shows them as typed
