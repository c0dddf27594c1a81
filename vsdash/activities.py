"""The activities register: filtering, planned-versus-happened counts and the table people read.

Pure functions on the ``activities`` table (see ``vsdash.schema.ACTIVITIES``). The register is the
record that survives staff turnover, so every row keeps when it was entered or last changed and
which import it came from. Activities are about what municipalities did, not about people who
reported: their counts, reach and budget need no small-count suppression.
"""

from __future__ import annotations

import datetime as dt
import urllib.parse
from collections.abc import Sequence

import pandas as pd

from vsdash import schema
from vsdash.i18n import t

#: Years in which Covid-19 measures stopped or postponed activities (DOMAIN: 2020–2021).
COVID_YEARS = (2020, 2021)


def split_list(value: object) -> list[str]:
    """Items of a ';'-separated register field (doelgroepen, partners); empty for a missing value."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return []
    return [item.strip() for item in str(value).split(";") if item.strip()]


def partner_names(activities: pd.DataFrame) -> list[str]:
    """All partners named in the register, sorted."""
    return sorted({p for value in activities["partners"] for p in split_list(value)})


def filter_activities(
    activities: pd.DataFrame,
    *,
    codes: Sequence[str] | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    categories: Sequence[str] = (),
    types: Sequence[str] = (),
    statuses: Sequence[str] = (),
    target_groups: Sequence[str] = (),
    partners: Sequence[str] = (),
) -> pd.DataFrame:
    """Activities matching every given filter; an empty filter (or None) means "no restriction".

    ``start``/``end`` keep activities that ran at least partly in the period (an activity without
    an end date is still running). ``target_groups`` and ``partners`` match when the activity names
    any of the given values.
    """
    rows = activities
    if codes is not None:
        rows = rows[rows["gemeentecode"].isin(list(codes))]
    if start is not None and end is not None:
        ends = pd.to_datetime(rows["eind"]).fillna(pd.Timestamp.max)
        rows = rows[(pd.to_datetime(rows["start"]) <= pd.Timestamp(end)) & (ends >= pd.Timestamp(start))]
    for column, wanted in (("categorie", categories), ("type", types), ("status", statuses)):
        if wanted:
            rows = rows[rows[column].isin(list(wanted))]
    for column, wanted in (("doelgroepen", target_groups), ("partners", partners)):
        if wanted:
            chosen = set(wanted)
            rows = rows[[bool(chosen.intersection(split_list(v))) for v in rows[column]]]
    return rows.reset_index(drop=True)


def status_by_category(activities: pd.DataFrame) -> pd.DataFrame:
    """Number of activities per category and status, every combination present (zeros included).

    Returns categorie, status, n in the vocabulary order of ``schema``.
    """
    grid = pd.MultiIndex.from_product(
        [schema.ACTIVITY_CATEGORIES, schema.ACTIVITY_STATUSES], names=["categorie", "status"]
    )
    counts = activities.groupby(["categorie", "status"]).size().reindex(grid, fill_value=0)
    return counts.rename("n").reset_index()


def covid_summary(activities: pd.DataFrame) -> dict[str, int]:
    """What Covid-19 stopped: postponed, cancelled, and cancelled ones planned to start in 2020–2021.

    A cancellation is not recorded with its reason, so the register cannot say Covid caused it;
    the count of cancellations starting in the Covid years is given separately for that reason.
    """
    status = activities["status"]
    cancelled = activities[status == "geannuleerd"]
    in_covid_years = pd.to_datetime(cancelled["start"]).dt.year.isin(COVID_YEARS)
    return {
        "uitgesteld_covid": int((status == "uitgesteld_covid").sum()),
        "geannuleerd": int(len(cancelled)),
        "geannuleerd_covidjaren": int(in_covid_years.sum()),
        "gepland": int((status == "gepland").sum()),
        "uitgevoerd": int(status.isin(["lopend", "afgerond"]).sum()),
        "totaal": int(len(activities)),
    }


def map_link(risk_area_id: str, code: str, lang: str = "nl") -> str:
    """Link to a risk area on the map page (Kaart reads ``?risicogebied=<id>``)."""
    return _page_link("kaart", {"risicogebied": risk_area_id, "gemeente": code}, lang)


def campaign_link(campaign_id: str, code: str, lang: str = "nl") -> str:
    """Link to a campaign on the campaigns page (Campagnes reads ``?campagne=<id>``)."""
    return _page_link("campagnes", {"campagne": campaign_id, "gemeente": code}, lang)


def _page_link(page: str, params: dict[str, str], lang: str) -> str:
    if lang != "nl":
        params = {**params, "taal": lang}  # a link opened in a new tab starts a new session
    return f"/{page}?{urllib.parse.urlencode(params)}"


def register_table(
    activities: pd.DataFrame,
    *,
    names: pd.Series,
    risk_areas: pd.DataFrame,
    campaigns: pd.DataFrame,
    import_log: pd.DataFrame,
    lang: str = "nl",
) -> pd.DataFrame:
    """The register as people read it: translated vocabulary, names for codes, links and provenance.

    ``names`` maps gemeentecode to display name. Returns one row per activity with columns
    activiteit_id, gemeente, categorie, type, titel, doelgroepen, partners, start, eind, status,
    bereik, budget_eur, risicogebied, kaart_link, campagne, campagne_link, gewijzigd_op, bron
    (the import's file name, or "demo" / the import id when no file name is known), and the
    knowledge register's uitkomst, lessen, evaluatie_url and contact_rol (None when empty).
    """
    area_names = risk_areas.set_index("risicogebied_id")["naam"].to_dict() if len(risk_areas) else {}
    campaign_names = (
        campaigns.drop_duplicates("campagne_id").set_index("campagne_id")["naam"].to_dict()
        if len(campaigns)
        else {}
    )
    files = import_log.set_index("import_id")["bestand"].to_dict() if len(import_log) else {}

    def vocab(prefix: str, value: object) -> str:
        return t(f"{prefix}_{value}", lang) if isinstance(value, str) and value else ""

    def source(import_id: object) -> str:
        if not isinstance(import_id, str) or not import_id:
            return t("act_source_unknown", lang)
        if import_id == "demo":
            return t("act_source_demo", lang)
        return files.get(import_id) or import_id

    rows = activities
    table = pd.DataFrame(
        {
            "activiteit_id": rows["activiteit_id"],
            "gemeente": [names.get(c, c) for c in rows["gemeentecode"]],
            "categorie": [vocab("cat", v) for v in rows["categorie"]],
            "type": [vocab("act_type", v) for v in rows["type"]],
            "titel": rows["titel"],
            "doelgroepen": [
                ", ".join(t(f"target_{g}", lang) for g in split_list(v)) for v in rows["doelgroepen"]
            ],
            "partners": [", ".join(split_list(v)) for v in rows["partners"]],
            "start": pd.to_datetime(rows["start"]),
            "eind": pd.to_datetime(rows["eind"]),
            "status": [vocab("act_status", v) for v in rows["status"]],
            "bereik": pd.array(rows["bereik"], dtype="Int64"),
            "budget_eur": pd.array(rows["budget_eur"], dtype="Int64"),
            "risicogebied": [
                area_names.get(v, v) if isinstance(v, str) else None for v in rows["risicogebied_id"]
            ],
            "kaart_link": [
                map_link(v, c, lang) if isinstance(v, str) else None
                for v, c in zip(rows["risicogebied_id"], rows["gemeentecode"], strict=True)
            ],
            "campagne": [
                campaign_names.get(v, v) if isinstance(v, str) else None for v in rows["campagne_id"]
            ],
            "campagne_link": [
                campaign_link(v, c, lang) if isinstance(v, str) else None
                for v, c in zip(rows["campagne_id"], rows["gemeentecode"], strict=True)
            ],
            "gewijzigd_op": pd.to_datetime(rows["gewijzigd_op"]),
            "bron": [source(v) for v in rows["import_id"]],
        }
    )
    # Issue 19: the knowledge register travels with the activity (a frame without it: empty).
    for column in ("uitkomst", "lessen", "evaluatie_url", "contact_rol"):
        values = rows[column] if column in rows.columns else pd.Series(None, index=rows.index)
        table[column] = [v if isinstance(v, str) and v.strip() else None for v in values]
    return table.reset_index(drop=True)


def export_frame(register: pd.DataFrame, lang: str = "nl") -> pd.DataFrame:
    """The register for download: translated column names, links as full page paths, dates as dates."""
    columns = {
        "activiteit_id": t("act_col_id", lang),
        "gemeente": t("municipality", lang),
        "categorie": t("act_col_category", lang),
        "type": t("act_col_type", lang),
        "titel": t("act_col_title", lang),
        "doelgroepen": t("act_col_targets", lang),
        "partners": t("act_col_partners", lang),
        "start": t("act_col_start", lang),
        "eind": t("act_col_end", lang),
        "status": t("act_col_status", lang),
        "bereik": t("act_col_reach", lang),
        "budget_eur": t("act_col_budget", lang),
        "risicogebied": t("act_col_risk_area", lang),
        "campagne": t("act_col_campaign", lang),
        "gewijzigd_op": t("act_col_changed", lang),
        "bron": t("act_col_source", lang),
        "uitkomst": t("know_col_outcome", lang),
        "lessen": t("know_col_lessons", lang),
        "evaluatie_url": t("know_col_link", lang),
        "contact_rol": t("know_col_contact", lang),
    }
    out = register[[c for c in columns if c in register.columns]].copy()
    for col in ("start", "eind"):
        out[col] = out[col].dt.date
    return out.rename(columns=columns)
