"""``python -m vsdash boundaries fetch --year YYYY``: a newer CBS boundary vintage, at deploy time."""

from __future__ import annotations


def register(sub) -> None:
    p = sub.add_parser("boundaries", help="CBS-grenzen (gemeenten, wijken) beheren")
    actions = p.add_subparsers(dest="action", required=True)
    f = actions.add_parser(
        "fetch",
        help="Haal de grenzen van een jaar op bij PDOK (bij de installatie; de kaarten gebruiken daarna de nieuwste)",
    )
    f.add_argument("--year", type=int, required=True, help="Jaar van de CBS-indeling, bijvoorbeeld 2026")
    f.add_argument(
        "--kind",
        choices=("gemeente", "wijk", "beide"),
        default="beide",
        help="Welke grenzen (standaard beide)",
    )
    f.add_argument(
        "--map",
        dest="folder",
        help="Map om in te schrijven (standaard VSDASH_BOUNDARIES_DIR of data/boundaries)",
    )
    f.add_argument("--url", help="Ander OGC API Features-adres met {year} erin (standaard PDOK)")
    f.set_defaults(func=run)


def run(args) -> int:
    from pathlib import Path

    from vsdash import boundary_fetch
    from vsdash.cli import UserError

    kinds = ("gemeente", "wijk") if args.kind == "beide" else (args.kind,)
    options = {"folder": Path(args.folder) if args.folder else None}
    if args.url:
        options["base_url"] = args.url
    for kind in kinds:
        try:
            done = boundary_fetch.fetch(args.year, kind, **options)
        except boundary_fetch.FetchError as exc:
            raise UserError(str(exc)) from exc
        print(f"{kind}: {done.features} gebieden in {done.pages} pagina's opgehaald → {done.path}")
    print("Bron: CBS, Kadaster (CC BY 4.0). De kaarten gebruiken vanaf nu de nieuwste grenzen in die map.")
    return 0
