"""The rules about the characters in a profile's text, field by field.

``load`` has already refused what no value may hold (control characters,
direction overrides, separators). What is left depends on the field: only
a Markdown field (``contentMediaType: text/markdown`` in the schema: the
descriptions) may have more than one line; a name or a contact detail may
not hide an invisible character, which would make a look-alike of another
provider's name, address or number; and a name needs a letter people can see.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from builder.check.profile import Found, Profile, Rule
from builder.check.schema import schema_at
from builder.i18n import N_
from builder.load.characters import INVISIBLE, code
from builder.load.source_map import FieldPath

NAMES = (("name",), ("trading_name",))
_LINE_BREAK = re.compile("\n")
_BLOCK_STYLES = ("|", ">")


def _one_line(p: Profile) -> Iterator[Found]:
    for path, value in texts(p.data):
        if "\n" not in value or is_markdown(path):
            continue
        if p.source.style(path) in _BLOCK_STYLES:
            yield p.report(path, _BLOCK, name=_name(path))
        else:
            yield p.report(
                path, _LINE_BREAK_HERE, at=p.source.locate(path, _LINE_BREAK), name=_name(path)
            )


def _invisible(p: Profile) -> Iterator[Found]:
    names = ((path, p.get(path)) for path in NAMES)
    for path, value in (*names, *texts(p.get(("contact",)), ("contact",))):
        found = INVISIBLE.search(value) if isinstance(value, str) else None
        if found:
            at = p.source.locate(path, INVISIBLE)
            yield p.report(path, _INVISIBLE, at=at, name=_name(path), code=code(found.group()))


def _letter(p: Profile) -> Iterator[Found]:
    for path in NAMES:
        value = p.get(path)
        if isinstance(value, str) and value and not has_visible_letter(value):
            yield p.report(path, _NO_LETTER, name=_name(path))


def has_visible_letter(text: str) -> bool:
    """True if ``text`` has a letter that shows (a Hangul filler is a "letter" that does not)."""
    return any(unicodedata.category(c)[0] == "L" and not INVISIBLE.match(c) for c in text)


def is_markdown(path: FieldPath) -> bool:
    """True for a field whose text may have paragraphs and lists (the descriptions)."""
    return (schema_at(path) or {}).get("contentMediaType") == "text/markdown"


def texts(value: Any, path: FieldPath = ()) -> Iterator[tuple[FieldPath, str]]:
    """Every text in a profile's values, with its field path, in the file's order."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, child in value.items():
            yield from texts(child, (*path, key))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from texts(child, (*path, i))


def _name(path: FieldPath) -> str:
    return next((part for part in reversed(path) if isinstance(part, str)), "")


#: Registered in ``rules.RULES``.
CHARACTER_RULES: tuple[Rule, ...] = (_one_line, _invisible, _letter)

_LINE_BREAK_HERE = N_(
    '"{name}" must be one line of text; remove the line break here '
    '(only "description" can have paragraphs)'
)
_BLOCK = N_(
    '"{name}" must be one line of text; remove the "|" or ">" and write the text '
    "on the same line, after the colon"
)
_INVISIBLE = N_(
    'there is an invisible character ({code}) in "{name}" here; delete it, '
    "so that the text is exactly what people see"
)
_NO_LETTER = N_('"{name}" has no letters in it; write the name in words')
