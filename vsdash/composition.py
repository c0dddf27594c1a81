"""The officer's composition of a presentation, and its form in the page's URL.

A :class:`Composition` is the ordered list of slides the officer chose, each visible or hidden,
with own titles, own text slides and speaker notes. It is immutable: every edit returns a new one.
Its visible slides are the ``Deck.slides`` that the page, the PPTX and the PDF follow.

In the URL it takes two parameters, so a copied link restores the deck:

- ``dias``: the order, comma-separated kinds; ``-`` in front hides a slide, ``tekst:N`` is the
  N-th own text slide, e.g. ``dias=kerncijfers,trend,tekst:1,-kaart,vergelijking``;
- ``diatekst``: the officer's own words (titles, text-slide bodies, notes) as ``1.`` followed by
  zlib-compressed JSON in URL-safe base64 (no character of a typed text needs escaping, and the
  link stays short). The JSON is ``{"s": {token: [title, text, notes]}}``.

Reading a link never fails: unknown slides, duplicates, missing texts and an unreadable or
oversized ``diatekst`` are left out and each is named in a notice (Dutch or English); texts
longer than the limits below are shortened, with a notice.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, replace

from pydantic import BaseModel, ConfigDict, ValidationError

from vsdash.i18n import t
from vsdash.presentation import SLIDE_KINDS, SLIDES, SlideSpec

ORDER_PARAM = "dias"
TEXT_PARAM = "diatekst"
TEXT_KIND = "tekst"
MAX_SLIDES = 24
MAX_TEXT_SLIDES = 8
MAX_TITLE = 120
MAX_BODY = 1500
MAX_NOTES = 1500
# Longest values read from a link; what is longer is not decoded at all.
MAX_ORDER_CHARS = 400
MAX_TEXT_CHARS = 16_000
MAX_JSON_BYTES = 64_000
_VERSION = "1."
_TOKEN = re.compile(r"^(-?)([a-z]+)(?::(\d{1,2}))?$")
# Control characters a person cannot have meant (tabs and newlines stay in bodies and notes).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass(frozen=True)
class Entry:
    """One slide of the composition: what it is and whether it is shown."""

    spec: SlideSpec
    hidden: bool = False


@dataclass(frozen=True)
class Composition:
    """The slides in the officer's order; hidden slides keep their place and notes."""

    entries: tuple[Entry, ...] = tuple(Entry(SlideSpec(kind)) for kind in SLIDES)

    @property
    def slides(self) -> tuple[SlideSpec, ...]:
        """The visible slides, in order: what ``Deck.slides`` holds."""
        return tuple(entry.spec for entry in self.entries if not entry.hidden)

    def missing_kinds(self) -> tuple[str, ...]:
        """The kinds of slide that can still be added (a text slide always can, up to the limit)."""
        present = {entry.spec.kind for entry in self.entries}
        return tuple(kind for kind in SLIDE_KINDS if kind != TEXT_KIND and kind not in present)

    def text_slides(self) -> int:
        """How many own text slides the composition has."""
        return sum(entry.spec.kind == TEXT_KIND for entry in self.entries)

    def move(self, index: int, by: int) -> Composition:
        """Move the slide at ``index`` by ``by`` places (stops at either end)."""
        self._check(index)
        target = min(max(index + by, 0), len(self.entries) - 1)
        entries = list(self.entries)
        entries.insert(target, entries.pop(index))
        return Composition(tuple(entries))

    def set_hidden(self, index: int, hidden: bool) -> Composition:
        """Hide or show the slide at ``index``; the last visible slide cannot be hidden."""
        self._check(index)
        if hidden and len(self.slides) <= 1 and not self.entries[index].hidden:
            raise ValueError("De laatste zichtbare dia kan niet verborgen worden.")
        return self._replace(index, replace(self.entries[index], hidden=hidden))

    def remove(self, index: int) -> Composition:
        """Take the slide at ``index`` out; the last visible slide cannot be removed."""
        self._check(index)
        if not self.entries[index].hidden and len(self.slides) <= 1:
            raise ValueError("De laatste zichtbare dia kan niet weg.")
        return Composition(self.entries[:index] + self.entries[index + 1 :])

    def add(self, kind: str, *, after: int | None = None) -> Composition:
        """Add a slide of ``kind`` (not ``tekst``: see ``add_text``) after ``after`` (default: at the end)."""
        if kind not in self.missing_kinds():
            raise ValueError(
                f"Dia {kind!r} kan niet worden toegevoegd; kies uit {', '.join(self.missing_kinds())}."
            )
        return self._insert(Entry(SlideSpec(kind)), after)

    def add_text(self, title: str, text: str, *, after: int | None = None) -> Composition:
        """Add an own text slide with ``title`` (required) and ``text`` after ``after``."""
        title, text = clean_title(title), clean_text(text)[:MAX_BODY]
        if not title:
            raise ValueError("Een eigen tekstdia heeft een titel nodig.")
        if self.text_slides() >= MAX_TEXT_SLIDES:
            raise ValueError(f"Er kunnen hoogstens {MAX_TEXT_SLIDES} eigen tekstdia's in één presentatie.")
        return self._insert(Entry(SlideSpec(TEXT_KIND, title=title[:MAX_TITLE], text=text)), after)

    def edit(
        self, index: int, *, title: str | None = None, text: str | None = None, notes: str | None = None
    ):
        """The composition with the slide at ``index`` given a new title, body or notes (None: unchanged).

        An empty title restores the default title, except on a text slide, which keeps its title.
        """
        self._check(index)
        entry = self.entries[index]
        spec = entry.spec
        changes = {}
        if title is not None:
            cleaned = clean_title(title)[:MAX_TITLE]
            if cleaned or spec.kind != TEXT_KIND:
                changes["title"] = cleaned
        if text is not None and spec.kind == TEXT_KIND:
            changes["text"] = clean_text(text)[:MAX_BODY]
        if notes is not None:
            changes["notes"] = clean_text(notes)[:MAX_NOTES]
        return self._replace(index, replace(entry, spec=replace(spec, **changes)))

    def _insert(self, entry: Entry, after: int | None) -> Composition:
        if len(self.entries) >= MAX_SLIDES:
            raise ValueError(f"Een presentatie heeft hoogstens {MAX_SLIDES} dia's.")
        at = len(self.entries) if after is None else min(max(after + 1, 0), len(self.entries))
        return Composition(self.entries[:at] + (entry,) + self.entries[at:])

    def _replace(self, index: int, entry: Entry) -> Composition:
        return Composition(self.entries[:index] + (entry,) + self.entries[index + 1 :])

    def _check(self, index: int) -> None:
        if not 0 <= index < len(self.entries):
            raise IndexError(f"no slide {index} in a composition of {len(self.entries)}")

    def tokens(self) -> tuple[str, ...]:
        """Each entry's name in the URL (``trend``, ``tekst:2``), without the hidden mark."""
        names, texts = [], 0
        for entry in self.entries:
            if entry.spec.kind == TEXT_KIND:
                texts += 1
                names.append(f"{TEXT_KIND}:{texts}")
            else:
                names.append(entry.spec.kind)
        return tuple(names)

    def to_query(self) -> dict[str, str]:
        """The URL parameters of this composition; empty for the default deck (a clean link)."""
        if self == Composition():
            return {}
        order = ",".join(
            ("-" if entry.hidden else "") + token
            for entry, token in zip(self.entries, self.tokens(), strict=True)
        )
        words = {}
        for entry, token in zip(self.entries, self.tokens(), strict=True):
            spec = entry.spec
            fields = [spec.title, spec.text, spec.notes]
            while fields and not fields[-1]:
                fields.pop()
            if fields:
                words[token] = fields
        query = {ORDER_PARAM: order}
        if words:
            query[TEXT_PARAM] = _encode({"s": words})
        return query

    def key(self) -> str:
        """A short text that is equal for equal compositions (keys the caches)."""
        query = self.to_query()
        return f"{query.get(ORDER_PARAM, '')}|{query.get(TEXT_PARAM, '')}"


