"""Issue 19: survey figures (Veiligheidsmonitor style) imported, and the willingness to report.

Imports go through the one import path (dry run, all or nothing, undo, remembered columns); the
reporting ratio's interval is checked on simulated data with a known true ratio.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json

import numpy as np
import pandas as pd
import pytest

from vsdash import cli, column_mapping, import_undo, ingest, publication, survey
from vsdash.store import Store

HEADER = (
    "gemeente;jaar;straatintimidatie;straatintimidatie_marge;onveilig_buurt;onveilig_buurt_marge;basis;bron"
)
GOOD = [
    "GM0344;2021;12,5;1,4;17,1;1,7;305000;CBS Veiligheidsmonitor 2021",
    "GM0344;2023;14,0%;1,5;;;310000;CBS Veiligheidsmonitor 2023",
    "Nijmegen;2023;15,0;2,0;18,0;2,1;150000;CBS Veiligheidsmonitor 2023",
]


def _csv(rows: list[str], header: str = HEADER) -> bytes:
    return ("\r\n".join([header, *rows]) + "\r\n").encode("utf-8-sig")


def test_a_good_survey_file_is_written_with_shares_margins_and_base(empty_store):
    result = ingest.import_file(empty_store, _csv(GOOD), "survey", file_name="vm.csv", user="test")
    assert (result.accepted, result.rejected, result.written) == (3, 0, 3)
    rows = empty_store.survey_indicators().set_index(["gemeentecode", "jaar"])
    assert rows.loc[("GM0344", 2023), "straatintimidatie_pct"] == 14.0  # "14,0%" read as a share
    assert rows.loc[("GM0268", 2023), "onveilig_buurt_marge"] == 2.1  # a name found as its code
    assert pd.isna(rows.loc[("GM0344", 2023), "onveilig_buurt_pct"])
    assert rows.loc[("GM0344", 2021), "basis_omschrijving"] == "inwoners 15 jaar en ouder"
    assert (rows["import_id"] == result.import_id).all()
    again = ingest.import_file(empty_store, _csv(GOOD), "survey", file_name="vm.csv")
    assert (again.written, again.duplicates) == (0, 3)


@pytest.mark.parametrize(
    ("row", "column", "value", "allowed"),
    [
        (
            "GM0344;2019;112;1,4;;;305000;x",
            "straatintimidatie",
            "112",
            "aandeel in procent van 0 tot en met 100",
        ),
        ("GM0344;2019;12;-1;;;305000;x", "straatintimidatie_marge", "-1", "marge in procentpunten van 0"),
        ("GM0344;1999;12;1;;;305000;x", "jaar", "1999", "jaar van de enquêteronde van 2008"),
        ("GM0344;2091;12;1;;;305000;x", "jaar", "2091", f"tot en met {dt.date.today().year}"),
        ("GM9999;2019;12;1;;;305000;x", "gemeente", "GM9999", "gebruik een CBS-code"),
        ("GM0344;2019;veel;1;;;305000;x", "straatintimidatie", "veel", "percentage als getal"),
        ("GM0344;2019;12;1;17;;305000;x", "onveilig_buurt_marge", None, "een marge hoort bij een aandeel"),
        ("GM0344;2019;12;1;;;0;x", "basis", "0", "aantal mensen van 1"),
    ],
)
def test_a_bad_row_is_refused_in_dutch_naming_row_column_value_and_what_is_allowed(
    empty_store, row, column, value, allowed
):
    before = empty_store.content_hash()
    result = ingest.import_file(empty_store, _csv([GOOD[0], row]), "survey", file_name="vm.csv")
    assert result.refused and result.written == 0
    [error] = result.errors
    assert (error.row, error.column) == (3, column)
    if value is not None:
        assert error.value == value
    assert allowed in error.message
    sentence = error.sentence()
    assert sentence.startswith(f"rij 3, kolom '{column}'")
    assert empty_store.content_hash() == before  # the store is unchanged


def test_a_municipality_under_70000_inhabitants_is_imported_with_a_warning(empty_store):
    # Almelo has about 73.000 inhabitants, Zeist about 66.000 (CBS).
    rows = ["Almelo;2023;12,0;3,0;;;60000;x", "Zeist;2023;10,0;3,5;;;55000;x"]
    result = ingest.import_file(empty_store, _csv(rows), "survey", file_name="vm.csv")
    assert result.written == 2
    [warning] = [w for w in result.warnings if "70.000" in w]
    assert "Zeist" in warning and "Almelo" not in warning


def test_two_rows_for_one_municipality_and_year_are_refused(empty_store):
    result = ingest.import_file(empty_store, _csv([GOOD[0], GOOD[0]]), "survey", file_name="vm.csv")
    assert result.refused
    assert {e.row for e in result.errors} == {2, 3}
    assert all("meer dan eens" in e.message for e in result.errors)


def test_dry_run_writes_nothing_and_undo_restores_the_store(empty_store):
    before = import_undo.data_hash(empty_store)
    dry = ingest.import_file(empty_store, _csv(GOOD), "survey", file_name="vm.csv", dry_run=True)
    assert dry.accepted == 3 and empty_store.survey_indicators().empty
    ingest.import_file(empty_store, _csv(GOOD), "survey", file_name="vm.csv")
    assert len(empty_store.survey_indicators()) == 3
    entry = ingest.undo_last_import(empty_store)
    assert entry["verwijderd"] == 3
    assert import_undo.data_hash(empty_store) == before


def test_replacing_the_demo_wipes_its_survey_rounds_and_undo_brings_them_back(tmp_path):
    from vsdash.demo import generate_demo

    store = Store(f"duckdb:///{tmp_path / 'demo.duckdb'}")
    try:
        generate_demo(store, seed=1, reports=2000)
        before = import_undo.data_hash(store)
        with pytest.raises(ingest.ImportRefused, match="demodata"):
            ingest.import_file(store, _csv(GOOD), "survey", file_name="vm.csv")  # no mixing
        ingest.import_file(store, _csv(GOOD), "survey", file_name="vm.csv", replace_demo=True)
        rows = store.survey_indicators()
        assert len(rows) == 3 and not rows["bron"].str.startswith("Demodata").any()
        ingest.undo_last_import(store)
        assert import_undo.data_hash(store) == before
        assert store.survey_indicators()["bron"].str.startswith("Demodata").all()
    finally:
        store.close()


def test_a_municipal_file_with_own_headers_is_mapped_once_and_remembered(empty_store):
    header = "Jaar;Slachtoffers straatintimidatie (%);Marge;Inwoners 15+"
    data = _csv(["2023;13,1;1,9;160000"], header)
    mapping = {
        "straatintimidatie_pct": "Slachtoffers straatintimidatie (%)",
        "straatintimidatie_marge": "Marge",
    }
    mapping["basis_aantal"] = "Inwoners 15+"
    result = ingest.import_file(
        empty_store, data, "survey", file_name="nijmegen.csv", mapping=mapping, gemeente="Nijmegen"
    )
    assert result.written == 1
    remembered = column_mapping.recall_plan(empty_store, "survey", "GM0268")
    assert remembered["straatintimidatie_pct"].column == "Slachtoffers straatintimidatie (%)"
    # The next export of the same system maps itself.
    again = ingest.import_file(
        empty_store, _csv(["2025;12,0;1,8;161000"], header), "survey", file_name="n2.csv", gemeente="GM0268"
    )
    assert again.written == 1
    assert sorted(empty_store.survey_indicators()["jaar"]) == [2023, 2025]


def test_the_template_imports_as_it_is(empty_store, tmp_path):
    for fmt in ("csv", "xlsx"):
        store = Store(f"duckdb:///{tmp_path / f'{fmt}.duckdb'}")
        result = ingest.import_file(
            store, ingest.template("survey", fmt), "survey", file_name=f"sjabloon.{fmt}"
        )
        assert result.written == 1, result.errors
        store.close()


def _cli(argv: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = cli.main(argv)
    return code, out.getvalue()


def test_the_command_line_writes_the_template_and_imports_a_survey_file(tmp_path):
    code, text = _cli(["import", "--template", "survey"])
    assert code == 0 and text.splitlines()[0].startswith("gemeentecode;jaar;straatintimidatie_pct")
    target = tmp_path / "sjabloon.xlsx"
    assert _cli(["import", "--template", "survey", "-o", str(target)])[0] == 0
    assert target.read_bytes()[:2] == b"PK"
    path = tmp_path / "vm.csv"
    path.write_bytes(_csv(GOOD))
    url = f"duckdb:///{tmp_path / 'cli.duckdb'}"
    code, text = _cli(["import", str(path), "--kind", "survey", "--json", "--store", url])
    assert code == 0 and json.loads(text)["written"] == 3


def test_the_command_line_says_which_years_a_corrected_file_replaces_and_undo_restores_them(tmp_path):
    """Issue 19: a stored municipality-year with other figures is replaced, said in the dry run."""
    url = f"duckdb:///{tmp_path / 'cli.duckdb'}"
    first, corrected = tmp_path / "vm.csv", tmp_path / "vm-correctie.csv"
    first.write_bytes(_csv(GOOD))
    corrected.write_bytes(
        _csv(
            [
                GOOD[0],  # the same figures: already there, nothing replaced
                "GM0344;2023;16,0;1,5;;;310000;CBS Veiligheidsmonitor 2023 (gecorrigeerd)",
                "Nijmegen;2021;13,0;2,0;;;150000;CBS Veiligheidsmonitor 2021",  # a new year
                "Nijmegen;2023;15,5;2,0;18,0;2,1;150000;CBS Veiligheidsmonitor 2023",
            ]
        )
    )
    assert _cli(["import", str(first), "--kind", "survey", "--store", url])[0] == 0
    store = Store(url)
    before = store.survey_indicators()
    stored = import_undo.data_hash(store)
    store.close()
    code, text = _cli(["import", str(corrected), "--kind", "survey", "--dry-run", "--store", url])
    assert code == 0
    assert (
        "Let op: Deze import vervangt de cijfers van 2023 voor Nijmegen en de cijfers van 2023 voor Utrecht."
        in text
    )
    assert "1 al aanwezig" in text
    code, text = _cli(["import", str(corrected), "--kind", "survey", "--json", "--store", url])
    found = json.loads(text)
    assert code == 0 and (found["written"], found["duplicates"]) == (3, 1)
    assert found["replaced"] == [
        {"gemeentecode": "GM0268", "jaar": 2023},
        {"gemeentecode": "GM0344", "jaar": 2023},
    ]
    store = Store(url)
    try:
        rows = store.survey_indicators().set_index(["gemeentecode", "jaar"])
        assert rows.loc[("GM0344", 2023), "straatintimidatie_pct"] == 16.0
        assert rows.loc[("GM0268", 2023), "straatintimidatie_pct"] == 15.5
        ingest.undo_last_import(store)
        pd.testing.assert_frame_equal(store.survey_indicators(), before)
        assert import_undo.data_hash(store) == stored
    finally:
        store.close()


# -- the statistics ------------------------------------------------------------------------------


def test_the_round_used_is_the_latest_at_or_before_the_period_end():
    rows = pd.DataFrame({"gemeentecode": ["A", "A", "A", "B"], "jaar": [2019, 2021, 2023, 2025]})
    used = survey.rounds_used(rows, ["A", "B"], dt.date(2022, 6, 30)).set_index("gemeentecode")
    assert used.loc["A", "jaar"] == 2021
    assert "B" not in used.index  # a later round says nothing about an earlier period


def _simulate_coverage(p0, base, years, ratio0, sample, runs, rng):
    se = np.sqrt(p0 * (1 - p0) / sample)
    hits = 0
    for _ in range(runs):
        p_hat = max(p0 + rng.normal(0, se), 1e-4)
        reports = int(rng.poisson(ratio0 * p0 * base * years))
        _, low, high = survey.reporting_ratio(reports, p_hat * base * years, se * base * years)
        hits += low <= ratio0 <= high
    return hits / runs


@pytest.mark.parametrize(
    ("p0", "base", "years", "ratio0", "sample", "lo", "hi"),
    [
        (0.13, 300_000, 1.0, 0.01, 1000, 0.93, 0.97),  # a big city over a year: ~390 reports
        (0.15, 150_000, 0.25, 0.004, 600, 0.93, 0.975),  # a quarter: ~22 reports
        (0.10, 80_000, 0.1, 0.002, 400, 0.94, 0.995),  # ~2 reports: exact count interval, conservative
    ],
)
def test_the_ratio_interval_covers_the_true_ratio_95_percent_of_the_time(
    p0, base, years, ratio0, sample, lo, hi
):
    coverage = _simulate_coverage(p0, base, years, ratio0, sample, 3000, np.random.default_rng(19))
    assert lo <= coverage <= hi


def test_ignoring_the_survey_margin_would_undercover():
    """The survey's margin matters: a count-only interval misses the truth far too often."""
    rng = np.random.default_rng(7)
    p0, base, ratio0, se = 0.13, 300_000, 0.01, 0.01
    misses = 0
    for _ in range(2000):
        p_hat = p0 + rng.normal(0, se)
        reports = int(rng.poisson(ratio0 * p0 * base))
        _, low, high = survey.reporting_ratio(reports, p_hat * base, 0.0)
        misses += not (low <= ratio0 <= high)
    assert misses / 2000 > 0.2


