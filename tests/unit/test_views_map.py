"""The Kaart page's view models (vsdash.views.map): protected maps, plain names, the hidden sentence."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from vsdash import maps, publication
from vsdash.i18n import fmt_number
from vsdash.store import ReportFilter, Store
from vsdash.views.map import build_before_after, build_map, build_risk_area

NO_BOUNDARIES = maps.Boundaries(missing_reason="Geen grenzen beschikbaar (test).")
# Monday to Sunday: the whole weeks of the map are the period itself.
WEEKS = (dt.date(2025, 3, 3), dt.date(2025, 8, 31))


@pytest.fixture(scope="module")
def store(demo_store_url):
    found = Store(demo_store_url)
    yield found
    found.close()


def _map(store, gemeente, start, end, lang="nl"):
    codes = (gemeente,) if gemeente else None
    return build_map(
        store,
        gemeente=gemeente,
        codes=codes,
        start=start,
        end=end,
        label=gemeente or "Alle gemeenten",
        boundaries=NO_BOUNDARIES,
        lang=lang,
    )


def _is_count(label: str) -> bool:
    return label.replace(".", "").isdigit()


@pytest.mark.parametrize("gemeente", ["GM0344", "GM0141", "GM0153"])
def test_reports_not_shown_separately_are_exactly_the_reports_in_grey_hexagons(store, gemeente):
    start, end = WEEKS
    model = _map(store, gemeente, start, end)
    raw = maps.counts_per_cell(store.hex_counts(ReportFilter((gemeente,), start, end))).set_index("h3")["n"]
    table = model.density.table
    hex_col, count_col = table.columns[0], table.columns[1]
    visible = sum(int(label.replace(".", "")) for label in table[count_col] if _is_count(label))
    grey = [h for h, label in zip(table[hex_col], table[count_col], strict=True) if not _is_count(label)]
    # Known truth: what is not drawn is what the grey cells (and withheld municipalities) hold.
    assert model.hidden == int(raw.sum()) - visible
    assert model.hidden == int(raw.reindex(grey).sum()) + int(raw.drop(table[hex_col]).sum())
    # With whole weeks the map's total is the key figure of the period.
    figures = publication.key_figures(store, gemeente=gemeente, start=start, end=end)
    assert figures.reports == int(raw.sum())
    sentences = [n for n in model.density_notes if "niet apart op de kaart" in n]
    if model.hidden:
        assert sentences == [
            f"Van de {fmt_number(figures.reports, 'nl')} meldingen die de kaart telt, staan er "
            f"{fmt_number(model.hidden, 'nl')} niet apart op de kaart: ze vallen in grijze zeshoeken "
            "(minder dan 5 meldingen of afgeschermd)."
        ]
    else:
        assert sentences == []
    assert not any("hele weken" in n for n in model.density_notes)  # the weeks are the period


def test_national_map_hides_no_more_than_its_grey_circles(store):
    start, end = WEEKS
    model = _map(store, None, start, end)
    figures = publication.key_figures(store, start=start, end=end)
    table = model.density.table
    visible = sum(int(label.replace(".", "")) for label in table.iloc[:, 1] if _is_count(label))
    assert model.hidden == figures.reports - visible
    assert not model.selectable
    expected = f"staan er {fmt_number(model.hidden, 'nl')} niet apart op de kaart"
    assert (model.hidden > 0) == any(expected in n for n in model.density_notes)


def test_map_says_which_weeks_it_counts_and_why_there_are_no_boundaries(store):
    model = _map(store, "GM0344", dt.date(2025, 3, 5), dt.date(2025, 8, 27))
    assert any("hele weken van 10 maart 2025 tot en met 31 augustus 2025" in n for n in model.density_notes)
    assert [n for n in model.notices if "Geen grenzen beschikbaar (test)." in n] == [model.notices[0]]
    assert model.selectable and model.areas
    assert all(label.endswith("(Utrecht)") for _, label in model.areas)
    assert model.default_event in dict(model.events)


def test_municipality_without_reporting_point_says_so(store):
    model = _map(store, "GM0080", *WEEKS)
    assert any("meldpunt" in n for n in model.notices), model.notices
    assert model.hidden is None or model.hidden == 0


def test_risk_area_detail_keeps_names_plain(store):
    from vsdash.ui.widgets import plain_markdown

    start, end = WEEKS
    detail = build_risk_area(
        store, codes=("GM0344",), start=start, end=end, risicogebied_id="GM0344-neude", lang="nl"
    )
    assert detail.name == "Neude" and detail.municipality == "Utrecht"
    assert detail.summary(plain_markdown).startswith("**Neude** (")
    assert "Lijngrafiek" in detail.trend.alt and "Neude" in detail.trend.alt
    hostile = dataclasses.replace(detail, name="*Park* [klik](https://x.example)")
    summary = hostile.summary(plain_markdown)
    assert "**\\*Park\\* \\[klik\\]\\(https\\:" in summary
    with pytest.raises(KeyError):
        build_risk_area(
            store, codes=("GM0363",), start=start, end=end, risicogebied_id="GM0344-neude", lang="nl"
        )


def test_before_after_of_an_event_has_equal_windows_and_the_caveat(store):
    model = _map(store, "GM0599", *WEEKS)
    change = build_before_after(
        store,
        gemeente="GM0599",
        codes=("GM0599",),
        event_key=model.default_event,
        weeks=8,
        boundaries=NO_BOUNDARIES,
        lang="nl",
    )
    assert change.map is not None and "Kaart van de verandering rond" in change.map.alt
    assert "8 weken elk" in change.windows_text or change.shortened
    assert "meldingsbereidheid" in change.caveat
    assert bool(change.open_tables) != bool(change.missing_table)
    with pytest.raises(KeyError):
        build_before_after(
            store,
            gemeente="GM0599",
            codes=("GM0599",),
            event_key="campagne:bestaat-niet",
            weeks=8,
            boundaries=NO_BOUNDARIES,
            lang="nl",
        )


def test_english_model_reads_in_english(store):
    model = _map(store, "GM0344", *WEEKS, lang="en")
    assert model.title == "Map: GM0344"
    if model.hidden:
        assert any("are not shown separately on the map" in n for n in model.density_notes)
