"""Fuzzing every importer: malformed files give clear refusals or row errors, never an unexpected
exception, and a refused import leaves the store's content hash unchanged."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.utils.exceptions import IllegalCharacterError

from tests.db.helpers import HEADER, reports_csv, utrecht_rows, xlsx
from vsdash import ingest
from vsdash.store import Store

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

cells = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        [
            "=1+1",
            "+31",
            "-5",
            "@SUM(A1)",
            "31-02-2024",
            "00-00-0000",
            "1e309",
            "nan",
            "inf",
            "GM0344",
            "Utrecht",
            "verbaal",
            "52,09",
            "5,12",
            "x" * 5000,
        ]
    ),
    st.integers(-(10**12), 10**12).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
)
rows = st.lists(st.lists(cells, min_size=0, max_size=9), min_size=0, max_size=12)
separators = st.sampled_from([";", ",", "\t", "|"])


@pytest.fixture(scope="module")
def fuzz_store(tmp_path_factory):
    # One store per backend for the whole module; refused imports must leave it unchanged.
    url = f"duckdb:///{tmp_path_factory.mktemp('fuzz') / 'fuzz.duckdb'}"
    store = Store(url)
    ingest.import_file(store, reports_csv(utrecht_rows(20)), "reports", file_name="basis.csv")
    yield store
    store.close()


def _attempt(store: Store, data: bytes, kind: str, name: str) -> None:
    before = store.content_hash()
    try:
        result = ingest.import_file(store, data, kind, file_name=name, dry_run=False)
    except ingest.ImportRefused as exc:
        assert str(exc) and "Traceback" not in str(exc)
        assert store.content_hash() == before
        return
    if result.refused:
        assert result.errors and all(e.message for e in result.errors)
        assert store.content_hash() == before
    else:
        ingest.undo_last_import(store)  # keep the store small and comparable


@FUZZ
@given(
    data=st.binary(max_size=2000),
    kind=st.sampled_from(ingest.KINDS),
    suffix=st.sampled_from([".csv", ".xlsx", ".geojson", ".txt"]),
)
def test_random_bytes(fuzz_store, data, kind, suffix):
    _attempt(fuzz_store, data, kind, f"f{suffix}")


@FUZZ
@given(
    body=rows,
    sep=separators,
    kind=st.sampled_from(ingest.KINDS),
    header=st.booleans(),
    cut=st.integers(0, 400),
)
def test_malformed_csv(fuzz_store, body, sep, kind, header, cut):
    head = (
        HEADER.replace(";", sep)
        if header
        else sep.join(ingest.EXAMPLES[kind if kind != "risk-areas" else "reports"])
    )
    text = "\n".join([head, *(sep.join(r) for r in body)])
    data = text.encode("utf-8", errors="surrogatepass")
    _attempt(
        fuzz_store,
        data[: len(data) - cut] if cut < len(data) else data,
        kind if kind != "risk-areas" else "reports",
        "f.csv",
    )


@FUZZ
@given(body=rows, kind=st.sampled_from(["reports", "activities", "campaigns", "population"]))
def test_malformed_xlsx(fuzz_store, body, kind):
    head = list(ingest.EXAMPLES[kind])
    clean = [[c.encode("utf-8", "ignore").decode().replace("\x00", "")[:1000] for c in r] for r in body]
    try:
        data = xlsx([head, *clean])
    except IllegalCharacterError:  # openpyxl refuses control characters; such a file cannot exist
        return
    _attempt(fuzz_store, data, kind, "f.xlsx")


@FUZZ
@given(body=st.text(max_size=500), kind=st.sampled_from(["risk-areas"]))
def test_malformed_geojson(fuzz_store, body, kind):
    _attempt(
        fuzz_store,
        ('{"type": "FeatureCollection", "features": [' + body).encode("utf-8", "surrogatepass"),
        kind,
        "f.geojson",
    )