def test_no_reports_gives_zero_with_an_upper_bound_and_a_survey_at_zero_gives_none():
    ratio, low, high = survey.reporting_ratio(0, 1000.0, 100.0)
    assert (ratio, low) == (0.0, 0.0) and 0 < high < np.inf
    assert survey.reporting_ratio(10, 1000.0, 600.0)[2] == np.inf  # the interval of people reaches 0
    with pytest.raises(ValueError):
        survey.reporting_ratio(10, 0.0, 1.0)


def test_a_pooled_share_covers_the_true_group_share():
    rng = np.random.default_rng(3)
    truth = {"A": (0.12, 300_000, 1500), "B": (0.18, 100_000, 500)}
    group = sum(p * b for p, b, _ in truth.values()) / sum(b for _, b, _ in truth.values())
    hits = 0
    for _ in range(2000):
        rows = []
        for code, (p, b, n) in truth.items():
            se = np.sqrt(p * (1 - p) / n)
            rows.append(
                {
                    "gemeentecode": code,
                    "straatintimidatie_pct": 100 * (p + rng.normal(0, se)),
                    "straatintimidatie_marge": 100 * 1.96 * se,
                    "basis_aantal": b,
                }
            )
        pooled = survey.pooled_share(pd.DataFrame(rows))
        hits += abs(pooled.percent - 100 * group) <= pooled.margin
    assert 0.93 <= hits / 2000 <= 0.97


