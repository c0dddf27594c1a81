"""Every ``st.cache_*`` wrapper of the app, in one place.

The store is a shared resource (``st.cache_resource``); frames are cached with
``st.cache_data`` keyed by small hashable values (store URL, data version, a frozen
``ReportFilter``), never by DataFrames. The data version changes on every write, so an import
invalidates what was cached before it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st

from vsdash import basemap, settings
from vsdash.i18n import t
from vsdash.store import ReportFilter, Store

if TYPE_CHECKING:  # plotly is imported by the pages that draw a ChartSpec, not by the first page
    from vsdash.charts import ChartSpec


@st.cache_resource(show_spinner=False)
def get_store(url: str) -> Store:
    """Open the store once per process; build the demo store first when the default is missing."""
    if settings.default_store_missing(url):
        from vsdash import demo  # only then: it imports the geometry libraries

        bar = st.progress(0.0, text=t("building_demo"))
        demo.build_default_store(
            progress=lambda f, msg: bar.progress(min(f, 1.0), text=f"{t('building_demo')} {msg}")
        )
        bar.empty()
    return Store(url)


def store() -> Store:
    """The store of this app (from ``VSDASH_DATABASE_URL`` or the embedded default)."""
    return get_store(settings.store_url())


def data_version() -> str:
    """A value that changes whenever the store's data changes (keys the data caches)."""
    return store().meta("versie") or "0"


@st.cache_data(show_spinner=False, max_entries=256)
def count_reports(
    url: str, version: str, selection: ReportFilter, grain: str, by: tuple[str, ...] = ()
) -> pd.DataFrame:
    return get_store(url).count_reports(selection, grain, by)


@st.cache_data(show_spinner=False, max_entries=64)
def count_by_hour(url: str, version: str, selection: ReportFilter) -> pd.DataFrame:
    return get_store(url).count_by_hour(selection)


@st.cache_data(show_spinner=False, max_entries=64)
def hex_counts(url: str, version: str, selection: ReportFilter) -> pd.DataFrame:
    return get_store(url).hex_counts(selection)


@st.cache_data(show_spinner=False, max_entries=64)
def area_counts(
    url: str, version: str, selection: ReportFilter, by: str, grain: str | None = None
) -> pd.DataFrame:
    return get_store(url).area_counts(selection, by, grain)


@st.cache_data(show_spinner=False, max_entries=8)
def table(url: str, version: str, name: str) -> pd.DataFrame:
    """A small reference or register table by the name of its Store method (e.g. ``campaigns``)."""
    allowed = {
        "municipalities",
        "population",
        "memberships",
        "peer_groups",
        "programmes",
        "campaigns",
        "channels",
        "activities",
        "risk_areas",
        "risk_area_measures",
        "ground_truth",
        "import_log",
    }
    if name not in allowed:
        raise ValueError(f"unknown table {name!r}")
    return getattr(get_store(url), name)()


@st.cache_data(show_spinner=False, max_entries=4)
def report_date_range(url: str, version: str):
    return get_store(url).report_date_range()


@st.cache_data(show_spinner=False, max_entries=4)
def is_demo(url: str, version: str) -> bool:
    return get_store(url).is_demo()


# --- charts -------------------------------------------------------------------------------


def chart(key: tuple, lang: str, build: Callable[[], ChartSpec]) -> ChartSpec:
    """The chart ``build`` makes for ``key``, built and localised in ``lang`` once per process.

    ``key`` names the chart and holds everything its content depends on, normally the page's
    ``Selection`` (store URL, data version, municipalities, period, language) plus any page widget
    that changes it. Building a plotly figure and localising it cost more server time per rerun
    than the queries behind it (ADR 0005); a municipality seen before is now drawn from memory.
    The spec is shared between sessions: callers draw it and never change it.
    """
    return _chart(key, lang, build)


@st.cache_resource(show_spinner=False, max_entries=256)
def _chart(key: tuple, lang: str, _build: Callable[[], ChartSpec]) -> ChartSpec:
    return _build().localise(lang)


# --- reports and campaigns pages (Meldingen, Campagnes) --------------------------------------------


