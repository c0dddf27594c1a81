"""Read CSV/XLSX/GeoJSON files, validate every row, and write them atomically with an import log.

Five kinds of data (``KINDS``): reports, activities, campaigns, risk areas and population.

Flow of ``import_file``: refuse unsafe files (empty, too big, not what the name says, zip bombs,
unknown encodings) -> read every cell as text -> map Dutch or English headers to fields ->
parse (dates ``dd-mm-jjjj [uu:mm]``, decimal commas, municipality names) -> validate with pandera
(vocabularies, ranges, dates not in the future, coordinates inside the municipality, duplicate ids,
spreadsheet formulas) -> in ONE transaction: drop rows that already exist, write the new rows, the
import log and the refused rows, rebuild the report aggregates of the affected municipalities.

All or nothing by default: one invalid row refuses the file and the store is unchanged. With
``skip_invalid`` the valid rows are written and the refused rows kept with their reasons (table
``import_rejections``; for a DuckDB store also ``imports/<import_id>-geweigerd.csv`` beside it).

Reports lose their raw coordinates here: they become H3 cells (res 7/8/9), a wijkcode and a risk
area, and the coordinates are dropped (``docs/adr/0001``); refused rows are kept without them.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import io
import json
import re
import uuid
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pandera.pandas as pa

from vsdash import schema, settings
from vsdash.store import with_record_keys

Progress = Callable[[float, str], None]

KINDS = ("reports", "activities", "campaigns", "risk-areas", "population")
KIND_LABELS = {
    "reports": "meldingen",
    "activities": "activiteiten",
    "campaigns": "campagnes",
    "risk-areas": "risicogebieden",
    "population": "inwoners",
}
TABULAR_SUFFIXES = (".csv", ".txt", ".xlsx", ".xlsm")
GEO_SUFFIXES = (".geojson", ".json", ".gpkg")
MAX_CELL_CHARS = 1000
MAX_ERRORS_LISTED = 1000
# A zip member that inflates more than this many times (and past 10 MB) is treated as a zip bomb;
# real workbooks compress about 5-20 times.
MAX_ZIP_RATIO = 200
MAX_XLSX_UNCOMPRESSED = 2 * 1024**3
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
EARLIEST = pd.Timestamp("2000-01-01")
COORDINATE_FIELDS = ("lat", "lon")


def _noop(fraction: float, message: str) -> None:
    return None


# -- results and refusals ---------------------------------------------------------------------------


class ImportRefused(Exception):
    """The whole file is refused (unreadable, unsafe, wrong columns); the message is Dutch."""


@dataclass(frozen=True)
class RowError:
    """One problem in one cell: spreadsheet row number (header = 1), column as in the file, value."""

    row: int | None
    column: str | None
    value: str | None
    message: str

    def as_dict(self) -> dict:
        return {"row": self.row, "column": self.column, "value": self.value, "message": self.message}

    def sentence(self) -> str:
        """The error as one Dutch sentence naming row, column and value."""
        where = f"rij {self.row}" if self.row is not None else "bestand"
        if self.column:
            where += f", kolom '{self.column}'"
        value = f", waarde {self.value!r}" if self.value not in (None, "") else ""
        return f"{where}{value}: {self.message}"


@dataclass
class ImportResult:
    """What an import did (or, for a dry run or a refusal, would have done)."""

    kind: str
    file_name: str
    sha256: str
    rows: int = 0
    accepted: int = 0
    rejected: int = 0
    written: int = 0
    duplicates: int = 0
    errors: list[RowError] = field(default_factory=list)
    errors_total: int = 0
    warnings: list[str] = field(default_factory=list)
    import_id: str | None = None
    dry_run: bool = False
    refused: bool = False
    rejections_file: str | None = None

    @property
    def ok(self) -> bool:
        """True when everything asked was done (a refusal or a dry run with errors is not ok)."""
        return not self.refused

    def as_dict(self) -> dict:
        """The result as the command line prints it with ``--json``."""
        return {
            "accepted": self.accepted,
            "rejected": self.rejected,
            "written": self.written,
            "duplicates": self.duplicates,
            "errors": [e.as_dict() for e in self.errors],
            "errors_total": self.errors_total,
            "warnings": self.warnings,
            "import_id": self.import_id,
            "dry_run": self.dry_run,
            "refused": self.refused,
            "rejections_file": self.rejections_file,
        }


# -- fields per kind ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Field:
    """A field an import understands: its names in files, how it is parsed, what is allowed."""

    name: str
    aliases: tuple[str, ...]
    parse: str  # text, code, gemeente, gemeenten, datetime, date, time, float, int, vocab, vocab_list
    required: bool = False
    vocabulary: tuple[str, ...] = ()
    synonyms: tuple[tuple[str, str], ...] = ()  # English or loose spellings -> vocabulary value
    minimum: float | None = None
    maximum: float | None = None
    max_chars: int = 200
    pattern: str | None = None
    pattern_hint: str = ""


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
}

#: The key that must be unique within a file and is used to recognise rows already in the store.
KEYS = {
    "reports": ("gemeentecode", "melding_id"),
    "activities": ("activiteit_id",),
    "campaigns": ("campagne_id",),
    "risk-areas": ("risicogebied_id",),
    "population": ("gemeentecode", "jaar"),
}
TABLE_OF = {
    "reports": "reports",
    "activities": "activities",
    "campaigns": "campaigns",
    "risk-areas": "risk_areas",
    "population": "population",
}

_PARSE_HINTS = {
    "datetime": "gebruik dd-mm-jjjj of dd-mm-jjjj uu:mm (bijvoorbeeld 14-03-2024 22:30)",
    "date": "gebruik dd-mm-jjjj (bijvoorbeeld 14-03-2024)",
    "time": "gebruik uu:mm (bijvoorbeeld 22:30)",
    "float": "verwacht een getal met een decimale komma of punt (bijvoorbeeld 52,0907)",
    "int": "verwacht een geheel getal (bijvoorbeeld 1250)",
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


# -- reading files safely ------------------------------------------------------------------------------


def file_sha256(data: bytes) -> str:
    """The SHA-256 of a file's bytes (the import log records it)."""
    return hashlib.sha256(data).hexdigest()


def read_source(source: str | Path | bytes, file_name: str | None = None) -> tuple[bytes, str]:
    """Return the bytes and file name of ``source`` (a path or bytes), refusing files over the limit."""
    limit = settings.max_upload_bytes()
    if isinstance(source, bytes | bytearray):
        data, name = bytes(source), file_name or "upload"
    else:
        path = Path(source)
        name = file_name or path.name
        if not path.is_file():
            raise ImportRefused(f"{name}: bestand niet gevonden.")
        if path.stat().st_size > limit:
            raise ImportRefused(_too_big(name, path.stat().st_size, limit))
        data = path.read_bytes()
    if len(data) > limit:
        raise ImportRefused(_too_big(name, len(data), limit))
    return data, name


