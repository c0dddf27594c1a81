"""``python -m vsdash demo``: build the synthetic demo store."""

from __future__ import annotations

import sys


def register(sub) -> None:
    p = sub.add_parser("demo", help="Vul de opslag met demodata (fictief, deterministisch)")
    p.add_argument("--seed", type=int, default=42, help="Startwaarde van de toevalsgenerator (standaard 42)")
    p.add_argument("--reports", type=int, default=100_000, help="Aantal meldingen (standaard 100000)")
    p.add_argument(
        "--store", help="Adres van de opslag (standaard VSDASH_DATABASE_URL of data/vsdash.duckdb)"
    )
    p.set_defaults(func=run)


def run(args) -> int:
    from vsdash.cli import UserError
    from vsdash.demo import generate_demo
    from vsdash.store import Store, StoreError

    if args.reports < 0:
        raise UserError(f"--reports moet 0 of meer zijn, niet {args.reports}.")
    try:
        store = Store(args.store)
    except StoreError as exc:
        raise UserError(str(exc)) from exc

    def progress(fraction: float, message: str) -> None:
        print(f"[{fraction:4.0%}] {message}", file=sys.stderr)

    counts = generate_demo(store, seed=args.seed, reports=args.reports, progress=progress)
    print(", ".join(f"{k}: {v}" for k, v in counts.items()))
    return 0
