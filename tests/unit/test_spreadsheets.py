"""Spreadsheet downloads read back: numbers as numbers, Dutch formats, protection and demo flags."""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd
import pytest
from openpyxl import load_workbook

from vsdash import charts, publication, spreadsheets
from vsdash.cli import main
from vsdash.i18n import fmt_number, fmt_percent, t
from vsdash.indicators import CATALOGUE
from vsdash.store import Store

PERIOD = (dt.date(2024, 1, 1), dt.date(2024, 12, 31))


def _sheet(data: bytes, index: int = 0):
    return load_workbook(io.BytesIO(data)).worksheets[index]


def _rows(sheet) -> list[list]:
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def _csv(data: bytes) -> pd.DataFrame:
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM, so Dutch Excel reads é and – right"
    return pd.read_csv(
        io.BytesIO(data), sep=";", decimal=",", encoding="utf-8-sig", dtype=str, keep_default_na=False
    )


@pytest.fixture()
def display_table() -> pd.DataFrame:
    """A chart's table as the page shows it: labels written by fmt_number, a hidden cell, an interval."""
    table = pd.DataFrame(
        {
            "Periode": [dt.date(2024, 1, 1), dt.date(2024, 2, 1), dt.date(2024, 3, 1)],
            "Meldingen": ["1.547", "<5", "30"],
            "Aandeel": ["67,7%", "–", "5%"],
            "Per 10.000": ["15,8–18,5", "", "2,0–3,1"],
            "Naam": ["Ben jij OK?", "2024", "=SUM(A1)"],
        }
    )
    return spreadsheets.mark_perturbed(table, "Meldingen")


def test_xlsx_cells_are_numbers_with_dutch_reading_formats(display_table):
    sheet = _sheet(spreadsheets.table_xlsx_bytes(display_table, "trend"))
    header = [cell.value for cell in sheet[1]]
    assert header == [
        "Periode",
        "Meldingen",
        "Aandeel",
        "Per 10.000 (laag)",
        "Per 10.000 (hoog)",
        "Naam",
        "Bescherming",
    ]
    period, reports, share, low, high, name, flag = (sheet.cell(2, c) for c in range(1, 8))
    assert period.is_date and period.number_format == "dd-mm-yyyy"
    assert period.value.date() == dt.date(2024, 1, 1)
    assert (reports.value, reports.data_type, reports.number_format) == (1547, "n", "#,##0")
    assert share.value == pytest.approx(0.677) and share.number_format == "0.0%"
    assert (low.value, high.value, low.number_format) == (15.8, 18.5, "#,##0.0")
    assert name.value == "Ben jij OK?" and name.data_type == "s"
    assert flag.value == t("sheet_perturbed", "nl")
    # The hidden count is an empty cell, its row flagged; "–" is just empty, not protected.
    assert sheet.cell(3, 2).value is None and sheet.cell(3, 7).value == t("sheet_hidden", "nl")
    assert sheet.cell(3, 3).value is None and sheet.cell(3, 4).value is None
    # A column of names that happens to hold a year stays text.
    assert sheet.cell(3, 6).value == "2024" and sheet.cell(3, 6).data_type == "s"


def test_csv_is_for_dutch_excel_with_the_same_columns(display_table):
    data = spreadsheets.table_csv_bytes(display_table)
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0].split(";") == [
        cell.value for cell in _sheet(spreadsheets.table_xlsx_bytes(display_table))[1]
    ]
    csv = _csv(data)
    assert csv.loc[0, "Meldingen"] == "1547"  # no thousands mark: Excel reads a number
    assert csv.loc[0, "Aandeel"] == "0,677"  # decimal comma
    assert csv.loc[0, "Per 10.000 (laag)"] == "15,8" and csv.loc[2, "Per 10.000 (hoog)"] == "3,1"
    assert csv.loc[0, "Periode"] == "2024-01-01"
    assert csv.loc[1, "Meldingen"] == "" and csv.loc[1, "Bescherming"] == t("sheet_hidden", "nl")
    assert csv.loc[2, "Naam"] == "'=SUM(A1)"  # no formula
    numbers = pd.read_csv(io.BytesIO(data), sep=";", decimal=",", encoding="utf-8-sig")
    assert numbers["Aandeel"].dtype == float and numbers["Meldingen"].sum() == 1577


