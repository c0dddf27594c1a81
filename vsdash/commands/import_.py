"""``python -m vsdash import``: validate a file and write it to the store, or undo the last import."""

from __future__ import annotations

import getpass
import json
import sys


def register(sub) -> None:
    from vsdash.ingest import KINDS

    p = sub.add_parser(
        "import",
        help="Lees meldingen, activiteiten, campagnes, risicogebieden, inwoners, meldkanalen of enquêtecijfers in "
        "(alles of niets)",
        description=(
            "Controleer een bestand (CSV, XLSX; risicogebieden: GeoJSON/GeoPackage) en schrijf het in één keer "
            "naar de opslag. Eén ongeldige rij weigert het hele bestand, tenzij --skip-invalid. "
            "Exitcode 0: alles wat gevraagd is, is gedaan; 1: geweigerd of fouten; 2: bestand onbruikbaar."
        ),
    )
    p.add_argument("file", nargs="?", help="Het bestand om in te lezen")
    p.add_argument("--kind", choices=KINDS, help="Soort gegevens in het bestand")
    p.add_argument("--dry-run", action="store_true", help="Alleen controleren; niets schrijven")
    p.add_argument(
        "--skip-invalid",
        action="store_true",
        help="Schrijf de geldige rijen en bewaar de geweigerde rijen met hun reden",
    )
    p.add_argument(
        "--replace-demo",
        action="store_true",
        help="Wis de demodata van de opslag en zet daarna deze echte gegevens erin",
    )
    p.add_argument(
        "--gemeente",
        help="Gemeente voor alle rijen (CBS-code of naam, zoals GM0268 of Nijmegen), voor een bestand "
        "zonder gemeentekolom, zoals de eigen export van een gemeente",
    )
    p.add_argument(
        "--kanaal",
        help="Naam van het meldkanaal voor meldingen zonder bronkolom (standaard 'Meldpunt straatintimidatie')",
    )
    p.add_argument(
        "--kopregel",
        type=int,
        metavar="RIJ",
        help="Rijnummer van de kopregel, als de automatische keuze (onder een titel) niet klopt",
    )
    p.add_argument("--undo-last", action="store_true", help="Maak de laatste import ongedaan")
    p.add_argument(
        "--template",
        choices=KINDS,
        metavar="SOORT",
        help="Schrijf een sjabloon (kopregel en één voorbeeldrij) voor SOORT in plaats van in te lezen: "
        + ", ".join(KINDS),
    )
    p.add_argument(
        "--output",
        "-o",
        metavar="BESTAND",
        help="Met --template: schrijf naar BESTAND (.csv of .xlsx; risicogebieden .geojson) in plaats van "
        "naar het scherm",
    )
    p.add_argument("--json", action="store_true", help="Schrijf het resultaat als JSON")
    p.add_argument(
        "--store", help="Adres van de opslag (standaard VSDASH_DATABASE_URL of data/vsdash.duckdb)"
    )
    p.add_argument("--user", help="Naam voor het importlogboek (standaard de gebruikersnaam van het systeem)")
    p.set_defaults(func=run)


def _user(args) -> str:
    if args.user:
        return args.user
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "onbekend"


def run(args) -> int:
    from vsdash import ingest
    from vsdash.cli import UserError
    from vsdash.store import Store, StoreError

    if args.template:
        return _template(args)
    if args.undo_last and args.file:
        raise UserError("Geef óf een bestand óf --undo-last, niet allebei.")
    if not args.undo_last and not args.file:
        raise UserError(
            "Geef een bestand om in te lezen (of --undo-last om de laatste import terug te draaien)."
        )
    if args.file and not args.kind:
        raise UserError(f"Geef met --kind aan wat het bestand bevat: {', '.join(ingest.KINDS)}.")
    try:
        store = Store(args.store)
    except StoreError as exc:
        raise UserError(str(exc)) from exc
    try:
        if args.undo_last:
            return _undo(store, args)
        return _import(store, args)
    finally:
        store.close()


