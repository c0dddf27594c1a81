"""``python -m vsdash status``: rows per table."""

from __future__ import annotations

import json


def register(sub) -> None:
    p = sub.add_parser("status", help="Toon het aantal rijen per tabel")
    p.add_argument("--json", action="store_true", help="Als JSON")
    p.add_argument("--store", help="Adres van de opslag")
    p.set_defaults(func=run)


def run(args) -> int:
    from vsdash.cli import UserError
    from vsdash.store import Store, StoreError

    try:
        store = Store(args.store)
    except StoreError as exc:
        raise UserError(str(exc)) from exc
    counts = store.table_counts()
    if args.json:
        print(json.dumps(counts))
    else:
        demo = " (demodata, fictief)" if store.is_demo() else ""
        print(f"Opslag {store.url}{demo}")
        for table, n in counts.items():
            print(f"  {table:<15} {n:>10,}".replace(",", "."))
    return 0
