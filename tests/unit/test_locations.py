"""RD and WGS84 coordinates as municipal exports write them, and wijken by name (issue 20)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from vsdash import locations


def test_rd_to_wgs84_matches_the_amersfoort_reference_point():
    # The origin of the RD grid (Onze Lieve Vrouwetoren, Amersfoort): X 155000, Y 463000.
    lat, lon = locations.rd_to_wgs84([155_000.0], [463_000.0])
    assert lat[0] == pytest.approx(52.15517, abs=2e-5)
    assert lon[0] == pytest.approx(5.38721, abs=2e-5)


def test_rd_round_trip_through_pyproj_is_within_a_metre():
    from pyproj import Transformer

    to_rd = Transformer.from_crs("EPSG:4326", "EPSG:28992", always_xy=True)
    x, y = to_rd.transform([5.8528, 4.4777], [51.8425, 51.9244])  # Nijmegen, Rotterdam
    lat, lon = locations.rd_to_wgs84(x, y)
    assert np.allclose(lat, [51.8425, 51.9244], atol=1e-5)
    assert np.allclose(lon, [5.8528, 4.4777], atol=1e-5)


@pytest.mark.parametrize(
    ("text", "thousands", "expected"),
    [
        ("51,8425", False, 51.8425),
        ("5.8528", False, 5.8528),
        (" 187523,4 ", True, 187523.4),
        ("187.523,4", True, 187523.4),
        ("187.523", True, 187523.0),
        ("noord", False, np.nan),
        ("", False, np.nan),
    ],
)
def test_parse_decimal(text, thousands, expected):
    value = locations.parse_decimal(pd.Series([text]), thousands=thousands).iloc[0]
    assert value == pytest.approx(expected, nan_ok=True)


def test_convert_rd_text_marks_unreadable_and_out_of_range_cells():
    x = pd.Series(["187523,4", "abc", "187000", "", "1870000"], index=[2, 3, 4, 5, 6])
    y = pd.Series(["428412", "428000", "42800", "", "428000"], index=[2, 3, 4, 5, 6])
    lat, lon, bad_x, bad_y = locations.convert_rd_text(x, y)
    assert lat.loc[2] == pytest.approx(51.84, abs=0.01) and lon.loc[2] == pytest.approx(5.85, abs=0.02)
    assert list(bad_x) == [False, True, False, False, True]
    assert list(bad_y) == [False, False, True, False, False]
    assert lat.loc[[3, 4, 5, 6]].isna().all()  # no half or guessed points


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (["Nummer", "X-coördinaat", "Y-coördinaat"], ("X-coördinaat", "Y-coördinaat")),
        (["rd_x", "rd_y"], ("rd_x", "rd_y")),
        (["X", "Y"], ("X", "Y")),
        (["lat", "lon"], (None, None)),
    ],
)
def test_rd_columns_by_name(header, expected):
    assert locations.rd_columns_by_name(header) == expected


def test_rd_columns_by_value_skips_an_id_column_of_numbers():
    frame = pd.DataFrame(
        {
            "nummer": ["100001", "100002", "100003"],
            "oost": ["187523,4", "188001,9", "186990,1"],
            "noord": ["428412,2", "429001,7", "427800,3"],
            "datum": ["01-01-2024"] * 3,
        }
    )
    assert locations.rd_columns_by_value(frame) == ("oost", "noord")
    assert locations.rd_columns_by_value(frame[["nummer", "datum"]]) is None


def test_looks_like_rd_in_either_order():
    lat = pd.Series(["428412", "51,84", "187523"])
    lon = pd.Series(["187523", "5,85", "428412"])
    assert list(locations.looks_like_rd(lat, lon)) == [True, False, True]


WIJKEN = pd.DataFrame(
    {
        "wijkcode": ["WK026801", "WK026802", "WK026807", "WK036301"],
        "wijknaam": ["Nijmegen-Centrum", "Nijmegen-Oost", "Dukenburg", "Centrum"],
        "gemeentecode": ["GM0268", "GM0268", "GM0268", "GM0363"],
    }
)


def test_wijken_match_by_code_full_name_and_short_name_within_the_municipality():
    lookup = locations.wijk_lookup(WIJKEN, {"GM0268": "Nijmegen", "GM0363": "Amsterdam"})
    text = pd.Series(["Nijmegen-Centrum", "centrum", "OOST", "wk026807", "Dukenburg", "Lent", "", "Centrum"])
    codes = pd.Series(["GM0268"] * 7 + ["GM0363"])
    found = locations.match_wijken(text, codes, lookup)
    assert list(found) == [
        "WK026801",
        "WK026801",
        "WK026802",
        "WK026807",
        "WK026807",
        None,
        None,
        "WK036301",
    ]


def test_ambiguous_wijk_names_are_not_matched():
    wijken = pd.DataFrame(
        {"wijkcode": ["WK999901", "WK999902"], "wijknaam": ["Noord", "noord"], "gemeentecode": ["GM9999"] * 2}
    )
    lookup = locations.wijk_lookup(wijken)
    assert locations.match_wijken(pd.Series(["Noord"]), pd.Series(["GM9999"]), lookup).isna().all()


def test_known_wijk_names_lists_only_that_municipality():
    assert locations.known_wijk_names(WIJKEN, "GM0268") == ["Dukenburg", "Nijmegen-Centrum", "Nijmegen-Oost"]