def _too_big(name: str, size: int, limit: int) -> str:
    return (
        f"{name} is {size / 1024**2:.1f} MB; de grens is {limit / 1024**2:.0f} MB "
        "(instelling VSDASH_MAX_UPLOAD_MB). Splits het bestand of vraag de beheerder de grens te verhogen."
    )


def read_table(data: bytes, file_name: str) -> pd.DataFrame:
    """Read a CSV or XLSX file into a frame of text cells, indexed by spreadsheet row number.

    Row numbers are as a spreadsheet shows them: the header is row 1, the first data row is 2.
    Fully empty rows are dropped. Refuses (``ImportRefused``) empty, binary, disguised or unsafe
    files with a Dutch message.
    """
    if not data.strip(b"\xef\xbb\xbf \t\r\n"):
        raise ImportRefused(f"{file_name} is leeg.")
    suffix = Path(file_name).suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        frame = _read_xlsx(data, file_name)
    elif suffix in (".csv", ".txt", ""):
        frame = _read_csv(data, file_name)
    elif suffix == ".xls":
        raise ImportRefused(f"{file_name} is een oud Excel-bestand (.xls); sla het op als .xlsx of als CSV.")
    elif suffix in GEO_SUFFIXES:
        raise ImportRefused(
            f"{file_name}: GeoJSON en GeoPackage zijn alleen voor risicogebieden; gebruik CSV of XLSX."
        )
    else:
        raise ImportRefused(
            f"{file_name}: bestandstype {suffix} wordt niet ondersteund; gebruik CSV (.csv) of Excel (.xlsx)."
        )
    if frame.columns.empty or all(str(c).strip() == "" for c in frame.columns):
        raise ImportRefused(f"{file_name} heeft geen kopregel met kolomnamen in rij 1.")
    frame = frame.fillna("").astype(str)
    frame.index = pd.RangeIndex(2, len(frame) + 2)
    keep = (frame != "").any(axis=1)
    frame = frame[keep]
    if frame.empty:
        raise ImportRefused(f"{file_name} bevat een kopregel maar geen gegevens.")
    return frame


def _decode(data: bytes, file_name: str) -> str:
    if data.startswith(b"PK\x03\x04"):
        raise ImportRefused(
            f"{file_name} is geen tekstbestand maar een zip/Excel-bestand; geef het de naam .xlsx of sla het op als CSV."
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ImportRefused(f"{file_name}: de tekencodering (UTF-16) is beschadigd.") from exc
    if b"\x00" in data:
        raise ImportRefused(
            f"{file_name} is geen tekstbestand (het bevat binaire gegevens); sla het op als CSV UTF-8."
        )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise ImportRefused(
            f"{file_name}: de tekencodering is niet herkend (geen UTF-8 en geen Windows-1252). "
            "Sla het bestand in Excel op als 'CSV UTF-8 (door komma's gescheiden)'."
        ) from exc


def _read_csv(data: bytes, file_name: str) -> pd.DataFrame:
    text = _decode(data, file_name)
    header = text.split("\n", 1)[0]
    counts = {sep: header.count(sep) for sep in (";", ",", "\t")}
    sep = max(counts, key=counts.get)
    try:
        frame = pd.read_csv(
            io.StringIO(text),
            sep=sep,
            dtype=str,
            keep_default_na=False,
            na_filter=False,
            skip_blank_lines=False,
            engine="c",
        )
    except pd.errors.EmptyDataError as exc:
        raise ImportRefused(f"{file_name} is leeg.") from exc
    except (pd.errors.ParserError, ValueError, OverflowError) as exc:
        found = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", str(exc))
        if found:
            raise ImportRefused(
                f"{file_name}: regel {found[2]} heeft {found[3]} kolommen, de kopregel {found[1]}. "
                f"Controleer het scheidingsteken ('{sep}') en de aanhalingstekens in die regel."
            ) from exc
        raise ImportRefused(f"{file_name} is geen leesbaar CSV-bestand ({exc}).") from exc
    return frame


def _check_zip(data: bytes, file_name: str) -> None:
    """Refuse anything that is not a plausible Excel workbook before openpyxl touches it."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ImportRefused(
            f"{file_name} is geen geldig Excel-bestand (.xlsx is een zip-archief; dit bestand niet)."
        ) from exc
    with archive:
        members = archive.infolist()
        names = {m.filename for m in members}
        if "xl/workbook.xml" not in names:
            raise ImportRefused(
                f"{file_name} is een zip-archief maar geen Excel-werkmap (xl/workbook.xml ontbreekt)."
            )
        total = sum(m.file_size for m in members)
        if total > MAX_XLSX_UNCOMPRESSED:
            raise ImportRefused(
                f"{file_name} pakt uit tot {total / 1024**3:.1f} GB; dat is te groot om veilig te lezen."
            )
        for m in members:
            if m.file_size > 10 * 1024**2 and m.file_size > MAX_ZIP_RATIO * max(m.compress_size, 1):
                raise ImportRefused(
                    f"{file_name} wordt niet gelezen: onderdeel {m.filename} pakt {m.file_size // max(m.compress_size, 1)} "
                    "keer uit (een 'zip-bom'). Sla het bestand opnieuw op als .xlsx of als CSV."
                )


def _xlsx_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, dt.date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, bool):
        return "WAAR" if value else "ONWAAR"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


def _read_xlsx(data: bytes, file_name: str) -> pd.DataFrame:
    import openpyxl

    _check_zip(data, file_name)
    try:
        # data_only=False: a formula stays visible as '=...' and is refused, not silently evaluated.
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many types for broken workbooks
        raise ImportRefused(
            f"{file_name} kan niet gelezen worden als Excel-werkmap ({type(exc).__name__})."
        ) from exc
    try:
        sheet = book.worksheets[0]
        rows = [[_xlsx_cell(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    except Exception as exc:  # noqa: BLE001 - a damaged sheet can fail anywhere while streaming
        raise ImportRefused(
            f"{file_name}: het eerste werkblad is beschadigd ({type(exc).__name__})."
        ) from exc
    finally:
        book.close()
    if not rows:
        raise ImportRefused(f"{file_name} is leeg.")
    width = max(len(r) for r in rows)
    header = rows[0] + [""] * (width - len(rows[0]))
    body = [r + [""] * (width - len(r)) for r in rows[1:]]
    named = [i for i, h in enumerate(header) if h.strip()]
    return pd.DataFrame([[r[i] for i in named] for r in body], columns=[header[i] for i in named], dtype=str)


def file_columns(data: bytes, file_name: str) -> list[str]:
    """The column headers of a CSV or XLSX file, as written (for the page's mapping step)."""
    return [str(c) for c in read_table(data, file_name).columns]


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


# -- parsing (vectorised) -----------------------------------------------------------------------------

_DMY = re.compile(
    r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[ T]+(\d{1,2})[:.](\d{2})(?::(\d{2})(?:\.\d+)?)?)?$"
)
_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$")
_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})(?::(\d{2}))?$")


