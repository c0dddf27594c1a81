"""A short plain-language summary for council members, in the style of a raadsinformatiebrief.

:func:`council_summary` turns a ``presentation.Deck`` into paragraphs: what happened
(activities, campaigns), what changed in reporting (against the same period last year, per
10,000 inhabitants, the campaign effect) and the caveats that apply, written into the text
rather than left to the reader. Counts come from the deck, so they are already privacy-applied:
a count of 1..k-1 is never written, only "minder dan k". No streamlit here.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from vsdash import plain_text
from vsdash.i18n import MINUS_SIGN, fmt_date, t, tn
from vsdash.presentation import Deck


@dataclass(frozen=True)
class CouncilSummary:
    """The summary's parts, shared by the paragraphs below and the council letter (.docx)."""

    opening: str
    done: str  # activities and campaigns
    changed: str  # reports, against the preceding period, the campaign effect
    caveats: tuple[str, ...]
    demo: str  # the demo warning, "" for real data


def council_sections(deck: Deck) -> CouncilSummary:
    """Return the summary's parts for ``deck`` (texts are plain, counts privacy-applied)."""
    lang, key = deck.lang, deck.key
    opening = t("summary_opening", lang, selectie=deck.label, periode=deck.period_text)

    done = []
    if key.activities:
        parts = ", ".join(
            f"{row.label} {row.categorie_label.lower()}" for row in deck.activities.itertuples() if row.n
        )
        done.append(tn("summary_activities", key.activities, lang, verdeling=parts))
    else:
        done.append(t("summary_no_activities", lang))
    campaigns = deck.bands  # for many municipalities: the national campaigns only (as on the trend)
    if key.campaigns:
        names = "; ".join(
            f"{c.naam} ({fmt_date(pd.Timestamp(c.start).date(), lang)} – {fmt_date(pd.Timestamp(c.eind).date(), lang)})"
            for c in campaigns.itertuples()
        )
        if key.campaigns == 1 and names:
            done.append(t("summary_campaign_one", lang, namen=names))
        else:
            done.append(tn("summary_campaigns", key.campaigns, lang, namen=names or "–"))
    else:
        done.append(t("summary_no_campaigns", lang))

    changed = []
    if not key.has_channel:
        changed.append(t("no_channel", lang, naam=deck.label))
    elif not key.total_visible:
        changed.append(t("summary_too_few", lang, k=deck.k, n=key.reports))
    else:
        changed.append(t("summary_reports", lang, n=key.reports, per10k=key.per_10k))
        if key.previous_total:
            word = "summary_more" if key.change_value > 0 else "summary_less"
            changed.append(t(word, lang, pct=key.change.lstrip("+-" + MINUS_SIGN), vorig=key.previous))
    if deck.effect is not None:
        changed.append(t("summary_effect", lang, naam=deck.effect.naam) + " " + deck.effect.sentence)
    else:
        changed.append(deck.effect_reason)
    return CouncilSummary(
        opening=opening,
        done=" ".join(done),
        changed=" ".join(changed),
        caveats=tuple(deck.caveats),
        demo=t("summary_demo", lang) if deck.is_demo else "",
    )


def council_summary(deck: Deck) -> list[str]:
    """Return the summary as paragraphs of plain text (first: the opening sentence)."""
    parts = council_sections(deck)
    paragraphs = [
        parts.opening,
        parts.done,
        parts.changed,
        t("summary_caveats_intro", deck.lang) + " " + " ".join(parts.caveats),
    ]
    return paragraphs + ([parts.demo] if parts.demo else [])


def summary_text(deck: Deck) -> str:
    """The summary as plain text with a title (the .txt download): the words as typed, no Markdown escapes.

    A .txt file is read as it is (an e-mail, a notepad): the Markdown version's backslashes would
    stand before every comma and full stop there.
    """
    title = t("summary_title", deck.lang, selectie=deck.label)
    body = "\n\n".join(council_summary(deck))
    return f"{title}\n\n{deck.period_text}\n\n{body}\n"


def summary_markdown(deck: Deck) -> str:
    """The summary as a Markdown document with a title (for download as .md or .txt)."""
    title = t("summary_title", deck.lang, selectie=deck.label)
    # The paragraphs are plain text naming campaigns: escaped, so a Markdown viewer shows them as typed.
    body = "\n\n".join(plain_text.markdown(paragraph) for paragraph in council_summary(deck))
    return f"# {title}\n\n_{deck.period_text}_\n\n{body}\n"
