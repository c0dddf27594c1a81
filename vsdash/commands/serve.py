"""``python -m vsdash serve``: run the dashboard for real users, with ``/healthz`` and the open-data API.

Validates every setting first (a wrong value stops the start with a Dutch message), logs JSON
lines to standard output, opens the store (building the demo store when the embedded default
is missing, so the first reader does not wait for it), imports the first page's modules and
then runs Streamlit's ``st.App``
(see ``vsdash.ui.server``), which warms the first page's caches in the background once it
listens (``vsdash.ui.warmup``). ``docs/beheer.md`` describes running it behind nginx.
"""

from __future__ import annotations

import logging
import os


def register(sub) -> None:
    p = sub.add_parser(
        "serve",
        help="Start het dashboard als server, met /healthz en /api/v1/figures",
        description=(
            "Start het dashboard voor gebruikers. Naast de pagina's: GET /healthz (200 als de opslag "
            "antwoordt, anders 503) en GET /api/v1/figures (kerncijfers als open data). "
            "Zie docs/beheer.md."
        ),
    )
    p.add_argument("--port", type=int, default=8501, help="TCP-poort (standaard 8501)")
    p.add_argument("--address", default="0.0.0.0", help="Adres om op te luisteren (standaard 0.0.0.0)")
    p.add_argument(
        "--store", help="Adres van de opslag (standaard VSDASH_DATABASE_URL of de ingebouwde DuckDB-opslag)"
    )
    p.add_argument(
        "--base-url-path",
        default="",
        help="Pad waaronder de app draait achter een proxy, bijvoorbeeld veilige-steden (standaard: geen)",
    )
    p.add_argument(
        "--secrets",
        action="append",
        default=[],
        metavar="BESTAND",
        help="secrets.toml met OIDC-login ([auth]) en accounts ([vsdash.accounts]); standaard "
        ".streamlit/secrets.toml (mag vaker, latere bestanden gaan voor)",
    )
    p.set_defaults(func=run)


def run(args) -> int:
    from vsdash import logs, settings
    from vsdash.cli import UserError

    if not 1 <= args.port <= 65535:
        raise UserError(f"--port moet tussen 1 en 65535 liggen, niet {args.port}.")
    # Absolute before the working directory changes below.
    secrets_files = [os.path.abspath(path) for path in args.secrets]
    missing = [path for path in secrets_files if not os.path.isfile(path)]
    if missing:
        raise UserError(f"--secrets: het bestand {missing[0]} bestaat niet.")
    if args.store:
        # The dashboard script reads the store from the environment, in this process.
        os.environ["VSDASH_DATABASE_URL"] = args.store
    settings.check()
    logs.configure(settings.log_format())
    log = logging.getLogger("vsdash.server")
    url = settings.store_url()
    _prepare_store(url, log)

    from vsdash.ui.server import build_app
    from vsdash.ui.warmup import import_before_listening

    # The first page's code before listening, its data after (vsdash.ui.warmup).
    log.info("first page's modules imported in %.1f s, before listening", import_before_listening())

    # Streamlit reads .streamlit/config.toml and secrets.toml from the working directory.
    os.chdir(settings.PROJECT_ROOT)
    app = build_app(url, args.base_url_path, log_format=settings.log_format())
    log.info("vsdash serve on %s:%d (store %s)", args.address, args.port, _redacted(url))
    config = {
        "server.port": args.port,
        "server.address": args.address,
        "server.baseUrlPath": args.base_url_path,
        "server.headless": True,
    }
    if secrets_files:
        config["secrets.files"] = secrets_files
    app.run(config=config)
    return 0


def _prepare_store(url: str, log: logging.Logger) -> None:
    """Build the embedded demo store when it is missing, before the server listens.

    Any other store is opened by the warm-up once the server listens (``vsdash.ui.warmup``),
    which logs it when the store does not answer: a PostgreSQL server that is not up yet does
    not stop the start, /healthz answers 503 and the pages say so until it is reachable (the
    container platform may start both at once).
    """
    from vsdash import settings

    if settings.default_store_missing(url):
        from vsdash import demo  # only then: it imports the geometry libraries, seconds before listening

        log.info("building the demo store data/vsdash.duckdb (once)")
        demo.build_default_store(progress=lambda f, msg: log.info("demo store %.0f%%: %s", f * 100, msg))


def _redacted(url: str) -> str:
    if not url.startswith("postgres"):
        return url  # a file path holds no password (and vsdash.store need not load before listening)
    from vsdash.store import _redact

    return _redact(url)
