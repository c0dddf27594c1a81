"""Comparable municipalities: one definition, chosen by characteristics, never by report counts."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pandas as pd
import pytest

from vsdash import characteristics, reference
from vsdash.store import Store
from vsdash.views.comparison import build_comparison

PERIOD = (dt.date(2024, 1, 1), dt.date(2024, 12, 31))


def _chars(rows):
    """Characteristics from (code, inhabitants, g4, student city) rows."""
    return pd.DataFrame(rows, columns=["gemeentecode", "inwoners", "g4", "studentenstad"]).assign(
        jaar=2024, grootteklasse=lambda d: d["inwoners"].map(characteristics.size_class)
    )


@pytest.mark.parametrize(
    ("inhabitants", "klasse"),
    [(0, 0), (19_999, 0), (20_000, 1), (99_999, 2), (100_000, 3), (149_999, 3), (150_000, 4), (250_000, 5)],
)
def test_size_classes_follow_the_cbs_bounds(inhabitants, klasse):
    assert characteristics.size_class(inhabitants) == klasse


def test_size_class_rejects_a_negative_population():
    with pytest.raises(ValueError, match="-1"):
        characteristics.size_class(-1)


CHARS = _chars(
    [
        ("A", 300_000, True, True),
        ("B", 900_000, True, True),
        ("C", 260_000, True, False),  # same class, G4, no university
        ("D", 240_000, False, True),
        ("E", 30_000, False, False),
        ("F", 280_000, True, True),
    ]
)


@pytest.mark.parametrize(
    ("code", "pool", "expected"),
    [
        # All three characteristics alike, closest in inhabitants first.
        ("A", "BCDEF", (("F", "B"), "kenmerken")),
        # No candidate alike in all three: the same size class.
        ("A", "CD", (("C",), "grootteklasse")),
        # Nothing in the size class: the NEAREST closest in inhabitants, whatever they are.
        ("E", "ABCD", (("D", "C", "A"), "inwonertal")),
        # No other candidate, or the municipality itself unknown.
        ("A", "A", ((), "inwonertal")),
        ("Z", "ABC", ((), "inwonertal")),
    ],
)
def test_the_first_rule_that_finds_anyone_chooses(code, pool, expected):
    assert characteristics.comparable(CHARS, code, tuple(pool)) == expected


def test_characteristics_of_the_real_population():
    chars = characteristics.municipality_characteristics(reference.load_population(), 2024)
    by_code = chars.set_index("gemeentecode")
    assert by_code.loc["GM0363", "grootteklasse"] == 5  # Amsterdam: 250.000 of meer
    assert by_code.loc["GM0141", "grootteklasse"] == 2  # Almelo: 50.000 tot 100.000
    assert by_code.loc["GM0344", "g4"] and by_code.loc["GM0344", "studentenstad"]
    assert set(characteristics.SOURCES) == {"grootteklasse", "g4", "studentenstad"}


@pytest.fixture()
def private_store(demo_store_url, tmp_path):
    copy = tmp_path / "demo.duckdb"
    shutil.copy(Path(demo_store_url.removeprefix("duckdb:///")), copy)
    opened = Store(f"duckdb:///{copy}")
    yield opened
    opened.close()


def _vergelijken(store: Store, code: str):
    return build_comparison(
        store,
        gemeente=code,
        programma=None,
        start=PERIOD[0],
        end=PERIOD[1],
        group_choice="vergelijkbaar",
        focus=None,
        metric="meldingen",
        boundaries=(None, "test"),
        lang="nl",
    )


def test_the_group_does_not_change_when_members_report_counts_change(private_store):
    """Rotterdam loses every report and Amsterdam half: Utrecht's comparable group stays the same."""
    before = characteristics.comparable_group(
        private_store, gemeente="GM0344", start=PERIOD[0], end=PERIOD[1]
    )
    page_before = _vergelijken(private_store, "GM0344")
    assert before.codes == ("GM0599", "GM0363") and before.basis == "kenmerken"
    with private_store.transaction() as cur:
        private_store.execute("DELETE FROM reports WHERE gemeentecode = 'GM0599'", cursor=cur)
        private_store.execute(
            "DELETE FROM reports WHERE gemeentecode = 'GM0363' AND record_key % 2 = 0", cursor=cur
        )
        private_store.rebuild_aggregates(["GM0599", "GM0363"], cursor=cur)
        private_store.bump_version(cursor=cur)
    after = characteristics.comparable_group(private_store, gemeente="GM0344", start=PERIOD[0], end=PERIOD[1])
    assert after == before
    page_after = _vergelijken(private_store, "GM0344")
    assert page_after.group == page_before.group == ("GM0344", *before.codes)
    # The counts did change: the page ranks other rates for the same group.
    assert not page_after.ranking.table.equals(page_before.ranking.table)


def test_the_sentence_says_how_the_group_was_chosen(private_store):
    names = private_store.municipalities().set_index("gemeentecode")["weergavenaam"]
    utrecht = characteristics.comparable_group(
        private_store, gemeente="GM0344", start=PERIOD[0], end=PERIOD[1]
    )
    assert utrecht.sentence(names, "nl") == (
        "Vergelijkbaar met Utrecht: de deelnemers van Veilige Steden met een meldpunt die net als Utrecht "
        "250.000 of meer inwoners hadden op 1 januari 2024 (CBS), een G4-stad en een studentenstad zijn: "
        "Rotterdam, Amsterdam. Gekozen op kenmerken, niet op het aantal meldingen."
    )
    almelo = characteristics.comparable_group(
        private_store, gemeente="GM0141", start=PERIOD[0], end=PERIOD[1]
    )
    assert almelo.basis == "inwonertal" and len(almelo.codes) == characteristics.NEAREST
    assert "dichtst bij" in almelo.sentence(names, "nl") and "50.000 tot 100.000" in almelo.sentence(
        names, "nl"
    )
    assert "closest in population" in almelo.sentence(names, "en")
