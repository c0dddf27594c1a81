"""The pages of the app, in menu order: file, label key, icon and URL path (one list for the
router and for the tests)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageSpec:
    file: str
    label_key: str
    icon: str
    url_path: str


PAGES = (
    PageSpec("pages/overzicht.py", "nav_overview", ":material/dashboard:", "overzicht"),
    PageSpec("pages/meldingen.py", "nav_reports", ":material/campaign:", "meldingen"),
    PageSpec("pages/campagnes.py", "nav_campaigns", ":material/timeline:", "campagnes"),
    PageSpec("pages/kaart.py", "nav_map", ":material/map:", "kaart"),
    PageSpec("pages/activiteiten.py", "nav_activities", ":material/event_note:", "activiteiten"),
    PageSpec("pages/vergelijken.py", "nav_compare", ":material/compare_arrows:", "vergelijken"),
    PageSpec("pages/programma.py", "nav_programme", ":material/account_balance:", "programma"),
    PageSpec("pages/presenteren.py", "nav_present", ":material/co_present:", "presenteren"),
    PageSpec("pages/gegevens.py", "nav_data", ":material/upload_file:", "gegevens"),
)
