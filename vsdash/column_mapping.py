"""Which column of an officer's file feeds which field: recognised, fixed for all rows, or not used.

A municipality's own export rarely matches the template: "Datum melding" instead of ``datum``,
"Bron" for the reporting channel, X/Y in Rijksdriehoek, and no municipality column at all (it is
the municipality's own file). A *plan* says, per field, where its values come from:

- ``Source(column="Datum melding")``: a column of the file;
- ``Source(fixed="GM0268")``: one value for every row ("alle rijen: Nijmegen");
- ``Source()``: not used (only for optional fields).

``suggest_plan`` fills a plan from a remembered plan, the names of the columns and, for
coordinates, their values. Plans are remembered per municipality and kind in the store's meta
table, so the next export of the same system maps itself.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

import pandas as pd

from vsdash import locations
from vsdash.i18n import LABELS, t
from vsdash.sheet_layout import normalise_label

#: Fields the mapping step offers beyond the stored ones: RD coordinates become lat/lon.
RD_FIELDS = ("rd_x", "rd_y")

# Names municipal systems use, beyond the aliases the import already knows (normalised form).
EXTRA_ALIASES: dict[str, dict[str, tuple[str, ...]]] = {
    "reports": {
        "melding_id": (
            "meldingsnummer",
            "meldnummer",
            "melding_nummer",
            "nummer",
            "zaaknummer",
            "registratienummer",
            "volgnummer",
            "nr",
        ),
        "datum": (
            "datum_melding",
            "meldingsdatum",
            "meldingdatum",
            "datum_voorval",
            "datum_incident",
            "datum_gebeurtenis",
            "datum_van_voorval",
            "pleegdatum",
        ),
        "tijd": ("tijd_melding", "tijdstip_melding", "tijd_voorval", "tijdstip_voorval", "uur"),
        "categorie": (
            "soort_melding",
            "type_melding",
            "soort_intimidatie",
            "aard",
            "vorm",
            "categorie_melding",
        ),
        "kanaal_id": (
            "bron",
            "bron_melding",
            "meldkanaal",
            "kanaal_melding",
            "herkomst",
            "ingediend_via",
            "via",
        ),
        "lat": ("noorderbreedte", "wgs84_lat", "lat_wgs84", "y_wgs84"),
        "lon": ("oosterlengte", "wgs84_lon", "lon_wgs84", "x_wgs84"),
        "wijkcode": ("wijknaam", "wijk_naam", "stadsdeel_wijk", "cbs_wijk"),
        "ontvangen_op": (
            "datum_ontvangst",
            "ontvangstdatum",
            "gemeld_op",
            "ingediend_op",
            "datum_registratie",
        ),
    },
    "activities": {
        "titel": ("activiteit", "naam_activiteit", "omschrijving"),
        "start": ("begindatum", "datum_start", "startdatum_activiteit"),
        "eind": ("datum_eind", "einddatum_activiteit"),
    },
    "campaigns": {"naam": ("campagne", "campagnenaam")},
    "population": {"inwoners": ("bevolking", "aantal")},
}


class FieldLike(Protocol):
    """What the mapping needs of an import field (``ingest.Field`` has it)."""

    name: str
    aliases: tuple[str, ...]
    required: bool


@dataclass(frozen=True)
class Source:
    """Where one field's values come from: a column, one fixed value, or nothing (not used)."""

    column: str | None = None
    fixed: str | None = None

    def __post_init__(self) -> None:
        if self.column is not None and self.fixed is not None:
            raise ValueError(f"a field takes a column or a fixed value, not both: {self!r}")

    @property
    def used(self) -> bool:
        """Whether the field gets values at all."""
        return self.column is not None or self.fixed is not None

    def as_json(self) -> dict:
        """The source as remembered in the store."""
        if self.column is not None:
            return {"kolom": self.column}
        if self.fixed is not None:
            return {"vast": self.fixed}
        return {}

    @classmethod
    def from_json(cls, value: dict | None) -> Source:
        """Read a remembered source (unknown shapes become 'not used')."""
        value = value if isinstance(value, dict) else {}
        if isinstance(value.get("kolom"), str):
            return cls(column=value["kolom"])
        if isinstance(value.get("vast"), str):
            return cls(fixed=value["vast"])
        return cls()


NOT_USED = Source()
Plan = dict[str, Source]