def _parse_datetime(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Parse ``dd-mm-jjjj [uu:mm[:ss]]`` (and ISO ``jjjj-mm-dd``); return (timestamps, had_time)."""
    dmy = text.str.extract(_DMY).apply(pd.to_numeric, errors="coerce")
    ymd = text.str.extract(_YMD).apply(pd.to_numeric, errors="coerce")
    parts = pd.DataFrame(
        {
            "day": dmy[0].fillna(ymd[2]),
            "month": dmy[1].fillna(ymd[1]),
            "year": dmy[2].fillna(ymd[0]),
            "hour": dmy[3].fillna(ymd[3]),
            "minute": dmy[4].fillna(ymd[4]),
            "second": dmy[5].fillna(ymd[5]),
        }
    )
    had_time = parts["hour"].notna()
    numbers = parts
    numbers[["hour", "minute", "second"]] = numbers[["hour", "minute", "second"]].fillna(0)
    # Out-of-range parts (31-02, 25:00) make to_datetime yield NaT: an impossible date.
    bad_range = (numbers["hour"] > 23) | (numbers["minute"] > 59) | (numbers["second"] > 59)
    numbers.loc[bad_range, "day"] = np.nan
    stamps = pd.to_datetime(numbers[["year", "month", "day", "hour", "minute", "second"]], errors="coerce")
    return stamps, had_time


def _parse_time(text: pd.Series) -> pd.Series:
    parts = text.str.extract(_TIME).apply(pd.to_numeric, errors="coerce")
    ok = (parts[0] <= 23) & (parts[1] <= 59) & (parts[2].fillna(0) <= 59)
    delta = pd.to_timedelta(parts[0] * 3600 + parts[1] * 60 + parts[2].fillna(0), unit="s")
    return delta.where(ok)


_PLAIN_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")
_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d*)?$")


def _parse_number(text: pd.Series) -> pd.Series:
    """Numbers with a decimal comma or point; '1.234.567' and '1.234,5' as thousands separators."""
    thousands = text.str.match(_THOUSANDS)
    cleaned = text.where(~thousands, text.str.replace(".", "", regex=False))
    cleaned = cleaned.str.replace(",", ".", regex=False)
    plain = cleaned.str.match(_PLAIN_NUMBER)
    return pd.to_numeric(cleaned.where(plain), errors="coerce")


@functools.lru_cache(maxsize=4)
def _municipality_lookup(rows: tuple[tuple[str, str, str], ...]) -> dict[str, str]:
    lookup: dict[str, str] = {}
    for code, naam, weergave in rows:
        lookup[naam.strip().lower()] = code
        lookup[weergave.strip().lower()] = code
    for code, _, _ in rows:
        lookup[code.lower()] = code
        lookup[code[2:].lstrip("0").lower()] = code  # "344" and "0344" for GM0344
        lookup[code[2:].lower()] = code
    return lookup


def _gemeente_codes(text: pd.Series, lookup: dict[str, str]) -> pd.Series:
    key = text.str.strip().str.lower()
    key = key.where(~key.str.fullmatch(r"\d+"), key.str.lstrip("0"))
    return key.map(lookup)


@dataclass
class _Parsed:
    frame: pd.DataFrame  # typed values, same index as the raw frame
    errors: list[pd.DataFrame]  # each: index=row, columns field, message


def _error_frame(mask: pd.Series, fieldname: str, message: str | pd.Series) -> pd.DataFrame:
    rows = mask[mask].index
    if isinstance(message, pd.Series):
        message = message.loc[rows]
    return pd.DataFrame({"field": fieldname, "message": message}, index=rows)


def _parse(raw: pd.DataFrame, kind: str, columns: dict[str, str], lookup: dict[str, str]) -> _Parsed:
    """Turn text cells into typed values; cells that cannot be parsed become errors (and NA)."""
    out = pd.DataFrame(index=raw.index)
    errors: list[pd.DataFrame] = []
    for f in _fields(kind):
        if f.name not in columns:
            out[f.name] = pd.Series(pd.NA, index=raw.index, dtype="object")
            continue
        text = raw[columns[f.name]].str.strip()
        present = text != ""
        too_long = text.str.len() > max(f.max_chars, 1)
        if too_long.any():
            errors.append(_error_frame(too_long, f.name, f"te lang; maximaal {f.max_chars} tekens"))
        formula = present & text.str.startswith(FORMULA_START)
        if f.parse in ("float", "int"):
            # "-5" in a number column is a number (then judged by its range), not a formula.
            formula &= ~(text.str.match(_PLAIN_NUMBER) | text.str.match(_THOUSANDS))
        if formula.any():
            errors.append(
                _error_frame(
                    formula,
                    f.name,
                    "lijkt op een spreadsheetformule (begint met =, +, - of @); formules worden niet ingelezen, vul de waarde zelf in",
                )
            )
        usable = present & ~too_long & ~formula
        text = text.where(usable, "")
        value, bad = _parse_field(f, text, usable, lookup)
        if bad is not None and bad.any():
            errors.append(_error_frame(bad, f.name, _bad_message(f)))
        out[f.name] = value
    return _Parsed(out, errors)


def _bad_message(f: Field) -> str:
    if f.parse == "gemeente":
        return "onbekende gemeente; gebruik een CBS-code (zoals GM0344) of de naam zoals in de CBS-lijst (zoals Utrecht of 's-Gravenhage)"
    if f.parse == "gemeenten":
        return "onbekende gemeente in de lijst; scheid CBS-codes of namen met ; of | (zoals GM0344|GM0363)"
    if f.parse in ("vocab", "vocab_list"):
        return f"onbekende waarde; toegestaan: {', '.join(f.vocabulary)}"
    if f.pattern:
        return f"ongeldige code; verwacht {f.pattern_hint}"
    if f.parse in ("datetime", "date"):
        return f"onmogelijke of onleesbare datum; {_PARSE_HINTS[f.parse]}"
    return f"onleesbare waarde; {_PARSE_HINTS.get(f.parse, 'controleer de waarde')}"


def _parse_field(f: Field, text: pd.Series, usable: pd.Series, lookup: dict[str, str]):
    """Return (values, bad mask) for one field; ``bad`` marks present cells that did not parse."""
    if f.parse in ("datetime", "date"):
        stamps, _ = _parse_datetime(text)
        if f.parse == "date":
            stamps = stamps.dt.normalize()
        return stamps, usable & stamps.isna()
    if f.parse == "time":
        delta = _parse_time(text)
        return delta, usable & delta.isna()
    if f.parse in ("float", "int"):
        number = _parse_number(text)
        bad = usable & number.isna()
        if f.parse == "int":
            fractional = number.notna() & (number != np.floor(number))
            bad |= fractional
            number = number.where(~fractional)
        return number, bad
    if f.parse == "gemeente":
        codes = _gemeente_codes(text, lookup)
        return codes, usable & codes.isna()
    if f.parse == "gemeenten":
        lists = text.str.split(r"\s*[;|,]\s*", regex=True)
        exploded = lists.explode()
        exploded = exploded[exploded.fillna("") != ""]
        codes = _gemeente_codes(exploded.astype(str), lookup)
        bad_rows = codes.isna().groupby(level=0).any().reindex(text.index, fill_value=False)
        joined = codes.dropna().groupby(level=0).agg(lambda s: ";".join(dict.fromkeys(s)))
        value = joined.reindex(text.index).where(~bad_rows)
        return value, usable & (bad_rows | value.isna())
    if f.parse == "vocab":
        key = text.str.lower().str.replace(r"\s+", " ", regex=True)
        synonyms = dict(f.synonyms)
        key = key.map(lambda v: synonyms.get(v, v)) if synonyms else key
        known = key.isin(f.vocabulary)
        return key.where(usable & known), usable & ~known
    if f.parse == "vocab_list":
        lists = text.str.lower().str.split(r"\s*[;|,]\s*", regex=True)
        exploded = lists.explode()
        exploded = exploded[exploded.fillna("") != ""]
        bad_rows = (~exploded.isin(f.vocabulary)).groupby(level=0).any().reindex(text.index, fill_value=False)
        joined = exploded.groupby(level=0).agg(lambda s: ";".join(dict.fromkeys(s)))
        value = joined.reindex(text.index).where(~bad_rows)
        return value, usable & bad_rows
    if f.parse == "code":
        value = text.str.upper() if f.pattern else text
        if f.pattern:
            ok = value.str.match(f.pattern)
            return value.where(usable & ok), usable & ~ok
        return value.where(usable), None
    return text.where(usable), None


# -- validation (pandera) -----------------------------------------------------------------------------


def _schema(kind: str, typed: pd.DataFrame, context: _Context) -> pa.DataFrameSchema:
    """The pandera schema for the typed rows of ``kind``: required fields, ranges, cross-field rules."""
    columns: dict[str, pa.Column] = {}
    now = pd.Timestamp(context.now)
    for f in _fields(kind):
        checks = []
        if f.minimum is not None or f.maximum is not None:
            lo = f.minimum if f.minimum is not None else -np.inf
            hi = f.maximum if f.maximum is not None else np.inf
            what = (
                "breedtegraad in Nederland"
                if f.name == "lat"
                else "lengtegraad in Nederland"
                if f.name == "lon"
                else "waarde"
            )
            checks.append(
                pa.Check.in_range(
                    lo,
                    hi,
                    error=f"buiten het bereik; toegestaan: {what} van {_num(lo)} tot en met {_num(hi)}",
                )
            )
        if f.parse in ("datetime", "date") and f.name not in ("eind",) and kind in ("reports",):
            checks.append(pa.Check.le(now, error=f"datum ligt in de toekomst (na {now:%d-%m-%Y %H:%M})"))
        if f.parse in ("datetime", "date"):
            checks.append(
                pa.Check.ge(
                    EARLIEST, error="datum ligt vóór 2000; controleer dag, maand en jaar (dd-mm-jjjj)"
                )
            )
        columns[f.name] = pa.Column(
            None,
            checks=checks,
            nullable=not f.required,
            required=True,
        )
    key = list(KEYS[kind])
    columns[key[-1]].checks.append(
        pa.Check(
            lambda s: (
                ~typed.loc[s.index, key].duplicated(keep=False) | typed.loc[s.index, key].isna().any(axis=1)
            ),
            error="komt meer dan eens voor in het bestand; elk kenmerk mag maar één keer voorkomen (per gemeente)",
        )
    )
    if kind == "reports":
        columns["lat"].checks.append(
            pa.Check(
                lambda s: s.isna() == typed.loc[s.index, "lon"].isna(),
                error="breedtegraad en lengtegraad moeten allebei ingevuld zijn of allebei leeg",
                ignore_na=False,
            )
        )
        inside = context.inside_municipality(typed)
        if inside is not None:
            columns["lat"].checks.append(
                pa.Check(
                    lambda s: inside.loc[s.index] | s.isna(),
                    error="punt ligt buiten de gemeente (CBS-grenzen 2025, met 150 m speling); controleer breedtegraad, lengtegraad en gemeente",
                    ignore_na=False,
                )
            )
        columns["ontvangen_op"].checks.append(
            pa.Check(
                lambda s: (
                    s.isna()
                    | typed.loc[s.index, "datum"].isna()
                    | (s >= typed.loc[s.index, "datum"].dt.normalize())
                ),
                error="ontvangen vóór de datum van het voorval; dat kan niet",
                ignore_na=False,
            )
        )
    if "eind" in columns:
        columns["eind"].checks.append(
            pa.Check(
                lambda s: s.isna() | typed.loc[s.index, "start"].isna() | (s >= typed.loc[s.index, "start"]),
                error="einddatum ligt vóór de startdatum",
                ignore_na=False,
            )
        )
    return pa.DataFrameSchema(columns, strict=False)


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value).replace(".", ",")


def _pandera_errors(kind: str, typed: pd.DataFrame, context: _Context) -> pd.DataFrame:
    try:
        _schema(kind, typed, context).validate(typed, lazy=True)
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases
        cases = cases[cases["index"].notna() & cases["column"].notna()]
        messages = cases["check"].astype(str).replace({"not_nullable": "verplicht veld is leeg"})
        return pd.DataFrame(
            {"field": cases["column"].to_numpy(), "message": messages.to_numpy()},
            index=pd.Index(cases["index"].astype(int).to_numpy()),
        )
    return pd.DataFrame(columns=["field", "message"])


# -- context: store lookups and boundaries ------------------------------------------------------------


@functools.lru_cache(maxsize=2)
def _boundaries(folder: str):
    from vsdash import geo

    try:
        return geo.load_municipality_boundaries()
    except (geo.BoundariesUnavailable, geo.BoundaryFileError, OSError):
        return None


@functools.lru_cache(maxsize=2)
def _wijken(folder: str):
    from vsdash import geo

    try:
        return geo.load_wijk_boundaries()
    except (geo.BoundariesUnavailable, geo.BoundaryFileError, OSError):
        return None


@dataclass
class _Context:
    now: dt.datetime
    lookup: dict[str, str]
    warnings: list[str]

    def inside_municipality(self, typed: pd.DataFrame) -> pd.Series | None:
        """Whether each report's point lies in its municipality (None when boundaries are absent)."""
        from vsdash import geo

        if typed["lat"].notna().sum() == 0:
            return None
        gdf = _boundaries(str(settings.boundaries_dir()))
        if gdf is None:
            self.warnings.append(
                "Geen CBS-grenzen beschikbaar: niet gecontroleerd of punten binnen de gemeente liggen."
            )
            return None
        known = set(gdf["gemeentecode"])
        has_point = typed["lat"].notna() & typed["lon"].notna() & typed["gemeentecode"].isin(known)
        result = pd.Series(True, index=typed.index)
        if has_point.any():
            rows = typed[has_point]
            result.loc[has_point] = geo.point_in_municipality(
                rows["lat"].to_numpy(float),
                rows["lon"].to_numpy(float),
                rows["gemeentecode"].to_numpy(object),
                gdf,
            )
        return result


# -- the import ---------------------------------------------------------------------------------------


def validate_rows(
    raw: pd.DataFrame,
    kind: str,
    columns: dict[str, str],
    lookup: dict[str, str],
    now: dt.datetime | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    """Parse and validate text rows; return (typed valid rows, errors per row, warnings).

    ``errors`` has index = spreadsheet row and columns ``field``, ``message``; one row per problem.
    """
    context = _Context(now or dt.datetime.now(), lookup, [])
    parsed = _parse(raw, kind, columns, lookup)
    typed = parsed.frame
    if kind == "reports":
        typed = _combine_report_time(typed)
    found = [*parsed.errors, _pandera_errors(kind, typed, context)]
    errors = (
        pd.concat([e for e in found if len(e)], axis=0)
        if any(len(e) for e in found)
        else pd.DataFrame(columns=["field", "message"])
    )
    # One message per cell: a cell that could not be parsed is not also reported as empty.
    errors = errors.assign(_row=errors.index)
    errors = (
        errors.drop_duplicates(subset=["_row", "field"], keep="first")
        .drop(columns="_row")
        .sort_index(kind="stable")
    )
    valid = typed.drop(index=errors.index.unique())
    return valid, errors, context.warnings


def _combine_report_time(typed: pd.DataFrame) -> pd.DataFrame:
    typed = typed.copy()
    has_time = typed["tijd"].notna()
    if has_time.any():
        typed.loc[has_time, "datum"] = (
            typed.loc[has_time, "datum"].dt.normalize() + typed.loc[has_time, "tijd"]
        )
    return typed


def _row_errors(
    errors: pd.DataFrame, raw: pd.DataFrame, columns: dict[str, str], limit: int | None
) -> list[RowError]:
    subset = errors if limit is None else errors.iloc[:limit]
    out = []
    for row, fieldname, message in zip(subset.index, subset["field"], subset["message"], strict=True):
        column = columns.get(fieldname, fieldname)
        value = raw.at[row, column] if column in raw.columns else None
        out.append(RowError(int(row), column, value, str(message)))
    return out


def import_file(
    store,
    source: str | Path | bytes,
    kind: str,
    *,
    file_name: str | None = None,
    user: str = "onbekend",
    dry_run: bool = False,
    skip_invalid: bool = False,
    replace_demo: bool = False,
    mapping: dict[str, str] | None = None,
    progress: Progress = _noop,
    now: dt.datetime | None = None,
) -> ImportResult:
    """Validate a file and (unless ``dry_run``) write it in one transaction; return what happened.

    Raises ``ImportRefused`` for a file that cannot be read safely or lacks required columns. A
    readable file with invalid rows is refused as a whole (``result.refused``, nothing written)
    unless ``skip_invalid``. Rows whose key already exists are counted as ``duplicates`` and not
    written again. A store holding demo data refuses real data unless ``replace_demo`` (which
    clears the demo rows and unmarks the store as demo in the same transaction).
    """
    _fields(kind)
    data, name = read_source(source, file_name)
    digest = file_sha256(data)
    result = ImportResult(kind=kind, file_name=name, sha256=digest, dry_run=dry_run)
    progress(0.02, f"{name} lezen")
    if kind == "risk-areas":
        raw, geometry = _read_risk_areas(data, name)
    else:
        raw, geometry = read_table(data, name), None
    columns = resolve_columns(raw.columns, kind, mapping)
    ignored = [c for c in raw.columns if c not in columns.values()]
    if ignored:
        result.warnings.append(
            f"Kolommen genegeerd (niet nodig of niet toegestaan): {', '.join(map(str, ignored))}."
        )
    lookup = _municipality_lookup(
        tuple(
            store.query("SELECT gemeentecode, naam, weergavenaam FROM municipalities").itertuples(
                index=False, name=None
            )
        )
    )
    progress(0.15, f"{len(raw):,} rijen controleren".replace(",", "."))
    valid, errors, warnings = validate_rows(raw, kind, columns, lookup, now)
    result.warnings += warnings
    if geometry is not None:
        geo_errors = _risk_area_geometry_errors(valid, geometry)
        if len(geo_errors):
            errors = pd.concat([errors, geo_errors]).sort_index(kind="stable")
            valid = valid.drop(index=geo_errors.index.unique(), errors="ignore")
    result.rows = len(raw)
    bad_rows = errors.index.unique()
    result.rejected = len(bad_rows)
    result.accepted = len(raw) - result.rejected
    result.errors_total = len(errors)
    result.errors = _row_errors(errors, raw, columns, MAX_ERRORS_LISTED)
    if result.rejected and not skip_invalid:
        result.refused = True
        progress(1.0, "Geweigerd")
        return result
    progress(0.35, "Gegevens voorbereiden")
    rows = _to_table_rows(kind, valid, geometry, progress)
    if dry_run:
        existing = _existing_keys(store, kind, rows, None)
        result.duplicates = int(existing.sum())
        progress(1.0, "Proefimport klaar; niets geschreven")
        return result
    if store.is_demo() and not replace_demo:
        raise ImportRefused(
            "De opslag bevat demodata (fictief). Echte gegevens worden daar niet bij gezet, anders zou het "
            "demolabel op echte cijfers staan. Kies 'demodata vervangen' (--replace-demo) om de demodata te "
            "wissen, of importeer in een nieuwe opslag."
        )
    import_id = f"imp-{dt.datetime.now():%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:6]}"
    result.import_id = import_id
    with store.transaction() as cur:
        if replace_demo and store.is_demo():
            clear_demo(store, cur)
        if kind == "reports":
            rows["reports"] = _attach_risk_areas(store, rows["reports"], cur)
        existing = _existing_keys(store, kind, rows, cur)
        result.duplicates = int(existing.sum())
        new = {table: frame for table, frame in rows.items()}
        main = TABLE_OF[kind]
        new[main] = rows[main][~existing.to_numpy()].assign(import_id=import_id)
        if kind == "campaigns":
            new["campaign_municipalities"] = rows["campaign_municipalities"][
                rows["campaign_municipalities"]["campagne_id"].isin(new[main]["campagne_id"])
            ]
        progress(0.6, f"{len(new[main]):,} rijen schrijven".replace(",", "."))
        for table, frame in new.items():
            # Reports were validated above, column by column; pandera over a million rows again
            # would double the import time. Coordinates (_lat/_lon) are dropped here.
            store.insert(table, frame, cur, validate=table != "reports")
        result.written = len(new[main])
        if result.rejected:
            store.insert("import_rejections", _rejections(import_id, errors, raw, columns), cur)
        store.insert(
            "import_log",
            pd.DataFrame(
                [
                    {
                        "import_id": import_id,
                        "tijdstip": dt.datetime.now(),
                        "gebruiker": user,
                        "bestand": name,
                        "sha256": digest,
                        "soort": kind,
                        "aanvaard": result.accepted,
                        "geweigerd": result.rejected,
                        "geschreven": result.written,
                        "dubbel": result.duplicates,
                        "ongedaan": False,
                    }
                ]
            ),
            cur,
        )
        progress(0.85, "Samenvattingen bijwerken")
        if kind == "reports":
            affected = sorted(new[main]["gemeentecode"].unique())
            store.rebuild_aggregates(gemeenten=affected, cursor=cur)
        else:
            store.bump_version(cur)
    if result.rejected:
        result.rejections_file = _write_rejections_file(store, import_id, errors, raw, columns)
    progress(1.0, "Klaar")
    return result


def _to_table_rows(kind: str, valid: pd.DataFrame, geometry, progress: Progress) -> dict[str, pd.DataFrame]:
    """Shape validated rows into the store's tables (reports: locate, then drop coordinates)."""
    if kind == "reports":
        return {"reports": _report_rows(valid, progress)}
    if kind == "activities":
        frame = valid.assign(
            programma=valid["programma"].fillna("veilige_steden"),
            start=valid["start"].dt.date,
            eind=valid["eind"].dt.date,
            bereik=valid["bereik"].astype("Int64"),
            budget_eur=valid["budget_eur"].astype("Int64"),
            gewijzigd_op=dt.datetime.now(),
        )
        return {"activities": frame}
    if kind == "campaigns":
        campaigns = valid.assign(start=valid["start"].dt.date, eind=valid["eind"].dt.date)
        members = (
            valid[["campagne_id", "gemeenten"]]
            .assign(gemeentecode=valid["gemeenten"].str.split(";"))
            .explode("gemeentecode")[["campagne_id", "gemeentecode"]]
            .drop_duplicates()
        )
        return {"campaigns": campaigns, "campaign_municipalities": members}
    if kind == "population":
        frame = valid.assign(
            jaar=valid["jaar"].astype("Int64"),
            inwoners=valid["inwoners"].astype("Int64"),
            bron=valid["bron"].fillna("import"),
        )
        return {"population": frame}
    return {"risk_areas": _risk_area_rows(valid, geometry)}


def _report_rows(valid: pd.DataFrame, progress: Progress) -> pd.DataFrame:
    from vsdash import geo

    lat = valid["lat"].to_numpy(dtype=float, na_value=np.nan)
    lon = valid["lon"].to_numpy(dtype=float, na_value=np.nan)
    out = pd.DataFrame(
        {
            "melding_id": valid["melding_id"].astype(str),
            "gemeentecode": valid["gemeentecode"].astype(str),
            "gebeurd_op": pd.to_datetime(valid["datum"]),
            "ontvangen_op": pd.to_datetime(valid["ontvangen_op"]).fillna(pd.to_datetime(valid["datum"])),
            "kanaal_id": valid["kanaal_id"].astype(object).where(valid["kanaal_id"].notna(), None),
            "categorie": valid["categorie"].astype(str),
        },
        index=valid.index,
    )
    progress(0.4, "H3-cellen berekenen")
    for res in schema.H3_RESOLUTIONS:
        cells = pd.Series(geo.cells_for_points(lat, lon, res), index=out.index, dtype="UInt64")
        out[f"h3_r{res}"] = cells.mask(cells == 0)  # 0 = no point: stored as empty
    progress(0.5, "Wijken en risicogebieden bepalen")
    out["wijkcode"] = valid["wijkcode"].astype(object).where(valid["wijkcode"].notna(), None)
    has_point = np.isfinite(lat) & np.isfinite(lon)
    need_wijk = has_point & out["wijkcode"].isna().to_numpy()
    if need_wijk.any():
        wijken = _wijken(str(settings.boundaries_dir()))
        if wijken is not None:
            found = _locate(
                lat[need_wijk], lon[need_wijk], out["gemeentecode"].to_numpy()[need_wijk], wijken, "wijkcode"
            )
            out.loc[out.index[need_wijk], "wijkcode"] = found
    # Risk areas are attached at write time (``_attach_risk_areas``), from the stored polygons;
    # the coordinates ride along in _lat/_lon until then and are never written.
    out["risicogebied_id"] = None
    out["import_id"] = None
    # Each report gets its fixed random key for cell-key perturbation here, once (ADR 0006);
    # a duplicate of a stored report is dropped before writing, so a stored key never changes.
    out = with_record_keys(out)
    return out[schema.REPORTS.column_names].assign(_lat=lat, _lon=lon)


def _locate(lat, lon, codes, areas, id_col: str) -> np.ndarray:
    """The ``id_col`` of the area (of the same municipality) containing each point, else None."""
    import shapely

    points = shapely.points(lon, lat)
    tree = shapely.STRtree(areas.geometry.to_numpy())
    point_idx, area_idx = tree.query(points, predicate="within")
    out = np.full(len(lat), None, dtype=object)
    same = areas["gemeentecode"].to_numpy()[area_idx] == np.asarray(codes, dtype=object)[point_idx]
    point_idx, area_idx = point_idx[same], area_idx[same]
    # The first match wins where areas overlap (reverse assignment keeps the first).
    out[point_idx[::-1]] = areas[id_col].to_numpy()[area_idx[::-1]]
    return out


def _attach_risk_areas(store, reports: pd.DataFrame, cursor) -> pd.DataFrame:
    import geopandas as gpd
    import shapely

    if len(reports) == 0:
        return reports
    lat, lon = reports["_lat"].to_numpy(float), reports["_lon"].to_numpy(float)
    codes = sorted(reports["gemeentecode"].unique())
    areas = store.query(
        "SELECT risicogebied_id, gemeentecode, geometrie_wkt FROM risk_areas WHERE gemeentecode = ANY($codes)",
        {"codes": codes},
        cursor,
    )
    has_point = np.isfinite(lat) & np.isfinite(lon)
    if areas.empty or not has_point.any():
        return reports
    gdf = gpd.GeoDataFrame(
        areas, geometry=shapely.from_wkt(areas["geometrie_wkt"].to_numpy()), crs="EPSG:4326"
    )
    found = _locate(
        lat[has_point], lon[has_point], reports["gemeentecode"].to_numpy()[has_point], gdf, "risicogebied_id"
    )
    reports = reports.copy()
    reports.loc[reports.index[has_point], "risicogebied_id"] = found
    return reports


def _existing_keys(store, kind: str, rows: dict[str, pd.DataFrame], cursor) -> pd.Series:
    """For each row to write: does its key already exist in the store?"""
    table = TABLE_OF[kind]
    frame = rows[table]
    key = list(KEYS[kind])
    if frame.empty:
        return pd.Series(False, index=frame.index)
    if kind in ("reports", "population"):
        codes = sorted(frame["gemeentecode"].unique())
        present = store.query(
            f"SELECT {', '.join(key)} FROM {table} WHERE gemeentecode = ANY($codes)", {"codes": codes}, cursor
        )
    else:
        ids = sorted(frame[key[0]].astype(str).unique())
        present = store.query(
            f"SELECT {key[0]} FROM {table} WHERE {key[0]} = ANY($ids)", {"ids": ids}, cursor
        )
    if present.empty:
        return pd.Series(False, index=frame.index)
    if kind == "population":
        present["jaar"] = present["jaar"].astype("int64")
        probe = pd.MultiIndex.from_arrays([frame["gemeentecode"].astype(str), frame["jaar"].astype("int64")])
    elif len(key) == 2:
        probe = pd.MultiIndex.from_arrays([frame[k].astype(str) for k in key])
    else:
        probe = pd.Index(frame[key[0]].astype(str))
    known = (
        pd.MultiIndex.from_frame(present[key].astype({k: str for k in key if k != "jaar"}))
        if len(key) == 2
        else pd.Index(present[key[0]].astype(str))
    )
    return pd.Series(probe.isin(known), index=frame.index)


def _safe_row(raw: pd.DataFrame, columns: dict[str, str]) -> pd.DataFrame:
    """The refused rows as given, with coordinate columns blanked (never stored, ADR 0001)."""
    hidden = [columns[f] for f in COORDINATE_FIELDS if f in columns]
    return raw.assign(**{c: "(niet bewaard)" for c in hidden})


def _rejections(
    import_id: str, errors: pd.DataFrame, raw: pd.DataFrame, columns: dict[str, str]
) -> pd.DataFrame:
    safe = _safe_row(raw, columns)
    coordinate_columns = {columns[f] for f in COORDINATE_FIELDS if f in columns}
    records = safe.loc[errors.index.unique()].apply(
        lambda r: json.dumps(r.to_dict(), ensure_ascii=False), axis=1
    )
    column = errors["field"].map(lambda f: columns.get(f, f))
    value = [
        None if col in coordinate_columns or col not in raw.columns else raw.at[row, col]
        for row, col in zip(errors.index, column, strict=True)
    ]
    return pd.DataFrame(
        {
            "import_id": import_id,
            "rij": errors.index.astype(int),
            "kolom": column.to_numpy(),
            "waarde": value,
            "melding": errors["message"].astype(str).to_numpy(),
            "gegevens": records.loc[errors.index].to_numpy(),
        }
    )


def _write_rejections_file(
    store, import_id: str, errors: pd.DataFrame, raw: pd.DataFrame, columns: dict[str, str]
) -> str | None:
    """For a DuckDB store, also write the refused rows as a CSV beside it (opens in Excel)."""
    from vsdash import privacy

    if store.location.backend != "duckdb":
        return None
    base = Path(store.location.target).parent if store.location.target != ":memory:" else settings.DATA_DIR
    folder = base / "imports"
    folder.mkdir(parents=True, exist_ok=True)
    reasons = errors.groupby(level=0)["message"].agg(" | ".join)
    frame = _safe_row(raw, columns).loc[reasons.index]
    frame.insert(0, "rij", reasons.index.astype(int))
    frame["reden"] = reasons.to_numpy()
    path = folder / f"{import_id}-geweigerd.csv"
    privacy.safe_export_frame(frame).to_csv(path, sep=";", index=False, encoding="utf-8-sig")
    return str(path)


# -- risk areas (GeoJSON / GeoPackage) ------------------------------------------------------------------


def _read_risk_areas(data: bytes, file_name: str):
    """Read polygons with their properties; return (text frame, WGS84 geometry series)."""
    import tempfile

    import geopandas as gpd

    from vsdash import geo

    suffix = Path(file_name).suffix.lower()
    if suffix not in GEO_SUFFIXES:
        raise ImportRefused(
            f"{file_name}: risicogebieden worden ingelezen uit GeoJSON (.geojson) of GeoPackage (.gpkg), niet uit {suffix or 'dit bestandstype'}."
        )
    if not data.strip():
        raise ImportRefused(f"{file_name} is leeg.")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"upload{suffix}"
        path.write_bytes(data)
        try:
            frame = gpd.read_file(path)
        except Exception as exc:  # noqa: BLE001 - pyogrio raises many types for broken files
            raise ImportRefused(
                f"{file_name} kan niet gelezen worden als GeoJSON/GeoPackage ({type(exc).__name__})."
            ) from exc
    if frame.empty:
        raise ImportRefused(f"{file_name} bevat geen gebieden.")
    if frame.crs is None:
        raise ImportRefused(
            f"{file_name} heeft geen coördinatenstelsel (CRS); sla het op met EPSG:4326 (WGS84) of EPSG:28992 (RD New)."
        )
    try:
        if frame.crs.to_epsg() not in (4326, 28992):
            frame = frame.to_crs(geo.WGS84)
        frame = geo.to_wgs84(frame)
    except Exception as exc:  # noqa: BLE001 - pyproj errors for unknown CRSs
        raise ImportRefused(
            f"{file_name}: coördinatenstelsel {frame.crs} kan niet worden omgezet naar WGS84 ({exc})."
        ) from exc
    geometry = frame.geometry
    text = pd.DataFrame(frame.drop(columns=frame.geometry.name)).fillna("").astype(str)
    text.index = pd.RangeIndex(2, len(text) + 2)  # feature 1 is "row 2", as in the table imports
    geometry.index = text.index
    return text, geometry


def _risk_area_geometry_errors(valid: pd.DataFrame, geometry) -> pd.DataFrame:
    import shapely

    geom = geometry.loc[valid.index]
    kinds = geom.geom_type.fillna("")
    wrong = ~kinds.isin(["Polygon", "MultiPolygon"])
    invalid = ~wrong & ~shapely.is_valid(geom.to_numpy())
    bounds = geom.bounds
    outside_nl = ~wrong & (
        (bounds["minx"] < 3.2) | (bounds["maxx"] > 7.3) | (bounds["miny"] < 50.6) | (bounds["maxy"] > 53.7)
    )
    outside_gemeente = pd.Series(False, index=valid.index)
    gdf = _boundaries(str(settings.boundaries_dir()))
    checkable = (
        ~wrong
        & ~outside_nl
        & valid["gemeentecode"].isin(set(gdf["gemeentecode"]) if gdf is not None else set())
    )
    if gdf is not None and checkable.any():
        from vsdash import geo

        centre = geom[checkable].representative_point()
        inside = geo.point_in_municipality(
            centre.y.to_numpy(),
            centre.x.to_numpy(),
            valid.loc[checkable, "gemeentecode"].to_numpy(object),
            gdf,
        )
        outside_gemeente.loc[checkable] = ~inside
    frames = [
        _error_frame(
            outside_gemeente,
            "geometry",
            "vlak ligt niet in de opgegeven gemeente (CBS-grenzen 2025); controleer gemeente en coördinatenstelsel",
        ),
        _error_frame(wrong, "geometry", "geen vlak; een risicogebied moet een Polygon of MultiPolygon zijn"),
        _error_frame(
            invalid, "geometry", "ongeldige polygoon (snijdt zichzelf); herstel hem in de GIS-software"
        ),
        _error_frame(
            outside_nl, "geometry", "vlak ligt (deels) buiten Nederland; controleer het coördinatenstelsel"
        ),
    ]
    return pd.concat(frames)


def _risk_area_rows(valid: pd.DataFrame, geometry) -> pd.DataFrame:
    geom = geometry.loc[valid.index]
    centre = geom.representative_point()
    return pd.DataFrame(
        {
            "risicogebied_id": valid["risicogebied_id"].astype(str),
            "gemeentecode": valid["gemeentecode"].astype(str),
            "naam": valid["naam"].astype(str),
            "type": valid["type"].astype(str),
            "geometrie_wkt": geom.to_wkt().to_numpy(),
            "lat": centre.y.to_numpy(),
            "lon": centre.x.to_numpy(),
            "import_id": None,
        },
        index=valid.index,
    )


# -- demo and undo ------------------------------------------------------------------------------------

DEMO_TABLES = schema.DEMO_TABLES + tuple(t.name for t in schema.AGGREGATE_TABLES)


def clear_demo(store, cursor) -> None:
    """Delete every row the demo generator wrote and unmark the store as demo (inside ``cursor``)."""
    for table in DEMO_TABLES:
        store.execute(f"DELETE FROM {table}", cursor=cursor)
    store.set_meta("demo", "nee", cursor)
    store.bump_version(cursor)


def last_import(store) -> dict | None:
    """The most recent import that has not been undone, as a dict, or None."""
    found = store.query(
        "SELECT * FROM import_log WHERE NOT ongedaan ORDER BY tijdstip DESC, import_id DESC LIMIT 1"
    )
    return None if found.empty else found.iloc[0].to_dict()


def undo_last_import(store, user: str = "onbekend") -> dict | None:
    """Undo the most recent import: delete its rows, rebuild aggregates, mark it ``ongedaan``.

    Returns the undone log entry (with ``verwijderd``: rows deleted), or None when there is none.
    """
    with store.transaction() as cur:
        found = store.query(
            "SELECT * FROM import_log WHERE NOT ongedaan ORDER BY tijdstip DESC, import_id DESC LIMIT 1",
            cursor=cur,
        )
        if found.empty:
            return None
        entry = found.iloc[0].to_dict()
        params = {"id": entry["import_id"]}
        affected = store.query("SELECT DISTINCT gemeentecode FROM reports WHERE import_id = $id", params, cur)
        deleted = 0
        for table in ("reports", "activities", "risk_areas", "population"):
            n = store.query(f"SELECT count(*) AS n FROM {table} WHERE import_id = $id", params, cur)
            deleted += int(n["n"].iloc[0])
            store.execute(f"DELETE FROM {table} WHERE import_id = $id", params, cur)
        n = store.query("SELECT count(*) AS n FROM campaigns WHERE import_id = $id", params, cur)
        deleted += int(n["n"].iloc[0])
        store.execute(
            "DELETE FROM campaign_municipalities WHERE campagne_id IN (SELECT campagne_id FROM campaigns WHERE import_id = $id)",
            params,
            cur,
        )
        store.execute("DELETE FROM campaigns WHERE import_id = $id", params, cur)
        store.execute("UPDATE import_log SET ongedaan = TRUE WHERE import_id = $id", params, cur)
        if len(affected):
            store.rebuild_aggregates(gemeenten=list(affected["gemeentecode"]), cursor=cur)
        else:
            store.bump_version(cur)
    entry["verwijderd"] = deleted
    entry["ongedaan_door"] = user
    return entry


# -- templates ----------------------------------------------------------------------------------------

EXAMPLES = {
    "reports": {
        "melding_id": "M-2024-0001",
        "gemeentecode": "GM0344",
        "datum": "14-03-2024",
        "tijd": "22:30",
        "categorie": "verbaal",
        "kanaal_id": "",
        "lat": "52,0907",
        "lon": "5,1214",
        "wijkcode": "",
        "ontvangen_op": "",
    },
    "activities": {
        "activiteit_id": "A-2024-001",
        "gemeentecode": "GM0344",
        "programma": "veilige_steden",
        "categorie": "preventie",
        "type": "campagne",
        "titel": "Posters in het uitgaansgebied",
        "doelgroepen": "vrouwen_meisjes;omstanders",
        "partners": "Rutgers",
        "start": "01-09-2024",
        "eind": "30-11-2024",
        "status": "afgerond",
        "bereik": "5000",
        "budget_eur": "12000",
        "risicogebied_id": "",
        "campagne_id": "",
    },
    "campaigns": {
        "campagne_id": "C-2024-01",
        "naam": "Ben jij OK?",
        "schaal": "landelijk",
        "kanalen": "posters|sociale media",
        "start": "01-10-2024",
        "eind": "31-10-2024",
        "gemeenten": "GM0344|GM0363",
    },
    "population": {
        "gemeentecode": "GM0344",
        "jaar": "2025",
        "inwoners": "374238",
        "bron": "CBS StatLine 03759NED",
    },
    "risk-areas": {
        "risicogebied_id": "RG-UTR-01",
        "gemeentecode": "GM0344",
        "naam": "Stationsgebied",
        "type": "station_ov",
    },
}


def template(kind: str, fmt: str = "csv") -> bytes:
    """A template for ``kind``: the header and one example row, as CSV (``;``, UTF-8 BOM) or XLSX.

    For risk areas the template is a GeoJSON file with one example polygon.
    """
    example = EXAMPLES[kind]
    if kind == "risk-areas":
        feature = {
            "type": "Feature",
            "properties": example,
            "geometry": {
                "type": "Polygon",
                "coordinates": [
                    [[5.107, 52.087], [5.113, 52.087], [5.113, 52.092], [5.107, 52.092], [5.107, 52.087]]
                ],
            },
        }
        return json.dumps(
            {"type": "FeatureCollection", "features": [feature]}, ensure_ascii=False, indent=1
        ).encode()
    frame = pd.DataFrame([example])
    if fmt == "csv":
        return frame.to_csv(sep=";", index=False).encode("utf-8-sig")
    if fmt == "xlsx":
        import openpyxl

        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = KIND_LABELS[kind]
        sheet.append(list(frame.columns))
        sheet.append(list(frame.iloc[0]))
        out = io.BytesIO()
        book.save(out)
        return out.getvalue()
    raise ValueError(f"fmt must be csv or xlsx, got {fmt!r}")
