"""Parse a profile's text into a YAML node tree, explaining in plain words what stops YAML.

Before the parser runs, the text is checked for what YAML forbids: tabs,
invisible control characters, and nesting deep enough to crash the parser.
The parser's own errors are matched to advice for staff, pointing at the
place where the trouble started. Nothing here raises on bad input: every
failure is a Problem.
"""

from __future__ import annotations

from typing import Any

import yaml

from builder.i18n import N_
from builder.load.characters import FORBIDDEN_IN_FILE, code, forbidden_message
from builder.load.source_map import LineIndex, Position
from builder.problems import Problem, problem


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's loader (about 18 times faster), or else PyYAML's own.

    Unquoted values are resolved by ``yaml_nodes._resolve_plain``, never by YAML's
    tags, so the composer's tag resolving is skipped.
    """

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        return ""


LOADER: Any = _Loader

# A profile is three levels deep (checks.ciw.number). Much deeper is a mistake
# or an attack: libyaml's composer recurses, and crashes near 50,000 levels.
MAX_DEPTH = 20
# A profile has about 300 YAML events (each value, list and group starts one).
# A file with many times that is not a profile, and reading it all would only
# make check slow: it is refused after this many.
MAX_EVENTS = 20_000
# A file with fewer brackets, dashes, commas and lines than this can neither
# nest deeply nor hold many values, so the scan is skipped for every normal profile.
_SCAN_FROM = 1000


def parse(
    text: str, display: str, lines: LineIndex
) -> tuple[yaml.MappingNode | None, list[Problem]]:
    """The node tree of ``text`` if it holds fields, and the problems; ``display`` names it.

    ``lines`` is the ``LineIndex`` of ``text``, which places YAML's marks.
    """
    parser = _Parser(text, display, lines)
    return parser.parse(), parser.problems


class _Parser:
    """Composes the text of one file into YAML nodes, collecting problems."""

    def __init__(self, text: str, display: str, lines: LineIndex) -> None:
        self.text, self.display, self.lines = text, display, lines
        self.problems: list[Problem] = []

    def _mark(self, mark: Any) -> Position:
        # By offset, not by YAML's own line count: see source_map.
        return self.lines.position(mark.index)

    def _add(self, at: Position, message: str, **args: Any) -> None:
        self.problems.append(problem(self.display, *at, message, **args))

    def parse(self) -> yaml.MappingNode | None:
        tab_lines = self._scan_tabs()
        # YAML would refuse most of these, read the rest as line breaks, and
        # say nothing helpful either way.
        control = FORBIDDEN_IN_FILE.search(self.text)
        if control:
            char = control.group()[0]
            self._add(
                self.lines.position(control.start()), forbidden_message(char), code=code(char)
            )
            return None
        try:
            root = None if self._too_much() else yaml.compose(self.text, Loader=LOADER)
        except yaml.MarkedYAMLError as error:
            self._syntax_error(error, tab_lines)
        except yaml.YAMLError:
            self._add((1, 1), N_("YAML cannot read this file; look for odd characters"))
        except RecursionError:  # the pure-Python loader only: see _too_much for libyaml
            self._add((1, 1), TOO_DEEP, depth=MAX_DEPTH)
        else:
            if root is None and not self.problems:
                self._add((1, 1), N_("the file is empty: it has no fields"))
            elif isinstance(root, yaml.MappingNode):
                return root
            elif root is not None:
                message = N_('the file should hold fields, one per line, like "name: Bryn Care"')
                self._add(self._mark(root.start_mark), message)
        return None

    def _scan_tabs(self) -> set[int]:
        """Report the first tab on each line: YAML forbids tabs for indenting."""
        if "\t" not in self.text:
            return set()
        lines = self.text.split("\n")
        found = {number: line.find("\t") for number, line in enumerate(lines, 1)}
        tab_lines = {number for number, column in found.items() if column >= 0}
        for number in sorted(tab_lines):
            at = (number, found[number] + 1)
            self._add(at, N_("there is a tab character here; use spaces instead"))
        return tab_lines

    def _too_much(self) -> bool:
        """Report nesting deeper than ``MAX_DEPTH``, or more than ``MAX_EVENTS`` events,
        before the composer (which recurses, and builds every node) sees the text."""
        text = self.text
        marks = sum(text.count(mark) for mark in ("[", "{", "- ", "?", ",", "\n"))
        if marks < _SCAN_FROM:
            return False
        depth = 0
        for count, event in enumerate(yaml.parse(text, Loader=LOADER)):  # without recursion
            if count > MAX_EVENTS:
                self._add(self._mark(event.start_mark), _TOO_MANY, count=MAX_EVENTS)
                return True
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    self._add(self._mark(event.start_mark), TOO_DEEP, depth=MAX_DEPTH)
                    return True
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
        return False

    def _syntax_error(self, error: yaml.MarkedYAMLError, tab_lines: set[int]) -> None:
        # For something left open (a quote, a bracket, a key without its colon)
        # the parser notices only later; the place it was opened is more useful.
        context = error.context or ""
        opened = any(word in context for word in ("simple key", "quoted scalar", "flow"))
        mark = error.context_mark if opened else error.problem_mark
        mark = mark or error.problem_mark or error.context_mark
        if mark is None or self._mark(mark)[0] in tab_lines:  # the tab problem says it better
            return
        words = f"{error.problem or ''} {context}"
        message = next((m for pattern, m in _SYNTAX_MESSAGES if pattern in words), _SYNTAX_DEFAULT)
        at = self._mark(mark)
        if self.text[mark.index - 1 : mark.index] in ("'", '"') and not opened:
            message, at = self._quote_problem(mark.index, at)
        self._add(at, message, detail=(error.problem or "").strip())

    def _quote_problem(self, index: int, at: Position) -> tuple[str, Position]:
        """Text in quotes ended just before the parser failed: too early, or too late?"""
        quoted = None
        try:
            for token in yaml.scan(self.text, Loader=LOADER):
                if isinstance(token, yaml.ScalarToken) and token.end_mark.index == index:
                    quoted = token
        except yaml.YAMLError:
            pass  # the scan stops at the same error; the token before it is what we need
        if quoted is not None and self._mark(quoted.start_mark)[0] < self._mark(quoted.end_mark)[0]:
            # An unclosed quote runs on until the next quote mark, lines later.
            message = N_("this quote mark is not closed on its line; add the closing quote mark")
            return message, self._mark(quoted.start_mark)
        return _QUOTE_ENDS_EARLY, at


_TOO_MANY = N_(
    "the file has more than {count} values by this line, and a whole profile has about 300; "
    "is it the right file?"
)
TOO_DEEP = N_("the fields are nested more than {depth} levels deep; a profile needs only 3")
_SYNTAX_DEFAULT = N_(
    "YAML cannot read this line ({detail}); check the colons, quotes and indentation near here"
)
_QUOTE_ENDS_EARLY = N_(
    "the quote mark before this ends the text too early; "
    'put text with an apostrophe in "double quotes"'
)
_INDENTATION = N_("the indentation is wrong near here: fields in the same group must line up")
_NEEDS_QUOTES = N_("a value cannot start with this character unless it is in quotes; add quotes")
# The parser's own words, matched to plain advice; libyaml and PyYAML word them alike.
_SYNTAX_MESSAGES = (
    (
        "mapping values are not allowed",
        N_('YAML cannot read this colon: put text that has ": " in quotes, or check the indenting'),
    ),
    ("could not find expected ':'", N_("a field is missing its colon, or a line is misaligned")),
    ("did not find expected key", _INDENTATION),
    ("expected <block end>", _INDENTATION),
    ("expected '-'", N_("the indentation is wrong near here: items in a list must line up")),
    ("unknown escape", N_("a backslash (\\) in double quotes cannot be read; use single quotes")),
    ("quoted scalar", N_("a quote mark is not closed; check that every \" and ' has a partner")),
    ("expected ',' or ']'", N_("a list in square brackets is not closed, or an item needs quotes")),
    ("expected ',' or '}'", N_("a group in curly brackets is not closed, or a value needs quotes")),
    ("alias", _NEEDS_QUOTES),
    ("anchor", _NEEDS_QUOTES),
    ("cannot start any token", _NEEDS_QUOTES),
    (
        "single document",
        N_('the file has a second "---" line; a profile is one part, so remove it'),
    ),
)
