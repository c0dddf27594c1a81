"""The fields each kind of import understands: names in files, parsing, what is allowed, keys.

This is the import's schema; ``vsdash.schema`` holds the store's tables the fields are written to.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from vsdash import schema
from vsdash.ingest.limits import MAX_CELL_CHARS
from vsdash.ingest.results import ImportRefused

KINDS = ("reports", "activities", "campaigns", "risk-areas", "population", "channels", "survey")
KIND_LABELS = {
    "reports": "meldingen",
    "activities": "activiteiten",
    "campaigns": "campagnes",
    "risk-areas": "risicogebieden",
    "population": "inwoners",
    "channels": "meldkanalen",
    "survey": "enquete",
}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
COORDINATE_FIELDS = ("lat", "lon")


@dataclass(frozen=True)
class Field:
    """A field an import understands: its names in files, how it is parsed, what is allowed."""

    name: str
    aliases: tuple[str, ...]
    # text, code, gemeente, gemeenten, datetime, date, time, float, percent, int, vocab, vocab_list,
    # url, contact_role
    parse: str
    required: bool = False
    vocabulary: tuple[str, ...] = ()
    synonyms: tuple[tuple[str, str], ...] = ()  # English or loose spellings -> vocabulary value
    minimum: float | None = None
    maximum: float | None = None
    max_chars: int = 200
    pattern: str | None = None
    pattern_hint: str = ""
    range_hint: str = ""  # what the range is of, in the error ("aandeel in procent"); default "waarde"


_REPORT_SYNONYMS = (
    ("verbal", "verbaal"),
    ("nonverbaal", "non-verbaal"),
    ("non verbaal", "non-verbaal"),
    ("non-verbal", "non-verbaal"),
    ("nonverbal", "non-verbaal"),
    ("physical", "fysiek"),
    ("following", "achtervolgen"),
    ("stalking", "achtervolgen"),
    ("other", "overig"),
    ("anders", "overig"),
)
_ID = {"parse": "code", "required": True, "max_chars": 64}
_GEMEENTE = Field(
    "gemeentecode",
    ("gemeentecode", "municipality_code", "gemeente", "municipality", "gemeentenaam", "municipality_name"),
    "gemeente",
    required=True,
)

FIELDS: dict[str, tuple[Field, ...]] = {
    "reports": (
        Field("melding_id", ("melding_id", "report_id", "meldingnummer", "kenmerk", "id"), **_ID),
        _GEMEENTE,
        Field(
            "datum", ("datum", "date", "gebeurd_op", "occurred_at", "datum_tijd"), "datetime", required=True
        ),
        Field("tijd", ("tijd", "time", "tijdstip"), "time"),
        Field(
            "categorie",
            ("categorie", "category", "soort"),
            "vocab",
            required=True,
            vocabulary=schema.REPORT_CATEGORIES,
            synonyms=_REPORT_SYNONYMS,
        ),
        Field(
            "kanaal_id", ("kanaal", "channel", "kanaal_id", "channel_id", "meldkanaal"), "code", max_chars=64
        ),
        Field("lat", ("breedtegraad", "lat", "latitude", "breedte"), "float", minimum=50.6, maximum=53.7),
        Field("lon", ("lengtegraad", "lon", "lng", "longitude", "lengte"), "float", minimum=3.2, maximum=7.3),
        Field(
            "wijkcode",
            ("wijkcode", "district_code", "wijk"),
            "code",
            pattern=r"^WK\d{6}$|^WK\d{4}[0-9A-Z]{2}$",
            pattern_hint="een CBS-wijkcode zoals WK034401",
        ),
        Field("ontvangen_op", ("ontvangen_op", "received_at", "ontvangen", "received"), "datetime"),
    ),
    "activities": (
        Field("activiteit_id", ("activiteit_id", "activity_id", "id"), **_ID),
        _GEMEENTE,
        Field("programma", ("programma", "programme", "program"), "vocab", vocabulary=schema.PROGRAMMES),
        Field(
            "categorie",
            ("categorie", "category"),
            "vocab",
            required=True,
            vocabulary=schema.ACTIVITY_CATEGORIES,
            synonyms=(
                ("research", "onderzoek"),
                ("prevention", "preventie"),
                ("intervention", "interventie"),
                ("repression", "repressie"),
            ),
        ),
        Field(
            "type",
            ("type", "soort", "activity_type"),
            "vocab",
            required=True,
            vocabulary=schema.ACTIVITY_TYPES,
        ),
        Field("titel", ("titel", "title", "naam", "name"), "text", required=True),
        Field(
            "doelgroepen",
            ("doelgroepen", "target_groups", "doelgroep"),
            "vocab_list",
            vocabulary=schema.TARGET_GROUPS,
        ),
        Field("partners", ("partners",), "text", max_chars=500),
        Field("start", ("start", "startdatum", "start_date", "begin"), "date", required=True),
        Field("eind", ("eind", "einddatum", "end", "end_date"), "date"),
        Field(
            "status",
            ("status",),
            "vocab",
            required=True,
            vocabulary=schema.ACTIVITY_STATUSES,
            synonyms=(
                ("planned", "gepland"),
                ("running", "lopend"),
                ("done", "afgerond"),
                ("cancelled", "geannuleerd"),
            ),
        ),
        Field("bereik", ("bereik", "reach"), "int", minimum=0, maximum=10_000_000),
        Field("budget_eur", ("budget_eur", "budget", "budget_euro"), "int", minimum=0, maximum=1_000_000_000),
        Field("risicogebied_id", ("risicogebied_id", "risk_area_id", "risicogebied"), "code", max_chars=64),
        Field("campagne_id", ("campagne_id", "campaign_id", "campagne"), "code", max_chars=64),
        # Issue 19: the knowledge register (outcome, lessons, evaluation link, contact role).
        Field("uitkomst", ("uitkomst", "outcome", "resultaat", "result"), "text", max_chars=2000),
        Field("lessen", ("lessen", "lessons", "lessons_learned", "geleerde_lessen"), "text", max_chars=2000),
        Field(
            "evaluatie_url",
            ("evaluatie_url", "evaluatie", "evaluation_url", "evaluation", "link"),
            "url",
            max_chars=500,
        ),
        Field(
            "contact_rol",
            ("contact_rol", "contact_role", "contact", "contactpersoon"),
            "contact_role",
            max_chars=200,
        ),
    ),
    "campaigns": (
        Field("campagne_id", ("campagne_id", "campaign_id", "id"), **_ID),
        Field("naam", ("naam", "name", "titel", "title"), "text", required=True),
        Field(
            "schaal",
            ("schaal", "scale", "scope"),
            "vocab",
            required=True,
            vocabulary=schema.CAMPAIGN_SCOPES,
            synonyms=(("national", "landelijk"), ("local", "lokaal")),
        ),
        Field("kanalen", ("kanalen", "media", "middelen", "channels"), "text", max_chars=500),
        Field("start", ("start", "startdatum", "start_date", "begin"), "date", required=True),
        Field("eind", ("eind", "einddatum", "end", "end_date"), "date", required=True),
        Field(
            "gemeenten",
            ("gemeenten", "municipalities", "gemeentecodes", "gemeente", "gemeentecode"),
            "gemeenten",
            required=True,
            max_chars=MAX_CELL_CHARS,
        ),
    ),
    "risk-areas": (
        Field("risicogebied_id", ("risicogebied_id", "risk_area_id", "id"), **_ID),
        _GEMEENTE,
        Field("naam", ("naam", "name"), "text", required=True),
        Field(
            "type",
            ("type", "soort"),
            "vocab",
            required=True,
            vocabulary=schema.RISK_AREA_TYPES,
            synonyms=(
                ("nightlife", "uitgaansgebied"),
                ("station", "station_ov"),
                ("shopping", "winkelgebied"),
            ),
        ),
    ),
    "population": (
        _GEMEENTE,
        Field(
            "jaar",
            ("jaar", "year", "peiljaar"),
            "int",
            required=True,
            minimum=1900,
            maximum=dt.date.today().year + 1,
        ),
        Field(
            "inwoners",
            ("inwoners", "population", "inhabitants", "aantal_inwoners"),
            "int",
            required=True,
            minimum=1,
            maximum=20_000_000,
        ),
        Field("bron", ("bron", "source"), "text"),
    ),
    # Issue 20: launch and end dates of reporting channels (a launch is a break in the series).
    # Without an id, a channel is keyed by municipality and name, as report imports register it.
    "channels": (
        Field("kanaal_id", ("kanaal_id", "channel_id", "id"), "code", max_chars=64),
        _GEMEENTE,
        Field("naam", ("naam", "name", "kanaal", "meldkanaal", "meldpunt", "channel"), "text", required=True),
        Field(
            "soort",
            ("soort", "type", "kind"),
            "vocab",
            vocabulary=schema.CHANNEL_KINDS,
            synonyms=(
                ("web", "meldpunt_web"),
                ("website", "meldpunt_web"),
                ("meldpunt", "meldpunt_web"),
                ("online", "meldpunt_web"),
                ("phone", "telefoon"),
                ("telefonisch", "telefoon"),
                ("district team", "wijkteam"),
            ),
        ),
        Field(
            "start",
            ("start", "startdatum", "lancering", "gestart", "start_date", "begin"),
            "date",
            required=True,
        ),
        Field("eind", ("eind", "einddatum", "gestopt", "end", "end_date"), "date"),
    ),
}

# Issue 19: population-survey figures (CBS Veiligheidsmonitor style), one row per municipality and
# survey year. Shares are percentages (0-100, "12,3" or "12,3%"); margins are the half-width of
# the 95% interval in percentage points; the base is the number of people the shares refer to.
_SHARE = {"parse": "percent", "minimum": 0, "maximum": 100, "range_hint": "aandeel in procent"}
_MARGIN = {"parse": "percent", "minimum": 0, "maximum": 100, "range_hint": "marge in procentpunten"}
FIELDS["survey"] = (
    _GEMEENTE,
    Field(
        "jaar",
        ("jaar", "year", "enquetejaar", "peiljaar", "ronde", "survey_year"),
        "int",
        required=True,
        # The Integrale Veiligheidsmonitor began in 2008; a round cannot lie in the future.
        minimum=2008,
        maximum=dt.date.today().year,
        range_hint="jaar van de enquêteronde",
    ),
    Field(
        "straatintimidatie_pct",
        (
            "straatintimidatie",
            "straatintimidatie_pct",
            "straatintimidatie_procent",
            "slachtofferschap_straatintimidatie",
            "street_harassment",
            "street_harassment_pct",
        ),
        required=True,
        **_SHARE,
    ),
    Field(
        "straatintimidatie_marge",
        (
            "straatintimidatie_marge",
            "marge_straatintimidatie",
            "straatintimidatie_marge_95",
            "street_harassment_margin",
        ),
        required=True,
        **_MARGIN,
    ),
    Field(
        "onveilig_buurt_pct",
        ("onveilig_buurt", "onveilig_buurt_pct", "onveilig_in_buurt", "unsafe_neighbourhood"),
        **_SHARE,
    ),
    Field(
        "onveilig_buurt_marge",
        ("onveilig_buurt_marge", "marge_onveilig_buurt", "unsafe_neighbourhood_margin"),
        **_MARGIN,
    ),
    Field(
        "onveilig_avond_pct",
        ("onveilig_avond", "onveilig_avond_pct", "onveilig_s_avonds", "unsafe_at_night", "unsafe_night"),
        **_SHARE,
    ),
    Field(
        "onveilig_avond_marge",
        ("onveilig_avond_marge", "marge_onveilig_avond", "unsafe_at_night_margin", "unsafe_night_margin"),
        **_MARGIN,
    ),
    Field(
        "basis_aantal",
        ("basis_aantal", "basis", "populatie", "inwoners_15_plus", "inwoners_15+", "population_base"),
        "int",
        required=True,
        minimum=1,
        maximum=20_000_000,
        range_hint="aantal mensen",
    ),
    Field(
        "basis_omschrijving",
        ("basis_omschrijving", "populatie_omschrijving", "base_description"),
        "text",
    ),
    Field("bron", ("bron", "source"), "text"),
)

#: The key that must be unique within a file and is used to recognise rows already in the store.
KEYS = {
    "reports": ("gemeentecode", "melding_id"),
    "activities": ("activiteit_id",),
    "campaigns": ("campagne_id",),
    "risk-areas": ("risicogebied_id",),
    "population": ("gemeentecode", "jaar"),
    "channels": ("kanaal_id",),
    "survey": ("gemeentecode", "jaar"),
}
TABLE_OF = {
    "reports": "reports",
    "activities": "activities",
    "campaigns": "campaigns",
    "risk-areas": "risk_areas",
    "population": "population",
    "channels": "channels",
    "survey": "survey_indicators",
}


def required_fields(kind: str) -> list[str]:
    """The fields a file of ``kind`` must have (by their Dutch name)."""
    return [f.name for f in _fields(kind) if f.required]


def optional_fields(kind: str) -> list[str]:
    """The fields a file of ``kind`` may have."""
    return [f.name for f in _fields(kind) if not f.required]


def _fields(kind: str) -> tuple[Field, ...]:
    if kind not in FIELDS:
        raise ImportRefused(f"Onbekende soort gegevens {kind!r}; toegestaan: {', '.join(KINDS)}.")
    return FIELDS[kind]


def _normalise_header(name: object) -> str:
    text = str(name).replace("\ufeff", "").strip().strip('"').strip().lower()
    return re.sub(r"[\s\-/]+", "_", text)


def resolve_columns(columns, kind: str, mapping: dict[str, str] | None = None) -> dict[str, str]:
    """Map each field of ``kind`` to a file column: explicit ``mapping`` first, then the aliases.

    Returns ``{field: file column}``; raises ``ImportRefused`` naming the missing required fields.
    """
    fields = _fields(kind)
    columns = [str(c) for c in columns]
    found: dict[str, str] = {}
    for name, column in (mapping or {}).items():
        if column and column in columns:
            found[name] = column
    by_header = {}
    for column in columns:
        by_header.setdefault(_normalise_header(column), column)
    taken = set(found.values())
    for f in fields:
        if f.name in found:
            continue
        for alias in (f.name, *f.aliases):
            column = by_header.get(alias)
            if column is not None and column not in taken:
                found[f.name] = column
                taken.add(column)
                break
    missing = [f.name for f in fields if f.required and f.name not in found]
    if missing:
        aliases = "; ".join(
            f"{f.name} (of {', '.join(a for a in f.aliases if a != f.name)})"
            for f in fields
            if f.name in missing
        )
        raise ImportRefused(
            f"Verplichte kolom(men) ontbreken: {aliases}. Gevonden kolommen: {', '.join(columns) or '(geen)'}. "
            "Koppel de kolommen op de pagina Gegevens of gebruik het sjabloon."
        )
    return found