@st.cache_data(show_spinner=False, max_entries=4)
def effect_inputs(url: str, version: str):
    """The effect estimator's inputs (``vsdash.views.campaigns.EffectInputs``): weekly counts and registers."""
    from vsdash.views.campaigns import effect_inputs as read

    return read(get_store(url))


@st.cache_data(show_spinner=False, max_entries=4)
def campaign_effects_all(url: str, version: str, with_controls: bool = True) -> pd.DataFrame:
    """Every campaign x municipality effect (the forest plot), with the effect card's settings."""
    from vsdash.campaign_effects import EFFECT_COLUMNS, estimate_all_campaigns

    inputs = effect_inputs(url, version)
    if inputs.span is None:
        return pd.DataFrame(columns=EFFECT_COLUMNS)
    return estimate_all_campaigns(
        inputs.weekly_counts,
        inputs.campaigns,
        inputs.channels,
        inputs.population,
        inputs.span,
        with_controls=with_controls,
    )


def campaigns_model(sel):
    """The Campagnes model of a selection (``vsdash.views.campaigns``): titles and choices."""
    return _campaigns_model(sel.url, sel.version, sel.codes, sel.label, sel.lang)


@st.cache_resource(show_spinner=False, max_entries=64)
def _campaigns_model(url, version, codes, label, lang):
    from vsdash.views.campaigns import build_campaigns

    return build_campaigns(get_store(url), codes=codes, label=label, names=_names(url, version), lang=lang)


def campaign_timeline(sel, highlight: str | None):
    """The campaign timeline of a selection with ``highlight`` outlined (``vsdash.views.campaigns``)."""
    return _campaign_timeline(
        sel.url, sel.version, sel.gemeente, sel.codes, sel.start, sel.end, sel.label, highlight, sel.lang
    )


@st.cache_resource(show_spinner=False, max_entries=64)
def _campaign_timeline(url, version, gemeente, codes, start, end, label, highlight, lang):
    from vsdash.views.campaigns import build_timeline

    return build_timeline(
        get_store(url),
        gemeente=gemeente,
        codes=codes,
        start=start,
        end=end,
        label=label,
        highlight=highlight,
        names=_names(url, version),
        lang=lang,
    )


def effect_card_model(sel, campagne_id: str, code: str, with_controls: bool):
    """The effect card of one campaign in one municipality (``vsdash.views.campaigns``)."""
    return _effect_card_model(sel.url, sel.version, campagne_id, code, with_controls, sel.lang)


@st.cache_resource(show_spinner=False, max_entries=64)
def _effect_card_model(url, version, campagne_id, code, with_controls, lang):
    from vsdash.views.campaigns import build_effect_card

    return build_effect_card(
        effect_inputs(url, version),
        campagne_id=campagne_id,
        code=code,
        with_controls=with_controls,
        names=_names(url, version),
        lang=lang,
    )


def forest_model(sel, with_controls: bool):
    """The forest plot of the selection's campaigns (``vsdash.views.campaigns``)."""
    return _forest_model(sel.url, sel.version, sel.codes, with_controls, sel.lang)


@st.cache_resource(show_spinner=False, max_entries=32)
def _forest_model(url, version, codes, with_controls, lang):
    from vsdash.views.campaigns import build_forest

    effects = campaign_effects_all(url, version, with_controls)
    return build_forest(effects, codes=codes, names=_names(url, version), lang=lang)


def _names(url: str, version: str) -> dict:
    return table(url, version, "municipalities").set_index("gemeentecode")["weergavenaam"].to_dict()


@st.cache_data(show_spinner=False, max_entries=2)
def municipality_boundaries_geojson(boundaries_dir: str):
    """CBS municipality boundaries as a GeoJSON dict for plotly, or (None, the reason).

    The reason is a ``geo.BoundariesUnavailable`` (``geo.reason_text`` gives it in the page's
    language) or the Dutch message of a file that cannot be used.

    ``boundaries_dir`` (``settings.boundaries_dir()``) keys the cache, so pointing the app at other
    files takes effect without a restart.
    """
    import json

    from vsdash import geo

    try:
        boundaries = geo.load_municipality_boundaries()
    except geo.BoundariesUnavailable as exc:
        return None, exc
    except geo.BoundaryFileError as exc:
        return None, str(exc)
    return json.loads(boundaries.to_json(drop_id=True)), ""


