"""Read one profile file: bytes -> text -> YAML nodes -> plain values + a source map.

This stage knows nothing of the schema. It catches the YAML traps that a
schema cannot see, because by the time values reach the schema the trap has
already changed them: ``yes`` has become true, ``01632`` a number, and a
duplicate key has silently replaced the first. So we compose the node tree
(``yaml.compose``) and construct the values ourselves, which also gives every
value its line and column. Nothing here raises on bad input: every failure
is a Problem.
"""

from __future__ import annotations

import bisect
import re
import stat
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from builder.i18n import N_
from builder.problems import Problem, problem


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's loader (about 18 times faster), or else PyYAML's own.

    Unquoted values are resolved by ``_resolve_plain``, never by YAML's tags,
    so the composer's tag resolving is skipped.
    """

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        return ""


_LOADER: Any = _Loader

FieldPath = tuple[str | int, ...]
Position = tuple[int, int]
#: Given a field path, what the schema wants there: "boolean", "text", "number" or None.
Expects = Callable[[FieldPath], str | None]

# A profile is three levels deep (checks.ciw.number). Much deeper is a mistake
# or an attack: libyaml's composer recurses, and crashes near 50,000 levels.
MAX_DEPTH = 20
# A file with fewer brackets and dashes than this cannot nest deeply enough
# to matter, so the extra nesting scan is skipped for every normal profile.
_NESTING_SCAN_FROM = 1000

# YAML 1.1 (PyYAML) and YAML 1.2 (editors such as VS Code) disagree about
# unquoted values, so we resolve them ourselves, narrowly: dates stay text,
# "9:30" stays text (YAML 1.1 reads it as 570), and the cases that the two
# read differently (yes/no, a leading 0) are traps reported to staff.
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_BOOLEANS = {
    **dict.fromkeys(("true", "True", "TRUE"), True),
    **dict.fromkeys(("false", "False", "FALSE"), False),
}
_BOOL_WORDS = frozenset({"yes", "no", "on", "off", "y", "n"})
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
_LEADING_ZERO = re.compile(r"[-+]?0[0-9][0-9 ]*")  # "01632 960123", "007"
# Characters YAML does not allow in a file (tab, newline and return are fine).
_CONTROL = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")


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


@dataclass(frozen=True)
class Loaded:
    """One profile as read: plain values (None if unreadable), where they are, and problems.

    ``flagged`` holds the paths of values that already have a problem, so
    that later stages do not report the same value twice.
    """

    data: dict[str, Any] | None
    source: SourceMap
    problems: list[Problem]
    flagged: frozenset[FieldPath] = frozenset()


def load_provider(
    path: Path, display: str, *, max_bytes: int, expects: Expects | None = None
) -> Loaded:
    """Read the profile at ``path``, naming it ``display`` in problems. Never raises.

    ``expects`` tells the loader what type the schema wants at a path, so
    that a trap such as ``yes`` gets the advice that fits its field.
    """
    text = _read_text(path, display, max_bytes)
    if isinstance(text, Problem):
        return Loaded(None, SourceMap(), [text])
    return _Builder(text, display, expects or (lambda _path: None)).build()


def _read_text(path: Path, display: str, max_bytes: int) -> str | Problem:
    try:
        info = path.stat()
        # Only regular files: reading a pipe or a device could hang forever.
        if not stat.S_ISREG(info.st_mode):
            return problem(display, 1, 1, N_("this is not a file; give the path of a .yml file"))
        size = info.st_size
        if size <= max_bytes:
            with path.open("rb") as f:
                raw = f.read(max_bytes + 1)
            size = len(raw)
    except FileNotFoundError:
        return problem(display, 1, 1, N_("the file cannot be found; check its name and folder"))
    except PermissionError:
        return problem(display, 1, 1, N_("you do not have permission to read this file"))
    except OSError:
        return problem(display, 1, 1, N_("the file cannot be read; try copying it again"))
    if size > max_bytes:
        message = N_(
            "the file is {size} KB, more than the limit of {limit} KB; is it the right file?"
        )
        return problem(display, 1, 1, message, size=-(-size // 1000), limit=max_bytes // 1000)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return problem(display, 1, 1, N_("the file is saved as UTF-16; save it as UTF-8"))
    if b"\x00" in raw:
        message = N_("this is not a text file; a profile must be text saved as UTF-8")
        return problem(display, 1, 1, message)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line_start = raw.rfind(b"\n", 0, error.start) + 1
        column = len(raw[line_start : error.start].decode("utf-8", "replace")) + 1
        message = N_("this line has a character that is not UTF-8; save the file as UTF-8")
        return problem(display, raw.count(b"\n", 0, error.start) + 1, column, message)


class _Builder:
    """Turns the text of one file into plain values, positions and problems."""

    def __init__(self, text: str, display: str, expects: Expects) -> None:
        self.text, self.display, self.expects = text, display, expects
        self.lines = tuple(text.splitlines())
        self.problems: list[Problem] = []
        self.flagged: set[FieldPath] = set()
        self.values: dict[FieldPath, Position] = {}
        self.keys: dict[FieldPath, Position] = {}
        self.end_lines: dict[FieldPath, int] = {}
        self.plain: dict[FieldPath, str] = {}
        self.seen: set[int] = set()  # ids of nodes visited: a node seen twice is an alias
        self.cursor = 0  # how far through the text the walk has got
        self.alias_tokens: list[tuple[int, int, int, str]] | None = None

    def build(self) -> Loaded:
        data = self._parse()
        source = SourceMap(self.values, self.keys, self.end_lines, self.plain, self.lines)
        return Loaded(data, source, sorted(set(self.problems)), frozenset(self.flagged))

    def _add(self, at: Position, message: str, path: FieldPath = (), **args: Any) -> None:
        self.problems.append(problem(self.display, *at, message, _dotted(path), **args))
        if path:  # a problem with the whole file (a tab, say) blocks no field
            self.flagged.add(path)

    def _parse(self) -> dict[str, Any] | None:
        tab_lines = self._scan_tabs()
        control = _CONTROL.search(self.text)
        if control:
            at = self._position(control.start())
            self._add(at, N_("there is an invisible control character here; delete it"))
            return None
        try:
            root = None if self._too_deep() else yaml.compose(self.text, Loader=_LOADER)
        except yaml.MarkedYAMLError as error:
            self._syntax_error(error, tab_lines)
        except yaml.YAMLError:
            self._add((1, 1), N_("YAML cannot read this file; look for odd characters"))
        except RecursionError:  # the pure-Python loader only: see _too_deep for libyaml
            self._add((1, 1), _TOO_DEEP, depth=MAX_DEPTH)
        else:
            if root is None and not self.problems:
                self._add((1, 1), N_("the file is empty: it has no fields"))
            elif isinstance(root, yaml.MappingNode):
                return self._construct(root, ())  # type: ignore[no-any-return]
            elif root is not None:
                message = N_('the file should hold fields, one per line, like "name: Bryn Care"')
                self._add(_pos(root.start_mark), message)
        return None

    def _scan_tabs(self) -> set[int]:
        """Report the first tab on each line: YAML forbids tabs for indenting."""
        if "\t" not in self.text:
            return set()
        found = {number: line.find("\t") for number, line in enumerate(self.lines, 1)}
        tab_lines = {number for number, column in found.items() if column >= 0}
        for number in sorted(tab_lines):
            at = (number, found[number] + 1)
            self._add(at, N_("there is a tab character here; use spaces instead"))
        return tab_lines

    def _too_deep(self) -> bool:
        text = self.text
        openers = text.count("[") + text.count("{") + text.count("- ") + text.count("?")
        if openers < _NESTING_SCAN_FROM:
            return False
        depth = 0
        for event in yaml.parse(text, Loader=_LOADER):  # events come without recursion
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    self._add(_pos(event.start_mark), _TOO_DEEP, depth=MAX_DEPTH)
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
        if mark is None or mark.line + 1 in tab_lines:  # the tab problem says it better
            return
        words = f"{error.problem or ''} {context}"
        message = next((m for pattern, m in _SYNTAX_MESSAGES if pattern in words), _SYNTAX_DEFAULT)
        at = _pos(mark)
        if self.text[mark.index - 1 : mark.index] in ("'", '"') and not opened:
            message, at = self._quote_problem(mark.index, at)
        self._add(at, message, detail=(error.problem or "").strip())

    def _quote_problem(self, index: int, at: Position) -> tuple[str, Position]:
        """Text in quotes ended just before the parser failed: too early, or too late?"""
        quoted = None
        try:
            for token in yaml.scan(self.text, Loader=_LOADER):
                if isinstance(token, yaml.ScalarToken) and token.end_mark.index == index:
                    quoted = token
        except yaml.YAMLError:
            pass  # the scan stops at the same error; the token before it is what we need
        if quoted is not None and quoted.start_mark.line < quoted.end_mark.line:
            # An unclosed quote runs on until the next quote mark, lines later.
            message = N_("this quote mark is not closed on its line; add the closing quote mark")
            return message, _pos(quoted.start_mark)
        return _QUOTE_ENDS_EARLY, at

    def _position(self, index: int) -> Position:
        return self.text.count("\n", 0, index) + 1, index - self.text.rfind("\n", 0, index)

    def _construct(self, node: yaml.Node, path: FieldPath) -> Any:
        """The plain value of ``node``. Each node is visited once, so the walk stays linear
        even for an alias bomb ("billion laughs"), and an alias is never expanded."""
        if id(node) in self.seen:
            self._alias(path)
            return None
        self.seen.add(id(node))
        self.values[path] = _pos(node.start_mark)
        self.end_lines[path] = node.end_mark.line + 1
        self.cursor = max(self.cursor, node.start_mark.index)
        value = self._value(node, path) if self._allowed(node, path) else None
        self.cursor = max(self.cursor, node.end_mark.index)
        return value

    def _value(self, node: yaml.Node, path: FieldPath) -> Any:
        if len(path) > MAX_DEPTH:
            self._add(_pos(node.start_mark), _TOO_DEEP, path, depth=MAX_DEPTH)
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self._construct(item, (*path, i)) for i, item in enumerate(node.value)]
        return self._scalar(node, path)

    def _allowed(self, node: yaml.Node, path: FieldPath) -> bool:
        """Report an anchor (``&a``) or a tag (``!!python/...``); a tagged node is never built.

        A node's start mark is at its anchor or tag if it has one; but a block
        collection starts at its first child, and what is there is the child's.
        """
        index = node.start_mark.index
        if self.text[index : index + 1] not in ("!", "&"):
            return True
        first = node.value[0] if isinstance(node.value, list) and node.value else None
        first = first[0] if isinstance(first, tuple) else first
        if first is not None and first.start_mark.index == index:
            return True
        word = re.match(r"[!&][^\s,\[\]{}]*", self.text[index : index + 200])
        if word and word.group().startswith("!"):
            message = N_(
                "'{tag}' is not allowed in a profile; remove it and write the value plainly"
            )
            self._add(_pos(node.start_mark), message, path, tag=word.group())
            return False
        if word:
            message = N_("anchors like '{anchor}' are not allowed in a profile; remove it")
            self._add(_pos(node.start_mark), message, path, anchor=word.group())
        return True

    def _alias(self, path: FieldPath) -> None:
        """Report an alias (``*a``) at the first alias token after the walk's cursor."""
        if self.alias_tokens is None:  # scanned only for the rare file that has an alias
            self.alias_tokens = [
                (t.start_mark.index, t.start_mark.line + 1, t.start_mark.column + 1, t.value)
                for t in yaml.scan(self.text, Loader=_LOADER)
                if isinstance(t, yaml.AliasToken)
            ]
        found = bisect.bisect_left(self.alias_tokens, (self.cursor,))
        index, line, column, name = [*self.alias_tokens, (self.cursor, 1, 1, "")][found]
        self.cursor = max(self.cursor, index + 1)
        self.values.setdefault(path, (line, column))
        message = N_(
            "aliases like '*{alias}' are not allowed in a profile; write the value in full"
        )
        self._add((line, column), message, path, alias=name)

    def _mapping(self, node: yaml.MappingNode, path: FieldPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = self._key(key_node, path)
            if key is None:
                continue
            child, at = (*path, key), _pos(key_node.start_mark)
            if key in result:  # YAML would silently keep the second one
                message = N_('"{key}" is here twice; the first is on line {first_line}. Remove one')
                self._add(at, message, child, key=key, first_line=self.keys[child][0])
                self.seen.add(id(value_node))
                self.cursor = max(self.cursor, value_node.end_mark.index)
                continue
            self.keys[child] = at
            result[key] = self._construct(value_node, child)
        return result

    def _key(self, node: yaml.Node, path: FieldPath) -> str | None:
        if id(node) in self.seen:
            self._alias(path)
            return None
        self.seen.add(id(node))
        self.cursor = max(self.cursor, node.end_mark.index)
        if not self._allowed(node, path):
            return None
        if not isinstance(node, yaml.ScalarNode) or node.value == "":
            self._add(
                _pos(node.start_mark), N_('a field name should be one word, like "name:"'), path
            )
            return None
        return str(node.value)

    def _scalar(self, node: yaml.ScalarNode, path: FieldPath) -> Any:
        text = node.value
        if node.style not in (None, ""):  # quoted or a block (| or >): always text
            return text
        if text.casefold() in _BOOL_WORDS:
            expected = self.expects(path)
            message = _BOOL_MESSAGES.get(expected or "", _BOOL_OTHER)
            self._add(_pos(node.start_mark), message, path, name=_name(path), value=text)
        elif _LEADING_ZERO.fullmatch(text):
            number = re.sub(r"^([-+]?)0+(?=[0-9])", r"\1", text)
            message = _ZERO_FOR_NUMBER if self.expects(path) == "number" else _ZERO_FOR_TEXT
            self._add(
                _pos(node.start_mark), message, path, name=_name(path), value=text, number=number
            )
        else:
            value = _resolve_plain(text)
            if value is not text:
                self.plain[path] = text
            return value
        return text


def _resolve_plain(text: str) -> Any:
    """An unquoted value: None, true/false, a number, or else the text itself."""
    if text in _NULLS:
        return None
    if text in _BOOLEANS:
        return _BOOLEANS[text]
    if _INT.fullmatch(text):
        return int(text)
    return float(text) if _FLOAT.fullmatch(text) else text


def _pos(mark: Any) -> Position:
    return mark.line + 1, mark.column + 1


def _dotted(path: FieldPath) -> str:
    """``("areas", 2)`` -> ``areas``; ``("contact", "phone")`` -> ``contact.phone``."""
    return ".".join(part for part in path if isinstance(part, str))


def _name(path: FieldPath) -> str:
    names = [part for part in path if isinstance(part, str)]
    return names[-1] if names else ""


_BOOL_MESSAGES = {
    "boolean": N_("\"{name}\" should be true or false, not '{value}'"),
    "text": N_("put '{value}' in quotes, like \"{value}\"; without quotes it means true or false"),
}
_BOOL_OTHER = N_("'{value}' can be read as true or false; write true or false, or put it in quotes")
_ZERO_FOR_NUMBER = N_('"{name}" should be written {number}, without the 0 at the start')
_ZERO_FOR_TEXT = N_("put '{value}' in quotes, like \"{value}\", so that the 0 at the start is kept")
_TOO_DEEP = N_("the fields are nested more than {depth} levels deep; a profile needs only 3")
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
