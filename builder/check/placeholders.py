"""A published profile must not show the placeholder text of a new profile.

``python -m builder new`` (``staff.scaffold``) writes values that say REPLACE;
this rule makes sure none of them is ever published.
"""

from __future__ import annotations

from collections.abc import Iterator

from builder.check.characters import texts
from builder.check.profile import Found, Profile, Rule
from builder.i18n import N_

#: The words that mark a placeholder value; a published profile must not contain them.
PLACEHOLDER_MARKS = ("REPLACE", "replace-me")


def _placeholders(p: Profile) -> Iterator[Found]:
    """A published profile must not show the template's placeholder text."""
    if p.get(("published",)) is not True:
        return
    for path, value in texts(p.data):
        if any(mark in value for mark in PLACEHOLDER_MARKS):
            name = next(key for key in reversed(path) if isinstance(key, str))
            yield p.report(path, _PLACEHOLDER, name=name)


#: Registered in ``rules.RULES``.
PLACEHOLDER_RULES: tuple[Rule, ...] = (_placeholders,)

_PLACEHOLDER = N_(
    '"{name}" still has the placeholder text of a new profile; '
    "fill it in, or delete the line if it is optional, before publishing"
)
