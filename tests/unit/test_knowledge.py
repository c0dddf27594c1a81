"""The knowledge register (issue 19): import of outcomes and lessons, refusals, search, the deck."""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd
import pytest

from vsdash import knowledge, presentation
from vsdash.contact_role import contact_role_problem
from vsdash.ingest import import_file, template
from vsdash.ingest.parsing import _is_web_address
from vsdash.store import Store

HEADER = "activiteit_id;gemeente;categorie;type;titel;start;status;uitkomst;lessen;evaluatie_url;contact_rol"


def _csv(*rows: str) -> bytes:
    return ("\n".join([HEADER, *rows]) + "\n").encode("utf-8")


GOOD = _csv(
    "K-1;Utrecht;interventie;uitgaanspersoneel_training;Safe Clubbing Neude;01-03-2023;afgerond;"
    "12 zaken getraind;Train vóór de zomer;https://example.org/safe-clubbing;"
    "Gemeente Utrecht, beleidsadviseur nachtleven",
    "K-2;GM0014;preventie;campagne;Posters [klik](javascript:alert(1));01-09-2023;afgerond;"
    "**Meer** meldingen;Meldpunt eerst;;Team OOV, gemeente Groningen, projectleider",
)


def test_import_stores_the_knowledge_fields(empty_store):
    result = import_file(empty_store, GOOD, "activities", file_name="kennis.csv")
    assert not result.refused and result.written == 2
    stored = empty_store.activities().set_index("activiteit_id")
    assert stored.loc["K-1", "uitkomst"] == "12 zaken getraind"
    assert stored.loc["K-1", "evaluatie_url"] == "https://example.org/safe-clubbing"
    assert stored.loc["K-2", "contact_rol"] == "Team OOV, gemeente Groningen, projectleider"
    assert pd.isna(stored.loc["K-2", "evaluatie_url"])


@pytest.mark.parametrize(
    ("column", "value", "expected"),
    [
        ("evaluatie_url", "javascript:alert(1)", "http:// of https://"),
        ("evaluatie_url", "www.utrecht.nl/evaluatie", "http:// of https://"),
        ("evaluatie_url", "file:///etc/passwd", "http:// of https://"),
        ("contact_rol", "j.jansen@utrecht.nl", "e-mailadres"),
        ("contact_rol", "Jan Jansen, beleidsadviseur", "'Jan', 'Jansen'"),
        ("contact_rol", "mevr. Bakker, projectleider", "aanspreekvorm"),
        ("contact_rol", "J. de Vries, adviseur", "voorletters"),
        ("contact_rol", "Gemeente Utrecht", "noemt geen functie"),
        ("contact_rol", "projectleider 06-12345678", "telefoonnummer"),
    ],
)
def test_bad_knowledge_rows_are_refused_in_dutch_and_change_nothing(empty_store, column, value, expected):
    fields = {
        "evaluatie_url": "https://example.org/ok",
        "contact_rol": "Gemeente Utrecht, beleidsadviseur nachtleven",
    }
    fields[column] = value
    bad = _csv(
        "K-1;Utrecht;interventie;omstandertraining;Omstandertraining;01-03-2023;afgerond;goed;les;"
        "https://example.org/a;Gemeente Utrecht, projectleider",
        "K-2;Utrecht;interventie;omstandertraining;Training;01-04-2023;afgerond;goed;les;"
        f"{fields['evaluatie_url']};{fields['contact_rol']}",
    )
    before = empty_store.content_hash()
    result = import_file(empty_store, bad, "activities", file_name="kennis.csv")
    assert result.refused and result.rejected == 1
    (error,) = result.errors
    assert (error.row, error.column) == (3, column)
    assert expected in error.message
    assert empty_store.content_hash() == before


def test_refused_contact_is_not_kept_with_skip_invalid(empty_store):
    """A refused contact may be the very name or e-mail address: the refusal log leaves it out."""
    bad = _csv(
        "K-1;Utrecht;interventie;omstandertraining;Training;01-03-2023;afgerond;goed;les;;j.jansen@utrecht.nl"
    )
    result = import_file(empty_store, bad, "activities", file_name="kennis.csv", skip_invalid=True)
    assert result.rejected == 1
    kept = empty_store.query("SELECT waarde, gegevens FROM import_rejections")
    assert "jansen" not in " ".join(kept.astype(str).to_numpy().ravel())