def test_negative_labels_show_a_minus_sign_and_download_as_numbers():
    """Readers see U+2212 (fmt_number, fmt_percent); the workbook and the CSV get plain negative numbers."""
    labels = [fmt_percent(-0.06, "nl", sign=True), fmt_percent(0.12, "nl", sign=True)]
    change = [fmt_number(-1234, "nl"), fmt_number(7, "nl")]
    assert labels[0] == "\u22126%" and change[0] == "\u22121.234"
    table = pd.DataFrame({"Verandering": labels, "Verschil": change})
    sheet = _sheet(spreadsheets.table_xlsx_bytes(table))
    assert [sheet.cell(r, 1).value for r in (2, 3)] == [pytest.approx(-0.06), pytest.approx(0.12)]
    assert sheet.cell(2, 1).data_type == "n" and sheet.cell(2, 2).value == -1234
    numbers = pd.read_csv(
        io.BytesIO(spreadsheets.table_csv_bytes(table)), sep=";", decimal=",", encoding="utf-8-sig"
    )
    assert numbers["Verandering"].tolist() == [pytest.approx(-0.06), pytest.approx(0.12)]
    assert numbers["Verschil"].tolist() == [-1234, 7]
    text = spreadsheets.table_csv_bytes(table).decode("utf-8-sig")
    assert "\u2212" not in text, "a spreadsheet does not read U+2212 as a minus"


def test_english_labels_are_read_with_english_marks():
    table = pd.DataFrame({"Reports": ["1,547", "12.5"]})
    sheet = _sheet(spreadsheets.table_xlsx_bytes(table, about=spreadsheets.About("x", lang="en")))
    assert [sheet.cell(r, 1).value for r in (2, 3)] == [1547, 12.5]


@pytest.mark.parametrize("cell", ["=SUM(A1:A9)", "+31 6", "-2+3", "@cmd", '=HYPERLINK("x")'])
def test_table_exports_neutralise_formulas(cell):
    table = pd.DataFrame({"Gemeente": [cell, "Utrecht"], "Aantal": ["<5", "12"]})
    csv_text = spreadsheets.table_csv_bytes(table).decode("utf-8-sig")
    assert f"'{cell}" in csv_text.replace('""', '"')
    sheet = _sheet(spreadsheets.table_xlsx_bytes(table))
    assert sheet["A2"].value == f"'{cell}"
    assert sheet["A2"].data_type == "s"  # text, not a formula
    assert sheet["B2"].value is None and sheet["B3"].value == 12


@pytest.fixture(scope="module")
def figures(demo_store_url):
    store = Store(demo_store_url)
    try:
        yield publication.key_figures(store, gemeente="GM0344", start=PERIOD[0], end=PERIOD[1])
    finally:
        store.close()


def test_key_figures_workbook_holds_the_published_numbers(figures):
    about = spreadsheets.About.of(
        "Kerncijfers", selection="Utrecht", start=PERIOD[0], end=PERIOD[1], demo=True
    )
    table = publication.key_figures_table(figures, "nl")
    sheet = _sheet(spreadsheets.table_xlsx_bytes(table, "kerncijfers", about=about))
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    published = figures.as_json()
    assert rows["reports"][2].value == published["reports"] and rows["reports"][2].number_format == "#,##0"
    rate = rows["rate_per_10k_per_year"]
    assert [rate[i].value for i in (2, 3, 4)] == [
        published["rate_per_10k_per_year"],
        published["rate_low"],
        published["rate_high"],
    ]
    assert rate[2].number_format == "#,##0.0"
    change = rows["change"][2]
    assert change.value == pytest.approx(published["change"]) and change.number_format.endswith("%")
    assert rows["funding_eur"][2].number_format.startswith('"€"')
    flag = [c.value for c in sheet[1]].index("Bescherming")
    assert rows["reports"][flag].value == t("sheet_perturbed", "nl")
    assert rows["campaigns"][flag].value is None  # not about people: not protected


