"""``python -m vsdash figures``: the key figures of a selection, as the pages show them."""

from __future__ import annotations

import datetime as dt


def _date(text: str) -> dt.date:
    import argparse

    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is geen datum; gebruik JJJJ-MM-DD, bijvoorbeeld 2025-01-31"
        ) from None


def register(sub) -> None:
    p = sub.add_parser(
        "figures",
        help="Kerncijfers van een gemeente of programma in een periode (zoals de pagina's ze tonen)",
        description="Kerncijfers volgens docs/indicatoren.md, na de privacystap. Een afgeschermd cijfer "
        "is null, met de reden onder 'reasons'.",
    )
    which = p.add_mutually_exclusive_group()
    which.add_argument("--gemeente", help="CBS-code, bijvoorbeeld GM0344")
    which.add_argument("--programma", help="Programma, bijvoorbeeld veilige_steden")
    p.add_argument("--from", dest="start", type=_date, required=True, help="Eerste dag (JJJJ-MM-DD)")
    p.add_argument("--to", dest="end", type=_date, required=True, help="Laatste dag (JJJJ-MM-DD)")
    p.add_argument("--lang", choices=("nl", "en"), default="nl", help="Taal van de labels")
    p.add_argument("--json", action="store_true", help="Als JSON (anders een leesbare tabel)")
    p.add_argument("--store", help="Adres van de opslag")
    p.set_defaults(func=run)


def run(args) -> int:
    from vsdash import publication
    from vsdash.cli import UserError
    from vsdash.i18n import t
    from vsdash.indicators import CATALOGUE
    from vsdash.store import Store, StoreError

    try:
        store = Store(args.store)
    except StoreError as exc:
        raise UserError(str(exc)) from exc
    selection = dict(
        start=args.start, end=args.end, gemeente=args.gemeente, programma=args.programma, lang=args.lang
    )
    try:
        if args.json:
            # The same function as GET /api/v1/figures (vsdash.ui.server), so both give the same JSON.
            print(publication.key_figures_json(store, **selection))
            return 0
        figures = publication.key_figures(store, **selection)
    except ValueError as exc:
        raise UserError(str(exc)) from exc
    labels = figures.labels(args.lang)
    # The catalogue's short labels, as the pages and slides show them (docs/indicatoren.md names both).
    name = {ind.id: ind.short_name(args.lang) for ind in CATALOGUE}
    rows = [
        (name["reports"], labels["reports"]),
        (name["rate_per_10k_per_year"], f"{labels['rate']} ({labels['rate_interval']})"),
        (name["change"], labels["change"]),
        (name["campaigns"], labels["campaigns"]),
        (name["activities"], labels["activities"]),
        # Issue 19: the survey's prevalence and the willingness to report, with their intervals.
        (name["survey_prevalence"], f"{labels['survey_prevalence']} ({labels['survey_interval']})"),
        (name["reporting_ratio"], f"{labels['reporting_ratio']} ({labels['ratio_interval']})"),
    ]
    if figures.demo:
        print(t("demo_badge", args.lang))
    for name, value in rows:
        print(f"{name:<45} {value}")
    # Audit 2: the days the reports were counted over, as the page and the slides say them; without
    # it "Meldingen 0" for 10-19 March read as those ten days, where all of March was counted.
    counted = figures.notes(args.lang)["counted"]
    if counted:
        print(f"  {counted}")
    if figures.survey is not None:
        print(f"  {figures.survey_notes(args.lang)['survey']}")
    for key in figures.reasons:
        print(f"  {key}: {figures.reason_text(key, args.lang)}")
    return 0
