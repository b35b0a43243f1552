"""The place box's data: its words, and the postcode files it fetches.

``static/places.js`` turns the finder's place list into a box that takes a
village, a community or a postcode. Its words come from ``places_config``,
embedded in the finder page. The postcode table is split into small files
that the script fetches only when someone types a postcode:
``find/postcodes/index.json`` (each district's communities, and where to
look for a postcode outside the county) and, once a council has imported
the ONS Postcode Directory, one file per district (``CH7.json``: each
community's inward codes).
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from builder import i18n
from builder.load.postcodes import Council, Elsewhere, PostcodeTable
from builder.site import escape, urls


def places_config(lang: str) -> Markup:
    """What places.js needs, as JSON for a script element on the finder page."""
    _ = i18n.translator(lang)
    return escape.script_json(
        {
            "postcodes": urls.relative(urls.FINDER, urls.POSTCODES),
            "text": {
                "label": _("Village, community or postcode"),
                "hint": _("For example, Mynydd Isa, Yr Wyddgrug or CH7 1AB."),
                "list": _("Matching places"),
                "one": _("1 place matches. Use the up and down arrow keys to choose."),
                "many": _("%(n)s places match. Use the up and down arrow keys to choose."),
                "none": _(
                    "No place in Flintshire matches '%(text)s'. Check the spelling, or type "
                    "a postcode."
                ),
                "unknown": _("We don't know the place '%(place)s'."),
                "choose": _("Choose a place from the list, or type a postcode."),
                "district": _(
                    "Postcodes starting %(district)s are in these communities. Choose yours:"
                ),
                "postcode": _("%(postcode)s is in this community:"),
                "notFound": _(
                    "We can't find %(postcode)s among Flintshire's postcodes. Check it, or "
                    "choose from the communities that postcodes starting %(district)s are in:"
                ),
                "partly": _(
                    "Some postcodes starting %(district)s are outside Flintshire. For those, try:"
                ),
                "outside": _(
                    "%(postcode)s is not a Flintshire postcode. To find care where the person "
                    "lives, try:"
                ),
                "loading": _("Looking up the postcode…"),
                "failed": _(
                    "Sorry, the postcode list could not be loaded. Type the name of your "
                    "village or community instead."
                ),
            },
        }
    )


def postcode_files(table: PostcodeTable, elsewhere: Elsewhere, lang: str) -> dict[str, str]:
    """The postcode files of one language's site: ``{site path: JSON}``."""
    index = {
        "districts": {d: list(ids) for d, ids in sorted(table.districts.items())},
        "units": sorted(table.postcodes),
        "neighbours": [_council(c, lang) for c in elsewhere.neighbours],
        "everywhere": _council(elsewhere.everywhere, lang),
    }
    files = {f"{urls.POSTCODES}index.json": _json(index)}
    for district, units in sorted(table.postcodes.items()):
        grouped: dict[str, list[str]] = {}
        for inward, community in sorted(units.items()):
            grouped.setdefault(community, []).append(inward)
        files[urls.postcode_district(district)] = _json(dict(sorted(grouped.items())))
    return files


def _council(council: Council, lang: str) -> dict[str, Any]:
    return {
        "name": council.name.get(lang),
        "url": escape.web_url(council.url.get(lang)),
        "districts": list(council.districts),
    }


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
