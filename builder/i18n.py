"""One translation mechanism for every string the project writes.

English is the source language: strings are written in English in the code
and the templates, and looked up in the Welsh gettext catalogue
``builder/locales/cy/LC_MESSAGES/messages.po``. Translators edit that file
(Poedit or any text editor); nothing needs compiling, because Babel reads
the ``.po`` file directly.

A Welsh lookup that finds no translation raises ``MissingTranslation``, so
a missing Welsh string fails the build instead of leaking English onto a
Welsh page.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from babel.dates import format_date as _babel_format_date
from babel.messages.pofile import read_po

LOCALES_DIR = Path(__file__).parent / "locales"
SOURCE_LANG = "en"
_BABEL_LOCALE = {"en": "en_GB", "cy": "cy"}


class MissingTranslation(KeyError):
    """A project string has no translation in the catalogue."""

    def __str__(self) -> str:
        return (
            f"no Welsh translation for {self.args[0]!r}: add it to "
            f"builder/locales/cy/LC_MESSAGES/messages.po"
        )


def N_(message: str) -> str:
    """Mark a string for translation where it is defined; translate it later.

    ``Problem`` messages are written with ``N_("...")`` so that the message
    extractor finds them, and translated only when a report is printed.
    """
    return message


def catalogue_path(lang: str) -> Path:
    return LOCALES_DIR / lang / "LC_MESSAGES" / "messages.po"


@cache
def _catalogue(lang: str) -> dict[str, str]:
    with catalogue_path(lang).open("rb") as f:
        catalog = read_po(f, locale=lang)
    # A fuzzy entry is a guess that a translator has not accepted: treat it
    # as missing, as gettext does. A plural entry (from ngettext) gives its
    # singular and its plural form, each looked up by its English text.
    table: dict[str, str] = {}
    for m in catalog:
        if not m.id or m.fuzzy:
            continue
        ids = m.id if isinstance(m.id, tuple) else (m.id,)
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        for english, welsh in zip(ids, strings, strict=False):
            if welsh:
                table[str(english)] = str(welsh)
    return table


def translator(lang: str) -> Callable[[str], str]:
    """Return ``gettext`` for ``lang``: English is returned as it is."""
    if lang == SOURCE_LANG:
        return lambda message: message
    table = _catalogue(lang)

    def gettext(message: str) -> str:
        try:
            return table[message]
        except KeyError:
            raise MissingTranslation(message) from None

    return gettext


def ngettext_for(lang: str) -> Callable[[str, str, int], str]:
    """Plural lookup. Welsh plural rules are complex, so messages with a
    number are written to read correctly for any count ("Providers found: 3"),
    and this only picks the English form by count."""
    gettext = translator(lang)

    def ngettext(singular: str, plural: str, n: int) -> str:
        return gettext(singular if n == 1 else plural)

    return ngettext


@cache
def format_date(value: dt.date, lang: str) -> str:
    """A date as people write it: "3 March 2026", "3 Mawrth 2026"."""
    return _babel_format_date(value, "d MMMM y", locale=_BABEL_LOCALE[lang])


def extract_schema(
    fileobj: Any, keywords: Any, comment_tags: Any, options: Any
) -> Iterator[tuple[int, str, str, list[str]]]:
    """Babel extractor: every ``description`` in the JSON Schema.

    The field reference is generated from these descriptions, so they are
    translated through the same catalogue as every other string.
    """
    schema = json.load(fileobj)
    for text in sorted(set(_descriptions(schema))):
        yield (0, "_", text, [])


def _descriptions(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "description" and isinstance(value, str):
                yield value
            else:
                yield from _descriptions(value)
    elif isinstance(node, list):
        for item in node:
            yield from _descriptions(item)