def test_template_carries_the_knowledge_fields_and_imports(empty_store):
    frame = pd.read_csv(io.BytesIO(template("activities")), sep=";", encoding="utf-8-sig", dtype=str)
    assert set(knowledge.KNOWLEDGE_FIELDS) <= set(frame.columns)
    result = import_file(empty_store, template("activities"), "activities", file_name="sjabloon.csv")
    assert not result.refused and result.written == 1


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("https://example.org/x?a=1", True),
        ("http://example.org", True),
        ("HTTPS://EXAMPLE.ORG/", True),
        ("https://", False),
        ("ftp://example.org/x", False),
        ("data:text/html,<b>x</b>", False),
        ("https://example.org/a b", False),
        ("//example.org", False),
    ],
)
def test_only_http_addresses_are_links(text, ok):
    assert _is_web_address(text) is ok


@pytest.mark.parametrize(
    "role",
    [
        "Gemeente Den Haag, coördinator openbare orde en veiligheid",
        "GGD Groningen, aandachtsfunctionaris",
        "Gemeente 's-Hertogenbosch, beleidsadviseur",
        "Stichting Stop Straatintimidatie, trainer",
    ],
)
def test_roles_without_names_pass(role):
    assert contact_role_problem(role, ["den haag", "groningen", "'s-hertogenbosch"]) is None


def test_an_older_store_gets_the_knowledge_columns(tmp_path):
    """A store made before issue 19 reads on: the columns are added, empty."""
    url = f"duckdb:///{tmp_path / 'oud.duckdb'}"
    store = Store(url)
    for column in knowledge.KNOWLEDGE_FIELDS:
        store.execute(f"ALTER TABLE activities DROP COLUMN {column}")
    store.close()
    store = Store(url)
    try:
        assert set(knowledge.KNOWLEDGE_FIELDS) <= set(store.activities().columns)
    finally:
        store.close()


# -- search and lessons on the demo store ---------------------------------------------------------


def test_search_safe_clubbing_across_municipalities(demo_store_url):
    store = Store(demo_store_url)
    hits = knowledge.search_knowledge(store, "safe CLUBBING")
    assert list(hits.columns) == list(knowledge.SEARCH_COLUMNS)
    assert hits["gemeentecode"].nunique() >= 3  # who ran it: several municipalities
    assert hits["titel"].str.contains("Safe Clubbing").all()
    assert hits["start"].is_monotonic_increasing
    # The before/after is published by privacy: labels are numbers, "<5"-style labels or "–".
    with_window = hits[hits["venster"].str.contains("weken")]
    assert len(with_window) > 0
    assert with_window["voor"].map(lambda v: v != "").all()
    # Every word must occur, accents ignored.
    assert knowledge.search_knowledge(store, "safe clubbing utrechtxyz").empty
    assert len(knowledge.search_knowledge(store, "coordinator")) >= len(
        knowledge.search_knowledge(store, "coördinator meldpunt")
    )


def test_search_before_after_matches_the_risk_area_counts(demo_store_url):
    """The windows' counts are those of the activity's risk areas (the Kaart before/after)."""
    store = Store(demo_store_url)
    hits = knowledge.search_knowledge(store, "Suswachters", weeks=4)
    row = hits[hits["venster"].str.contains("weken")].iloc[0]
    act = store.activities().set_index("activiteit_id").loc[row["activiteit_id"]]
    from vsdash import maps

    windows = maps.before_after_windows(pd.Timestamp(act["start"]).date(), 4, store.report_date_range())
    from vsdash.store import ReportFilter

    before = store.area_counts(ReportFilter((act["gemeentecode"],), *windows.before), "risicogebied_id")
    exact = int(before.loc[before["risicogebied_id"] == act["risicogebied_id"], "n"].sum())
    shown = row["voor"]
    # Published as the map publishes: 1 to 4 becomes 0 or 5, larger counts move by a few at most.
    assert shown in ("0", "5", "<5") if exact < 5 else abs(int(shown.replace(".", "")) - exact) <= 3


def test_lessons_for_selection_and_deck(demo_store_url):
    store = Store(demo_store_url)
    start, end = dt.date(2021, 1, 1), dt.date(2026, 10, 31)
    lessons = knowledge.lessons_for(store, ("GM0599",), start, end)
    assert tuple(lessons.columns) == presentation.LESSON_COLUMNS
    assert len(lessons) > 0 and set(lessons["gemeente_naam"]) == {"Rotterdam"}
    assert lessons["jaar"].is_monotonic_decreasing
    assert (lessons["uitkomst"].str.startswith("Demo:") | lessons["lessen"].str.startswith("Demo:")).all()
    assert knowledge.lessons_for(store, ("GM0599",), dt.date(2010, 1, 1), dt.date(2010, 12, 31)).empty
    deck = presentation.build_deck(store, gemeente="GM0599", start=start, end=end, with_map=False)
    pd.testing.assert_frame_equal(deck.lessons_register, lessons)


