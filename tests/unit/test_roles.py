"""Roles: the allow-list in secrets, and an editor changing only their own municipalities."""

from __future__ import annotations

import pytest

from tests.db.helpers import reports_csv, utrecht_rows
from vsdash import ingest, roles
from vsdash.store import Store

ALLOW_LIST = {
    "A.Jansen@Utrecht.nl": {"rol": "redacteur", "gemeenten": ["GM0344"]},
    "beheer@minocw.nl": {"rol": "programmabeheerder"},
    "raad@utrecht.nl": {"rol": "lezer"},
}


@pytest.mark.parametrize(
    ("account", "role", "may_change", "scope"),
    [
        ("a.jansen@utrecht.nl", "redacteur", True, frozenset({"GM0344"})),
        ("  A.JANSEN@utrecht.nl ", "redacteur", True, frozenset({"GM0344"})),  # e-mail without case
        ("beheer@minocw.nl", "programmabeheerder", True, None),
        ("raad@utrecht.nl", "lezer", False, frozenset()),
        ("onbekend@example.nl", "lezer", False, frozenset()),  # signed in, not on the list: reads only
        (None, "lezer", False, frozenset()),
    ],
)
def test_access_follows_the_allow_list(account, role, may_change, scope):
    access = roles.access_for(account, roles.parse_allow_list(ALLOW_LIST))
    assert (access.role, access.may_change_data, access.scope) == (role, may_change, scope)


def test_the_password_fallback_is_the_programme_administrator():
    assert roles.ADMIN_PASSWORD_ACCESS.scope is None and roles.ADMIN_PASSWORD_ACCESS.may_change_data


@pytest.mark.parametrize(
    ("entry", "fragment"),
    [
        ({"rol": "baas"}, "rol"),
        ({"rol": "redacteur"}, "een redacteur heeft minstens één gemeente nodig"),
        ({"rol": "redacteur", "gemeenten": ["Utrecht"]}, "onbekende gemeentecode(s) 'Utrecht'"),
        ({"rol": "lezer", "gemeenten": ["GM0344"]}, "de rol lezer hoort geen gemeenten te hebben"),
        ({"rol": "lezer", "kleur": "blauw"}, "kleur"),
        ("redacteur", "geen tabel met rol"),
    ],
)
def test_a_wrong_allow_list_names_the_account_and_the_problem(entry, fragment):
    with pytest.raises(roles.RolesError) as caught:
        roles.parse_allow_list({"x@example.nl": entry})
    message = str(caught.value)
    assert message.startswith(
        "De lijst met accounts ([vsdash.accounts] in secrets.toml) klopt niet: x@example.nl:"
    )
    assert fragment in message


@pytest.fixture()
def store(tmp_path):
    s = Store(f"duckdb:///{tmp_path / 'store.duckdb'}")
    yield s
    s.close()


def _amsterdam_rows(n: int) -> list[str]:
    return [f"AM{i};GM0363;0{i % 9 + 1}-03-2024;12:00;verbaal;52,37{i};4,89{i}" for i in range(n)]


def test_an_editor_cannot_import_rows_for_another_municipality(store):
    utrecht = roles.Access("a@utrecht.nl", roles.EDITOR, frozenset({"GM0344"}))
    data = reports_csv(utrecht_rows(5) + _amsterdam_rows(2))
    result = ingest.import_file(store, data, "reports", file_name="m.csv", allowed_gemeenten=utrecht.scope)
    assert result.refused and result.written == 0
    assert len(result.errors) == 2
    assert "GM0363 is niet een van uw gemeenten (GM0344)" in result.errors[0].message
    # With "skip invalid" the own rows are written and the others set aside with the reason.
    result = ingest.import_file(
        store, data, "reports", file_name="m.csv", allowed_gemeenten=utrecht.scope, skip_invalid=True
    )
    assert (result.written, result.rejected) == (5, 2)
    assert set(store.query("SELECT DISTINCT gemeentecode FROM reports")["gemeentecode"]) == {"GM0344"}


def test_an_administrator_imports_for_every_municipality(store):
    data = reports_csv(utrecht_rows(5) + _amsterdam_rows(2))
    result = ingest.import_file(store, data, "reports", file_name="m.csv", allowed_gemeenten=None)
    assert result.written == 7


def test_an_editor_undoes_only_an_import_of_their_own_municipalities(store):
    ingest.import_file(
        store, reports_csv(utrecht_rows(5) + _amsterdam_rows(2)), "reports", file_name="beide.csv"
    )
    with pytest.raises(
        ingest.ImportRefused, match=r"gaat ook over GM0363, niet alleen over uw gemeenten \(GM0344\)"
    ):
        ingest.undo_last_import(store, user="a@utrecht.nl", allowed_gemeenten=frozenset({"GM0344"}))
    assert store.query("SELECT count(*) AS n FROM reports")["n"].iloc[0] == 7  # nothing undone
    ingest.undo_last_import(store, user="beheer", allowed_gemeenten=None)
    ingest.import_file(store, reports_csv(utrecht_rows(4)), "reports", file_name="utrecht.csv")
    entry = ingest.undo_last_import(store, user="a@utrecht.nl", allowed_gemeenten=frozenset({"GM0344"}))
    assert entry["bestand"] == "utrecht.csv"
    assert store.query("SELECT count(*) AS n FROM reports")["n"].iloc[0] == 0


def test_campaign_rows_name_every_municipality_outside_the_editors(store):
    """The template's example campaign runs in Utrecht and Amsterdam: not for an Utrecht editor."""
    data = ingest.template("campaigns")
    assert b"GM0344|GM0363" in data
    result = ingest.import_file(
        store, data, "campaigns", file_name="c.csv", allowed_gemeenten=frozenset({"GM0344"})
    )
    assert result.refused
    assert "GM0363 is niet een van uw gemeenten (GM0344)" in result.errors[0].message
    both = frozenset({"GM0344", "GM0363"})
    assert (
        ingest.import_file(store, data, "campaigns", file_name="c.csv", allowed_gemeenten=both).written == 1
    )
