"""Issue 19: the survey table on both backends (DuckDB and a real PostgreSQL server)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from vsdash import import_undo, ingest, publication
from vsdash.store import Store

SURVEY_CSV = (
    "gemeentecode;jaar;straatintimidatie_pct;straatintimidatie_marge;onveilig_avond_pct;onveilig_avond_marge;"
    "basis_aantal;basis_omschrijving\r\n"
    "GM0344;2021;12,5;1,4;28,0;2,0;305000;inwoners 15 jaar en ouder\r\n"
    "GM0344;2023;14,0;1,5;;;310000;inwoners 15 jaar en ouder\r\n"
).encode("utf-8-sig")


@pytest.fixture()
def store(store_url):
    s = Store(store_url)
    yield s
    s.close()


def test_survey_rows_are_written_read_back_and_undone(store):
    before = import_undo.data_hash(store)
    result = ingest.import_file(store, SURVEY_CSV, "survey", file_name="vm.csv", user="test")
    assert result.written == 2
    rows = store.survey_indicators()
    assert list(rows["jaar"]) == [2021, 2023]
    assert rows["straatintimidatie_pct"].tolist() == [12.5, 14.0]
    assert rows["onveilig_avond_pct"].isna().tolist() == [False, True]
    assert rows["basis_aantal"].tolist() == [305000, 310000]
    figures = publication.key_figures(
        store, gemeente="GM0344", start=dt.date(2022, 1, 1), end=dt.date(2022, 12, 31)
    )
    assert figures.survey.years == (2021,) and figures.survey.prevalence == pytest.approx(12.5)
    assert figures.as_json()["reporting_ratio"] is None  # no reporting point: no ratio, and why
    assert figures.reasons["reporting_ratio"] == publication.REASON_NO_CHANNEL
    again = ingest.import_file(store, SURVEY_CSV, "survey", file_name="vm.csv")
    assert (again.written, again.duplicates) == (0, 2)
    ingest.undo_last_import(store)
    ingest.undo_last_import(store)
    assert store.survey_indicators().empty
    assert import_undo.data_hash(store) == before


def test_a_store_made_before_the_survey_table_gets_it_on_opening(store_url):
    first = Store(store_url)
    first.execute("DROP TABLE survey_indicators")
    first.close()
    reopened = Store(store_url)
    try:
        assert reopened.survey_indicators().empty
        assert ingest.import_file(reopened, SURVEY_CSV, "survey", file_name="vm.csv").written == 2
    finally:
        reopened.close()


CORRECTED_CSV = (
    "gemeentecode;jaar;straatintimidatie_pct;straatintimidatie_marge;onveilig_avond_pct;onveilig_avond_marge;"
    "basis_aantal;basis_omschrijving\r\n"
    "GM0344;2021;12,5;1,4;28,0;2,0;305000;inwoners 15 jaar en ouder\r\n"
    "GM0344;2023;15,2;1,6;31,5;2,1;312000;inwoners 15 jaar en ouder\r\n"
).encode("utf-8-sig")


def test_a_corrected_survey_year_replaces_the_stored_one_and_undo_restores_it(store):
    """Issue 19: a year already stored with other figures is replaced, said first, and undone exactly."""
    first = ingest.import_file(store, SURVEY_CSV, "survey", file_name="vm.csv", user="test")
    stored = import_undo.data_hash(store)
    preview = ingest.import_file(store, CORRECTED_CSV, "survey", file_name="vm-correctie.csv", dry_run=True)
    assert "Deze import vervangt de cijfers van 2023 voor Utrecht." in preview.warnings[-1]
    assert preview.replaced == [{"gemeentecode": "GM0344", "jaar": 2023}] and preview.duplicates == 1
    assert import_undo.data_hash(store) == stored  # a preview writes nothing

    result = ingest.import_file(store, CORRECTED_CSV, "survey", file_name="vm-correctie.csv", user="test")
    assert (result.written, result.duplicates) == (1, 1)
    assert result.replaced == preview.replaced
    assert any("vervangt de cijfers van 2023 voor Utrecht" in w for w in result.warnings)
    rows = store.survey_indicators().set_index("jaar")
    assert rows.loc[2023, "straatintimidatie_pct"] == pytest.approx(15.2)
    assert rows.loc[2023, "import_id"] == result.import_id
    assert rows.loc[2021, "import_id"] == first.import_id  # the unchanged year stays as it was
    figures = publication.key_figures(
        store, gemeente="GM0344", start=dt.date(2023, 1, 1), end=dt.date(2023, 12, 31)
    )
    assert figures.survey.prevalence == pytest.approx(15.2)

    ingest.undo_last_import(store)
    rows = store.survey_indicators().set_index("jaar")
    assert rows.loc[2023, "straatintimidatie_pct"] == pytest.approx(14.0)
    assert pd.isna(rows.loc[2023, "onveilig_avond_pct"])
    assert rows.loc[2023, "import_id"] == first.import_id
    assert import_undo.data_hash(store) == stored
