"""The search box's words, in the page's language.

The templates print the labels; ``search.js`` receives the rest as JSON.
The function words are left out of a query before it is searched: in Welsh
"yr", "y", "a" and "i" are in nearly every page, and Pagefind matches a
word's beginnings, so "y" alone would match every word that starts with it.
"""

from __future__ import annotations

from typing import Any

from builder import i18n
from builder.site import urls

#: Words too common to search for, by language. Welsh: the article and the
#: commonest short words (and, in, of, to). English: the same few.
FUNCTION_WORDS = {
    "en": ("a", "an", "and", "in", "of", "the", "to"),
    "cy": ("a", "ac", "i", "o", "y", "yn", "yr"),
}
#: Results shown under the header's search box; the search page shows more.
HEADER_RESULTS = 6
PAGE_RESULTS = 20


def search_interface(lang: str) -> dict[str, Any]:
    """Everything the search box says in ``lang``, and what its script needs."""
    _ = i18n.translator(lang)
    return {
        "label": _("Search this site"),
        "button": _("Search"),
        "open": _("Search"),
        "close": _("Close search"),
        "page": urls.SEARCH,
        "bundle": urls.SEARCH_BUNDLE,
        # Where to look instead, when nothing is found or search fails.
        "ways": [
            {"path": urls.FINDER, "text": _("Find a micro-carer")},
            {"path": urls.PROVIDERS, "text": _("Micro-carers from A to Z")},
        ],
        "script": {
            "stopWords": list(FUNCTION_WORDS[lang]),
            "headerResults": HEADER_RESULTS,
            "pageResults": PAGE_RESULTS,
            "text": {
                "loading": _("Searching…"),
                "one": _("1 result"),
                "many": _("%(n)s results"),
                "none": _(
                    "Nothing found for “%(query)s”. Check the spelling or try other words. "
                    "You can also find micro-carers by place and service, or from A to Z:"
                ),
                "more": _("See all %(n)s results"),
                "next": _("Show more results"),
                "failed": _(
                    "Sorry, search is not working at the moment. "
                    "You can still find micro-carers by place and service, or from A to Z:"
                ),
                "results": _("Search results"),
            },
        },
    }
