"""The officer's slide composition: edits, its round trip through the URL, and links that are broken."""

from __future__ import annotations

import base64
import json
import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vsdash import composition as cmp
from vsdash.composition import Composition, Entry, from_query
from vsdash.presentation import SLIDES, SlideSpec


def _packed(payload: object) -> str:
    raw = json.dumps(payload).encode()
    return "1." + base64.urlsafe_b64encode(zlib.compress(raw)).decode().rstrip("=")


COMPOSED = [
    Composition(),
    Composition().move(0, 2),
    Composition().set_hidden(1, True).set_hidden(3, True),
    Composition().add("vergelijking", after=0).add("lessen"),
    Composition().add_text("Onze aanpak", "Suswachters\nEen campagne & meer #1 <b>?</b>", after=2),
    Composition()
    .add_text("Één", "")
    .add_text("Twee: 50% = ½ & ‘aanhalingstekens’", "regel 1\n\nregel 3 😀")
    .move(7, -7)
    .edit(3, notes="Vertel over Neude\nen het station"),
    Composition().edit(0, title="Eigen titel voor de kerncijfers").edit(5, notes="x" * cmp.MAX_NOTES),
    Composition().remove(2).remove(2).add("effect", after=0).set_hidden(0, True),
]


@pytest.mark.parametrize("composed", COMPOSED)
def test_a_composition_survives_its_link(composed):
    restored, notices = from_query(composed.to_query())
    assert notices == ()
    assert restored == composed
    assert restored.key() == composed.key()


def test_the_default_deck_has_a_clean_link_and_order():
    assert Composition().to_query() == {}
    assert [s.kind for s in Composition().slides] == list(SLIDES)
    assert from_query({}) == (Composition(), ())


def test_hidden_slides_keep_place_and_notes_but_leave_the_deck():
    composed = Composition().edit(2, notes="niet vergeten").set_hidden(2, True)
    assert "effect" not in [s.kind for s in composed.slides]
    query = composed.to_query()
    assert query["dias"] == "kerncijfers,trend,-effect,kaart,activiteiten,geleerd"
    restored, _ = from_query(query)
    assert restored.entries[2] == Entry(SlideSpec("effect", notes="niet vergeten"), hidden=True)


def test_text_slides_are_numbered_in_order_of_appearance():
    composed = Composition().add_text("B", "").add_text("A", "", after=-1)
    assert composed.tokens()[0] == "tekst:1" and composed.tokens()[-1] == "tekst:2"
    assert composed.to_query()["dias"].startswith("tekst:1,") and composed.slides[0].title == "A"


def test_edits_clean_what_people_type():
    composed = Composition().add_text("  Twee\nregels\x00 titel ", "a\r\nb\x07")
    spec = composed.slides[-1]
    assert spec.title == "Twee regels titel" and spec.text == "a\nb"
    assert composed.edit(6, title="").slides[-1].title == "Twee regels titel"  # a text slide keeps one
    assert composed.edit(0, title="Eigen").edit(0, title="").slides[0].title == ""  # back to the default
    assert composed.edit(0, text="ignored").slides[0].text == ""  # only text slides have a body
    assert len(Composition().edit(0, notes="n" * 5000).slides[0].notes) == cmp.MAX_NOTES


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda c: c.add("trend"), "kan niet worden toegevoegd"),
        (lambda c: c.add("tekst"), "kan niet worden toegevoegd"),
        (lambda c: c.add_text("   ", "body"), "titel"),
        (lambda c: Composition((c.entries[0],)).set_hidden(0, True), "laatste zichtbare"),
        (lambda c: Composition((c.entries[0],)).remove(0), "laatste zichtbare"),
    ],
)
def test_impossible_edits_say_why(edit, message):
    with pytest.raises(ValueError, match=message):
        edit(Composition())


def test_limits_on_slides_and_text_slides():
    composed = Composition()
    for n in range(cmp.MAX_TEXT_SLIDES):
        composed = composed.add_text(f"Dia {n}", "")
    with pytest.raises(ValueError, match="hoogstens"):
        composed.add_text("Een te veel", "")
    assert composed.move(0, 99).entries[-1].spec.kind == "kerncijfers"  # moves stop at the end
    assert composed.move(3, -99).entries[0].spec.kind == "kaart"


