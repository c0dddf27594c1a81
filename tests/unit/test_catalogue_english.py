"""The catalogue in English (english3): every text a download's definitions show has an English
version, and file names are built from labels safely."""

from __future__ import annotations

import re

import pytest

from vsdash import plain_text, spreadsheets
from vsdash.indicators import CATALOGUE

DUTCH = re.compile(r"gemeente|meldingen|periode|\bbron\b|eenheid|inwoners|geen\b|afgeschermd|openbaar", re.I)
FIELDS = ("unit", "denominator", "period_rule", "privacy_rule", "source")


@pytest.mark.parametrize("ind", CATALOGUE, ids=lambda ind: ind.id)
def test_every_indicator_has_english_unit_denominator_period_privacy_and_source(ind):
    for field in FIELDS:
        english = getattr(ind, f"{field}_in")("en")
        assert english and english != getattr(ind, field) or field == "unit" and english == "euro", (
            ind.id,
            field,
        )
        assert not DUTCH.search(english), (ind.id, field, english)
        assert getattr(ind, f"{field}_in")("nl") == getattr(ind, field)


def test_definitions_rows_follow_the_language():
    english, dutch = spreadsheets.definitions_rows("en"), spreadsheets.definitions_rows("nl")
    assert [row[0] for row in english] == [ind.id for ind in CATALOGUE]
    for row, ind in zip(english, CATALOGUE, strict=True):
        assert row[1:] == [
            ind.glossed_name("en"),
            ind.definition_en,
            ind.unit_en,
            ind.denominator_en,
            ind.period_rule_en,
            ind.privacy_rule_en,
            ind.source_en,
        ]
    for row, ind in zip(dutch, CATALOGUE, strict=True):
        assert row[1:] == [
            ind.glossed_name("nl"),
            ind.definition_nl,
            ind.unit,
            ind.denominator,
            ind.period_rule,
            ind.privacy_rule,
            ind.source,
        ]


@pytest.mark.parametrize(
    ("label", "stem"),
    [
        ("meldingen per 10.000 inwoners", "meldingen-per-10-000-inwoners"),
        ("Reports per 10,000 inhabitants", "reports-per-10-000-inhabitants"),
        ("deelname aan programma's", "deelname-aan-programma-s"),
        ("geëvalueerd: café", "geevalueerd-cafe"),
        ("../../etc/passwd", "etc-passwd"),
        ("  ", "download"),
    ],
)
def test_file_stem_is_a_safe_lower_case_name(label, stem):
    assert plain_text.file_stem(label) == stem
