"""Between reading and parsing: apply the officer's column plan to the file's cells.

The plan (``vsdash.column_mapping``) says per field: a column, one fixed value, or not used.
Here it becomes the text the parser reads, and the text errors quote:

- fixed values become a column of their own ("alle rijen: Nijmegen");
- RD X/Y (EPSG:28992) become latitude/longitude; unreadable or out-of-range metres are errors
  that name the X or Y column and its value as in the file;
- WGS84 written with decimal commas is read as such; 'latitudes' in the RD ranges are errors
  that say "dit lijken RD-coördinaten";
- wijk names become CBS wijkcodes, matched on the boundary file of the row's municipality.

Only the columns the plan uses travel on (``shown``): ignored columns, which may hold names or
exact addresses, never reach the refused rows kept in the store or on disk.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from vsdash import column_mapping, locations, settings
from vsdash.column_mapping import NOT_USED, Plan, Source
from vsdash.ingest.fields import FIELDS, _fields
from vsdash.ingest.parsing import _gemeente_codes
from vsdash.ingest.results import ImportRefused

_ERROR_COLUMNS = ["field", "message"]


@dataclass
class Prepared:
    """The file's cells ready to parse, with the errors found while preparing them."""

    cells: pd.DataFrame  # text the parser reads (coordinates in WGS84, wijk names as codes)
    shown: pd.DataFrame  # text as in the file, mapped columns only: what errors and refused rows quote
    columns: dict[str, str]  # field -> column in both frames
    errors: pd.DataFrame  # index = row, columns field, message
    plan: Plan


def build_plan(
    kind: str,
    raw: pd.DataFrame,
    *,
    plan: Plan | None = None,
    mapping: dict[str, str] | None = None,
    gemeente: str | None = None,
    remembered: Plan | None = None,
) -> Plan:
    """The plan for this file: the recognised columns, then remembered choices, then what was asked.

    ``mapping`` (``{field: column}``, as older callers pass it) and ``gemeente`` (one
    municipality for every row, as ``vsdash import --gemeente`` gives it) override the suggestion;
    an explicit ``plan`` overrides everything for the fields it names.
    """
    suggested = column_mapping.suggest_plan(
        kind, list(raw.columns), FIELDS[kind], sample=raw.head(500), remembered=remembered
    )
    for name, column in (mapping or {}).items():
        if column and column in raw.columns and name in suggested:
            _release(suggested, column)
            suggested[name] = Source(column=column)
    if gemeente:
        suggested["gemeentecode"] = Source(fixed=gemeente)
    for name, source in (plan or {}).items():
        if name in suggested:
            if source.column is not None:
                _release(suggested, source.column)
            suggested[name] = source
    return suggested


def _release(plan: Plan, column: str) -> None:
    """A column feeds one field: taking it for one field frees it from another."""
    for name, source in plan.items():
        if source.column == column:
            plan[name] = NOT_USED


def check_plan(
    kind: str, plan: Plan, lookup: dict[str, str], file_name: str, file_columns=(), lang: str = "nl"
) -> Plan:
    """Refuse a plan that cannot work (missing required fields, half coordinates, unknown fixed
    municipality), in Dutch; return it with a fixed municipality written as its CBS code."""
    fields = _fields(kind)
    missing = column_mapping.missing_required(plan, fields)
    if missing:
        described = "; ".join(
            f"{column_mapping.field_label(kind, f.name, lang)} ({f.name}; kolomnamen zoals "
            f"{', '.join(a for a in f.aliases[:4] if a != f.name)})"
            for f in fields
            if f.name in missing
        )
        hint = (
            " Heeft het bestand geen gemeentekolom, geef dan de gemeente voor alle rijen "
            "(op de pagina: 'alle rijen: …'; opdrachtregel: --gemeente GM0268)."
            if "gemeentecode" in missing
            else ""
        )
        raise ImportRefused(
            f"{file_name}: kolom(men) ontbreken voor: {described}. Gevonden kolommen: "
            f"{', '.join(map(str, file_columns)) or '(geen)'}.{hint} "
            "Koppel de kolommen op de pagina Gegevens of gebruik het sjabloon."
        )
    problem = column_mapping.coordinate_problem(plan)
    if problem:
        raise ImportRefused(f"{file_name}: {problem}")
    fixed = plan.get("gemeentecode", NOT_USED).fixed
    if fixed is not None:
        code = _gemeente_codes(pd.Series([fixed]), lookup).iloc[0]
        if pd.isna(code):
            raise ImportRefused(
                f"Gemeente {fixed!r} voor alle rijen is onbekend; gebruik een CBS-code (zoals GM0268) "
                "of de naam zoals in de CBS-lijst (zoals Nijmegen of 's-Gravenhage)."
            )
        plan = {**plan, "gemeentecode": Source(fixed=str(code))}
    return plan


