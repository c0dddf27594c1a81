"""Shared widgets: a chart with its text alternative and a "Toon als tabel" switch, key figures,
and a guard that turns an unexpected error in one part of a page into a Dutch message."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from collections.abc import Iterator
from typing import TYPE_CHECKING
from urllib.parse import quote

import pandas as pd
import streamlit as st

from vsdash import plain_text, privacy, spreadsheets
from vsdash.i18n import t

if TYPE_CHECKING:  # plotly is imported by the pages that draw a ChartSpec, not by the first page
    from vsdash.charts import ChartSpec

log = logging.getLogger("vsdash")

# Names from files shown in Markdown: one escape function for every page (vsdash.plain_text).
plain_markdown = plain_text.markdown


def show_chart(spec: ChartSpec, key: str, lang: str, *, controls: bool = True, **kwargs) -> object:
    """Draw a chart with its one-sentence alt text, its data as a table on request, and downloads.

    Every chart passes here, so this is where WCAG applies to all of them at once: the figure is
    made to read in ``lang`` (decimal marks, Dutch month names), the alt text is both the chart's
    accessible name and a visible caption, and the "Toon als tabel" switch (keyboard: Tab, Space)
    shows the same data, further panels included. The modebar's camera button saves the chart as
    PNG (rendered in the browser, works offline); the table behind it (already privacy-applied)
    downloads as CSV and XLSX. ``controls=False`` leaves out the switch, the downloads
    and the modebar (presentation slides).
    """
    if not spec.alt or spec.table is None:
        raise ValueError(f"chart {key!r} has no text alternative or table; every chart needs both")
    figure = spec.for_drawing(lang)  # localised, and converted for plotly.js once per spec
    config = {"displaylogo": False, "toImageButtonOptions": {"format": "png", "filename": key, "scale": 2}}
    if not controls:
        config["displayModeBar"] = False  # a slide shows the chart, not plotly's toolbar (issue 18)
    event = st.plotly_chart(figure, key=key, alt=spec.alt, config=config, **kwargs)
    st.caption(plain_text.markdown(spec.alt))  # the alt text names campaigns: plain text
    if not controls:
        return event
    table_switch(spec.table, spec.more_tables, key, lang, title=spec.alt)
    return event


def show_static_chart(
    chart, key: str, lang: str, *, page: str | None = None, link: str = "", downloads: bool = True
) -> None:
    """Draw a server-side SVG chart (``vsdash.charts.StaticChart``) as ``show_chart`` draws a plotly one.

    The SVG is an image (``<img alt=...>``, a data URL: a script inside it would not run), as wide
    as its column and sharp at any size; a chart with a narrow layout (``narrow_svg``) shows that
    one in a column narrower than ``frame.NARROW_CHART_PX``, so its text stays readable on a phone; the alt text is its accessible name and a visible caption;
    the "Toon als tabel" switch and the downloads are the same as under a plotly chart. ``page``
    and ``link`` add a link to the page that shows the chart interactively (hover values, zoom).
    ``downloads=False`` leaves the table's downloads to the page's ``downloads_panel``.
    """
    if not chart.alt or chart.table is None:
        raise ValueError(f"chart {key!r} has no text alternative or table; every chart needs both")
    if chart.draw_narrow is None:
        st.image(chart.svg, alt=chart.alt, width="stretch")
    else:
        # Both layouts are sent; the frame's CSS (``frame.STYLE``, a container query on the chart's
        # own width) shows one and removes the other from the page and its accessibility tree.
        with st.container(key=f"vs_chart_{key}"):
            with st.container(key=f"vs_wide_{key}"):
                st.image(chart.svg, alt=chart.alt, width="stretch")
            with st.container(key=f"vs_narrow_{key}"):
                st.image(chart.narrow_svg, alt=chart.alt, width="stretch")
    st.caption(plain_text.markdown(chart.alt))  # the alt text names campaigns: plain text
    if page:
        st.page_link(page, label=link, icon=":material/bar_chart:")
    table_switch(chart.table, chart.more_tables, key, lang, title=chart.alt, downloads=downloads)


def table_switch_key(key: str) -> str:
    """The widget key of the "Toon als tabel" switch of the chart or map drawn with ``key``."""
    return f"{key}__table"


def table_switch(
    table: pd.DataFrame,
    more_tables: dict[str, pd.DataFrame],
    key: str,
    lang: str,
    *,
    title: str = "",
    downloads: bool = True,
) -> None:
    """The "Toon als tabel" switch under a chart or map, with CSV and XLSX downloads of the table.

    One label and one key pattern everywhere; the table arrives privacy-applied and the
    downloads write its numbers as numbers and neutralise formulas (``vsdash.spreadsheets``).
    The download buttons name the figure (``download_name``), so no two on a page read the same.

    ``title`` (the chart's text alternative) heads the downloads' "Toelichting" sheet.
    ``downloads=False`` leaves the buttons to a page's grouped ``downloads_panel``.

    ``key`` is the chart's or map's own key; tests and the browser check rely on the pair
    (figure ``key``, switch ``key + "__table"``) to find every figure's alternative.
    """
    # One row that wraps instead of three fixed columns: narrow columns cut the labels to "C…"/"E…".
    with st.container(horizontal=True, vertical_alignment="center"):
        wanted = st.toggle(t("show_as_table", lang), key=table_switch_key(key))
        if downloads:
            download_buttons(table, more_tables, key, lang, title=title)
    if wanted:
        show_table(table)
        for caption, extra in more_tables.items():
            st.markdown(f"**{caption}**")
            show_table(extra)


def download_buttons(
    table: pd.DataFrame, more_tables: dict[str, pd.DataFrame], key: str, lang: str, *, title: str = ""
) -> None:
    """The CSV and XLSX download buttons of the figure drawn with ``key``; files built on click."""
    about = sheet_about(title or key, lang)  # the chart's alt text says what the table holds
    name = download_name(key, lang)
    st.download_button(
        t("download_csv", lang, naam=name),
        data=lambda: spreadsheets.table_csv_bytes(table, about=about),
        file_name=f"{plain_text.file_stem(name)}.csv",
        mime="text/csv",
        key=f"{key}__csv",
        on_click="ignore",
        icon=":material/download:",
        help=t("download_table_help", lang),
    )
    st.download_button(
        t("download_xlsx", lang, naam=name),
        data=lambda: spreadsheets.table_xlsx_bytes(table, name, about=about, more=more_tables),
        file_name=f"{plain_text.file_stem(name)}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"{key}__xlsx",
        on_click="ignore",
        icon=":material/download:",
        help=t("download_table_help", lang),
    )


def downloads_panel(figures: list[tuple], lang: str, key: str) -> None:
    """One "Downloads" expander for a page's tables; the buttons are drawn only once it is opened.

    ``figures`` holds ``(table, more_tables, key, title)`` per figure, in the page's order. Every
    download button (with its tooltip) is a widget the browser redraws on each run of the page:
    on Overzicht six of them, redrawn at every filter change by every reader, though few readers
    download. Closed, the expander is one element; opening it reruns the page (``on_change``) and
    draws the same named buttons as ``table_switch`` would (benchmarks/RESULTS.md, "Five
    concurrent sessions").
    """
    box = st.expander(t("downloads_panel", lang), icon=":material/download:", key=key, on_change="rerun")
    if not box.open:
        return
    with box:
        st.caption(t("downloads_panel_help", lang))
        for table, more_tables, figure_key, title in figures:
            with st.container(horizontal=True, vertical_alignment="center"):
                download_buttons(table, more_tables, figure_key, lang, title=title)


def download_name(key: str, lang: str) -> str:
    """The short name of the chart or map drawn with ``key``, as its download buttons say it.

    Every figure's downloads name it ("CSV: meldingen per soort"): a page has several, and buttons
    that all read "CSV" are one accessible name for different tables. The names live in
    ``vsdash.i18n`` as ``download_name_<key>``; a figure without one fails its page's AppTest.
    """
    return t(f"download_name_{key}", lang)


def council_letter_button(deck, file_stem: str, lang: str) -> None:
    """The download of the council letter (.docx) for ``deck``, built only when it is clicked."""
    from vsdash import council_letter

    st.download_button(
        t("present_download_letter", lang),
        data=lambda: council_letter.council_letter_docx(deck),
        file_name=f"{file_stem}-{t('file_council_letter', lang)}.docx",
        mime=council_letter.MIME,
        key="dia_summary_docx",
        on_click="ignore",
    )


def sheet_about(title: str, lang: str) -> spreadsheets.About:
    """What a page's download is about: the sidebar's selection and period, and the demo flag."""
    from vsdash.ui import cached

    sel = st.session_state.get("_selection")
    if sel is None:  # a widget drawn outside the frame (tests of one part): no selection to name
        return spreadsheets.About(title, lang=lang, source=t("sheet_source_default", lang))
    return spreadsheets.About.of(
        title,
        selection=sel.label,
        start=sel.start,
        end=sel.end,
        demo=cached.is_demo(sel.url, sel.version),
        lang=lang,
    )


def _is_date_column(values: pd.Series) -> bool:
    if pd.api.types.is_datetime64_any_dtype(values):
        return True
    present = values.dropna()
    return not present.empty and all(isinstance(v, dt.date) for v in present)


def show_table(table: pd.DataFrame) -> None:
    """A chart's table with dates written the Dutch way (12-03-2023), still sortable as dates."""
    dates = {
        col: st.column_config.DateColumn(col, format="DD-MM-YYYY")
        for col in table.columns
        if _is_date_column(table[col])
    }
    # The table's CSV download exports cells as shown: no cell may start a spreadsheet formula.
    st.dataframe(
        privacy.safe_export_frame(table), hide_index=True, width="stretch", column_config=dates or None
    )


def share_link(lang: str, where=None, key: str = "share_link") -> None:
    """Show the current page's address with every filter in it, to copy and share.

    Call it after the page has run, so parameters a page sets itself (``campagne``) are in it.
    ``where`` is a container (default: the main area), e.g. ``st.sidebar``; ``key`` keeps the
    open state of its expander (one key per place it is drawn).

    The link is drawn only once the reader opens the expander (a rerun): ``st.code`` and its copy
    button make the browser load and run Streamlit's 1.5 MB syntax highlighter, about 0.5 s of a
    first visit's processor time (benchmarks/RESULTS.md, "First page: where the seconds go").
    """
    where = where or st.container()
    with where:
        box = st.expander(t("share_link", lang), icon=":material/link:", key=key, on_change="rerun")
    if not box.open:
        return
    path = st.context.url.split("?")[0] if st.context.url else ""
    query = "&".join(f"{name}={quote(str(value))}" for name, value in st.query_params.to_dict().items())
    with box:
        st.caption(t("share_link_help", lang))
        st.code(f"{path}?{query}" if query else path, language=None, wrap_lines=True)


@contextlib.contextmanager
def section_guard(lang: str, what: str) -> Iterator[None]:
    """Show a Dutch message instead of a traceback when a part of a page fails; log the details."""
    try:
        yield
    except Exception as exc:  # noqa: BLE001 - never show a traceback to users; the log keeps it
        log.exception("section %s failed", what)
        st.error(t("error_generic", lang, kind=f"{what}: {type(exc).__name__}"))
