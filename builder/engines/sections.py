"""Split a generated page into its headings and its finished HTML, and join them again.

A generated page (``site/templates/*.md.j2``) is Markdown of one shape:
headings (``# Title``, ``## Section { #id }``), each after a blank line,
and between them raw HTML blocks with no blank line inside. Any Markdown
engine can build it as it is. An engine adapter that wants speed renders
only the headings, which gives it the page's title, ids and table of
contents, and puts the HTML back between them, unparsed.
"""

from __future__ import annotations

import re

_HEADING = re.compile(r"#{1,6} ")


def split(markdown: str) -> tuple[str, list[str]]:
    """The page's headings as Markdown, and the HTML before, between and after them.

    The HTML list has one more item than there are headings: what comes
    before the first heading, then what follows each one.
    """
    headings: list[str] = []
    html: list[list[str]] = [[]]
    previous = ""
    for line in markdown.split("\n"):
        # Inside an HTML block no line follows a blank one, so a line that
        # starts with "#" there is text, never a heading.
        if not previous.strip() and _HEADING.match(line):
            headings.append(line)
            html.append([])
        else:
            html[-1].append(line)
        previous = line
    return "\n\n".join(headings) + "\n", ["\n".join(part).strip("\n") for part in html]


def join(rendered_headings: str, html: list[str]) -> str | None:
    """The page's HTML: each rendered heading followed by its HTML.

    ``rendered_headings`` is what the engine made of ``split``'s headings,
    one element per line. None if it does not have one line per heading,
    so that the caller can render the whole page instead.
    """
    lines = rendered_headings.strip("\n").split("\n") if rendered_headings.strip() else []
    if len(lines) != len(html) - 1:
        return None
    parts = [html[0]] if html[0] else []
    for heading, section in zip(lines, html[1:], strict=True):
        parts.append(heading)
        if section:
            parts.append(section)
    return "\n".join(parts)
