"""A published profile must not show the placeholder text of a new profile.

``python -m builder new`` (``staff.scaffold``) writes values that say REPLACE;
this rule makes sure none of them is ever published.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from builder.check.profile import Found, Profile, Rule
from builder.i18n import N_
from builder.load.source_map import FieldPath

#: The words that mark a placeholder value; a published profile must not contain them.
PLACEHOLDER_MARKS = ("REPLACE", "replace-me")


def _placeholders(p: Profile) -> Iterator[Found]:
    """A published profile must not show the template's placeholder text."""
    if p.get(("published",)) is not True:
        return
    for path, value in _texts(p.data, ()):
        if any(mark in value for mark in PLACEHOLDER_MARKS):
            name = next(key for key in reversed(path) if isinstance(key, str))
            yield p.report(path, _PLACEHOLDER, name=name)


def _texts(value: Any, path: FieldPath) -> Iterator[tuple[FieldPath, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, child in value.items():
            yield from _texts(child, (*path, key))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from _texts(child, (*path, i))


#: Registered in ``rules.RULES``.
PLACEHOLDER_RULES: tuple[Rule, ...] = (_placeholders,)

_PLACEHOLDER = N_(
    '"{name}" still has the placeholder text of a new profile; '
    "fill it in, or delete the line if it is optional, before publishing"
)
