"""The knowledge register on both backends (issue 19): columns, import, refusal, older stores."""

from __future__ import annotations

import pytest

from vsdash import knowledge
from vsdash.ingest import import_file
from vsdash.store import Store

HEADER = "activiteit_id;gemeente;categorie;type;titel;start;status;uitkomst;lessen;evaluatie_url;contact_rol"
ROW = (
    "K-1;Utrecht;interventie;uitgaanspersoneel_training;Safe Clubbing;01-03-2023;afgerond;"
    "12 zaken getraind;Train vóór de zomer;https://example.org/sc;Gemeente Utrecht, beleidsadviseur nachtleven"
)


@pytest.fixture()
def store(store_url):
    s = Store(store_url)
    yield s
    s.close()


def test_knowledge_fields_round_trip(store):
    result = import_file(store, f"{HEADER}\n{ROW}\n".encode(), "activities", file_name="k.csv")
    assert result.written == 1
    row = store.activities().iloc[0]
    assert (row["uitkomst"], row["lessen"]) == ("12 zaken getraind", "Train vóór de zomer")
    assert (row["evaluatie_url"], row["contact_rol"]) == (
        "https://example.org/sc",
        "Gemeente Utrecht, beleidsadviseur nachtleven",
    )
    hits = knowledge.search_knowledge(store, "safe clubbing")
    assert list(hits["activiteit_id"]) == ["K-1"]
    assert hits["venster"].iloc[0] == "geen risicogebieden"


def test_a_name_as_contact_changes_nothing(store):
    before = store.content_hash()
    bad = ROW.replace("Gemeente Utrecht, beleidsadviseur nachtleven", "Piet Bakker, beleidsadviseur")
    result = import_file(store, f"{HEADER}\n{bad}\n".encode(), "activities", file_name="k.csv")
    assert result.refused and "persoonsnaam" in result.errors[0].message
    assert store.content_hash() == before


def test_a_store_without_the_columns_gets_them(store_url):
    old = Store(store_url)
    for column in knowledge.KNOWLEDGE_FIELDS:
        old.execute(f"ALTER TABLE activities DROP COLUMN {column}")
    old.close()
    reopened = Store(store_url)
    try:
        assert set(knowledge.KNOWLEDGE_FIELDS) <= set(reopened.activities().columns)
    finally:
        reopened.close()
