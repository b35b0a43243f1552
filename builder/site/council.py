"""The council's contact details, filled into the hand-written pages.

The guidance and contact pages (``docs/en``, ``docs/cy``) are written by
hand, but the council's addresses live in ``data/directory.yml``
(``council_contacts``), so that another council changes them in one place.
A page names them with tokens, which ``fill`` replaces:

- ``{{ council.team_email }}`` and ``{{ council.team_phone }}``: the Micro-care
  team's email address and phone number, each as a link;
- ``{{ council.safeguarding }}``, ``{{ council.concerns }}``,
  ``{{ council.assessment }}`` and ``{{ council.direct_payments }}``: the
  address of the council's page in the page's language, for a Markdown link
  such as ``[ask for a needs assessment]({{ council.assessment }})``.

Every value is escaped for Markdown by ``escape``. A token that names no
detail is a mistake in the page: ``fill`` raises ``UnknownDetail``.
"""

from __future__ import annotations

import re

import phonenumbers

from builder.check.council import EMAIL, PAGES, PHONE, SECTION
from builder.load.vocab import Vocabulary
from builder.site import escape

TOKEN = re.compile(r"\{\{\s*council\.(\w+)\s*\}\}")


class UnknownDetail(ValueError):
    """A page names a council detail that data/directory.yml does not have."""


def council_values(vocab: Vocabulary, lang: str) -> dict[str, str]:
    """Each token's Markdown, for a page in ``lang``."""
    contacts = vocab.settings[SECTION]
    email = contacts[EMAIL[-1]]
    number = phonenumbers.parse(contacts[PHONE[-1]], "GB")
    national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    values: dict[str, str] = {
        "team_email": escape.markdown_link(email, escape.mailto(email)),
        "team_phone": escape.markdown_link(national, escape.tel(e164)),
    }
    for page in PAGES:
        url = vocab.text(f"{SECTION}.{page}").get(lang)
        values[page] = escape.markdown_url(escape.web_url(url))
    return values


def fill(markdown: str, vocab: Vocabulary, lang: str) -> str:
    """``markdown`` with every ``{{ council.… }}`` token replaced by its value."""
    if "council." not in markdown:
        return markdown
    values = council_values(vocab, lang)

    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in values:
            raise UnknownDetail(
                f"{match.group(0)} is not a council detail; use one of: "
                + ", ".join(f"council.{known}" for known in values)
            )
        return values[name]

    return TOKEN.sub(value, markdown)
