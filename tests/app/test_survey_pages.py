"""Issue 19: Overzicht and Vergelijken show the willingness to report next to the report rate.

The demo store carries survey rounds 2019-2025 for the demo municipalities; a store without
survey figures says so instead of showing a number.
"""

from __future__ import annotations

import datetime as dt

from tests.app.test_pages import run_page
from vsdash import publication
from vsdash.store import Store

PLAIN = "Meer meldingen bij gelijke ervaren intimidatie betekent dat meer mensen melden"
PERIOD = (dt.date(2024, 1, 1), dt.date(2024, 12, 31))


def _captions(at) -> list[str]:
    return [c.value for c in at.caption]


def test_overview_shows_the_ratio_and_prevalence_next_to_the_rate(monkeypatch, demo_store_url):
    at = run_page(
        monkeypatch, demo_store_url, "pages/overzicht.py", {"gemeente": "GM0344", "periode": PERIOD}
    )
    assert not at.exception, at.exception
    labels = [m.label for m in at.metric]
    # A second row, column by column under the first: the ratio under the report rate.
    # The ratio's key figure names its unit: "50,2" alone reads as a percentage or a score.
    assert labels.index("Meldingsbereidheid (per 1.000)") == labels.index("Per 10.000 inwoners per jaar") + 4
    assert labels.index("Ervaren intimidatie") == labels.index("Meldingen") + 4
    shown = {m.label: m.value for m in at.metric}
    store = Store(demo_store_url)
    try:
        figures = publication.key_figures(store, gemeente="GM0344", start=PERIOD[0], end=PERIOD[1])
    finally:
        store.close()
    assert shown["Meldingsbereidheid (per 1.000)"] == figures.labels("nl")["reporting_ratio"] != "–"
    assert shown["Ervaren intimidatie"] == figures.labels("nl")["survey_prevalence"]
    text = " ".join(_captions(at))
    assert "Veiligheidsmonitor 2023 (de laatste ronde tot en met 2024)" in text  # which round
    assert text.count(PLAIN) == 1
    # The willingness caveat is said once on the page, not again under the trend.
    assert "meldingsbereidheid" in text.lower()
    assert sum("niet per se dat er meer intimidatie is" in c for c in _captions(at)) == 0


def test_overview_says_when_there_is_no_survey_figure(monkeypatch, empty_store):
    url = empty_store.url
    empty_store.close()
    at = run_page(monkeypatch, url, "pages/overzicht.py", {"gemeente": "GM0344"})
    assert not at.exception, at.exception
    shown = {m.label: m.value for m in at.metric}
    assert shown["Meldingsbereidheid (per 1.000)"] == "–"
    assert any("Geen enquêtecijfer (Veiligheidsmonitor)" in c for c in _captions(at))


def test_comparison_shows_the_ratio_per_municipality_with_its_round(monkeypatch, demo_store_url):
    at = run_page(monkeypatch, demo_store_url, "pages/vergelijken.py", {"cmp_group": "G4", "periode": PERIOD})
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    assert any(s.value.startswith("Meldingsbereidheid") for s in at.subheader)
    table = next(df.value for df in at.dataframe if "Enquêteronde" in df.value.columns)
    assert set(table["Gemeente"]) == {"Amsterdam", "Rotterdam", "Den Haag", "Utrecht"}
    assert set(table["Enquêteronde"]) == {"2023"}
    assert table["Meldingsbereidheid"].str.match(r"^\d+,\d \(\d+,\d–\d+,\d\)$").all()
    text = " ".join(_captions(at))
    assert text.count(PLAIN) == 1
    # The caveat is in the introduction; the small multiples no longer repeat it.
    assert "niet per se dat er meer intimidatie is" not in text


def test_comparison_names_municipalities_without_a_survey_figure(monkeypatch, demo_store_url):
    at = run_page(
        monkeypatch, demo_store_url, "pages/vergelijken.py", {"gemeente": "GM0080", "cmp_group": "alle"}
    )
    assert not at.exception, at.exception
    table = next(df.value for df in at.dataframe if "Enquêteronde" in df.value.columns)
    leeuwarden = table[table["Gemeente"] == "Leeuwarden"].iloc[0]
    assert leeuwarden["Opmerking"] == "geen enquêtecijfer"
    assert leeuwarden["Meldingsbereidheid"] == ""


def test_with_campaigns_and_a_ratio_the_caveat_is_said_once(monkeypatch, demo_store_url):
    # Every demo municipality over three years: national campaigns ran, and survey rounds exist.
    period = (dt.date(2022, 1, 1), dt.date(2024, 12, 31))
    at = run_page(monkeypatch, demo_store_url, "pages/overzicht.py", {"periode": period})
    assert not at.exception, at.exception
    text = " ".join(_captions(at))
    assert text.count("Een campagne die naar het meldpunt verwijst") == 1
    assert text.count(PLAIN) == 1
    assert "niet per se dat er meer intimidatie is" not in text


def test_campaigns_page_says_the_caveat_once(monkeypatch, demo_store_url):
    state = {"gemeente": "GM0855", "campagne": "benjijok-2023", "campagne_gemeente": "GM0855"}
    at = run_page(monkeypatch, demo_store_url, "pages/campagnes.py", state)
    assert not at.exception, at.exception
    assert at.metric, "the effect card is shown"
    assert sum("niet per se dat er meer intimidatie is" in c for c in _captions(at)) == 1
