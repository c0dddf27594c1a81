"""Templates to download: the header and one example row per kind (CSV, XLSX, GeoJSON)."""

from __future__ import annotations

import io
import json

import pandas as pd

from vsdash.ingest.fields import KIND_LABELS

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
        "uitkomst": "Meer meldingen tijdens de campagne; posters bij bushokjes het meest gezien",
        "lessen": "Posters pas ophangen als het meldpunt klaar is voor meer meldingen",
        "evaluatie_url": "https://example.org/evaluatie-campagne",
        "contact_rol": "Gemeente Utrecht, beleidsadviseur openbare orde en veiligheid",
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
    "channels": {
        "kanaal_id": "",
        "gemeentecode": "GM0268",
        "naam": "Stop Intimidatie app",
        "soort": "app",
        "start": "01-03-2023",
        "eind": "",
    },
    # Issue 19: the shares of the CBS Veiligheidsmonitor (an illustrative row, not a CBS figure).
    "survey": {
        "gemeentecode": "GM0344",
        "jaar": "2023",
        "straatintimidatie_pct": "14,2",
        "straatintimidatie_marge": "1,6",
        "onveilig_buurt_pct": "17,8",
        "onveilig_buurt_marge": "1,8",
        "onveilig_avond_pct": "29,5",
        "onveilig_avond_marge": "2,1",
        "basis_aantal": "312000",
        "basis_omschrijving": "inwoners 15 jaar en ouder",
        "bron": "CBS Veiligheidsmonitor 2023",
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
