"""``python -m vsdash effect``: estimate a campaign's effect on reports from CSV files."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
from pathlib import Path

import pandas as pd

from vsdash.calendar_nl import NATIONAL, REGIONS
from vsdash.cli import UserError
from vsdash.effect_estimator import (
    EffectEstimate,
    describe_effect,
    describe_method,
    describe_placebo,
    estimate_campaign_effect,
    validate_weekly_reports,
)
from vsdash.i18n import fmt_number, t

SERIES_COLUMNS = ("week", "reports")
CONTROL_COLUMNS = ("gemeente", "week", "reports")


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``effect`` command."""
    parser = subparsers.add_parser(
        "effect",
        help="schat het effect van een campagne op het aantal meldingen",
        description=(
            "Vergelijkt het aantal meldingen tijdens een campagne met wat verwacht werd op basis van de "
            "weken ervoor (trend, seizoen en eventueel vergelijkingsgemeenten)."
        ),
    )
    parser.add_argument(
        "--series", required=True, type=Path, help="CSV met kolommen week (maandag), reports[, population]"
    )
    parser.add_argument("--start", required=True, help="eerste dag van de campagne, JJJJ-MM-DD")
    parser.add_argument("--end", required=True, help="laatste dag van de campagne, JJJJ-MM-DD")
    parser.add_argument(
        "--controls", type=Path, help="CSV met kolommen gemeente, week, reports[, population]"
    )
    parser.add_argument(
        "--break",
        dest="breaks",
        action="append",
        default=[],
        metavar="JJJJ-MM-DD",
        help=(
            "datum van een bekende breuk in de reeks (een meldkanaal dat start of stopt, een wetswijziging); "
            "krijgt een eigen sprong in het niveau; mag vaker"
        ),
    )
    parser.add_argument(
        "--trend-break",
        dest="trend_breaks",
        action="append",
        default=[],
        metavar="JJJJ-MM-DD",
        help=(
            "datum vanaf wanneer de trend kan veranderen (nieuw beleid, een reorganisatie, een meldpunt dat "
            "langzaam bekender wordt); de trend mag vanaf die datum sneller of trager stijgen; mag vaker"
        ),
    )
    parser.add_argument(
        "--other-campaign",
        dest="other_campaigns",
        action="append",
        default=[],
        metavar="START:EIND",
        help="een andere campagne van de gemeente (JJJJ-MM-DD:JJJJ-MM-DD); die weken tellen niet mee; mag vaker",
    )
    parser.add_argument(
        "--region",
        default=NATIONAL,
        choices=[*REGIONS, NATIONAL, "geen"],
        help=(
            "schoolvakantieregio van de gemeente (standaard landelijk: het gemiddelde van de drie regio's); "
            "'geen' laat vakanties en feestdagen buiten het model"
        ),
    )
    parser.add_argument(
        "--json", action="store_true", help="druk één JSON-object af in plaats van een samenvatting"
    )
    parser.add_argument("--n-sim", type=int, default=2000, help="aantal simulaties (standaard 2000)")
    parser.add_argument("--seed", type=int, default=0, help="startgetal van de simulaties (standaard 0)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Read the files, estimate, print JSON or a Dutch summary."""
    start = _parse_day(args.start, "--start")
    end = _parse_day(args.end, "--end")
    series = _validated(_read_csv(args.series, SERIES_COLUMNS), args.series, controls=False)
    controls = None
    if args.controls is not None:
        controls = _validated(_read_csv(args.controls, CONTROL_COLUMNS), args.controls, controls=True)
    if args.n_sim < 100:
        raise UserError(f"--n-sim: {args.n_sim} is te weinig; gebruik minstens 100 simulaties.")
    breaks = [_parse_day(text, "--break") for text in args.breaks]
    trend_breaks = [_parse_day(text, "--trend-break") for text in args.trend_breaks]
    others = [_parse_period(text) for text in args.other_campaigns]
    try:
        estimate = estimate_campaign_effect(
            series,
            start,
            end,
            controls,
            breaks=breaks,
            trend_changes=trend_breaks,
            other_campaigns=others,
            calendar=None if args.region == "geen" else args.region,
            n_sim=args.n_sim,
            seed=args.seed,
        )
    except ValueError as exc:
        raise UserError(f"{args.series}: {exc}") from None
    if args.json:
        print(json.dumps(estimate.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(_summary(estimate))
    return 0


def _summary(est: EffectEstimate) -> str:
    lines = [
        describe_effect(est),
        f"Gemeld: {fmt_number(est.observed)}; verwacht: {fmt_number(est.expected)} "
        f"(95%: {fmt_number(est.expected_low)} tot {fmt_number(est.expected_high)}); "
        f"p = {fmt_number(est.p_value, decimals=3)}.",
        t("effect_willingness_note"),
    ]
    lines += [describe_placebo(run) for run in est.placebos]
    if est.controls_used:
        lines.append(f"Vergelijkingsgemeenten: {', '.join(est.controls_used)}.")
    lines += [f"Let op: {text}" for text in est.warnings]
    lines.append(f"Methode: {describe_method(est)}")
    lines += [f"Opmerking: {note.render('nl')}" for note in est.notes]
    return "\n".join(lines)


def _validated(frame: pd.DataFrame, path: Path, *, controls: bool) -> pd.DataFrame:
    # Row numbers as a spreadsheet shows them: the header is line 1.
    try:
        return validate_weekly_reports(frame, source=str(path), controls=controls, row_offset=2)
    except ValueError as exc:
        raise UserError(str(exc)) from None


def _parse_day(text: str, option: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UserError(
            f"{option}: {text!r} is geen geldige datum; gebruik JJJJ-MM-DD, bijvoorbeeld 2023-03-13."
        ) from None


def _parse_period(text: str) -> tuple[dt.date, dt.date]:
    start_text, sep, end_text = text.partition(":")
    if not sep:
        raise UserError(
            f"--other-campaign: {text!r} is geen periode; gebruik START:EIND, bijvoorbeeld 2023-03-06:2023-04-16."
        )
    start = _parse_day(start_text.strip(), "--other-campaign")
    end = _parse_day(end_text.strip(), "--other-campaign")
    if end < start:
        raise UserError(f"--other-campaign: {text!r} eindigt vóór het begin; gebruik START:EIND.")
    return start, end


def _read_csv(path: Path, required: tuple[str, ...]) -> pd.DataFrame:
    """Read a comma- or semicolon-separated file as text; the schema check types the columns."""
    if not path.is_file():
        raise UserError(f"{path}: bestand niet gevonden.")
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            header = handle.readline()
        delimiter = ";" if header.count(";") > header.count(",") else ","
        frame = pd.read_csv(path, sep=delimiter, dtype=str, encoding="utf-8-sig", skipinitialspace=True)
    except UnicodeDecodeError:
        raise UserError(f"{path}: het bestand is geen UTF-8-tekst; sla het op als CSV (UTF-8).") from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError, csv.Error) as exc:
        raise UserError(f"{path}: het bestand is geen leesbare CSV ({exc}).") from None
    frame.columns = [str(c).strip().lower() for c in frame.columns]
    missing = [name for name in required if name not in frame.columns]
    if missing:
        raise UserError(
            f"{path}: kolom {', '.join(repr(m) for m in missing)} ontbreekt; verwacht {', '.join(required)} "
            f"(gevonden: {', '.join(frame.columns) or 'niets'})."
        )
    for column in frame.columns:
        frame[column] = frame[column].str.strip()
    return frame
