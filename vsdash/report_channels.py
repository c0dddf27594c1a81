"""Reporting channels registered by a report import, so imported reports always have a meldpunt.

Pages count reports per channel and draw a break where a channel starts; a municipality with
reports but no channel read as "geen meldpunt". A report import therefore names each report's
channel: from the file's source column ("Bron": app, website, telefoon) or one channel for the
whole import, named by the officer. Values that match a channel of that municipality already in
the store (by id or name) use it; others become new channels starting on their first report.
"""

from __future__ import annotations

import pandas as pd

from vsdash.sheet_layout import normalise_label

#: The channel name used when neither a column nor the officer names one.
DEFAULT_CHANNEL_NAME = "Meldpunt straatintimidatie"

# Words in a channel's name that tell its kind (schema.CHANNEL_KINDS); the first match wins.
_KIND_WORDS = (
    ("app", ("app", "stopapp", "applicatie", "mobiel")),
    ("telefoon", ("telefoon", "tel", "telefonisch", "bellen", "14024", "0800")),
    ("wijkteam", ("wijkteam", "wijkagent", "boa", "handhaving", "straatteam", "balie", "persoonlijk")),
)


def channel_kind(name: str) -> str:
    """The kind of a channel guessed from its name; a website or anything else is 'meldpunt_web'."""
    words = set(normalise_label(name).split("_"))
    for kind, hints in _KIND_WORDS:
        if words & set(hints):
            return kind
    return "meldpunt_web"


def channel_id(gemeentecode: str, name: str) -> str:
    """A stable key for a municipality's channel of this name ('GM0268-stop_intimidatie_app')."""
    return f"{gemeentecode}-{normalise_label(name) or 'meldpunt'}"[:64]


def assign_channels(
    reports: pd.DataFrame, existing: pd.DataFrame, default_name: str | None = None
) -> tuple[pd.Series, pd.DataFrame]:
    """Give every report a channel id; return (kanaal_id per report, new channel rows).

    ``reports`` has ``gemeentecode``, ``kanaal_id`` (the file's text, or NA) and ``gebeurd_op``;
    ``existing`` is the store's channels table. New channels start on the date of their first
    report in this import and have no end.
    """
    name = (default_name or "").strip() or DEFAULT_CHANNEL_NAME
    text = reports["kanaal_id"].astype(object).where(reports["kanaal_id"].notna(), "")
    text = text.astype(str).str.strip().where(lambda s: s != "", name)
    known: dict[tuple[str, str], str] = {}
    for row in existing[["kanaal_id", "gemeentecode", "naam"]].itertuples(index=False):
        known[(row.gemeentecode, normalise_label(row.kanaal_id))] = row.kanaal_id
        known.setdefault((row.gemeentecode, normalise_label(row.naam)), row.kanaal_id)
    # A file has a handful of channels and many reports: decide per distinct (municipality, name).
    pairs = pd.DataFrame({"code": reports["gemeentecode"].astype(str), "value": text})
    distinct = pairs.drop_duplicates()
    decided = {
        (code, value): known.get((code, normalise_label(value))) or channel_id(code, value)
        for code, value in distinct.itertuples(index=False)
    }
    ids = pd.MultiIndex.from_frame(pairs).map(decided)
    assigned = pd.Series(ids, index=reports.index, dtype=object)
    taken = set(existing["kanaal_id"])
    fresh = ~assigned.isin(taken)
    if not fresh.any():
        return assigned, _empty_channels()
    firsts = (
        pd.DataFrame(
            {
                "kanaal_id": assigned[fresh],
                "gemeentecode": reports.loc[fresh, "gemeentecode"],
                "naam": text[fresh],
                "dag": pd.to_datetime(reports.loc[fresh, "gebeurd_op"]).dt.normalize(),
            }
        )
        .sort_values("dag", kind="stable")
        .groupby("kanaal_id", sort=True)
        .first()
        .reset_index()
    )
    firsts["dag"] = firsts["dag"].dt.date  # a few rows now, not one per report
    new = pd.DataFrame(
        {
            "kanaal_id": firsts["kanaal_id"],
            "gemeentecode": firsts["gemeentecode"],
            "naam": firsts["naam"].str.slice(0, 200),
            "soort": firsts["naam"].map(channel_kind),
            "start": firsts["dag"],
            "eind": None,
        }
    )
    return assigned, new


def _empty_channels() -> pd.DataFrame:
    return pd.DataFrame(columns=["kanaal_id", "gemeentecode", "naam", "soort", "start", "eind"])