def _template(args) -> int:
    """Write the template of one kind (issue 19: ``vsdash import --template survey``)."""
    from pathlib import Path

    from vsdash import ingest
    from vsdash.cli import UserError

    if args.file or args.undo_last:
        raise UserError("Geef óf --template óf een bestand (of --undo-last), niet allebei.")
    fmt = "xlsx" if args.output and args.output.lower().endswith(".xlsx") else "csv"
    data = ingest.template(args.template, fmt)
    if args.output:
        Path(args.output).write_bytes(data)
        print(
            f"Sjabloon voor {ingest.KIND_LABELS[args.template]} geschreven naar {args.output}.",
            file=sys.stderr,
        )
    else:
        # To the screen without the byte-order mark that helps Excel open the file.
        sys.stdout.write(data.decode("utf-8-sig"))
        sys.stdout.flush()
    return 0


def _undo(store, args) -> int:
    from vsdash import ingest

    entry = ingest.undo_last_import(store, user=_user(args))
    if entry is None:
        message = "Er is geen import om ongedaan te maken."
        print(json.dumps({"undone": None, "message": message}) if args.json else message)
        return 1
    if args.json:
        print(
            json.dumps(
                {
                    "undone": entry["import_id"],
                    "deleted": entry["verwijderd"],
                    "file": entry["bestand"],
                    "demo_restored": entry["demo_hersteld"],
                }
            )
        )
    else:
        demo = " De demodata is teruggezet." if entry["demo_hersteld"] else ""
        print(
            f"Import {entry['import_id']} ({entry['bestand']}) ongedaan gemaakt: {entry['verwijderd']} rijen verwijderd.{demo}"
        )
    return 0


def _import(store, args) -> int:
    from vsdash import ingest

    def progress(fraction: float, message: str) -> None:
        if not args.json:
            print(f"[{fraction:4.0%}] {message}", file=sys.stderr)

    try:
        result = ingest.import_file(
            store,
            args.file,
            args.kind,
            user=_user(args),
            dry_run=args.dry_run,
            skip_invalid=args.skip_invalid,
            replace_demo=args.replace_demo,
            gemeente=args.gemeente,
            default_channel=args.kanaal,
            header_row=args.kopregel,
            progress=progress,
        )
    except ingest.ImportRefused as exc:
        if args.json:
            error = {"row": None, "column": None, "value": None, "message": str(exc)}
            print(
                json.dumps(
                    {
                        "accepted": 0,
                        "rejected": 0,
                        "written": 0,
                        "duplicates": 0,
                        "errors": [error],
                        "refused": True,
                    },
                    ensure_ascii=False,
                )
            )
            return 2
        from vsdash.cli import UserError

        raise UserError(str(exc)) from exc
    if args.json:
        print(json.dumps(result.as_dict(), ensure_ascii=False, default=str))
    else:
        _print_summary(result)
    return 0 if result.ok and not (args.dry_run and result.rejected and not args.skip_invalid) else 1


def _print_summary(result) -> None:
    for error in result.errors:
        print(f"{result.file_name}: {error.sentence()}")
    if result.errors_total > len(result.errors):
        print(f"... en nog {result.errors_total - len(result.errors)} fouten.")
    for warning in result.warnings:
        print(f"Let op: {warning}")
    if result.refused:
        print(
            f"Geweigerd: {result.rejected} van {result.rows} rijen ongeldig; er is niets geschreven. "
            "Verbeter het bestand, of gebruik --skip-invalid om alleen de geldige rijen te schrijven."
        )
        return
    if result.channels_new:
        verb_channels = "zouden worden aangemaakt" if result.dry_run else "aangemaakt"
        print(f"Meldkanalen {verb_channels}: {', '.join(result.channels_new)}.")
    verb = "zou schrijven" if result.dry_run else "geschreven"
    print(
        f"{result.file_name}: {result.accepted} geldig, {result.rejected} geweigerd, "
        f"{result.duplicates} al aanwezig, {result.written if not result.dry_run else result.accepted - result.duplicates} {verb}."
    )
    if result.rejections_file:
        print(f"Geweigerde rijen met reden: {result.rejections_file}")
    elif result.rejected and not result.dry_run:
        print(f"Geweigerde rijen met reden: tabel import_rejections (import {result.import_id}).")