# --- map page (Kaart) -----------------------------------------------------------------------


@st.cache_resource(show_spinner=False)
def boundary_source(kind: str, folder: str):
    """Load CBS boundaries once per process and folder: (GeoDataFrame or None, reason or None).

    A failure (no file in the folder) is cached too, with its reason; nothing is downloaded here.
    ``folder`` (``settings.boundaries_dir()``) keys the cache, so pointing the setting elsewhere
    takes effect without a restart.
    """
    from vsdash import geo

    loader = geo.load_municipality_boundaries if kind == "gemeenten" else geo.load_wijk_boundaries
    try:
        return loader(), None
    except geo.BoundariesUnavailable as exc:
        return None, exc
    except geo.BoundaryFileError as exc:
        return None, str(exc)


@st.cache_data(show_spinner=False, max_entries=32)
def map_boundaries(gemeente: str | None, lang: str, folder: str):
    """Boundary records for the map of ``gemeente`` (None: all municipalities), simplified once."""
    from vsdash import maps

    municipalities, reason = boundary_source("gemeenten", folder)
    wijken, _ = boundary_source("wijken", folder) if gemeente is not None else (None, None)
    from vsdash import geo

    return maps.prepare_boundaries(
        municipalities, wijken, gemeente, missing_reason=geo.reason_text(reason, lang), lang=lang
    )


# --- presentation and exports (Presenteren) --------------------------------------------------


@st.cache_data(show_spinner=False, max_entries=16)
def presentation_deck(
    url: str, version: str, gemeente, codes, start, end, lang: str, label: str, programma=None
):
    """The presentation deck (``presentation.Deck``) of one selection, map picture included.

    A programme's deck is built for the programme (audit 3): from its members' codes alone the
    letter's "Rijksbijdrage" was Veilige Steden's money (EUR 320,000 for Leefbaarheid en
    Veiligheid in 2025, where the API and ``vsdash figures`` say EUR 0).
    """
    from vsdash.presentation import build_deck

    return build_deck(
        get_store(url),
        gemeente=gemeente,
        codes=codes,
        start=start,
        end=end,
        lang=lang,
        label=label,
        programma=None if gemeente else programma,
    )


@st.cache_data(show_spinner=False, max_entries=16)
def presentation_peers(url: str, version: str, gemeente, programma, start, end, lang: str):
    """The comparison slide's peers of a municipality (``vsdash.peers.peer_comparison``)."""
    from vsdash.peers import peer_comparison

    return peer_comparison(
        get_store(url), gemeente=gemeente, programma=programma, start=start, end=end, lang=lang
    )


def composed_deck(sel, composition):
    """The deck of a selection with the officer's slides (``vsdash.composition``) and, when the
    comparison slide is shown, its peers: what the page, the PPTX and the PDF are made of."""
    from vsdash.views.presentation import compose_deck

    deck = presentation_deck(
        sel.url, sel.version, sel.gemeente, sel.codes, sel.start, sel.end, sel.lang, sel.label, sel.programma
    )
    wanted = any(spec.kind == "vergelijking" for spec in composition.slides)
    peers = (
        presentation_peers(sel.url, sel.version, sel.gemeente, sel.programma, sel.start, sel.end, sel.lang)
        if wanted
        else None
    )
    return compose_deck(deck, composition, peers)


def _deck_key(sel, composition) -> tuple:
    """What a composed deck depends on, hashable: the selection's fields and the composition."""
    fields = (sel.url, sel.version, sel.gemeente, sel.codes, sel.programma, sel.start, sel.end, sel.lang)
    return (*fields, sel.label, composition.key())


def presentation_model(sel, composition, number: int):
    """The Presenteren model of a selection, composition and slide (``vsdash.views.presentation``)."""
    return _presentation_model(_deck_key(sel, composition), number, sel, composition)


