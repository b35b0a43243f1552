"""Where each value of a profile is in its file: field paths and their line and column.

The loader records these positions as it reads the YAML; every later stage
uses them to give each problem a line number.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

FieldPath = tuple[str | int, ...]
Position = tuple[int, int]


@dataclass(frozen=True)
class SourceMap:
    """Where each value of a profile is in its file, by field path.

    A path is a tuple of keys and list positions, such as ``("contact",
    "phone")`` or ``("areas", 2)``; ``()`` is the whole file. Positions are
    1-based ``(line, column)``.
    """

    values: Mapping[FieldPath, Position] = field(default_factory=dict)
    keys: Mapping[FieldPath, Position] = field(default_factory=dict)
    end_lines: Mapping[FieldPath, int] = field(default_factory=dict)
    #: The source text of unquoted values read as numbers or true/false ("22.50").
    plain: Mapping[FieldPath, str] = field(default_factory=dict)
    lines: tuple[str, ...] = ()

    def value(self, path: FieldPath) -> Position:
        """Where the value at ``path`` starts; for a field not in the file, its nearest parent."""
        while path and path not in self.values:
            path = path[:-1]
        return self.values.get(path, (1, 1))

    def key(self, path: FieldPath) -> Position:
        """Where the key of ``path`` is (``phone:``); the value's position for list items."""
        return self.keys.get(path) or self.value(path)

    def parent(self, path: FieldPath) -> Position:
        """Where to report the missing field ``path``: the key of its parent mapping."""
        return self.key(path[:-1]) if len(path) > 1 else self.value(())

    def find(self, path: FieldPath, needle: str) -> Position:
        """The first place ``needle`` occurs in the source of the value at ``path``."""
        first, column = self.value(path)
        for number in range(first, self.end_lines.get(path, first) + 1):
            line = self.lines[number - 1] if number <= len(self.lines) else ""
            found = line.find(needle, column - 1 if number == first else 0)
            if found >= 0:
                return number, found + 1
        return first, column


def dotted(path: FieldPath) -> str:
    """``("areas", 2)`` -> ``areas``; ``("contact", "phone")`` -> ``contact.phone``."""
    return ".".join(part for part in path if isinstance(part, str))
