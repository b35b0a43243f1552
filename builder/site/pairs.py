"""Pages for one community and one service: ``areas/mold/companionship/``.

Without JavaScript the finder cannot combine a place with a service, so each
pair that has providers gets a page of its own, linked from its community
and service pages. These pages are kept out of the navigation (as every
generated page is), out of the search (their providers are already on the
community and service pages) and low in the sitemap.

A directory of 10,000 providers has some 440 pairs, each listing hundreds of
providers, so the pages stay cheap: a compact card, rendered once per
provider and language (and kept between builds), joined into every pair page
that lists it.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from markupsafe import Markup

from builder.model import Provider
from builder.site import urls

if TYPE_CHECKING:  # render imports this module to list the pair pages
    from builder.site.render import Output, Renderer

TEMPLATE = "area_service.md.j2"


def pair_outputs(renderer: Renderer) -> list[Output]:
    """Every community and service pair's page, with what it depends on."""
    out = []
    for (area_id, service_id), providers in renderer.directory.pairs.items():
        here = urls.area_service(area_id, service_id)
        depends = [area_id, service_id, *map(renderer.key, providers)]
        make = partial(_page, renderer, area_id, service_id, providers)
        out.append(renderer.output(urls.source_path(here), depends, make))
    return out


def _page(
    renderer: Renderer, area_id: str, service_id: str, providers: tuple[Provider, ...]
) -> str:
    here = urls.area_service(area_id, service_id)
    vocab = renderer.vocab
    cards = (renderer.card_html(p, here, 2, "compact_card") for p in providers)
    return renderer.env.get_template(TEMPLATE).render(
        here=here,
        community=vocab.community(area_id),
        service=vocab.service(service_id),
        count=len(providers),
        # Markup.join keeps the escaped cards and would escape anything else.
        cards=Markup("\n").join(cards),
    )


def low_priority(renderer: Renderer) -> list[str]:
    """The pair pages, which a sitemap ranks below the rest."""
    return sorted(urls.area_service(a, s) for a, s in renderer.directory.pairs)