@st.cache_resource(show_spinner=False, max_entries=64)
def _presentation_model(key, number, _sel, _comp):
    from vsdash.presentation import file_stem
    from vsdash.views.presentation import build_presentation

    stem = file_stem(_sel.start, _sel.end, _sel.lang, gemeente=_sel.gemeente, programma=_sel.programma)
    return build_presentation(composed_deck(_sel, _comp), _comp, number, stem=stem)


def presentation_file(sel, composition, kind: str) -> bytes:
    """The composed deck as a file: ``kind`` is ``pptx`` or ``pdf``."""
    return _presentation_file(_deck_key(sel, composition), kind, sel, composition)


@st.cache_data(show_spinner=False, max_entries=16)
def _presentation_file(key, kind, _sel, _comp):
    from vsdash import deck_pdf, deck_pptx

    deck = composed_deck(_sel, _comp)
    return deck_pptx.deck_to_pptx(deck) if kind == "pptx" else deck_pdf.deck_to_pdf(deck)


# --- page models (vsdash.views) -----------------------------------------------------------------


@st.cache_resource(show_spinner=False, max_entries=64)
def overview_model(url: str, version: str, gemeente, programma, start, end, label: str, lang: str):
    """The Overzicht model of a selection, built once per process and shared (never changed)."""
    from vsdash.views.overview import build_overview

    return build_overview(
        get_store(url), gemeente=gemeente, programma=programma, start=start, end=end, label=label, lang=lang
    )


@st.cache_data(show_spinner=False, max_entries=64)
def key_figures(url: str, version: str, gemeente, programma, start, end, lang: str):
    """The key figures of a selection (``vsdash.publication.key_figures``)."""
    from vsdash import publication

    return publication.key_figures(
        get_store(url), start=start, end=end, gemeente=gemeente, programma=programma, lang=lang
    )


@st.cache_data(show_spinner=False, max_entries=64)
def default_grain(url: str, version: str, codes, start, end) -> str:
    """The readable grain of a selection (``vsdash.views.reports.default_grain``)."""
    from vsdash.views.reports import default_grain as readable

    return readable(get_store(url), codes, start, end)


def reports_model(sel, grain: str, split: str):
    """The Meldingen model of a selection, grain and split (``vsdash.views.reports``)."""
    return _reports_model(
        sel.url, sel.version, sel.codes, sel.gemeente, sel.start, sel.end, grain, split, sel.label, sel.lang
    )


@st.cache_resource(show_spinner=False, max_entries=64)
def _reports_model(url, version, codes, gemeente, start, end, grain, split, label, lang):
    from vsdash.views.reports import build_reports

    return build_reports(
        get_store(url),
        codes=codes,
        gemeente=gemeente,
        start=start,
        end=end,
        grain=grain,
        split=split,
        label=label,
        lang=lang,
    )


@st.cache_data(show_spinner=False, max_entries=64)
def _compare_options(url, version, gemeente, programma, start, end):
    from vsdash.views.comparison import compare_options

    return compare_options(get_store(url), gemeente=gemeente, programma=programma, start=start, end=end)


def compare_options(sel):
    """Who can be compared on Vergelijken for a selection (``vsdash.views.comparison``)."""
    return _compare_options(sel.url, sel.version, sel.gemeente, sel.programma, sel.start, sel.end)


def comparison_model(sel, group: str, focus, metric: str):
    """The Vergelijken model of a selection, peer group, focus and map metric."""
    return _comparison_model(
        sel.url, sel.version, sel.gemeente, sel.programma, sel.start, sel.end, group, focus, metric, sel.lang
    )


@st.cache_resource(show_spinner=False, max_entries=64)
def _comparison_model(url, version, gemeente, programma, start, end, group, focus, metric, lang):
    from vsdash.views.comparison import build_comparison

    return build_comparison(
        get_store(url),
        gemeente=gemeente,
        programma=programma,
        start=start,
        end=end,
        group_choice=group,
        focus=focus,
        metric=metric,
        boundaries=municipality_boundaries_geojson(_boundaries_folder()),
        lang=lang,
    )


def _boundaries_folder() -> str:
    return str(settings.boundaries_dir())


def map_model(sel):
    """The Kaart model of a selection (``vsdash.views.map.build_map``), boundaries included."""
    return _map_model(
        sel.url,
        sel.version,
        sel.gemeente,
        sel.codes,
        sel.start,
        sel.end,
        sel.label,
        sel.lang,
        _boundaries_folder(),
        basemap.template(),
    )


