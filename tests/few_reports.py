"""A demo store in which one municipality has a reporting point but only a few reports.

Leeuwarden (GM0080) has no reporting point in the demo. Here it gets one, and three reports on one
day whose record keys make their cell publish 0 (ADR 0006: 1-4 reports publish 0 or 5), as a
quiet municipality's would six times in ten. Vergelijken must then list it apart, not rank it last.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pandas as pd

QUIET = "GM0080"
QUIET_NAME = "Leeuwarden"
QUIET_REPORTS = 3
REPORT_DAY = dt.date(2026, 6, 10)  # inside the demo's default period (the last 12 months of data)


def quiet_store_url(demo_store_url: str, folder: Path) -> str:
    """A copy of the demo store with Leeuwarden's reporting point and its three reports published as 0."""
    from vsdash import privacy
    from vsdash.store import Store

    path = folder / "quiet.duckdb"
    shutil.copy(demo_store_url.removeprefix("duckdb:///"), path)
    url = f"duckdb:///{path}"
    # Keys (key, 0, 0): the cell's key is ``key``; the first key whose published value is 0.
    key = next(k for k in range(256) if privacy.published_count(QUIET_REPORTS, k) == 0)
    store = Store(url)
    try:
        store.insert(
            "channels",
            pd.DataFrame(
                {
                    "kanaal_id": [f"{QUIET}-web"],
                    "gemeentecode": [QUIET],
                    "naam": ["Meldpunt straatintimidatie (web)"],
                    "soort": ["meldpunt_web"],
                    "start": [dt.date(2019, 1, 1)],
                    "eind": [None],
                }
            ),
        )
        moment = pd.Timestamp(REPORT_DAY) + pd.Timedelta(hours=22)
        store.insert(
            "reports",
            pd.DataFrame(
                {
                    "melding_id": [f"stil-{i}" for i in range(QUIET_REPORTS)],
                    "gemeentecode": QUIET,
                    "gebeurd_op": moment,
                    "ontvangen_op": moment,
                    "kanaal_id": f"{QUIET}-web",
                    "categorie": "verbaal",
                    "record_key": [key] + [0] * (QUIET_REPORTS - 1),
                }
            ),
        )
        store.rebuild_aggregates([QUIET])
    finally:
        store.close()
    return url
