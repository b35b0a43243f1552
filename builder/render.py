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
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from builder import i18n, urls, validate
from builder.fields import iter_fields
from builder.finder import finder_index, fold, place_lookup, place_options
from builder.i18n import N_
from builder.model import Directory, Provider, Text

TEMPLATES = Path(__file__).parent / "templates"
PAGE_SIZE = 20  # results the finder shows before "Show more"
RECENT_CHANGES = 50  # changes on the Recent changes page and in its feed

# Labels for the fixed values in the schema. Areas and services have their
# labels in data/; these are part of the product, so they are translated
# through the message catalogue like every other string.
LABELS = {
    "taking-new-clients": N_("Taking new clients"),
    "waiting-list": N_("Waiting list"),
    "not-taking-new-clients": N_("Not taking new clients"),
    "early-morning": N_("Early mornings"),
    "daytime": N_("Daytime"),
    "evening": N_("Evenings"),
    "night": N_("Nights"),
    "weekends": N_("Weekends"),
    "self-funded": N_("Paying privately (self-funded)"),
    "direct-payments": N_("Direct payments"),
    "council-arranged": N_("Care arranged by the council"),
    "sole-trader": N_("Sole trader"),
    "partnership": N_("Partnership"),
    "limited-company": N_("Limited company"),
    "cic": N_("Community interest company"),
}


class Renderer:
    """Renders every page of one language's site."""

    def __init__(self, directory: Directory, lang: str, site_url: str = "") -> None:
        self.directory = directory
        self.site_url = site_url
        self.vocab = directory.vocab
        self.lang = lang
        self.gettext = i18n.translator(lang)
        self.env = _environment(lang)
        self.env.globals.update(
            d=directory,
            v=self.vocab,
            lang=lang,
            urls=urls,
            PAGE_SIZE=PAGE_SIZE,
            link=urls.relative,
            text=self.text,
            date=self.date,
            label=self.label,
            area_name=self.area_name,
            service_name=self.service_name,
            language_name=self.language_name,
            money=self.money,
            duration=self.duration,
            description_html=self.description_html,
            setting=self.setting,
            place_options=self.place_options,
            areas_sorted=self.areas_sorted,
            communities_sorted=self.communities_sorted,
            by_letter=self.by_letter,
        )

    # -- helpers the templates call -------------------------------------------------

    def text(self, value: Text | None, tag: str = "p", css: str = "") -> Markup:
        """A provider's text in this language, marked up as ``tag``.

        On a Welsh page with no Welsh text, the English is shown with
        ``lang="en"`` (so screen readers switch voice) and a short note.
        """
        if value is None:
            return Markup("")
        body, text_lang = value.get(self.lang)
        cls = Markup(f' class="{css}"') if css else Markup("")
        if text_lang == self.lang:
            return Markup(f"<{tag}{cls}>{escape(body)}</{tag}>")
        note = escape(self.gettext("This text is only available in English."))
        return Markup(
            f'<{tag}{cls} lang="{text_lang}">{escape(body)}</{tag}><p class="mc-note">{note}</p>'
        )

    def description_html(self, value: Text) -> Markup:
        """A description: paragraphs split by blank lines, "- " lines as lists."""
        body, text_lang = value.get(self.lang)
        html = _paragraphs_and_lists(body)
        if text_lang == self.lang:
            return html
        note = escape(self.gettext("This text is only available in English."))
        return Markup(f'<div lang="{text_lang}">{html}</div><p class="mc-note">{note}</p>')

    def date(self, value: dt.date) -> Markup:
        written = escape(i18n.format_date(value, self.lang))
        return Markup(f'<time datetime="{value.isoformat()}">{written}</time>')

    def label(self, value: str) -> str:
        return self.gettext(LABELS[value])

    def area_name(self, area_id: str) -> str:
        if area_id == self.vocab.all_areas_id:
            return self.vocab.all_areas_name.get(self.lang)
        return self.vocab.community(area_id).name.get(self.lang)

    def service_name(self, service_id: str) -> str:
        return self.vocab.service(service_id).label.get(self.lang)

    def language_name(self, code: str) -> str:
        name = str(_locale(self.lang).languages.get(code, code))
        return name[:1].upper() + name[1:]

    def money(self, amount: Decimal) -> str:
        return f"£{amount:.2f}"

    def duration(self, minutes: int) -> str:
        hours, mins = divmod(minutes, 60)
        if not hours:
            return self.gettext("%(m)s minutes") % {"m": mins}
        if not mins:
            return (self.gettext("1 hour") if hours == 1 else self.gettext("%(h)s hours")) % {
                "h": hours
            }
        return self.gettext("%(h)s hours %(m)s minutes") % {"h": hours, "m": mins}

    def areas_sorted(self, p: Provider) -> list[str]:
        return sorted(p.areas, key=lambda a: fold(self.area_name(a)))

    def communities_sorted(self) -> list[Any]:
        return sorted(self.vocab.communities, key=lambda c: fold(c.name.get(self.lang)))

    def by_letter(self, providers: tuple[Provider, ...]) -> list[tuple[str, list[Provider]]]:
        """Providers grouped under the first letter of their name, for the A to Z."""
        groups: dict[str, list[Provider]] = {}
        for p in providers:
            first = fold(p.name.removeprefix("The ")[:1]).upper() or "#"
            groups.setdefault(first if first.isalpha() else "#", []).append(p)
        return sorted(groups.items())

    def setting(self, key: str) -> str:
        return self.vocab.text(key).get(self.lang)

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
            "find.md.j2", urls.FINDER, finder=self.finder_config()
        )
        out[f"{urls.FINDER}index.json"] = finder_index(d)
        out[urls.FIELDS_SOURCE] = self._page(
            "fields.md.j2", urls.FIELDS, fields=list(iter_fields(validate.schema()))
        )
        changes = d.changes[:RECENT_CHANGES]
        out[urls.source_path(urls.RECENT)] = self._page(
            "recent.md.j2", urls.RECENT, changes=changes
        )
        out[urls.FEED] = self._page(
            "feed.xml.j2", urls.FEED, changes=changes, site_url=self.site_url
        )
        return out

    def finder_config(self) -> str:
        """What the finder script needs, embedded in the finder page as JSON."""
        return _json(
            {
                "index": "index.json",
                "cards": "cards/",
                "pageSize": PAGE_SIZE,
                "places": place_lookup(self.directory, self.lang),
                "text": {
                    "one": self.gettext("1 micro-carer found"),
                    "many": self.gettext("%(n)s micro-carers found"),
                    "none": self.gettext(
                        "No micro-carers match. Try fewer services, or a neighbouring community."
                    ),
                    "loading": self.gettext("Loading micro-carers…"),
                    "search": self.gettext("Your search: %(search)s"),
                    "failed": self.gettext(
                        "Sorry, the list of micro-carers could not be loaded. "
                        "Use the links to browse by community or service instead."
                    ),
                },
            }
        )

    def place_options(self) -> list[tuple[str, str, bool]]:
        return place_options(self.directory, self.lang)


