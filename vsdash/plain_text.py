"""Show text that came from a file or a person as plain text, whatever markup it contains.

Campaign names, activity titles, risk-area names, file names and importer names are typed by
people outside the dashboard. Streamlit renders Markdown (images load, links and ``:red[...]``
render), slides and plotly render a subset of HTML, and a blank line ends an HTML block so that
what follows is Markdown again. Every such value passes through one of these functions at the
place it is shown: ``markdown`` for ``st.markdown``/``st.caption``/alerts, ``html`` for HTML
(slides, plotly labels and hover text, map tooltips), ``one_line`` for plain-text outputs
(PPTX, PDF, CSV). Our own labels from ``vsdash.i18n`` are not escaped: they are ours.
"""

from __future__ import annotations

import html as _html
import re
import unicodedata

# Every ASCII punctuation character may be backslash-escaped in CommonMark; escaping them all
# also stops GFM autolinks (www., https://), math ($), directives (:red[...]) and HTML (<).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$&\"'=^@%,;/?])")
_WHITESPACE = re.compile(r"\s+")
# GitHub-flavoured autolinks (https://..., www...., name@domain) ignore backslash escapes; a
# zero-width space where they start breaks them without changing what a reader sees.
_AUTOLINK_START = re.compile(r"(\\:)(?=\\/\\/)|(\\@)|(?<![A-Za-z0-9])(www)(?=\\\.)", re.IGNORECASE)
_ZERO_WIDTH_SPACE = "\u200b"


def one_line(value: object) -> str:
    """``value`` as one line of text: whitespace runs (newlines too) become one space, no controls."""
    if value is None:
        return ""
    text = str(value)
    text = "".join(" " if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch for ch in text)
    return _WHITESPACE.sub(" ", text).strip()


def file_stem(value: object) -> str:
    """``value`` as a file name without extension: lower case, ASCII, words joined by hyphens.

    "Meldingen per 10.000 inwoners" becomes ``meldingen-per-10-000-inwoners``; accents are dropped
    (``geëvalueerd`` → ``geevalueerd``), so the name survives any e-mail client or file system.
    """
    folded = unicodedata.normalize("NFKD", one_line(value)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9_]+", "-", folded.lower()).strip("-") or "download"


def markdown(value: object) -> str:
    """``value`` escaped for Streamlit Markdown, so it shows exactly as typed, on one line."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", one_line(value))
    return _AUTOLINK_START.sub(lambda m: m[0] + _ZERO_WIDTH_SPACE, escaped)


def html(value: object) -> str:
    """``value`` escaped for HTML (slides, plotly text, tooltips), on one line."""
    return _html.escape(one_line(value), quote=True)
