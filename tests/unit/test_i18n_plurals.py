"""Language through Babel (CLDR): plural forms, number and date formats, in Dutch and English."""

from __future__ import annotations

import datetime as dt
import re
import string

import numpy as np
import pandas as pd
import pytest

from vsdash import charts
from vsdash.i18n import (
    LABELS,
    LANGS,
    MONTHS_EN,
    MONTHS_NL,
    fmt_count,
    fmt_date,
    fmt_euro,
    fmt_number,
    fmt_percent,
    in_sentence,
    plural_form,
    t,
    tn,
)

MARKER = re.compile(r"\{(\w+)\|([^{}|]*)\|([^{}|]*)\}")


@pytest.mark.parametrize(
    ("value", "lang", "decimals", "expected"),
    [
        (1234567.456, "nl", 1, "1.234.567,5"),
        (1234567.456, "en", 1, "1,234,567.5"),
        (0.05, "nl", 1, "0,1"),
        (-1234.4, "nl", 0, "\u22121.234"),  # the true minus sign, not the hyphen-minus
        (-1234.4, "en", 1, "\u22121,234.4"),
        (-0.04, "nl", 0, "0"),  # rounds to zero: no "minus zero"
        (np.int64(12345), "nl", 0, "12.345"),
        (pd.array([5], dtype="Int64")[0], "nl", 0, "5"),
        (2.5, "nl", 0, "2"),  # half to even, as Python rounds: every surface writes the same digits
        (None, "nl", 0, "–"),
        (float("nan"), "en", 0, "–"),
    ],
)
def test_numbers_use_the_cldr_marks_of_the_language(value, lang, decimals, expected):
    assert fmt_number(value, lang, decimals) == expected


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        (150000, "nl", "€\u00a0150.000"),  # CLDR nl_NL: symbol, no-break space, dots
        (150000, "en", "€150,000"),  # CLDR en_GB: symbol against the amount, commas
        (1234567.6, "nl", "€\u00a01.234.568"),  # whole euros
        (np.float64(49.4), "en", "€49"),
        (-1500, "nl", "€\u00a0\u22121.500"),  # the true minus sign, where CLDR puts it
        (0, "nl", "€\u00a00"),
        (None, "nl", "–"),
        (float("nan"), "en", "–"),
    ],
)
def test_amounts_are_written_the_way_the_language_writes_euros(value, lang, expected):
    """The server writes amounts (smallfix item 2): not the reader's browser, which may be English."""
    assert fmt_euro(value, lang) == expected


def test_percent_and_dates_read_the_dutch_way():
    assert fmt_percent(0.5916, "nl", 1, sign=True) == "+59,2%"
    assert fmt_percent(-0.12, "en") == "\u221212%"
    assert fmt_percent(-0.059, "nl", sign=True) == "\u22126%"
    assert "-" not in fmt_percent(-0.5, "nl", 1) + fmt_number(-3, "en")
    assert fmt_date(dt.date(2023, 3, 12)) == "12 maart 2023"
    assert fmt_date(dt.date(2024, 7, 1), "en") == "1 July 2024"
    assert MONTHS_NL[0] == "januari" and MONTHS_NL[-1] == "december" and MONTHS_EN[4] == "May"


@pytest.mark.parametrize(
    ("n", "lang", "form"),
    [
        (1, "nl", "one"),
        (0, "nl", "other"),
        (2, "nl", "other"),
        (1, "en", "one"),
        (0, "en", "other"),
        (1.5, "en", "other"),
    ],
)
def test_plural_categories_come_from_cldr(n, lang, form):
    assert plural_form(n, lang) == form


@pytest.mark.parametrize(
    ("key", "values", "nl_one", "nl_many", "en_one", "en_many"),
    [
        (
            "alt_trend",
            {"grain": "per maand", "start": "a", "end": "b", "total": "9", "peak": "3", "peak_date": "c"},
            "1 campagneperiode is gearceerd",
            "3 campagneperiodes zijn gearceerd",
            "1 campaign period is shaded",
            "3 campaign periods are shaded",
        ),
        (
            "map_alt_trend_week",
            {"naam": "Neude", "start": "a", "eind": "b", "k": 5},
            "1 maatregel is als stippellijn gemarkeerd; 1 week met minder dan 5 meldingen is weggelaten",
            "3 maatregelen zijn als stippellijn gemarkeerd; 3 weken met minder dan 5 meldingen zijn weggelaten",
            "1 measure is marked with a dashed line; 1 week with fewer than 5 reports is left out",
            "3 measures are marked with a dashed line; 3 weeks with fewer than 5 reports are left out",
        ),
        (
            "alt_timeline",
            {"start": "a", "end": "b", "grain": "per week", "total": "9"},
            "Tijdlijn van 1 campagne in 1 gemeente",
            "Tijdlijn van 3 campagnes in 3 gemeenten",
            "Timeline of 1 campaign in 1 municipality",
            "Timeline of 3 campaigns in 3 municipalities",
        ),
        (
            "act_covid_postponed",
            {},
            "Door Covid-19 werd **1** activiteit uitgesteld.",
            "Door Covid-19 werden **3** activiteiten uitgesteld.",
            "Covid-19 postponed **1** activity.",
            "Covid-19 postponed **3** activities.",
        ),
        (
            "act_covid_cancelled",
            {},
            "**1** activiteit werd geannuleerd, waarvan 1 met",
            "**3** activiteiten werden geannuleerd, waarvan 3 met",
            "**1** activity was cancelled, 1 of which was due",
            "**3** activities were cancelled, 3 of which were due",
        ),
    ],
)
def test_counted_words_agree_with_the_count(key, values, nl_one, nl_many, en_one, en_many):
    counts = {name for name, _, _ in MARKER.findall(LABELS[key]["nl"] + LABELS[key]["en"])}
    for lang, one, many in (("nl", nl_one, nl_many), ("en", en_one, en_many)):
        # The count arrives as a number or as a number already formatted ("1"), as the views pass it.
        assert one in t(key, lang, **values, **dict.fromkeys(counts, 1))
        assert one in t(key, lang, **values, **dict.fromkeys(counts, "1"))
        assert many in t(key, lang, **values, **dict.fromkeys(counts, 3))


