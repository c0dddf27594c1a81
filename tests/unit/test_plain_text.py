"""Plain text for names from files: one line, Markdown and HTML escaped, autolinks broken."""

from __future__ import annotations

import pytest

from vsdash import plain_text

ZWSP = "\u200b"


@pytest.mark.parametrize(
    "value, expected",
    [
        ("Ben jij OK?", r"Ben jij OK\?"),
        ("regel 1\n\nregel 2", "regel 1 regel 2"),  # a blank line no longer ends a block
        (":red[ROOD]", r"\:red\[ROOD\]"),
        ("![x](http://h.nl/p.png)", rf"\!\[x\]\(http\:{ZWSP}\/\/h\.nl\/p\.png\)"),
        ("www.evil.nl", rf"www{ZWSP}\.evil\.nl"),
        ("jan@example.nl", rf"jan\@{ZWSP}example\.nl"),
        ("<b>vet</b> & $x$", r"\<b\>vet\<\/b\> \& \$x\$"),
        (None, ""),
    ],
)
def test_markdown_shows_names_as_typed(value, expected):
    assert plain_text.markdown(value) == expected


@pytest.mark.parametrize(
    "value, expected",
    [
        ('<a href="http://x">klik</a>', "&lt;a href=&quot;http://x&quot;&gt;klik&lt;/a&gt;"),
        ("een\n\n<p>twee", "een &lt;p&gt;twee"),
        ("tab\tnaam\u2028", "tab naam"),
    ],
)
def test_html_escapes_and_keeps_one_line(value, expected):
    assert plain_text.html(value) == expected
