"""Finding the table in a sheet with title rows above and totals or notes below (issue 20)."""

from __future__ import annotations

import pytest

from vsdash.sheet_layout import locate_table, normalise_label

HEADER = ["Meldingsnummer", "Datum melding", "Soort", "Bron", "X", "Y"]
DATA = [
    ["M-1", "03-01-2024", "verbaal", "app", "187523,1", "428412,7"],
    ["M-2", "04-01-2024", "fysiek", "website", "187100", "428900"],
    ["M-3", "05-01-2024", "overig", "telefoon", "", ""],
]
KNOWN = {"meldingsnummer", "datum_melding", "soort", "bron", "x", "y"}


@pytest.mark.parametrize(
    ("above", "below", "header_row", "skipped_below"),
    [
        ([], [], 1, ()),
        ([["Meldingen straatintimidatie Nijmegen 2024", "", "", "", "", ""]], [], 2, ()),
        (
            [["Meldingen Nijmegen"], ["Geëxporteerd op 02-01-2025"], [""]],
            [["Totaal", "3"]],
            4,
            (8,),
        ),
        ([["Overzicht"]], [[""], ["Bron: meldsysteem OOV"], ["300"]], 2, (7, 8)),
    ],
)
def test_header_and_trailer_rows_are_found(above, below, header_row, skipped_below):
    rows = [*above, HEADER, *DATA, *below]
    layout = locate_table(rows, KNOWN)
    assert layout.header_row == header_row
    assert layout.first_data_row == header_row + 1
    assert layout.last_data_row == header_row + len(DATA)
    assert layout.skipped_below == skipped_below
    assert layout.skipped_above == tuple(range(1, header_row))
    assert layout.moved == (header_row != 1 or bool(skipped_below))


def test_header_without_known_names_is_the_first_full_text_row():
    rows = [["Rapport"], ["kol a", "kol b", "kol c"], ["1", "2", "3"], ["4", "5", "6"]]
    assert locate_table(rows).header_row == 2


def test_a_data_row_that_starts_with_a_total_word_but_is_full_is_kept():
    rows = [HEADER, *DATA, ["Totaal-1", "06-01-2024", "verbaal", "app", "1", "2"]]
    assert locate_table(rows, KNOWN).last_data_row == 5


def test_chosen_header_row_overrides_the_guess():
    rows = [["Titel", "x"], HEADER, *DATA]
    assert locate_table(rows, KNOWN, header_row=1).header_row == 1
    with pytest.raises(ValueError, match="between 1 and 5"):
        locate_table(rows, KNOWN, header_row=9)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("X-coördinaat", "x_coordinaat"), (" Datum melding ", "datum_melding"), ("\ufeffBron", "bron")],
)
def test_normalise_label(text, expected):
    assert normalise_label(text) == expected
