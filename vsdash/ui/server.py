"""The production server: Streamlit's ``st.App`` (ASGI) with a health check and the open-data API.

``python -m vsdash serve`` runs :func:`build_app`. Besides the dashboard it answers

- ``GET /healthz``: 200 with ``{"store": "ok", "reports": N, "data_version": "..."}`` when the
  store answers within :data:`HEALTH_TIMEOUT_SECONDS`, else 503 with a Dutch reason. Checked at
  request time (a load balancer must see a database that went away), unlike Streamlit's own
  ``/_stcore/health``, which only says the process runs. ``reports`` is the published number
  (:func:`published_reports`), never the store's exact count: that, polled before and after a
  weekly import, would be the import's exact size, 1–4 in a quiet week (ADR 0006, attack 15).
- ``GET /api/v1/figures?gemeente=CODE|programma=ID&van=JJJJ-MM-DD&tot=JJJJ-MM-DD``: the
  key figures of a selection (neither parameter: all municipalities), the same JSON as ``python -m vsdash figures --json``, through the
  same publication layer and privacy rules (open data, CC BY 4.0).

The request handlers do their database work in a worker thread, so a slow store never blocks
the event loop that also serves the dashboard's websockets. This module has no page code.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import importlib
import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vsdash import settings

if TYPE_CHECKING:
    from vsdash.store import Store

# vsdash.store (pandas, duckdb) is imported where it is used, not here: the routes need it only
# when asked. ``vsdash serve`` imports it with the first page's modules before it listens
# (vsdash.ui.warmup.import_before_listening), where it costs no reader's time.

HEALTH_TIMEOUT_SECONDS = 3.0
API_TIMEOUT_SECONDS = 30.0
LICENCE = "CC BY 4.0"

log = logging.getLogger("vsdash.server")


class ApiError(Exception):
    """A request the API cannot answer, with its HTTP status and a Dutch message for the caller."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


# --- the server's own store connections -----------------------------------------------------------

_stores: dict[str, Store] = {}
_stores_lock = threading.Lock()


def _server_store(url: str) -> Store:
    """The store the HTTP routes read, opened once per URL (the dashboard keeps its own)."""
    from vsdash.store import Store, StoreError, StoreLocation

    with _stores_lock:
        found = _stores.get(url)
        if found is None:
            location = StoreLocation.parse(url)
            # Opening a DuckDB path that does not exist would create an empty store, and the
            # dashboard would then no longer build its demo store there: report it instead.
            duckdb_file = location.backend == "duckdb" and location.target != ":memory:"
            if duckdb_file and not Path(location.target).exists():
                raise StoreError(f"De opslag {location.target} bestaat (nog) niet.")
            found = Store(url)
            _stores[url] = found
        return found


def forget_store(url: str) -> None:
    """Close and forget the server's connection to ``url`` (after an error, or in tests)."""
    with _stores_lock:
        found = _stores.pop(url, None)
    if found is not None:
        # A broken connection may fail to close; it is dropped either way.
        with contextlib.suppress(Exception):
            found.close()


# --- health ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Health:
    """The answer of the health check: HTTP status and the JSON body."""

    status: int
    body: dict[str, Any]


def check_store(url: str) -> Health:
    """Ask the store at ``url`` for its data version and published number of reports (blocking)."""
    try:
        store = _server_store(url)
        version = store.meta("versie") or "0"
        reports = published_reports(url, store, version)
    except Exception as exc:  # noqa: BLE001 - any failure of the store means "not healthy"
        forget_store(url)  # a broken connection is reopened on the next check
        log.warning("health check failed: %s", exc)
        return Health(503, {"store": "onbereikbaar", "fout": _short(exc)})
    return Health(200, {"store": "ok", "reports": reports, "data_version": version})


_published: dict[str, tuple[str, int]] = {}
_published_lock = threading.Lock()


