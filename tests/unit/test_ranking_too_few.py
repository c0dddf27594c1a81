"""Vergelijken's ranking and a published count below k: listed apart, never ranked last.

A count of 1-4 reports is published as 0 six times in ten (ADR 0006), and 5 or 6 now and then as 0
too. Ranked, such a 0 came last with a rate of 0 and an interval, a precision the count does not
have. These tests hold every surface that shows the ranking (page table and its download, chart
and its alt text, map note, willingness table, the comparison slide) to one status: too few.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from tests.few_reports import QUIET, QUIET_NAME, quiet_store_url
from vsdash import charts_compare, charts_survey, compare, privacy

YEAR_START, YEAR_END = dt.date(2023, 1, 1), dt.date(2023, 12, 31)
TOO_FEW_NL = "te weinig meldingen om te rangschikken"


def _published_rates(true_counts: dict[str, int], keys: dict[str, int]) -> pd.DataFrame:
    """``municipality_rates`` of the published counts (as ``member_figures`` gives them), every one open."""
    codes = list(true_counts)
    published = [privacy.published_count(true_counts[c], keys[c]) for c in codes]
    channels = pd.DataFrame(
        {
            "kanaal_id": [f"{c}-web" for c in codes],
            "gemeentecode": codes,
            "naam": "web",
            "soort": "meldpunt_web",
            "start": "2019-01-01",
            "eind": None,
        }
    )
    population = pd.DataFrame({"gemeentecode": codes, "jaar": 2023, "inwoners": 100_000})
    counts = pd.DataFrame({"gemeentecode": codes, "n": published})
    return compare.municipality_rates(counts, population, channels, codes, YEAR_START, YEAR_END)


@pytest.mark.parametrize("true_count", [1, 2, 3, 4])
def test_a_few_reports_published_as_zero_are_listed_apart_not_ranked_last(true_count):
    """Simulated: every key that publishes 1-4 reports as 0 gives "too few", without a rank."""
    zero_keys = [k for k in range(256) if privacy.published_count(true_count, k) == 0]
    assert len(zero_keys) == 154  # ADR 0006's table: 154 of 256 slots
    for key in zero_keys[::25]:
        rates = _published_rates({"A": 400, "B": 60, "Q": true_count}, {"A": 7, "B": 91, "Q": key})
        ranked = compare.ranked_rates(rates, k=5)
        assert list(ranked["gemeentecode"]) == ["A", "B", "Q"]
        quiet = ranked.set_index("gemeentecode").loc["Q"]
        assert quiet["status"] == compare.TOO_FEW and pd.isna(quiet["rang"])
        # The published count and rate are unchanged (the key figures' own); only the rank goes.
        assert quiet["label"] == "0" and quiet["rate"] == 0
        assert list(ranked["rang"].dropna()) == [1, 2]


def test_a_count_of_k_or_more_is_ranked_with_its_interval():
    """The rule is the privacy threshold: a published 5 (which may be 1-7 reports) keeps its rank and
    its wide interval, which says how uncertain it is."""
    key = next(k for k in range(256) if privacy.published_count(5, k) == 5)
    ranked = compare.ranked_rates(_published_rates({"A": 400, "Q": 5}, {"A": 7, "Q": key}), k=5)
    quiet = ranked.set_index("gemeentecode").loc["Q"]
    assert quiet["status"] == compare.RANKED and quiet["rang"] == 2
    assert quiet["high"] > 2 * quiet["rate"]


def test_order_too_few_after_ranked_and_before_no_reporting_point():
    rates = _published_rates({"A": 400, "Q": 0, "B": 90}, {"A": 7, "Q": 0, "B": 3})
    closed = rates.iloc[[0]].assign(gemeentecode="Z", meldpunt=False, rate=np.nan, low=np.nan, high=np.nan)
    ranked = compare.ranked_rates(pd.concat([rates, closed], ignore_index=True), k=5)
    assert list(ranked["status"]) == [compare.RANKED, compare.RANKED, compare.TOO_FEW, compare.NO_CHANNEL]


def test_the_chart_its_alt_and_its_table_say_too_few():
    names = pd.Series({"A": "Aastad", "B": "Beedorp", "Q": "Stilwier"})
    rates = _published_rates({"A": 400, "B": 90, "Q": 0}, {"A": 7, "B": 3, "Q": 0})
    ranked = compare.ranked_rates(rates, k=5)
    chart = charts_compare.ranked_rate_chart(ranked, names=names, lang="nl")
    bars = chart.figure.data[0]
    assert not any("Stilwier" in str(label) for label in bars.y)  # no bar, so no place at the bottom
    assert "het laagst Beedorp" in chart.alt and f"1 met {TOO_FEW_NL}" in chart.alt
    row = chart.table.set_index("Gemeente").loc["Stilwier"]
    assert pd.isna(row["Rang"]) and row["95%-interval"] == ""
    assert row["Per 10.000 inwoners per jaar"] == "0,0"  # the published rate, as its key figures say
    assert row["Opmerking"] == TOO_FEW_NL and row["Meldingen"] == "0"
    english = charts_compare.ranking_table(
        compare.ranked_rates(rates, k=5, lang="en"), names=names, lang="en"
    )
    assert english.set_index("Municipality").loc["Stilwier", "Note"] == "too few reports to rank"


def test_the_willingness_table_says_too_few_where_a_survey_round_exists():
    """With a survey round, the quiet municipality's missing ratio is explained as too few, not withheld."""
    rates = _published_rates({"A": 400, "Q": 0}, {"A": 7, "Q": 0})
    survey = {"enquete_jaar": 2023.0, "prevalentie": 20.0, "marge": 1.5}
    rates = rates.assign(**survey, ratio=[0.02, 0.0], ratio_low=[0.018, 0.0], ratio_high=[0.022, 0.001])
    ranked = compare.ranked_rates(rates, k=5)
    table = charts_survey.ratio_table(ranked, names=pd.Series({"A": "Aastad", "Q": "Stilwier"}), lang="nl")
    quiet = table.set_index("Gemeente").loc["Stilwier"]
    assert quiet["Opmerking"] == TOO_FEW_NL and quiet["Meldingsbereidheid"] == ""
    assert table.set_index("Gemeente").loc["Aastad", "Meldingsbereidheid"] != ""


