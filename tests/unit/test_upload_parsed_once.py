"""The Gegevens page reads an uploaded file once per upload, not on every rerun (issue 15, item 6)."""

from __future__ import annotations

from tests.db.helpers import reports_csv, utrecht_rows
from vsdash import ingest
from vsdash.ui.data_import import PREVIEW_ROWS, once_per_upload


def test_a_rerun_reuses_what_was_read_and_a_new_upload_reads_again(monkeypatch):
    calls = []
    real = ingest.read_table_layout

    def counted(*args, **kwargs):
        calls.append(args[1])
        return real(*args, **kwargs)

    monkeypatch.setattr(ingest, "read_table_layout", counted)
    state: dict = {}
    data = reports_csv(utrecht_rows(20))

    def read(file_id: str, header_row):
        return once_per_upload(
            state,
            file_id,
            ("layout", header_row),
            lambda: ingest.read_table_layout(data, "m.csv", header_row, max_rows=PREVIEW_ROWS),
        )

    first = read("upload-1", None)
    for _ in range(5):  # five clicks on the mapping widgets
        assert read("upload-1", None) is first
    read("upload-1", 1)
    assert len(calls) == 2  # the guessed header row and the one chosen, each once
    read("upload-2", None)  # another file: read again, and the first upload's reads are dropped
    assert len(calls) == 3 and ("layout", 1) not in state["_import_per_upload"]
