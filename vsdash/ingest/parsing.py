"""Turn text cells into typed values (vectorised); cells that do not parse become errors."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import numpy as np
import pandas as pd

from vsdash.contact_role import contact_role_problem
from vsdash.ingest.fields import FORMULA_START, Field, _fields

_PARSE_HINTS = {
    "datetime": "gebruik dd-mm-jjjj of dd-mm-jjjj uu:mm (bijvoorbeeld 14-03-2024 22:30)",
    "date": "gebruik dd-mm-jjjj (bijvoorbeeld 14-03-2024)",
    "time": "gebruik uu:mm (bijvoorbeeld 22:30)",
    "float": "verwacht een getal met een decimale komma of punt (bijvoorbeeld 52,0907)",
    "int": "verwacht een geheel getal (bijvoorbeeld 1250)",
    "percent": "verwacht een percentage als getal van 0 tot en met 100 (bijvoorbeeld 12,3 of 12,3%)",
}

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


def _is_web_address(text: str) -> bool:
    """Whether ``text`` is an http(s) address with a host (no javascript:, data:, file: or spaces)."""
    if not text or any(ch.isspace() for ch in text):
        return False
    parts = urlsplit(text)
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


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
        if f.parse in ("float", "int", "percent"):
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
        if f.parse == "contact_role":
            # Each refusal says why (an e-mail address, initials, a name): one message per cell.
            problems = text.map(lambda v: contact_role_problem(v, lookup) if v else None)
            bad = usable & problems.notna()
            if bad.any():
                errors.append(_error_frame(bad, f.name, problems))
            out[f.name] = text.str.replace(r"\s+", " ", regex=True).where(usable & ~bad)
            continue
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
    if f.parse == "url":
        return (
            "geen geldige link; alleen een volledig webadres dat begint met http:// of https:// "
            "(bijvoorbeeld https://www.gemeente.nl/evaluatie)"
        )
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
    if f.parse == "percent":
        # "12,3%" is as readable as "12,3": spreadsheets often format shares with a percent sign.
        number = _parse_number(text.str.replace(r"\s*%$", "", regex=True))
        return number, usable & number.isna()
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
    if f.parse == "url":
        ok = text.map(_is_web_address)
        return text.where(usable & ok), usable & ~ok
    if f.parse == "code":
        value = text.str.upper() if f.pattern else text
        if f.pattern:
            ok = value.str.match(f.pattern)
            return value.where(usable & ok), usable & ~ok
        return value.where(usable), None
    # Free text is kept on one line: a line break in a name only ever served to break a layout.
    return text.str.replace(r"\s+", " ", regex=True).where(usable), None
