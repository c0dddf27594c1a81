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
    PageSpec("pages/presenteren.py", "nav_present", ":material/co_present:", "presenteren"),
)
