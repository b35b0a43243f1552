"""The "languages" rule: every item must be a language code that Babel knows.

A code in capitals, a language's name ("Welsh", "Cymraeg") or a typo
("Polsih") gets the code it was probably meant to be.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from babel import Locale

from builder.check.profile import Found, Profile, Rule
from builder.i18n import N_


def _languages(p: Profile) -> Iterator[Found]:
    codes = p.get(("languages",))
    for i, code in enumerate(codes if isinstance(codes, list) else []):
        # A code that is not two or three small letters is reported by the schema.
        described = describe_language(code) if isinstance(code, str) else None
        if described and re.fullmatch(r"[a-z]{2,3}", code):
            yield p.report(("languages", i), described[0], **described[1])


def describe_language(value: str) -> tuple[str, dict[str, Any]] | None:
    """A message and its arguments if ``value`` is not a language code Babel knows."""
    codes, names = _language_codes()
    if value in codes:
        return None
    if value.casefold() in codes:
        return N_("write the language code in small letters: '{code}'"), {"code": value.casefold()}
    close = difflib.get_close_matches(value.casefold(), list(names), n=1, cutoff=0.75)
    if close:  # "Welsh", "Cymraeg", "Polsih"
        return _LANGUAGE_SUGGEST, {"value": value, "code": names[close[0]]}
    return _LANGUAGE_UNKNOWN, {"value": value}


@cache
def _language_codes() -> tuple[frozenset[str], dict[str, str]]:
    """Babel's language codes, and each code by its English and Welsh name ("welsh": "cy")."""
    known = Locale("en").languages
    codes = frozenset(c for c in known if isinstance(c, str) and re.fullmatch(r"[a-z]{2,3}", c))
    names = {
        str(name).casefold(): str(code)
        for locale in ("cy", "en")
        for code, name in Locale(locale).languages.items()
        if code in codes
    }
    return codes, names


#: Registered in ``rules.RULES``.
LANGUAGE_RULES: tuple[Rule, ...] = (_languages,)

_LANGUAGE_SUGGEST = N_("'{value}' is not a language code; did you mean '{code}'?")
_LANGUAGE_UNKNOWN = N_("'{value}' is not a language code; use one such as cy (Welsh), en or pl")
