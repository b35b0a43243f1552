"""Render a generated page's Markdown to HTML without parsing its HTML again.

A generated page (``site/templates/*.md.j2``) is Markdown of one shape:
headings (``# Title``, ``## Section { #id }``), each after a blank line,
and between them raw HTML blocks. Any Markdown engine builds it as it is,
but a Markdown parser spends most of its time reading the HTML only to
pass it through. An engine adapter that wants speed renders the page here
instead: the headings as Python-Markdown's ``toc`` and ``attr_list`` would
(the same ids, and the table of contents), the HTML as it is.
``tests/test_sections.py`` checks that the two give the same page.
"""

from __future__ import annotations

import html
import re
from typing import Any

from markdown.extensions.toc import slugify, unique

_HEADING = re.compile(r"(#{1,6}) +(.*?)(?: +\{ *#([A-Za-z][\w-]*) *\})? *")
_SAFE_TEXT = re.compile(r"[^<>]*")  # a heading's text is escaped: no tags in it


def render(markdown: str) -> tuple[str, list[dict[str, Any]]] | None:
    """The page's HTML and its table of contents (``toc_tokens``, as Python-Markdown gives
    them), or None if the page is not of the shape this reads."""
    headings: list[tuple[int, str, str | None]] = []
    parts: list[list[str]] = [[]]
    previous = ""
    for line in markdown.split("\n"):
        # Inside an HTML block no line follows a blank one, so a line that
        # starts with "#" there is text, never a heading.
        found = _HEADING.fullmatch(line) if not previous.strip() else None
        if found:
            if not _SAFE_TEXT.fullmatch(found.group(2)):
                return None
            headings.append((len(found.group(1)), found.group(2), found.group(3)))
            parts.append([])
        elif line.startswith("#") and not previous.strip():
            return None
        else:
            parts[-1].append(line)
        previous = line
    used = {given for _level, _text, given in headings if given}
    out = ["\n".join(parts[0]).strip("\n")]
    tokens: list[dict[str, Any]] = []
    for (level, text, given), part in zip(headings, parts[1:], strict=True):
        anchor = given or unique(slugify(html.unescape(text), "-"), used)
        out.append(f'<h{level} id="{anchor}">{text}</h{level}>')
        out.append("\n".join(part).strip("\n"))
        tokens.append({"level": level, "id": anchor, "name": text, "html": text, "children": []})
    return "\n".join(part for part in out if part), _nest(tokens)


def _nest(flat: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Headings as a tree: each one holds the deeper ones after it (Python-Markdown's shape)."""
    root: list[dict[str, Any]] = []
    stack: list[dict[str, Any]] = []
    for token in flat:
        while stack and stack[-1]["level"] >= token["level"]:
            stack.pop()
        (stack[-1]["children"] if stack else root).append(token)
        stack.append(token)
    return root
