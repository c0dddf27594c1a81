"""The frame around every page: global filters in the sidebar, mirrored in the URL, and the
demo badge.

Filter widgets live in the entrypoint with explicit keys, so their values survive page changes.
On the first run of a session the values come from the URL query string (``?gemeente=GM0363&
van=2024-01-01&tot=2024-12-31&programma=veilige_steden&taal=nl``); after every run the URL is
updated, so a copied link reproduces the view.
"""

from __future__ import annotations

import datetime as dt
import html
import sys
import time
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from vsdash import periods, publication, settings
from vsdash.i18n import LANGS, fmt_date, t
from vsdash.store import ReportFilter
from vsdash.ui import cached

ALL = "ALL"
FRAME_KEYS = ("gemeente", "van", "tot", "periode", "programma", "taal")
PRESET_KEY = "periode_keuze"


@dataclass(frozen=True)
class Selection:
    """What the user selected in the sidebar, resolved for the pages."""

    gemeente: str | None  # one CBS code, or None for all
    codes: tuple[str, ...] | None  # municipalities in scope (None = all)
    start: dt.date
    end: dt.date
    programma: str | None
    lang: str
    label: str  # e.g. "Utrecht" or "Alle gemeenten (Veilige Steden)"
    url: str
    version: str

    def report_filter(self, categories: tuple[str, ...] | None = None) -> ReportFilter:
        """The report filter for this selection."""
        return ReportFilter(self.codes, self.start, self.end, categories)


def _parse_date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _init_from_url(municipality_codes: list[str], programmes: list[str], lo: dt.date, hi: dt.date) -> None:
    """Seed the widget state from the URL once per session (a shared link restores the view)."""
    if st.session_state.get("_frame_initialised"):
        return
    params = st.query_params
    state = st.session_state
    # What the link asked for and could not be shown as asked, said on the page (_link_notices).
    notices: list[tuple[str, dict]] = []
    code = params.get("gemeente") or state.get("gemeente")
    state["gemeente"] = code if code in municipality_codes else ALL
    if params.get("gemeente") and state["gemeente"] == ALL and params.get("gemeente") != ALL:
        notices.append(("link_unknown_municipality", {"code": params.get("gemeente")}))
    prog = params.get("programma") or state.get("programma")
    state["programma"] = prog if prog in programmes else ALL
    if params.get("programma") and state["programma"] == ALL and params.get("programma") != ALL:
        notices.append(("link_unknown_programme", {"code": params.get("programma")}))
    dates_given = bool(params.get("van") or params.get("tot")) or isinstance(
        state.get("periode"), (tuple, list)
    )
    seeded = state.get("periode") if isinstance(state.get("periode"), (tuple, list)) else (None, None)
    start = _parse_date(params.get("van")) or seeded[0] or max(lo, hi - dt.timedelta(days=729))
    end = _parse_date(params.get("tot")) or (seeded[1] if len(seeded) > 1 else None) or hi
    asked = (min(start, end), max(start, end))
    outside = asked[1] < lo or asked[0] > hi
    start, end = max(min(asked[0], hi), lo), max(min(asked[1], hi), lo)
    state["periode"] = (start, end)
    lang = params.get("taal") or state.get("taal")
    state["taal"] = lang if lang in LANGS else "nl"
    preset = params.get("periode") or state.get(PRESET_KEY)
    if preset not in periods.PRESETS:
        # A link or test that names its own dates keeps them; a fresh visit gets the last 12 months.
        preset = periods.CUSTOM if dates_given else periods.DEFAULT
    if preset == periods.CUSTOM and outside:
        # A period wholly outside the data would otherwise shrink to its first or last day.
        preset = periods.DEFAULT
    state[PRESET_KEY] = preset
    if state[PRESET_KEY] != periods.CUSTOM:
        state["periode"] = periods.preset_period(state[PRESET_KEY], lo, hi, _programme_start(state))
    shown = tuple(state["periode"])
    if (params.get("van") or params.get("tot")) and not params.get("periode") and shown != asked:
        notices.append(("link_period_moved", {"asked": asked, "data": (lo, hi), "shown": shown}))
    state["_link_notices"] = notices
    st.session_state["_frame_initialised"] = True