@pytest.fixture(scope="module")
def quiet_url(demo_store_url, tmp_path_factory):
    return quiet_store_url(demo_store_url, tmp_path_factory.mktemp("quiet"))


@pytest.fixture(scope="module")
def quiet_model(quiet_url):
    from vsdash.store import Store
    from vsdash.views.comparison import build_comparison

    store = Store(quiet_url)
    start, end = store.report_date_range()
    start = max(start, end - dt.timedelta(days=364))
    try:
        yield build_comparison(
            store,
            gemeente=None,
            programma=None,
            start=start,
            end=end,
            group_choice="alle",
            focus=None,
            metric="meldingen",
            boundaries=(None, "test"),
            lang="nl",
        )
    finally:
        store.close()


def test_the_comparison_model_lists_the_quiet_municipality_apart_everywhere(quiet_model):
    """Page text, ranking table (the page's table and its CSV download), chart, map and willingness."""
    from vsdash import spreadsheets

    model = quiet_model
    table = model.ranking.table
    row = table.set_index("Gemeente").loc[QUIET_NAME]
    assert pd.isna(row["Rang"]) and row["Opmerking"] == TOO_FEW_NL and row["95%-interval"] == ""
    assert row["Per 10.000 inwoners per jaar"] == "0,0"
    ranked_rows = table[table["Rang"].notna()]
    assert QUIET_NAME not in set(ranked_rows["Gemeente"]) and len(ranked_rows) >= 10
    # Listed right after the ranked municipalities, not among them.
    assert table.index[table["Gemeente"] == QUIET_NAME][0] == len(ranked_rows)
    assert model.not_ranked.startswith(f"Te weinig meldingen om te rangschikken: {QUIET_NAME}.")
    assert f"{QUIET_NAME} (0)" not in model.not_ranked
    assert f"1 met {TOO_FEW_NL}" in model.ranking.alt
    csv = spreadsheets.table_csv_bytes(table).decode("utf-8-sig")
    quiet_line = next(
        line for line in csv.splitlines() if line.startswith(QUIET_NAME) or f";{QUIET_NAME};" in line
    )
    assert TOO_FEW_NL in quiet_line
    # The map colours no rate of 0 for it; its note says why.
    on_map = model.map_chart.table.set_index("Gemeente").loc[QUIET_NAME]
    assert on_map["Meldingen per 10.000 inwoners per jaar"] == TOO_FEW_NL
    # The willingness table gives it no ratio (it has no survey round either) and never "afgeschermd".
    ratio = model.ratio.table.set_index("Gemeente").loc[QUIET_NAME]
    assert ratio["Meldingsbereidheid"] == "" and "afgeschermd" not in " ".join(map(str, ratio))


def test_the_comparison_slide_says_too_few_in_pdf_pptx_and_notes(quiet_url):
    """The peers slide (PDF picture, PPTX picture, alt text and council notes) gives the quiet
    municipality no dot and no rate of 0, but the same words as Vergelijken."""
    from matplotlib.text import Text

    from vsdash import deck_text, slide_figures
    from vsdash.peers import peer_comparison, peer_lines
    from vsdash.store import Store

    store = Store(quiet_url)
    start, end = store.report_date_range()
    start = max(start, end - dt.timedelta(days=364))
    try:
        peers = peer_comparison(store, gemeente=QUIET, start=start, end=end, lang="nl")
    finally:
        store.close()
    own = peers.table.iloc[0]
    assert own["naam"] == QUIET_NAME and np.isnan(own["rate"]) and own["label"] == TOO_FEW_NL
    assert peer_lines(peers.table, "nl")[0] == f"{QUIET_NAME}: geen cijfer ({TOO_FEW_NL})"

    class _Deck:  # what peers_figure and peers_alt read of a deck
        lang = "nl"

    deck = _Deck()
    deck.peers = peers.table
    fig = slide_figures.peers_figure(deck)
    texts = [text.get_text().strip() for text in fig.axes[0].findobj(Text)]
    assert TOO_FEW_NL in texts and "niet gepubliceerd" not in texts
    assert f"{QUIET_NAME} (deze selectie): {TOO_FEW_NL}" in deck_text.peers_alt(deck)
