"""``python -m vsdash bench``: vsdash against the naive Streamlit baseline at national scale."""

from __future__ import annotations

import json


def register(sub) -> None:
    p = sub.add_parser("bench", help="Meet snelheid, kaartgrootte en geheugen tegen een naïeve aanpak")
    p.add_argument(
        "--reports", type=int, default=1_000_000, help="Aantal meldingen in de meetopslag (standaard 1000000)"
    )
    p.add_argument("--json", action="store_true", help="Druk de cijfers af als JSON")
    p.add_argument(
        "--write-results",
        action="store_true",
        help="Schrijf de cijfers ook naar benchmarks/results-N.json en benchmarks/RESULTS.md",
    )
    p.add_argument(
        "--browser",
        action="store_true",
        help="Meet ook in headless chromium: tijd tot elke pagina klaar is, 5 gelijktijdige sessies en "
        "de eerste pagina van een verse server",
    )
    p.add_argument(
        "--first-page",
        action="store_true",
        help="Meet alleen de eerste pagina van een verse server: python -m vsdash serve (met opwarmen) "
        "tegen een kale streamlit run, elk --starts keer; met --write-results bij de bestaande cijfers",
    )
    p.add_argument(
        "--concurrency",
        action="store_true",
        help="Meet alleen de gelijktijdige sessies: een filterwissel op Overzicht in 1 sessie tegen in "
        "--sessions sessies, --rounds ronden; met de processortijd per wissel van server en browser. "
        "Drukt de cijfers af, schrijft niets weg",
    )
    p.add_argument("--sessions", type=int, default=5, help="Aantal gelijktijdige sessies (standaard 5)")
    p.add_argument("--rounds", type=int, default=3, help="Aantal ronden voor --concurrency (standaard 3)")
    p.add_argument(
        "--compare",
        metavar="MAP",
        help="Met --concurrency: meet ook de checkout in MAP (bijv. die van main), in dezelfde minuten, "
        "ronde om ronde afgewisseld",
    )
    p.add_argument(
        "--starts", type=int, default=3, help="Aantal verse starts per server voor --first-page (standaard 3)"
    )
    p.set_defaults(func=run)


def run(args) -> int:
    from vsdash import bench
    from vsdash.cli import UserError

    if args.reports < 10_000:
        raise UserError(f"--reports moet minstens 10000 zijn voor een zinvolle meting, niet {args.reports}.")
    if args.starts < 1:
        raise UserError(f"--starts moet minstens 1 zijn, niet {args.starts}.")
    if args.concurrency:
        return _run_concurrency(args)
    if args.compare:
        raise UserError("--compare hoort bij --concurrency.")
    if args.first_page and not args.browser:
        # Only the first page: the other figures of this store size are kept as they were.
        result = bench.stored_results(args.reports) or {"reports": args.reports}
        result.setdefault("machine", bench.machine_description())
    else:
        result = bench.run(args.reports)
    if args.browser:
        from vsdash import bench_browser

        result["browser"] = bench_browser.run(bench.bench_store(args.reports))
    if args.browser or args.first_page:
        from vsdash import bench_browser

        first = bench_browser.first_page(bench.bench_store(args.reports), starts=args.starts)
        result["first_page"] = first | {"machine": bench.machine_description()}
    if args.write_results:
        bench.write_results(result)
    _print(result, as_json=args.json)
    return 0


def _run_concurrency(args) -> int:
    """Only the concurrent-session figures, for this checkout and optionally a second one."""
    from pathlib import Path

    from vsdash import bench, bench_browser
    from vsdash.cli import UserError
    from vsdash.settings import PROJECT_ROOT

    if args.write_results:
        raise UserError(
            "--concurrency schrijft niets weg: de volledige meting (--browser --write-results) houdt de "
            "cijfers van één run bij elkaar."
        )
    if args.sessions < 2 or args.rounds < 1:
        raise UserError(
            f"--sessions moet minstens 2 zijn en --rounds minstens 1, niet {args.sessions} en {args.rounds}."
        )
    roots = (PROJECT_ROOT,)
    if args.compare:
        other = Path(args.compare).resolve()
        if not (other / "dashboard.py").is_file():
            raise UserError(
                f"--compare {args.compare}: daar staat geen dashboard.py; geef de map van een checkout."
            )
        roots = (PROJECT_ROOT, other)
    result = bench_browser.concurrency(
        bench.bench_store(args.reports), sessions=args.sessions, rounds=args.rounds, roots=roots
    )
    result["machine"] = bench.machine_description()
    _print(result, as_json=args.json)
    return 0


def _print(result: dict, *, as_json: bool) -> None:
    """One line of JSON, or one aligned line per figure."""
    if as_json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:34} {value}")