@pytest.mark.parametrize(
    ("query", "kinds", "notice"),
    [
        ({"dias": "kerncijfers,onzin,trend"}, ["kerncijfers", "trend"], "‘onzin’ in de link bestaat niet"),
        ({"dias": "trend,trend:2,tekst"}, ["trend"], "bestaat niet"),
        ({"dias": "trend,kaart,trend"}, ["trend", "kaart"], "meer dan eens"),
        ({"dias": "trend,tekst:1"}, ["trend"], "heeft geen titel"),
        ({"dias": "trend,tekst:123"}, ["trend"], "bestaat niet"),  # more than two digits
        ({"dias": "trend,tekst:99"}, ["trend"], "hoogstens"),
        ({"dias": "trend,tekst:20", "diatekst": _packed({"s": {"tekst:20": ["T"]}})}, ["trend"], "hoogstens"),
        ({"dias": "-trend,-kaart"}, list(SLIDES), "geen enkele zichtbare dia"),
        ({"dias": "trend," * 200}, list(SLIDES), "langer dan"),
        ({"dias": "trend", "diatekst": "1.%%%niet-base64"}, ["trend"], "konden niet worden gelezen"),
        ({"dias": "trend", "diatekst": "2." + _packed({})[2:]}, ["trend"], "konden niet worden gelezen"),
        ({"dias": "trend", "diatekst": "1.bm90LXpsaWI"}, ["trend"], "konden niet worden gelezen"),
        ({"dias": "trend", "diatekst": _packed(["geen", "object"])}, ["trend"], "konden niet worden gelezen"),
        (
            {"dias": "trend", "diatekst": _packed({"s": {"trend": [1, 2]}})},
            ["trend"],
            "konden niet worden gelezen",
        ),
        ({"dias": "trend", "diatekst": "1." + "A" * 20_000}, ["trend"], "konden niet worden gelezen"),
        # A small link that unpacks to megabytes is refused, not unpacked.
        (
            {"dias": "trend", "diatekst": _packed({"s": {"trend": ["", "", "x" * 2_000_000]}})},
            ["trend"],
            "gelezen",
        ),
        ({"dias": "trend", "diatekst": _packed({"s": {"trend": ["t" * 500]}})}, ["trend"], "ingekort"),
        ({"dias": ["kerncijfers", "kaart"]}, ["kaart"], None),  # a repeated parameter: the last counts
    ],
)
def test_a_broken_link_is_read_as_far_as_it_goes(query, kinds, notice):
    found, notices = from_query(query)
    assert [s.kind for s in found.slides] == kinds
    if notice is None:
        assert notices == ()
    else:
        assert any(notice in n for n in notices), notices


def test_shortened_texts_keep_their_limit():
    query = {"dias": "tekst:1", "diatekst": _packed({"s": {"tekst:1": ["t" * 500, "b" * 9000, "n" * 9000]}})}
    found, notices = from_query(query)
    spec = found.slides[0]
    assert (len(spec.title), len(spec.text), len(spec.notes)) == (cmp.MAX_TITLE, cmp.MAX_BODY, cmp.MAX_NOTES)
    assert len(notices) == 1


def test_notices_in_english():
    _, notices = from_query({"dias": "trend,foo"}, "en")
    assert notices and "does not exist" in notices[0]


@settings(max_examples=200, deadline=None)
@given(order=st.text(max_size=300), texts=st.text(max_size=300))
def test_any_link_gives_a_deck_with_a_slide(order, texts):
    found, notices = from_query({"dias": order, "diatekst": texts})
    assert found.slides
    assert all(isinstance(n, str) and n for n in notices)


@settings(max_examples=100, deadline=None)
@given(
    title=st.text(min_size=1, max_size=200).filter(lambda s: cmp.clean_title(s)),
    body=st.text(max_size=400),
    notes=st.text(max_size=400),
    where=st.integers(min_value=-1, max_value=8),
)
def test_any_typed_text_survives_the_link(title, body, notes, where):
    composed = Composition().add_text(title, body, after=where).edit(0, notes=notes)
    assert from_query(composed.to_query()) == (composed, ())
