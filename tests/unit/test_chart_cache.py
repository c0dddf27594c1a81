"""Chart specs are built and localised once per key and shared (ADR 0005)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from vsdash import charts
from vsdash.ui import cached


@pytest.fixture(autouse=True)
def _empty_cache():
    cached._chart.clear()
    yield
    cached._chart.clear()


def _bar_builder(calls: list):
    def build() -> charts.ChartSpec:
        calls.append(1)
        table = pd.DataFrame(
            {"categorie": ["preventie", "repressie"], "n": [1200, 3], "label": ["1.200", "3"]}
        )
        return charts.category_bar_chart(table, "categorie", lang="nl", title="Activiteiten")

    return build


def test_same_key_builds_once_and_shares_the_spec():
    calls: list = []
    first = cached.chart(("bars", "GM0344", dt.date(2024, 1, 1)), "nl", _bar_builder(calls))
    again = cached.chart(("bars", "GM0344", dt.date(2024, 1, 1)), "nl", _bar_builder(calls))
    assert len(calls) == 1
    assert again is first


def test_another_key_or_language_builds_again():
    calls: list = []
    nl = cached.chart(("bars", "GM0344"), "nl", _bar_builder(calls))
    other = cached.chart(("bars", "GM0363"), "nl", _bar_builder(calls))
    en = cached.chart(("bars", "GM0344"), "en", _bar_builder(calls))
    assert len(calls) == 3
    assert nl is not other and nl is not en
    assert nl.figure.layout.separators == ",." and en.figure.layout.separators == ".,"
    assert (nl.localised, en.localised) == ("nl", "en")


def test_a_failing_build_is_not_cached():
    attempts: list = []

    def flaky() -> charts.ChartSpec:
        attempts.append(1)
        if len(attempts) == 1:
            raise RuntimeError("store busy")
        return _bar_builder([])()

    with pytest.raises(RuntimeError):
        cached.chart(("flaky",), "nl", flaky)
    assert cached.chart(("flaky",), "nl", flaky).localised == "nl"
    assert len(attempts) == 2


def test_localise_runs_once_per_language(monkeypatch):
    spec = _bar_builder([])()
    seen: list = []
    real = charts.localise_figure
    monkeypatch.setattr(charts, "localise_figure", lambda fig, lang: seen.append(lang) or real(fig, lang))
    spec.localise("nl").localise("nl").localise("en")
    assert seen == ["nl", "en"]


def _wire_json(figure) -> str:
    """What Streamlit sends to the browser for ``figure`` (``st.plotly_chart``'s own two steps)."""
    import plotly.io
    import plotly.tools

    return plotly.io.to_json(plotly.tools.return_figure_from_figure_or_data(figure, True), validate=False)


def test_a_drawn_spec_sends_the_same_figure_and_converts_it_once(monkeypatch):
    spec = _bar_builder([])()
    reference = _bar_builder([])().localise("en")
    conversions: list = []
    real = type(spec.figure).to_dict
    monkeypatch.setattr(type(spec.figure), "to_dict", lambda fig: conversions.append(1) or real(fig))
    first = spec.for_drawing("en")
    conversions.clear()
    sent = [_wire_json(spec.for_drawing("en")) for _ in range(3)]
    assert conversions == []  # the dict made when first drawn is handed out again
    assert spec.for_drawing("en") is first
    assert sent == [_wire_json(reference.figure)] * 3


def test_a_drawn_spec_follows_a_change_of_language():
    spec = _bar_builder([])()
    nl = _wire_json(spec.for_drawing("nl"))
    en = _wire_json(spec.for_drawing("en"))
    assert '"separators":",."' in nl and '"separators":".,"' in en
    assert en == _wire_json(_bar_builder([])().localise("en").figure)


def test_a_drawn_spec_survives_a_copy_and_a_pickle():
    """st.cache_data pickles what it caches; a spec drawn before that must come back whole."""
    import copy
    import pickle

    spec = _bar_builder([])()
    sent = _wire_json(spec.for_drawing("nl"))
    for twin in (pickle.loads(pickle.dumps(spec)), copy.deepcopy(spec)):
        assert _wire_json(twin.drawn[1]) == sent
        assert _wire_json(twin.for_drawing("nl")) == sent