def test_the_about_sheet_defines_every_indicator_and_flags_demo_data(figures):
    about = spreadsheets.About.of(
        "Kerncijfers", selection="Utrecht", start=PERIOD[0], end=PERIOD[1], demo=True
    )
    book = load_workbook(
        io.BytesIO(spreadsheets.table_xlsx_bytes(publication.key_figures_table(figures, "nl"), about=about))
    )
    assert book.sheetnames == ["gegevens", "Toelichting"]
    rows = _rows(book["Toelichting"])
    facts = {row[0]: row[1] for row in rows if row[0]}
    assert facts["Tabel"] == "Kerncijfers"
    assert facts["Selectie"] == "Utrecht"
    assert facts["Periode"] == "1 januari 2024 – 31 december 2024"
    assert "CBS StatLine 03759NED" in facts["Bron"]
    assert t("perturbation_note", "nl") in facts["Privacy"]
    assert facts["Demodata"].startswith(t("demo_badge", "nl"))
    header_at = next(i for i, row in enumerate(rows) if row[:3] == ["Indicator", "Naam", "Definitie"])
    defined = {row[0]: row for row in rows[header_at + 1 :]}
    assert set(defined) == {ind.id for ind in CATALOGUE}
    assert defined["change"][2] == CATALOGUE[[i.id for i in CATALOGUE].index("change")].definition_nl
    # Real data: no demo row on the sheet and no demo column in the data.
    real = spreadsheets.About.of("Kerncijfers", start=PERIOD[0], end=PERIOD[1], demo=False)
    table = pd.DataFrame({"Campagnes": ["12"]})
    book = load_workbook(io.BytesIO(spreadsheets.table_xlsx_bytes(table, about=real)))
    assert "Demodata" not in {row[0] for row in _rows(book["Toelichting"])}
    assert [c.value for c in book.worksheets[0][1]] == ["Campagnes"]
    demo = _csv(spreadsheets.table_csv_bytes(table, about=about))
    assert demo.loc[0, "Demodata"] == "ja"


def test_the_trend_table_carries_last_years_weekly_values_the_chart_draws():
    """Last year's Monday-weeks, shifted a year, start on a Wednesday: they still belong to a week."""
    weeks = pd.date_range("2024-03-04", periods=4, freq="W-MON")
    previous = pd.DataFrame(
        {"periode": pd.date_range("2023-03-06", periods=3, freq="W-MON") + pd.DateOffset(years=1)}
    )
    previous["label"] = ["25", "<5", "1.032"]
    assert list(previous["periode"].dt.dayofweek) == [2, 2, 2]
    assert charts.last_year_in_periods(pd.Series(weeks), previous, "week") == ["25", "<5", "1.032", "–"]
    months = pd.Series(pd.date_range("2024-01-01", periods=2, freq="MS"))
    shifted = pd.DataFrame({"periode": months, "label": ["7", "8"]})
    assert charts.last_year_in_periods(months, shifted, "month") == ["7", "8"]


def test_overview_week_trend_download_has_last_year(demo_store_url):
    from vsdash import publication
    from vsdash.views.overview import build_overview

    store = Store(demo_store_url)
    selection = dict(gemeente="GM0344", start=dt.date(2024, 3, 4), end=dt.date(2024, 6, 30), lang="nl")
    try:
        model = build_overview(store, programma=None, label="Utrecht", **selection)
        # Overzicht draws the published last year's line (its SVG is drawn from it, issue 17).
        _, published = publication.key_figures_and_trend(store, **selection)
    finally:
        store.close()
    column = t("same_period_last_year", "nl")
    # Every point of last year's line the chart draws inside the axis is in the table, by its week.
    line = published.previous
    periods = pd.to_datetime(model.trend.table[t("period", "nl")])
    drawn = [
        (x, y)
        for x, y in zip(pd.to_datetime(line["periode"]), line["n"], strict=True)
        if periods.min() <= x < periods.max() + pd.Timedelta(days=7) and y == y
    ]
    shown = model.trend.table[column][model.trend.table[column] != "–"]
    assert len(drawn) == len(shown) >= 15
    assert [int(y) for _, y in drawn] == [int(v) for v in shown]
    csv = pd.read_csv(
        io.BytesIO(spreadsheets.table_csv_bytes(model.trend.table)), sep=";", encoding="utf-8-sig"
    )
    assert csv[column].dropna().astype(int).tolist() == [int(v) for v in shown]
    assert set(csv["Bescherming"]) == {t("sheet_perturbed", "nl")}


# --- command line -------------------------------------------------------------------------------


