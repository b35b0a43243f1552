"""The one type every stage uses to report something wrong with the input."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Level(StrEnum):
    """How serious a problem is. Errors fail the build; warnings do not."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """Something wrong in one file, at a 1-based line and column.

    ``message`` is an English template with ``{placeholders}`` filled from
    ``args``; it is also the key into the Welsh message catalogue, so that
    ``report`` can print it in either language. ``field`` is the dotted path
    of the field concerned (``contact.phone``), or "" for the whole file.
    """

    file: str
    line: int
    column: int
    level: Level = field(compare=False)
    message: str
    field: str = ""
    args: tuple[tuple[str, Any], ...] = ()

    @property
    def is_error(self) -> bool:
        return self.level is Level.ERROR

    def text(self, translate: Any = None) -> str:
        """The message with its placeholders filled, optionally translated first."""
        template = translate(self.message) if translate else self.message
        return template.format(**dict(self.args))


def problem(
    file: str,
    line: int,
    column: int,
    message: str,
    field: str = "",
    *,
    level: Level = Level.ERROR,
    **args: Any,
) -> Problem:
    """Make a Problem; keyword arguments fill the message's placeholders."""
    return Problem(file, line, column, level, message, field, tuple(sorted(args.items())))
