"""Dutch (default) and English labels for every text the dashboard shows.

All user-facing text lives here, keyed by a short id. ``t(key, lang, **values)`` formats it.
Numbers and dates are formatted per language by ``fmt_number``/``fmt_date`` (Dutch: 1.234,5 and
12 maart 2023).
"""

from __future__ import annotations

import datetime as dt
import math

LANGS = ("nl", "en")
DEFAULT_LANG = "nl"

LABELS: dict[str, dict[str, str]] = {
    # --- frame -----------------------------------------------------------------------------
    "app_title": {"nl": "Veilige Steden: dashboard", "en": "Safe Cities: dashboard"},
    "demo_badge": {"nl": "Demodata — fictief", "en": "Demo data — fictitious"},
    "demo_badge_help": {
        "nl": "Deze cijfers zijn door de computer gemaakt om het dashboard te tonen. Ze gaan niet over echte meldingen.",
        "en": "These figures were generated to demonstrate the dashboard. They are not real reports.",
    },
    "all_municipalities": {"nl": "Alle gemeenten", "en": "All municipalities"},
    # --- effects ---------------------------------------------------------------------------

    # --- privacy and map -------------------------------------------------------------------
    "privacy_suppressed_legend": {
        "nl": "<{k}: minder dan {k} meldingen; het precieze aantal wordt niet getoond om melders te beschermen.",
        "en": "<{k}: fewer than {k} reports; the exact number is not shown to protect the people who reported.",
    },
    "privacy_secondary_legend": {
        "nl": "x: afgeschermd, zodat een klein aantal niet uit het totaal terug te rekenen is.",
        "en": "x: withheld, so that a small number cannot be worked out from the total.",
    },
    "privacy_rate_hidden": {
        "nl": "Geen cijfer per inwoner waar het aantal meldingen is afgeschermd.",
        "en": "No per-resident figure where the number of reports is withheld.",
    },
    "map_attribution": {"nl": "Bron: CBS, Kadaster (CC BY 4.0)", "en": "Source: CBS, Kadaster (CC BY 4.0)"},
    "map_boundaries_year": {
        "nl": "Gemeentegrenzen {gemeente_year}, wijkgrenzen {wijk_year} (vereenvoudigd).",
        "en": "Municipal boundaries {gemeente_year}, district boundaries {wijk_year} (simplified).",
    },
    "map_no_boundaries": {
        "nl": "Grenslijnen zijn niet beschikbaar; de kaart toont alleen de hexagonen.",
        "en": "Boundaries are not available; the map shows the hexagons only.",
    },
    "map_h3_resolution_note": {
        "nl": "Meldingen zijn samengevoegd in zeshoeken (H3-resolutie {res}); losse locaties worden nooit getoond.",
        "en": "Reports are grouped into hexagons (H3 resolution {res}); individual locations are never shown.",
    },

    # --- pages -----------------------------------------------------------------------------
}


def t(key: str, lang: str = DEFAULT_LANG, **values: object) -> str:
    """Return the label ``key`` in ``lang`` (falling back to Dutch), formatted with ``values``."""
    entry = LABELS.get(key)
    if entry is None:
        raise KeyError(f"no label {key!r} in vsdash.i18n.LABELS")
    text = entry.get(lang) or entry[DEFAULT_LANG]
    return text.format(**values) if values else text


MONTHS_NL = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
             "september", "oktober", "november", "december"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]


def fmt_number(value: float | int | None, lang: str = DEFAULT_LANG, decimals: int = 0) -> str:
    """Format a number the way readers of ``lang`` expect (nl: 1.234,5; en: 1,234.5)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{value:,.{decimals}f}"
    if lang == "nl":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def fmt_percent(value: float | None, lang: str = DEFAULT_LANG, decimals: int = 0, sign: bool = False) -> str:
    """Format a fraction (0.4) as a percentage (nl: 40%, en: 40%), optionally with a sign."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    prefix = "+" if sign and value > 0 else ""
    return f"{prefix}{fmt_number(value * 100, lang, decimals)}%"


def fmt_date(value: dt.date, lang: str = DEFAULT_LANG) -> str:
    """Format a date in full (nl: 12 maart 2023; en: 12 March 2023)."""
    months = MONTHS_NL if lang == "nl" else MONTHS_EN
    return f"{value.day} {months[value.month - 1]} {value.year}"
