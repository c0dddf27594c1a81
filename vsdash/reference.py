"""Reference facts every store starts with: municipalities, population, programmes, memberships.

These are facts, not demo data. Municipalities and population come from CBS files copied into
``data/`` (see ``data/README.md``); programme membership and funding come from the Panteia
evaluation of Veilige Steden (August 2022) and the other programme texts (``docs/glossary.md``).
"""

from __future__ import annotations

import pandas as pd

from vsdash.settings import DATA_DIR

G4 = ("GM0363", "GM0599", "GM0518", "GM0344")  # Amsterdam, Rotterdam, Den Haag, Utrecht

#: Veilige Steden: the 12 municipalities taking part since the support programme began in 2020,
#: plus Zaanstad (took part until early 2022). Source: Panteia evaluation, 2022.
VS_SINCE_2020 = (
    "GM0363",
    "GM0599",
    "GM0518",
    "GM0344",  # G4
    "GM0034",  # Almere
    "GM0202",  # Arnhem
    "GM0758",  # Breda
    "GM0505",  # Dordrecht
    "GM0014",  # Groningen
    "GM0855",  # Tilburg
    "GM0935",  # Maastricht
    "GM0153",  # Enschede
)
VS_SINCE_2022 = ("GM0546", "GM0268", "GM0141")  # Leiden, Nijmegen, Almelo
VS_LEFT = {"GM0479": (2020, 2022)}  # Zaanstad: stopped early 2022
VS_INTERESTED = ("GM0080",)  # Leeuwarden: interested, not (yet) a participant

#: Municipalities in the BZK learning circle Leefbaarheid en Veiligheid (2021).
LEEFBAARHEID_VEILIGHEID = (
    "GM0363",
    "GM0202",
    "GM0479",
    "GM0995",
    "GM0518",
    "GM0599",
    "GM0606",
    "GM0344",
    "GM0356",
    "GM0772",
    "GM0014",
    "GM0855",
    "GM0758",
    "GM0917",
    "GM0080",
)
#: City Deal Zorg voor Veiligheid in de stad (2017-2019).
CITY_DEAL = ("GM0034", "GM0758", "GM0935", "GM0268", "GM0855", "GM0637")

#: Cities with a research university (peer group "studentenstad").
STUDENT_CITIES = (
    "GM0363",
    "GM0599",
    "GM0344",
    "GM0014",
    "GM0935",
    "GM0546",
    "GM0268",
    "GM0153",
    "GM0855",
    "GM0503",
    "GM0289",
    "GM0772",
)

PROGRAMMES = pd.DataFrame(
    [
        (
            "veilige_steden",
            "Veilige Steden",
            "OCW",
            "Ondersteuning van gemeenten bij de aanpak van straatintimidatie en seksuele intimidatie in de publieke ruimte en het uitgaansleven.",
        ),
        (
            "leefbaarheid_veiligheid",
            "Leefbaarheid en Veiligheid",
            "BZK",
            "Gebiedsgerichte aanpak in 16 stedelijke vernieuwingsgebieden (leercirkel 2021).",
        ),
        (
            "city_deal_zorg_veiligheid",
            "City Deal Zorg voor Veiligheid in de stad",
            "JenV, VWS, BZK",
            "Verbinding van zorg- en veiligheidsdomein (2017-2019).",
        ),
    ],
    columns=["programma", "naam", "ministerie", "omschrijving"],
)


def load_municipalities() -> pd.DataFrame:
    """Return the 342 municipalities (CBS 2025) with name, display name, province and centre."""
    return pd.read_csv(DATA_DIR / "gemeenten.csv", dtype={"provincie": "string"})


def load_population() -> pd.DataFrame:
    """Return population on 1 January 2023 and 2024 per municipality (CBS StatLine 03759NED)."""
    raw = pd.read_csv(DATA_DIR / "gemeenten_inwoners.csv")
    return pd.DataFrame(
        {
            "gemeentecode": raw["statcode"],
            "jaar": raw["jaar"],
            "inwoners": raw["inwoners"],
            "bron": "CBS StatLine 03759NED, bevolking op 1 januari",
        }
    )


def memberships() -> pd.DataFrame:
    """Return programme memberships with start/end year and yearly funding (facts from the sources)."""
    rows = []
    for code in VS_SINCE_2020:
        funding = 50_000 if code in G4 else 30_000
        rows.append(("veilige_steden", code, 2020, None, funding, funding))
    for code in VS_SINCE_2022:
        rows.append(("veilige_steden", code, 2022, None, 30_000, 30_000))
    for code, (start, end) in VS_LEFT.items():
        rows.append(("veilige_steden", code, start, end, 30_000, 30_000))
    rows += [("leefbaarheid_veiligheid", code, 2021, None, None, None) for code in LEEFBAARHEID_VEILIGHEID]
    rows += [("city_deal_zorg_veiligheid", code, 2017, 2019, None, None) for code in CITY_DEAL]
    return pd.DataFrame(
        rows,
        columns=[
            "programma",
            "gemeentecode",
            "jaar_start",
            "jaar_eind",
            "bijdrage_rijk_eur",
            "cofinanciering_eur",
        ],
    )


def peer_groups() -> pd.DataFrame:
    """Return the peer groups used to compare like with like."""
    groups = {
        "G4": G4,
        "vs_sinds_2020": VS_SINCE_2020,
        "vs_sinds_2022": VS_SINCE_2022,
        "studentenstad": STUDENT_CITIES,
    }
    return pd.DataFrame(
        [(g, c) for g, codes in groups.items() for c in codes], columns=["groep", "gemeentecode"]
    )
