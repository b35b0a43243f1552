"""Turn a Directory into the files of one language's site: a pure function of the data.

``Renderer.outputs()`` lists every generated file (pages as Markdown, the
finder's data, the feed) with a **key**: a digest of everything the file
depends on. A file whose key has not changed since the last build need not
be made again, which is what makes a one-profile edit cheap
(``engines/tree.py`` keeps the keys between builds). ``build_pages`` makes
them all. Nothing here knows which engine builds the site.

A provider's card appears on many pages (the finder, the A to Z, each
community and service it is listed under), so each card is rendered once
per build, or taken from the previous build if the provider is unchanged,
with its links relative to a marker that each page replaces with its own
way back to the site's root.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from builder import i18n
from builder.check import schema
from builder.load.postcodes import load_elsewhere, load_table
from builder.model import Directory, Provider
from builder.paths import DATA_DIR, SCHEMA_PATH
from builder.site import escape, urls
from builder.site.fields import iter_fields
from builder.site.finder import PlaceOption, finder_index, place_lookup, place_options
from builder.site.format import Formatter
from builder.site.json_ld import provider_json_ld
from builder.site.mistakes import mistake_link
from builder.site.open_data import OpenData
from builder.site.pairs import pair_outputs
from builder.site.places import places_config, postcode_files

TEMPLATES = Path(__file__).parent / "templates"
PAGE_SIZE = 20  # results the finder shows before "Show more"
RECENT_CHANGES = 50  # changes on the Recent changes page and in its feed
# Stands for "the site's root, seen from this page" in a cached card. It is
# Markup, never text: escaped provider text cannot contain a raw "<".
_ROOT = "<mc-root>"

#: A card's text by (provider key, heading level, macro): kept between builds.
CardCache = dict[tuple[str, int, str], str]


@dataclass(frozen=True)
class Output:
    """One generated file: its path in the site, the key of what it depends on, its maker."""

    path: str
    key: str
    make: Callable[[], str | bytes]


class Renderer(Formatter):
    """Renders the generated files of one language's site."""

    def __init__(
        self,
        directory: Directory,
        lang: str,
        site_url: str = "",
        cards: CardCache | None = None,
    ) -> None:
        super().__init__(directory, lang)
        self.site_url = site_url
        self.cards: CardCache = {} if cards is None else cards
        self.used_cards: set[tuple[str, int, str]] = set()
        self.env = _environment(lang)
        self.env.globals.update(
            d=directory,
            v=self.vocab,
            lang=lang,
            urls=urls,
            PAGE_SIZE=PAGE_SIZE,
            link=_link,
            card_html=self.card_html,
            place_options=self.place_options,
            mistake_link=partial(mistake_link, self.vocab, lang, site_url),
            **self.helpers(),
        )
        self.env.globals["json_ld"] = lambda p: provider_json_ld(p, self, site_url)
        self._keys: dict[str, str] = {}
        self._global = _digest(lang, site_url, directory.today.isoformat(), source_digest())

    # -- keys ---------------------------------------------------------------------------

    def key(self, p: Provider) -> str:
        """The digest of one provider's data and of what every file depends on (the
        code, the data files, the date): it changes whenever any of them does, so a
        card kept from an earlier build is never one the code or the date has changed."""
        if p.slug not in self._keys:
            self._keys[p.slug] = _digest(self._global, repr(p))
        return self._keys[p.slug]

    def output(self, path: str, depends: Iterable[str], make: Callable[[], str]) -> Output:
        """One generated file: ``depends`` are the keys of what it depends on besides
        what every file depends on (the code, the data files, the date)."""
        return Output(path, _digest(self._global, path, *depends), make)

    # -- cards --------------------------------------------------------------------------

    def card_html(self, p: Provider, here: str, level: int = 2, macro: str = "card") -> Markup:
        """The card of ``p`` (made by ``macro``: "card" or "compact_card") for the page at
        ``here``, with links that work from there."""
        cached = (self.key(p), level, macro)
        self.used_cards.add(cached)
        if cached not in self.cards:
            module: Any = self.env.get_template("_macros.j2").module
            self.cards[cached] = str(getattr(module, macro)(p, _ROOT, level))
        root = urls.relative(here, "") if here else ""
        return Markup(self.cards[cached].replace(_ROOT, "" if root == "./" else root))

    # -- files --------------------------------------------------------------------------

    def _page(self, template: str, here: str, **context: Any) -> str:
        return self.env.get_template(template).render(here=here, **context)

    def outputs(self) -> list[Output]:
        """Every generated page and data file of this language's site, with its key."""
        d, page, add = self.directory, self._page, self.output
        everyone = [self.key(p) for p in d.providers]
        out: list[Output] = []
        for p in d.providers:
            url = urls.provider(p.slug)
            out.append(
                add(urls.source_path(url), [self.key(p)], partial(page, "provider.md.j2", url, p=p))
            )
            cards_url = f"{urls.FINDER}cards/{p.slug}.html"
            out.append(add(cards_url, [self.key(p)], partial(self.card_html, p, urls.FINDER, 3)))
            item = partial(page, "shortlist-item.html.j2", urls.SHORTLIST, p=p)
            out.append(add(urls.shortlist_item(p.slug), [self.key(p)], item))
        for p in d.withdrawn:
            url = urls.provider(p.slug)
            make = partial(page, "withdrawn.md.j2", url, p=p)
            out.append(add(urls.source_path(url), [self.key(p)], make))
        for p in d.paused:  # the same address, saying the listing is paused
            url = urls.provider(p.slug)
            make = partial(page, "paused.md.j2", url, p=p)
            out.append(add(urls.source_path(url), [self.key(p)], make))
        for c in self.vocab.communities:
            url, listed = urls.area(c.id), d.in_area(c.id)
            make = partial(page, "area.md.j2", url, community=c, providers=listed)
            out.append(add(urls.source_path(url), [c.id, *map(self.key, listed)], make))
        for s in self.vocab.services:
            url, listed = urls.service(s.id), d.offering(s.id)
            make = partial(page, "service.md.j2", url, service=s, providers=listed)
            out.append(add(urls.source_path(url), [s.id, *map(self.key, listed)], make))
        out += pair_outputs(self)
        counts = [str(len(d.in_area(c.id))) for c in self.vocab.communities]
        counts += [str(len(d.offering(s.id))) for s in self.vocab.services]
        for url, template, depends in (
            (urls.PROVIDERS, "providers.md.j2", everyone),
            (urls.AREAS, "areas.md.j2", counts),
            (urls.SERVICES, "services.md.j2", counts),
        ):
            out.append(add(urls.source_path(url), depends, partial(page, template, url)))
        finder = partial(
            page,
            "find.md.j2",
            urls.FINDER,
            finder=self.finder_config(),
            places=places_config(self.lang),
            postcodes=load_table(),
        )
        out.append(add(urls.source_path(urls.FINDER), [], finder))
        out.append(add(f"{urls.FINDER}index.json", everyone, partial(finder_index, d)))
        # The postcode table is data/ (which every file depends on): made once here.
        for path, text in postcode_files(load_table(), load_elsewhere(), self.lang).items():
            out.append(add(path, [], partial(str, text)))
        out.append(
            add(
                urls.source_path(urls.SHORTLIST),
                [],
                partial(page, "shortlist.md.j2", urls.SHORTLIST),
            )
        )
        fields = partial(
            page, "fields.md.j2", urls.FIELDS, fields=list(iter_fields(schema.schema()))
        )
        out.append(add(urls.FIELDS_SOURCE, [], fields))
        changes = d.changes[:RECENT_CHANGES]
        changed = [repr(changes), *(self.key(d.provider(c.slug)) for c in changes)]
        recent = partial(page, "recent.md.j2", urls.RECENT, changes=changes)
        out.append(add(urls.source_path(urls.RECENT), changed, recent))
        feed = partial(page, "feed.xml.j2", urls.FEED, changes=changes, site_url=self.site_url)
        out.append(add(urls.FEED, changed, feed))
        data = OpenData(d, self.lang, self.site_url)
        for p in d.providers:
            out.append(add(data.service_path(p), [self.key(p)], partial(data.service_file, p)))
        for path in data.shared_paths():
            out.append(add(path, everyone, partial(data.shared_file, path)))
        return out

    def not_in_sitemap(self) -> list[str]:
        """Pages that answer at their address but that nothing should lead anyone to."""
        unlisted = (*self.directory.withdrawn, *self.directory.paused)
        return sorted(urls.provider(p.slug) for p in unlisted)

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
                    "showOne": self.gettext("Show 1 result"),
                    "showMany": self.gettext("Show %(n)s results"),
                    "chosen": self.gettext("(%(n)s chosen)"),
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


