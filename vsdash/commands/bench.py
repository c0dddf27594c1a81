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
        help="Meet ook in headless chromium: tijd tot elke pagina klaar is, en 5 gelijktijdige sessies",
    )
    p.set_defaults(func=run)


def run(args) -> int:
    from vsdash import bench
    from vsdash.cli import UserError

    if args.reports < 10_000:
        raise UserError(f"--reports moet minstens 10000 zijn voor een zinvolle meting, niet {args.reports}.")
    result = bench.run(args.reports)
    if args.browser:
        from vsdash import bench_browser

        result["browser"] = bench_browser.run(bench.bench_store(args.reports))
    if args.write_results:
        bench.write_results(result)
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:34} {value}")
    return 0
