"""Warm a fresh server's caches in the background, so its first reader does not wait for them.

``python -m vsdash serve`` starts :func:`start_warm_up` once Streamlit's runtime runs; the
server listens meanwhile, so ``/healthz`` answers from the first moment. In order of what the
first reader needs:

1. ``imports``: the modules of the frame and of Overzicht (pandas, scipy.special, the publication
   layer; no plotly chart builders and no pandera, which the first page does not use). Under
   ``vsdash serve`` they are already imported before the server listens
   (:func:`import_before_listening`), so this step only confirms it;
2. ``store``: the store opened once (``cached.get_store``);
3. ``tables``: the reference tables and the data range the sidebar reads, and the population;
4. ``overzicht``: Overzicht's view model for the selection of a first visit
   (``frame.default_selection``: all municipalities, the default period, Dutch), then its two
   SVG charts;
5. ``imports other pages``: the modules of the other pages (geopandas, statsmodels, pydeck, ...);
6. ``boundaries``: the CBS municipality boundaries, read and simplified for Kaart's first view;
7. ``campagnes``: every campaign's effect estimate (Campagnes' forest plot, with its default
   setting of comparison municipalities), seconds of statistics a first visitor would wait for.

Steps 5 to 7 wait until a first page has been served (or :data:`LATER_STEPS_AFTER_S` passed),
and then :data:`RENDER_PAUSE_S` more: on a machine of two cores they would otherwise take the
processor from the first reader's page run and from the browser drawing it.

A new data version (an import, an undo) makes every cache miss. The pages' own caches refill
cheaply, but the forest plot would cost its first visitor those seconds again, so after a page
run that saw a version not yet warmed, :func:`note_page_served` warms step 7 again for it, in
the background (only in a server that :func:`start_warm_up` started: tests and scripts never).

Each step is timed and logged; a step that fails is logged and skipped, with the steps that need
it. An empty store warms what it has; a store that is down is left to the pages, which then show
their Dutch message (nothing cached here holds an error: Streamlit does not cache exceptions).
"""

from __future__ import annotations

import importlib
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

log = logging.getLogger("vsdash.server")

#: What the frame and the first page (Overzicht) import.
FIRST_PAGE_MODULES = ("vsdash.ui.cached", "vsdash.ui.frame", "vsdash.ui.widgets", "vsdash.views.overview")
#: Imported before the server listens (:func:`import_before_listening`): the first page's modules
#: and matplotlib's drawing of its two SVG charts. Code only: nothing here opens the store.
BEFORE_LISTENING_MODULES = (*FIRST_PAGE_MODULES, "vsdash.slide_figures")
#: What the other pages import, loaded after the first page's caches are warm.
OTHER_PAGE_MODULES = (
    "vsdash.ui.mapview",
    "vsdash.ui.data_import",
    "vsdash.ui.presenting",
    "vsdash.views.reports",
    "vsdash.views.campaigns",
    "vsdash.views.comparison",
    "vsdash.views.map",
    "vsdash.views.activities",
    "vsdash.views.programme",
    "vsdash.views.presentation",
    "vsdash.maps",
    "vsdash.effect_estimator",
    "vsdash.presentation",
)
#: The reference tables the sidebar and Overzicht read (``cached.table`` names).
TABLES = ("municipalities", "memberships", "programmes", "channels", "population")
#: The other pages' steps start at the latest this many seconds after the first page's steps.
LATER_STEPS_AFTER_S = 10.0
#: Pause after the first page is served, while the browser loads its scripts and draws it.
RENDER_PAUSE_S = 2.0

_page_served = threading.Event()
#: The store URL of the server's warm-up (None outside ``vsdash serve``) and the data versions
#: whose forest plot is warm or being warmed.
_serving_url: str | None = None
_warmed_versions: set[str] = set()
_versions_lock = threading.Lock()


def note_page_served(url: str | None = None, version: str | None = None) -> None:
    """Tell the warm-up that a page run has finished (dashboard.py calls it after every run).

    With the run's store ``url`` and data ``version``: a version not seen before (an import
    happened) gets its forest plot warmed in the background, when this is a warmed server.
    """
    _page_served.set()
    if url is None or version is None or url != _serving_url:
        return
    with _versions_lock:
        if version in _warmed_versions:
            return
        _warmed_versions.add(version)
    threading.Thread(
        target=_warm_new_version, args=(url, version), name="vsdash-warm-version", daemon=True
    ).start()


def _warm_new_version(url: str, version: str) -> None:
    report = WarmUpReport()
    time.sleep(RENDER_PAUSE_S)  # the run that saw the version is still being drawn
    from vsdash.ui import cached

    _step(report, "campagnes", lambda: cached.campaign_effects_all(url, version, True))
    log.info("warm-up of data version %s: %s", version, report.done or report.failed)


@dataclass
class WarmUpReport:
    """What a warm-up did: the steps that finished with their seconds, and the steps that failed."""

    done: dict[str, float] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)

    @property
    def seconds(self) -> float:
        """Seconds spent in the steps that finished."""
        return round(sum(self.done.values()), 2)


def _step(report: WarmUpReport, name: str, action: Callable[[], object]) -> bool:
    """Run one step, record its time or its failure (logged, never raised); True when it finished."""
    started = time.perf_counter()
    try:
        action()
    except Exception as exc:  # noqa: BLE001 - a failed warm-up step must never stop the server
        reason = str(exc).strip().splitlines()[0][:300] if str(exc).strip() else type(exc).__name__
        report.failed[name] = reason
        log.warning("warm-up step %s failed (the pages report it themselves): %s", name, reason)
        return False
    report.done[name] = round(time.perf_counter() - started, 2)
    return True