def test_tn_formats_the_count_and_picks_the_form():
    assert tn("summary_activities", 1, "nl", verdeling="1 preventie") == "Er liep 1 activiteit: 1 preventie."
    assert tn("summary_activities", 1200, "nl", verdeling="…").startswith("Er liepen 1.200 activiteiten")
    assert tn("summary_campaigns", 1, "en", namen="A") == "1 campaign ran: A."
    # "<5" is no number: the plural form.
    assert "<5 campagneperiodes zijn" in t(
        "alt_trend", "nl", campaigns="<5", grain="", start="", end="", total="", peak="", peak_date=""
    )


def test_every_choice_names_a_value_of_its_label_and_both_languages_choose_alike():
    """A marker must name a placeholder the label also prints, or the count it counts is invisible."""
    for key, entry in LABELS.items():
        for lang in LANGS:
            text = entry.get(lang, "")
            chosen = {name for name, _, _ in MARKER.findall(text)}
            printed = {f for _, f, _, _ in string.Formatter().parse(MARKER.sub("", text)) if f}
            assert chosen <= printed | {"n"}, (key, lang, chosen - printed)


def test_a_label_missing_its_count_says_which():
    with pytest.raises(KeyError, match="measures"):
        t("map_alt_trend_week", "nl", naam="x", start="a", eind="b", hidden=1, k=5)


def test_one_word_for_a_hexagon_in_dutch():
    dutch = " ".join(entry["nl"] for entry in LABELS.values())
    assert "hexagoon" not in dutch.lower() and "zeshoek" in dutch


def test_a_trend_with_one_campaign_says_so_in_its_alt_text():
    periods = pd.date_range("2024-01-01", periods=3, freq="MS")
    series = pd.DataFrame({"periode": periods, "n": [10.0, 12.0, 9.0], "label": ["10", "12", "9"]})
    one = pd.DataFrame({"naam": ["Ben jij OK?"], "start": [periods[0]], "eind": [periods[1]]})
    breaks = pd.DataFrame(columns=["datum", "soort_breuk", "naam"])
    spec = charts.report_trend_chart(series, one, breaks, grain="month", lang="nl")
    assert "1 campagneperiode is gearceerd" in spec.alt
    spec = charts.report_trend_chart(series, one, breaks, grain="month", lang="en")
    assert "1 campaign period is shaded" in spec.alt


@pytest.mark.parametrize(
    ("lang", "said"),
    [("nl", "geen campagneperiodes zijn gearceerd"), ("en", "no campaign periods are shaded")],
)
def test_a_trend_without_campaigns_says_none_not_zero(lang, said):
    """ "0 campagneperiodes zijn gearceerd" reads like a count of something on the chart; "geen" does not."""
    periods = pd.date_range("2024-01-01", periods=3, freq="MS")
    series = pd.DataFrame({"periode": periods, "n": [10.0, 12.0, 9.0], "label": ["10", "12", "9"]})
    none = pd.DataFrame(columns=["naam", "start", "eind"])
    breaks = pd.DataFrame(columns=["datum", "soort_breuk", "naam"])
    spec = charts.report_trend_chart(series, none, breaks, grain="month", lang=lang)
    assert said in spec.alt and " 0 " not in spec.alt
    assert fmt_count(0, lang) == ("geen" if lang == "nl" else "no") and fmt_count(1234, lang) == fmt_number(
        1234, lang
    )


@pytest.mark.parametrize(
    ("n", "lang", "said"),
    [
        (1, "nl", "de 1 gemeente met"),
        (3, "nl", "de 3 gemeenten met"),
        (1, "en", "the 1 municipality with"),
        (3, "en", "the 3 municipalities with"),
    ],
)
def test_the_rate_note_counts_municipalities_without_brackets(n, lang, said):
    """ "de 1 gemeente(n)" makes the reader parse the plural; the label chooses it."""
    note = t("rate_note", lang, n=n, jaar=2024)
    assert said in note and "(n)" not in note and "(ies)" not in note


@pytest.mark.parametrize(
    ("label", "lang", "said"),
    [
        ("Alle gemeenten", "nl", "alle gemeenten"),
        ("Alle gemeenten (Veilige Steden)", "nl", "alle gemeenten (Veilige Steden)"),
        ("All municipalities", "en", "all municipalities"),
        ("Utrecht", "nl", "Utrecht"),
        ("Alkmaar", "nl", "Alkmaar"),
    ],
)
def test_a_selection_reads_lower_case_only_where_it_is_all_municipalities(label, lang, said):
    assert in_sentence(label, lang) == said
