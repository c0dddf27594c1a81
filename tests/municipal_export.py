"""A generated municipal report export, as Nijmegen's own system would write it (issue 20).

What makes it realistic (and hard): no municipality column (it is the municipality's own file),
Dutch headers that differ from the template ("Meldingsnummer", "Datum melding", "Soort melding",
"Bron", "Wijk" with names), coordinates in Rijksdriehoek (X/Y metres), free-text columns the
import must ignore, dd-mm-jjjj dates, a Windows-1252 CSV with semicolons, and the same rows as an
XLSX with a title row above the header and a totals row below the data.

Exactly five rows are bad, each for one reason (``BAD_ROWS``); the truth is returned with the
files so tests compare with it. Points are drawn inside Nijmegen's CBS wijken (seeded).
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

import numpy as np
import pandas as pd

GEMEENTE = "GM0268"
HEADER = [
    "Meldingsnummer",
    "Datum melding",
    "Tijdstip",
    "Soort melding",
    "Bron",
    "Wijk",
    "X",
    "Y",
    "Omschrijving",
    "Behandelaar",
]
CATEGORIES = ("verbaal", "non-verbaal", "fysiek", "achtervolgen", "overig")
SOURCES = ("App", "Website", "Telefoon")
# Why each bad row is bad (the reason the import must give, in a word or two of its message).
BAD_ROWS = {
    "datum": "onmogelijke",
    "categorie": "onbekende waarde",
    "buiten": "buiten de gemeente",
    "rd": "geen RD-coördinaat X",
    "wijk": "onbekende wijk",
}


@dataclass(frozen=True)
class MunicipalExport:
    frame: pd.DataFrame  # the rows as text, in file order
    good: int  # rows that must be imported
    bad_ids: dict[str, str]  # reason -> Meldingsnummer of the bad row
    channels: tuple[str, ...]  # channel names in the Bron column

    def csv_cp1252(self) -> bytes:
        """Semicolons, Windows-1252, CRLF: what Excel on a Dutch Windows PC saves."""
        text = self.frame.to_csv(sep=";", index=False, lineterminator="\r\n")
        return text.encode("cp1252")

    def xlsx_with_title_and_totals(self) -> bytes:
        """The same rows in a workbook with a title and blank row above, a totals row below."""
        import openpyxl

        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = "Meldingen"
        sheet.append(["Meldingen straatintimidatie gemeente Nijmegen, export meldsysteem OOV"])
        sheet.append([])
        sheet.append(HEADER)
        for row in self.frame.itertuples(index=False):
            sheet.append(list(row))
        sheet.append([])
        sheet.append(["Totaal", len(self.frame)])
        out = io.BytesIO()
        book.save(out)
        return out.getvalue()


def _points_in_nijmegen(rng: np.random.Generator, n: int):
    """``n`` points inside Nijmegen's wijken, as (wijknaam, X, Y) in RD metres."""
    import shapely

    from vsdash import geo

    wijken = geo.load_wijk_boundaries()
    own = geo.to_rd(wijken[wijken["gemeentecode"] == GEMEENTE]).reset_index(drop=True)
    gemeenten = geo.load_municipality_boundaries()
    border = geo.to_rd(gemeenten[gemeenten["gemeentecode"] == GEMEENTE]).geometry.iloc[0]
    minx, miny, maxx, maxy = own.total_bounds
    names, xs, ys = [], [], []
    while len(xs) < n:
        x, y = rng.uniform(minx, maxx), rng.uniform(miny, maxy)
        # Keep 200 m from the border: the import allows 150 m of slack, the test wants no doubt.
        point = shapely.Point(x, y)
        inside = own[own.geometry.contains(point.buffer(200))]
        # Wijk and municipality files are generalised separately: inside both, with room to spare.
        if len(inside) and border.contains(point.buffer(200)):
            names.append(str(inside["wijknaam"].iloc[0]))
            xs.append(x)
            ys.append(y)
    return names, xs, ys


def generate(n: int = 300, seed: int = 20) -> MunicipalExport:
    """``n`` report rows for Nijmegen, five of them bad (see ``BAD_ROWS``)."""
    rng = np.random.default_rng(seed)
    names, xs, ys = _points_in_nijmegen(rng, n)
    start = dt.date(2024, 1, 1)
    rows = []
    for i in range(n):
        day = start + dt.timedelta(days=int(rng.integers(0, 365)))
        hour = int(rng.choice([8, 12, 17, 21, 22, 23, 0, 1]))
        wijk = names[i]
        # Exports write the CBS name, its short form, or nothing.
        shown_wijk = ("" if rng.random() < 0.2 else wijk.replace("Nijmegen-", "")) if i % 3 else wijk
        rows.append(
            [
                f"MLD-{2024_00000 + i + 1}",
                day.strftime("%d-%m-%Y"),
                f"{hour:02d}:{int(rng.integers(0, 60)):02d}",
                CATEGORIES[int(rng.integers(0, len(CATEGORIES)))],
                SOURCES[int(rng.integers(0, len(SOURCES)))],
                shown_wijk,
                f"{xs[i]:.1f}".replace(".", ","),
                f"{ys[i]:.1f}".replace(".", ","),
                "Melder voelde zich onveilig; café-eigenaar geïnformeerd",
                f"medewerker {int(rng.integers(1, 6))}",
            ]
        )
    frame = pd.DataFrame(rows, columns=HEADER)
    bad = {}
    picks = rng.choice(np.arange(10, n), size=len(BAD_ROWS), replace=False)
    for reason, row in zip(BAD_ROWS, picks, strict=True):
        bad[reason] = frame.at[row, "Meldingsnummer"]
        if reason == "datum":
            frame.at[row, "Datum melding"] = "31-02-2024"
        elif reason == "categorie":
            frame.at[row, "Soort melding"] = "uitschelden"
        elif reason == "buiten":  # Arnhem centre, about 15 km north of Nijmegen
            frame.at[row, "X"], frame.at[row, "Y"] = "190500,0", "444300,0"
            frame.at[row, "Wijk"] = ""
        elif reason == "rd":
            frame.at[row, "X"] = "n.b."
        elif reason == "wijk":
            frame.at[row, "Wijk"] = "Atlantis"
    return MunicipalExport(frame, n - len(BAD_ROWS), bad, SOURCES)
