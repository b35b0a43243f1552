"""Where each value of a profile is in its file: field paths and their line and column.

The loader records these positions as it reads the YAML; every later stage
uses them to give each problem a line number.

Lines are counted as editors and GitHub count them: only "\\n" ends a line.
YAML also breaks lines at U+2028, U+2029 and U+0085, so its own line numbers
would drift from what staff see after one of those; positions are worked out
here from character offsets instead.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

FieldPath = tuple[str | int, ...]
Position = tuple[int, int]
#: Where a value's source text is: its start and end offsets, and its YAML style
#: ('"' double-quoted, "'" single-quoted, "|" or ">" a block, "" plain).
Span = tuple[int, int, str]

# One escape in a double-quoted YAML scalar: \x1b, \u202e, \U0001F600, or \ and one character.
_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|[\s\S])")
_SHORT_ESCAPES = {
    **{"0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v"},
    **{"f": "\f", "r": "\r", "e": "\x1b", "N": "\x85", "_": "\xa0", "L": "\u2028"},
    "P": "\u2029",
}


class LineIndex:
    """Turns a character offset in a text into a 1-based (line, column)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts: list[int] | None = None  # found when first needed: most files need none

    def position(self, index: int) -> Position:
        """The line and column of the character at ``index``."""
        if self.starts is None:
            self.starts = [0, *(found.end() for found in re.finditer("\n", self.text))]
        line = bisect.bisect_right(self.starts, index)
        return line, index - self.starts[line - 1] + 1


@dataclass(frozen=True)
class SourceMap:
    """Where each value of a profile is in its file, by field path.

    A path is a tuple of keys and list positions, such as ``("contact",
    "phone")`` or ``("areas", 2)``; ``()`` is the whole file. Positions are
    1-based ``(line, column)``, worked out from character offsets only when
    a problem needs one.
    """

    #: Where each value starts and ends, and where its key is: offsets in ``text``.
    starts: Mapping[FieldPath, int] = field(default_factory=dict)
    ends: Mapping[FieldPath, int] = field(default_factory=dict)
    keys: Mapping[FieldPath, int] = field(default_factory=dict)
    #: Each text value's YAML style: '"' double-quoted, "'" single-quoted,
    #: "|" or ">" a block, "" plain.
    styles: Mapping[FieldPath, str] = field(default_factory=dict)
    #: The source text of unquoted values read as numbers or true/false ("22.50").
    plain: Mapping[FieldPath, str] = field(default_factory=dict)
    text: str = ""
    line_index: LineIndex = field(default_factory=lambda: LineIndex(""))

    def value(self, path: FieldPath) -> Position:
        """Where the value at ``path`` starts; for a field not in the file, its nearest parent."""
        while path and path not in self.starts:
            path = path[:-1]
        return self.line_index.position(self.starts[path]) if path in self.starts else (1, 1)

    def key(self, path: FieldPath) -> Position:
        """Where the key of ``path`` is (``phone:``); the value's position for list items."""
        if path in self.keys:
            return self.line_index.position(self.keys[path])
        return self.value(path)

    def parent(self, path: FieldPath) -> Position:
        """Where to report the missing field ``path``: the key of its parent mapping."""
        return self.key(path[:-1]) if len(path) > 1 else self.value(())

    def style(self, path: FieldPath) -> str:
        """The YAML style of the text value at ``path`` (see ``styles``); "" if none."""
        return self.styles.get(path, "")

    def find(self, path: FieldPath, needle: str) -> Position:
        """The first place ``needle`` occurs in the source of the value at ``path``."""
        if path not in self.starts:
            return self.value(path)
        found = self.text.find(needle, self.starts[path], self.ends[path])
        return self.value(path) if found < 0 else self.line_index.position(found)

    def locate(self, path: FieldPath, chars: re.Pattern[str]) -> Position:
        """Where the first character matching ``chars`` is written in the value at ``path``.

        The character may be in the file as itself or, in double quotes, as a
        YAML escape ("\\x1b", "\\u202e"); either way this is where staff see it.
        """
        if path not in self.styles:
            return self.value(path)
        span = (self.starts[path], self.ends[path], self.styles[path])
        found = locate(self.text, span, chars)
        return self.value(path) if found is None else self.line_index.position(found)


def locate(text: str, span: Span, chars: re.Pattern[str]) -> int | None:
    """The offset in ``text`` where the first character matching ``chars`` is written,
    as itself or as an escape, within the scalar at ``span``; None if it is not there."""
    start, end, style = span
    raw = chars.search(text, start, end)
    found = raw.start() if raw else end
    if style == '"':
        for escape in _ESCAPE.finditer(text, start, found):
            if chars.fullmatch(unescape(escape.group(1))):
                return escape.start()
    return found if found < end else None


def unescape(escape: str) -> str:
    """The character a YAML escape stands for, given what follows the backslash ("x1b")."""
    if len(escape) > 1:
        code = int(escape[1:], 16)
        return chr(code) if code <= 0x10FFFF else ""
    return _SHORT_ESCAPES.get(escape, escape)


def within(path: FieldPath, paths: Collection[FieldPath]) -> bool:
    """True if ``path`` or a field that holds it is in ``paths`` (a set, for speed)."""
    return any(path[:depth] in paths for depth in range(len(path) + 1))


def dotted(path: FieldPath) -> str:
    """``("areas", 2)`` -> ``areas``; ``("contact", "phone")`` -> ``contact.phone``."""
    return ".".join(part for part in path if isinstance(part, str))