def published_reports(url: str, store: Store, version: str) -> int:
    """The number of reports as the pages publish it: all municipalities, the whole data range.

    One figure, one definition: the catalogue's ``reports`` (``publication.key_figures``) for every
    municipality from the first to the last day of data, the figure Overzicht shows for that
    selection. Not the store's exact count: polled before and after a weekly import, that gave
    the import's exact size, 1–4 in a quiet week (ADR 0006, attack 15). This sum of published
    cells changes around an import only as the published cells do, which the pages show anyway.
    Computed once per data version (a fraction of a second at 100,000 reports), so a load
    balancer's polling costs one version query.
    """
    with _published_lock:
        known = _published.get(url)
    if known is not None and known[0] == version:
        return known[1]
    from vsdash import publication

    span = store.report_date_range()
    total = 0
    if span is not None:
        figures = publication.key_figures(store, start=span[0], end=span[1])
        total = int(figures.reports or 0)
    with _published_lock:
        _published[url] = (version, total)
    return total


_store_module_loaded = False


async def check_store_async(url: str, timeout: float = HEALTH_TIMEOUT_SECONDS) -> Health:
    """:func:`check_store` in a worker thread, answering 503 when it takes longer than ``timeout``.

    The first check of a fresh server loads ``vsdash.store`` first, outside the timeout: that is
    the server starting (while the warm-up loads the same modules), not the store being slow.
    """
    global _store_module_loaded
    if not _store_module_loaded:
        # Not ``"vsdash.store" in sys.modules``: the warm-up may be halfway through loading it,
        # and then import_module waits for it to finish, here, rather than inside the timeout.
        await asyncio.to_thread(importlib.import_module, "vsdash.store")
        _store_module_loaded = True
    try:
        return await asyncio.wait_for(asyncio.to_thread(check_store, url), timeout)
    except TimeoutError:
        log.warning("health check timed out after %.1f s", timeout)
        return Health(
            503, {"store": "onbereikbaar", "fout": f"De opslag antwoordde niet binnen {timeout:g} seconden."}
        )


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:300]


# --- open-data figures ----------------------------------------------------------------------------


@dataclass(frozen=True)
class FiguresRequest:
    """A validated request for key figures: one municipality, one programme or all, and a period."""

    gemeente: str | None
    programma: str | None
    start: dt.date
    end: dt.date


def parse_figures_request(params: dict[str, str]) -> FiguresRequest:
    """Validate the query parameters of ``/api/v1/figures``; raise ``ApiError(400)`` in Dutch."""
    gemeente = (params.get("gemeente") or "").strip() or None
    programma = (params.get("programma") or "").strip() or None
    if gemeente and programma:  # neither is all municipalities, as `vsdash figures` without either
        raise ApiError(
            400,
            "Geef hoogstens één van 'gemeente' (CBS-code, bijvoorbeeld GM0344) of 'programma' "
            "(bijvoorbeeld veilige_steden); zonder beide gelden de cijfers voor alle gemeenten.",
        )
    dates = {}
    for name in ("van", "tot"):
        value = params.get(name)
        if not value:
            raise ApiError(400, f"Parameter '{name}' ontbreekt; geef een datum als JJJJ-MM-DD.")
        try:
            dates[name] = dt.date.fromisoformat(value)
        except ValueError:
            raise ApiError(
                400, f"Parameter '{name}' heeft de waarde {value!r}; toegestaan is een datum als JJJJ-MM-DD."
            ) from None
    if dates["van"] > dates["tot"]:
        raise ApiError(400, f"'van' ({dates['van']}) ligt na 'tot' ({dates['tot']}).")
    return FiguresRequest(gemeente, programma, dates["van"], dates["tot"])


def figures_json(url: str, request: FiguresRequest) -> str:
    """The key figures of ``request`` as JSON text, identical to ``vsdash figures --json``.

    Both call ``vsdash.publication.key_figures_json``, imported here when first needed so the
    server starts without loading the publication layer. An unknown municipality or programme
    is a 400 with the publication layer's Dutch message.
    """
    from vsdash.publication import key_figures_json

    store = _server_store(url)
    try:
        return key_figures_json(
            store,
            gemeente=request.gemeente,
            programma=request.programma,
            start=request.start,
            end=request.end,
        )
    except ValueError as exc:
        raise ApiError(400, str(exc)) from exc


