"""Peers of a municipality for the presentation's comparison slide, chosen by what they are.

Peers are the other participants of the same programme in the period that had a reporting point,
with the same size class (inhabitants on 1 January of the population year, CBS classes). They are chosen
on characteristics, never on the figure they are compared on, so a city is not put beside
cities that happen to have a similar number of reports. When no other participant is in the same
class, the participants closest in population are used and the sentence says so.

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

from vsdash import compare, publication
from vsdash.i18n import fmt_number, t
from vsdash.presentation import PEER_COLUMNS
from vsdash.store import Store

# Lower bounds of the size classes (inhabitants); the i18n keys size_class_0.. name them.
SIZE_CLASSES = (0, 20_000, 50_000, 100_000, 150_000, 250_000)
MAX_PEERS = 6
NEAREST_PEERS = 3
DEFAULT_PROGRAMME = "veilige_steden"


@dataclass(frozen=True)
class PeerComparison:
    """The comparison slide's table (``presentation.PEER_COLUMNS``) and the sentence saying who is in it."""

    table: pd.DataFrame
    note: str


def size_class(inhabitants: int) -> int:
    """The index of the size class of ``inhabitants`` in ``SIZE_CLASSES``."""
    if inhabitants < 0:
        raise ValueError(f"inhabitants must be zero or more, got {inhabitants}")
    return max(i for i, low in enumerate(SIZE_CLASSES) if inhabitants >= low)


def choose_peers(population: pd.Series, focus: str, members: tuple[str, ...]) -> tuple[tuple[str, ...], bool]:
    """The peers of ``focus`` among ``members``: same size class, else the nearest in population.

    ``population`` holds inhabitants by CBS code (one population year). Returns the codes (closest
    in population first, at most ``MAX_PEERS``) and whether they share the size class.
    """
    own = int(population.get(focus, 0))
    others = [code for code in members if code != focus and code in population.index]
    distance = sorted(others, key=lambda code: (abs(int(population[code]) - own), code))
    same = [code for code in distance if size_class(int(population[code])) == size_class(own)]
    if same:
        return tuple(same[:MAX_PEERS]), True
    return tuple(distance[:NEAREST_PEERS]), False


def _programme_of(
    memberships: pd.DataFrame, code: str, programma: str | None, start, end
) -> tuple[str, bool]:
    """The programme to compare within, and whether ``code`` took part in it in the period."""
    if programma:
        members = publication.members_in_period(memberships, programma, start, end)
        return programma, code in members
    own = [
        prog
        for prog in sorted(memberships["programma"].unique())
        if code in publication.members_in_period(memberships, prog, start, end)
    ]
    if DEFAULT_PROGRAMME in own or not own:
        return DEFAULT_PROGRAMME, bool(own)
    return own[0], True


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
    memberships, population, channels = store.memberships(), store.population(), store.channels()
    programme, is_member = _programme_of(memberships, gemeente, programma, start, end)
    programme_name = store.programmes().set_index("programma")["naam"].get(programme, programme)
    members = publication.members_in_period(memberships, programme, start, end)
    # A peer without a reporting point has no rate to put beside the selection's: only
    # participants with a reporting point in the period are candidates (a characteristic too).
    open_days = publication.exposure(channels, population, members, start, end)
    members = tuple(open_days.loc[open_days["dagen"] > 0, "gemeentecode"])
    year = publication.population_year(population, end)
    inhabitants = population[population["jaar"] == year].set_index("gemeentecode")["inwoners"]
    peers, same_class = choose_peers(inhabitants, gemeente, members)
    name = names[gemeente]
    prefix = "" if is_member else t("peers_not_member", lang, naam=name, programma=programme_name) + " "
    if not peers:
        return PeerComparison(empty, prefix + t("peers_none", lang, naam=name, programma=programme_name))

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
    whole = publication.key_figures(store, start=start, end=end, programma=programme, lang=lang)
    published = whole.rate_per_10k_per_year is not None
    rows.append(
        {
            "gemeentecode": "",
            "naam": t("peers_programme_row", lang, programma=programme_name),
            "rate": whole.rate_per_10k_per_year if published else np.nan,
            "low": whole.rate_low if published else np.nan,
            "high": whole.rate_high if published else np.nan,
            "label": whole.labels(lang)["rate"],
            "is_selection": False,
            "is_programme": True,
        }
    )
    table = pd.DataFrame(rows, columns=PEER_COLUMNS)
    own_class = t(f"size_class_{size_class(int(inhabitants.get(gemeente, 0)))}", lang)
    listed = ", ".join(names.get(code, code) for code in peers)
    key = "peers_note" if same_class else "peers_note_nearest"
    note = prefix + t(
        key, lang, programma=programme_name, klasse=own_class, naam=name, jaar=year, lijst=listed
    )
    return PeerComparison(table, note)


def _label(row: pd.Series, lang: str) -> str:
    """The rate as shown: "67,7", the suppressed count ("<5") or "geen meldpunt"."""
    if row["status"] == compare.NO_CHANNEL:
        return t("no_channel_short", lang)
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
