"""The 'channels' import kind: launch and end dates of reporting channels (issue 20)."""

from __future__ import annotations

import datetime as dt

import pytest

from vsdash import ingest
from vsdash.import_undo import data_hash

REPORTS = b"Meldingsnummer;Datum melding;Soort;Bron\n1;03-01-2024;verbaal;App\n2;04-01-2024;fysiek;Website\n"
CHANNELS = (
    b"gemeente;naam;start;eind\n"
    b"Nijmegen;App;01-06-2023;\n"
    b"Nijmegen;Website;01-01-2020;31-12-2024\n"
    b"Nijmegen;Wijkteam Oost;01-02-2024;\n"
)


def _channels(store) -> dict[str, tuple]:
    found = store.channels()
    return {
        r.kanaal_id: (
            r.naam,
            r.soort,
            r.start.date(),
            None if r.eind is None or r.eind != r.eind else r.eind.date(),
        )
        for r in found.itertuples()
    }


def test_channels_file_sets_dates_of_channels_reports_registered_and_undo_restores_them(empty_store):
    ingest.import_file(empty_store, REPORTS, "reports", file_name="m.csv", gemeente="GM0268")
    assert _channels(empty_store)["GM0268-app"][2] == dt.date(2024, 1, 3)  # first report
    before = data_hash(empty_store)
    result = ingest.import_file(empty_store, CHANNELS, "channels", file_name="k.csv")
    assert (result.written, result.duplicates) == (3, 0)
    channels = _channels(empty_store)
    assert channels["GM0268-app"] == ("App", "app", dt.date(2023, 6, 1), None)
    assert channels["GM0268-website"] == (
        "Website",
        "meldpunt_web",
        dt.date(2020, 1, 1),
        dt.date(2024, 12, 31),
    )
    assert channels["GM0268-wijkteam_oost"][1] == "wijkteam"  # kind from the name
    again = ingest.import_file(empty_store, CHANNELS, "channels", file_name="k.csv")
    assert (again.written, again.duplicates) == (0, 3)
    ingest.undo_last_import(empty_store)
    entry = ingest.undo_last_import(empty_store)
    assert entry["bestand"] == "k.csv"
    assert data_hash(empty_store) == before


@pytest.mark.parametrize(
    ("row", "fragment"),
    [
        (b"Nijmegen;App;31-02-2024;", "onmogelijke"),
        (b"Nijmegen;App;01-02-2024;01-01-2024", "vóór de startdatum"),
        (b"Atlantis;App;01-02-2024;", "onbekende gemeente"),
        (b"Nijmegen;;01-02-2024;", "verplicht"),
    ],
)
def test_bad_channel_rows_are_refused_with_the_reason(empty_store, row, fragment):
    result = ingest.import_file(
        empty_store, b"gemeente;naam;start;eind\n" + row + b"\n", "channels", file_name="k.csv"
    )
    assert result.refused and fragment in result.errors[0].message


def test_the_channels_template_imports(empty_store):
    for fmt in ("csv", "xlsx"):
        result = ingest.import_file(
            empty_store, ingest.template("channels", fmt), "channels", file_name=f"t.{fmt}", dry_run=True
        )
        assert result.accepted == 1 and not result.errors
