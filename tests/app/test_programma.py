"""AppTest for the Programma page (issue 19): the ministry's view and the knowledge search."""

from __future__ import annotations

import datetime as dt

from tests.app.test_pages import run_page

PAGE = "pages/programma.py"
PERIOD = (dt.date(2022, 1, 1), dt.date(2022, 12, 31))


def _table(at, column: str):
    return next(df.value for df in at.dataframe if column in df.value.columns)


def test_programme_view_for_the_ministry(monkeypatch, demo_store_url):
    at = run_page(monkeypatch, demo_store_url, PAGE, {"periode": PERIOD, "periode_keuze": "eigen"})
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    assert at.title[0].value == "Programma: Veilige Steden"
    figures = {m.label: m.value for m in at.metric}
    # 2022: the 12 front-runners, Leiden, Nijmegen and Almelo, and Zaanstad in its last year.
    assert figures["Deelnemende gemeenten"] == "16"
    # State funding 2022: 4 x 50.000 + 12 x 30.000; co-financing the same.
    assert figures["Rijksbijdrage in de periode"] == "€\u00a0560.000"
    assert figures["Cofinanciering in de periode"] == "€\u00a0560.000"
    phases = _table(at, "fase")
    fase = dict(zip(phases["gemeente"], phases["fase"], strict=True))
    assert fase["Leiden"] == "opstart" and fase["Utrecht"] == "uitvoering"
    spread = _table(at, "verspreiding")
    assert (spread["gemeenten"] >= 1).all() and spread["gemeenten"].is_monotonic_decreasing
    knowledge = _table(at, "uitkomst")
    assert knowledge["titel"].str.contains("Safe Clubbing").all()
    assert any("gevonden voor" in m.value for m in at.markdown)


def test_knowledge_search_reacts_and_says_nothing_found(monkeypatch, demo_store_url):
    at = run_page(monkeypatch, demo_store_url, PAGE, {"prog_search": "suswachters"})
    assert not at.exception, at.exception
    assert _table(at, "uitkomst")["titel"].str.contains("Suswachters").all()
    at.text_input(key="prog_search").set_value("[x](javascript:alert(1))").run()
    assert not at.exception, at.exception
    shown = " ".join(m.value for m in at.markdown)
    assert "Niets gevonden" in shown
    assert "](javascript" not in shown  # the query is shown as plain text


def test_programme_view_in_english_for_another_programme(monkeypatch, demo_store_url):
    state = {"taal": "en", "programma": "leefbaarheid_veiligheid"}
    at = run_page(monkeypatch, demo_store_url, PAGE, state)
    assert not at.exception, at.exception
    assert at.title[0].value == "Programme: Leefbaarheid en Veiligheid"
    assert {m.label for m in at.metric} >= {"Participating municipalities", "Co-financing in the period"}


def _shown(at, column: str):
    """The first table with ``column`` as the reader sees it: Streamlit's display values, not the data.

    Without display values the browser formats the numbers itself, in its own language.
    """
    from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df

    proto = next(df.proto for df in at.dataframe if column in df.value.columns)
    shown = proto.arrow_data.styler.display_values
    assert shown, f"{column}: numbers left to the browser's language"
    return convert_arrow_bytes_to_pandas_df(shown)[column]


def test_amounts_are_written_in_the_pages_language_not_the_browsers(monkeypatch, demo_store_url):
    """Dutch: "€ 560.000" (CLDR nl_NL, no-break space); English: "€560,000", in figures and tables alike."""
    state = {"periode": PERIOD, "periode_keuze": "eigen"}
    for lang, amount, together, pattern in (
        ("nl", "€\u00a0560.000", "€\u00a01.120.000", r"€\u00a0\d{1,3}(\.\d{3})*"),
        ("en", "€560,000", "€1,120,000", r"€\d{1,3}(,\d{3})*"),
    ):
        at = run_page(monkeypatch, demo_store_url, PAGE, {**state, "taal": lang})
        assert not at.exception, at.exception
        for column in ("bijdrage_rijk_eur", "budget_eur"):  # the phases table, the budget table
            shown = _shown(at, column).dropna()
            assert len(shown) and shown.str.fullmatch(pattern).all(), (lang, column, shown.tolist())
        assert [m.value for m in at.metric][1:3] == [amount, amount]
        assert f"**{together}**" in " ".join(m.value for m in at.markdown)  # state and own, in the summary
