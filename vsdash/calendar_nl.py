"""The Dutch calendar as weekly covariates: summer holiday per region, Christmas holiday, public holidays.

Report counts dip when schools are out (fewer people in town, at stations and in nightlife) and
around Christmas and New Year. Two smooth seasonal waves cannot follow a dip that starts and stops
within a week, and in the Netherlands the summer holiday moves between three regions (noord,
midden, zuid) from year to year, so the effect estimator adds these covariates to its model.

Sources: the school holidays that the Ministry of OCW fixes for all schools (the summer holiday
per region and the Christmas holiday) are copied in ``data/schoolvakanties.csv`` with the
regulation or Rijksoverheid page per row; the regions are those of the *Regeling vaststelling
schoolvakanties*; public holidays come from the maintained ``holidays`` package (country NL).
The spring, autumn and May holidays are left out: the ministry only advises their dates (schools
may choose others) or sets one week of two, so the dates in a municipality are not known.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import holidays
import numpy as np
import pandas as pd

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
HOLIDAYS_FILE = DATA_DIR / "schoolvakanties.csv"
MUNICIPALITIES_FILE = DATA_DIR / "gemeenten.csv"

REGIONS = ("noord", "midden", "zuid")
#: Without a region the summer term is the share of the three regions on holiday.
NATIONAL = "landelijk"
CALENDAR_COLUMNS = ("zomervakantie", "kerstvakantie", "feestdag")

# The summer holiday always lies inside 27 June - 10 September and the Christmas holiday inside
# 15 December - 15 January; outside those windows a week's school-holiday values are known (0)
# even in years that data/schoolvakanties.csv does not list.
_SUMMER_ZONE = ((6, 27), (9, 10))
_CHRISTMAS_ZONE_START = (12, 15)
_CHRISTMAS_ZONE_END = (1, 15)

# Regeling vaststelling schoolvakanties (2016-2019, art. 3; the 2019-2022 and 2022-2025 rules kept
# the division and renamed merged municipalities): province by default, these municipalities not.
_PROVINCE_REGION = {
    "Groningen": "noord",
    "Fryslân": "noord",
    "Friesland": "noord",
    "Drenthe": "noord",
    "Overijssel": "noord",
    "Flevoland": "noord",
    "Noord-Holland": "noord",
    "Utrecht": "midden",
    "Zuid-Holland": "midden",
    "Gelderland": "zuid",
    "Noord-Brabant": "zuid",
    "Limburg": "zuid",
    "Zeeland": "zuid",
}
_MUNICIPALITY_REGION = {
    "Hattem": "noord",
    "Eemnes": "noord",
    "Zeewolde": "midden",
    "Altena": "midden",
    **{
        name: "midden"
        for name in (
            "Aalten", "Apeldoorn", "Barneveld", "Berkelland", "Bronckhorst", "Brummen", "Buren",
            "Culemborg", "Doetinchem", "Ede", "Elburg", "Epe", "Ermelo", "Harderwijk", "Heerde",
            "Lochem", "Montferland", "Neder-Betuwe", "Nijkerk", "Nunspeet", "Oldebroek", "Oost Gelre",
            "Oude IJsselstreek", "Putten", "Scherpenzeel", "Tiel", "Voorst", "Wageningen", "West Betuwe",
            "Winterswijk", "Zutphen",
        )
    },
}  # fmt: skip


@lru_cache(maxsize=1)
def school_holidays() -> pd.DataFrame:
    """The school holidays the ministry fixes: ``vakantie, regio, start, eind, bron`` (dates inclusive)."""
    frame = pd.read_csv(HOLIDAYS_FILE, dtype=str)
    frame["start"] = pd.to_datetime(frame["start"])
    frame["eind"] = pd.to_datetime(frame["eind"])
    return frame


def holiday_region(code: str) -> str | None:
    """The school-holiday region (``noord``, ``midden`` or ``zuid``) of municipality ``code``.

    ``None`` when the municipality is unknown or its province is not recorded in
    ``data/gemeenten.csv``; the estimator then uses the national average of the three regions.
    """
    row = _municipalities().get(code)
    if row is None:
        return None
    name, province = row
    if name in _MUNICIPALITY_REGION:
        return _MUNICIPALITY_REGION[name]
    return _PROVINCE_REGION.get(province)


@lru_cache(maxsize=1)
def _municipalities() -> dict[str, tuple[str, str]]:
    frame = pd.read_csv(MUNICIPALITIES_FILE, dtype=str).fillna("")
    return {row.gemeentecode: (row.naam, row.provincie) for row in frame.itertuples()}


def weekly_calendar(weeks: pd.Series | pd.DatetimeIndex, region: str | None = NATIONAL) -> pd.DataFrame:
    """Calendar covariates for each week (Monday) in ``weeks``, for one holiday region.

    Returns a frame aligned with ``weeks`` with ``zomervakantie`` and ``kerstvakantie`` (the share
    of the week's seven days in that school holiday; for ``landelijk`` or ``None`` the summer share
    averaged over the three regions), ``feestdag`` (public holidays in the week outside the
    Christmas holiday) and ``bekend`` (False when the week touches a holiday season that
    ``data/schoolvakanties.csv`` does not cover, so its school-holiday values are unknown).
    """
    if region is not None and region not in (*REGIONS, NATIONAL):
        raise ValueError(f"Onbekende vakantieregio {region!r}; kies uit {', '.join(REGIONS)} of {NATIONAL}.")
    mondays = pd.DatetimeIndex(pd.to_datetime(weeks)).normalize()
    first, daily = _daily_calendar(region or NATIONAL)
    n_days = len(daily["bekend"])
    offsets = (mondays - first).days.to_numpy()[:, None] + np.arange(7)[None, :]
    if len(mondays) and (offsets.min() < 0 or offsets.max() >= n_days):
        last = first + pd.Timedelta(days=n_days - 1)
        raise ValueError(
            f"De kalender loopt van {first.date().isoformat()} tot {last.date().isoformat()}; "
            "weken daarbuiten kunnen niet worden beschreven."
        )
    return pd.DataFrame(
        {
            "zomervakantie": daily["zomervakantie"][offsets].mean(axis=1),
            "kerstvakantie": daily["kerstvakantie"][offsets].mean(axis=1),
            "feestdag": daily["feestdag"][offsets].sum(axis=1),
            "bekend": daily["bekend"][offsets].all(axis=1),
        },
        index=pd.RangeIndex(len(mondays)),
    )


@lru_cache(maxsize=8)
def _daily_calendar(region: str) -> tuple[pd.Timestamp, dict[str, np.ndarray]]:
    """The first day and one value per day from 2000 to 2039; computed once per region.

    Plain arrays, because the forest plot asks for hundreds of weekly calendars.
    """
    days = pd.date_range("2000-01-01", "2039-12-31", freq="D")
    table = school_holidays()
    christmas = _in_periods(days, table[table["vakantie"] == "kerstvakantie"])
    regions = REGIONS if region == NATIONAL else (region,)
    summer = np.mean(
        [
            _in_periods(days, table[(table["vakantie"] == "zomervakantie") & (table["regio"] == r)])
            for r in regions
        ],
        axis=0,
    )
    public = pd.DatetimeIndex(
        sorted(pd.Timestamp(day) for day in holidays.country_holidays("NL", years=range(2000, 2040)))
    )
    is_public = days.isin(public) & (christmas == 0)
    return days[0], {
        "zomervakantie": summer,
        "kerstvakantie": christmas,
        "feestdag": is_public.astype(float),
        "bekend": _known(days, table),
    }


def _in_periods(days: pd.DatetimeIndex, periods: pd.DataFrame) -> np.ndarray:
    inside = np.zeros(len(days), dtype=float)
    for start, end in zip(periods["start"], periods["eind"], strict=True):
        inside[(days >= start) & (days <= end)] = 1.0
    return inside


def _known(days: pd.DatetimeIndex, table: pd.DataFrame) -> np.ndarray:
    summer_years = set(table.loc[table["vakantie"] == "zomervakantie", "start"].dt.year)
    # A Christmas season is named after the year in which it starts (December).
    christmas_years = set(table.loc[table["vakantie"] == "kerstvakantie", "start"].dt.year)
    month_day = days.month * 100 + days.day
    in_summer_zone = (month_day >= _md(_SUMMER_ZONE[0])) & (month_day <= _md(_SUMMER_ZONE[1]))
    in_december_zone = month_day >= _md(_CHRISTMAS_ZONE_START)
    in_january_zone = month_day <= _md(_CHRISTMAS_ZONE_END)
    years = np.asarray(days.year)
    known = np.ones(len(days), dtype=bool)
    known &= ~(in_summer_zone & ~np.isin(years, list(summer_years)))
    known &= ~(in_december_zone & ~np.isin(years, list(christmas_years)))
    known &= ~(in_january_zone & ~np.isin(years - 1, list(christmas_years)))
    return known


def _md(month_day: tuple[int, int]) -> int:
    return month_day[0] * 100 + month_day[1]