def build_pages(directory: Directory, lang: str, site_url: str = "") -> dict[str, str | bytes]:
    """All generated files of the ``lang`` site: ``{site path: content}``.

    ``site_url`` is where this language's site is published; the Atom feed
    needs it for absolute links, and leaves links relative without it.
    """
    return {o.path: o.make() for o in Renderer(directory, lang, site_url).outputs()}


def _link(here: str, to: str) -> str:
    """A link from the page at ``here`` to ``to``; in a card, relative to the root marker."""
    if here == _ROOT:
        return Markup(_ROOT) + to
    return urls.relative(here, to)


def _digest(*parts: str) -> str:
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


@cache
def source_digest() -> str:
    """A digest of everything besides the providers that generated files depend on:
    the builder's code, templates, static files and translations, data/ and the schema."""
    builder = Path(__file__).resolve().parent.parent
    files = [
        *sorted(p for p in builder.rglob("*") if p.is_file() and "__pycache__" not in p.parts),
        *sorted(DATA_DIR.glob("*.yml")),
        SCHEMA_PATH,
    ]
    h = hashlib.blake2b(digest_size=16)
    for path in files:
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()


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
    # What the i18n extension's "newstyle" gettext does (a translation is
    # Markup; the values put into it are escaped), in one call instead of
    # three: a provider page calls it dozens of times.
    translate, plural = i18n.translator(lang), i18n.ngettext_for(lang)

    def gettext(message: str, **values: Any) -> Markup:
        text = Markup(translate(message))
        return text % values if values else text

    def ngettext(singular: str, plural_form: str, n: int, **values: Any) -> Markup:
        return Markup(plural(singular, plural_form, n)) % {"num": n, **values}

    env.globals.update(_=gettext, gettext=gettext, ngettext=ngettext)
    env.filters["meta"] = escape.meta
    env.filters["xml"] = escape.xml_text
    env.filters["md"] = escape.markdown_inline
    env.filters["mailto"] = escape.mailto
    env.filters["tel"] = escape.tel
    env.filters["web_url"] = escape.web_url
    return env


def page_keys(outputs: Iterable[Output]) -> Mapping[str, str]:
    """Each output's key by its path."""
    return {o.path: o.key for o in outputs}