# -- the published figures ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo(demo_store_url):
    store = Store(demo_store_url)
    yield store
    store.close()


def test_the_demo_has_labelled_survey_rounds_for_every_demo_municipality(demo):
    from vsdash.demo import DEMO_MUNICIPALITIES, SURVEY_ROUNDS

    rows = demo.survey_indicators()
    assert set(rows["gemeentecode"]) == set(DEMO_MUNICIPALITIES)
    assert sorted(rows["jaar"].unique()) == list(SURVEY_ROUNDS)
    assert rows["bron"].str.startswith("Demodata (fictief)").all() and (rows["import_id"] == "demo").all()
    assert rows["straatintimidatie_pct"].between(0, 100).all() and (rows["straatintimidatie_marge"] > 0).all()


def test_figures_json_carries_prevalence_and_the_ratio_from_the_published_count(demo, demo_store_url):
    code, text = _cli(
        [
            "figures",
            "--gemeente",
            "GM0344",
            "--from",
            "2024-01-01",
            "--to",
            "2024-12-31",
            "--json",
            "--store",
            demo_store_url,
        ]
    )
    data = json.loads(text)
    assert data["survey"]["years"] == [2023]  # no 2024 round: the latest before, and it says so
    row = demo.survey_indicators().query("gemeentecode == 'GM0344' and jaar == 2023").iloc[0]
    assert data["survey_prevalence"] == pytest.approx(row["straatintimidatie_pct"])
    years = data["days"] / 365.25
    expected = data["reports"] / (row["straatintimidatie_pct"] / 100 * row["basis_aantal"] * years)
    assert data["reporting_ratio"] == pytest.approx(expected, rel=1e-4)
    assert data["reporting_ratio_low"] < data["reporting_ratio"] < data["reporting_ratio_high"]
    # The same reports per year as the rate: ratio × people who experienced it = rate × inhabitants.
    figures = publication.key_figures(
        demo, gemeente="GM0344", start=dt.date(2024, 1, 1), end=dt.date(2024, 12, 31)
    )
    per_year = figures.rate_per_10k_per_year * figures.inhabitants / 10_000
    experienced = row["straatintimidatie_pct"] / 100 * row["basis_aantal"]
    assert figures.survey.ratio * experienced == pytest.approx(per_year)


def test_without_a_survey_round_the_figures_say_why(demo):
    figures = publication.key_figures(
        demo, gemeente="GM0344", start=dt.date(2019, 1, 1), end=dt.date(2019, 3, 31)
    )
    assert figures.survey is not None  # the 2019 round
    early = publication.key_figures(
        demo, gemeente="GM0344", start=dt.date(2018, 1, 1), end=dt.date(2018, 12, 31)
    )
    data = early.as_json()
    assert data["survey_prevalence"] is None and data["reporting_ratio"] is None
    assert data["reasons"]["survey_prevalence"]["code"] == publication.REASON_NO_SURVEY
    assert "Geen enquêtecijfer" in early.survey_notes("nl")["survey"]


def test_a_group_ratio_sums_its_members(demo):
    start, end = dt.date(2023, 1, 1), dt.date(2023, 12, 31)
    group = publication.key_figures(demo, programma="veilige_steden", start=start, end=end)
    rows = publication.member_figures(demo, group.codes, start, end)
    covered = rows[rows["ratio"].notna()]
    assert group.survey.ratio == pytest.approx(covered["n"].sum() / covered["ervaren"].sum())
    assert set(group.survey.ratio_codes) == set(covered["gemeentecode"])
