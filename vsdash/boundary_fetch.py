"""Fetch a newer CBS boundary vintage from PDOK at deploy time, never while a page is drawn.

``python -m vsdash boundaries fetch --year 2026`` reads the municipalities (or wijken) of one year
from PDOK's OGC API Features for the CBS wijk- en buurtkaart of that year
(``https://api.pdok.nl/cbs/wijken-en-buurten-{year}/ogc/v1``, collection ``gemeenten`` or
``wijken``), page by page (the ``next`` links of OGC API Features), drops water-only polygons,
joins parts that share a code, checks the result with the same loader the app uses, and writes
``cbs-gemeente-{year}.geojson`` (or ``cbs-wijk-{year}.geojson``) atomically into the boundaries
folder, next to a provenance file (``.bron.json``: address, time, licence, attribution, SHA-256).
The maps then use the newest vintage in that folder (``vsdash.geo``). Data: CBS, Kadaster,
CC BY 4.0. ``--url`` points at another OGC API Features service with the same collections.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from vsdash import geo, settings

DEFAULT_URL = "https://api.pdok.nl/cbs/wijken-en-buurten-{year}/ogc/v1"
COLLECTIONS = {"gemeente": "gemeenten", "wijk": "wijken"}
PAGE_SIZE = 1000
TIMEOUT_S = 60
MAX_PAGES = 100  # 100 pages of 1000 features: far more than the 3,300 wijken of the Netherlands
LICENCE = "CC BY 4.0"


class FetchError(RuntimeError):
    """Fetching failed; the message says what, in Dutch, and the boundaries folder is unchanged."""


@dataclass(frozen=True)
class Fetched:
    """What one fetch wrote."""

    path: Path
    features: int
    pages: int
    source: str


def fetch(
    year: int,
    kind: str = "gemeente",
    *,
    folder: Path | None = None,
    base_url: str = DEFAULT_URL,
    opener: Callable = urllib.request.urlopen,
) -> Fetched:
    """Fetch one kind (``gemeente`` or ``wijk``) of boundaries for ``year`` into ``folder``."""
    if kind not in COLLECTIONS:
        raise FetchError(f"Onbekende soort grenzen {kind!r}; kies gemeente of wijk.")
    if not 2000 <= year <= dt.date.today().year + 1:
        raise FetchError(f"Jaar {year} kan niet: kies een jaar tussen 2000 en {dt.date.today().year + 1}.")
    folder = Path(folder or settings.boundaries_dir())
    first = (
        base_url.format(year=year).rstrip("/")
        + f"/collections/{COLLECTIONS[kind]}/items?"
        + urllib.parse.urlencode({"f": "json", "limit": PAGE_SIZE})
    )
    features, pages = _all_pages(first, opener)
    if not features:
        raise FetchError(f"PDOK gaf geen gebieden terug voor {kind} {year} ({first}).")
    frame = _clean(features, kind, first)
    vintage = f"cbs-{kind}-{year}"
    folder.mkdir(parents=True, exist_ok=True)
    content = frame.to_json(drop_id=True).encode()
    with tempfile.NamedTemporaryFile(
        "wb", dir=folder, prefix=".fetch-", suffix=".geojson", delete=False
    ) as tmp:
        tmp.write(content)
    staged = Path(tmp.name)
    try:
        loader = geo.load_municipality_boundaries if kind == "gemeente" else geo.load_wijk_boundaries
        loaded = loader(staged)  # the app's own checks: codes, duplicates, CRS
        target = folder / f"{vintage}.geojson"
        _write_provenance(folder / f"{vintage}.bron.json", first, year, kind, len(loaded), content)
        os.replace(staged, target)
    except geo.BoundaryFileError as exc:
        raise FetchError(f"De gegevens van PDOK zijn niet bruikbaar: {exc}") from exc
    finally:
        staged.unlink(missing_ok=True)
    return Fetched(target, len(loaded), pages, first)


def _all_pages(url: str, opener: Callable) -> tuple[list[dict], int]:
    """Every feature of a collection, following the ``next`` links page by page."""
    features: list[dict] = []
    seen: set[str] = set()
    pages = 0
    while url:
        if url in seen or pages >= MAX_PAGES:
            raise FetchError(f"PDOK blijft pagina's teruggeven na {pages} pagina's ({url}); gestopt.")
        scheme = urllib.parse.urlsplit(url).scheme
        if scheme not in ("https", "http"):
            raise FetchError(f"Adres {url!r} wordt niet gevolgd: alleen http(s).")
        seen.add(url)
        try:
            with opener(
                urllib.request.Request(url, headers={"Accept": "application/geo+json"}), timeout=TIMEOUT_S
            ) as response:
                page = json.loads(response.read())
        except (OSError, ValueError) as exc:
            raise FetchError(f"Ophalen bij PDOK lukte niet ({url}): {exc}") from exc
        if not isinstance(page, dict) or page.get("type") != "FeatureCollection":
            raise FetchError(f"PDOK gaf geen GeoJSON FeatureCollection terug ({url}).")
        features.extend(page.get("features") or [])
        pages += 1
        url = next(
            (
                urllib.parse.urljoin(url, link["href"])
                for link in page.get("links") or []
                if link.get("rel") == "next" and link.get("href")
            ),
            "",
        )
    return features, pages


def _clean(features: list[dict], kind: str, source: str):
    """Land polygons only, one row per code (parts of a municipality joined)."""
    import geopandas as gpd

    frame = gpd.GeoDataFrame.from_features(features, crs=geo.WGS84)
    if "water" in frame.columns:  # the wijk- en buurtkaart splits off water as separate parts
        frame = frame[frame["water"].astype(str).str.upper() != "JA"]
    aliases = geo.GEMEENTE_ALIASES if kind == "gemeente" else geo.WIJK_ALIASES
    key = "gemeentecode" if kind == "gemeente" else "wijkcode"
    frame = geo.normalise_columns(frame, aliases, Path(source), required=(key,))
    names = [c for c in aliases if c in frame.columns]
    return frame[[*names, "geometry"]].dissolve(by=key, as_index=False)[[*names, "geometry"]]


def _write_provenance(path: Path, source: str, year: int, kind: str, features: int, content: bytes) -> None:
    record = {
        "bron": source,
        "opgehaald": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "jaar": year,
        "soort": kind,
        "gebieden": features,
        "licentie": LICENCE,
        "naamsvermelding": geo.BOUNDARY_ATTRIBUTION,
        "sha256": hashlib.sha256(content).hexdigest(),
    }
    path.write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
