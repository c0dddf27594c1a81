"""A table read in chunks is the table read whole, cut into pieces, whatever the chunk size.

``TableStream`` holds the last rows back until the end of the file is known (a totals row is
only recognised there) and drops empty rows per chunk; the row numbers stay those of the sheet.
"""

from __future__ import annotations

import pandas as pd
import pytest

from tests.db.helpers import HEADER, utrecht_rows, xlsx
from vsdash import ingest


def _table() -> list[list[str]]:
    rows = [r.split(";") for r in utrecht_rows(45)]
    rows.insert(20, [""] * 7)  # an empty row halfway
    return [["Meldingen 2024"], [], HEADER.split(";"), *rows, ["Totaal", "", "", "", "", "", "45"]]


def _csv(table: list[list[str]]) -> bytes:
    return ("\r\n".join(";".join(r) for r in table) + "\r\n").encode("utf-8-sig")


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
@pytest.mark.parametrize("chunk_rows", [1, 7, 31, 10_000])
def test_chunks_together_are_the_whole_table(suffix, chunk_rows, tmp_path):
    data = xlsx(_table()) if suffix == "xlsx" else _csv(_table())
    whole = ingest.read_table(data, f"m.{suffix}")
    path = tmp_path / f"m.{suffix}"
    path.write_bytes(data)
    upload = ingest.open_source(path)
    assert upload.data is None  # read from the path, in slices, not loaded whole
    stream = ingest.TableStream(upload, chunk_rows=chunk_rows)
    chunks = list(stream)
    pd.testing.assert_frame_equal(pd.concat(chunks), whole)
    assert list(whole.index[:2]) == [4, 5] and 24 not in whole.index  # sheet rows; the empty row left out
    assert stream.layout.header_row == 3 and stream.layout.skipped_below == (50,)
    assert all(len(c) for c in chunks) and all(len(c) <= max(chunk_rows, 30) + 30 for c in chunks)
    assert len(chunks) == 1 if chunk_rows >= 45 else len(chunks) > 1 or chunk_rows > 30
    assert list(stream) and stream.layout.skipped_below == (50,)  # read again, the same


def test_a_broken_line_in_a_later_chunk_is_named_by_its_line_in_the_file(tmp_path):
    lines = [HEADER, *utrecht_rows(60)]
    lines[50] += ";te;veel"
    path = tmp_path / "m.csv"
    path.write_bytes(("\n".join(lines) + "\n").encode())
    message = "regel 51 heeft 9 kolommen, de kopregel 7"
    with pytest.raises(ingest.ImportRefused, match=message):
        list(ingest.TableStream(ingest.open_source(path), chunk_rows=7))
    with pytest.raises(ingest.ImportRefused, match=message):
        ingest.read_table(path.read_bytes(), "m.csv")


def test_the_sha256_of_a_path_is_that_of_its_bytes(tmp_path):
    data = _csv(_table()) * 2000  # more than one slice of a megabyte
    path = tmp_path / "m.csv"
    path.write_bytes(data)
    assert ingest.file_sha256(ingest.open_source(path)) == ingest.file_sha256(data)


@pytest.mark.parametrize("chunk_rows", [1, 2, 7])
def test_a_line_end_inside_quotes_does_not_cut_a_record(chunk_rows):
    quoted = '"U99";GM0344;"01-03-2024";;"ver\nbaal";52,09;5,12'
    text = "\n".join(["Titel", "", HEADER, *utrecht_rows(20), quoted, *utrecht_rows(40, prefix="V")])
    data = text.encode("utf-8-sig")
    whole = ingest.read_table_layout(data, "m.csv", max_rows=1000)[0]  # one parse, no chunks
    stream = ingest.TableStream(ingest.Upload("m.csv", len(data), data=data), chunk_rows=chunk_rows)
    chunked = pd.concat(list(stream))
    pd.testing.assert_frame_equal(chunked, whole)
    assert chunked.loc[24, "categorie"] == "ver\nbaal" and chunked.index[-1] == 64


def test_chunks_are_as_long_as_asked_not_twice_that():
    data = ("\n".join([HEADER, *utrecht_rows(1000)]) + "\n").encode()
    sizes = [len(c) for c in ingest.TableStream(ingest.Upload("m.csv", len(data), data=data), chunk_rows=100)]
    assert sum(sizes) == 1000 and max(sizes) == 100 and len(sizes) == 11  # 70, 100 x 9, 30 held back
