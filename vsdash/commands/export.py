"""``python -m vsdash export``: write the map's hexagon layer (GeoJSON) or report counts (CSV or XLSX).

Both go through ``vsdash.privacy`` exactly as the dashboard does: the GeoJSON is built by
``vsdash.maps.hex_cells``, the same function the Kaart page draws from, and the CSV's counts are
perturbed (ADR 0006): its period is snapped to whole weeks or months, each number is the sum of
its published weeks or months (a wijk: of its published fixed blocks of weeks). Counts are written like the page downloads (``vsdash.spreadsheets``):
numbers as numbers, municipality names, ``;`` and decimal comma in CSV, a real workbook for
``.xlsx``, text neutralised against spreadsheet formulas. Files appear whole or not at all.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import tempfile
from pathlib import Path

import pandas as pd

from vsdash import i18n, maps, metrics, privacy, settings, spreadsheets
from vsdash.cli import UserError
from vsdash.i18n import t
from vsdash.store import ReportFilter, Store, StoreError

COUNT_BY = ("gemeente", "wijk", "week")
COUNT_SUFFIXES = (".csv", ".xlsx")
TOTAL = "Totaal"
#: Why the total line is not the sum of the lines (wijk), or not the key figure (week).
TOTAL_NOTES = {"wijk": "counts_wijk_total_note", "week": "counts_week_total_note"}


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``export`` command with its ``map`` and ``counts`` subcommands."""
    parser = subparsers.add_parser(
        "export",
        help="exporteer de kaartlaag (GeoJSON) of aantallen meldingen (CSV/XLSX), met privacyregels",
        description=(
            "Schrijft wat het dashboard toont naar een bestand. Aantallen zijn licht verstoord om melders te "
            "beschermen (aantallen van 1 tot k, VSDASH_MIN_COUNT, standaard 5, komen er niet in voor) en "
            "tellen daardoor niet altijd precies op. Perioden worden verruimd tot hele weken, of hele maanden "
            "waar aantallen klein zijn."
        ),
    )
    kinds = parser.add_subparsers(dest="kind", required=True)

    map_parser = kinds.add_parser(
        "map",
        help="zeshoekenlaag van één gemeente als GeoJSON",
        description="Eén polygoon per H3-cel (resolutie 8) met eigenschappen h3, count (leeg als afgeschermd) en label.",
    )
    map_parser.add_argument("--gemeente", required=True, help="CBS-code, bijvoorbeeld GM0344")
    _common(map_parser, ".geojson")
    map_parser.set_defaults(func=run_map)

    counts_parser = kinds.add_parser(
        "counts",
        help="aantallen meldingen per gemeente, wijk of week als CSV of Excel-werkmap (.xlsx)",
        description="Aantallen met een totaalregel, licht verstoord; de totaalregel is zelf verstoord en kan "
        "iets afwijken van de som van de regels.",
    )
    counts_parser.add_argument("--by", required=True, choices=COUNT_BY, help="indeling van de regels")
    counts_parser.add_argument("--gemeente", help="alleen deze gemeente (CBS-code, bijvoorbeeld GM0344)")
    _common(counts_parser, ".csv of .xlsx")
    counts_parser.set_defaults(func=run_counts)


def _common(parser: argparse.ArgumentParser, suffix: str) -> None:
    parser.add_argument("--from", dest="start", required=True, help="eerste dag, JJJJ-MM-DD")
    parser.add_argument("--to", dest="end", required=True, help="laatste dag, JJJJ-MM-DD")
    parser.add_argument(
        "--store", help="adres van de opslag (standaard VSDASH_DATABASE_URL of de ingebouwde)"
    )
    parser.add_argument("--out", required=True, type=Path, help=f"uitvoerbestand ({suffix})")


# --- library functions (also used by tests) -------------------------------------------------


def map_geojson(store: Store, gemeente: str, start: dt.date, end: dt.date) -> dict:
    """Return the hexagon layer of ``gemeente`` as the Kaart page shows it, as GeoJSON.

    The same published hexagons (``publication.published_hexagons``): perturbed, 5 km² where
    0.7 km² would hold too few reports, and none at all where even those would.
    """
    from vsdash import publication

    cells = publication.published_hexagons(store, (gemeente,), start, end).cells
    return maps.hex_cells_geojson(cells)


