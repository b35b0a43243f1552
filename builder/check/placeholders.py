"""A published profile must not show the placeholder text of a new profile.

``microcare new`` (``staff.scaffold``) writes values that say REPLACE, and
leaves every date that records something the council saw or did empty
(``""``), because only staff know those dates. A draft may keep them; these
rules make sure none of them is ever published, and say exactly what to enter.
"""

from __future__ import annotations

from collections.abc import Iterator

from builder.check.characters import texts
from builder.check.profile import Found, Profile, Rule
from builder.i18n import N_
from builder.load.source_map import FieldPath

#: The words that mark a placeholder value; a published profile must not contain them.
PLACEHOLDER_MARKS = ("REPLACE", "replace-me")

#: The dates that record something the council saw or did, and what to enter in each.
#: ``new`` leaves them empty; the schema allows "" for these alone.
RECORDED_DATES: dict[FieldPath, str] = {
    ("availability", "confirmed"): N_(
        "no date yet: enter the date the provider last confirmed their availability, "
        'like "2026-11-03"; a published profile needs it'
    ),
    ("checks", "dbs", "checked"): N_(
        "no date yet: enter the date the council saw the enhanced DBS certificate, "
        'like "2026-11-03"; a published profile needs it'
    ),
    ("checks", "insurance", "checked"): N_(
        "no date yet: enter the date the council saw the insurance certificate, "
        'like "2026-11-03"; a published profile needs it'
    ),
    ("checks", "insurance", "expires"): N_(
        "no date yet: enter the date the insurance runs out, as the certificate says, "
        'like "2027-11-02"; a published profile needs it'
    ),
    ("checks", "quality_framework", "completed"): N_(
        "no date yet: enter the date the provider completed the quality framework, "
        'like "2026-11-03"; a published profile needs it'
    ),
    ("reviewed",): N_(
        "no date yet: enter the date the council last reviewed the whole profile, "
        'like "2026-11-03"; a published profile needs it'
    ),
}


def _placeholders(p: Profile) -> Iterator[Found]:
    """A published profile must not show the template's placeholder text."""
    if p.get(("published",)) is not True:
        return
    for path, value in texts(p.data):
        if any(mark in value for mark in PLACEHOLDER_MARKS):
            name = next(key for key in reversed(path) if isinstance(key, str))
            yield p.report(path, _PLACEHOLDER, name=name)


def _empty_dates(p: Profile) -> Iterator[Found]:
    """A published profile needs every date the council recorded; a draft may wait."""
    if p.get(("published",)) is not True:
        return
    for path, prompt in RECORDED_DATES.items():
        if p.get(path) == "":
            yield p.report(path, prompt)


def is_date_placeholder(value: object) -> bool:
    """True for a date that was never filled in: "", or words such as "YYYY-MM-DD"."""
    return isinstance(value, str) and not any(c.isdigit() for c in value)


#: Registered in ``rules.RULES``.
PLACEHOLDER_RULES: tuple[Rule, ...] = (_placeholders, _empty_dates)

_PLACEHOLDER = N_(
    '"{name}" still has the placeholder text of a new profile; '
    "fill it in, or delete the line if it is optional, before publishing"
)