@dataclass(frozen=True)
class _Rd:
    name: str
    aliases: tuple[str, ...]
    required: bool = False


def plan_fields(kind: str, fields: Sequence[FieldLike]) -> list[FieldLike]:
    """The fields the mapping step shows for ``kind``: the import's fields, plus RD X/Y for reports."""
    out = list(fields)
    if kind == "reports":
        out += [_Rd("rd_x", locations.RD_X_NAMES), _Rd("rd_y", locations.RD_Y_NAMES)]
    return out


def _aliases(kind: str, f: FieldLike) -> list[str]:
    names = [f.name, *f.aliases, *EXTRA_ALIASES.get(kind, {}).get(f.name, ())]
    return list(dict.fromkeys(normalise_label(n) for n in names))


def known_headers(kind: str, fields: Sequence[FieldLike]) -> set[str]:
    """Every header name (normalised) that is recognised for ``kind``: helps find the header row."""
    return {a for f in plan_fields(kind, fields) for a in _aliases(kind, f)}


def suggest_plan(
    kind: str,
    columns: Sequence[str],
    fields: Sequence[FieldLike],
    sample: pd.DataFrame | None = None,
    remembered: Plan | None = None,
) -> Plan:
    """A plan for a file with ``columns``: remembered choices, then names, then coordinate values.

    ``sample`` (text cells, a few hundred rows) lets coordinates be recognised by their values:
    numbers in the RD ranges become RD X/Y, also when their header says latitude/longitude.
    Fields nothing was found for are 'not used'; required ones are then left for the officer.
    """
    columns = [str(c) for c in columns]
    every = plan_fields(kind, fields)
    plan: Plan = {}
    taken: set[str] = set()
    for name, source in (remembered or {}).items():
        if name not in {f.name for f in every}:
            continue
        if source.column is not None and (source.column not in columns or source.column in taken):
            continue
        plan[name] = source
        if source.column is not None:
            taken.add(source.column)
    by_label: dict[str, str] = {}
    for column in columns:
        by_label.setdefault(normalise_label(column), column)
    for f in every:
        if f.name in plan:
            continue
        for alias in _aliases(kind, f):
            column = by_label.get(alias)
            if column is not None and column not in taken:
                plan[f.name] = Source(column=column)
                taken.add(column)
                break
    if kind == "reports" and sample is not None:
        _coordinates_by_value(plan, columns, sample, taken)
    return {f.name: plan.get(f.name, NOT_USED) for f in every}


def _coordinates_by_value(plan: Plan, columns: list[str], sample: pd.DataFrame, taken: set[str]) -> None:
    """Move 'latitude/longitude' that hold RD metres to RD X/Y; find unnamed RD columns by value."""
    lat, lon = plan.get("lat", NOT_USED).column, plan.get("lon", NOT_USED).column
    if lat and lon and lat in sample and lon in sample:
        rd = locations.looks_like_rd(sample[lat], sample[lon])
        filled = (sample[lat].astype(str).str.strip() != "") | (sample[lon].astype(str).str.strip() != "")
        if filled.any() and rd[filled].mean() >= locations.VALUE_SHARE:
            y_first = locations.parse_decimal(sample[lat], thousands=True).between(*locations.RD_Y_RANGE)
            x_col, y_col = (lon, lat) if y_first[filled].mean() >= 0.5 else (lat, lon)
            plan["rd_x"], plan["rd_y"] = Source(column=x_col), Source(column=y_col)
            plan["lat"] = plan["lon"] = NOT_USED
            return
    has_point = any(plan.get(n, NOT_USED).used for n in ("lat", "lon", "rd_x", "rd_y"))
    if has_point:
        return
    free = [c for c in columns if c not in taken and c in sample]
    found = locations.rd_columns_by_value(sample, free)
    if found:
        plan["rd_x"], plan["rd_y"] = Source(column=found[0]), Source(column=found[1])
        taken.update(found)


def missing_required(plan: Plan, fields: Sequence[FieldLike]) -> list[str]:
    """Required fields the plan gives no values for."""
    return [f.name for f in fields if f.required and not plan.get(f.name, NOT_USED).used]