def counts_table(
    store: Store, by: str, start: dt.date, end: dt.date, gemeente: str | None = None, *, lang: str = "nl"
) -> pd.DataFrame:
    """Return report counts per gemeente, wijk or week with total rows, privacy applied.

    Columns: the key columns (``gemeentecode``; ``wijkcode`` or ``week``), ``count`` (empty when
    hidden) and ``label``. Total rows carry ``Totaal`` in the last key column. By wijk there is
    one total per municipality: its key figure, which its wijken need not add up to (each wijk is
    published on its own, and reports without a wijk count only in the total); otherwise one
    grand total.
    """
    if by not in COUNT_BY:
        raise ValueError(f"by must be one of {COUNT_BY}, got {by!r}")
    codes = (gemeente,) if gemeente else None
    requested = (start, end)
    weeks_only = by == "week"
    start, end, _unit = _published_period(store, codes, start, end, weeks_only=weeks_only)
    flt = ReportFilter(codes, start, end)
    # Every number is a period total, so each is the sum of its published weeks or months
    # (privacy.period_total); the grand total is the total of all selected reports, likewise.
    if by == "gemeente":
        # Each municipality as its key figures publish it (its own whole weeks, or months where
        # small), and the total as the key figures of the whole selection: the sum of its members.
        # The same cell must have one value on every surface; summed from the selection's weeks
        # instead, a small municipality's row and its key figure were two independent noises.
        from vsdash import publication

        scope = list(codes) if codes else sorted(set(store.channels()["gemeentecode"]))
        members = publication.member_figures(store, scope, requested[0], requested[1])
        # Each row keeps the days it counts (van, tot): whole weeks for one, whole months for a
        # small one, so a row is never read as a count over the days asked for (audit 2).
        shown = pd.DataFrame(
            {
                "gemeentecode": members["gemeentecode"],
                "n": members["n"].astype("int64"),
                "van": members["van"],
                "tot": members["tot"],
            }
        )
        shown["label"] = [i18n.fmt_number(int(v), lang) for v in shown["n"]]
        shown = shown.sort_values("gemeentecode").reset_index(drop=True)
        keys = ["gemeentecode"]
        totals = _total_row(int(shown["n"].sum()), lang)
        if len(members):
            start, end = min(members["van"]), max(members["tot"])
            totals = totals.assign(van=start, tot=end)
    elif by == "wijk":
        # Each wijk is the sum of its published fixed blocks of weeks (privacy.week_blocks), as
        # the Kaart's windows and the campaign windows are (ADR 0006). Wijk counts are stored per
        # week; as a sum of weeks every wijk-week of 1 to 4 reports published 0 or k on its own,
        # and the wijken of a municipality added up to far more than its reports (Groningen's 705
        # against 456 in the demo data). A wijk has about 2·log2(weeks) blocks, and a block is
        # published once, so periods that overlap meet the same values and differ by nothing new.
        parts = store.area_counts(flt, "wijkcode", grain="block")
        shown = privacy.period_totals(parts, ["gemeentecode", "wijkcode"], "n", lang=lang)
        keys = ["gemeentecode", "wijkcode"]
        # A municipality's total is its key figure, one published value on every surface (as
        # --by gemeente's rows are): summed from its wijken it was a second value for the same
        # count, and an inflated one, as every small wijk-week carries its own perturbation.
        from vsdash import publication

        listed = sorted(set(parts["gemeentecode"]))
        published = [publication.counted_period(store, (code,), *requested).published for code in listed]
        totals = pd.DataFrame({"gemeentecode": listed, "n": pd.array(published, dtype="Int64")})
        totals["label"] = [i18n.fmt_number(int(v), lang) for v in published]
    else:
        series = metrics.fill_periods(store.count_reports(flt, "week"), start, end, "week")
        cells = pd.DataFrame(
            {
                "week": series["periode"].dt.date.astype(str),
                "n": series["n"],
                privacy.KEY_COL: series[privacy.KEY_COL],
            }
        )
        shown = privacy.suppress_small_counts(cells, "n", lang=lang)
        keys = ["week"]
        # The total stays the sum of the published weeks, so "total minus weeks" tells nothing the
        # weeks do not show. The key figure cannot be it: it counts whole months where counts are
        # small or the period is calendar months (publication.counted_period), days the weeks do
        # not tile; the file says why the two differ (counts_week_total_note).
        totals = _total_row(privacy.period_total(cells), lang)
    shown = shown.rename(columns={"n": "count"})
    totals = totals.rename(columns={"n": "count"})
    if by != "week":
        # Only municipalities and wijken with reports are listed, so one published as 0 is left
        # out like an empty one (a listed 0 would say "1 to 4 reports here").
        shown = shown[shown["count"] > 0]
    for key in keys:
        if key not in totals.columns:
            totals[key] = TOTAL if key == keys[-1] else ""
    totals[keys[-1]] = TOTAL
    columns = [*keys, "count", "label", *(["van", "tot"] if "van" in totals.columns else [])]
    table = pd.concat([shown[columns], totals[columns]], ignore_index=True)
    if by == "wijk":
        order = table["gemeentecode"].astype(str) + "|" + (table[keys[-1]] == TOTAL).astype(int).astype(str)
        table = table.iloc[order.argsort(kind="stable")].reset_index(drop=True)
    # The days actually counted, for the file's Toelichting (not the days asked for).
    table.attrs["counted"] = (start, end)
    return table


