"""Seeded, realistic and clearly labelled synthetic data, with its ground truth.

What is real here: the municipalities, their population (CBS), programme membership and funding,
the names of national campaigns and well-known activities (from the Panteia evaluation), and the
places used as risk areas (real nightlife squares, stations, parks and campuses; centre
coordinates rounded to about 100 m). Everything else -- every report, date, budget, reach and
campaign effect -- is invented by this module, and the store is marked ``demo = ja`` so that
every page shows the "Demodata — fictief" badge.

The report series has what a real one has: yearly seasonality (busier in summer and around the
start of the academic year), more reports at night and at weekends, the Covid-19 lockdown dip
(spring 2020 to mid 2021), channel launches that raise counts by themselves, the 1 July 2024
criminalisation of street harassment as a break, overdispersion, and campaigns with known lifts
kept in ``demo_ground_truth`` so that estimators can be tested against the truth.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd
from shapely.geometry import Point, Polygon

from vsdash import geo, reference, schema, survey
from vsdash.settings import PROJECT_ROOT, boundaries_dir, demo_reports
from vsdash.store import Store

DEMO_START = dt.date(2019, 1, 1)
DEMO_END = dt.date(2026, 10, 31)
COVID_PERIODS = (  # (start, end, factor on reporting): lockdowns and the evening curfew
    (dt.date(2020, 3, 15), dt.date(2020, 6, 1), 0.35),
    (dt.date(2020, 6, 2), dt.date(2020, 10, 13), 0.75),
    (dt.date(2020, 10, 14), dt.date(2021, 4, 28), 0.40),
    (dt.date(2021, 4, 29), dt.date(2021, 6, 25), 0.65),
)
CRIMINALISATION = dt.date(2024, 7, 1)  # Wet seksuele misdrijven: street harassment an offence

#: Demo municipalities: Veilige Steden participants (and Zaanstad, which stopped in 2022).
DEMO_MUNICIPALITIES = reference.VS_SINCE_2020 + reference.VS_SINCE_2022 + tuple(reference.VS_LEFT)


@dataclass(frozen=True)
class Place:
    """A real public place used as a demo risk area (centre rounded to about 100 m)."""

    gemeentecode: str
    naam: str
    type: str
    lat: float
    lon: float
    radius_m: float = 300.0


PLACES = (
    Place("GM0363", "Leidseplein", "uitgaansgebied", 52.3641, 4.8830),
    Place("GM0363", "Rembrandtplein", "uitgaansgebied", 52.3661, 4.8965),
    Place("GM0363", "Amsterdam Centraal", "station_ov", 52.3790, 4.9002),
    Place("GM0363", "Vondelpark", "park", 52.3580, 4.8686, 450),
    Place("GM0599", "Witte de Withstraat", "uitgaansgebied", 51.9160, 4.4780),
    Place("GM0599", "Stadhuisplein", "uitgaansgebied", 51.9225, 4.4795),
    Place("GM0599", "Rotterdam Centraal", "station_ov", 51.9244, 4.4690),
    Place("GM0518", "Het Plein", "uitgaansgebied", 52.0795, 4.3135),
    Place("GM0518", "Grote Markt Den Haag", "uitgaansgebied", 52.0758, 4.3085),
    Place("GM0518", "Den Haag Centraal", "station_ov", 52.0809, 4.3247),
    Place("GM0518", "Boulevard Scheveningen", "route", 52.1130, 4.2800, 500),
    Place("GM0344", "Neude", "uitgaansgebied", 52.0929, 5.1189),
    Place("GM0344", "Utrecht Centraal", "station_ov", 52.0894, 5.1100),
    Place("GM0344", "Uithof (Utrecht Science Park)", "campus", 52.0850, 5.1750, 600),
    Place("GM0034", "Almere Centrum", "winkelgebied", 52.3710, 5.2180),
    Place("GM0034", "Station Almere Centrum", "station_ov", 52.3750, 5.2170),
    Place("GM0202", "Korenmarkt", "uitgaansgebied", 51.9825, 5.9070),
    Place("GM0202", "Arnhem Centraal", "station_ov", 51.9848, 5.8988),
    Place("GM0758", "Grote Markt Breda", "uitgaansgebied", 51.5887, 4.7760),
    Place("GM0758", "Station Breda", "station_ov", 51.5955, 4.7800),
    Place("GM0505", "Scheffersplein", "uitgaansgebied", 51.8136, 4.6686),
    Place("GM0505", "Station Dordrecht", "station_ov", 51.8078, 4.6686),
    Place("GM0014", "Grote Markt / Poelestraat", "uitgaansgebied", 53.2185, 6.5700),
    Place("GM0014", "Groningen Centraal", "station_ov", 53.2105, 6.5641),
    Place("GM0014", "Zernike Campus", "campus", 53.2450, 6.5360, 600),
    Place("GM0855", "Heuvel en Korte Heuvel", "uitgaansgebied", 51.5560, 5.0880),
    Place("GM0855", "Piushaven", "uitgaansgebied", 51.5580, 5.0980),
    Place("GM0855", "Station Tilburg", "station_ov", 51.5606, 5.0836),
    Place("GM0935", "Vrijthof", "uitgaansgebied", 50.8489, 5.6886),
    Place("GM0935", "Markt Maastricht", "uitgaansgebied", 50.8514, 5.6910),
    Place("GM0935", "Station Maastricht", "station_ov", 50.8496, 5.7053),
    Place("GM0153", "Oude Markt", "uitgaansgebied", 52.2210, 6.8950),
    Place("GM0153", "Station Enschede", "station_ov", 52.2222, 6.8897),
    Place("GM0153", "Campus Universiteit Twente", "campus", 52.2390, 6.8560, 600),
    Place("GM0546", "Nieuwe Rijn en Haarlemmerstraat", "uitgaansgebied", 52.1595, 4.4910),
    Place("GM0546", "Leiden Centraal", "station_ov", 52.1664, 4.4818),
    Place("GM0268", "Grote Markt Nijmegen", "uitgaansgebied", 51.8475, 5.8640),
    Place("GM0268", "Station Nijmegen", "station_ov", 51.8433, 5.8528),
    Place("GM0268", "Waalkade", "route", 51.8490, 5.8660),
    Place("GM0141", "Grotestraat Almelo", "winkelgebied", 52.3570, 6.6620),
    Place("GM0141", "Station Almelo", "station_ov", 52.3583, 6.6540),
    Place("GM0479", "Station Zaandam", "station_ov", 52.4387, 4.8135),
    Place("GM0479", "Gedempte Gracht", "winkelgebied", 52.4380, 4.8230),
)

#: Real channel facts: Rotterdam's StopApp dates from 2017. Other launch dates are synthetic.
STOPAPP_ROTTERDAM = dt.date(2017, 9, 1)

_CATEGORY_P = {"verbaal": 0.45, "non-verbaal": 0.20, "fysiek": 0.12, "achtervolgen": 0.13, "overig": 0.10}
_WEEKDAY_W = np.array([0.85, 0.8, 0.85, 0.95, 1.2, 1.5, 1.25])  # Monday..Sunday
_HOUR_W = np.array(
    [6, 5, 4, 2.5, 1.2, 0.6, 0.6, 1.2, 2, 2, 2, 2.5, 3, 3, 3, 3.5, 4.5, 5, 5, 5, 5.5, 6.5, 7.5, 7.5]
)

Progress = Callable[[float, str], None]


def _noop(fraction: float, message: str) -> None:
    return None


# -- building blocks ------------------------------------------------------------------------------


def _days() -> pd.DatetimeIndex:
    return pd.date_range(DEMO_START, DEMO_END, freq="D")


def _covid_factor(days: pd.DatetimeIndex) -> np.ndarray:
    factor = np.ones(len(days))
    for start, end, f in COVID_PERIODS:
        factor[(days >= pd.Timestamp(start)) & (days <= pd.Timestamp(end))] = f
    return factor


def _seasonality(days: pd.DatetimeIndex) -> np.ndarray:
    doy = days.dayofyear.to_numpy()
    # Busier in early summer and at the start of the academic year; quiet in January/February.
    return (
        1 + 0.18 * np.sin(2 * np.pi * (doy - 100) / 365.25) + 0.08 * np.cos(4 * np.pi * (doy - 250) / 365.25)
    )


def _circle(lat: float, lon: float, radius_m: float, n: int = 24) -> Polygon:
    dlat = radius_m / 111_320
    dlon = radius_m / (111_320 * math.cos(math.radians(lat)))
    angles = np.linspace(0, 2 * np.pi, n, endpoint=False)
    return Polygon(zip(lon + dlon * np.cos(angles), lat + dlat * np.sin(angles), strict=True))


def build_channels(rng: np.random.Generator) -> pd.DataFrame:
    """Reporting channels per demo municipality: a web meldpunt, and for many an app later."""
    rows = []
    for code in DEMO_MUNICIPALITIES:
        if code == "GM0599":
            rows.append((f"{code}-app", code, "StopApp", "app", STOPAPP_ROTTERDAM, None))
            continue
        first = (
            DEMO_START
            if code in reference.VS_SINCE_2020[:6]
            else DEMO_START + dt.timedelta(days=int(rng.integers(60, 900)))
        )
        end = dt.date(2022, 6, 30) if code in reference.VS_LEFT else None
        rows.append((f"{code}-web", code, "Meldpunt straatintimidatie (web)", "meldpunt_web", first, end))
        if end is None and rng.random() < 0.7:
            launch = dt.date(2021, 9, 1) + dt.timedelta(days=int(rng.integers(0, 1000)))
            rows.append((f"{code}-app", code, "Stop Intimidatie app", "app", launch, None))
    return pd.DataFrame(rows, columns=["kanaal_id", "gemeentecode", "naam", "soort", "start", "eind"])


def build_campaigns(
    rng: np.random.Generator, channels: pd.DataFrame
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """National and local campaigns, who took part, and each one's true lift (ground truth)."""
    campaigns, members, truth = [], [], []
    first_channel = channels.groupby("gemeentecode")["start"].min()

    def lift() -> float:
        return 0.0 if rng.random() < 0.2 else round(float(rng.uniform(0.2, 0.9)), 3)

    participants = [c for c in DEMO_MUNICIPALITIES if c not in reference.VS_LEFT]
    # 'Ben jij OK?' (Rutgers): about half of the municipalities joined; waves in the autumn.
    for year in (2021, 2022, 2023, 2025):
        cid = f"benjijok-{year}"
        start = dt.date(year, 9, 6) + dt.timedelta(days=7 * int(rng.integers(0, 3)))
        start -= dt.timedelta(days=start.weekday())
        campaigns.append(
            (
                cid,
                f"Ben jij OK? ({year})",
                "landelijk",
                "posters;bushokjes;ov;uitgaansgebied;sociale media",
                start,
                start + dt.timedelta(days=41),
            )
        )
        joined = rng.choice(participants, size=len(participants) // 2, replace=False)
        for code in sorted(joined):
            if first_channel[code] < start:
                members.append((cid, code))
                truth.append((cid, code, lift()))
    # Local campaigns pointing to the meldpunt, one or two per municipality, outside lockdowns.
    for code in DEMO_MUNICIPALITIES:
        name = reference.load_municipalities().set_index("gemeentecode").loc[code, "weergavenaam"]
        for i in range(int(rng.integers(1, 3))):
            for _ in range(20):
                start = first_channel[code] + dt.timedelta(days=int(rng.integers(200, 2400)))
                start -= dt.timedelta(days=start.weekday())
                end = start + dt.timedelta(days=7 * int(rng.integers(4, 9)) - 1)
                clash = any(s <= end and start <= e for s, e, _ in COVID_PERIODS)
                clash |= any(
                    c[4] <= end + dt.timedelta(days=60) and start - dt.timedelta(days=60) <= c[5]
                    for c in campaigns
                    if (c[0], code) in set(members)
                )
                if (
                    not clash
                    and end < DEMO_END
                    and (code not in reference.VS_LEFT or end < dt.date(2022, 3, 1))
                ):
                    break
            else:
                continue
            cid = f"lokaal-{code}-{i + 1}"
            title = (
                "Stop Pikpraat" if code == "GM0599" and i == 0 else f"Lokale meldcampagne {name} {start.year}"
            )
            campaigns.append((cid, title, "lokaal", "sociale media;posters;horeca", start, end))
            members.append((cid, code))
            truth.append((cid, code, lift()))
    return (
        pd.DataFrame(campaigns, columns=["campagne_id", "naam", "schaal", "kanalen", "start", "eind"]),
        pd.DataFrame(members, columns=["campagne_id", "gemeentecode"]),
        pd.DataFrame(truth, columns=["campagne_id", "gemeentecode", "lift"]),
    )


def build_risk_areas() -> tuple[pd.DataFrame, dict[str, Polygon]]:
    """Risk areas around real places: a circle of ``radius_m`` around the place's centre."""
    rows, polygons = [], {}
    for place in PLACES:
        rid = f"{place.gemeentecode}-{_slug(place.naam)}"
        poly = _circle(place.lat, place.lon, place.radius_m)
        polygons[rid] = poly
        rows.append((rid, place.gemeentecode, place.naam, place.type, poly.wkt, place.lat, place.lon, "demo"))
    return pd.DataFrame(
        rows,
        columns=[
            "risicogebied_id",
            "gemeentecode",
            "naam",
            "type",
            "geometrie_wkt",
            "lat",
            "lon",
            "import_id",
        ],
    ), polygons


def _slug(text: str) -> str:
    return "".join(ch.lower() if ch.isalnum() else "-" for ch in text).strip("-").replace("--", "-")


def build_measures(rng: np.random.Generator, risk_areas: pd.DataFrame) -> pd.DataFrame:
    """Measures in risk areas (lighting, cameras, stewards, ...) on synthetic dates."""
    rows = []
    kinds = {
        "uitgaansgebied": ("suswachters", "camera", "politie_inzet"),
        "station_ov": ("camera", "verlichting"),
        "park": ("verlichting", "hangplek_verplaatst"),
        "route": ("verlichting", "inrichting"),
        "campus": ("verlichting",),
        "winkelgebied": ("camera", "inrichting"),
    }
    for area in risk_areas.itertuples():
        if rng.random() < 0.35:
            continue
        kind = str(rng.choice(kinds[area.type]))
        day = dt.date(2021, 7, 1) + dt.timedelta(days=int(rng.integers(0, 1500)))
        rows.append((area.risicogebied_id, kind, day, _MEASURE_TEXT[kind].format(naam=area.naam)))
    return pd.DataFrame(rows, columns=["risicogebied_id", "maatregel", "datum", "omschrijving"])


_MEASURE_TEXT = {
    "verlichting": "Betere straatverlichting bij {naam}",
    "camera": "Cameratoezicht bij {naam}",
    "suswachters": "Suswachters op vrijdag- en zaterdagnacht bij {naam}",
    "hangplek_verplaatst": "Hangplek bij {naam} verplaatst",
    "politie_inzet": "Gerichte inzet van politie en boa's bij {naam}",
    "inrichting": "Herinrichting van de openbare ruimte bij {naam}",
}


def _expected_daily(
    code: str,
    population: int,
    days: pd.DatetimeIndex,
    channels: pd.DataFrame,
    campaigns: pd.DataFrame,
    truth: pd.DataFrame,
    rng: np.random.Generator,
) -> np.ndarray:
    """Expected reports per day for one municipality (before scaling to the requested total)."""
    rate = float(rng.uniform(0.5, 1.6)) * population / 10_000 / 7  # per day
    years = (days - pd.Timestamp(DEMO_START)).days.to_numpy() / 365.25
    expected = rate * (1 + 0.05 * years) * _seasonality(days) * _WEEKDAY_W[days.dayofweek.to_numpy()]
    expected *= _covid_factor(days)
    expected[days >= pd.Timestamp(CRIMINALISATION)] *= 1.15
    own = channels[channels["gemeentecode"] == code]
    active = np.zeros(len(days), dtype=bool)
    for ch in own.itertuples():
        on = (days >= pd.Timestamp(ch.start)) & (days <= pd.Timestamp(ch.eind or DEMO_END))
        active |= on
        if ch.soort == "app" and ch.start > DEMO_START:
            expected[on] *= 1.35  # a new app lowers the threshold to report
    expected[~active] = 0.0
    for row in truth[truth["gemeentecode"] == code].itertuples():
        camp = campaigns.set_index("campagne_id").loc[row.campagne_id]
        window = (days >= pd.Timestamp(camp["start"])) & (days <= pd.Timestamp(camp["eind"]))
        expected[window] *= 1 + row.lift
    return expected


def _location_points(
    code: str,
    centre: tuple[float, float],
    population: int,
    places: list[Place],
    polygons: dict[str, Polygon],
    rng: np.random.Generator,
    n_points: int = 3000,
) -> pd.DataFrame:
    """Candidate locations (like addresses) for one municipality, with H3 cells and risk area."""
    lats, lons, areas = [], [], []
    spread_m = 900 + 2.2 * math.sqrt(population)
    n_city = n_points // 2
    lats += list(centre[0] + rng.normal(0, spread_m / 111_320, n_city))
    lons += list(centre[1] + rng.normal(0, spread_m / (111_320 * math.cos(math.radians(centre[0]))), n_city))
    areas += [None] * n_city
    per_place = (n_points - n_city) // max(len(places), 1)
    for place in places:
        rid = f"{place.gemeentecode}-{_slug(place.naam)}"
        sd = place.radius_m / 1.6
        lats += list(place.lat + rng.normal(0, sd / 111_320, per_place))
        lons += list(place.lon + rng.normal(0, sd / (111_320 * math.cos(math.radians(place.lat))), per_place))
        areas += [rid] * per_place
    points = pd.DataFrame({"lat": lats, "lon": lons, "near": areas})
    # Membership is geometric: a point counts for a risk area only when it lies inside its polygon.
    inside = []
    for lat, lon in zip(points["lat"], points["lon"], strict=True):
        pt = Point(lon, lat)
        inside.append(
            next((rid for rid, poly in polygons.items() if rid.startswith(code) and poly.contains(pt)), None)
        )
    points["risicogebied_id"] = inside
    for res in (7, 8, 9):
        points[f"h3_r{res}"] = geo.cells_for_points(points["lat"].to_numpy(), points["lon"].to_numpy(), res)
    return points


def _assign_wijken(points: pd.DataFrame) -> pd.Series:
    """Wijk code per point from the CBS wijk boundaries when they are available, else empty."""
    import geopandas as gpd

    path = boundaries_dir() / "wijken_veilige_steden.geojson"
    if not path.exists():  # boundaries are optional: the demo works without wijk codes
        return pd.Series([None] * len(points), index=points.index, dtype="object")
    wijken = geo.load_wijk_boundaries(path)
    pts = gpd.GeoDataFrame(
        points[[]], geometry=gpd.points_from_xy(points["lon"], points["lat"]), crs="EPSG:4326"
    )
    joined = gpd.sjoin(pts, wijken[["wijkcode", "geometry"]], how="left", predicate="within")
    joined = joined[~joined.index.duplicated()]
    return joined["wijkcode"].reindex(points.index).astype("object").where(lambda s: s.notna(), None)


def _reports_for(
    code: str,
    counts: np.ndarray,
    days: pd.DatetimeIndex,
    points: pd.DataFrame,
    channels: pd.DataFrame,
    rng: np.random.Generator,
) -> pd.DataFrame:
    """Turn counts per day into individual report rows (no free text, no coordinates)."""
    total = int(counts.sum())
    day_idx = np.repeat(np.arange(len(days)), counts)
    hour = rng.choice(24, size=total, p=_HOUR_W / _HOUR_W.sum())
    minute = rng.integers(0, 60, size=total)
    occurred = days.to_numpy()[day_idx] + (hour * 60 + minute).astype("timedelta64[m]")
    delay_min = np.minimum(rng.exponential(90, size=total), 60 * 24 * 14).astype("int64")
    received = occurred + delay_min.astype("timedelta64[m]")
    categories = rng.choice(list(_CATEGORY_P), size=total, p=list(_CATEGORY_P.values()))
    # Reports at night cluster in the risk areas; by day they spread over the city.
    night = (hour >= 21) | (hour <= 4)
    in_area = points.index[points["near"].notna()].to_numpy()
    in_city = points.index[points["near"].isna()].to_numpy()
    pick_area = rng.random(total) < np.where(night, 0.7, 0.4)
    idx = np.where(pick_area, rng.choice(in_area, size=total), rng.choice(in_city, size=total))
    # Channel: of the channels open that day, the app takes most reports once it exists.
    own = channels[channels["gemeentecode"] == code]
    channel = np.full(total, None, dtype=object)
    ts = pd.DatetimeIndex(occurred)
    web = own[own["soort"] != "app"]
    app = own[own["soort"] == "app"]
    if not web.empty:
        w = web.iloc[0]
        channel[
            (ts >= pd.Timestamp(w["start"]))
            & (ts <= pd.Timestamp(w["eind"] or DEMO_END) + pd.Timedelta(days=1))
        ] = w["kanaal_id"]
    if not app.empty:
        a = app.iloc[0]
        app_on = ts >= pd.Timestamp(a["start"])
        use_app = app_on & ((channel == None) | (rng.random(total) < 0.65))  # noqa: E711 (element-wise)
        channel[use_app] = a["kanaal_id"]
    frame = pd.DataFrame(
        {
            "melding_id": pd.Series(np.arange(1, total + 1)).map(lambda i: f"D{i:08d}"),
            "gemeentecode": code,
            "gebeurd_op": occurred,
            "ontvangen_op": received,
            "kanaal_id": channel,
            "categorie": categories,
            "wijkcode": points["wijkcode"].to_numpy()[idx],
            "risicogebied_id": points["risicogebied_id"].to_numpy()[idx],
            "h3_r7": points["h3_r7"].to_numpy()[idx],
            "h3_r8": points["h3_r8"].to_numpy()[idx],
            "h3_r9": points["h3_r9"].to_numpy()[idx],
            "import_id": "demo",
        }
    )
    return frame


# -- activities -------------------------------------------------------------------------------------

# (category, type, title, target groups, partners, budget range EUR, reach range)
_ACTIVITY_TEMPLATES = (
    (
        "onderzoek",
        "bevolkingsonderzoek",
        "Bevolkingsonderzoek straatintimidatie",
        "algemeen_publiek",
        "Regioplan",
        (15_000, 40_000),
        (800, 3000),
    ),
    (
        "onderzoek",
        "gesprekken_partners",
        "Gesprekken met GGD Centrum Seksueel Geweld en antidiscriminatiebureau",
        "professionals",
        "GGD;Antidiscriminatiebureau",
        (0, 2_000),
        (10, 40),
    ),
    (
        "onderzoek",
        "meldpunt",
        "Meldpunt straatintimidatie",
        "vrouwen_meisjes;omstanders",
        "Politie",
        (5_000, 20_000),
        (500, 5000),
    ),
    (
        "preventie",
        "campagne",
        "Publiekscampagne meldpunt",
        "algemeen_publiek;omstanders",
        "Rutgers",
        (5_000, 25_000),
        (20_000, 150_000),
    ),
    (
        "preventie",
        "training_professionals",
        "Training voor professionals in welzijn, jeugd en sport",
        "professionals",
        "Movisie;Sex Matters",
        (3_000, 12_000),
        (20, 120),
    ),
    (
        "preventie",
        "voorlichting_school",
        "Voorlichting op scholen over grensoverschrijdend gedrag",
        "scholieren_studenten",
        "Sex Matters;Stichting Stop Straatintimidatie",
        (4_000, 15_000),
        (200, 2000),
    ),
    (
        "preventie",
        "podcast",
        "Podcastserie over straatintimidatie",
        "algemeen_publiek",
        "Emancipator",
        (2_000, 6_000),
        (500, 5000),
    ),
    (
        "interventie",
        "workshop",
        "Weerbaarheidsworkshops voor meiden en vrouwen",
        "vrouwen_meisjes",
        "Vizier",
        (3_000, 10_000),
        (30, 250),
    ),
    (
        "interventie",
        "workshop",
        "Workshops voor jongens en mannen over grenzen",
        "jongens_mannen",
        "Emancipator",
        (3_000, 10_000),
        (30, 200),
    ),
    (
        "interventie",
        "uitgaanspersoneel_training",
        "Safe Clubbing: training voor uitgaanspersoneel",
        "uitgaanspersoneel",
        "Horeca;Sex Matters",
        (4_000, 12_000),
        (20, 150),
    ),
    (
        "interventie",
        "omstandertraining",
        "Omstandertraining",
        "omstanders",
        "Stichting Stop Straatintimidatie",
        (2_000, 8_000),
        (40, 300),
    ),
    (
        "interventie",
        "buschauffeurs_training",
        "Training buschauffeurs",
        "professionals",
        "Vervoerder",
        (2_000, 6_000),
        (40, 200),
    ),
    (
        "interventie",
        "suswachters",
        "Suswachters in het uitgaansgebied",
        "algemeen_publiek",
        "Horeca;Politie",
        (20_000, 60_000),
        (2000, 20_000),
    ),
    (
        "interventie",
        "bespreking_veiligheidsoverleg",
        "Meldingen structureel besproken in het wijkveiligheidsoverleg",
        "professionals",
        "Politie;Wijkteam",
        (0, 1_000),
        (10, 40),
    ),
    (
        "interventie",
        "fysieke_maatregel",
        "Fysieke maatregel in risicogebied",
        "algemeen_publiek",
        "CCV",
        (10_000, 80_000),
        (1000, 20_000),
    ),
    (
        "repressie",
        "handhaving",
        "Uitbreiding handhaving door boa's",
        "algemeen_publiek",
        "Politie",
        (10_000, 40_000),
        (0, 0),
    ),
    (
        "repressie",
        "politie_inzet",
        "Gerichte politie-inzet in risicogebieden",
        "algemeen_publiek",
        "Politie",
        (0, 10_000),
        (0, 0),
    ),
)

#: Activities the evaluation names for specific municipalities (facts; dates and figures synthetic).
_NAMED_ACTIVITIES = (
    ("GM0855", "preventie", "ludieke_actie", "Nareoptunnel", dt.date(2021, 9, 1)),
    ("GM0344", "preventie", "ludieke_actie", "Pratende billboards", dt.date(2021, 6, 1)),
    ("GM0014", "preventie", "ludieke_actie", "Catcalls-stadswandeling", dt.date(2021, 10, 1)),
    ("GM0014", "onderzoek", "gericht_onderzoek", "Onderzoek onder studenten", dt.date(2020, 9, 1)),
    ("GM0935", "onderzoek", "gericht_onderzoek", "Onderzoek onder studenten", dt.date(2020, 10, 1)),
    (
        "GM0363",
        "repressie",
        "apv_verbod",
        "Verbod op straatintimidatie in de APV (sisverbod)",
        dt.date(2018, 1, 1),
    ),
    (
        "GM0599",
        "repressie",
        "apv_verbod",
        "Verbod op straatintimidatie in de APV (sisverbod)",
        dt.date(2018, 1, 1),
    ),
    (
        "GM0855",
        "repressie",
        "apv_verbod",
        "Verbod op straatintimidatie in de APV (sisverbod)",
        dt.date(2018, 1, 1),
    ),
    (
        "GM0758",
        "repressie",
        "apv_verbod",
        "Verbod op straatintimidatie in de APV (sisverbod)",
        dt.date(2018, 1, 1),
    ),
    ("GM0153", "repressie", "apv_verbod", "Verbod op straatintimidatie in de APV", dt.date(2022, 1, 1)),
)

#: The Court of Appeal of The Hague ruled the 2018 APV bans on street harassment unlawful
#: (ECLI:NL:GHDHA:2019:3293); national law took over on 1 July 2024 (Wet seksuele misdrijven).
APV_RULING = dt.date(2019, 12, 19)
APV_RULING_URL = "https://deeplink.rechtspraak.nl/uitspraak?id=ECLI:NL:GHDHA:2019:3293"
#: A municipality that left a programme stopped early in its last year (Zaanstad: early 2022).
LEFT_ON = {code: dt.date(end, 3, 1) for code, (_, end) in reference.VS_LEFT.items()}


def build_activities(
    rng: np.random.Generator,
    risk_areas: pd.DataFrame,
    campaigns: pd.DataFrame,
    members: pd.DataFrame,
    today: dt.date = DEMO_END,
) -> pd.DataFrame:
    """Activities of all four categories per municipality, with Covid postponements."""
    rows = []
    stamp = pd.Timestamp(DEMO_END)

    def status_for(start: dt.date, end: dt.date | None, category: str) -> str:
        in_covid = dt.date(2020, 3, 15) <= start <= dt.date(2021, 6, 30)
        if in_covid and category in ("interventie", "preventie") and rng.random() < 0.55:
            return "uitgesteld_covid" if rng.random() < 0.7 else "geannuleerd"
        if start > today:
            return "gepland"
        if end is None or end >= today:
            return "lopend"
        return "afgerond" if rng.random() > 0.05 else "geannuleerd"

    for code in DEMO_MUNICIPALITIES:
        areas = risk_areas[risk_areas["gemeentecode"] == code]
        n = int(rng.integers(12, 22))
        picks = rng.choice(len(_ACTIVITY_TEMPLATES), size=n, replace=True)
        for j, k in enumerate(picks):
            cat, typ, title, groups, partners, budget, reach = _ACTIVITY_TEMPLATES[k]
            start = dt.date(2019, 3, 1) + dt.timedelta(days=int(rng.integers(0, 2950)))  # some still planned
            end = (
                None
                if typ in ("meldpunt", "suswachters", "bespreking_veiligheidsoverleg")
                else (start + dt.timedelta(days=int(rng.integers(30, 400))))
            )
            area_id = None
            if typ in ("suswachters", "fysieke_maatregel", "politie_inzet") and not areas.empty:
                area = areas.iloc[int(rng.integers(0, len(areas)))]
                area_id = area["risicogebied_id"]
                title = f"{title}: {area['naam']}"
            rows.append(
                {
                    "activiteit_id": f"{code}-A{j + 1:03d}",
                    "gemeentecode": code,
                    "programma": "veilige_steden",
                    "categorie": cat,
                    "type": typ,
                    "titel": title,
                    "doelgroepen": groups,
                    "partners": partners,
                    "start": start,
                    "eind": end,
                    "status": status_for(start, end, cat),
                    "bereik": int(rng.integers(*reach)) if reach[1] else None,
                    "budget_eur": int(round(rng.integers(*budget) / 500) * 500) if budget[1] else 0,
                    "risicogebied_id": area_id,
                    "campagne_id": None,
                    "import_id": "demo",
                    "gewijzigd_op": stamp,
                }
            )
    for i, (code, cat, typ, title, start) in enumerate(_NAMED_ACTIVITIES):
        rows.append(
            {
                "activiteit_id": f"{code}-N{i + 1:03d}",
                "gemeentecode": code,
                "programma": "veilige_steden",
                "categorie": cat,
                "type": typ,
                "titel": title,
                "doelgroepen": "vrouwen_meisjes;omstanders",
                "partners": "",
                "start": start,
                "eind": _named_end(typ, start),
                "status": "afgerond" if _named_end(typ, start) else "lopend",
                "bereik": None,
                "budget_eur": int(rng.integers(2, 30)) * 1000,
                "risicogebied_id": None,
                "campagne_id": None,
                "import_id": "demo",
                "gewijzigd_op": stamp,
            }
        )
    # Every campaign is also an activity of each municipality taking part (linked to the campaign).
    camp = campaigns.set_index("campagne_id")
    for i, m in enumerate(members.itertuples()):
        c = camp.loc[m.campagne_id]
        rows.append(
            {
                "activiteit_id": f"{m.gemeentecode}-C{i + 1:03d}",
                "gemeentecode": m.gemeentecode,
                "programma": "veilige_steden",
                "categorie": "preventie",
                "type": "campagne",
                "titel": c["naam"],
                "doelgroepen": "algemeen_publiek;omstanders",
                "partners": "Rutgers" if c["schaal"] == "landelijk" else "",
                "start": c["start"],
                "eind": c["eind"],
                "status": "afgerond" if c["eind"] < today else "lopend",
                "bereik": int(rng.integers(10_000, 120_000)),
                "budget_eur": int(rng.integers(5, 30)) * 1000,
                "risicogebied_id": None,
                "campagne_id": m.campagne_id,
                "import_id": "demo",
                "gewijzigd_op": stamp,
            }
        )
    return follow_memberships(pd.DataFrame(rows), reference.memberships())


#: Demo knowledge per activity type: (outcome, lessons, function of the contact). Invented, and
#: every text says so ("Demo:"); the contact is a role, never a name (vsdash.contact_role). No
#: text claims what happened to reports: the search shows that from the data.
_DEMO_KNOWLEDGE = {
    "uitgaanspersoneel_training": (
        "Portiers en barpersoneel van {n} zaken getraind",
        "Train vóór het drukke seizoen en neem de portiers mee: zij zien het eerst",
        "beleidsadviseur nachtleven",
    ),
    "campagne": (
        "Campagne zichtbaar in het centrum, bij bushokjes en in het ov",
        "Zorg dat het meldpunt klaar is voor meer meldingen vóór de posters hangen",
        "communicatieadviseur",
    ),
    "omstandertraining": (
        "{n} deelnemers; na afloop zeiden de meesten eerder in te grijpen",
        "Oefenen met situaties uit de eigen stad werkt beter dan algemene voorbeelden",
        "projectleider veiligheid",
    ),
    "workshop": (
        "{n} deelnemers in {m} bijeenkomsten",
        "Werk samen met het jongerenwerk: zij brengen de groep mee",
        "beleidsmedewerker jeugd",
    ),
    "suswachters": (
        "Suswachters op vrijdag- en zaterdagnacht; minder escalaties volgens de horeca",
        "Vaste gezichten werken beter dan wisselende ploegen",
        "coördinator openbare orde en veiligheid",
    ),
    "fysieke_maatregel": (
        "Maatregel uitgevoerd in het risicogebied",
        "Vraag vrouwen en meisjes zelf waar ze zich onveilig voelen vóór het ontwerp",
        "projectleider openbare ruimte",
    ),
    "bevolkingsonderzoek": (
        "Nulmeting van ervaren straatintimidatie; {n} respondenten",
        "Herhaal de meting met dezelfde vragen, anders is er geen vergelijking",
        "onderzoeker",
    ),
    "meldpunt": (
        "Meldpunt in gebruik; meldingen besproken met politie en handhaving",
        "Koppel elke melding terug aan de melder: dat houdt de meldingsbereidheid hoog",
        "coördinator meldpunt",
    ),
}
_APV_OUTCOME = (
    "Het Gerechtshof Den Haag oordeelde op 19 december 2019 dat het Rotterdamse verbod op "
    "straatintimidatie in de APV in strijd is met de Grondwet (ECLI:NL:GHDHA:2019:3293)"
)


def add_demo_knowledge(activities: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """Fill the knowledge register of about half of the finished demo activities (issue 19).

    Texts begin with "Demo:" so they are never mistaken for a municipality's own words. The
    2018 APV bans carry the one fact here: the ruling of 19 December 2019, with its link.
    """
    names = reference.load_municipalities().set_index("gemeentecode")["weergavenaam"]
    acts = activities.assign(uitkomst=None, lessen=None, evaluatie_url=None, contact_rol=None)
    for index, row in acts.iterrows():
        draw = rng.random(), int(rng.integers(20, 400)), int(rng.integers(2, 12))
        role = f"Gemeente {names.get(row['gemeentecode'], row['gemeentecode'])}, {{}} (demo)"
        if row["type"] == "apv_verbod" and pd.Timestamp(row["start"]).date() < APV_RULING:
            acts.loc[index, ["uitkomst", "lessen", "evaluatie_url", "contact_rol"]] = [
                _APV_OUTCOME
                + ("" if row["gemeentecode"] == "GM0599" else "; demo: daarna niet meer gehandhaafd"),
                "Demo: een lokaal verbod bleek juridisch kwetsbaar; de landelijke strafbaarstelling "
                "(1 juli 2024) gaf wel een wettelijke basis",
                APV_RULING_URL,
                role.format("juridisch adviseur openbare orde"),
            ]
            continue
        known = _DEMO_KNOWLEDGE.get(row["type"])
        if known is None or row["status"] != "afgerond" or draw[0] < 0.45:
            continue
        outcome, lesson, function = known
        acts.loc[index, ["uitkomst", "lessen", "contact_rol"]] = [
            "Demo: " + outcome.format(n=draw[1], m=draw[2]),
            "Demo: " + lesson,
            role.format(function),
        ]
    return acts


def _named_end(kind: str, start: dt.date) -> dt.date | None:
    """End of a named activity: a ban ends with the ruling or with the national law, others run 120 days."""
    if kind != "apv_verbod":
        return start + dt.timedelta(days=120)
    return APV_RULING if start < APV_RULING else CRIMINALISATION - dt.timedelta(days=1)


def follow_memberships(activities: pd.DataFrame, memberships: pd.DataFrame) -> pd.DataFrame:
    """Make demo activities follow the programme facts: an activity belongs to a programme only
    while the municipality takes part in it.

    An activity that began before the municipality joined is its own policy (``programma``
    empty), as the 2018 APV bans were. A municipality that left (``LEFT_ON``) did nothing more
    after it stopped: later activities are dropped and running ones end on the day it stopped.
    Demo activities are Veilige Steden's; physical measures in risk areas of members of
    Leefbaarheid en Veiligheid (an area-based programme) from its first year belong to that
    programme, and talks with care partners in the City Deal years of its members to the City Deal.
    """
    acts = activities.copy()
    start = pd.to_datetime(acts["start"])
    for code, stopped in LEFT_ON.items():
        own = acts["gemeentecode"] == code
        acts = acts[~(own & (start >= pd.Timestamp(stopped)))]
        start = start.loc[acts.index]
        own = acts["gemeentecode"] == code
        ends = pd.to_datetime(acts["eind"])
        runs_on = own & (ends.isna() | (ends >= pd.Timestamp(stopped)))
        acts.loc[runs_on, "eind"] = stopped - dt.timedelta(days=1)
        acts.loc[runs_on & acts["status"].isin(["lopend", "gepland"]), "status"] = "afgerond"
    year = start.dt.year
    spans = memberships.set_index(["programma", "gemeentecode"])

    # The whole activity lies in the membership: from its first year to its last (open: 9999).
    last_year = pd.to_datetime(acts["eind"]).dt.year.fillna(9999).astype(int)

    def member(programme: str, code: str, first: int, last: int) -> bool:
        if (programme, code) not in spans.index:
            return False
        row = spans.loc[(programme, code)]
        end = int(row["jaar_eind"]) if pd.notna(row["jaar_eind"]) else 9999
        return int(row["jaar_start"]) <= first and last <= end

    programme = []
    for code, kind, first, last in zip(acts["gemeentecode"], acts["type"], year, last_year, strict=True):
        if kind == "fysieke_maatregel" and member("leefbaarheid_veiligheid", code, first, last):
            programme.append("leefbaarheid_veiligheid")
        elif kind == "gesprekken_partners" and member("city_deal_zorg_veiligheid", code, first, last):
            programme.append("city_deal_zorg_veiligheid")
        elif member("veilige_steden", code, first, last):
            programme.append("veilige_steden")
        else:
            programme.append(None)
    acts["programma"] = programme
    return acts.reset_index(drop=True)


# -- the whole store --------------------------------------------------------------------------------


#: Rounds of the survey (CBS Veiligheidsmonitor: every two years since 2017) that the demo fills.
SURVEY_ROUNDS = (2019, 2021, 2023, 2025)
# Shift of every municipality's share per round, in percentage points: fewer people went out in
# 2021 (Covid-19), so fewer met street harassment; later rounds return to the level before.
_SURVEY_ROUND_SHIFT = {2019: 0.0, 2021: -2.0, 2023: 0.5, 2025: 0.0}


def build_survey(rng: np.random.Generator, population: pd.DataFrame) -> pd.DataFrame:
    """Invented Veiligheidsmonitor-style figures for the demo municipalities (issue 19).

    Per municipality and round: shares who experienced street harassment and who feel unsafe in
    the neighbourhood and at night, each with a 95% margin from its invented sample size (the G4
    oversample, so their margins are smaller), and the base: inhabitants aged 15 and over (about
    84% of the population, more in student cities). Labelled as demo in ``bron`` and ``import_id``.
    """
    pop = population[population["jaar"] == population["jaar"].max()].set_index("gemeentecode")["inwoners"]
    rows = []
    for code in DEMO_MUNICIPALITIES:
        inhabitants = int(pop[code])
        student = code in reference.STUDENT_CITIES
        # Bigger and student cities: more nightlife, more street harassment (CBS's pattern).
        level = 9.0 + 2.0 * math.log10(inhabitants / 70_000) + (3.0 if student else 0.0) + rng.normal(0, 1.0)
        unsafe_level = 15.0 + 3.0 * math.log10(inhabitants / 70_000) + rng.normal(0, 1.5)
        sample = 2500 if code in reference.G4 else int(rng.integers(600, 1500))
        for year in SURVEY_ROUNDS:
            base = round(inhabitants * (0.86 if student else 0.84) * (1 - 0.006 * (2024 - year)), -2)
            figures = {}
            for name, true in (
                ("straatintimidatie", level + _SURVEY_ROUND_SHIFT[year]),
                ("onveilig_buurt", unsafe_level),
                ("onveilig_avond", unsafe_level + 11.0),
            ):
                share = min(max(true, 1.0), 99.0) / 100
                se = math.sqrt(share * (1 - share) / sample) * 1.2  # design effect of a weighted sample
                observed = min(max(share + rng.normal(0, se), 0.005), 0.99)
                figures[f"{name}_pct"] = round(100 * observed, 1)
                figures[f"{name}_marge"] = round(100 * 1.96 * se, 1)
            rows.append(
                {
                    "gemeentecode": code,
                    "jaar": year,
                    **figures,
                    "basis_aantal": int(base),
                    "basis_omschrijving": survey.DEFAULT_BASE_TEXT,
                    "bron": f"Demodata (fictief), in de stijl van de CBS Veiligheidsmonitor {year}",
                    "import_id": "demo",
                }
            )
    return pd.DataFrame(rows)


def generate_demo(
    store: Store, seed: int = 42, reports: int = 100_000, progress: Progress = _noop
) -> dict[str, int]:
    """Fill ``store`` with a deterministic demo data set of about ``reports`` reports.

    Replaces any earlier demo data; marks the store as demo. Returns the table counts.
    """
    rng = np.random.default_rng(seed)
    # Record keys (ADR 0006) come from their own stream, so adding them left every other draw,
    # and with it the demo data itself, as it was.
    key_rng = np.random.default_rng([seed, 14])
    days = _days()
    municipalities = reference.load_municipalities().set_index("gemeentecode")
    population = reference.load_population()
    pop_2024 = population[population["jaar"] == 2024].set_index("gemeentecode")["inwoners"]

    progress(0.02, "Kanalen, campagnes en risicogebieden")
    channels = build_channels(rng)
    campaigns, members, truth = build_campaigns(rng, channels)
    risk_areas, polygons = build_risk_areas()
    measures = build_measures(rng, risk_areas)
    activities = build_activities(rng, risk_areas, campaigns, members)
    # Issue 19's knowledge texts draw from their own stream: every other draw stays as it was.
    activities = add_demo_knowledge(activities, np.random.default_rng([seed, 19]))

    expected = {
        code: _expected_daily(code, int(pop_2024[code]), days, channels, campaigns, truth, rng)
        for code in DEMO_MUNICIPALITIES
    }
    total_expected = sum(e.sum() for e in expected.values())
    # Overdispersion: day-level gamma noise; then one multinomial draw gives exactly ``reports``.
    weights = np.concatenate(
        [expected[c] * rng.gamma(25, 1 / 25, size=len(days)) for c in DEMO_MUNICIPALITIES]
    )
    counts_all = (
        rng.multinomial(reports, weights / weights.sum()) if total_expected > 0 else np.zeros_like(weights)
    )
    counts = {
        code: counts_all[i * len(days) : (i + 1) * len(days)] for i, code in enumerate(DEMO_MUNICIPALITIES)
    }

    with store.transaction() as cur:
        for table in schema.DEMO_TABLES:
            store.execute(f"DELETE FROM {table}", cursor=cur)
        store.insert("channels", channels, cur)
        store.insert("campaigns", campaigns.assign(import_id="demo"), cur)
        store.insert("campaign_municipalities", members, cur)
        store.insert("demo_ground_truth", truth, cur)
        store.insert("risk_areas", risk_areas, cur)
        store.insert("risk_area_measures", measures, cur)
        store.insert("activities", activities, cur)
        # Its own random stream, so the survey left every other draw of the demo as it was.
        store.insert("survey_indicators", build_survey(np.random.default_rng([seed, 19]), population), cur)
        for i, code in enumerate(DEMO_MUNICIPALITIES):
            progress(
                0.05 + 0.85 * i / len(DEMO_MUNICIPALITIES),
                f"Meldingen voor {municipalities.loc[code, 'weergavenaam']}",
            )
            places = [p for p in PLACES if p.gemeentecode == code]
            centre = (float(municipalities.loc[code, "lat"]), float(municipalities.loc[code, "lon"]))
            points = _location_points(code, centre, int(pop_2024[code]), places, polygons, rng)
            points["wijkcode"] = _assign_wijken(points)
            frame = _reports_for(code, counts[code], days, points, channels, rng)
            frame["record_key"] = key_rng.integers(0, schema.RECORD_KEY_MODULUS, size=len(frame))
            # Generated rows are valid by construction; schema validation of 10M rows is skipped.
            store.insert("reports", frame, cur, validate=False)
        progress(0.92, "Samenvattingen berekenen")
        store.rebuild_aggregates(cursor=cur)
        store.set_meta("demo", "ja", cur)
        store.set_meta("demo_seed", str(seed), cur)
    progress(1.0, "Klaar")
    return store.table_counts()


def build_default_store(progress: Progress = _noop) -> None:
    """Build the embedded demo store ``data/vsdash.duckdb`` (``VSDASH_DEMO_REPORTS`` reports).

    Written under a temporary name and renamed when complete, so the file appears whole or not
    at all (a server stopped half-way builds again on its next start).
    """
    from pathlib import Path

    tmp = PROJECT_ROOT / "data" / "vsdash.building.duckdb"
    for leftover in (tmp, Path(f"{tmp}.wal")):
        leftover.unlink(missing_ok=True)
    building = Store(f"duckdb:///{tmp}")
    generate_demo(building, reports=demo_reports(), progress=progress)
    building.close()
    tmp.rename(PROJECT_ROOT / "data" / "vsdash.duckdb")
