"""Settings read from the environment, in one place, validated with pydantic.

Every setting has a documented default; ``docs/settings.md`` lists them and a test checks the list.
``check()`` validates all of them at once (``python -m vsdash serve`` calls it before it starts)
and raises ``SettingsError`` with one Dutch line per wrong value, naming the variable, the value
and what is allowed. The getters below validate the one value they read the same way, so a wrong
value never surfaces as "ValueError" somewhere deep in a page.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"
DEFAULT_STORE_URL = "duckdb:///data/vsdash.duckdb"

SETTINGS = {
    "VSDASH_DATABASE_URL": "Store URL (duckdb:///relatief.duckdb, duckdb:////absoluut.duckdb, postgresql://...). Default duckdb:///data/vsdash.duckdb.",
    "VSDASH_BOUNDARIES_DIR": "Folder with CBS boundary files (gemeenten.geojson, wijken_veilige_steden.geojson). Default data/boundaries (shipped with the code).",
    "VSDASH_MIN_COUNT": "Privacy threshold k: counts 1..k-1 are suppressed. Whole number 3 to 100. Default 5.",
    "VSDASH_MAX_H3_RES": "Highest H3 resolution shown publicly, 0 to 15 (capped at 8). Default 8.",
    "VSDASH_DEMO_REPORTS": "Number of reports the app generates when it builds the default demo store. Default 100000.",
    "VSDASH_DEBUG": "When set, the command line shows tracebacks for unexpected errors.",
    "VSDASH_LOG_TIMINGS": "When set, the app logs how long each page run took on the server (used by the browser benchmark).",
    "VSDASH_MAX_UPLOAD_MB": "Largest file an import accepts, in megabytes (page and command line). Default 200.",
    "VSDASH_TRUSTED_PROXIES": "Comma-separated addresses or networks of reverse proxies whose X-Forwarded-For header is believed for the login back-off (e.g. 127.0.0.1 for a proxy on the same host). Default: none.",
    "VSDASH_ADMIN_PASSWORD_HASH": "Hash of the administrator password that unlocks imports when no OIDC login is configured (make it with python -m vsdash hash-password). Default: none (imports locked).",
    "VSDASH_LOG_FORMAT": "How the server logs: json (one JSON object per line on standard output, for log collectors) or text. Default json for python -m vsdash serve.",
    "VSDASH_BASEMAP_URL": "XYZ tile URL ({z}/{x}/{y}) of the street basemap under the maps, or 'uit' for none. Default PDOK BRT-Achtergrondkaart (standaard, EPSG:3857).",
}


class SettingsError(ValueError):
    """One or more settings have a value that is not allowed; ``str(exc)`` says which, in Dutch."""


_STORE_URL = re.compile(r"^(duckdb:///.+|postgres(ql)?(\+psycopg)?://.+)$")
_WHOLE = "een geheel getal"


class _Environment(BaseModel):
    """The settings as pydantic validates them (names as in the environment)."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    VSDASH_DATABASE_URL: str = DEFAULT_STORE_URL
    VSDASH_BOUNDARIES_DIR: str | None = None
    VSDASH_MIN_COUNT: Annotated[int, Field(ge=3, le=100)] = 5
    VSDASH_MAX_H3_RES: Annotated[int, Field(ge=0, le=15)] = 8
    VSDASH_DEMO_REPORTS: Annotated[int, Field(ge=0, le=100_000_000)] = 100_000
    VSDASH_MAX_UPLOAD_MB: Annotated[float, Field(gt=0, le=10_000)] = 200.0
    VSDASH_ADMIN_PASSWORD_HASH: str | None = None
    VSDASH_LOG_FORMAT: Literal["json", "text"] = "json"
    VSDASH_BASEMAP_URL: str | None = None

    @field_validator("VSDASH_DATABASE_URL")
    @classmethod
    def _store_url(cls, value: str) -> str:
        if not _STORE_URL.match(value):
            raise ValueError("store_url")
        return value

    @field_validator("VSDASH_ADMIN_PASSWORD_HASH")
    @classmethod
    def _password_hash(cls, value: str | None) -> str | None:
        if value and (not value.startswith("scrypt$") or value.count("$") != 5):
            raise ValueError("password_hash")
        return value

    @field_validator("VSDASH_BASEMAP_URL")
    @classmethod
    def _basemap_url(cls, value: str | None) -> str | None:
        switched_off = not value or value.lower() in ("uit", "off")
        template = (
            bool(value) and re.match(r"^https?://", value) and all(p in value for p in ("{z}", "{x}", "{y}"))
        )
        if not switched_off and not template:
            raise ValueError("basemap_url")
        return value

    @field_validator("VSDASH_BOUNDARIES_DIR")
    @classmethod
    def _boundaries_dir(cls, value: str | None) -> str | None:
        if value and not Path(value).is_dir():
            raise ValueError("boundaries_dir")
        return value