def counts_download(
    store: Store, table: pd.DataFrame, *, gemeente: str | None, by: str, lang: str = "nl"
) -> pd.DataFrame:
    """``counts_table`` as the page downloads show tables: headings for people, municipality names.

    The counts are the published labels (``vsdash.spreadsheets`` writes them as numbers and flags
    them as perturbed); the key columns keep their CBS codes beside the names.
    """
    names = store.municipalities().set_index("gemeentecode")["weergavenaam"]
    out = pd.DataFrame(index=table.index)
    if "gemeentecode" in table.columns:
        out[t("municipality_code", lang)] = table["gemeentecode"]
        out[t("municipality", lang)] = [names.get(code, "") for code in table["gemeentecode"]]
    elif gemeente:
        out[t("municipality_code", lang)] = gemeente
        out[t("municipality", lang)] = names.get(gemeente, "")
    if by == "wijk":
        out[t("district_code", lang)] = table["wijkcode"]
    if by == "week":
        out[t("week", lang)] = table["week"]
    out[t("reports", lang)] = table["label"]
    if "van" in table.columns:
        days = [
            f"{i18n.fmt_date(pd.Timestamp(a).date(), lang)} – {i18n.fmt_date(pd.Timestamp(b).date(), lang)}"
            if pd.notna(a) and pd.notna(b)
            else ""
            for a, b in zip(table["van"], table["tot"], strict=True)
        ]
        is_total = (table["gemeentecode"] == TOTAL).to_numpy()
        rows = {d for d, total in zip(days, is_total, strict=True) if not total}
        if len(rows) > 1:
            # The total adds rows counted over different days: no one range is true of it.
            days = [
                t("counts_counted_mixed", lang) if total else d
                for d, total in zip(days, is_total, strict=True)
            ]
        out[t("cmp_col_counted", lang)] = days
    if by in ("wijk", "week"):
        # Said on the total rows themselves: a CSV has no Toelichting sheet to say it in.
        totals = table["wijkcode" if by == "wijk" else "week"] == TOTAL
        out[t("counts_col_note", lang)] = [
            t(TOTAL_NOTES[by], lang) if is_total else "" for is_total in totals
        ]
    return spreadsheets.mark_perturbed(out.reset_index(drop=True), t("reports", lang))


def _selection_name(store: Store, gemeente: str | None) -> str:
    if gemeente is None:
        return t("all_municipalities")
    return str(store.municipalities().set_index("gemeentecode")["weergavenaam"].get(gemeente, gemeente))