def prepare(
    kind: str,
    raw: pd.DataFrame,
    plan: Plan,
    lookup: dict[str, str],
    names: dict[str, str] | None = None,
) -> Prepared:
    """Apply ``plan`` to the file's text cells (see the module docstring); never raises for bad cells."""
    stored = {k: v for k, v in plan.items() if k not in column_mapping.RD_FIELDS}
    frame, columns = column_mapping.apply_plan(raw, stored)
    rd = (plan.get("rd_x", NOT_USED).column, plan.get("rd_y", NOT_USED).column)
    keep = list(dict.fromkeys([*columns.values(), *(c for c in rd if c)]))
    shown = frame[keep].copy()
    cells = shown.copy()
    errors: list[pd.DataFrame] = []
    if kind == "reports":
        if rd[0] and rd[1]:
            columns["lon"], columns["lat"] = rd
            errors.append(_rd_to_degrees(cells, rd[0], rd[1]))
        elif "lat" in columns and "lon" in columns:
            errors.append(_degrees(cells, columns["lat"], columns["lon"]))
        if "wijkcode" in columns:
            errors.append(_wijken_by_name(cells, columns, lookup, names or {}))
    if kind == "channels":
        _channel_ids(cells, shown, columns, lookup)
    found = [e for e in errors if len(e)]
    all_errors = pd.concat(found) if found else pd.DataFrame(columns=_ERROR_COLUMNS)
    return Prepared(cells, shown, columns, all_errors, plan)


#: The column that holds channel ids made from municipality and name (not a column of the file).
GENERATED_CHANNEL_ID = "(kanaal_id uit gemeente en naam)"


def _channel_ids(cells: pd.DataFrame, shown: pd.DataFrame, columns: dict[str, str], lookup) -> None:
    """Channels without an id get the one a report import gives them (municipality + name),
    so a channels file sets the launch date of a channel that reports already registered."""
    from vsdash.report_channels import channel_id

    if "gemeentecode" not in columns or "naam" not in columns:
        return
    codes = _gemeente_codes(cells[columns["gemeentecode"]].fillna("").astype(str), lookup)
    names = cells[columns["naam"]].fillna("").astype(str).str.strip()
    made = pd.Series(
        [channel_id(c, n) if isinstance(c, str) and n else "" for c, n in zip(codes, names, strict=True)],
        index=cells.index,
    )
    given = cells[columns["kanaal_id"]].fillna("").astype(str).str.strip() if "kanaal_id" in columns else None
    if given is not None:
        made = given.where(given != "", made)
    cells[GENERATED_CHANNEL_ID] = made
    shown[GENERATED_CHANNEL_ID] = made
    columns["kanaal_id"] = GENERATED_CHANNEL_ID


def _errors(mask: pd.Series, fieldname: str, message: str) -> pd.DataFrame:
    rows = mask[mask].index
    return pd.DataFrame({"field": fieldname, "message": message}, index=rows)


def _as_text(values: pd.Series) -> pd.Series:
    """Numbers as text with a decimal point, read back exactly by the number parser."""
    # Trailing zeros: '52.09' and '5.853' could read as thousands groups ('52.090' is 52090);
    # with four more digits no group of exactly three is left after the point.
    text = values.to_numpy(dtype=float).astype(str)
    return pd.Series(np.char.add(text, "0000"), index=values.index).where(values.notna(), "")


