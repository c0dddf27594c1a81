"""An import read in chunks stores, refuses and reports exactly what a one-chunk import does.

A big file is read ``CHUNK_ROWS`` rows at a time (issue 15, item 6: a 200 MB import took 4,2 GB).
Here the chunks are 7 rows, so a 100-row file crosses eight chunk borders: duplicates, totals rows,
new channels and refused rows on either side of a border must come out as from one chunk, on both
backends, and an error or a crash in the last chunk must leave the store as it was.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.db.conftest import new_postgres_database
from vsdash import ingest
from vsdash.ingest import transaction
from vsdash.store import Store

HEADER = "melding_id;gemeentecode;datum;tijd;categorie;breedtegraad;lengtegraad;kanaal"
CHUNK = 7


def _rows() -> list[str]:
    """100 reports with refused rows, a key repeated ten chunks apart, and channels across chunks."""
    cats = ("verbaal", "non-verbaal", "fysiek", "achtervolgen", "overig")
    rows = []
    for i in range(100):
        day = f"{i % 28 + 1:02d}-{i % 12 + 1:02d}-2024"
        channel = "Wijkteam Noord" if i % 3 == 0 else ("Meldpunt" if i % 3 == 1 else "")
        rows.append(f"U{i};GM0344;{day};{i % 24:02d}:15;{cats[i % 5]};52,09{i % 10};5,12{i % 7};{channel}")
    rows[3] = rows[3].replace("04-04-2024", "31-02-2024")  # an impossible date
    rows[10] = rows[10].replace("verbaal", "onbekend")  # not in the vocabulary
    rows[50] = "U50;GM0344;21-09-2024;20:15;verbaal;52,37;4,89;Meldpunt"  # Amsterdam, not Utrecht
    rows[75] = rows[75].replace("U75;", "U1;", 1)  # the key of row 1, ten chunks later
    # The earliest report of a new channel comes late in the file.
    rows[90] = "U90;GM0344;01-01-2024;08:00;fysiek;52,090;5,120;Straatcoach"
    rows[12] = "U12;GM0344;05-05-2024;08:00;fysiek;52,091;5,121;Straatcoach"
    rows.insert(17, ";;;;;;;")  # an empty row halfway
    return rows


def _file(rows: list[str]) -> bytes:
    lines = ["Meldingen Utrecht 2024", "", HEADER, *rows, "Totaal: 99;;;;;;;"]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8-sig")


@pytest.fixture(params=["duckdb", "postgresql"])
def two_stores(request, tmp_path):
    """Two fresh, empty stores on the same backend."""
    if request.param == "duckdb":
        urls = [f"duckdb:///{tmp_path / name}" for name in ("a.duckdb", "b.duckdb")]
    else:
        server = request.getfixturevalue("postgres_server")
        urls = [new_postgres_database(server), new_postgres_database(server)]
    stores = [Store(url) for url in urls]
    yield stores
    for s in stores:
        s.close()


def _stored(store: Store) -> dict:
    """Everything an import writes, without what is random or named per import."""

    def table(sql: str):
        return store.query(sql).astype(str).to_dict("records")

    return {
        "reports": table(
            "SELECT * EXCLUDE (record_key, import_id) FROM reports ORDER BY melding_id"
            if store.dialect == "duckdb"
            else "SELECT melding_id, gemeentecode, gebeurd_op, ontvangen_op, kanaal_id, categorie, h3_r7, "
            "h3_r8, h3_r9, wijkcode, risicogebied_id FROM reports ORDER BY melding_id"
        ),
        "rejections": table(
            "SELECT rij, kolom, waarde, melding, gegevens FROM import_rejections ORDER BY rij, melding"
        ),
        "channels": table("SELECT * FROM channels ORDER BY kanaal_id"),
        "daily": table(
            "SELECT gemeentecode, dag, categorie, kanaal_id, n FROM agg_daily ORDER BY 1, 2, 3, 4"
        ),
        "log": table("SELECT bestand, soort, aanvaard, geweigerd, geschreven, dubbel FROM import_log"),
    }


def _reported(result: ingest.ImportResult) -> dict:
    found = result.as_dict()
    found.pop("import_id")
    found.pop("rejections_file")
    found["rows"] = result.rows
    found["layout"] = result.layout
    return found


def test_an_import_in_chunks_stores_refuses_and_reports_what_one_chunk_does(two_stores):
    data = _file(_rows())
    chunks = list(ingest.TableStream(ingest.Upload("m.csv", len(data), data=data), chunk_rows=CHUNK))
    assert len(chunks) >= 9 and sum(map(len, chunks)) == 100
    chunked, whole = (
        ingest.import_file(s, data, "reports", file_name="m.csv", skip_invalid=True, chunk_rows=size)
        for s, size in zip(two_stores, (CHUNK, 10_000), strict=True)
    )
    assert _reported(chunked) == _reported(whole)
    assert _stored(two_stores[0]) == _stored(two_stores[1])
    # What both found, so the comparison is not between two empty imports.
    assert (whole.rows, whole.written, whole.rejected) == (100, 95, 5)
    assert {e.row for e in whole.errors} == {5, 7, 14, 55, 80}  # rows 5 and 80 share key U1
    assert whole.layout.header_row == 3 and whole.layout.skipped_below == (105,)
    straatcoach = two_stores[0].query("SELECT * FROM channels WHERE naam = 'Straatcoach'")
    assert str(straatcoach["start"].iloc[0])[:10] == "2024-01-01"  # its first report is in the last chunk
    if two_stores[0].dialect == "duckdb":
        texts = [Path(r.rejections_file).read_text(encoding="utf-8-sig") for r in (chunked, whole)]
        assert texts[0] == texts[1] and texts[0].count("\n") == 6


def test_a_key_repeated_in_another_chunk_refuses_both_rows(two_stores):
    store = two_stores[0]
    rows = [r for r in _rows() if r != ";;;;;;;"]
    clean = [r.replace("31-02", "28-02").replace("onbekend", "verbaal") for r in rows]
    clean[50] = "U50;GM0344;21-09-2024;20:15;verbaal;52,091;5,121;Meldpunt"
    result = ingest.import_file(store, _file(clean), "reports", file_name="m.csv", chunk_rows=CHUNK)
    assert result.refused and result.written == 0
    assert [(e.row, e.column, e.value) for e in result.errors] == [
        (5, "melding_id", "U1"),
        (79, "melding_id", "U1"),
    ]
    assert "meer dan eens" in result.errors[0].message
    assert store.query("SELECT count(*) AS n FROM reports")["n"].iloc[0] == 0


def test_an_error_in_the_last_chunk_leaves_the_store_as_it_was(two_stores):
    store = two_stores[0]
    ingest.import_file(
        store, _file(["V1;GM0344;01-03-2024;;verbaal;52,09;5,12;"]), "reports", file_name="v.csv"
    )
    before = store.content_hash(), len(store.import_log())
    rows = [f"W{i};GM0344;02-03-2024;10:00;verbaal;52,09;5,12;Meldpunt" for i in range(100)]
    rows[-1] = rows[-1].replace("02-03-2024", "31-02-2024")
    result = ingest.import_file(store, _file(rows), "reports", file_name="w.csv", chunk_rows=CHUNK)
    assert result.refused and result.written == 0 and result.import_id is None
    assert [e.row for e in result.errors] == [103]
    assert (store.content_hash(), len(store.import_log())) == before


def test_a_crash_in_the_last_chunk_leaves_the_store_and_the_folder_as_they_were(
    two_stores, monkeypatch, tmp_path
):
    store = two_stores[0]
    before = store.content_hash()
    added = transaction.ImportWriter.add
    calls = []

    def crash_on_the_last(self, valid, errors, raw, columns, rows, *args):
        calls.append(rows)
        if self.rows_seen + rows >= 100:
            raise RuntimeError("stroom uitgevallen")
        return added(self, valid, errors, raw, columns, rows, *args)

    monkeypatch.setattr(transaction.ImportWriter, "add", crash_on_the_last)
    with pytest.raises(RuntimeError):
        ingest.import_file(
            store, _file(_rows()), "reports", file_name="m.csv", skip_invalid=True, chunk_rows=CHUNK
        )
    assert len(calls) > 2  # earlier chunks were written, with refused rows, before the crash
    assert store.content_hash() == before and store.import_log().empty
    if store.dialect == "duckdb":
        folder = Path(store.location.target).parent / "imports"
        assert not folder.exists() or not any(folder.iterdir())
