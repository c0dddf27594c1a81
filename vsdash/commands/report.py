"""``python -m vsdash report``: the presentation of a municipality, a programme or all
municipalities in a period as PPTX or PDF, or the council letter (raadsinformatiebrief) as DOCX.

The selection is the Presenteren page's: one municipality (``--gemeente``), the members of a
programme in the period (``--programma``, the ids of the sidebar and ``/api/v1/figures``), or
all municipalities (neither). The deck, its label and the file name are built as the page builds
them, so the files are the page's default downloads for that selection.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
from pathlib import Path

from vsdash.cli import UserError

FORMATS = ("pptx", "pdf", "docx")


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``report`` command."""
    parser = subparsers.add_parser(
        "report",
        help=(
            "maak de presentatie van een gemeente, een programma of alle gemeenten in een periode als "
            "PPTX of PDF, of de raadsinformatiebrief (DOCX)"
        ),
        description=(
            "Maakt dezelfde dia's als de pagina Presenteren (kerncijfers, trend met campagnes, "
            "campagne-effect, kaart van risicogebieden, activiteiten, wat we leerden) als PowerPoint "
            "met bewerkbare grafieken of als PDF, voor een gemeente (--gemeente), de deelnemers van een "
            "programma (--programma) of alle gemeenten (zonder beide). Kleine aantallen worden niet "
            "getoond; demodata krijgt op elke dia het label 'Demodata — fictief'. Met --template krijgt "
            "de PowerPoint de huisstijl van de gemeente. Met --format docx: de raadsinformatiebrief met "
            "kerncijfers, kanttekeningen en bronnen als Word-document."
        ),
    )
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--gemeente", help="CBS-code van de gemeente, bijvoorbeeld GM0344")
    which.add_argument(
        "--programma",
        help=(
            "programma, bijvoorbeeld veilige_steden: de gemeenten die in de periode deelnamen "
            "(zonder --gemeente en --programma: alle gemeenten)"
        ),
    )
    parser.add_argument("--from", dest="start", required=True, help="eerste dag van de periode, JJJJ-MM-DD")
    parser.add_argument("--to", dest="end", required=True, help="laatste dag van de periode, JJJJ-MM-DD")
    parser.add_argument(
        "--format", choices=FORMATS, required=True, help="pptx, pdf of docx (de raadsinformatiebrief)"
    )
    parser.add_argument(
        "--store", help="adres van de opslag (standaard VSDASH_DATABASE_URL of de ingebouwde)"
    )
    parser.add_argument("--taal", choices=("nl", "en"), default="nl", help="taal van de dia's (standaard nl)")
    parser.add_argument(
        "--out",
        required=True,
        type=Path,
        help=(
            "bestand om te schrijven, of een bestaande map: dan krijgt het bestand de naam die de pagina "
            "Presenteren geeft (bijvoorbeeld veilige-steden-GM0344-20240101-20241231.pptx)"
        ),
    )
    parser.add_argument(
        "--template",
        type=Path,
        help=(
            "PowerPoint-sjabloon van de gemeente (.potx of .pptx) voor de huisstijl: de dia's gebruiken "
            "de indeling met een titelvak ('Alleen titel'); alleen bij --format pptx"
        ),
    )
    parser.set_defaults(func=run)


