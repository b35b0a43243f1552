"""Turn Problems into text for people: the one place that formats them.

``text`` is yamllint's format, ``file:line:column: [level] message (field)``;
``github`` is GitHub Actions' workflow commands, which annotate the lines of
a pull request.

Whatever a message echoes from a profile (a value, a field name, a file
name) is shown with its invisible characters written as escapes (``\\x1b``),
so that nothing in a profile can move the cursor, erase a line, change
colours or reverse the text of the report; and a long value is cut short.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from builder.i18n import translator
from builder.load.characters import visible
from builder.problems import Problem

FORMATS = ("text", "github")
#: How much of a value a message echoes; the rest is shown as "…".
ECHO_CHARACTERS = 200


def format_problems(problems: Iterable[Problem], fmt: str = "text", lang: str = "en") -> str:
    """One line per problem, in ``fmt`` ("text" or "github"), with messages in ``lang``."""
    translate = translator(lang)
    line = _github_line if fmt == "github" else _text_line
    return "\n".join(line(p, translate) for p in problems)


def _message(p: Problem, translate: Callable[[str], str]) -> str:
    return translate(p.message).format(**{name: _echo(value) for name, value in p.args})


def _echo(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    if len(value) > ECHO_CHARACTERS:
        value = value[:ECHO_CHARACTERS] + "…"
    return visible(value)


def _text_line(p: Problem, translate: Callable[[str], str]) -> str:
    field = f" ({visible(p.field)})" if p.field else ""
    where = f"{visible(p.file)}:{p.line}:{p.column}"
    return f"{where}: [{p.level.value}] {_message(p, translate)}{field}"


def _github_line(p: Problem, translate: Callable[[str], str]) -> str:
    properties = f"file={_property(p.file)},line={p.line},col={p.column}"
    if p.field:
        properties += f",title={_property(p.field)}"
    return f"::{p.level.value} {properties}::{_data(_message(p, translate))}"


def _data(text: str) -> str:
    """Escape a workflow command's message, as GitHub's toolkit (``escapeData``) does."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """Escape a workflow command's property (``escapeProperty``): also ``:`` and ``,``."""
    return _data(visible(text)).replace(":", "%3A").replace(",", "%2C")
