"""Settings read from the environment, in one place.

Every setting has a documented default; ``docs/settings.md`` lists them and a test checks the list.
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"
DEFAULT_STORE_URL = "duckdb:///data/vsdash.duckdb"

SETTINGS = {
    "VSDASH_DATABASE_URL": "Store URL (duckdb:///relatief.duckdb, duckdb:////absoluut.duckdb, postgresql://...). Default duckdb:///data/vsdash.duckdb.",
    "VSDASH_BOUNDARIES_DIR": "Folder with CBS boundary files (gemeenten.geojson, wijken_veilige_steden.geojson). Default data/cache/boundaries.",
    "VSDASH_MIN_COUNT": "Privacy threshold k: counts 1..k-1 are suppressed. Default 5.",
    "VSDASH_MAX_H3_RES": "Highest H3 resolution shown publicly. Default 8.",
    "VSDASH_DEMO_REPORTS": "Number of reports the app generates when it builds the default demo store. Default 100000.",
    "VSDASH_DEBUG": "When set, the command line shows tracebacks for unexpected errors.",
    "VSDASH_LOG_TIMINGS": "When set, the app logs how long each page run took on the server (used by the browser benchmark).",
    "VSDASH_MAX_UPLOAD_MB": "Largest file an import accepts, in megabytes (page and command line). Default 200.",
    "VSDASH_TRUSTED_PROXIES": "Comma-separated addresses or networks of reverse proxies whose X-Forwarded-For header is believed for the login back-off (e.g. 127.0.0.1 for a proxy on the same host). Default: none.",
    "VSDASH_ADMIN_PASSWORD_HASH": "Hash of the administrator password that unlocks imports when no OIDC login is configured (make it with python -m vsdash hash-password). Default: none (imports locked).",
}


def store_url() -> str:
    """Return the store URL from ``VSDASH_DATABASE_URL`` or the embedded default."""
    return os.environ.get("VSDASH_DATABASE_URL") or DEFAULT_STORE_URL


def min_count() -> int:
    """Return k, the smallest count that may be shown (counts 1..k-1 are suppressed)."""
    return int(os.environ.get("VSDASH_MIN_COUNT", "5"))


def max_h3_resolution() -> int:
    """Return the highest H3 resolution allowed in the public view."""
    return min(8, int(os.environ.get("VSDASH_MAX_H3_RES", "8")))


def boundaries_dir() -> Path:
    """Return the folder where boundary files are looked for (and cached)."""
    return Path(os.environ.get("VSDASH_BOUNDARIES_DIR") or DATA_DIR / "cache" / "boundaries")


def demo_reports() -> int:
    """Return how many reports the app's self-built demo store gets."""
    return int(os.environ.get("VSDASH_DEMO_REPORTS", "100000"))


def max_upload_bytes() -> int:
    """Return the largest file size an import accepts, in bytes (``VSDASH_MAX_UPLOAD_MB``)."""
    return int(float(os.environ.get("VSDASH_MAX_UPLOAD_MB", "200")) * 1024 * 1024)


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