def _export_counts(url: str, out, by: str = "gemeente") -> int:
    return main(
        [
            "export",
            "counts",
            "--by",
            by,
            "--from",
            "2024-01-01",
            "--to",
            "2024-12-31",
            "--store",
            url,
            "--out",
            str(out),
        ]
    )


def test_export_counts_xlsx_is_a_real_workbook(demo_store_url, tmp_path, capsys):
    out = tmp_path / "gemeenten.xlsx"
    assert _export_counts(demo_store_url, out) == 0, capsys.readouterr().err
    book = load_workbook(out)
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["Gemeentecode", "Gemeente", "Meldingen"]
    rows = {r[0].value: r for r in sheet.iter_rows(min_row=2)}
    assert rows["GM0344"][1].value == "Utrecht"
    assert all(r[2].data_type == "n" and isinstance(r[2].value, int) for r in rows.values())
    assert rows["Totaal"][2].value >= rows["GM0344"][2].value
    assert "Toelichting" in book.sheetnames


def test_export_counts_csv_matches_the_workbook(demo_store_url, tmp_path, capsys):
    csv_out, xlsx_out = tmp_path / "g.csv", tmp_path / "g.xlsx"
    assert _export_counts(demo_store_url, csv_out) == 0
    assert _export_counts(demo_store_url, xlsx_out) == 0
    csv = _csv(csv_out.read_bytes())
    sheet = load_workbook(xlsx_out).worksheets[0]
    assert list(csv.columns) == [c.value for c in sheet[1]]
    assert csv["Meldingen"].tolist() == [str(r[2].value) for r in sheet.iter_rows(min_row=2)]
    assert csv["Demodata"].eq("ja").all()


def test_export_counts_refuses_other_file_types(demo_store_url, tmp_path, capsys):
    out = tmp_path / "g.txt"
    assert _export_counts(demo_store_url, out) == 2
    err = capsys.readouterr().err
    assert ".csv" in err and ".xlsx" in err and "g.txt" in err
    assert not out.exists()


def test_years_reasons_and_report_counts_are_written_as_what_they_are():
    table = pd.DataFrame(
        {
            "Gemeente": ["Utrecht", "Leeuwarden", "Almelo"],
            "Vanaf": [2020, 2022, 2022],
            "Per 10.000": ["17,1", "geen meldpunt", "afgeschermd"],
            "Meldingen": ["643", "–", "<5"],
        }
    )
    spreadsheets.mark_kind(table, "year", "Vanaf")
    sheet = _sheet(spreadsheets.table_xlsx_bytes(table))
    header = [c.value for c in sheet[1]]
    assert header == [
        "Gemeente",
        "Vanaf",
        "Per 10.000",
        "Per 10.000 (toelichting)",
        "Meldingen",
        "Bescherming",
    ]
    assert sheet["B2"].value == 2020 and sheet["B2"].number_format == "0"  # 2020, not 2.020
    assert sheet["C2"].value == 17.1 and sheet["C3"].value is None and sheet["D3"].value == "geen meldpunt"
    # A column headed "Meldingen" holds published report counts: perturbed, even unmarked.
    flags = [sheet.cell(row, 6).value for row in (2, 3, 4)]
    assert flags == [t("sheet_perturbed", "nl"), None, t("sheet_hidden", "nl")]
    with pytest.raises(ValueError, match="euro"):
        spreadsheets.mark_kind(table, "percentage", "Vanaf")


def test_a_figures_further_tables_get_sheets_of_their_own():
    """The campaign timeline's report trend travels with it, as numbers, on its own sheet."""
    campaigns = pd.DataFrame({"Campagne": ["Ben jij OK?"], "Start": [dt.date(2024, 3, 4)]})
    trend = pd.DataFrame(
        {"Periode": [dt.date(2024, 3, 4), dt.date(2024, 3, 11)], "Meldingen": ["12", "1.031"]}
    )
    caption = "Meldingen per week onder de tijdlijn van de campagnes"
    book = load_workbook(
        io.BytesIO(spreadsheets.table_xlsx_bytes(campaigns, "tijdlijn", more={caption: trend}))
    )
    assert book.sheetnames == ["tijdlijn", caption[:31], "Toelichting"]
    extra = book[caption[:31]]
    assert [extra.cell(r, 2).value for r in (2, 3)] == [12, 1031]
    assert extra.cell(2, 1).is_date and extra.cell(2, 3).value == t("sheet_perturbed", "nl")