def link_notices(lang: str) -> None:
    """Say, once, what a shared link asked for that the page does not show as asked.

    An unknown municipality or programme code, or a period outside the data: the sidebar shows
    something else, and a reader quoting the page must know it is not what the link said.
    """
    for key, values in st.session_state.pop("_link_notices", None) or []:
        if key == "link_period_moved":
            (a0, a1), (d0, d1), (s0, s1) = values["asked"], values["data"], values["shown"]
            values = {
                "asked": f"{fmt_date(a0, lang)} – {fmt_date(a1, lang)}",
                "data": f"{fmt_date(d0, lang)} – {fmt_date(d1, lang)}",
                "shown": f"{fmt_date(s0, lang)} – {fmt_date(s1, lang)}",
            }
        st.info(t(key, lang, **values), icon=":material/link:")


def _programme_start(state) -> int | None:
    """First year of the selected programme (Veilige Steden when none is selected)."""
    memberships = cached.table(settings.store_url(), cached.data_version(), "memberships")
    return _first_year(memberships, state.get("programma"))


def _first_year(memberships: pd.DataFrame, programma: str | None) -> int | None:
    programme = programma if programma not in (None, ALL) else "veilige_steden"
    years = memberships.loc[memberships["programma"] == programme, "jaar_start"]
    return int(years.min()) if not years.empty else None


def _data_span(url: str, version: str) -> tuple[dt.date, dt.date]:
    """First and last report day of the store; a store without reports spans 2019 up to today."""
    return cached.report_date_range(url, version) or (dt.date(2019, 1, 1), dt.date.today())


def default_selection(url: str, version: str, lang: str = "nl") -> Selection:
    """The selection of a first visit whose link names nothing: all municipalities, the default period.

    The sidebar resolves exactly this on a new session without URL parameters (a test holds the
    two together), so the server's warm-up (``vsdash.ui.warmup``) builds the first page's model
    under the key that page asks for.
    """
    lo, hi = _data_span(url, version)
    memberships = cached.table(url, version, "memberships")
    period = periods.preset_period(periods.DEFAULT, lo, hi, _first_year(memberships, None))
    start, end = periods.clamp(period, lo, hi)
    return Selection(None, None, start, end, None, lang, t("all_municipalities", lang), url, version)


def _apply_preset(lo: dt.date, hi: dt.date) -> None:
    """Set the period from the chosen preset (runs before the date widget is drawn)."""
    choice = st.session_state.get(PRESET_KEY, periods.CUSTOM)
    if choice != periods.CUSTOM:
        st.session_state["periode"] = periods.preset_period(
            choice, lo, hi, _programme_start(st.session_state)
        )


def _period_edited() -> None:
    """A period picked by hand is an own period: the preset no longer applies."""
    st.session_state[PRESET_KEY] = periods.CUSTOM


def render_sidebar() -> Selection:
    """Draw the global filters and return the resolved selection."""
    url = settings.store_url()
    version = cached.data_version()
    municipalities = cached.table(url, version, "municipalities")
    memberships = cached.table(url, version, "memberships")
    programmes = cached.table(url, version, "programmes")
    lo, hi = _data_span(url, version)
    relevant = set(memberships["gemeentecode"]) | set(cached.table(url, version, "channels")["gemeentecode"])
    names = municipalities.set_index("gemeentecode")["weergavenaam"].to_dict()
    _init_from_url(list(names), list(programmes["programma"]), lo, hi)
    lang = st.session_state.get("taal", "nl")

    with st.sidebar:
        st.radio(
            t("language", lang),
            LANGS,
            key="taal",
            horizontal=True,
            format_func=lambda code: {"nl": "Nederlands", "en": "English"}[code],
        )
        lang = st.session_state["taal"]
        st.subheader(t("filters", lang))
        prog_names = programmes.set_index("programma")["naam"].to_dict()
        st.selectbox(
            t("programme", lang),
            [ALL, *prog_names],
            key="programma",
            format_func=lambda p: t("all_programmes", lang) if p == ALL else prog_names[p],
        )
        programma = None if st.session_state["programma"] == ALL else st.session_state["programma"]
        in_programme = (
            set(memberships.loc[memberships["programma"] == programma, "gemeentecode"])
            if programma
            else relevant
        )
        options = sorted(
            (c for c in names if c in in_programme or c == st.session_state.get("gemeente")),
            key=lambda c: names[c],
        )
        if st.session_state.get("gemeente") not in (ALL, *options):
            st.session_state["gemeente"] = ALL
        st.selectbox(
            t("municipality", lang),
            [ALL, *options],
            key="gemeente",
            format_func=lambda c: t("all_municipalities", lang) if c == ALL else names[c],
        )
        st.selectbox(
            t("period", lang),
            periods.PRESETS,
            key=PRESET_KEY,
            format_func=lambda p: t(f"preset_{p}", lang),
            on_change=_apply_preset,
            args=(lo, hi),
        )
        st.session_state["periode"] = periods.clamp(st.session_state.get("periode"), lo, hi)
        st.date_input(
            t("period_dates", lang),
            key="periode",
            min_value=lo,
            max_value=hi,
            format="DD-MM-YYYY",
            on_change=_period_edited,
        )

    period = st.session_state["periode"]
    if not isinstance(period, (tuple, list)) or len(period) < 2:  # the user is halfway picking a range
        start = period[0] if isinstance(period, (tuple, list)) and period else lo
        period = (start, hi)
    start, end = period[0], period[1]
    gemeente = None if st.session_state["gemeente"] == ALL else st.session_state["gemeente"]
    if gemeente:
        codes: tuple[str, ...] | None = (gemeente,)
        label = names[gemeente]
    elif programma:
        # Members as they were in the period (the rate's denominator, vsdash.publication).
        codes = publication.members_in_period(memberships, programma, start, end)
        label = f"{t('all_municipalities', lang)} ({prog_names[programma]})"
    else:
        codes = None
        label = t("all_municipalities", lang)
    selection = Selection(gemeente, codes, start, end, programma, lang, label, url, version)
    _write_url(selection)
    return selection


