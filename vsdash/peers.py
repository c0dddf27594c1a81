"""Peers of a municipality for the presentation's comparison slide, chosen by what they are.

Peers are the municipality's comparable municipalities (``characteristics.comparable_group``, the
one definition Vergelijken and Programma use too): participants of the same programme with a
reporting point, chosen by size class, G4 and student city, never by the figure they are
compared on. The group's sentence says how it was chosen.

Every rate comes from ``publication.member_figures`` (the same published counts and intervals as
each municipality's key figures) and small counts are suppressed as on Vergelijken
(``compare.ranked_rates``); the programme's row is the programme's own published key figure.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from vsdash import characteristics, compare, publication
from vsdash.i18n import fmt_number, t
from vsdash.presentation import PEER_COLUMNS
from vsdash.store import Store


@dataclass(frozen=True)
class PeerComparison:
    """The comparison slide's table (``presentation.PEER_COLUMNS``) and the sentence saying who is in it."""

    table: pd.DataFrame
    note: str


def peer_comparison(
    store: Store,
    *,
    gemeente: str | None,
    start: dt.date,
    end: dt.date,
    programma: str | None = None,
    lang: str = "nl",
) -> PeerComparison:
    """The selection, its peers and the programme as published rates per 10,000 inhabitants per year.

    Without one municipality the table is empty and the note asks for one. ``programma`` (the
    sidebar's programme) is the programme compared within; without it the municipality's own
    programme in the period (Veilige Steden first; Veilige Steden when it took part in none).
    """
    empty = pd.DataFrame(columns=PEER_COLUMNS)
    if gemeente is None:
        return PeerComparison(empty, t("peers_one_municipality", lang))
    names = store.municipalities().set_index("gemeentecode")["weergavenaam"]
    if gemeente not in names.index:
        raise ValueError(f"Onbekende gemeentecode {gemeente!r}; gebruik een CBS-code zoals GM0344.")
    group = characteristics.comparable_group(
        store, gemeente=gemeente, start=start, end=end, programma=programma
    )
    note = group.sentence(names, lang)
    peers = group.codes
    if not peers:
        return PeerComparison(empty, note)
    channels, population = store.channels(), store.population()
    rates = publication.member_figures(
        store, (gemeente, *peers), start, end, channels=channels, population=population
    )
    shown = compare.ranked_rates(rates, lang=lang).set_index("gemeentecode")
    rows = []
    for code in (gemeente, *peers):
        row = shown.loc[code]
        ranked = row["status"] == compare.RANKED
        rows.append(
            {
                "gemeentecode": code,
                "naam": names.get(code, code),
                "rate": float(row["rate"]) if ranked else np.nan,
                "low": float(row["low"]) if ranked else np.nan,
                "high": float(row["high"]) if ranked else np.nan,
                "label": _label(row, lang),
                "is_selection": code == gemeente,
                "is_programme": False,
            }
        )
    whole = publication.key_figures(store, start=start, end=end, programma=group.programme, lang=lang)
    published = whole.rate_per_10k_per_year is not None
    rows.append(
        {
            "gemeentecode": "",
            "naam": t("peers_programme_row", lang, programma=group.programme_name),
            "rate": whole.rate_per_10k_per_year if published else np.nan,
            "low": whole.rate_low if published else np.nan,
            "high": whole.rate_high if published else np.nan,
            "label": whole.labels(lang)["rate"],
            "is_selection": False,
            "is_programme": True,
        }
    )
    table = pd.DataFrame(rows, columns=PEER_COLUMNS)
    return PeerComparison(table, note)


def _label(row: pd.Series, lang: str) -> str:
    """The rate as shown: "67,7", "te weinig meldingen om te rangschikken", the suppressed count ("<5")
    or "geen meldpunt"."""
    if row["status"] == compare.NO_CHANNEL:
        return t("no_channel_short", lang)
    if row["status"] == compare.TOO_FEW:
        return t("cmp_too_few_short", lang)
    if row["status"] == compare.RANKED and not math.isnan(float(row["rate"])):
        return fmt_number(float(row["rate"]), lang, 1)
    return str(row["label"]) or "–"


def peer_lines(table: pd.DataFrame, lang: str) -> list[str]:
    """The comparison in words, one line per row, with the 95% interval where there is a rate."""
    lines = []
    for row in table.itertuples():
        if pd.isna(row.rate):
            lines.append(t("peers_line_none", lang, naam=row.naam, reden=row.label))
            continue
        interval = f" (95%: {fmt_number(row.low, lang, 1)}–{fmt_number(row.high, lang, 1)})"
        lines.append(t("peers_line", lang, naam=row.naam, label=row.label, interval=interval))
    return lines
