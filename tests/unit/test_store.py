import datetime as dt

import pytest

from vsdash.store import ReportFilter, Store, StoreError, StoreLocation


@pytest.mark.parametrize(
    "url, backend, tail",
    [
        ("duckdb:///data/x.duckdb", "duckdb", "data/x.duckdb"),
        ("duckdb:////tmp/abs.duckdb", "duckdb", "/tmp/abs.duckdb"),
        ("postgresql://u@localhost:5432/db", "postgresql", "postgresql://u@localhost:5432/db"),
    ],
)
def test_store_urls(url, backend, tail):
    loc = StoreLocation.parse(url)
    assert loc.backend == backend
    assert loc.target.endswith(tail)


def test_unknown_url_explains_allowed_forms():
    with pytest.raises(StoreError, match="Toegestaan"):
        StoreLocation.parse("sqlite:///x.db")


def test_new_store_has_reference_tables_and_no_demo(empty_store):
    counts = empty_store.table_counts()
    assert counts == {"reports": 0, "activities": 0, "campaigns": 0, "risk_areas": 0, "municipalities": 342}
    assert not empty_store.is_demo()
    names = empty_store.municipalities().set_index("gemeentecode")["weergavenaam"]
    assert names["GM0363"] == "Amsterdam" and names["GM0518"] == "Den Haag"
    members = empty_store.memberships()
    vs = members[members["programma"] == "veilige_steden"]
    assert len(vs) == 16  # 12 since 2020, 3 since 2022, Zaanstad until 2022
    g4 = vs[vs["gemeentecode"].isin(["GM0363", "GM0599", "GM0518", "GM0344"])]
    assert set(g4["bijdrage_rijk_eur"]) == {50_000}
    assert set(vs[~vs.index.isin(g4.index)]["bijdrage_rijk_eur"]) == {30_000}
    zaanstad = vs[vs["gemeentecode"] == "GM0479"].iloc[0]
    assert zaanstad["jaar_eind"] == 2022


def test_population_is_the_cbs_total(empty_store):
    pop = empty_store.population()
    assert pop[pop["jaar"] == 2023]["inwoners"].sum() == 17_811_291
    assert pop[pop["jaar"] == 2024]["inwoners"].sum() == 17_942_942


def test_aggregates_match_raw_reports(demo_store_url):
    store = Store(demo_store_url)
    raw = store.query(
        "SELECT count(*) AS n FROM reports WHERE gemeentecode = 'GM0344' "
        "AND gebeurd_op >= DATE '2023-01-01' AND gebeurd_op < DATE '2024-01-01'"
    )["n"].iloc[0]
    flt = ReportFilter(("GM0344",), dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    assert store.count_reports(flt, "month")["n"].sum() == raw
    assert store.count_by_hour(flt)["n"].sum() == raw
    by_cat = store.count_reports(
        ReportFilter(("GM0344",), dt.date(2023, 1, 1), dt.date(2023, 12, 31), ("fysiek",)), "week"
    )
    assert 0 < by_cat["n"].sum() < raw


def test_grain_and_grouping_are_checked(demo_store_url):
    store = Store(demo_store_url)
    flt = ReportFilter(None, dt.date(2023, 1, 1), dt.date(2023, 3, 1))
    with pytest.raises(ValueError):
        store.count_reports(flt, "year")
    with pytest.raises(ValueError):
        store.count_reports(flt, "week", by=("melding_id",))


def test_failed_transaction_leaves_store_unchanged(empty_store):
    before = empty_store.content_hash()
    with pytest.raises(RuntimeError), empty_store.transaction() as cur:
        empty_store.execute("DELETE FROM municipalities", cursor=cur)
        raise RuntimeError("stop halfway")
    assert empty_store.content_hash() == before
