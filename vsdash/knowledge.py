"""The knowledge register: outcomes and lessons of activities, searchable across municipalities.

Knowledge leaves with staff (the Panteia evaluation: one civil servant often holds the whole
file). The activity register therefore keeps, per activity, what it led to (``uitkomst``), the
lessons learned (``lessen``), a link to an evaluation (``evaluatie_url``, http(s) only) and whom
to ask as a role (``contact_rol``: organisation and function, never a name; see
``vsdash.contact_role``). They come in through the ordinary activity import.

:func:`search_knowledge` answers "who ran Safe Clubbing, when, and what happened to reports in
the risk areas around it": the reports in those risk areas in equal whole-week windows before
and after the start, with the Kaart page's before/after (``maps.before_after_windows`` and
``maps.compare_counts``, so ``vsdash.privacy`` protects every count). :func:`lessons_for` gives
the presentation's "lessen" slide its rows. Texts stay plain text: the caller escapes them
where it renders markup. No streamlit here.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence

import pandas as pd

from vsdash import maps, plain_text
from vsdash.i18n import fmt_date, t
from vsdash.presentation import LESSON_COLUMNS
from vsdash.store import ReportFilter, Store

KNOWLEDGE_FIELDS = ("uitkomst", "lessen", "evaluatie_url", "contact_rol")
#: Whole weeks before and after an activity's start compared in its risk areas.
BEFORE_AFTER_WEEKS = 8
SEARCH_COLUMNS = (
    "activiteit_id",
    "gemeentecode",
    "gemeente",
    "titel",
    "type",
    "start",
    "eind",
    "status",
    "uitkomst",
    "lessen",
    "evaluatie_url",
    "contact_rol",
    "risicogebieden",
    "venster",
    "voor",
    "na",
    "verschil",
)


#: Statuses of an activity that did not (yet) take place on its start date: no before/after.
NOT_HELD = ("geannuleerd", "uitgesteld_covid", "gepland")


def _fold(text: object) -> str:
    """Lower case without accents, for matching ("coördinator" finds "coordinator")."""
    decomposed = unicodedata.normalize("NFKD", plain_text.one_line(text).lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _in_period(activities: pd.DataFrame, start: dt.date | None, end: dt.date | None) -> pd.Series:
    begins = pd.to_datetime(activities["start"])
    ends = pd.to_datetime(activities["eind"]).fillna(pd.Timestamp.max)
    keep = pd.Series(True, index=activities.index)
    if end is not None:
        keep &= begins <= pd.Timestamp(end)
    if start is not None:
        keep &= ends >= pd.Timestamp(start)
    return keep


def _has_knowledge(activities: pd.DataFrame) -> pd.Series:
    filled = [activities[c].fillna("").astype(str).str.strip() != "" for c in ("uitkomst", "lessen")]
    return filled[0] | filled[1]


def lessons_for(store: Store, codes: Sequence[str] | None, start: dt.date, end: dt.date) -> pd.DataFrame:
    """Outcomes and lessons of the activities of ``codes`` (None: all) that ran in [start, end].

    Only activities with an outcome or a lesson; newest first. Columns ``presentation.LESSON_COLUMNS``
    (titel, gemeente_naam, jaar, uitkomst, lessen), each text one line of plain text.
    """
    acts = store.activities()
    if codes is not None:
        acts = acts[acts["gemeentecode"].isin(list(codes))]
    acts = acts[_in_period(acts, start, end) & _has_knowledge(acts)]
    acts = acts.sort_values(["start", "activiteit_id"], ascending=[False, True])
    names = store.municipalities().set_index("gemeentecode")["weergavenaam"]
    out = pd.DataFrame(
        {
            "titel": acts["titel"].map(plain_text.one_line),
            "gemeente_naam": acts["gemeentecode"].map(lambda c: names.get(c, c)),
            "jaar": pd.to_datetime(acts["start"]).dt.year.astype(int),
            "uitkomst": acts["uitkomst"].map(plain_text.one_line),
            "lessen": acts["lessen"].map(plain_text.one_line),
        }
    )
    return out[list(LESSON_COLUMNS)].reset_index(drop=True)


def search_knowledge(
    store: Store,
    query: str,
    *,
    codes: Sequence[str] | None = None,
    weeks: int = BEFORE_AFTER_WEEKS,
    lang: str = "nl",
) -> pd.DataFrame:
    """Activities matching ``query`` in every municipality (or ``codes``), with what followed.

    Every word of the query must occur (case and accents ignored) in the title, the activity
    type, the partners, the outcome or the lessons. One row per activity, oldest first, with
    ``SEARCH_COLUMNS``: the register's fields (type as its label), ``risicogebieden`` (the
    activity's own risk area, else every risk area of its municipality), ``venster`` (the
    windows compared, or why there are none) and ``voor``/``na``/``verschil``: the published
    reports in those risk areas in ``weeks`` whole weeks before and from the start.
    """
    words = [_fold(w) for w in str(query).split() if w.strip()]
    acts = store.activities()
    if codes is not None:
        acts = acts[acts["gemeentecode"].isin(list(codes))]
    if not words or acts.empty:
        return pd.DataFrame(columns=list(SEARCH_COLUMNS))
    haystack = (
        acts["titel"].map(_fold)
        + " "
        + acts["type"].map(lambda v: _fold(t(f"act_type_{v}", lang)))
        + " "
        + acts["partners"].map(_fold)
        + " "
        + acts["uitkomst"].map(_fold)
        + " "
        + acts["lessen"].map(_fold)
    )
    found = acts[haystack.map(lambda text: all(w in text for w in words))]
    found = found.sort_values(["start", "gemeentecode"])
    names = store.municipalities().set_index("gemeentecode")["weergavenaam"]
    areas = store.risk_areas()
    span = store.report_date_range()
    rows = []
    for act in found.itertuples():
        area_rows = (
            areas[areas["risicogebied_id"] == act.risicogebied_id]
            if pd.notna(act.risicogebied_id) and act.risicogebied_id
            else areas[areas["gemeentecode"] == act.gemeentecode]
        )
        if act.status in NOT_HELD:
            # Audit 2: a cancelled, postponed or still planned activity did not start on its
            # date, so the reports around that date say nothing about it; Nijmegen's cancelled
            # Safe Clubbing training read "voor 5, na 0, verschil −5".
            status = t(f"act_status_{act.status}", lang)
            window = t("know_not_held", lang, status=status[:1].lower() + status[1:])
            before = after = change = "–"
        else:
            window, before, after, change = _before_after(
                store, act.gemeentecode, area_rows, pd.Timestamp(act.start).date(), weeks, span, lang
            )
        rows.append(
            {
                "activiteit_id": act.activiteit_id,
                "gemeentecode": act.gemeentecode,
                "gemeente": names.get(act.gemeentecode, act.gemeentecode),
                "titel": plain_text.one_line(act.titel),
                "type": t(f"act_type_{act.type}", lang),
                "start": pd.Timestamp(act.start),
                "eind": pd.Timestamp(act.eind) if pd.notna(act.eind) else pd.NaT,
                "status": t(f"act_status_{act.status}", lang),
                "uitkomst": plain_text.one_line(act.uitkomst),
                "lessen": plain_text.one_line(act.lessen),
                "evaluatie_url": act.evaluatie_url if isinstance(act.evaluatie_url, str) else None,
                "contact_rol": plain_text.one_line(act.contact_rol),
                "risicogebieden": ", ".join(plain_text.one_line(n) for n in area_rows["naam"]) or "–",
                "venster": window,
                "voor": before,
                "na": after,
                "verschil": change,
            }
        )
    return pd.DataFrame(rows, columns=list(SEARCH_COLUMNS))


def _before_after(store, code, area_rows, day, weeks, span, lang) -> tuple[str, str, str, str]:
    """The windows around ``day`` and the published reports in ``area_rows`` before and after."""
    if area_rows.empty:
        return t("know_no_areas", lang), "–", "–", "–"
    windows = maps.before_after_windows(day, weeks, span)
    if windows is None:
        return t("know_no_window", lang), "–", "–", "–"
    ids = set(area_rows["risicogebied_id"])

    def counted(period: tuple[dt.date, dt.date]) -> pd.DataFrame:
        # Per fixed block of weeks, as the Kaart's before/after: a window is the sum of its
        # published blocks (maps.compare_counts), each block of the areas together one cell. As a
        # cell of its own every activity and window length gave the same areas fresh noise, and
        # averaging overlapping windows would wear the perturbation away (ADR 0006).
        counts = store.area_counts(ReportFilter((code,), *period), "risicogebied_id", "block")
        counts = counts[counts["risicogebied_id"].isin(ids)]
        return counts.assign(groep="risicogebieden")

    compared = maps.compare_counts(
        counted(windows.before), counted(windows.after), "groep", total_shown=False, lang=lang
    )
    text = t(
        "know_window",
        lang,
        weken=windows.weeks,
        van=fmt_date(windows.before[0], lang),
        tot=fmt_date(windows.after[1], lang),
    )
    if compared.empty:
        return text, "0", "0", "0"
    row = compared.iloc[0]
    return text, str(row["voor_label"]), str(row["na_label"]), str(row["verschil_label"])
