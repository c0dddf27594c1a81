"""Small file builders for import tests (Dutch Excel CSV, XLSX, GeoJSON)."""

from __future__ import annotations

import io
import json

HEADER = "melding_id;gemeentecode;datum;tijd;categorie;breedtegraad;lengtegraad"


def reports_csv(rows: list[str], header: str = HEADER, encoding: str = "utf-8-sig") -> bytes:
    return ("\r\n".join([header, *rows]) + "\r\n").encode(encoding)


def utrecht_rows(n: int, prefix: str = "U", start_day: int = 1) -> list[str]:
    """``n`` valid reports in central Utrecht in 2024 (decimal commas, as Dutch Excel writes)."""
    cats = ("verbaal", "non-verbaal", "fysiek", "achtervolgen", "overig")
    return [
        f"{prefix}{i};GM0344;{(start_day + i) % 28 + 1:02d}-{i % 12 + 1:02d}-2024;{i % 24:02d}:15;{cats[i % 5]};"
        f"52,09{i % 10};5,12{i % 7}"
        for i in range(n)
    ]


def xlsx(rows: list[list]) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def risk_area_geojson(features: list[tuple[str, str, str, str, list]], crs: str | None = None) -> bytes:
    doc = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"risicogebied_id": rid, "gemeentecode": gm, "naam": naam, "type": soort},
                "geometry": {"type": "Polygon", "coordinates": [ring]},
            }
            for rid, gm, naam, soort, ring in features
        ],
    }
    if crs:
        doc["crs"] = {"type": "name", "properties": {"name": crs}}
    return json.dumps(doc).encode()


UTRECHT_STATION = [[5.105, 52.085], [5.115, 52.085], [5.115, 52.095], [5.105, 52.095], [5.105, 52.085]]
