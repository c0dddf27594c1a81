import pandas as pd
import pandera.errors
import pytest

from vsdash import schema
from vsdash.settings import PROJECT_ROOT


def test_every_table_has_described_columns_and_valid_ddl():
    import duckdb

    con = duckdb.connect()
    for table in schema.ALL_TABLES:
        assert table.description
        assert all(col.description for col in table.columns), table.name
        con.execute(table.ddl("duckdb"))


def test_reports_hold_no_free_text_or_coordinates():
    names = set(schema.REPORTS.column_names)
    assert not names & {"lat", "lon", "omschrijving", "tekst", "beschrijving", "naam", "email"}


@pytest.mark.parametrize(
    "column, value",
    [("categorie", "scheldwoord"), ("gemeentecode", None), ("melding_id", None)],
)
def test_validation_rejects_bad_report_values(column, value):
    row = {c: None for c in schema.REPORTS.column_names} | {
        "melding_id": "M1",
        "gemeentecode": "GM0363",
        "gebeurd_op": "2024-01-01 22:00",
        "ontvangen_op": "2024-01-01 22:05",
        "categorie": "verbaal",
    }
    row[column] = value
    with pytest.raises(pandera.errors.SchemaErrors):
        schema.validate_frame(schema.REPORTS, pd.DataFrame([row]))


def test_validation_refuses_duplicate_keys():
    frame = pd.DataFrame({"sleutel": ["a", "a"], "waarde": ["1", "2"]})
    with pytest.raises(pandera.errors.SchemaErrors):
        schema.validate_frame(schema.META, frame)


def test_data_dictionary_is_up_to_date():
    doc = (PROJECT_ROOT / "docs" / "data-dictionary.md").read_text(encoding="utf-8")
    assert doc.strip() == schema.data_dictionary_markdown().strip(), "run: python -m vsdash docs"


def test_cli_docs_are_up_to_date(monkeypatch):
    from vsdash.commands.docs import cli_markdown

    monkeypatch.setenv("COLUMNS", "100")
    doc = (PROJECT_ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert doc.strip() == cli_markdown().strip(), "run: COLUMNS=100 python -m vsdash docs"
