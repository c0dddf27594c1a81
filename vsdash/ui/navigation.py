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
    PageSpec("pages/kaart.py", "nav_map", ":material/map:", "kaart"),
)
