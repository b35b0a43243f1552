"""Turn Problems into text for people: the one place that formats them.

``text`` is yamllint's format, ``file:line:column: [level] message (field)``;
``github`` is GitHub Actions' workflow commands, which annotate the lines of
a pull request.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from builder.i18n import translator
from builder.problems import Problem

FORMATS = ("text", "github")


def format_problems(problems: Iterable[Problem], fmt: str = "text", lang: str = "en") -> str:
    """One line per problem, in ``fmt`` ("text" or "github"), with messages in ``lang``."""
    translate = translator(lang)
    line = _github_line if fmt == "github" else _text_line
    return "\n".join(line(p, translate) for p in problems)


def _text_line(p: Problem, translate: Callable[[str], str]) -> str:
    field = f" ({p.field})" if p.field else ""
    return f"{p.file}:{p.line}:{p.column}: [{p.level.value}] {p.text(translate)}{field}"


def _github_line(p: Problem, translate: Callable[[str], str]) -> str:
    properties = f"file={_property(p.file)},line={p.line},col={p.column}"
    if p.field:
        properties += f",title={_property(p.field)}"
    return f"::{p.level.value} {properties}::{_data(p.text(translate))}"


def _data(text: str) -> str:
    """Escape a workflow command's message, as GitHub's toolkit (``escapeData``) does."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """Escape a workflow command's property (``escapeProperty``): also ``:`` and ``,``."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")
