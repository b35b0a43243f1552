"""The checks a JSON Schema cannot express, one small function per rule.

Each rule receives one ``Profile`` whose values may still be of the wrong
type (the schema reports those), so a rule looks only at values of the type
it expects. ``RULES`` is the registry; some of its rules live in their own
modules (``contact``, ``freshness``, ``placeholders``, ``language_codes``). The rules about
file names, and those that compare files with each other, are in
``file_rules``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from builder.check.characters import CHARACTER_RULES
from builder.check.contact import CONTACT_RULES
from builder.check.freshness import FRESHNESS_RULES, YEARS
from builder.check.language_codes import LANGUAGE_RULES
from builder.check.photos import PHOTO_RULES
from builder.check.placeholders import PLACEHOLDER_RULES
from builder.check.profile import Found, Profile, Rule
from builder.i18n import N_
from builder.load.source_map import FieldPath
from builder.problems import Level

DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
#: Every date field in the schema. test_validate checks this against the schema.
DATE_FIELDS: tuple[FieldPath, ...] = (
    ("availability", "confirmed"),
    ("checks", "dbs", "checked"),
    ("checks", "insurance", "checked"),
    ("checks", "insurance", "expires"),
    ("checks", "quality_framework", "completed"),
    ("reviewed",),
    ("withdrawn",),
)
# Dates of things that have happened; the insurance's expiry date is ahead.
_PAST_FIELDS = frozenset(DATE_FIELDS) - {("checks", "insurance", "expires")}
# Written so that no text makes it backtrack: "<" and 100,000 spaces costs one pass.
_HTML_TAG = re.compile(r"<(?:\s*/)?\s*[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>|<!--")


def _dates(p: Profile) -> Iterator[Found]:
    for path in DATE_FIELDS:
        value = p.get(path)
        if not isinstance(value, str) or not DATE.fullmatch(value):
            continue  # the schema reports a date written the wrong way
        try:
            day = date.fromisoformat(value)
        except ValueError:
            yield p.report(path, _NOT_A_DATE, value=value)
            continue
        if day.year not in YEARS:
            yield p.report(path, _YEAR, value=value, first=YEARS[0], last=YEARS[-1])
        elif path in _PAST_FIELDS and day > p.today:
            yield p.report(path, _FUTURE, value=value, today=p.today.isoformat(), name=path[-1])


def _ciw(p: Profile) -> Iterator[Found]:
    ciw = p.get(("checks", "ciw"))
    if not isinstance(ciw, dict):
        return
    path = ("checks", "ciw", "number")
    if ciw.get("registered") is True and "number" not in ciw:
        yield p.report(path, _CIW_NO_NUMBER, at=p.source.key(path[:-1]))
    elif ciw.get("registered") is False and "number" in ciw:
        yield p.report(path, _CIW_NOT_REGISTERED)


def _all_areas(p: Profile) -> Iterator[Found]:
    areas = p.get(("areas",))
    everywhere = p.vocab.all_areas_id
    if isinstance(areas, list) and everywhere in areas and len(areas) > 1:
        message = N_("'{all}' already covers every community; remove it or the other areas")
        yield p.report(("areas", areas.index(everywhere)), message, all=everywhere)


def _html(p: Profile) -> Iterator[Found]:
    for key in ("description", "description_cy"):
        value = p.get((key,))
        tag = _HTML_TAG.search(value) if isinstance(value, str) else None
        if tag:
            at = p.source.find((key,), tag.group())
            yield p.report((key,), _HTML, at=at, name=key, tag=tag.group())


def _welsh(p: Profile) -> Iterator[Found]:
    for key, message in (("summary", _NO_WELSH_SUMMARY), ("description", _NO_WELSH_DESCRIPTION)):
        if key in p.data and f"{key}_cy" not in p.data:
            yield p.report((f"{key}_cy",), message, at=p.source.key((key,)), level=Level.WARNING)


RULES: tuple[Rule, ...] = (
    *CHARACTER_RULES,
    _dates,
    *CONTACT_RULES,
    _ciw,
    _all_areas,
    _html,
    *LANGUAGE_RULES,
    *PHOTO_RULES,
    _welsh,
    *FRESHNESS_RULES,
    *PLACEHOLDER_RULES,
)


def check_profile(profile: Profile) -> list[Found]:
    """Run every rule on one profile."""
    return [found for rule in RULES for found in rule(profile)]


_NOT_A_DATE = N_("'{value}' is not a real date; check the day and the month")
_YEAR = N_("'{value}' cannot be right: a date must be from the year {first} to {last}")
_FUTURE = N_("'{value}' is in the future (today is {today}); \"{name}\" must have happened")
_CIW_NO_NUMBER = N_('a provider registered with CIW needs its registration "number" under "ciw"')
_CIW_NOT_REGISTERED = N_(
    'there is a CIW number, but "registered" is false; remove the number, or write true'
)
_HTML = N_(
    "\"{name}\" has HTML ('{tag}') in it; use blank lines between paragraphs "
    'and start list items with "- " instead'
)
_NO_WELSH_SUMMARY = N_("there is no Welsh summary yet; the Welsh page will show the English one")
_NO_WELSH_DESCRIPTION = N_(
    "there is no Welsh description yet; the Welsh page will show the English one"
)