def _published_period(
    store: Store, codes: tuple[str, ...] | None, start: dt.date, end: dt.date, *, weeks_only: bool
) -> tuple[dt.date, dt.date, str]:
    """Widen [start, end] as ``privacy.snap_period`` prescribes (whole weeks; months when small)."""
    weeks = privacy.snap_period(start, end)
    if weeks_only:
        return weeks.start, weeks.end, weeks.unit
    total = privacy.period_total(store.count_reports(ReportFilter(codes, weeks.start, weeks.end), "week"))
    snapped = privacy.snap_period(start, end, total)
    return snapped.start, snapped.end, snapped.unit


def _total_row(total: int, lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {"n": pd.array([total], dtype="Int64"), "label": [i18n.fmt_number(total, lang)], "suppression": [""]}
    )


# --- command handlers -------------------------------------------------------------------------


def run_map(args: argparse.Namespace) -> int:
    """Write the hexagon layer of one municipality as GeoJSON."""
    start, end = _period(args.start, args.end)
    store = _open(args.store)
    gemeente = _known_gemeente(store, args.gemeente)
    collection = map_geojson(store, gemeente, start, end)
    # Demo data says so in every file, as the workbooks, decks and the API do (a GeoJSON
    # FeatureCollection may carry members of its own beside "features").
    collection["demodata"] = store.is_demo()
    if collection["demodata"]:
        collection["toelichting"] = f"{t('demo_badge')}: {t('demo_badge_help')}"
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
    _write_atomically(args.out, text)
    written = len(collection["features"])
    why_none = (
        f" Geen meldingen in deze periode, of gemiddeld minder dan {privacy.resolve_k()} per zeshoek: "
        f"dan tonen we ze niet per zeshoek; kies een langere periode."
        if not written
        else ""
    )
    print(
        f"{args.out}: {written} zeshoeken geschreven; de aantallen zijn licht veranderd om melders "
        f"te beschermen.{why_none}"
    )
    return 0


def run_counts(args: argparse.Namespace) -> int:
    """Write counts per gemeente, wijk or week as CSV or as an Excel workbook (by the --out suffix)."""
    start, end = _period(args.start, args.end)
    suffix = args.out.suffix.lower()
    if suffix not in COUNT_SUFFIXES:
        raise UserError(
            f"--out: {args.out} eindigt op {suffix or '(niets)'}; kies een bestandsnaam op .csv (voor Excel: "
            "puntkomma's en decimale komma) of .xlsx (een Excel-werkmap met een blad Toelichting)."
        )
    store = _open(args.store)
    gemeente = _known_gemeente(store, args.gemeente) if args.gemeente else None
    if gemeente and not metrics.codes_with_channel(store.channels(), (gemeente,), start, end):
        # Written as 0 it would say "no reports", where there was nowhere to report (the pages,
        # the key figures and the API say "geen meldpunt" for the same selection).
        raise UserError(
            f"--gemeente: {_selection_name(store, gemeente)} ({gemeente}) had van {start} tot en met {end} "
            "geen meldpunt: er zijn geen meldingen om te tellen, en dat is iets anders dan nul meldingen. "
            "Kies een periode waarin de gemeente een meldpunt had."
        )
    note = (
        _check_wijk_coverage(store, ReportFilter((gemeente,) if gemeente else None, start, end))
        if args.by == "wijk"
        else None
    )
    table = counts_table(store, args.by, start, end, gemeente)
    download = counts_download(store, table, gemeente=gemeente, by=args.by)
    counted_start, counted_end = table.attrs.get("counted", (start, end))
    about = spreadsheets.About.of(
        t("counts_title_" + args.by),
        selection=_selection_name(store, gemeente),
        start=counted_start,
        end=counted_end,
        demo=store.is_demo(),
    )
    if suffix == ".xlsx":
        content = spreadsheets.table_xlsx_bytes(download, t("counts_sheet"), about=about)
    else:
        content = spreadsheets.table_csv_bytes(download, about=about)
    _write_atomically(args.out, content)
    print(
        f"{args.out}: {len(table)} regels geschreven ({t('map_export_total')} inbegrepen). "
        f"{t('perturbation_note')}"
    )
    if args.by in ("wijk", "week"):
        print(t(TOTAL_NOTES[args.by]))
    if note:
        print(note)
    return 0