def _write_url(sel: Selection) -> None:
    preset = st.session_state.get(PRESET_KEY, periods.CUSTOM)
    wanted = {
        "gemeente": sel.gemeente,
        "van": sel.start.isoformat(),
        "tot": sel.end.isoformat(),
        "periode": None if preset == periods.CUSTOM else preset,
        "programma": sel.programma,
        "taal": sel.lang if sel.lang != "nl" else None,
    }
    for key, value in wanted.items():
        if value is None:
            if key in st.query_params:
                del st.query_params[key]
        elif st.query_params.get(key) != value:
            st.query_params[key] = value


def use_explicit_navigation() -> None:
    """Switch off Streamlit's legacy ``pages/`` folder mode; our pages are listed in dashboard.py.

    With a ``pages/`` folder next to the entry script, Streamlit (1.67) runs a deep-linked page
    such as ``/vergelijken`` by itself, without dashboard.py: no sidebar, no badge, no
    selection. The flag below is the one Streamlit reads before every run.
    """
    from streamlit.runtime.pages_manager import PagesManager

    PagesManager.uses_pages_directory = False


def current() -> Selection:
    """The selection of this run (set by the frame before the page runs).

    When a page runs without the frame (the first deep link on a fresh server, see
    ``use_explicit_navigation``), the run is repeated through dashboard.py.
    """
    if "_selection" not in st.session_state:
        use_explicit_navigation()
        st.rerun()
    return st.session_state["_selection"]


def demo_badge(lang: str) -> None:
    """The visible "Demodata — fictief" badge shown on every page when the store holds demo data."""
    help_text, badge = html.escape(t("demo_badge_help", lang)), html.escape(t("demo_badge", lang))
    st.markdown(
        f'<div class="vs-demo-badge" role="note" title="{help_text}">'
        f"<strong>{badge}</strong>: {help_text}</div>",
        unsafe_allow_html=True,  # i18n label text only, escaped all the same; never user or file content
    )


# Badge colours: text #3d2e00 on #fff4ce is 12,0:1 and the #8a6d00 border 4,9:1 against the page
# (tests/unit/test_a11y_charts.py recomputes every ratio). The script holder is hidden so it
# takes no room; its script still runs.
BADGE_BACKGROUND = "#fff4ce"
BADGE_TEXT = "#3d2e00"
BADGE_BORDER = "#8a6d00"
FOCUS_RING = "#154273"  # the theme's primary colour, 10,2:1 on white
# Below this width of its own box a chart shows its narrow layout (``widgets.show_static_chart``):
# the wide trend (960 px drawn, 11 pt ticks) scaled to 660 px still has 10 px ticks.
NARROW_CHART_PX = 660
STYLE = f"""
<style>
.vs-demo-badge {{background: {BADGE_BACKGROUND}; color: {BADGE_TEXT}; border: 2px solid {BADGE_BORDER};
  border-radius: 6px; padding: 0.35rem 0.7rem; margin-bottom: 0.6rem; font-size: 0.95rem;}}
.stElementContainer:has(.vs-document-language) {{display: none;}}
/* A visible focus ring on everything reachable by Tab (WCAG 2.4.7): Streamlit removes the
   outline of menu links and leaves some inputs with only a faint border change. */
a:focus-visible, button:focus-visible, input:focus-visible, textarea:focus-visible,
[role="button"]:focus-visible, [role="option"]:focus-visible, [tabindex]:focus-visible {{
  outline: 3px solid {FOCUS_RING} !important; outline-offset: 2px;}}
/* A chart drawn twice (wide and narrow) shows the one that fits its own box: a phone's column
   gets the narrow layout, whose text stays readable. display: none also takes the other one out
   of the accessibility tree, so its alt text is read once. */
[class*="st-key-vs_chart_"] {{container-type: inline-size;}}
@container (max-width: {NARROW_CHART_PX - 0.02}px) {{[class*="st-key-vs_wide_"] {{display: none !important;}}}}
@container (min-width: {NARROW_CHART_PX}px) {{[class*="st-key-vs_narrow_"] {{display: none !important;}}}}
</style>
"""


