"""The rules for contact details: a UK phone number, an email address, a website."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from builder.check.profile import Found, Profile, Rule
from builder.i18n import N_
from builder.problems import Level

# Ofcom keeps these for TV and radio drama: 01632 960000-960999, 07700 900000-900999.
_DRAMA_PREFIXES = ("1632960", "7700900")
# A plain email address has only letters, digits and . _ + - around its @.
# Anything else (? & % = quotes, brackets, commas, spaces) would let the
# mailto: link add people, a subject or a message; escape.mailto relies on this.
_NOT_IN_EMAIL = re.compile(r"[^\w.+@-]")
# Characters a web address cannot hold as they are (RFC 3986); escape.web_url
# would have to encode them, so a website that has one was not copied right.
# A web address's scheme ("https"), and what comes before its path: user:password@host:port.
_SCHEME_AND_AUTHORITY = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):(?://)?([^/?#]*)")
_NOT_IN_URL = re.compile(r'["<>\\^`{|}]')


def is_drama_number(number: phonenumbers.PhoneNumber) -> bool:
    """True for one of the numbers Ofcom keeps for drama: never a real line."""
    national = phonenumbers.national_significant_number(number)
    return (
        number.country_code == 44 and len(national) == 10 and national.startswith(_DRAMA_PREFIXES)
    )


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
    if is_drama_number(number):
        if not p.vocab.settings.get("accept_drama_numbers", False):
            yield p.report(path, _PHONE_DRAMA, value=value)
        mobile = phonenumbers.national_significant_number(number).startswith("7")
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
    odd = _NOT_IN_EMAIL.search(value)
    if odd:
        yield p.report(path, _EMAIL_NOT_PLAIN, value=value, char=odd.group())
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
    found = _SCHEME_AND_AUTHORITY.match(value)
    scheme = found.group(1).casefold() if found else ""
    if not found:
        suggestion = "https://" + value.strip().lstrip("/")
        yield p.report(path, _WEB_NO_SCHEME, suggestion=suggestion)
    elif scheme == "http":
        yield p.report(path, _WEB_HTTP, suggestion="https" + value[len(scheme) :])
    elif scheme == "javascript":
        yield p.report(path, _WEB_JAVASCRIPT)
    elif scheme != "https":
        yield p.report(path, _WEB_NOT_WEB, value=value)
    elif "@" in found.group(2):  # https://name:password@host/
        yield p.report(path, _WEB_USER, value=value)
    elif odd := _NOT_IN_URL.search(value):
        yield p.report(path, _WEB_CHARACTER, value=value, char=odd.group())
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


#: Registered in ``rules.RULES``.
CONTACT_RULES: tuple[Rule, ...] = (_phone, _email, _website, _phone_or_email)

_PHONE_NOT_A_NUMBER = N_("'{value}' is not a phone number; write it like \"01632 960123\"")
_PHONE_DRAMA = N_("'{value}' is a made-up number kept for TV drama; give the real number")
_PHONE_NOT_UK = N_("'{value}' is not a UK phone number; give a UK number")
_TEXTS_LANDLINE = N_(
    "'{value}' is not a mobile number, and texts to other numbers usually do not arrive; "
    'check with the provider, or set "texts" to false'
)
_PHONE_INVALID = N_("'{value}' is not a valid UK phone number; check the digits")
_EMAIL_INVALID = N_("'{value}' is not a valid email address; write it like hello@example.org")
_EMAIL_NOT_PLAIN = N_(
    "'{value}' is not a plain email address: it has '{char}' in it; "
    "write just the address, like hello@example.org"
)
_WEB_USER = N_(
    "'{value}' has a user name or password in it (the part before @); "
    "give just the website's address, like https://example.org"
)
_WEB_CHARACTER = N_(
    "'{value}' has '{char}' in it, which a web address cannot have; "
    "copy the address again from the browser"
)
_WEB_NO_SCHEME = N_("the website should start with https://, like '{suggestion}'")
_WEB_HTTP = N_("the website should start with https://, not http://; try '{suggestion}'")
_WEB_JAVASCRIPT = N_("a website cannot be a javascript: link; give an address starting https://")
_WEB_NOT_WEB = N_("'{value}' is not a web address; the website must start with https://")
_WEB_INVALID = N_("'{value}' is not a valid web address; check it for spaces and typing mistakes")