def wijk_coverage(store: Store, selection: ReportFilter) -> tuple[int, int]:
    """Reports in ``selection`` and how many of them have a wijk (from the pre-aggregated counts)."""
    found = store.query(
        "SELECT CAST(coalesce(sum(n), 0) AS BIGINT) AS total, "
        "CAST(coalesce(sum(CASE WHEN wijkcode IS NOT NULL THEN n ELSE 0 END), 0) AS BIGINT) AS with_wijk "
        f"FROM agg_area WHERE {selection.where('week', with_category=False)}",
        selection.params(),
    )
    return int(found["total"].iloc[0]), int(found["with_wijk"].iloc[0])


def _check_wijk_coverage(store: Store, selection: ReportFilter) -> str | None:
    """Refuse a wijk export that would be empty, saying why; a note when some reports lack a wijk.

    Wijkcodes are derived when reports are imported (or generated), from their location and the
    CBS wijk boundaries; without those boundaries, or for a municipality they do not cover, there
    are none. No counts are printed: the number without a wijk could be a small count.
    """
    total, with_wijk = wijk_coverage(store, selection)
    where = f"gemeente {selection.gemeenten[0]}" if selection.gemeenten else "alle gemeenten"
    if total == 0:
        raise UserError(
            f"Er zijn geen meldingen voor {where} in deze periode; er valt niets per wijk te tellen."
        )
    if with_wijk == 0:
        raise UserError(
            f"Geen van de meldingen voor {where} in deze periode heeft een wijk, dus een export per wijk "
            "zou leeg zijn. De wijk wordt bij het importeren afgeleid uit de locatie en de CBS-wijkgrenzen "
            f"({settings.boundaries_dir() / 'wijken_veilige_steden.geojson'}); die grenzen ontbraken toen, "
            "of ze dekken deze gemeente niet. Importeer de meldingen opnieuw nu de grenzen er zijn, of "
            "gebruik --by gemeente of --by week."
        )
    if with_wijk < total:
        return (
            "Let op: niet alle meldingen in deze selectie hebben een wijk (locatie buiten de CBS-wijkgrenzen "
            "of geen wijkgrenzen voor de gemeente); die meldingen staan niet in de wijkregels."
        )
    return None


def _period(start_text: str, end_text: str) -> tuple[dt.date, dt.date]:
    start = _parse_day(start_text, "--from")
    end = _parse_day(end_text, "--to")
    if start > end:
        raise UserError(f"--from ({start.isoformat()}) ligt na --to ({end.isoformat()}); draai ze om.")
    return start, end


def _parse_day(text: str, option: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UserError(
            f"{option}: {text!r} is geen geldige datum; gebruik JJJJ-MM-DD, bijvoorbeeld 2024-03-01."
        ) from None


def _open(url: str | None) -> Store:
    try:
        return Store(url or settings.store_url())
    except StoreError as exc:
        raise UserError(str(exc)) from None


def _known_gemeente(store: Store, code: str) -> str:
    wanted = code.strip().upper()
    known = set(store.municipalities()["gemeentecode"])
    if wanted not in known:
        raise UserError(
            f"--gemeente: {code!r} is geen bekende CBS-gemeentecode; gebruik bijvoorbeeld GM0344 (Utrecht) "
            f"of GM0363 (Amsterdam)."
        )
    return wanted


def _write_atomically(path: Path, text: str | bytes) -> None:
    """Write ``text`` to ``path`` through a temporary file, so a failure leaves nothing half written."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UserError(f"--out: de map {folder} bestaat niet.")
    partial: Path | None = None
    try:
        content = text.encode("utf-8") if isinstance(text, str) else text
        with tempfile.NamedTemporaryFile("wb", dir=folder, suffix=".part", delete=False) as h:
            partial = Path(h.name)
            h.write(content)
        os.replace(partial, path)
    except OSError as exc:
        if partial is not None:
            partial.unlink(missing_ok=True)
        raise UserError(f"--out: {path} kan niet geschreven worden ({exc}).") from None
