"""The mapping step: recognised columns, fixed values, 'niet gebruiken', remembered plans (issue 20)."""

from __future__ import annotations

import pandas as pd
import pytest

from vsdash import column_mapping as cm
from vsdash import ingest

REPORTS = ingest.FIELDS["reports"]
EXPORT_HEADER = ["Meldingsnummer", "Datum melding", "Tijd", "Soort melding", "Bron", "Wijk", "X", "Y"]


def _sample(x: list[str], y: list[str], names=("X", "Y")) -> pd.DataFrame:
    return pd.DataFrame({names[0]: x, names[1]: y})


def test_a_municipal_export_is_recognised_without_a_municipality_column():
    plan = cm.suggest_plan("reports", EXPORT_HEADER, REPORTS)
    assert plan["melding_id"] == cm.Source(column="Meldingsnummer")
    assert plan["datum"] == cm.Source(column="Datum melding")
    assert plan["categorie"] == cm.Source(column="Soort melding")
    assert plan["kanaal_id"] == cm.Source(column="Bron")
    assert plan["wijkcode"] == cm.Source(column="Wijk")
    assert (plan["rd_x"], plan["rd_y"]) == (cm.Source(column="X"), cm.Source(column="Y"))
    assert plan["lat"] == plan["lon"] == cm.NOT_USED
    assert cm.missing_required(plan, REPORTS) == ["gemeentecode"]
    plan["gemeentecode"] = cm.Source(fixed="GM0268")
    assert cm.missing_required(plan, REPORTS) == []


def test_latitude_columns_holding_rd_metres_become_rd_x_and_y():
    sample = _sample(["428412,2", "429001,7"], ["187523,4", "188001,9"], names=("lat", "lon"))
    plan = cm.suggest_plan("reports", ["lat", "lon"], REPORTS, sample=sample)
    assert plan["rd_y"] == cm.Source(column="lat") and plan["rd_x"] == cm.Source(column="lon")
    assert not plan["lat"].used and not plan["lon"].used


def test_wgs84_with_decimal_commas_stays_latitude_and_longitude():
    sample = _sample(["51,8425", "51,8501"], ["5,8528", "5,8611"], names=("lat", "lon"))
    plan = cm.suggest_plan("reports", ["lat", "lon"], REPORTS, sample=sample)
    assert plan["lat"] == cm.Source(column="lat") and not plan["rd_x"].used


def test_unnamed_rd_columns_are_found_by_their_values():
    sample = pd.DataFrame({"oost": ["187523", "188001"], "noord": ["428412", "429001"]})
    plan = cm.suggest_plan("reports", ["oost", "noord"], REPORTS, sample=sample)
    assert (plan["rd_x"].column, plan["rd_y"].column) == ("oost", "noord")


def test_remembered_plan_wins_but_only_for_columns_still_in_the_file():
    remembered = {
        "gemeentecode": cm.Source(fixed="GM0268"),
        "wijkcode": cm.NOT_USED,
        "categorie": cm.Source(column="Type"),
        "tijd": cm.Source(column="weg"),
    }
    plan = cm.suggest_plan("reports", [*EXPORT_HEADER, "Type"], REPORTS, remembered=remembered)
    assert plan["gemeentecode"] == cm.Source(fixed="GM0268")
    assert plan["wijkcode"] == cm.NOT_USED  # switched off last time, stays off
    assert plan["categorie"] == cm.Source(column="Type")
    assert plan["tijd"] == cm.Source(column="Tijd")  # the remembered column is gone: by name again


def test_apply_plan_adds_fixed_values_and_leaves_out_unused_fields():
    raw = pd.DataFrame({"Nr": ["1", "2"], "Wijk": ["Lent", "Oost"]}, index=[2, 3])
    plan = {
        "melding_id": cm.Source(column="Nr"),
        "gemeentecode": cm.Source(fixed="GM0268"),
        "wijkcode": cm.NOT_USED,
    }
    frame, columns = cm.apply_plan(raw, plan)
    assert columns == {"melding_id": "Nr", "gemeentecode": cm.fixed_column_name("gemeentecode")}
    assert list(frame[columns["gemeentecode"]]) == ["GM0268", "GM0268"]
    assert "gemeentecode" not in " ".join(raw.columns)  # the file's own cells are untouched
    with pytest.raises(KeyError, match="Datum"):
        cm.apply_plan(raw, {"datum": cm.Source(column="Datum")})


def test_a_source_is_a_column_or_a_fixed_value_not_both():
    with pytest.raises(ValueError, match="not both"):
        cm.Source(column="a", fixed="b")


def test_plans_are_remembered_per_municipality_and_kind(empty_store):
    plan = cm.suggest_plan("reports", EXPORT_HEADER, REPORTS)
    plan["gemeentecode"] = cm.Source(fixed="GM0268")
    cm.remember_plan(empty_store, "reports", "GM0268", plan)
    assert cm.recall_plan(empty_store, "reports", "GM0268") == plan
    assert cm.recall_plan(empty_store, "reports", "GM0344") == {}
    assert cm.recall_plan(empty_store, "activities", "GM0268") == {}
    assert cm.plan_from_json("{kapot") == {}


@pytest.mark.parametrize(
    ("plan", "problem"),
    [
        ({"lat": cm.Source(column="a")}, "allebei"),
        ({"rd_x": cm.Source(column="a"), "rd_y": cm.Source(column="b")}, None),
        (
            {k: cm.Source(column=k) for k in ("lat", "lon", "rd_x", "rd_y")},
            "niet allebei",
        ),
    ],
)
def test_coordinate_problem(plan, problem):
    found = cm.coordinate_problem(plan)
    assert (found is None) if problem is None else (problem in found)


def test_every_report_field_has_a_dutch_label_and_explanation():
    for f in cm.plan_fields("reports", REPORTS):
        assert cm.field_label("reports", f.name) != f.name, f.name
        assert cm.field_help("reports", f.name), f.name
        assert (
            cm.field_label("reports", f.name, "en") != cm.field_label("reports", f.name) or f.name == "status"
        )
    assert (
        cm.describe_source(cm.Source(fixed="GM0268"), "nl", {"GM0268": "Nijmegen"}) == "alle rijen: Nijmegen"
    )
    assert cm.describe_source(cm.NOT_USED) == "niet gebruiken"
