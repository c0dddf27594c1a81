"""Tables, columns and vocabularies of vsdash: the one source of truth.

Every table is a ``Table`` of ``Column``s. From this one definition come the SQL DDL (DuckDB and
PostgreSQL), the pandera validation schemas used before anything is written, and the data
dictionary in ``docs/data-dictionary.md`` (a test checks it is up to date).

Reports carry no free text and no personal data: only codes, timestamps, a category from a fixed
vocabulary, and location coarsened at ingest to H3 cells (and, where known, a wijk code and risk
area). Raw coordinates are not stored (see ``docs/adr/0001-store-and-aggregates.md``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandera.pandas as pa

# Vocabularies -----------------------------------------------------------------------------------

ACTIVITY_CATEGORIES = ("onderzoek", "preventie", "interventie", "repressie")

ACTIVITY_TYPES = (
    "bevolkingsonderzoek",
    "gericht_onderzoek",
    "gesprekken_partners",
    "meldpunt",
    "campagne",
    "ludieke_actie",
    "congres",
    "training_professionals",
    "voorlichting_school",
    "podcast",
    "workshop",
    "groepsdruktraining",
    "jongerenambassadeurs",
    "uitgaanspersoneel_training",
    "buschauffeurs_training",
    "omstandertraining",
    "straattheater",
    "suswachters",
    "bespreking_veiligheidsoverleg",
    "fysieke_maatregel",
    "apv_verbod",
    "handhaving",
    "politie_inzet",
)

ACTIVITY_STATUSES = ("gepland", "lopend", "afgerond", "uitgesteld_covid", "geannuleerd")

TARGET_GROUPS = (
    "vrouwen_meisjes",
    "lhbti",
    "mensen_van_kleur",
    "mensen_met_beperking",
    "migranten",
    "jongens_mannen",
    "omstanders",
    "uitgaanspersoneel",
    "scholieren_studenten",
    "professionals",
    "algemeen_publiek",
)

REPORT_CATEGORIES = ("verbaal", "non-verbaal", "fysiek", "achtervolgen", "overig")

CHANNEL_KINDS = ("app", "meldpunt_web", "telefoon", "wijkteam")

CAMPAIGN_SCOPES = ("landelijk", "lokaal")

RISK_AREA_TYPES = ("uitgaansgebied", "station_ov", "park", "route", "campus", "winkelgebied")

MEASURE_TYPES = ("verlichting", "camera", "suswachters", "hangplek_verplaatst", "politie_inzet", "inrichting")

PEER_GROUPS = ("G4", "vs_sinds_2020", "vs_sinds_2022", "studentenstad")

PROGRAMMES = ("veilige_steden", "leefbaarheid_veiligheid", "city_deal_zorg_veiligheid")

#: H3 resolutions stored per report; 8 is the finest the public view may show (privacy.py).
H3_RESOLUTIONS = (7, 8, 9)


@dataclass(frozen=True)
class Column:
    """One column: name, SQL type, whether it may be empty, and what it means (Dutch)."""

    name: str
    sql: str
    description: str
    nullable: bool = True
    vocabulary: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Table:
    """One table of the store with its columns and primary key."""

    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...] = ()
    indexes: tuple[tuple[str, ...], ...] = field(default=())

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def ddl(self, dialect: str = "duckdb") -> str:
        """Return ``CREATE TABLE IF NOT EXISTS`` for ``dialect`` (duckdb or postgresql)."""
        parts = []
        for col in self.columns:
            sql = col.sql
            if dialect == "postgresql":
                sql = {"UBIGINT": "BIGINT", "DOUBLE": "DOUBLE PRECISION", "UTINYINT": "SMALLINT"}.get(
                    sql, sql
                )
            parts.append(f"{col.name} {sql}{'' if col.nullable else ' NOT NULL'}")
        if self.primary_key:
            parts.append(f"PRIMARY KEY ({', '.join(self.primary_key)})")
        return f"CREATE TABLE IF NOT EXISTS {self.name} (\n  " + ",\n  ".join(parts) + "\n)"


def _c(name: str, sql: str, description: str, nullable: bool = True, vocabulary=None) -> Column:
    return Column(name, sql, description, nullable, vocabulary)


MUNICIPALITIES = Table(
    "municipalities",
    "Alle 342 gemeenten (CBS gemeentelijke indeling 2025), gesleuteld op CBS-code.",
    (
        _c("gemeentecode", "VARCHAR", "CBS-code, bijvoorbeeld GM0363", False),
        _c("naam", "VARCHAR", "Naam volgens CBS, bijvoorbeeld 's-Gravenhage", False),
        _c("weergavenaam", "VARCHAR", "Naam zoals inwoners hem gebruiken, bijvoorbeeld Den Haag", False),
        _c("provincie", "VARCHAR", "Provincie (alleen ingevuld voor gemeenten in de programma's)"),
        _c(
            "lat",
            "DOUBLE",
            "Breedtegraad van een punt binnen de gemeente (WGS84), berekend uit CBS-grenzen 2025",
        ),
        _c("lon", "DOUBLE", "Lengtegraad van dat punt (WGS84)"),
    ),
    ("gemeentecode",),
)

POPULATION = Table(
    "population",
    "Inwoners op 1 januari per gemeente en jaar (CBS StatLine 03759NED).",
    (
        _c("gemeentecode", "VARCHAR", "CBS-code", False),
        _c("jaar", "INTEGER", "Jaar; het aantal geldt op 1 januari van dat jaar", False),
        _c("inwoners", "INTEGER", "Aantal inwoners", False),
        _c("bron", "VARCHAR", "Herkomst van het cijfer", False),
        _c("import_id", "VARCHAR", "Import waaruit de rij komt (leeg: CBS-referentie)"),
    ),
    ("gemeentecode", "jaar"),
)

PEER_GROUP_MEMBERS = Table(
    "peer_groups",
    "Vergelijkingsgroepen: G4, deelnemers Veilige Steden sinds 2020 of 2022, studentensteden.",
    (
        _c("groep", "VARCHAR", "Groep", False, PEER_GROUPS),
        _c("gemeentecode", "VARCHAR", "CBS-code", False),
    ),
    ("groep", "gemeentecode"),
)

PROGRAMMES_TABLE = Table(
    "programmes",
    "Rijksprogramma's waaraan gemeenten deelnemen.",
    (
        _c("programma", "VARCHAR", "Sleutel van het programma", False, PROGRAMMES),
        _c("naam", "VARCHAR", "Naam", False),
        _c("ministerie", "VARCHAR", "Verantwoordelijk ministerie", False),
        _c("omschrijving", "VARCHAR", "Korte omschrijving"),
    ),
    ("programma",),
)

MEMBERSHIPS = Table(
    "memberships",
    "Deelname van een gemeente aan een programma, met jaar van instromen en uitstappen.",
    (
        _c("programma", "VARCHAR", "Programma", False, PROGRAMMES),
        _c("gemeentecode", "VARCHAR", "CBS-code", False),
        _c("jaar_start", "INTEGER", "Eerste jaar van deelname", False),
        _c("jaar_eind", "INTEGER", "Laatste jaar van deelname (leeg: loopt nog)"),
        _c(
            "bijdrage_rijk_eur",
            "INTEGER",
            "Bijdrage van het Rijk per jaar (Veilige Steden: 50.000 G4, 30.000 overig)",
        ),
        _c("cofinanciering_eur", "INTEGER", "Verplichte eigen bijdrage per jaar (geld of inzet)"),
    ),
    ("programma", "gemeentecode"),
)

RISK_AREAS = Table(
    "risk_areas",
    "Risicogebieden: plekken waar straatintimidatie vaak voorkomt (uitgaansgebied, station, park, ...).",
    (
        _c("risicogebied_id", "VARCHAR", "Sleutel", False),
        _c("gemeentecode", "VARCHAR", "CBS-code", False),
        _c("naam", "VARCHAR", "Naam van de plek", False),
        _c("type", "VARCHAR", "Soort gebied", False, RISK_AREA_TYPES),
        _c("geometrie_wkt", "VARCHAR", "Omtrek als WKT-polygoon in WGS84 (EPSG:4326)", False),
        _c("lat", "DOUBLE", "Breedtegraad van het midden", False),
        _c("lon", "DOUBLE", "Lengtegraad van het midden", False),
        _c("import_id", "VARCHAR", "Import waaruit de rij komt (demo voor demodata)"),
    ),
    ("risicogebied_id",),
)

RISK_AREA_MEASURES = Table(
    "risk_area_measures",
    "Maatregelen in een risicogebied (verlichting, camera's, suswachters, ...) met datum.",
    (
        _c("risicogebied_id", "VARCHAR", "Risicogebied", False),
        _c("maatregel", "VARCHAR", "Soort maatregel", False, MEASURE_TYPES),
        _c("datum", "DATE", "Datum waarop de maatregel inging", False),
        _c("omschrijving", "VARCHAR", "Korte omschrijving (geen persoonsgegevens)"),
    ),
    ("risicogebied_id", "maatregel", "datum"),
)

CHANNELS = Table(
    "channels",
    "Meldkanalen per gemeente met start (en eind): een nieuwe app of meldpunt is een breuk in de reeks.",
    (
        _c("kanaal_id", "VARCHAR", "Sleutel", False),
        _c("gemeentecode", "VARCHAR", "CBS-code", False),
        _c("naam", "VARCHAR", "Naam van het kanaal", False),
        _c("soort", "VARCHAR", "Soort kanaal", False, CHANNEL_KINDS),
        _c("start", "DATE", "Datum van lancering", False),
        _c("eind", "DATE", "Datum van beëindiging (leeg: actief)"),
    ),
    ("kanaal_id",),
)

CAMPAIGNS = Table(
    "campaigns",
    "Publiekscampagnes, landelijk (zoals 'Ben jij OK?') of lokaal.",
    (
        _c("campagne_id", "VARCHAR", "Sleutel", False),
        _c("naam", "VARCHAR", "Naam", False),
        _c("schaal", "VARCHAR", "Landelijk of lokaal", False, CAMPAIGN_SCOPES),
        _c("kanalen", "VARCHAR", "Middelen, gescheiden door ';' (posters, sociale media, ...)"),
        _c("start", "DATE", "Eerste dag", False),
        _c("eind", "DATE", "Laatste dag", False),
        _c("import_id", "VARCHAR", "Import waaruit de rij komt"),
    ),
    ("campagne_id",),
)

CAMPAIGN_MUNICIPALITIES = Table(
    "campaign_municipalities",
    "Welke gemeenten aan een campagne meededen.",
    (
        _c("campagne_id", "VARCHAR", "Campagne", False),
        _c("gemeentecode", "VARCHAR", "CBS-code", False),
    ),
    ("campagne_id", "gemeentecode"),
)

ACTIVITIES = Table(
    "activities",
    "Activiteiten van gemeenten in de vier categorieën van de evaluatie.",
    (
        _c("activiteit_id", "VARCHAR", "Sleutel", False),
        _c("gemeentecode", "VARCHAR", "CBS-code", False),
        _c("programma", "VARCHAR", "Programma waaronder de activiteit valt", True, PROGRAMMES),
        _c(
            "categorie",
            "VARCHAR",
            "Onderzoek, preventie, interventie of repressie",
            False,
            ACTIVITY_CATEGORIES,
        ),
        _c("type", "VARCHAR", "Soort activiteit", False, ACTIVITY_TYPES),
        _c("titel", "VARCHAR", "Korte titel", False),
        _c("doelgroepen", "VARCHAR", "Doelgroepen, gescheiden door ';'"),
        _c("partners", "VARCHAR", "Partners, gescheiden door ';'"),
        _c("start", "DATE", "Begin", False),
        _c("eind", "DATE", "Einde (leeg: doorlopend)"),
        _c("status", "VARCHAR", "Stand van zaken", False, ACTIVITY_STATUSES),
        _c("bereik", "INTEGER", "Aantal bereikte personen (schatting)"),
        _c("budget_eur", "INTEGER", "Budget in euro"),
        _c("risicogebied_id", "VARCHAR", "Risicogebied waar de activiteit plaatsvindt"),
        _c("campagne_id", "VARCHAR", "Campagne als de activiteit een campagne is"),
        _c("import_id", "VARCHAR", "Import waaruit de rij komt"),
        _c("gewijzigd_op", "TIMESTAMP", "Wanneer de rij is ingevoerd of het laatst gewijzigd"),
        # Issue 19: the knowledge register, so what was learned does not leave with the officer.
        _c("uitkomst", "VARCHAR", "Kennisregister: wat de activiteit opleverde (platte tekst)"),
        _c("lessen", "VARCHAR", "Kennisregister: geleerde lessen (platte tekst)"),
        _c("evaluatie_url", "VARCHAR", "Kennisregister: link naar een evaluatie (alleen http of https)"),
        _c(
            "contact_rol",
            "VARCHAR",
            "Kennisregister: contact als organisatie en functie, zonder naam of e-mailadres",
        ),
    ),
    ("activiteit_id",),
)

REPORTS = Table(
    "reports",
    "Meldingen van straatintimidatie. Geen vrije tekst, geen persoonsgegevens, geen ruwe coördinaten.",
    (
        _c("melding_id", "VARCHAR", "Kenmerk van de melding, uniek per gemeente", False),
        _c("gemeentecode", "VARCHAR", "CBS-code", False),
        _c("gebeurd_op", "TIMESTAMP", "Wanneer het voorval plaatsvond", False),
        _c("ontvangen_op", "TIMESTAMP", "Wanneer de melding binnenkwam", False),
        _c("kanaal_id", "VARCHAR", "Meldkanaal"),
        _c("categorie", "VARCHAR", "Soort voorval", False, REPORT_CATEGORIES),
        _c("wijkcode", "VARCHAR", "CBS-wijkcode (WK...), als bekend"),
        _c("risicogebied_id", "VARCHAR", "Risicogebied waarin het voorval plaatsvond, als bekend"),
        _c("h3_r7", "UBIGINT", "H3-cel resolutie 7 (ca. 5 km²)"),
        _c("h3_r8", "UBIGINT", "H3-cel resolutie 8 (ca. 0,7 km²); de fijnste die het publiek ziet"),
        _c("h3_r9", "UBIGINT", "H3-cel resolutie 9 (ca. 0,1 km²); alleen voor berekeningen op de server"),
        _c("import_id", "VARCHAR", "Import waaruit de rij komt"),
        # Issue 14: the fixed random key of cell-key perturbation (docs/adr/0006-cell-key-perturbation.md).
        _c(
            "record_key",
            "INTEGER",
            "Vaste willekeurige sleutel 0-255, bij het inlezen toegekend; bepaalt de kleine verstoring van "
            "gepubliceerde aantallen (nooit zelf getoond)",
            False,
        ),
    ),
    ("gemeentecode", "melding_id"),
)

IMPORT_LOG = Table(
    "import_log",
    "Logboek van imports: wanneer, door wie, welk bestand (hash) en hoeveel rijen.",
    (
        _c("import_id", "VARCHAR", "Sleutel", False),
        _c("tijdstip", "TIMESTAMP", "Moment van importeren", False),
        _c("gebruiker", "VARCHAR", "Wie importeerde", False),
        _c("bestand", "VARCHAR", "Bestandsnaam", False),
        _c("sha256", "VARCHAR", "Hash van het bestand", False),
        _c("soort", "VARCHAR", "Soort gegevens", False),
        _c("aanvaard", "INTEGER", "Geldige rijen", False),
        _c("geweigerd", "INTEGER", "Ongeldige rijen", False),
        _c("geschreven", "INTEGER", "Rijen toegevoegd", False),
        _c("dubbel", "INTEGER", "Rijen die al bestonden", False),
        _c("ongedaan", "BOOLEAN", "Of de import ongedaan is gemaakt", False),
    ),
    ("import_id",),
)

IMPORT_REJECTIONS = Table(
    "import_rejections",
    "Geweigerde rijen van imports met --skip-invalid, met de reden. Alleen de ingelezen velden: "
    "geen coördinaten, vrije tekst of kolommen die de import negeert (die kunnen persoonsgegevens "
    "bevatten). Ongedaan maken van de import wist ze ook.",
    (
        _c("import_id", "VARCHAR", "Import waarbij de rij werd geweigerd", False),
        _c("rij", "INTEGER", "Rijnummer zoals een spreadsheet het toont (kopregel is rij 1)", False),
        _c("kolom", "VARCHAR", "Kolom met het probleem (zoals in het bestand)"),
        _c("waarde", "VARCHAR", "De geweigerde waarde (coördinaten en vrije tekst: niet bewaard)"),
        _c("melding", "VARCHAR", "Wat er mis is en wat is toegestaan", False),
        _c(
            "gegevens",
            "VARCHAR",
            "De ingelezen velden van de rij als JSON; zonder coördinaten, vrije tekst en genegeerde kolommen",
            False,
        ),
    ),
)

# Issue 19: prevalence from the population survey (CBS Veiligheidsmonitor style), next to reports,
# so that reports can be read against how many people experienced street harassment.
SURVEY_INDICATORS = Table(
    "survey_indicators",
    "Enquêtecijfers per gemeente en jaar (in de stijl van de CBS Veiligheidsmonitor, tweejaarlijks, "
    "betrouwbaar voor gemeenten vanaf 70.000 inwoners): aandeel dat straatintimidatie meemaakte en "
    "aandeel dat zich onveilig voelt, elk met de marge van het 95%-betrouwbaarheidsinterval.",
    (
        _c("gemeentecode", "VARCHAR", "CBS-code", False),
        _c("jaar", "INTEGER", "Jaar van de enquêteronde (veldwerk)", False),
        _c(
            "straatintimidatie_pct",
            "DOUBLE",
            "Aandeel (procent) dat in de afgelopen 12 maanden straatintimidatie meemaakte",
            False,
        ),
        _c(
            "straatintimidatie_marge",
            "DOUBLE",
            "Marge van dat aandeel in procentpunten (halve breedte van het 95%-interval)",
            False,
        ),
        _c(
            "onveilig_buurt_pct",
            "DOUBLE",
            "Aandeel (procent) dat zich wel eens onveilig voelt in de eigen buurt",
        ),
        _c("onveilig_buurt_marge", "DOUBLE", "Marge daarvan in procentpunten (95%)"),
        _c(
            "onveilig_avond_pct",
            "DOUBLE",
            "Aandeel (procent) dat zich 's avonds op straat wel eens onveilig voelt",
        ),
        _c("onveilig_avond_marge", "DOUBLE", "Marge daarvan in procentpunten (95%)"),
        _c(
            "basis_aantal",
            "INTEGER",
            "Aantal mensen waarop de aandelen slaan (bijvoorbeeld inwoners van 15 jaar en ouder)",
            False,
        ),
        _c(
            "basis_omschrijving",
            "VARCHAR",
            "Wie de basis vormt, bijvoorbeeld 'inwoners 15 jaar en ouder'",
            False,
        ),
        _c("bron", "VARCHAR", "Herkomst van de cijfers", False),
        _c("import_id", "VARCHAR", "Import waaruit de rij komt (demo voor demodata)"),
    ),
    ("gemeentecode", "jaar"),
)

DEMO_GROUND_TRUTH = Table(
    "demo_ground_truth",
    "Alleen bij demodata: het ingebouwde effect van elke campagne per gemeente (waarheid om schatters te toetsen).",
    (
        _c("campagne_id", "VARCHAR", "Campagne", False),
        _c("gemeentecode", "VARCHAR", "CBS-code", False),
        _c("lift", "DOUBLE", "Relatieve toename van meldingen tijdens de campagne (0,4 = 40% meer)", False),
    ),
    ("campagne_id", "gemeentecode"),
)

META = Table(
    "meta",
    "Eigenschappen van de opslag, zoals of het demodata is.",
    (
        _c("sleutel", "VARCHAR", "Naam", False),
        _c("waarde", "VARCHAR", "Waarde", False),
    ),
    ("sleutel",),
)

# Issue 15: failed logins live in the store so that a new session, a cleared cache or a restart
# gives no fresh attempts (vsdash/login_throttle.py).
LOGIN_FAILURES = Table(
    "login_failures",
    "Mislukte inlogpogingen per account en per adres, voor de wachttijd na te veel pogingen. "
    "Geen wachtwoorden; een geslaagde login wist de rij.",
    (
        _c("sleutel", "VARCHAR", "account:<naam> of address:<IP-adres>", False),
        _c("mislukt", "INTEGER", "Aantal mislukte pogingen achter elkaar", False),
        _c("laatste", "TIMESTAMP", "Moment van de laatste mislukte poging (UTC)", False),
        _c(
            "geblokkeerd_tot",
            "TIMESTAMP",
            "Tot wanneer inloggen met deze sleutel wordt geweigerd (UTC)",
            False,
        ),
    ),
    ("sleutel",),
)

#: Record keys are 0..RECORD_KEY_MODULUS-1; a cell's key is the sum of its records' keys modulo this.
RECORD_KEY_MODULUS = 256
#: Version of the table layout, kept in ``meta.schema_versie``; 2 added record and cell keys (issue 14).
SCHEMA_VERSION = 2

# Pre-aggregated tables: rebuilt from ``reports`` after every write, so pages never scan raw rows.
AGG_DAILY = Table(
    "agg_daily",
    "Afgeleid: meldingen per gemeente, dag, categorie en kanaal.",
    (
        _c("gemeentecode", "VARCHAR", "CBS-code", False),
        _c("dag", "DATE", "Dag van het voorval", False),
        _c("categorie", "VARCHAR", "Soort voorval", False),
        _c("kanaal_id", "VARCHAR", "Meldkanaal"),
        _c("n", "INTEGER", "Aantal meldingen", False),
        _c("ckey", "INTEGER", "Celsleutel: som van de recordsleutels modulo 256", False),
    ),
)

AGG_HOUR = Table(
    "agg_hour",
    "Afgeleid: meldingen per gemeente, maand, weekdag (1 = maandag) en uur.",
    (
        _c("gemeentecode", "VARCHAR", "CBS-code", False),
        _c("maand", "DATE", "Eerste dag van de maand", False),
        _c("weekdag", "INTEGER", "ISO-weekdag, 1 = maandag", False),
        _c("uur", "INTEGER", "Uur van de dag, 0-23", False),
        _c("categorie", "VARCHAR", "Soort voorval", False),
        _c("n", "INTEGER", "Aantal meldingen", False),
        _c("ckey", "INTEGER", "Celsleutel: som van de recordsleutels modulo 256", False),
    ),
)

AGG_HEX = Table(
    "agg_hex",
    "Afgeleid: meldingen per gemeente, week (maandag) en H3-cel resolutie 8.",
    (
        _c("gemeentecode", "VARCHAR", "CBS-code", False),
        _c("week", "DATE", "Maandag van de week", False),
        _c("h3_r8", "UBIGINT", "H3-cel resolutie 8", False),
        _c("n", "INTEGER", "Aantal meldingen", False),
        _c("ckey", "INTEGER", "Celsleutel: som van de recordsleutels modulo 256", False),
    ),
)

AGG_AREA = Table(
    "agg_area",
    "Afgeleid: meldingen per gemeente, week en risicogebied of wijk.",
    (
        _c("gemeentecode", "VARCHAR", "CBS-code", False),
        _c("week", "DATE", "Maandag van de week", False),
        _c("risicogebied_id", "VARCHAR", "Risicogebied (leeg: buiten risicogebieden)"),
        _c("wijkcode", "VARCHAR", "Wijk (leeg: onbekend)"),
        _c("n", "INTEGER", "Aantal meldingen", False),
        _c("ckey", "INTEGER", "Celsleutel: som van de recordsleutels modulo 256", False),
    ),
)

BASE_TABLES = (
    MUNICIPALITIES,
    POPULATION,
    PEER_GROUP_MEMBERS,
    PROGRAMMES_TABLE,
    MEMBERSHIPS,
    RISK_AREAS,
    RISK_AREA_MEASURES,
    CHANNELS,
    CAMPAIGNS,
    CAMPAIGN_MUNICIPALITIES,
    ACTIVITIES,
    REPORTS,
    SURVEY_INDICATORS,
    IMPORT_LOG,
    IMPORT_REJECTIONS,
    DEMO_GROUND_TRUTH,
    META,
)
AGGREGATE_TABLES = (AGG_DAILY, AGG_HOUR, AGG_HEX, AGG_AREA)
#: The tables the demo generator fills (reference tables are facts and stay); children first.
DEMO_TABLES = (
    "reports",
    "channels",
    "campaign_municipalities",
    "campaigns",
    "demo_ground_truth",
    "risk_area_measures",
    "risk_areas",
    "activities",
    "survey_indicators",
)
#: Tables that are not data: kept out of content_hash and of demo clearing.
SECURITY_TABLES = (LOGIN_FAILURES,)
ALL_TABLES = BASE_TABLES + AGGREGATE_TABLES + SECURITY_TABLES
TABLES = {t.name: t for t in ALL_TABLES}


# Validation ----------------------------------------------------------------------------------------

_PANDERA_DTYPES = {
    "VARCHAR": str,
    "INTEGER": "Int64",
    "DOUBLE": float,
    "DATE": "datetime64[ns]",
    "TIMESTAMP": "datetime64[ns]",
    "UBIGINT": "UInt64",
    "BOOLEAN": bool,
}


def pandera_schema(table: Table) -> pa.DataFrameSchema:
    """Build the pandera schema that a frame must satisfy before it is written to ``table``.

    Types are coerced; vocabularies become ``isin`` checks; the primary key must be unique.
    """
    # Imported here, not at the top: only writing validates, and pandera costs a fifth of a second
    # of imports that every page (the first page of a fresh server among them) would pay (issue 17).
    import pandera.pandas as pa

    columns = {}
    for col in table.columns:
        checks = [pa.Check.isin(list(col.vocabulary))] if col.vocabulary else []
        columns[col.name] = pa.Column(
            _PANDERA_DTYPES[col.sql], checks=checks, nullable=col.nullable, coerce=True, required=True
        )
    unique = list(table.primary_key) if table.primary_key else None
    return pa.DataFrameSchema(columns, unique=unique, strict="filter", coerce=True)


def validate_frame(table: Table, frame):
    """Validate ``frame`` for ``table`` and return it with columns in table order and coerced types.

    Raises ``pandera.errors.SchemaErrors`` listing every failing cell (lazy validation).
    """
    # Optional columns a caller leaves out (e.g. ``import_id`` of reference rows) are written empty.
    missing = [c.name for c in table.columns if c.nullable and c.name not in frame.columns]
    if missing:
        frame = frame.assign(**{name: None for name in missing})
    validated = pandera_schema(table).validate(frame, lazy=True)
    return validated[table.column_names]


def data_dictionary_markdown() -> str:
    """Render every table and column as Markdown (the body of ``docs/data-dictionary.md``)."""
    lines = [
        "# Gegevenswoordenboek (data dictionary)",
        "",
        "Gegenereerd uit `vsdash/schema.py` met `python -m vsdash docs`; niet met de hand bewerken.",
        "",
    ]
    for table in ALL_TABLES:
        lines += [f"## `{table.name}`", "", table.description, ""]
        if table.primary_key:
            lines += [f"Sleutel: `{', '.join(table.primary_key)}`", ""]
        lines += ["| kolom | type | leeg mag | betekenis |", "|---|---|---|---|"]
        for col in table.columns:
            meaning = col.description
            if col.vocabulary:
                meaning += " (" + ", ".join(f"`{v}`" for v in col.vocabulary) + ")"
            lines.append(f"| `{col.name}` | {col.sql} | {'ja' if col.nullable else 'nee'} | {meaning} |")
        lines.append("")
    return "\n".join(lines)
