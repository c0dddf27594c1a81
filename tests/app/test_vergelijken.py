"""AppTest for the Vergelijken page: map, ranking with intervals, no rank without a meldpunt."""

from __future__ import annotations

from tests.app.test_pages import run_page

PAGE = "pages/vergelijken.py"


def _ranking(at):
    return next(df.value for df in at.dataframe if "Rang" in df.value.columns)


def test_all_municipalities_ranked_with_intervals(monkeypatch, demo_store_url):
    at = run_page(monkeypatch, demo_store_url, PAGE, {})
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    table = _ranking(at)
    ranked = table[table["Rang"].notna()]
    assert len(ranked) >= 10
    assert ranked["95%-interval"].str.match(r"^\d+,\d–\d+,\d$").all()
    assert list(ranked["Rang"]) == list(range(1, len(ranked) + 1))
    # Shown counts are never 1..4.
    assert not table["Meldingen"].isin(["1", "2", "3", "4"]).any()
    captions = " ".join(c.value for c in at.caption)
    assert "Bron: CBS, Kadaster" in captions
    assert "Nijmegen (2022)" in captions and "Zaanstad (2022)" in captions


def test_municipality_without_channel_is_not_ranked(monkeypatch, demo_store_url):
    at = run_page(monkeypatch, demo_store_url, PAGE, {"gemeente": "GM0080", "cmp_group": "alle"})
    assert not at.exception, at.exception
    table = _ranking(at)
    row = table[table["Gemeente"] == "Leeuwarden"].iloc[0]
    assert row["Meldingen"] == "geen meldpunt"
    assert row["Per 10.000 inwoners per jaar"] == ""
    assert row["Rang"] is None or str(row["Rang"]) in ("<NA>", "nan", "None")
    # Shown as plain text: markdown characters are escaped (names never render as markup).
    assert any("Leeuwarden (geen meldpunt)" in m.value.replace("\\", "") for m in at.markdown)


def test_comparable_municipalities_for_utrecht(monkeypatch, demo_store_url):
    at = run_page(monkeypatch, demo_store_url, PAGE, {"gemeente": "GM0344"})
    assert not at.exception, at.exception
    assert at.radio(key="cmp_group").value == "vergelijkbaar"
    table = _ranking(at)
    assert "Utrecht" in set(table["Gemeente"])
    # Chosen by characteristics (size class, G4, student city), not by reports per inhabitant.
    assert set(table["Gemeente"]) == {"Utrecht", "Amsterdam", "Rotterdam"}
    note = next(c.value for c in at.caption if "Vergelijkbaar met Utrecht" in c.value)
    assert "250.000 of meer inwoners hadden op 1 januari" in note
    assert "niet op het aantal meldingen" in note


def test_peer_group_g4(monkeypatch, demo_store_url):
    at = run_page(monkeypatch, demo_store_url, PAGE, {"cmp_group": "G4", "cmp_metric": "bijdrage"})
    assert not at.exception, at.exception
    table = _ranking(at)
    assert set(table["Gemeente"]) == {"Amsterdam", "Rotterdam", "Den Haag", "Utrecht"}
