"""``python -m vsdash hash-password``: make the administrator password hash for secrets or env."""

from __future__ import annotations

import getpass
import sys


def register(sub) -> None:
    p = sub.add_parser(
        "hash-password",
        help="Maak de hash van het beheerderswachtwoord (voor secrets.toml of VSDASH_ADMIN_PASSWORD_HASH)",
        description=(
            "Vraagt het wachtwoord twee keer (of leest één regel van standaardinvoer met --stdin) en schrijft "
            "de scrypt-hash. Zet die in .streamlit/secrets.toml onder [vsdash] admin_password_hash, of in "
            "VSDASH_ADMIN_PASSWORD_HASH. Het wachtwoord zelf wordt nergens bewaard."
        ),
    )
    p.add_argument(
        "--stdin", action="store_true", help="Lees het wachtwoord van standaardinvoer (voor scripts)"
    )
    p.set_defaults(func=run)


def run(args) -> int:
    from vsdash.auth import hash_password
    from vsdash.cli import UserError

    if args.stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = getpass.getpass("Wachtwoord: ")
        if getpass.getpass("Nog een keer: ") != password:
            raise UserError("De twee wachtwoorden verschillen.")
    if len(password) < 12:
        raise UserError("Kies een wachtwoord van minstens 12 tekens.")
    print(hash_password(password))
    return 0