def build_pages(directory: Directory, lang: str, site_url: str = "") -> dict[str, str]:
    """All generated pages of the ``lang`` site: ``{site path: content}``.

    ``site_url`` is where this language's site is published; the Atom feed
    needs it for absolute links, and leaves links relative without it.
    """
    return Renderer(directory, lang, site_url).pages()


def _paragraphs_and_lists(body: str) -> Markup:
    """Blank lines separate paragraphs; lines starting "- " or "* " make a list."""
    parts: list[str] = []
    for block in body.strip().split("\n\n"):
        lines = [line.strip() for line in block.strip().splitlines() if line.strip()]
        para: list[str] = []
        items: list[str] = []
        for line in lines:
            if line[:2] in ("- ", "* "):
                if para:
                    parts.append(f"<p>{escape(' '.join(para))}</p>")
                    para = []
                items.append(f"<li>{escape(line[2:].strip())}</li>")
            else:
                if items:
                    parts.append(f"<ul>{''.join(items)}</ul>")
                    items = []
                para.append(line)
        if para:
            parts.append(f"<p>{escape(' '.join(para))}</p>")
        if items:
            parts.append(f"<ul>{''.join(items)}</ul>")
    return Markup("\n".join(parts))


def _yaml_string(value: Any) -> Markup:
    """Quote text for the page's front matter (a JSON string is valid YAML).

    Front matter is plain text, not HTML: undo the autoescaping first, or a
    title such as "Hope & Help" would show as "Hope &amp; Help".
    """
    plain = value.unescape() if isinstance(value, Markup) else str(value)
    return Markup(json.dumps(plain, ensure_ascii=False))


def _markdown_escape(value: Any) -> Markup:
    """Make (already HTML-escaped) text safe to put in a Markdown heading."""
    return Markup(re.sub(r"([\\`*_{}\[\]()#+!|])", r"\\\1", str(value)))


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=False)


@cache
def _locale(lang: str) -> Locale:
    return Locale.parse("en_GB" if lang == "en" else lang)


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
    env.filters["yaml"] = _yaml_string
    env.filters["md"] = _markdown_escape
    return env