def _rd_to_degrees(cells: pd.DataFrame, x: str, y: str) -> pd.DataFrame:
    lat, lon, bad_x, bad_y = locations.convert_rd_text(cells[x], cells[y])
    cells[y] = _as_text(lat)
    cells[x] = _as_text(lon)
    lo_x, hi_x = (f"{v:,.0f}".replace(",", ".") for v in locations.RD_X_RANGE)
    lo_y, hi_y = (f"{v:,.0f}".replace(",", ".") for v in locations.RD_Y_RANGE)
    return pd.concat(
        [
            _errors(
                bad_x,
                "lon",
                f"geen RD-coördinaat X; verwacht meters van {lo_x} tot en met {hi_x} (Rijksdriehoek, EPSG:28992)",
            ),
            _errors(
                bad_y,
                "lat",
                f"geen RD-coördinaat Y; verwacht meters van {lo_y} tot en met {hi_y} (Rijksdriehoek, EPSG:28992)",
            ),
        ]
    )


def _degrees(cells: pd.DataFrame, lat: str, lon: str) -> pd.DataFrame:
    lat_value = locations.parse_decimal(cells[lat])
    lon_value = locations.parse_decimal(cells[lon])
    # Only values that cannot be degrees are looked at as RD metres (a fraction of a big file).
    odd = ~(lat_value.between(-90, 90) & lon_value.between(-180, 180))
    rd = pd.Series(False, index=cells.index)
    if odd.any():
        rd.loc[odd] = locations.looks_like_rd(cells.loc[odd, lat], cells.loc[odd, lon])
    # Decimal commas, and '5.853' that the number parser would take for thousands: write plainly.
    for column, value in ((lat, lat_value), (lon, lon_value)):
        rewrite = value.notna() & ~cells[column].str.fullmatch(r"\s*-?\d+(\.\d{1,2}|\.\d{4,})?\s*")
        if rewrite.any():
            cells.loc[rewrite, column] = _as_text(value[rewrite])
    cells.loc[rd, [lat, lon]] = ""
    return _errors(
        rd,
        "lat",
        "dit lijken RD-coördinaten (meters in Rijksdriehoek), geen breedtegraad; "
        "koppel deze kolommen als X en Y (Rijksdriehoek) in plaats van breedtegraad en lengtegraad",
    )


def _wijken_by_name(
    cells: pd.DataFrame, columns: dict[str, str], lookup: dict[str, str], names: dict[str, str]
) -> pd.DataFrame:
    from vsdash.ingest.validation import _wijken

    column = columns["wijkcode"]
    text = cells[column].fillna("").astype(str).str.strip()
    wijken = _wijken(str(settings.boundaries_dir()))
    if wijken is None or "gemeentecode" not in columns:
        return pd.DataFrame(columns=_ERROR_COLUMNS)
    codes = _gemeente_codes(cells[columns["gemeentecode"]].fillna("").astype(str), lookup)
    found = locations.match_wijken(text, codes, locations.wijk_lookup(wijken, names))
    unknown = (text != "") & found.isna() & codes.notna()
    cells[column] = found.fillna("").where(~unknown, "")
    if not unknown.any():
        return pd.DataFrame(columns=_ERROR_COLUMNS)
    messages = {}
    for code in codes[unknown].unique():
        allowed = ", ".join(locations.known_wijk_names(wijken, code))
        where = names.get(code, code)
        messages[code] = (
            f"onbekende wijk in {where}; gebruik een CBS-wijkcode (zoals WK{code[2:]}01) of een wijknaam "
            f"zoals bij het CBS: {allowed or '(geen wijken bekend)'}"
        )
    return pd.DataFrame(
        {"field": "wijkcode", "message": codes[unknown].map(messages).to_numpy()},
        index=unknown[unknown].index,
    )
