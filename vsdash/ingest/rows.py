"""Shape validated rows into the store's tables (reports: locate, then drop coordinates)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from vsdash import schema, settings, survey
from vsdash.ingest.results import Progress
from vsdash.ingest.validation import _wijken
from vsdash.store import with_record_keys


def _to_table_rows(kind: str, valid: pd.DataFrame, geometry, progress: Progress) -> dict[str, pd.DataFrame]:
    """Shape validated rows into the store's tables (reports: locate, then drop coordinates)."""
    if kind == "reports":
        return {"reports": _report_rows(valid, progress)}
    if kind == "activities":
        frame = valid.assign(
            programma=valid["programma"].fillna("veilige_steden"),
            start=valid["start"].dt.date,
            eind=pd.to_datetime(valid["eind"]).dt.date,  # an optional column may be absent (all NA)
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
    if kind == "survey":
        # Optional shares may be absent from the file altogether (then all NA, of type object).
        shares = [c for c in valid.columns if c.endswith(("_pct", "_marge"))]
        frame = valid.assign(
            **{c: pd.to_numeric(valid[c]).astype(float) for c in shares},
            jaar=valid["jaar"].astype("Int64"),
            basis_aantal=valid["basis_aantal"].astype("Int64"),
            basis_omschrijving=valid["basis_omschrijving"].fillna(survey.DEFAULT_BASE_TEXT),
            bron=valid["bron"].fillna("import"),
        )
        return {"survey_indicators": frame}
    if kind == "channels":
        from vsdash.report_channels import channel_kind

        frame = valid.assign(
            soort=valid["soort"].where(valid["soort"].notna(), valid["naam"].map(channel_kind)),
            start=valid["start"].dt.date,
            eind=valid["eind"].dt.date.where(valid["eind"].notna(), None),
        )
        return {"channels": frame}
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
