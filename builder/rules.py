"""The checks a JSON Schema cannot express, one small function per rule.

Each rule receives one ``Profile`` whose values may still be of the wrong
type (the schema reports those), so a rule looks only at values of the type
it expects. ``RULES`` is the registry; some of its rules live in their own
modules (``freshness``, ``scaffold``, ``language_codes``). The rules about
file names, and those that compare files with each other, are in
``file_rules``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from builder.freshness import FRESHNESS_RULES
from builder.i18n import N_
from builder.language_codes import LANGUAGE_RULES
from builder.problems import Level, Problem, problem
from builder.scaffold import PLACEHOLDER_RULES
from builder.source_map import FieldPath, SourceMap, dotted
from builder.vocab import Vocabulary

Found = tuple[FieldPath, Problem]

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
# Ofcom keeps these for TV and radio drama: 01632 960000-960999, 07700 900000-900999.
_DRAMA_PREFIXES = ("1632960", "7700900")
_PHOTO_TYPES = (".jpg", ".jpeg", ".png", ".webp", ".svg")
_HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>|<!--")


@dataclass(frozen=True)
class Profile:
    """One loaded profile, as the rules see it."""

    path: Path
    display: str
    data: dict[str, Any]
    source: SourceMap
    today: date
    vocab: Vocabulary

    def get(self, path: FieldPath) -> Any:
        """The value at ``path``, or None if it or a parent is missing or not a mapping."""
        value: Any = self.data
        for key in path:
            value = value.get(key) if isinstance(value, dict) else None
        return value

    def report(
        self,
        path: FieldPath,
        message: str,
        *,
        at: tuple[int, int] | None = None,
        level: Level = Level.ERROR,
        **args: Any,
    ) -> Found:
        """A problem with the value at ``path``, at its position unless ``at`` is given."""
        line, column = at or self.source.value(path)
        return path, problem(self.display, line, column, message, dotted(path), level=level, **args)


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
        if path in _PAST_FIELDS and day > p.today:
            yield p.report(path, _FUTURE, value=value, today=p.today.isoformat(), name=path[-1])


def _phone(p: Profile) -> Iterator[Found]:
    path = ("contact", "phone")
    value = p.get(path)
    if not isinstance(value, str):
        return
    try:
        number = phonenumbers.parse(value, "GB")
    except phonenumbers.NumberParseException:
        yield p.report(path, _PHONE_NOT_A_NUMBER, value=value)
        return
    national = phonenumbers.national_significant_number(number)
    if number.country_code == 44 and len(national) == 10 and national.startswith(_DRAMA_PREFIXES):
        if not p.vocab.settings.get("accept_drama_numbers", False):
            yield p.report(path, _PHONE_DRAMA, value=value)
        mobile = national.startswith("7")
    elif number.country_code != 44:
        yield p.report(path, _PHONE_NOT_UK, value=value)
        return
    elif not phonenumbers.is_valid_number(number):
        yield p.report(path, _PHONE_INVALID, value=value)
        return
    else:
        mobile = phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.MOBILE
    texts = ("contact", "texts")
    if p.get(texts) is True and not mobile:
        yield p.report(texts, _TEXTS_LANDLINE, value=value, level=Level.WARNING)


def _email(p: Profile) -> Iterator[Found]:
    path = ("contact", "email")
    value = p.get(path)
    if not isinstance(value, str):
        return
    if value.casefold().startswith("mailto:"):
        yield p.report(path, N_("write the email address without 'mailto:' at the start"))
        return
    try:
        validate_email(value, check_deliverability=False)
    except EmailNotValidError:
        yield p.report(path, _EMAIL_INVALID, value=value)


def _website(p: Profile) -> Iterator[Found]:
    path = ("contact", "website")
    value = p.get(path)
    if not isinstance(value, str):
        return
    found = re.match(r"([a-zA-Z][a-zA-Z0-9+.-]*):", value)
    scheme = found.group(1).casefold() if found else ""
    if not scheme:
        suggestion = "https://" + value.strip().lstrip("/")
        yield p.report(path, _WEB_NO_SCHEME, suggestion=suggestion)
    elif scheme == "http":
        yield p.report(path, _WEB_HTTP, suggestion="https" + value[len(scheme) :])
    elif scheme == "javascript":
        yield p.report(path, _WEB_JAVASCRIPT)
    elif scheme != "https":
        yield p.report(path, _WEB_NOT_WEB, value=value)
    elif not _has_host(value):
        yield p.report(path, _WEB_INVALID, value=value)


def _has_host(url: str) -> bool:
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 -- raises ValueError for a port that is not a number
    except ValueError:
        return False
    host = parts.hostname or ""
    return (
        not re.search(r"\s", url)
        and re.fullmatch(r"[a-z0-9-]+(\.[a-z0-9-]+)+\.?", host) is not None
    )


def _phone_or_email(p: Profile) -> Iterator[Found]:
    contact = p.get(("contact",))
    if isinstance(contact, dict) and "phone" not in contact and "email" not in contact:
        message = N_('"contact" needs a phone number or an email address, or both')
        yield p.report(("contact",), message, at=p.source.key(("contact",)))


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


def _photo(p: Profile) -> Iterator[Found]:
    path = ("photo", "file")
    value = p.get(path)
    if not isinstance(value, str):
        return
    name = PurePosixPath(value.replace("\\", "/")).name
    if name != value or value in (".", ".."):
        yield p.report(path, _PHOTO_FOLDER, suggestion=name or "bryn-care.jpg")
    elif not value.casefold().endswith(_PHOTO_TYPES):
        yield p.report(path, _PHOTO_TYPE, value=value)
    elif not (p.path.parent / "photos" / value).is_file():
        folder = (PurePosixPath(p.display).parent / "photos").as_posix()
        yield p.report(path, _PHOTO_MISSING, value=value, folder=folder)


def _welsh(p: Profile) -> Iterator[Found]:
    for key, message in (("summary", _NO_WELSH_SUMMARY), ("description", _NO_WELSH_DESCRIPTION)):
        if key in p.data and f"{key}_cy" not in p.data:
            yield p.report((f"{key}_cy",), message, at=p.source.key((key,)), level=Level.WARNING)


Rule = Callable[[Profile], Iterator[Found]]
RULES: tuple[Rule, ...] = (
    _dates,
    _phone,
    _email,
    _website,
    _phone_or_email,
    _ciw,
    _all_areas,
    _html,
    *LANGUAGE_RULES,
    _photo,
    _welsh,
    *FRESHNESS_RULES,
    *PLACEHOLDER_RULES,
)


def check_profile(profile: Profile) -> list[Found]:
    """Run every rule on one profile."""
    return [found for rule in RULES for found in rule(profile)]


_NOT_A_DATE = N_("'{value}' is not a real date; check the day and the month")
_FUTURE = N_("'{value}' is in the future (today is {today}); \"{name}\" must have happened")
_PHONE_NOT_A_NUMBER = N_("'{value}' is not a phone number; write it like \"01632 960123\"")
_PHONE_DRAMA = N_("'{value}' is a made-up number kept for TV drama; give the real number")
_PHONE_NOT_UK = N_("'{value}' is not a UK phone number; give a UK number")
_TEXTS_LANDLINE = N_(
    "'{value}' is not a mobile number, and texts to other numbers usually do not arrive; "
    'check with the provider, or set "texts" to false'
)
_PHONE_INVALID = N_("'{value}' is not a valid UK phone number; check the digits")
_EMAIL_INVALID = N_("'{value}' is not a valid email address; write it like hello@example.org")
_WEB_NO_SCHEME = N_("the website should start with https://, like '{suggestion}'")
_WEB_HTTP = N_("the website should start with https://, not http://; try '{suggestion}'")
_WEB_JAVASCRIPT = N_("a website cannot be a javascript: link; give an address starting https://")
_WEB_NOT_WEB = N_("'{value}' is not a web address; the website must start with https://")
_WEB_INVALID = N_("'{value}' is not a valid web address; check it for spaces and typing mistakes")
_CIW_NO_NUMBER = N_('a provider registered with CIW needs its registration "number" under "ciw"')
_CIW_NOT_REGISTERED = N_(
    'there is a CIW number, but "registered" is false; remove the number, or write true'
)
_HTML = N_(
    "\"{name}\" has HTML ('{tag}') in it; use blank lines between paragraphs "
    'and start list items with "- " instead'
)
_PHOTO_FOLDER = N_("\"file\" should be just the picture's name, like '{suggestion}', no folder")
_PHOTO_TYPE = N_("'{value}' is not a picture we can show; use a .jpg, .png, .webp or .svg file")
_PHOTO_MISSING = N_("there is no picture called '{value}' in {folder}/; add it or fix the name")
_NO_WELSH_SUMMARY = N_("there is no Welsh summary yet; the Welsh page will show the English one")
_NO_WELSH_DESCRIPTION = N_(
    "there is no Welsh description yet; the Welsh page will show the English one"
)
