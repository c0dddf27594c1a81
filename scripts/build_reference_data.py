"""Rebuild data/gemeenten.csv and data/gemeenten_inwoners.csv from the CBS files.

Usage: python scripts/build_reference_data.py /path/to/shared/data

The population figures are copied unchanged (facts, CBS StatLine 03759NED). The centre point per
municipality is a point inside its CBS 2025 boundary (representative point, computed in RD New),
rounded to 4 decimals. The boundary files themselves are not copied into the repository.
"""

from __future__ import annotations

import sys
from pathlib import Path

import geopandas as gpd
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent

# Provinces of the municipalities in the programmes (general knowledge; others left empty).
PROVINCES = {
    "GM0363": "Noord-Holland",
    "GM0599": "Zuid-Holland",
    "GM0518": "Zuid-Holland",
    "GM0344": "Utrecht",
    "GM0034": "Flevoland",
    "GM0202": "Gelderland",
    "GM0758": "Noord-Brabant",
    "GM0505": "Zuid-Holland",
    "GM0014": "Groningen",
    "GM0855": "Noord-Brabant",
    "GM0935": "Limburg",
    "GM0153": "Overijssel",
    "GM0546": "Zuid-Holland",
    "GM0268": "Gelderland",
    "GM0141": "Overijssel",
    "GM0479": "Noord-Holland",
    "GM0080": "Fryslân",
    "GM0772": "Noord-Brabant",
    "GM0995": "Flevoland",
    "GM0606": "Zuid-Holland",
    "GM0356": "Utrecht",
    "GM0917": "Limburg",
    "GM0637": "Zuid-Holland",
}
DISPLAY_NAMES = {"GM0518": "Den Haag"}


def main(source: Path) -> None:
    gdf = gpd.read_file(source / "gemeenten.geojson")
    points = gdf.to_crs("EPSG:28992").representative_point().to_crs("EPSG:4326")
    municipalities = pd.DataFrame(
        {
            "gemeentecode": gdf["statcode"],
            "naam": gdf["statnaam"],
            "weergavenaam": [
                DISPLAY_NAMES.get(c, n) for c, n in zip(gdf["statcode"], gdf["statnaam"], strict=True)
            ],
            "provincie": gdf["statcode"].map(PROVINCES),
            "lat": points.y.round(4),
            "lon": points.x.round(4),
        }
    ).sort_values("gemeentecode")
    municipalities.to_csv(ROOT / "data" / "gemeenten.csv", index=False)
    population = pd.read_csv(source / "gemeenten_inwoners.csv")
    population.to_csv(ROOT / "data" / "gemeenten_inwoners.csv", index=False)
    print(f"{len(municipalities)} municipalities, {len(population)} population rows")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
