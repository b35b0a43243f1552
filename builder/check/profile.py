"""One loaded profile as the rules see it, and what a rule returns.

Every rule module imports this, and ``rules`` imports the rule modules to
register their rules, so no two modules import each other.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from builder.load.source_map import FieldPath, SourceMap, dotted
from builder.load.vocab import Vocabulary
from builder.problems import Level, Problem, problem

#: A problem with the value at a field path.
Found = tuple[FieldPath, Problem]


@dataclass(frozen=True)
class Profile:
    """One loaded profile, as the rules see it."""

    path: Path
    display: str
    data: dict[str, Any]
    source: SourceMap
    today: date
    vocab: Vocabulary

    def get(self, path: FieldPath) -> Any:
        """The value at ``path``, or None if it or a parent is missing or not a mapping."""
        value: Any = self.data
        for key in path:
            value = value.get(key) if isinstance(value, dict) else None
        return value

    def report(
        self,
        path: FieldPath,
        message: str,
        *,
        at: tuple[int, int] | None = None,
        level: Level = Level.ERROR,
        **args: Any,
    ) -> Found:
        """A problem with the value at ``path``, at its position unless ``at`` is given."""
        line, column = at or self.source.value(path)
        return path, problem(self.display, line, column, message, dotted(path), level=level, **args)


#: A rule: given one profile, the problems it finds.
Rule = Callable[[Profile], Iterator[Found]]