def clean_title(text: str) -> str:
    """A title as one line of plain text: control characters out, whitespace collapsed."""
    return " ".join(_CONTROL.sub(" ", str(text)).split())


def clean_text(text: str) -> str:
    """A body or notes as plain text: control characters out (newlines kept), ends trimmed."""
    return _CONTROL.sub("", str(text).replace("\r\n", "\n").replace("\r", "\n")).strip()


def _encode(payload: dict) -> str:
    raw = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return _VERSION + base64.urlsafe_b64encode(zlib.compress(raw, 9)).decode("ascii").rstrip("=")


class _Payload(BaseModel):
    """The decoded ``diatekst``: per slide token its title, body and notes (trailing ones optional)."""

    model_config = ConfigDict(extra="ignore")
    s: dict[str, list[str]] = {}


def _decode(value: str) -> dict[str, list[str]]:
    """The words in ``diatekst``; raises ValueError when the value cannot be read."""
    if len(value) > MAX_TEXT_CHARS:
        raise ValueError("too long")
    if not value.startswith(_VERSION):
        raise ValueError("unknown version")
    body = value[len(_VERSION) :]
    try:
        packed = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
        inflater = zlib.decompressobj()
        raw = inflater.decompress(packed, MAX_JSON_BYTES)
        if inflater.unconsumed_tail:
            raise ValueError("too long once unpacked")
        return _Payload.model_validate(json.loads(raw.decode("utf-8"))).s
    except (binascii.Error, zlib.error, UnicodeDecodeError, json.JSONDecodeError, ValidationError) as exc:
        raise ValueError(str(exc)) from exc