def _parse_day(text: str, flag: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UserError(
            f"{flag}: {text!r} is geen datum; gebruik JJJJ-MM-DD, bijvoorbeeld 2024-01-31."
        ) from None


def _template(path: Path | None, fmt: str) -> bytes | None:
    """The template's bytes, checked before the (slow) deck is built."""
    if path is None:
        return None
    if fmt != "pptx":
        raise UserError(f"--template: een sjabloon geldt alleen voor --format pptx, niet voor {fmt}.")
    if path.suffix.lower() not in (".potx", ".pptx"):
        raise UserError(
            f"--template: {path} moet een .potx- of .pptx-bestand zijn (niet {path.suffix or 'zonder extensie'})."
        )
    if not path.is_file():
        raise UserError(f"--template: het bestand {path} bestaat niet.")
    from vsdash import deck_pptx

    data = path.read_bytes()
    try:
        deck_pptx.check_template(data, str(path))
    except deck_pptx.TemplateError as exc:
        raise UserError(f"--template: {exc}") from None
    return data


def _selection(
    store, args: argparse.Namespace, start: dt.date, end: dt.date
) -> tuple[tuple[str, ...] | None, str]:
    """The codes and label of the selection, as the dashboard's sidebar makes them (``vsdash.ui.frame``).

    One municipality: its code and name; a programme: its members in the period, labelled "Alle
    gemeenten (programme)"; neither: all municipalities (None). Unknown codes are refused in Dutch.
    """
    from vsdash import publication
    from vsdash.i18n import t

    lang = args.taal
    if args.gemeente is not None:
        names = store.municipalities().set_index("gemeentecode")["weergavenaam"]
        if args.gemeente not in names.index:
            raise UserError(
                f"--gemeente: {args.gemeente!r} is geen bekende CBS-gemeentecode (vorm GM0000, bijvoorbeeld "
                f"GM0344 voor Utrecht)."
            )
        return (args.gemeente,), str(names[args.gemeente])
    if args.programma is not None:
        programmes = store.programmes().set_index("programma")["naam"]
        if args.programma not in programmes.index:
            raise UserError(
                f"--programma: {args.programma!r} is geen bekend programma; kies uit "
                f"{', '.join(sorted(programmes.index))}."
            )
        codes = publication.members_in_period(store.memberships(), args.programma, start, end)
        if not codes:
            raise UserError(
                f"--programma: {args.programma} ({programmes[args.programma]}) had van {start} tot en met {end} "
                "geen deelnemende gemeenten; kies een andere periode."
            )
        return codes, f"{t('all_municipalities', lang)} ({programmes[args.programma]})"
    return None, t("all_municipalities", lang)


def _out_path(args: argparse.Namespace, start: dt.date, end: dt.date) -> Path:
    """The file to write: ``--out`` itself, or in a folder the name the Presenteren page gives."""
    from vsdash.i18n import t
    from vsdash.presentation import file_stem

    out: Path = args.out
    if out.is_dir():
        stem = file_stem(start, end, args.taal, gemeente=args.gemeente, programma=args.programma)
        if args.format == "docx":
            stem = f"{stem}-{t('file_council_letter', args.taal)}"
        return out / f"{stem}.{args.format}"
    if out.suffix.lower() != f".{args.format}":
        raise UserError(f"--out: {out} hoort bij --format {args.format} te eindigen op .{args.format}.")
    if not out.parent.exists():
        raise UserError(f"--out: de map {out.parent} bestaat niet.")
    return out


def run(args: argparse.Namespace) -> int:
    """Check the arguments, build the deck, write the file whole (or not at all)."""
    from vsdash import council_letter, deck_pdf, deck_pptx
    from vsdash.presentation import build_deck
    from vsdash.store import Store, StoreError

    start, end = _parse_day(args.start, "--from"), _parse_day(args.end, "--to")
    if start > end:
        raise UserError(f"--from ({start}) ligt na --to ({end}); de periode moet vooruit lopen.")
    out = _out_path(args, start, end)
    template = _template(args.template, args.format)
    try:
        store = Store(args.store)
    except StoreError as exc:
        raise UserError(str(exc)) from None
    try:
        codes, label = _selection(store, args, start, end)
        span = store.report_date_range()
        if span is not None and (end < span[0] or start > span[1]):
            raise UserError(
                f"De periode {start} tot en met {end} valt buiten de gegevens ({span[0]} tot en met {span[1]})."
            )
        # The letter has no map: building its picture would only cost time.
        deck = build_deck(
            store,
            gemeente=args.gemeente,
            codes=codes,
            start=start,
            end=end,
            lang=args.taal,
            label=label,
            with_map=args.format != "docx",
        )
    finally:
        store.close()
    if args.format == "docx":
        content = council_letter.council_letter_docx(deck)
    elif args.format == "pptx":
        try:
            content = deck_pptx.deck_to_pptx(deck, template=template)
        except deck_pptx.TemplateError as exc:
            raise UserError(f"--template: {exc}") from None
    else:
        content = deck_pdf.deck_to_pdf(deck)
    partial = out.with_name(f".{out.name}.schrijven")
    partial.write_bytes(content)
    os.replace(partial, out)  # the file appears whole, or not at all
    print(f"Geschreven: {out} ({len(content) // 1024} kB, {deck.label}, {deck.period_text}).")
    return 0
