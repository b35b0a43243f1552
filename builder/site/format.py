"""How values are written on a page, in one language: the helpers templates call.

Dates ("3 March 2026"), money, durations, the labels of fixed values, the
names of places, services and languages, and a provider's own text with a
note when it is shown in the other language.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import cache
from typing import Any

from babel import Locale
from markupsafe import Markup, escape

from builder import i18n
from builder.i18n import N_
from builder.model import Directory, Provider, Text
from builder.site.finder import fold

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


class Formatter:
    """Writes values for a page in ``lang``; ``render.Renderer`` adds the pages."""

    def __init__(self, directory: Directory, lang: str) -> None:
        self.directory = directory
        self.vocab = directory.vocab
        self.lang = lang
        self.gettext = i18n.translator(lang)

    def helpers(self) -> dict[str, Any]:
        """The helpers, by the names the templates call them."""
        return {
            "text": self.text,
            "date": self.date,
            "label": self.label,
            "area_name": self.area_name,
            "service_name": self.service_name,
            "language_name": self.language_name,
            "money": self.money,
            "duration": self.duration,
            "description_html": self.description_html,
            "setting": self.setting,
            "areas_sorted": self.areas_sorted,
            "communities_sorted": self.communities_sorted,
            "by_letter": self.by_letter,
        }

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


@cache
def _locale(lang: str) -> Locale:
    return Locale.parse("en_GB" if lang == "en" else lang)