def _first(params: Mapping, name: str) -> str:
    value = params.get(name, "")
    if isinstance(value, (list, tuple)):
        value = value[-1] if value else ""
    return str(value or "")


def from_query(params: Mapping, lang: str = "nl") -> tuple[Composition, tuple[str, ...]]:
    """Read a composition from URL parameters; return it and the notices about what was left out.

    Without ``dias`` the default deck is returned (own titles and notes in ``diatekst`` still
    apply). Never raises on what a link holds.
    """
    notices: list[str] = []
    order = _first(params, ORDER_PARAM).strip()
    words: dict[str, list[str]] = {}
    packed = _first(params, TEXT_PARAM).strip()
    if packed:
        try:
            words = _decode(packed)
        except ValueError:
            notices.append(t("compose_bad_texts", lang))
    if len(order) > MAX_ORDER_CHARS:
        notices.append(t("compose_order_too_long", lang, n=MAX_ORDER_CHARS))
        order = ""
    tokens = [part.strip() for part in order.split(",") if part.strip()] if order else [*SLIDES]
    entries: list[Entry] = []
    seen: set[str] = set()
    shortened = False
    for raw in tokens:
        match = _TOKEN.match(raw)
        if not match or match.group(2) not in SLIDE_KINDS:
            notices.append(t("compose_unknown_slide", lang, dia=raw[:40], keuze=", ".join(SLIDE_KINDS)))
            continue
        hidden, kind, number = bool(match.group(1)), match.group(2), match.group(3)
        if (kind == TEXT_KIND) != (number is not None):
            notices.append(t("compose_unknown_slide", lang, dia=raw[:40], keuze=", ".join(SLIDE_KINDS)))
            continue
        token = f"{kind}:{int(number)}" if number is not None else kind
        if token in seen:
            notices.append(t("compose_duplicate_slide", lang, dia=token))
            continue
        if len(entries) >= MAX_SLIDES or (kind == TEXT_KIND and number and int(number) > MAX_TEXT_SLIDES):
            notices.append(t("compose_too_many", lang, dia=token, n=MAX_SLIDES, m=MAX_TEXT_SLIDES))
            continue
        seen.add(token)
        fields = [*words.get(token, []), "", "", ""][:3]
        title, text, notes = clean_title(fields[0]), clean_text(fields[1]), clean_text(fields[2])
        if kind == TEXT_KIND and not title:
            notices.append(t("compose_text_missing", lang, dia=token))
            continue
        if len(title) > MAX_TITLE or len(text) > MAX_BODY or len(notes) > MAX_NOTES:
            shortened = True
        spec = SlideSpec(
            kind,
            title=title[:MAX_TITLE],
            text=text[:MAX_BODY] if kind == TEXT_KIND else "",
            notes=notes[:MAX_NOTES],
        )
        entries.append(Entry(spec, hidden))
    if shortened:
        notices.append(t("compose_shortened", lang, titel=MAX_TITLE, tekst=MAX_BODY))
    if not any(not entry.hidden for entry in entries):
        if order:
            notices.append(t("compose_nothing_left", lang))
        return Composition(), tuple(notices)
    return Composition(tuple(entries)), tuple(notices)