def test_apv_ban_carries_the_ruling(demo_store_url):
    store = Store(demo_store_url)
    hits = knowledge.search_knowledge(store, "sisverbod", codes=("GM0599",))
    assert len(hits) == 1
    assert "19 december 2019" in hits["uitkomst"].iloc[0]
    assert hits["evaluatie_url"].iloc[0].startswith("https://")


def test_activity_detail_and_download_carry_the_knowledge(demo_store_url):
    """Activiteiten shows an activity's outcome, lessons and contact; markup stays plain text."""
    from vsdash import plain_text
    from vsdash.views.activities import ActivityFilters, build_activities

    store = Store(demo_store_url)
    model = build_activities(
        store,
        codes=("GM0599",),
        start=dt.date(2018, 1, 1),
        end=dt.date(2026, 10, 31),
        filters=ActivityFilters(only_period=False),
        label="Rotterdam",
        lang="nl",
    )
    ban = model.register[model.register["type"] == "Verbod in de APV"].iloc[0]
    facts = {f.label: f.text for f in model.detail(ban["activiteit_id"]).facts}
    assert "19 december 2019" in facts["Uitkomst"]
    assert facts["Evaluatie"].startswith("https://deeplink.rechtspraak.nl/")
    shown = model.detail(ban["activiteit_id"]).facts_markdown(plain_text.markdown)
    assert "](https" not in shown  # the address is text, never a followed link
    assert {"Uitkomst", "Lessen", "Contact (functie)", "Evaluatie"} <= set(model.export.columns)


def test_cli_refuses_a_contact_name_with_row_and_column(tmp_path, capsys):
    """``vsdash import FILE --kind activities``: a name as contact is a Dutch row-level error."""
    import json

    from vsdash.cli import main

    path = tmp_path / "kennis.csv"
    path.write_bytes(
        _csv(
            "K-1;Utrecht;interventie;omstandertraining;Training;01-03-2023;afgerond;goed;les;"
            "https://example.org/a;Gemeente Utrecht, Anna de Boer"
        )
    )
    url = f"duckdb:///{tmp_path / 'cli.duckdb'}"
    assert main(["import", str(path), "--kind", "activities", "--store", url, "--json"]) == 1
    out = json.loads(capsys.readouterr().out)
    (error,) = out["errors"]
    assert (error["row"], error["column"]) == (2, "contact_rol")
    assert "persoonsnaam" in error["message"] and "'Anna'" in error["message"]


def test_search_before_after_windows_are_sums_of_published_week_blocks(demo_store_url):
    """Each window is the sum of its published fixed blocks of weeks (privacy.week_blocks), as on
    the Kaart: as a cell of its own, every activity and window length gave the same risk areas
    fresh noise, and averaging overlapping windows would wear the perturbation away (ADR 0006)."""
    from vsdash import maps, privacy
    from vsdash.i18n import fmt_number
    from vsdash.store import ReportFilter

    store = Store(demo_store_url)
    span = store.report_date_range()
    activities = store.activities().set_index("activiteit_id")
    areas = store.risk_areas()
    checked = 0
    for query, weeks in (("Suswachters", 4), ("safe clubbing", 6), ("safe clubbing", 13)):
        hits = knowledge.search_knowledge(store, query, weeks=weeks)
        for row in hits[hits["venster"].str.contains("weken")].itertuples():
            act = activities.loc[row.activiteit_id]
            ids = (
                {act["risicogebied_id"]}
                if pd.notna(act["risicogebied_id"]) and act["risicogebied_id"]
                else set(areas.loc[areas["gemeentecode"] == act["gemeentecode"], "risicogebied_id"])
            )
            windows = maps.before_after_windows(pd.Timestamp(act["start"]).date(), weeks, span)
            published = []
            for first, last in (windows.before, windows.after):
                found = store.area_counts(
                    ReportFilter((act["gemeentecode"],), first, last), "risicogebied_id", "week"
                )
                weekly = privacy.combine_cells(found[found["risicogebied_id"].isin(ids)], "periode")
                monday = last - dt.timedelta(days=last.weekday())
                published.append(privacy.published_in_blocks(weekly, first, monday, "periode"))
            assert (row.voor, row.na) == tuple(fmt_number(v, "nl") for v in published), row.titel
            checked += 1
    assert checked >= 5
