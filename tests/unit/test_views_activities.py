"""The Activiteiten page's view model (vsdash.views.activities): catalogue counts, filters, plain names."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import random

import pandas as pd
import pytest

from vsdash import publication
from vsdash.i18n import fmt_number
from vsdash.ui.widgets import plain_markdown
from vsdash.views.activities import ActivityFilters, build_activities, covid_sentence


def _selections(n: int = 8, seed: int = 7):
    """Random selections: a municipality, the programme or everything, periods of 1 week to 3 years."""
    rng = random.Random(seed)
    scopes = [{"gemeente": "GM0344"}, {"gemeente": "GM0141"}, {"programma": "veilige_steden"}, {}]
    out = []
    for _ in range(n):
        days = rng.randint(7, 3 * 365)
        start = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randint(0, 6 * 365 - days))
        out.append((rng.choice(scopes), start, start + dt.timedelta(days=days - 1)))
    return out


DEFAULT = ActivityFilters()


def _model(store, scope, start, end, filters=DEFAULT, lang="nl"):
    codes = publication.selection_codes(store, scope.get("gemeente"), scope.get("programma"), start, end)
    return build_activities(store, codes=codes, start=start, end=end, filters=filters, label="x", lang=lang)


@pytest.mark.parametrize(("scope", "start", "end"), _selections())
def test_default_count_is_the_catalogue_activities_figure(store, scope, start, end):
    model = _model(store, scope, start, end)
    figures = publication.key_figures(store, start=start, end=end, **scope)
    total = model.metrics[0]
    assert total.label == "Activiteiten in de periode"
    assert total.value == fmt_number(figures.activities, "nl")
    assert len(model.register) == figures.activities
    assert "(deels) in de periode" in total.help  # the catalogue's definition, as help text


def test_switching_the_period_off_shows_the_whole_register(store):
    scope, start, end = {"gemeente": "GM0344"}, dt.date(2024, 1, 1), dt.date(2024, 3, 31)
    in_period = _model(store, scope, start, end)
    every_year = _model(store, scope, start, end, ActivityFilters(only_period=False))
    assert every_year.metrics[0].label == "Activiteiten"
    assert len(every_year.register) == int((store.activities()["gemeentecode"] == "GM0344").sum())
    assert len(every_year.register) > len(in_period.register)
    assert "hele register" in every_year.scope


def test_filters_narrow_and_choices_from_another_selection_are_dropped(store):
    scope, start, end = {"gemeente": "GM0344"}, dt.date(2019, 1, 1), dt.date(2026, 12, 31)
    filters = ActivityFilters(categories=("preventie",), statuses=("afgerond",), types=("bestaat_niet",))
    model = _model(store, scope, start, end, filters)
    assert len(model.register)
    assert set(model.register["categorie"]) == {"Preventie"} and set(model.register["status"]) == {"Afgerond"}
    assert model.filters.types == ()  # a type this selection never used would empty the register silently
    assert [c.key for c in model.choices] == [
        "act_categories",
        "act_types",
        "act_statuses",
        "act_targets",
        "act_partners",
    ]
    assert model.choices[0].label_of("preventie") == "Preventie"
    none = _model(store, scope, dt.date(1990, 1, 1), dt.date(1990, 12, 31))  # before any activity
    assert none.register.empty and none.empty_message.startswith("Geen activiteiten met deze filters")
    assert none.status_chart is None and none.timeline_chart is None


def test_detail_keeps_names_from_files_plain(store):
    model = _model(store, {}, dt.date(2019, 1, 1), dt.date(2026, 12, 31))
    with_area = model.register.loc[model.register["kaart_link"].notna(), "activiteit_id"].iloc[0]
    detail = model.detail(with_area)
    links = [fact for fact in detail.facts if fact.link]
    assert links and links[0].link.startswith("/kaart?risicogebied=")
    assert detail.provenance(plain_markdown).endswith("bron: demodata.")
    assert f"]({links[0].link})" in detail.facts_markdown(plain_markdown)
    hostile = dataclasses.replace(detail, municipality="*Stad* [x](https://x.example)", source="<b>f.csv</b>")
    assert "\\*Stad\\* \\[x\\]\\(https\\:" in hostile.line(plain_markdown)
    assert "\\<b\\>f\\.csv\\<\\/b\\>" in hostile.provenance(plain_markdown)
    hostile = dataclasses.replace(detail, facts=(dataclasses.replace(links[0], text="[a](javascript:x)"),))
    assert hostile.facts_markdown(plain_markdown).startswith("- **Risicogebied:** [\\[a\\]\\(javascript")
    with pytest.raises(KeyError):
        model.detail("bestaat-niet")


def test_downloads_hold_the_register_as_shown(store):
    model = _model(store, {"gemeente": "GM0344"}, dt.date(2022, 1, 1), dt.date(2023, 12, 31))
    csv = pd.read_csv(io.BytesIO(model.csv_bytes()), sep=";", encoding="utf-8-sig")
    assert len(csv) == len(model.register) and "Titel" in csv.columns and "Gemeente" in csv.columns
    sheet = pd.read_excel(io.BytesIO(model.xlsx_bytes()), sheet_name="Activiteiten")
    assert len(sheet) == len(model.register)
    # Issue 18: dates as dates, budgets as euro amounts, the demo flag, an empty end date (no "None").
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(model.xlsx_bytes()))
    cells = book["Activiteiten"]
    header = [c.value for c in cells[1]]
    start, end = header.index("Begin"), header.index("Einde")
    budget, demo = header.index("Budget"), header.index("Demodata")
    row = next(cells.iter_rows(min_row=2))
    assert row[start].is_date and row[start].number_format == "dd-mm-yyyy"
    assert all(r[end].value is None or r[end].is_date for r in cells.iter_rows(min_row=2))
    budgets = [r[budget] for r in cells.iter_rows(min_row=2) if r[budget].value is not None]
    assert budgets and all(c.data_type == "n" and c.number_format.startswith('"€"') for c in budgets)
    assert row[demo].value == "ja" and "Toelichting" in book.sheetnames
    assert "None" not in model.csv_bytes().decode("utf-8-sig")


def test_english_model(store):
    model = _model(store, {}, dt.date(2020, 1, 1), dt.date(2021, 12, 31), lang="en")
    labels = [m.label for m in model.metrics]
    assert labels[0] == "Activities in the period" and "Postponed (Covid-19)" in labels
    assert "Covid-19 postponed" in model.covid_sentence


def test_timeline_shows_titles_from_files_as_plain_text(store):
    from vsdash import charts_activities

    acts = store.activities().head(3).copy()
    acts.loc[acts.index[0], "titel"] = "<b>Vet</b> <a href='https://x.example'>klik</a>"
    names = store.municipalities().set_index("gemeentecode")["weergavenaam"]
    figure = charts_activities.activity_timeline_chart(acts, names=names, until=dt.date(2026, 12, 31)).figure
    labels = [label for trace in figure.data for label in trace.y]
    hovers = [row[0] for trace in figure.data for row in trace.customdata]
    assert any(label.startswith("&lt;b&gt;Vet&lt;/b&gt;") for label in labels), labels
    assert not any("<b>" in label or "<a " in label for label in labels + hovers)


def _summary(postponed=0, cancelled=0, cancelled_covid_years=0):
    return {
        "uitgesteld_covid": postponed,
        "geannuleerd": cancelled,
        "geannuleerd_covidjaren": cancelled_covid_years,
        "gepland": 0,
        "uitgevoerd": 0,
        "totaal": 10,
    }


@pytest.mark.parametrize(
    ("summary", "lang", "said"),
    [
        # Nothing Covid-related in the selection: no sentence, not "Door Covid-19 werden 0 activiteiten uitgesteld".
        (_summary(), "nl", ""),
        (_summary(cancelled=4), "nl", ""),  # cancellations outside 2020-2021 say nothing about Covid
        (_summary(postponed=3), "nl", "Door Covid-19 werden **3** activiteiten uitgesteld."),
        (_summary(postponed=1), "en", "Covid-19 postponed **1** activity."),
        (
            _summary(cancelled=4, cancelled_covid_years=2),
            "nl",
            "**4** activiteiten werden geannuleerd, waarvan 2 met een start in de coronajaren 2020–2021"
            " (het register legt de reden van annuleren niet vast).",
        ),
        (
            _summary(postponed=2, cancelled=1, cancelled_covid_years=1),
            "en",
            "Covid-19 postponed **2** activities. **1** activity was cancelled, 1 of which was due to start"
            " in the Covid years 2020–2021 (the register does not record why an activity was cancelled).",
        ),
    ],
)
def test_the_covid_sentence_says_only_what_is_true(summary, lang, said):
    """Smallfix item 3: the sentence quoted zeros for a period without Covid-19 (e.g. 2025)."""
    assert covid_sentence(summary, lang) == said


def test_a_period_after_covid_has_no_covid_sentence(store):
    model = _model(store, {"gemeente": "GM0344"}, dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert model.metrics[3].value == "0"  # nothing postponed because of Covid-19 in 2025
    assert model.covid_sentence == ""
    during = _model(store, {}, dt.date(2020, 1, 1), dt.date(2021, 12, 31))
    assert during.covid_sentence.startswith("Door Covid-19 ")
