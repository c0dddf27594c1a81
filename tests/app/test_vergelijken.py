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


def test_a_municipality_with_too_few_reports_is_listed_apart_not_ranked_last(
    monkeypatch, demo_store_url, tmp_path
):
    """A published 0 (a few reports, ADR 0006) gets no rank or interval: it is named apart."""
    from tests.few_reports import QUIET_NAME, quiet_store_url

    at = run_page(monkeypatch, quiet_store_url(demo_store_url, tmp_path), PAGE, {"cmp_group": "alle"})
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    table = _ranking(at)
    ranked = table[table["Rang"].notna()]
    assert QUIET_NAME not in set(ranked["Gemeente"])
    assert list(ranked["Rang"]) == list(range(1, len(ranked) + 1))
    row = table[table["Gemeente"] == QUIET_NAME].iloc[0]
    assert row["Opmerking"] == "te weinig meldingen om te rangschikken"
    assert row["95%-interval"] == "" and row["Per 10.000 inwoners per jaar"] == "0,0"  # as its key figures
    assert table.index[table["Gemeente"] == QUIET_NAME][0] == len(ranked)  # right after the ranked
    said = " ".join(m.value.replace("\\", "") for m in at.markdown)
    assert f"Te weinig meldingen om te rangschikken: {QUIET_NAME}." in said
    # The download is the same table: the "Toon als tabel" switch shows it with the same note.
    at.toggle(key="cmp_ranked__table").set_value(True).run()
    assert not at.exception, at.exception
    shown = [
        df.value for df in at.dataframe if "Opmerking" in df.value.columns and "Rang" in df.value.columns
    ]
    assert len(shown) >= 2 and all(
        (df.set_index("Gemeente").loc[QUIET_NAME, "Opmerking"] == row["Opmerking"]) for df in shown
    )