# --- the Starlette routes --------------------------------------------------------------------------


async def healthz_response(url: str):
    """The response of ``GET /healthz`` for the store at ``url``: 200 when it answers in time, else 503."""
    from starlette.responses import JSONResponse

    health = await check_store_async(url)
    return JSONResponse(health.body, status_code=health.status, headers={"Cache-Control": "no-store"})


async def figures_response(url: str, params: dict[str, str]):
    """The response of ``GET /api/v1/figures``: key figures of one municipality or programme."""
    from starlette.responses import JSONResponse, Response

    from vsdash.store import StoreError

    try:
        parsed = parse_figures_request(params)
        text = await asyncio.wait_for(asyncio.to_thread(figures_json, url, parsed), API_TIMEOUT_SECONDS)
    except ApiError as exc:
        return JSONResponse({"fout": exc.message}, status_code=exc.status)
    except (StoreError, TimeoutError) as exc:
        log.warning("figures API: store unavailable: %s", exc)
        return JSONResponse({"fout": STORE_DOWN}, status_code=503)
    except Exception as exc:  # noqa: BLE001 - the caller gets a sentence, the log the traceback
        if is_database_error(exc):
            forget_store(url)
            log.warning("figures API: store unavailable: %s", exc)
            return JSONResponse({"fout": STORE_DOWN}, status_code=503)
        log.exception("figures API failed for %s", params)
        return JSONResponse(
            {"fout": "Onverwachte fout; de beheerder vindt de details in het serverlog."}, 500
        )
    return Response(
        text,
        media_type="application/json",
        headers={"Access-Control-Allow-Origin": "*", "X-Licence": LICENCE},  # open data: any site may read it
    )


STORE_DOWN = "De opslag is tijdelijk niet bereikbaar. Probeer het over een minuut opnieuw."


def is_database_error(exc: BaseException) -> bool:
    """Whether ``exc`` comes from a lost or refused database connection."""
    import psycopg

    from vsdash.store import StoreError

    return isinstance(exc, psycopg.OperationalError | psycopg.InterfaceError | StoreError)


def routes(store_url: str, base_url_path: str = ""):
    """The routes this module adds next to Streamlit's, under ``base_url_path`` when set."""
    from starlette.routing import Route

    async def healthz(request):
        return await healthz_response(store_url)

    async def api_figures(request):
        return await figures_response(store_url, dict(request.query_params))

    prefix = "/" + base_url_path.strip("/") if base_url_path.strip("/") else ""
    return [
        Route(f"{prefix}/healthz", healthz, methods=["GET", "HEAD"]),
        Route(f"{prefix}/api/v1/figures", api_figures, methods=["GET"]),
    ]


def on_script_error(exc: Exception) -> bool:
    """Log the traceback of a page that failed and show the reader a short Dutch message instead."""
    from vsdash.ui.errors import show_page_error

    return show_page_error(exc)


def build_app(
    store_url: str | None = None, base_url_path: str = "", log_format: str | None = None, warm: bool = True
):
    """Build the ASGI app: the dashboard plus ``/healthz`` and ``/api/v1/figures``.

    With ``log_format`` the server's log records go to standard output in that format; it is
    applied again once Streamlit has read its configuration, which resets its own log handlers.
    With ``warm`` the first page's caches are filled in a background thread once the runtime
    runs (``vsdash.ui.warmup``), while the server already answers.
    """
    from contextlib import asynccontextmanager

    import streamlit as st

    url = store_url or settings.store_url()

    @asynccontextmanager
    async def lifespan(app):
        if log_format:
            from vsdash import logs

            logs.configure(log_format)
        log.info("vsdash server started (healthz and /api/v1/figures ready)")
        if warm:
            from vsdash.ui.warmup import start_warm_up

            # After the runtime started (its caches are the pages' caches), in a thread: the
            # server listens meanwhile, so /healthz is never held up by the warm-up.
            start_warm_up(url)
        yield None

    return st.App(
        str(settings.PROJECT_ROOT / "dashboard.py"),
        routes=routes(url, base_url_path),
        lifespan=lifespan,
        on_script_error=on_script_error,
    )
