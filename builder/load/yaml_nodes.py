"""Turn a profile's YAML nodes into plain values, and note where each value is.

``yaml_syntax`` parses the text into nodes; the values are constructed here
rather than by YAML, so that the traps a schema cannot see are caught before
they change a value: ``yes`` would become true, ``01632`` a number, and a
duplicate key would silently replace the first. Anchors, aliases and tags
are reported, never followed. Each value's line and column go into the
``SourceMap``.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable
from typing import Any

import yaml

from builder.i18n import N_
from builder.load.characters import FORBIDDEN, code, forbidden_message
from builder.load.source_map import FieldPath, LineIndex, Position, SourceMap, dotted, locate
from builder.load.yaml_syntax import LOADER, MAX_DEPTH, TOO_DEEP, parse
from builder.problems import Problem, problem

#: Given a field path, what the schema wants there: "boolean", "text", "number" or None.
Expects = Callable[[FieldPath], str | None]
#: A file's values (None if YAML cannot read it), where they are, its problems,
#: and the paths of the values that have a problem.
Values = tuple[dict[str, Any] | None, SourceMap, list[Problem], frozenset[FieldPath]]

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
_MAX_DIGITS = 30
_LEADING_ZERO = re.compile(r"[-+]?0[0-9][0-9 ]*")  # "01632 960123", "007"


def read_values(text: str, display: str, expects: Expects) -> Values:
    """The values in ``text``, where they are, and the problems; ``display`` names the file.

    ``expects`` says what type the schema wants at a path, so that a trap
    such as ``yes`` gets the advice that fits its field.
    """
    return _Builder(text, display, expects).build()


class _Builder:
    """Turns the nodes of one file into plain values, positions and problems."""

    def __init__(self, text: str, display: str, expects: Expects) -> None:
        self.text, self.display, self.expects = text, display, expects
        self.line_index = LineIndex(text)
        self.problems: list[Problem] = []
        self.flagged: set[FieldPath] = set()
        # Offsets in the text, turned into lines and columns only for a problem.
        self.starts: dict[FieldPath, int] = {}
        self.ends: dict[FieldPath, int] = {}
        self.keys: dict[FieldPath, int] = {}
        self.styles: dict[FieldPath, str] = {}
        self.plain: dict[FieldPath, str] = {}
        self.seen: set[int] = set()  # ids of nodes visited: a node seen twice is an alias
        self.cursor = 0  # how far through the text the walk has got
        self.alias_tokens: list[tuple[int, str]] | None = None

    def build(self) -> Values:
        root, problems = parse(self.text, self.display, self.line_index)
        self.problems += problems
        data = None if root is None else self._construct(root, ())
        source = SourceMap(
            self.starts,
            self.ends,
            self.keys,
            self.styles,
            self.plain,
            self.text,
            self.line_index,
        )
        # A key, not the dataclass's own ordering: compared in C, thousands sort quickly.
        ordered = sorted(set(self.problems), key=lambda p: (p.line, p.column, p.field, p.message))
        return data, source, ordered, frozenset(self.flagged)

    def _add(self, at: Position, message: str, path: FieldPath = (), **args: Any) -> None:
        self.problems.append(problem(self.display, *at, message, dotted(path), **args))
        if path:  # a problem with the whole file (a tag on it, say) blocks no field
            self.flagged.add(path)

    def _mark(self, mark: Any) -> Position:
        # By offset, not by YAML's own line count: see source_map.
        return self.line_index.position(mark.index)

    def _construct(self, node: yaml.Node, path: FieldPath) -> Any:
        """The plain value of ``node``. Each node is visited once, so the walk stays linear
        even for an alias bomb ("billion laughs"), and an alias is never expanded."""
        if id(node) in self.seen:
            self._alias(path)
            return None
        self.seen.add(id(node))
        self.starts[path] = node.start_mark.index
        self.ends[path] = node.end_mark.index
        self.cursor = max(self.cursor, node.start_mark.index)
        value = self._value(node, path) if self._allowed(node, path) else None
        self.cursor = max(self.cursor, node.end_mark.index)
        return value

    def _value(self, node: yaml.Node, path: FieldPath) -> Any:
        if len(path) > MAX_DEPTH:
            self._add(self._mark(node.start_mark), TOO_DEEP, path, depth=MAX_DEPTH)
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
            self._add(self._mark(node.start_mark), message, path, tag=word.group())
            return False
        if word:
            message = N_("anchors like '{anchor}' are not allowed in a profile; remove it")
            self._add(self._mark(node.start_mark), message, path, anchor=word.group())
        return True

    def _alias(self, path: FieldPath) -> None:
        """Report an alias (``*a``) at the first alias token after the walk's cursor."""
        if self.alias_tokens is None:  # scanned only for the rare file that has an alias
            self.alias_tokens = [
                (t.start_mark.index, t.value)
                for t in yaml.scan(self.text, Loader=LOADER)
                if isinstance(t, yaml.AliasToken)
            ]
        found = bisect.bisect_left(self.alias_tokens, (self.cursor,))
        index, name = [*self.alias_tokens, (0, "")][found]
        self.cursor = max(self.cursor, index + 1)
        self.starts.setdefault(path, index)
        message = N_(
            "aliases like '*{alias}' are not allowed in a profile; write the value in full"
        )
        self._add(self.line_index.position(index), message, path, alias=name)

    def _mapping(self, node: yaml.MappingNode, path: FieldPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = self._key(key_node, path)
            if key is None:
                continue
            child, at = (*path, key), key_node.start_mark.index
            if key in result:  # YAML would silently keep the second one
                message = N_('"{key}" is here twice; the first is on line {first_line}. Remove one')
                first_line = self.line_index.position(self.keys[child])[0]
                self._add(
                    self._mark(key_node.start_mark), message, child, key=key, first_line=first_line
                )
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
            message = N_('a field name should be one word, like "name:"')
            self._add(self._mark(node.start_mark), message, path)
            return None
        return self._text(node, path)

    def _text(self, node: yaml.ScalarNode, path: FieldPath) -> str | None:
        """The scalar's text, normalised to NFC; None, with a problem, if it holds a
        character that no value may hold (``characters.FORBIDDEN``).

        ``yaml_syntax`` has refused those characters in the file, so only a
        double-quoted scalar, whose escapes YAML has just unescaped, can hold one.
        """
        found = FORBIDDEN.search(node.value) if node.style == '"' else None
        if found:
            span = (node.start_mark.index, node.end_mark.index, node.style)
            index = locate(self.text, span, FORBIDDEN)
            at = self._mark(node.start_mark) if index is None else self.line_index.position(index)
            char = found.group()
            self._add(at, forbidden_message(char), path, code=code(char))
            return None
        text = str(node.value)
        # Two spellings of one letter (ŷ, or y and a combining circumflex) become one.
        return (
            text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)
        )

    def _scalar(self, node: yaml.ScalarNode, path: FieldPath) -> Any:
        self.styles[path] = node.style or ""
        text = self._text(node, path)
        if text is None or node.style not in (None, ""):  # quoted or a block: always text
            return text
        if text.casefold() in _BOOL_WORDS:
            expected = self.expects(path)
            message = _BOOL_MESSAGES.get(expected or "", _BOOL_OTHER)
            self._add(self._mark(node.start_mark), message, path, name=_name(path), value=text)
        elif _LEADING_ZERO.fullmatch(text):
            number = re.sub(r"^([-+]?)0+(?=[0-9])", r"\1", text)
            message = _ZERO_FOR_NUMBER if self.expects(path) == "number" else _ZERO_FOR_TEXT
            at = self._mark(node.start_mark)
            self._add(at, message, path, name=_name(path), value=text, number=number)
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
    if _INT.fullmatch(text) and len(text) <= _MAX_DIGITS:
        return int(text)
    # A longer whole number is read as a (huge) float, which the schema then
    # reports as out of range: Python refuses to read more than 4,300 digits
    # as an int, and reading fewer takes time that grows with their square.
    return float(text) if _INT.fullmatch(text) or _FLOAT.fullmatch(text) else text


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
