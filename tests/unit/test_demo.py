import json
import subprocess
import sys

import pandas as pd

from vsdash.settings import PROJECT_ROOT
from vsdash.store import Store


def _status(url: str) -> dict:
    out = subprocess.run(
        [sys.executable, "-m", "vsdash", "status", "--json", "--store", url],
        capture_output=True,
        text=True,
        check=True,
        cwd=PROJECT_ROOT,
    )
    return json.loads(out.stdout)


def test_same_seed_same_data(tmp_path):
    urls = [f"duckdb:///{tmp_path / f'd{i}.duckdb'}" for i in range(2)]
    for url in urls:
        subprocess.run(
            [sys.executable, "-m", "vsdash", "demo", "--seed", "7", "--reports", "5000", "--store", url],
            check=True,
            capture_output=True,
            cwd=PROJECT_ROOT,
        )
    assert _status(urls[0]) == _status(urls[1])
    assert _status(urls[0])["reports"] == 5000
    a, b = (Store(u) for u in urls)
    cols = "melding_id, gemeentecode, gebeurd_op, categorie, kanaal_id, h3_r8"
    pd.testing.assert_frame_equal(
        a.query(f"SELECT {cols} FROM reports ORDER BY gemeentecode, melding_id"),
        b.query(f"SELECT {cols} FROM reports ORDER BY gemeentecode, melding_id"),
    )


def test_demo_is_marked_and_realistic(demo_store_url):
    store = Store(demo_store_url)
    assert store.is_demo()
    reports = store.query("SELECT gebeurd_op, categorie, kanaal_id, h3_r8 FROM reports")
    hours = reports["gebeurd_op"].dt.hour
    assert (hours.isin([21, 22, 23, 0, 1, 2])).mean() > (hours.isin([6, 7, 8, 9, 10, 11])).mean()
    weekday = reports["gebeurd_op"].dt.dayofweek
    assert (weekday >= 5).mean() > 2 / 7  # busier at weekends
    assert set(reports["categorie"]) == {"verbaal", "non-verbaal", "fysiek", "achtervolgen", "overig"}
    assert reports["h3_r8"].notna().all()
    activities = store.activities()
    assert set(activities["categorie"]) == {"onderzoek", "preventie", "interventie", "repressie"}
    assert (activities["status"] == "uitgesteld_covid").any()


def test_covid_dip_is_visible(demo_store_url):
    store = Store(demo_store_url)
    weekly = store.query(
        "SELECT CAST(date_trunc('month', dag) AS DATE) AS m, sum(n) AS n FROM agg_daily "
        "WHERE gemeentecode = 'GM0363' GROUP BY 1"
    ).set_index("m")["n"]
    weekly.index = pd.to_datetime(weekly.index)
    lockdown = weekly["2020-04-01":"2020-05-31"].mean()
    before = weekly["2019-04-01":"2019-05-31"].mean()
    assert lockdown < 0.6 * before


def test_ground_truth_lifts_are_visible_in_counts(demo_store_url):
    """Weeks inside campaigns with a large true lift have more reports than the weeks around them."""
    store = Store(demo_store_url)
    truth = store.ground_truth().merge(store.campaigns(), on=["campagne_id", "gemeentecode"])
    ratios = []
    for row in truth[truth["lift"] >= 0.5].itertuples():
        daily = store.query(
            "SELECT dag, sum(n) AS n FROM agg_daily WHERE gemeentecode = $c GROUP BY dag",
            {"c": row.gemeentecode},
        )
        daily["dag"] = pd.to_datetime(daily["dag"])
        s, e = pd.Timestamp(row.start), pd.Timestamp(row.eind)
        inside = daily[(daily["dag"] >= s) & (daily["dag"] <= e)]["n"].sum() / ((e - s).days + 1)
        around = (
            daily[
                ((daily["dag"] >= s - pd.Timedelta(days=56)) & (daily["dag"] < s))
                | ((daily["dag"] > e) & (daily["dag"] <= e + pd.Timedelta(days=56)))
            ]["n"].sum()
            / 112
        )
        if around > 0:
            ratios.append(inside / around)
    assert len(ratios) >= 5
    assert pd.Series(ratios).median() > 1.3


def test_demo_activities_follow_memberships(demo_store_url):
    """Issue 19: no activity of a programme outside the municipality's years in that programme."""
    store = Store(demo_store_url)
    activities = store.activities()
    spans = store.memberships().set_index(["programma", "gemeentecode"])
    of_programme = activities[activities["programma"].notna()]
    assert {"veilige_steden", "leefbaarheid_veiligheid"} <= set(of_programme["programma"])
    for row in of_programme.itertuples():
        assert (row.programma, row.gemeentecode) in spans.index, row
        span = spans.loc[(row.programma, row.gemeentecode)]
        assert pd.Timestamp(row.start).year >= span["jaar_start"], row
        if pd.notna(span["jaar_eind"]):
            assert pd.notna(row.eind) and pd.Timestamp(row.eind).year <= span["jaar_eind"], row
    # Zaanstad stopped early 2022: nothing of it starts or runs after that.
    zaanstad = activities[activities["gemeentecode"] == "GM0479"]
    assert len(zaanstad) > 0
    assert (pd.to_datetime(zaanstad["start"]) < "2022-03-01").all()
    assert (pd.to_datetime(zaanstad["eind"]) < "2022-03-01").all()
    # Activities before a municipality joined are its own policy, not the programme's.
    before = activities[
        (activities["gemeentecode"] == "GM0546") & (pd.to_datetime(activities["start"]) < "2022")
    ]
    assert before["programma"].isna().all()


def test_demo_apv_bans_end_with_the_ruling(demo_store_url):
    """The 2018 APV bans end on 19 December 2019 (ECLI:NL:GHDHA:2019:3293); none runs after 1 July 2024."""
    store = Store(demo_store_url)
    bans = store.activities().query("type == 'apv_verbod'")
    early = bans[pd.to_datetime(bans["start"]) < "2019-12-19"]
    assert set(early["gemeentecode"]) == {"GM0363", "GM0599", "GM0855", "GM0758"}
    assert (pd.to_datetime(early["eind"]) == "2019-12-19").all()
    assert (bans["status"] == "afgerond").all()
    assert (pd.to_datetime(bans["eind"]) < "2024-07-01").all()