def install_style() -> None:
    """CSS for the frame's own elements (badge)."""
    st.markdown(STYLE, unsafe_allow_html=True)  # constant CSS, no user content


def declare_language(lang: str) -> None:
    """Set ``<html lang>`` to the language shown, so screen readers pronounce Dutch as Dutch.

    Streamlit serves ``<html lang="en">`` whatever the content (WCAG 3.1.1). ``st.html`` runs in
    the page itself (not in an iframe), so the script reaches the document element directly; it
    runs again whenever the language changes because the element's content changes with it.
    """
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; expected one of {LANGS}")
    with st.sidebar:
        st.html(
            f'<span class="vs-document-language" data-lang="{lang}"></span>'
            f'<script>document.documentElement.lang = "{lang}";</script>',
            unsafe_allow_javascript=True,  # a constant script; lang is checked against LANGS above
        )


def municipality_names(sel: Selection) -> pd.Series:
    """Display names by CBS code."""
    return cached.table(sel.url, sel.version, "municipalities").set_index("gemeentecode")["weergavenaam"]


PRESENTATION_STYLE = """
<style>
section[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"] {display: none !important;}
.block-container, [data-testid="stMainBlockContainer"] {max-width: 100% !important;
  padding-top: 4.5rem !important; padding-left: 3rem !important; padding-right: 3rem !important;}
/* The header bar (3.75rem) lies over the page: start below it, so the demo badge is whole. */
/* The arrow icon already shows the step; Streamlit's shortcut hint would repeat it (issue 18). */
.st-key-dia_vorige kbd, .st-key-dia_volgende kbd {display: none !important;}
h1 {font-size: clamp(2rem, 3.2vw, 3.4rem) !important; line-height: 1.15 !important;}
.vs-slide-meta {font-size: clamp(1rem, 1.2vw, 1.35rem); color: #555; margin-bottom: 0;}
.vs-slide-text {font-size: clamp(1.3rem, 1.9vw, 2.1rem); line-height: 1.35;}
.vs-slide-note {font-size: clamp(1rem, 1.15vw, 1.3rem); color: #3a3a3a; line-height: 1.4;}
.vs-slide-list li {font-size: clamp(1.05rem, 1.35vw, 1.55rem); line-height: 1.4; margin-bottom: 0.45rem;}
.st-key-dia_inhoud {min-height: 64vh;}
.st-key-dia_kaartbeeld img {max-height: 62vh; width: auto !important; max-width: 100%; object-fit: contain;}
.st-key-dia_inhoud [data-testid="stMetric"] {padding-top: 8vh;}
.vs-slide-counter {text-align: center; color: #555; margin: 0;}
[data-testid="stMetricValue"] {font-size: clamp(2.4rem, 4.2vw, 4.6rem) !important; color: #0072B2;}
[data-testid="stMetricLabel"] p {font-size: clamp(1rem, 1.25vw, 1.4rem) !important;}
</style>
"""


def presentation_style() -> None:
    """CSS of presentation mode: no sidebar, full width, large type (only on the page that calls it)."""
    st.markdown(PRESENTATION_STYLE, unsafe_allow_html=True)  # constant CSS, no user content


def log_run_time(page: str, started: float) -> None:
    """Log the server time of this run when ``VSDASH_LOG_TIMINGS`` is set (see docs/settings.md)."""
    if settings.log_timings():
        elapsed = (time.perf_counter() - started) * 1000
        print(f"vsdash-run page={page} ms={elapsed:.1f} at={time.time():.3f}", file=sys.stderr, flush=True)
