"""What every page around the content needs, for any engine's theme: the language
switch, the sample-data notice and the words of the "page not found" page.

The theme override (overrides/main.html) reads these; they are plain
strings from our catalogue, with no provider text in them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlsplit

from builder.i18n import N_, format_date, translator
from builder.load.vocab import Vocabulary
from builder.site import escape, urls

OTHER = {"en": "cy", "cy": "en"}
#: Each language's name in itself, as language switches show it.
NATIVE_NAME = {"en": "English", "cy": "Cymraeg"}


def page_chrome(vocab: Vocabulary, lang: str, site_url: str, today: dt.date) -> dict[str, Any]:
    """The theme's settings for the ``lang`` site published at ``site_url``, built on ``today``."""
    other = OTHER[lang]
    here, there = translator(lang), translator(other)
    # Where the other language's home is, from the site's root: the 404 page
    # is served at any address, so a relative link would not do.
    root = urlsplit(site_url or "/").path.removesuffix(urls.LANG_PREFIX[lang]) or "/"
    checked = escape.html(format_date(today, lang))
    return {
        "lang": lang,
        # The day this build checked the data: the date it was made for (the
        # same input and date build the same bytes), shown on every page.
        "checked_on": here(N_("Information checked on %(date)s.")).replace(
            "%(date)s", f'<time datetime="{today.isoformat()}">{checked}</time>'
        ),
        "other_lang": other,
        "other_lang_name": NATIVE_NAME[other],
        "counterpart_root": root + urls.LANG_PREFIX[other],
        "home_root": root + urls.LANG_PREFIX[lang],
        "sample_notice": (
            here(N_("This is a sample site: every micro-carer on it is fictional."))
            if vocab.settings.get("sample_data_date")
            else ""
        ),
        "not_found": {
            "title": here(N_("Page not found")),
            "text": here(
                N_(
                    "We could not find that page. If you typed the address, check it is right. "
                    "If you followed a bookmark to a micro-carer, they may no longer be listed."
                )
            ),
            "find": here(N_("Find a micro-carer")),
            "a_to_z": here(N_("Micro-carers from A to Z")),
            "home": here(N_("Home page")),
            "other": there(N_("We could not find that page.")),
            "other_link": there(
                N_("Go to the home page in Welsh.")
                if other == "cy"
                else N_("Go to the home page in English.")
            ),
        },
    }


def counterpart(page_url: str, lang: str) -> str:
    """A relative link from the page at ``page_url`` to the same page in the other language."""
    return urls.counterpart(page_url, lang, OTHER[lang])
