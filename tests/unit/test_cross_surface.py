"""One figure, one value: every surface shows the key figures of the publication layer.

For random selections (one municipality, a programme, everything; periods of a week to three
years) each key indicator must have the same value on the Overzicht page model, the Presenteren
deck, the PPTX's text, the CSV and XLSX downloads, Vergelijken's rates and ``vsdash figures``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import random

import pandas as pd
import pytest

from vsdash import cli, export, publication, spreadsheets
from vsdash.presentation import build_deck
from vsdash.store import Store
from vsdash.views.overview import build_overview


def _selections(store: Store, n: int = 8, seed: int = 13):
    rng = random.Random(seed)
    first, last = store.report_date_range()
    codes = sorted(set(store.channels()["gemeentecode"]))
    scopes = [{"gemeente": "GM0344"}, {"gemeente": "GM0080"}, {"programma": "veilige_steden"}, {}]
    found = []
    for i in range(n):
        scope = scopes[i] if i < len(scopes) else {"gemeente": rng.choice(codes)}
        days = rng.choice([7, 31, 92, 365, 730, 1095])
        start = first + dt.timedelta(days=rng.randrange(0, max(1, (last - first).days - days)))
        found.append((scope, start, min(last, start + dt.timedelta(days=days - 1))))
    return found


@pytest.fixture(scope="module")
def store(demo_store_url):
    opened = Store(demo_store_url)
    yield opened
    opened.close()


def _cli_json(url: str, scope: dict, start: dt.date, end: dt.date) -> dict:
    argv = ["figures", "--from", start.isoformat(), "--to", end.isoformat(), "--json", "--store", url]
    for key, value in scope.items():
        argv += [f"--{key}", value]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert cli.main(argv) == 0
    return json.loads(out.getvalue())


def _pptx_first_slide_text(data: bytes) -> str:
    from pptx import Presentation

    slide = Presentation(io.BytesIO(data)).slides[0]
    return " ".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)


@pytest.mark.parametrize("case", range(8))
def test_every_surface_shows_the_same_key_figures(store, demo_store_url, case):
    scope, start, end = _selections(store)[case]
    lang = "nl"
    figures = publication.key_figures(store, start=start, end=end, lang=lang, **scope)
    labels = figures.labels(lang)

    # Overzicht's page model
    model = build_overview(
        store, start=start, end=end, label="x", lang=lang, **{"gemeente": None, "programma": None, **scope}
    )
    assert model.key == figures
    shown = {m.label: m.value for m in model.metrics}
    assert shown["Meldingen"] == labels["reports"]
    assert shown["Per 10.000 inwoners per jaar"] == labels["rate"]
    assert shown["t.o.v. vorige periode"] == labels["change"]

    # Presenteren: the deck and its PPTX
    deck = build_deck(
        store,
        gemeente=scope.get("gemeente"),
        programma=scope.get("programma"),
        start=start,
        end=end,
        lang=lang,
        with_map=False,
    )
    assert deck.key.figures == figures
    assert (deck.key.reports, deck.key.change) == (labels["reports"], labels["change"])
    slide = _pptx_first_slide_text(export.deck_to_pptx(deck))
    for value in (labels["reports"], labels["change"], labels["activities"]):
        assert value in slide
    if figures.rate_per_10k_per_year is not None:
        assert labels["rate"] in slide

    # Downloads: the same numbers, as numbers
    table = publication.key_figures_table(figures, lang)
    csv = pd.read_csv(
        io.BytesIO(spreadsheets.table_csv_bytes(table)), sep=";", decimal=",", encoding="utf-8-sig"
    )
    by_id = csv.set_index("indicator")["waarde"]
    assert _same(by_id["reports"], figures.reports)
    assert _same(by_id["rate_per_10k_per_year"], figures.as_json()["rate_per_10k_per_year"])
    assert _same(by_id["change"], figures.as_json()["change"])
    xlsx = pd.read_excel(io.BytesIO(spreadsheets.table_xlsx_bytes(table, "kerncijfers"))).set_index(
        "indicator"
    )
    assert _same(xlsx.loc["activities", "waarde"], figures.activities)

    # The command line
    assert _cli_json(demo_store_url, scope, start, end) == json.loads(json.dumps(figures.as_json()))

    # Vergelijken's rows (publication.member_figures): the same rate, and a group is their sum
    codes = figures.codes if figures.codes is not None else sorted(set(store.channels()["gemeentecode"]))
    rows = publication.member_figures(store, codes, start, end)
    assert int(rows["n"].sum()) == figures.reports or not figures.has_channel
    if scope.get("gemeente") and figures.rate_per_10k_per_year is not None:
        assert rows["rate"].iloc[0] == pytest.approx(figures.rate_per_10k_per_year)


def _same(cell, value) -> bool:
    if value is None:
        return pd.isna(cell)
    return float(cell) == pytest.approx(float(value))
