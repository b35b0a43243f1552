"""The council's own contact details in data/directory.yml: a warning while any is a placeholder.

Families reach the council through these: the guidance and contact pages show
them, and every provider's "Report a mistake on this page" writes to the
team's address. A new directory starts with placeholders (an example.org
address, a made-up phone number, the council's bare home page); ``check`` and
``build`` warn about each one, at its line, until the council puts in its
own. A warning, never an error: the site is still built.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import phonenumbers

from builder.check.contact import is_drama_number
from builder.i18n import N_
from builder.load.profile import load_provider
from builder.load.source_map import FieldPath, dotted
from builder.load.vocab import LANGUAGES
from builder.problems import Level, Problem, problem

SECTION = "council_contacts"
EMAIL: FieldPath = (SECTION, "team_email")
PHONE: FieldPath = (SECTION, "team_phone")
#: The council's pages families are sent to, each in English and Welsh.
PAGES = ("safeguarding", "concerns", "assessment", "direct_payments")
_EXAMPLE_DOMAINS = ("example.org", "example.com", "example.net")


def council_problems(path: Path, display: str) -> list[Problem]:
    """A warning for each council contact detail in ``path`` that is missing or a placeholder."""
    loaded = load_provider(path, display, max_bytes=1_000_000)
    if loaded.data is None:
        return []  # the vocabulary has already read this file; its own errors are a bug
    data, source = loaded.data, loaded.source
    found: list[Problem] = []

    def warn(field: FieldPath, message: str, **args: Any) -> None:
        at = source.value(field) if _get(data, field) is not None else source.parent(field)
        found.append(problem(display, *at, message, dotted(field), level=Level.WARNING, **args))

    email = _get(data, EMAIL)
    if not isinstance(email, str) or not email.strip():
        warn(EMAIL, _MISSING, name=EMAIL[-1])
    elif _is_example(email.rpartition("@")[2]):
        warn(EMAIL, _EMAIL_PLACEHOLDER, value=email)
    phone = _get(data, PHONE)
    if not isinstance(phone, str) or not phone.strip():
        warn(PHONE, _MISSING, name=PHONE[-1])
    elif _is_made_up(phone):
        warn(PHONE, _PHONE_PLACEHOLDER, value=phone)
    for page in PAGES:  # one warning a page, at its first language that needs it
        fields = [(SECTION, page, lang) for lang in LANGUAGES]
        missing = [f for f in fields if not isinstance(_get(data, f), str) or not _get(data, f)]
        placeholders = [
            f for f in fields if f not in missing and _is_placeholder_page(_get(data, f))
        ]
        if missing:
            warn(missing[0], _MISSING, name=dotted(missing[0][1:]))
        elif placeholders:
            warn(placeholders[0], _PAGE_PLACEHOLDER, name=page, value=_get(data, placeholders[0]))
    return found


def _get(data: dict[str, Any], field: FieldPath) -> Any:
    value: Any = data
    for key in field:
        value = value.get(key) if isinstance(value, dict) else None
    return value


def _is_example(host: str) -> bool:
    host = host.casefold().rstrip(".")
    return any(host == d or host.endswith("." + d) for d in _EXAMPLE_DOMAINS)


def _is_made_up(phone: str) -> bool:
    try:
        return is_drama_number(phonenumbers.parse(phone, "GB"))
    except phonenumbers.NumberParseException:
        return True


def _is_placeholder_page(url: str) -> bool:
    """An example address, or a site's bare home page rather than the page meant."""
    parts = urlsplit(url)
    return _is_example(parts.hostname or "") or parts.path in ("", "/")


_MISSING = N_('the council\'s "{name}" is missing; add it, so that families can reach the council')
_EMAIL_PLACEHOLDER = N_(
    "the Micro-care team's email address is still a placeholder ({value}); put in the "
    "council's real address, where families report mistakes"
)
_PHONE_PLACEHOLDER = N_(
    "the Micro-care team's phone number is still a made-up one ({value}); "
    "put in the council's real number"
)
_PAGE_PLACEHOLDER = N_(
    '"{name}" is still a placeholder or the council\'s home page ({value}); put in the '
    "address of the council's own page for it, in English and in Welsh"
)