# What is allowed, per setting, in the words the error message uses.
_ALLOWED = {
    "VSDASH_DATABASE_URL": "duckdb:///relatief/pad.duckdb, duckdb:////absoluut/pad.duckdb of "
    "postgresql://gebruiker@host/database",
    "VSDASH_BOUNDARIES_DIR": "een bestaande map met gemeenten.geojson (en wijken_veilige_steden.geojson)",
    "VSDASH_MIN_COUNT": f"{_WHOLE} van 3 tot en met 100 (standaard 5)",
    "VSDASH_MAX_H3_RES": f"{_WHOLE} van 0 tot en met 15 (standaard 8)",
    "VSDASH_DEMO_REPORTS": f"{_WHOLE} van 0 tot en met 100000000 (standaard 100000)",
    "VSDASH_MAX_UPLOAD_MB": "een getal groter dan 0 en hoogstens 10000, in megabytes (standaard 200)",
    "VSDASH_ADMIN_PASSWORD_HASH": "een hash gemaakt met 'python -m vsdash hash-password' (begint met scrypt$)",
    "VSDASH_LOG_FORMAT": "json of text",
    "VSDASH_BASEMAP_URL": "een tegel-URL die met http:// of https:// begint en {z}, {x} en {y} bevat, of uit",
}


def _environment(env: Mapping[str, str], names: tuple[str, ...] | None = None) -> _Environment:
    # Empty values count as "not set", as they did before validation existed.
    given = {k: v for k, v in env.items() if k in _ALLOWED and v != "" and (names is None or k in names)}
    try:
        return _Environment(**given)
    except ValidationError as exc:
        lines = []
        for error in exc.errors():
            name = str(error["loc"][0])
            lines.append(
                f"{name}={given.get(name, '')!r} is niet toegestaan; toegestaan is {_ALLOWED[name]}."
            )
        raise SettingsError("Ongeldige instelling: " + " ".join(lines)) from None


def check(env: Mapping[str, str] | None = None) -> None:
    """Validate every setting; raise ``SettingsError`` listing each wrong value in Dutch."""
    _environment(os.environ if env is None else env)


def _get(name: str):
    return getattr(_environment(os.environ, (name,)), name)


def store_url() -> str:
    """Return the store URL from ``VSDASH_DATABASE_URL`` or the embedded default."""
    return _get("VSDASH_DATABASE_URL")


def default_store_missing(url: str) -> bool:
    """Whether ``url`` is the embedded default store and its file does not exist yet.

    Here rather than in ``vsdash.demo`` (which builds that store), so asking costs no imports.
    """
    return url == DEFAULT_STORE_URL and not (PROJECT_ROOT / "data" / "vsdash.duckdb").exists()


def min_count() -> int:
    """Return k, the smallest count that may be shown (counts 1..k-1 are suppressed)."""
    return _get("VSDASH_MIN_COUNT")


def max_h3_resolution() -> int:
    """Return the highest H3 resolution allowed in the public view."""
    return min(8, _get("VSDASH_MAX_H3_RES"))


def boundaries_dir() -> Path:
    """Return the folder where boundary files are looked for (and cached)."""
    return Path(os.environ.get("VSDASH_BOUNDARIES_DIR") or DATA_DIR / "boundaries")


def basemap_url() -> str | None:
    """Return the tile URL template of the street basemap, or None when it is switched off (``uit``)."""
    from vsdash.basemap import PDOK_BRT_URL

    value = _get("VSDASH_BASEMAP_URL")
    if value and value.lower() in ("uit", "off"):
        return None
    return value or PDOK_BRT_URL


def demo_reports() -> int:
    """Return how many reports the app's self-built demo store gets."""
    return _get("VSDASH_DEMO_REPORTS")


def max_upload_bytes() -> int:
    """Return the largest file size an import accepts, in bytes (``VSDASH_MAX_UPLOAD_MB``)."""
    return int(_get("VSDASH_MAX_UPLOAD_MB") * 1024 * 1024)


def admin_password_hash() -> str | None:
    """Return the administrator password hash from the environment, or None."""
    return os.environ.get("VSDASH_ADMIN_PASSWORD_HASH") or None


def trusted_proxies() -> tuple[str, ...]:
    """Return the reverse proxies whose ``X-Forwarded-For`` is believed (``VSDASH_TRUSTED_PROXIES``).

    Empty by default: without a proxy setting, only the connection's own address counts. An entry
    that is not an address or network stops the app with a message, rather than being ignored.
    """
    import ipaddress

    raw = os.environ.get("VSDASH_TRUSTED_PROXIES", "")
    entries = tuple(item.strip() for item in raw.split(",") if item.strip())
    for item in entries:
        try:
            ipaddress.ip_network(item, strict=False)
        except ValueError as exc:
            raise ValueError(
                f"VSDASH_TRUSTED_PROXIES bevat {item!r}; verwacht adressen of netwerken zoals 127.0.0.1 of 10.0.0.0/8."
            ) from exc
    return entries


def log_timings() -> bool:
    """Whether the app logs the server time of every page run."""
    return bool(os.environ.get("VSDASH_LOG_TIMINGS"))


def log_format() -> str:
    """How the server logs: ``json`` (one object per line) or ``text``."""
    return _get("VSDASH_LOG_FORMAT")
