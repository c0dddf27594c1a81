"""Report imports register their reporting channels, so no page says 'geen meldpunt' (issue 20)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from vsdash import report_channels as rc

EXISTING = pd.DataFrame(
    {
        "kanaal_id": ["GM0268-web"],
        "gemeentecode": ["GM0268"],
        "naam": ["Meldpunt website"],
        "soort": ["meldpunt_web"],
        "start": [dt.date(2021, 1, 1)],
        "eind": [None],
    }
)


def _reports(channels, codes=None, days=None) -> pd.DataFrame:
    n = len(channels)
    return pd.DataFrame(
        {
            "gemeentecode": codes or ["GM0268"] * n,
            "kanaal_id": pd.array(channels, dtype=object),
            "gebeurd_op": pd.to_datetime(days or [f"2024-01-{i + 1:02d} 22:00" for i in range(n)]),
        },
        index=range(2, n + 2),
    )


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Stop Intimidatie app", "app"),
        ("StopApp", "app"),
        ("Telefoon 14 024", "telefoon"),
        ("Wijkteam Oost", "wijkteam"),
        ("website", "meldpunt_web"),
        ("Meldpunt straatintimidatie", "meldpunt_web"),
    ],
)
def test_channel_kind_from_name(name, kind):
    assert rc.channel_kind(name) == kind


def test_source_values_become_channels_starting_on_their_first_report():
    reports = _reports(
        ["App", "telefoon", "app", None, "GM0268-web", "Meldpunt website"],
        days=["2024-03-05", "2024-02-01", "2024-01-15", "2024-01-20", "2024-01-01", "2024-01-02"],
    )
    ids, new = rc.assign_channels(reports, EXISTING, default_name="Meldpunt Nijmegen")
    assert list(ids) == [
        "GM0268-app",
        "GM0268-telefoon",
        "GM0268-app",
        "GM0268-meldpunt_nijmegen",
        "GM0268-web",  # an existing channel, by id
        "GM0268-web",  # and by name
    ]
    new = new.set_index("kanaal_id")
    assert sorted(new.index) == ["GM0268-app", "GM0268-meldpunt_nijmegen", "GM0268-telefoon"]
    assert new.loc["GM0268-app", "start"] == dt.date(2024, 1, 15)  # earliest, not first in the file
    assert new.loc["GM0268-app", "soort"] == "app"
    assert new.loc["GM0268-meldpunt_nijmegen", "naam"] == "Meldpunt Nijmegen"
    assert new["eind"].isna().all()


def test_without_a_source_or_a_name_every_report_gets_the_default_channel():
    ids, new = rc.assign_channels(_reports([None, ""]), EXISTING.iloc[0:0])
    assert set(ids) == {"GM0268-meldpunt_straatintimidatie"}
    assert list(new["naam"]) == [rc.DEFAULT_CHANNEL_NAME]


def test_channels_are_per_municipality():
    reports = _reports(["app", "app"], codes=["GM0268", "GM0344"])
    ids, new = rc.assign_channels(reports, EXISTING)
    assert list(ids) == ["GM0268-app", "GM0344-app"]
    assert list(new["gemeentecode"]) == ["GM0268", "GM0344"]


def test_nothing_new_when_every_channel_exists():
    ids, new = rc.assign_channels(_reports(["Meldpunt website"]), EXISTING)
    assert list(ids) == ["GM0268-web"] and new.empty
