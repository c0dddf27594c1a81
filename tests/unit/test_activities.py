"""The activities register: filters, planned-versus-happened counts, links, provenance, export."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from vsdash import activities as register
from vsdash import charts_activities, privacy, schema
from vsdash.charts import ChartSpec


def _activity(
    i, code="GM0344", categorie="preventie", status="afgerond", start="2021-03-01", eind="2021-04-01", **extra
):
    row = {
        "activiteit_id": f"{code}-A{i:03d}",
        "gemeentecode": code,
        "programma": "veilige_steden",
        "categorie": categorie,
        "type": "campagne",
        "titel": f"Activiteit {i}",
        "doelgroepen": "vrouwen_meisjes;omstanders",
        "partners": "Rutgers;GGD",
        "start": pd.Timestamp(start),
        "eind": pd.Timestamp(eind) if eind else pd.NaT,
        "status": status,
        "bereik": 100,
        "budget_eur": 5000,
        "risicogebied_id": None,
        "campagne_id": None,
        "import_id": "demo",
        "gewijzigd_op": pd.Timestamp("2024-05-01 10:00"),
    }
    row.update(extra)
    return row


@pytest.fixture()
def acts():
    return pd.DataFrame(
        [
            _activity(1),
            _activity(2, status="uitgesteld_covid", start="2020-04-01", eind=None),
            _activity(
                3,
                categorie="interventie",
                status="geannuleerd",
                start="2021-02-01",
                doelgroepen="uitgaanspersoneel",
            ),
            _activity(
                4, categorie="interventie", status="geannuleerd", start="2023-02-01", partners="Horeca"
            ),
            _activity(
                5,
                code="GM0363",
                categorie="repressie",
                status="lopend",
                start="2024-01-01",
                eind=None,
                risicogebied_id="GM0363-leidseplein",
                campagne_id="benjijok-2024",
                import_id="imp-7",
            ),
        ]
    )


def test_filters_combine(acts):
    assert len(register.filter_activities(acts, codes=["GM0344"])) == 4
    assert len(register.filter_activities(acts, categories=["interventie"], statuses=["geannuleerd"])) == 2
    assert list(register.filter_activities(acts, target_groups=["uitgaanspersoneel"])["activiteit_id"]) == [
        "GM0344-A003"
    ]
    assert list(register.filter_activities(acts, partners=["Horeca"])["activiteit_id"]) == ["GM0344-A004"]
    # An activity without an end date is still running in a later period.
    later = register.filter_activities(acts, start=dt.date(2022, 1, 1), end=dt.date(2022, 12, 31))
    assert set(later["activiteit_id"]) == {"GM0344-A002"}


def test_status_by_category_has_every_cell(acts):
    counts = register.status_by_category(acts)
    assert len(counts) == len(schema.ACTIVITY_CATEGORIES) * len(schema.ACTIVITY_STATUSES)
    assert counts["n"].sum() == len(acts)
    cell = counts[(counts["categorie"] == "interventie") & (counts["status"] == "geannuleerd")]
    assert int(cell["n"].iloc[0]) == 2


def test_covid_summary(acts):
    summary = register.covid_summary(acts)
    assert summary == {
        "uitgesteld_covid": 1,
        "geannuleerd": 2,
        "geannuleerd_covidjaren": 1,
        "gepland": 0,
        "uitgevoerd": 2,
        "totaal": 5,
    }


def test_register_links_provenance_and_translation(acts):
    risk_areas = pd.DataFrame({"risicogebied_id": ["GM0363-leidseplein"], "naam": ["Leidseplein"]})
    campaigns = pd.DataFrame({"campagne_id": ["benjijok-2024"] * 2, "naam": ["Ben jij OK? (2024)"] * 2})
    imports = pd.DataFrame({"import_id": ["imp-7"], "bestand": ["activiteiten_amsterdam.xlsx"]})
    names = pd.Series({"GM0344": "Utrecht", "GM0363": "Amsterdam"})
    table = register.register_table(
        acts, names=names, risk_areas=risk_areas, campaigns=campaigns, import_log=imports
    )
    row = table.set_index("activiteit_id").loc["GM0363-A005"]
    assert row["kaart_link"] == "/kaart?risicogebied=GM0363-leidseplein&gemeente=GM0363"
    assert row["campagne_link"] == "/campagnes?campagne=benjijok-2024&gemeente=GM0363"
    assert row["risicogebied"] == "Leidseplein" and row["campagne"] == "Ben jij OK? (2024)"
    assert row["bron"] == "activiteiten_amsterdam.xlsx"
    assert row["gewijzigd_op"] == pd.Timestamp("2024-05-01 10:00")
    assert row["status"] == "Lopend" and row["categorie"] == "Repressie"
    assert table.set_index("activiteit_id").loc["GM0344-A001", "bron"] == "demodata"
    assert (
        table.set_index("activiteit_id").loc["GM0344-A001", "doelgroepen"] == "Vrouwen en meisjes, Omstanders"
    )
    english = register.register_table(
        acts, names=names, risk_areas=risk_areas, campaigns=campaigns, import_log=imports, lang="en"
    )
    assert english.set_index("activiteit_id").loc["GM0344-A002", "status"] == "Postponed (Covid-19)"
    assert english.set_index("activiteit_id").loc["GM0363-A005", "kaart_link"].endswith("&taal=en")


def test_every_vocabulary_value_has_labels():
    from vsdash.i18n import LABELS

    for prefix, values in (
        ("act_type", schema.ACTIVITY_TYPES),
        ("act_status", schema.ACTIVITY_STATUSES),
        ("target", schema.TARGET_GROUPS),
        ("cat", schema.ACTIVITY_CATEGORIES),
    ):
        for value in values:
            entry = LABELS[f"{prefix}_{value}"]
            assert set(entry) == {"nl", "en"}
            assert all(text and "_" not in text for text in entry.values()), entry


def test_export_neutralises_formulas(acts):
    acts.loc[0, "titel"] = '=HYPERLINK("http://x")'
    table = register.register_table(
        acts,
        names=pd.Series(dtype=object),
        risk_areas=pd.DataFrame(columns=["risicogebied_id", "naam"]),
        campaigns=pd.DataFrame(columns=["campagne_id", "naam"]),
        import_log=pd.DataFrame(columns=["import_id", "bestand"]),
    )
    export = privacy.safe_export_frame(register.export_frame(table))
    assert export["Titel"].iloc[0].startswith("'=")
    assert "Gewijzigd op" in export.columns and "Bron (import)" in export.columns


def test_activity_charts_return_chartspec_with_alt_and_table(acts):
    names = pd.Series({"GM0344": "Utrecht", "GM0363": "Amsterdam"})
    specs = [
        charts_activities.activity_timeline_chart(acts, names=names, until=dt.date(2024, 12, 31)),
        charts_activities.activity_timeline_chart(acts, names=names, until=dt.date(2024, 12, 31), max_rows=2),
        charts_activities.status_by_category_chart(register.status_by_category(acts)),
    ]
    for spec in specs:
        assert isinstance(spec, ChartSpec)
        assert spec.alt and "{" not in spec.alt
        assert len(spec.table)
    # Category names are written on the bars (per-activity mode) or on the lanes, not colour alone.
    per_activity = specs[0].figure
    assert any("Preventie" in list(tr.text) for tr in per_activity.data if tr.text is not None)
    lanes = specs[1].figure
    assert any("Amsterdam · Repressie" in list(tr.y) for tr in lanes.data)
    assert "Interventie: 2 geannuleerd" in specs[2].alt


@pytest.mark.parametrize(("n", "dtick"), [(2, 1), (40, None)])
def test_the_status_chart_counts_whole_activities(n, dtick):
    """A handful of activities gets a tick per activity, never "1,5 activiteiten"."""
    cells = [(c, s) for c in schema.ACTIVITY_CATEGORIES for s in schema.ACTIVITY_STATUSES]
    counts = pd.DataFrame(cells, columns=["categorie", "status"]).assign(n=0)
    counts.loc[0, "n"], counts.loc[1, "n"] = n, 1
    axis = charts_activities.status_by_category_chart(counts).figure.layout.xaxis
    assert axis.tickformat == "d" and axis.dtick == dtick
