"""Turn a Directory into pages: a pure function from providers to text.

``build_pages`` returns ``{site path: content}`` for one language. It knows
nothing of MkDocs: the adapter hands the Markdown pages to whichever engine
builds the site. Templates hold presentation; the helpers here hold the
logic (which text to show, how to write a date, where a link points).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from babel import Locale
from markupsafe import Markup
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from builder import i18n
from builder.check import schema
from builder.site import escape, urls
from builder.site.fields import iter_fields
from builder.load.postcodes import load_elsewhere, load_table
from builder.site.finder import PlaceOption, finder_index, fold, place_lookup, place_options
from builder.site.places import places_config, postcode_files
from builder.i18n import N_
from builder.model import Directory
from builder.site.format import Formatter

TEMPLATES = Path(__file__).parent / "templates"
PAGE_SIZE = 20  # results the finder shows before "Show more"
RECENT_CHANGES = 50  # changes on the Recent changes page and in its feed

class Renderer(Formatter):
    """Renders every page of one language's site."""

    def __init__(self, directory: Directory, lang: str, site_url: str = "") -> None:
        super().__init__(directory, lang)
        self.site_url = site_url
        self.env = _environment(lang)
        self.env.globals.update(
            d=directory,
            v=self.vocab,
            lang=lang,
            urls=urls,
            PAGE_SIZE=PAGE_SIZE,
            link=urls.relative,
            place_options=self.place_options,
            **self.helpers(),
        )

    # -- pages ----------------------------------------------------------------------

    def _page(self, template: str, here: str, **context: Any) -> str:
        return self.env.get_template(template).render(here=here, **context)

    def pages(self) -> dict[str, str]:
        """Every generated page and data file of this language's site."""
        d = self.directory
        out: dict[str, str] = {}
        for p in d.providers:
            url = urls.provider(p.slug)
            out[urls.source_path(url)] = self._page("provider.md.j2", url, p=p)
            out[f"{urls.FINDER}cards/{p.slug}.html"] = self._page("card.html.j2", urls.FINDER, p=p)
            item = self._page("shortlist-item.html.j2", urls.SHORTLIST, p=p)
            out[urls.shortlist_item(p.slug)] = item
        for p in d.withdrawn:
            url = urls.provider(p.slug)
            out[urls.source_path(url)] = self._page("withdrawn.md.j2", url, p=p)
        for c in self.vocab.communities:
            url = urls.area(c.id)
            out[urls.source_path(url)] = self._page(
                "area.md.j2", url, community=c, providers=d.in_area(c.id)
            )
        for s in self.vocab.services:
            url = urls.service(s.id)
            out[urls.source_path(url)] = self._page(
                "service.md.j2", url, service=s, providers=d.offering(s.id)
            )
        out[urls.source_path(urls.PROVIDERS)] = self._page("providers.md.j2", urls.PROVIDERS)
        out[urls.source_path(urls.AREAS)] = self._page("areas.md.j2", urls.AREAS)
        out[urls.source_path(urls.SERVICES)] = self._page("services.md.j2", urls.SERVICES)
        out[urls.source_path(urls.FINDER)] = self._page(
            "find.md.j2",
            urls.FINDER,
            finder=self.finder_config(),
            places=places_config(self.lang),
            postcodes=load_table(),
        )
        out[f"{urls.FINDER}index.json"] = finder_index(d)
        out.update(postcode_files(load_table(), load_elsewhere(), self.lang))
        out[urls.source_path(urls.SHORTLIST)] = self._page("shortlist.md.j2", urls.SHORTLIST)
        out[urls.FIELDS_SOURCE] = self._page(
            "fields.md.j2", urls.FIELDS, fields=list(iter_fields(schema.schema()))
        )
        changes = d.changes[:RECENT_CHANGES]
        out[urls.source_path(urls.RECENT)] = self._page(
            "recent.md.j2", urls.RECENT, changes=changes
        )
        out[urls.FEED] = self._page(
            "feed.xml.j2", urls.FEED, changes=changes, site_url=self.site_url
        )
        return out

    def finder_config(self) -> Markup:
        """What the finder script needs, embedded in the finder page as JSON."""
        return escape.script_json(
            {
                "index": "index.json",
                "cards": "cards/",
                "pageSize": PAGE_SIZE,
                "places": place_lookup(self.directory),
                "text": {
                    "one": self.gettext("1 micro-carer found"),
                    "many": self.gettext("%(n)s micro-carers found"),
                    "none": self.gettext(
                        "No micro-carers match. Try fewer services, or a neighbouring community."
                    ),
                    "loading": self.gettext("Loading micro-carers…"),
                    "unknownPlace": self.gettext("We don't know the place '%(place)s'."),
                    "unknownService": self.gettext("We don't know the service '%(service)s'."),
                    "search": self.gettext("Your search: %(search)s"),
                    "failed": self.gettext(
                        "Sorry, the list of micro-carers could not be loaded. "
                        "Use the links to browse by community or service instead."
                    ),
                },
            }
        )

    def place_options(self) -> list[PlaceOption]:
        return place_options(self.directory, self.lang)


def build_pages(directory: Directory, lang: str, site_url: str = "") -> dict[str, str]:
    """All generated pages of the ``lang`` site: ``{site path: content}``.

    ``site_url`` is where this language's site is published; the Atom feed
    needs it for absolute links, and leaves links relative without it.
    """
    return Renderer(directory, lang, site_url).pages()


def _environment(lang: str) -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.install_gettext_callables(  # type: ignore[attr-defined]
        i18n.translator(lang), i18n.ngettext_for(lang), newstyle=True
    )
    env.filters["meta"] = escape.meta
    env.filters["mailto"] = escape.mailto
    env.filters["tel"] = escape.tel
    env.filters["web_url"] = escape.web_url
    env.filters["md"] = escape.markdown_inline
    return env
