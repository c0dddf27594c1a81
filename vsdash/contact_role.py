"""Check a knowledge-register contact: an organisation and a function, never a person.

The knowledge register (issue 19) keeps who to ask about an activity as a *role*, e.g.
"Gemeente Utrecht, beleidsadviseur openbare orde en veiligheid", so the record outlives the
officer and holds no personal data. :func:`contact_role_problem` says in Dutch why a value is
refused: an e-mail address, a phone number, a salutation or title, initials, no function, or a
capitalised word that is not a known organisation, place or abbreviation (a name, most likely).
The rule errs on the side of refusing: the message says how to write the value instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

EXAMPLE = "Gemeente Utrecht, beleidsadviseur openbare orde en veiligheid"

#: Parts of Dutch function names; a contact role must contain one (as part of a word).
FUNCTION_STEMS = (
    "medewerker",
    "adviseur",
    "coördinator",
    "coordinator",
    "projectleider",
    "programmaleider",
    "manager",
    "beleids",
    "teamleider",
    "leidinggevende",
    "regisseur",
    "ambtenaar",
    "functionaris",
    "onderzoeker",
    "trainer",
    "secretaris",
    "directeur",
    "hoofd",
    "officier",
    "specialist",
    "consulent",
    "wijkagent",
    "boa",
    "handhaver",
    "jongerenwerker",
    "opbouwwerker",
    "straatcoach",
    "toezichthouder",
    "woordvoerder",
    "kwartiermaker",
    "trekker",
    "contactpersoon",
    "aandachtsfunctionaris",
)
#: Organisations, partners and domain words that may be written with a capital (lower case here).
ORGANISATION_WORDS = frozenset(
    [
        "gemeente",
        "gemeentelijke",
        "politie",
        "stichting",
        "ggd",
        "centrum",
        "seksueel",
        "geweld",
        "rutgers",
        "movisie",
        "emancipator",
        "vizier",
        "sex",
        "matters",
        "stop",
        "straatintimidatie",
        "regioplan",
        "panteia",
        "ministerie",
        "rijksoverheid",
        "veiligheidsregio",
        "universiteit",
        "hogeschool",
        "horeca",
        "nederland",
        "koninklijke",
        "wijkteam",
        "meldpunt",
        "antidiscriminatiebureau",
        "bureau",
        "discriminatiezaken",
        "halt",
        "slachtofferhulp",
        "veilig",
        "thuis",
        "vervoerder",
        "openbare",
        "orde",
        "veiligheid",
        "zorg",
        "welzijn",
        "jeugd",
        "sport",
        "onderwijs",
        "emancipatie",
        "directie",
        "programma",
        "veilige",
        "steden",
        "stad",
        "sociaal",
        "sociale",
        "domein",
        "publieke",
        "ruimte",
        "uitgaansleven",
        "nachtleven",
        "afdeling",
        "team",
        "cluster",
        "sector",
        "dienst",
        "eenheid",
        "nationale",
        "regio",
        "provincie",
        "noord",
        "zuid",
        "oost",
        "west",
        "midden",
        "leefbaarheid",
        "city",
        "deal",
        "de",
        "het",
        "een",
        "en",
        "van",
        "voor",
        "bij",
        "in",
        "op",
        "of",
    ]
)
_PROVINCES = frozenset(
    [
        "groningen",
        "friesland",
        "fryslân",
        "drenthe",
        "overijssel",
        "flevoland",
        "gelderland",
        "utrecht",
        "noord-holland",
        "holland",
        "brabant",
        "zuid-holland",
        "zeeland",
        "noord-brabant",
        "limburg",
    ]
)
_EMAIL = re.compile(r"[^\s@]+@[^\s@]+")
_DIGITS = re.compile(r"\d")
_SALUTATION = re.compile(
    r"(?<![A-Za-zÀ-ÿ])(dhr|mevr|mw|mevrouw|meneer|de heer|mr|dr|drs|ir|ing|prof)(\.|\s|$)", re.IGNORECASE
)
_INITIALS = re.compile(r"(?<![A-Za-zÀ-ÿ])[A-Z]\.(\s?[A-Z]\.)*\s?([a-z]+\s)*[A-Z][a-zà-ÿ]")
_WORD = re.compile(r"[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'’]*")


def contact_role_problem(text: str, places: Iterable[str] = ()) -> str | None:
    """Why ``text`` is not an acceptable contact role (Dutch), or None when it is one.

    ``places`` are lower-case municipality names (their words may be capitalised).
    """
    value = " ".join(str(text).split())
    if not value:
        return None
    how = f"noem alleen organisatie en functie, bijvoorbeeld '{EXAMPLE}'"
    if _EMAIL.search(value):
        return f"lijkt een e-mailadres te bevatten; {how}"
    if len(_DIGITS.findall(value)) >= 6:
        return f"lijkt een telefoonnummer te bevatten; {how}"
    salutation = _SALUTATION.search(value)
    if salutation:
        return f"lijkt een persoonsnaam te bevatten (aanspreekvorm of titel '{salutation.group(0).strip()}'); {how}"
    if _INITIALS.search(value):
        return f"lijkt een persoonsnaam te bevatten (voorletters); {how}"
    place_words = {w for name in places for w in re.split(r"[\s\-]+", str(name).lower()) if w}
    suspicious = []
    for word in _WORD.findall(value):
        key = word.lower().strip("'’")
        if not word[0].isupper() or word.isupper() or len(word) == 1:
            continue  # lower case, an abbreviation (OOV, GGD) or a single letter
        if key in ORGANISATION_WORDS or key in _PROVINCES or key in place_words:
            continue
        if any(stem in key for stem in FUNCTION_STEMS):
            continue
        suspicious.append(word)
    if suspicious:
        words = ", ".join(f"'{w}'" for w in dict.fromkeys(suspicious))
        return (
            f"lijkt een persoonsnaam te bevatten ({words}); {how}. Is het geen naam, schrijf het woord "
            "dan met een kleine letter"
        )
    # A name is the worse problem, so it is named first; a role without a function comes next.
    if not any(stem in value.lower() for stem in FUNCTION_STEMS):
        return f"noemt geen functie (zoals beleidsadviseur, projectleider of coördinator); {how}"
    return None
