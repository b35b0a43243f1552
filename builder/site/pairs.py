"""Pages for one community and one service: ``areas/mold/companionship/``.

Without JavaScript the finder cannot combine a place with a service, so each
pair that has providers gets a page of its own, linked from its community
and service pages. These pages are kept out of the navigation (as every
generated page is), out of the search (their providers are already on the
community and service pages) and low in the sitemap (``sitemap_priority``).

A directory of 10,000 providers has some 440 pairs, each listing hundreds of
providers, so the pages stay cheap: a compact card, rendered once per
provider and language, joined into every pair page that lists it.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from builder.model import Directory
from builder.site import urls

TEMPLATE = "area_service.md.j2"


def pair_pages(directory: Directory, env: Environment) -> dict[str, str]:
    """``{source path: Markdown}`` for every community and service pair with providers.

    ``env`` is the language's template environment, with its helpers.
    """
    page = env.get_template(TEMPLATE)
    # A template module's macros are attributes made when it is loaded.
    macros: Any = env.get_template("_macros.j2").module
    vocab = directory.vocab
    cards: dict[str, Markup] = {}
    out: dict[str, str] = {}
    for (area_id, service_id), providers in directory.pairs.items():
        here = urls.area_service(area_id, service_id)
        for p in providers:
            if p.slug not in cards:
                # Every pair page is at the same depth, so the card's relative
                # link to the provider's page is right on all of them.
                cards[p.slug] = macros.compact_card(p, here)
        out[urls.source_path(here)] = page.render(
            here=here,
            community=vocab.community(area_id),
            service=vocab.service(service_id),
            count=len(providers),
            # Markup.join keeps the autoescaped cards and would escape anything else.
            cards=Markup("\n").join(cards[p.slug] for p in providers),
        )
    return out