@st.cache_resource(show_spinner=False, max_entries=32)
def _map_model(url, version, gemeente, codes, start, end, label, lang, folder, tiles):
    """``tiles`` (the basemap's URL template, or None) keys the cache: the map carries its layers."""
    from vsdash.views.map import build_map

    return build_map(
        get_store(url),
        gemeente=gemeente,
        codes=codes,
        start=start,
        end=end,
        label=label,
        boundaries=map_boundaries(gemeente, lang, folder),
        lang=lang,
    )


def risk_area_detail(sel, risicogebied_id: str):
    """One risk area of the Kaart page (``vsdash.views.map.build_risk_area``)."""
    return _risk_area_detail(sel.url, sel.version, sel.codes, sel.start, sel.end, risicogebied_id, sel.lang)


@st.cache_resource(show_spinner=False, max_entries=64)
def _risk_area_detail(url, version, codes, start, end, risicogebied_id, lang):
    from vsdash.views.map import build_risk_area

    return build_risk_area(
        get_store(url), codes=codes, start=start, end=end, risicogebied_id=risicogebied_id, lang=lang
    )


def before_after_model(sel, event_key: str, weeks: int):
    """The before/after comparison of the Kaart page (``vsdash.views.map.build_before_after``)."""
    return _before_after_model(
        sel.url, sel.version, sel.gemeente, sel.codes, event_key, weeks, sel.lang, _boundaries_folder()
    )


@st.cache_resource(show_spinner=False, max_entries=64)
def _before_after_model(url, version, gemeente, codes, event_key, weeks, lang, folder):
    from vsdash.views.map import build_before_after

    return build_before_after(
        get_store(url),
        gemeente=gemeente,
        codes=codes,
        event_key=event_key,
        weeks=weeks,
        boundaries=map_boundaries(gemeente, lang, folder),
        lang=lang,
    )


def activities_model(sel, filters):
    """The Activiteiten model of a selection and filter values (``vsdash.views.activities``)."""
    return _activities_model(
        sel.url, sel.version, sel.codes, sel.start, sel.end, filters, sel.label, sel.lang
    )


@st.cache_resource(show_spinner=False, max_entries=64)
def _activities_model(url, version, codes, start, end, filters, label, lang):
    from vsdash.views.activities import build_activities

    return build_activities(
        get_store(url), codes=codes, start=start, end=end, filters=filters, label=label, lang=lang
    )


def published_trend(sel):
    """The published trend of a selection (``vsdash.publication.published_trend_of``)."""
    return _published_trend(sel.url, sel.version, sel.codes, sel.start, sel.end, sel.lang)


@st.cache_resource(show_spinner=False, max_entries=64)
def _published_trend(url, version, codes, start, end, lang):
    from vsdash import publication

    return publication.published_trend_of(get_store(url), codes, start, end, lang=lang)


# --- programme view and knowledge register (Programma, issue 19) ---------------------------------


def programme_model(sel):
    """The Programma model of a selection (``vsdash.views.programme.build_programme``)."""
    return _programme_model(
        sel.url, sel.version, sel.gemeente, sel.codes, sel.programma, sel.start, sel.end, sel.label, sel.lang
    )


@st.cache_resource(show_spinner=False, max_entries=32)
def _programme_model(url, version, gemeente, codes, programma, start, end, label, lang):
    from vsdash.views.programme import build_programme

    return build_programme(
        get_store(url),
        gemeente=gemeente,
        codes=codes,
        programma=programma,
        start=start,
        end=end,
        label=label,
        lang=lang,
    )


def knowledge_search(sel, query: str):
    """The knowledge register's search across all municipalities (``build_knowledge_search``)."""
    return _knowledge_search(sel.url, sel.version, " ".join(str(query).split()), sel.lang)


@st.cache_resource(show_spinner=False, max_entries=64)
def _knowledge_search(url, version, query, lang):
    from vsdash.views.programme import build_knowledge_search

    return build_knowledge_search(get_store(url), query=query, lang=lang)