def coordinate_problem(plan: Plan) -> str | None:
    """A Dutch sentence when the coordinates are half mapped (an X without a Y), else None."""
    for a, b, what in (("lat", "lon", "breedtegraad en lengtegraad"), ("rd_x", "rd_y", "RD X en RD Y")):
        if plan.get(a, NOT_USED).used != plan.get(b, NOT_USED).used:
            return f"Koppel {what} allebei, of geen van beide."
    if plan.get("lat", NOT_USED).used and plan.get("rd_x", NOT_USED).used:
        return "Koppel óf breedtegraad/lengtegraad (WGS84) óf RD X/Y, niet allebei."
    return None


def fixed_column_name(fieldname: str) -> str:
    """The name under which a fixed value appears in errors: it is not a column of the file."""
    return f"(vaste waarde voor {fieldname})"


def apply_plan(raw: pd.DataFrame, plan: Plan) -> tuple[pd.DataFrame, dict[str, str]]:
    """The file's cells with a column per fixed value added, and ``{field: column}`` to read.

    Fields 'not used' are absent from the returned columns, so the import ignores their
    column even when its header is a known alias (a "Wijk" column of free text can be switched off).
    """
    frame = raw
    columns: dict[str, str] = {}
    for name, source in plan.items():
        if source.column is not None:
            if source.column not in raw.columns:
                raise KeyError(f"column {source.column!r} for field {name!r} is not in the file")
            columns[name] = source.column
        elif source.fixed is not None:
            if frame is raw:
                frame = raw.copy()
            column = fixed_column_name(name)
            frame[column] = source.fixed
            columns[name] = column
    return frame, columns


# -- remembered per municipality ---------------------------------------------------------------------


def _meta_key(kind: str, gemeentecode: str) -> str:
    return f"koppeling:{kind}:{gemeentecode}"


def plan_to_json(plan: Plan) -> str:
    """A plan as JSON text (``{field: {"kolom": ...} | {"vast": ...} | {}}``)."""
    return json.dumps({k: v.as_json() for k, v in plan.items()}, ensure_ascii=False, sort_keys=True)


def plan_from_json(text: str | None) -> Plan:
    """Read a plan written by ``plan_to_json``; unreadable text gives an empty plan."""
    try:
        value = json.loads(text) if text else {}
    except ValueError:
        return {}
    if not isinstance(value, dict):
        return {}
    return {str(k): Source.from_json(v) for k, v in value.items()}


def remember_plan(store, kind: str, gemeentecode: str, plan: Plan, cursor=None) -> None:
    """Keep ``plan`` for the next import of ``kind`` for this municipality."""
    store.set_meta(_meta_key(kind, gemeentecode), plan_to_json(plan), cursor)


def recall_plan(store, kind: str, gemeentecode: str | None) -> Plan:
    """The plan last used for ``kind`` and this municipality, or an empty plan."""
    if not gemeentecode:
        return {}
    return plan_from_json(store.meta(_meta_key(kind, gemeentecode)))


def plan_gemeente(plan: Plan) -> str | None:
    """The municipality every row belongs to, when the plan fixes it."""
    return plan.get("gemeentecode", NOT_USED).fixed


# -- words for the officer ------------------------------------------------------------------------------


def field_label(kind: str, fieldname: str, lang: str = "nl") -> str:
    """The field's name for people ('Datum van het voorval'), not its database name."""
    key = f"fld_{fieldname}"
    return t(key, lang) if key in LABELS else fieldname


def field_help(kind: str, fieldname: str, lang: str = "nl") -> str:
    """One line saying what the field holds and what is allowed."""
    for key in (f"fld_help_{kind.replace('-', '_')}_{fieldname}", f"fld_help_{fieldname}"):
        if key in LABELS:
            return t(key, lang)
    return ""


def describe_source(source: Source, lang: str = "nl", names: dict[str, str] | None = None) -> str:
    """A source in words: the column, 'alle rijen: Nijmegen', or 'niet gebruiken'."""
    if source.column is not None:
        return source.column
    if source.fixed is not None:
        shown = (names or {}).get(source.fixed, source.fixed)
        return t("map_fixed_value", lang, waarde=shown)
    return t("map_not_used", lang)


def unused_columns(columns: Iterable[str], plan: Plan) -> list[str]:
    """Columns of the file that no field reads (they are ignored, and said so)."""
    used = {s.column for s in plan.values() if s.column is not None}
    return [c for c in columns if c not in used]