def _import(modules: tuple[str, ...]) -> None:
    for name in modules:
        importlib.import_module(name)


def import_before_listening() -> float:
    """Import the first page's modules and load matplotlib's fonts; return the seconds it took.

    ``vsdash serve`` calls it before the server listens. Importing code needs no store and cannot
    be slowed by one that is down, so it need not wait for a reader: done after listening, as
    the warm-up's first step, its second (two or more under load) landed on the very first
    reader, whose browser then waited for the page run while the same two cores also served
    Streamlit's front end to it (issue 17 item 8; ``benchmarks/RESULTS.md``). The data steps
    (store, tables, Overzicht's model) stay after listening: a store that is not up yet must
    not stop the start.
    """
    started = time.perf_counter()
    # Streamlit checks each st.cache_data's parameters as it is declared and, with no runtime
    # yet, warns once per function that it would use a memory cache: true and harmless (the
    # caches are looked up when called, in the runtime's storage), but 20 lines of noise in an
    # operator's log at every start.
    # A filter, not a level: Streamlit sets its loggers' levels itself when it is first imported.
    cache_log = logging.getLogger("streamlit.runtime.caching.cache_data_api")
    cache_log.addFilter(_no_runtime_yet)
    try:
        _import(BEFORE_LISTENING_MODULES)
    finally:
        cache_log.removeFilter(_no_runtime_yet)
    _draw_nothing()
    return round(time.perf_counter() - started, 2)


def _no_runtime_yet(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith("No runtime found")


def _draw_nothing() -> None:
    """Draw an empty SVG with one text: matplotlib loads its fonts on the first text it lays out."""
    import io

    from matplotlib.figure import Figure

    figure = Figure(figsize=(1, 1))
    figure.text(0.5, 0.5, "0")
    figure.savefig(io.BytesIO(), format="svg")


def warm_up(url: str, lang: str = "nl") -> WarmUpReport:
    """Fill the caches the first page of a fresh server reads, for the store at ``url``.

    ``url`` must be the URL the pages read (``settings.store_url()``): it keys every cache.
    Returns what was warmed; raises nothing.
    """
    from vsdash import settings

    report = WarmUpReport()
    _step(report, "imports", lambda: _import(FIRST_PAGE_MODULES))
    from vsdash.ui import cached, frame  # imported by the step above (or it failed, and so will this)

    # A missing embedded store is built by the first page, with a progress bar, or by
    # ``vsdash serve`` before it starts: never here, behind the reader's back.
    if settings.default_store_missing(url):
        report.failed["store"] = "de ingebouwde opslag bestaat (nog) niet"
    else:
        _step(report, "store", lambda: cached.get_store(url))
    if "store" in report.done:
        version = cached.get_store(url).meta("versie") or "0"
        with _versions_lock:  # step 7 below warms it: the first page runs must not start it again
            _warmed_versions.add(version)

        def tables() -> None:
            for name in TABLES:
                cached.table(url, version, name)
            cached.report_date_range(url, version)
            cached.is_demo(url, version)

        def overview() -> None:
            sel = frame.default_selection(url, version, lang)
            model = cached.overview_model(
                sel.url, sel.version, sel.gemeente, sel.programma, sel.start, sel.end, sel.label, sel.lang
            )
            # Its SVG charts are drawn when first read (vsdash.chart_text.StaticChart): read them,
            # and their phone layouts, which the page sends beside them.
            for chart in (model.trend, model.activities):
                if chart is not None:
                    chart.svg  # noqa: B018 - reading draws and keeps it
                    chart.narrow_svg  # noqa: B018

        if _step(report, "tables", tables):
            _step(report, "overzicht", overview)
        else:
            report.skipped.append("overzicht")
    else:
        report.skipped += ["tables", "overzicht"]
    # What a fresh server's first reader waits for, logged apart from the later steps (issue 17).
    log.info("warm-up of the first page done: %s", _summary(report))
    if _page_served.wait(LATER_STEPS_AFTER_S):
        time.sleep(RENDER_PAUSE_S)
    _step(report, "imports other pages", lambda: _import(OTHER_PAGE_MODULES))
    folder = str(settings.boundaries_dir())
    _step(report, "boundaries", lambda: _boundaries(cached, folder, lang))
    if "store" in report.done:
        _step(report, "campagnes", lambda: cached.campaign_effects_all(url, version, True))
    else:
        report.skipped.append("campagnes")
    return report


def _summary(report: WarmUpReport) -> str:
    """The steps done with their seconds, then the failed ones, for the log."""
    done = ", ".join(f"{name} {secs:.1f} s" for name, secs in report.done.items())
    return done + (f"; failed: {', '.join(report.failed)}" if report.failed else "")


def _boundaries(cached, folder: str, lang: str) -> None:
    """Read the municipality boundaries once and simplify them for the map of all municipalities."""
    _, reason = cached.boundary_source("gemeenten", folder)
    if reason is not None:
        # No boundary files: the map says so itself; nothing to keep warm.
        raise RuntimeError(f"geen gemeentegrenzen in {folder}: {reason}")
    cached.map_boundaries(None, lang, folder)


def start_warm_up(url: str, lang: str = "nl") -> threading.Thread:
    """Run :func:`warm_up` in a daemon thread and return at once; the thread logs what it did."""

    def run() -> None:
        started = time.perf_counter()
        report = warm_up(url, lang)
        log.info("warm-up done in %.1f s: %s", time.perf_counter() - started, _summary(report))

    global _serving_url
    _serving_url = url
    thread = threading.Thread(target=run, name="vsdash-warm-up", daemon=True)
    thread.start()
    return thread
