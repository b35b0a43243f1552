"""What the browser tests know about the site: its page types, its words, its finder.

The words come from the data files and the Welsh catalogue, read here
directly (not through ``builder``), so a page that shows the wrong label or
the English text on a Welsh page is caught.
"""

from __future__ import annotations

from functools import cache
from urllib.parse import urlsplit

import pytest
import yaml
from babel.messages.pofile import read_po
from playwright.sync_api import Page, expect

from tests import expected

LANGS = ("en", "cy")
PREFIX = {"en": "", "cy": "cy/"}
OTHER = {"en": "cy", "cy": "en"}

# Every kind of page, at one example address (relative to a language's root).
PAGE_TYPES = {
    "home": "",
    "finder": "find/?area=holywell&service=companionship",
    "provider": "providers/bryn-care/",
    "community": "areas/holywell/",
    "service": "services/companionship/",
    "pair": "areas/mold/companionship/",
    "a-z": "providers/",
    "communities": "areas/",
    "services": "services/",
    "guidance": "guidance/",
    "contact": "contact/",
    "become": "become-a-micro-carer/",
    "accessibility": "accessibility/",
    "privacy": "privacy/",
    "shortlist": "shortlist/?p=bryn-care,cadno-care,dyfrdwy-days-care",
    "withdrawn": "providers/old-mill-care/",
    "404": "no-such-page/",
}


def url(lang: str, path: str) -> str:
    """A page's address, relative to the test server's root."""
    return PREFIX[lang] + path


def visit(page: Page, lang: str, page_type: str) -> None:
    """Open an example of ``page_type``; on the finder, wait for its results."""
    response = page.goto(url(lang, PAGE_TYPES[page_type]))
    assert response is not None
    assert response.status == (404 if page_type == "404" else 200)
    if page_type == "finder":
        want = expected.matching(area="holywell", services=("companionship",))
        wait_for_results(page, lang, len(want))
    if page_type == "shortlist":
        expect(page.locator(SHORTLISTED)).to_have_count(3)


@cache
def _welsh() -> dict[str, str]:
    with (expected.ROOT / "builder/locales/cy/LC_MESSAGES/messages.po").open("rb") as f:
        return {str(m.id): str(m.string) for m in read_po(f) if m.id and m.string and not m.fuzzy}


def t(lang: str, english: str) -> str:
    """A site string as it should read in ``lang``."""
    if lang == "en":
        return english
    welsh = _welsh()[english]
    assert welsh and welsh != english, f"no Welsh for {english!r}"
    return welsh


def show_text(lang: str, n: int) -> str:
    """What the finder's "Show N results" button says for ``n`` results."""
    if n == 1:
        return t(lang, "Show 1 result")
    return t(lang, "Show %(n)s results") % {"n": n}


def count_text(lang: str, n: int) -> str:
    """What the finder's live region says for ``n`` results."""
    if n == 0:
        return t(lang, "No micro-carers match. Try fewer services, or a neighbouring community.")
    if n == 1:
        return t(lang, "1 micro-carer found")
    return t(lang, "%(n)s micro-carers found") % {"n": n}


@cache
def _data(name: str) -> dict:
    return yaml.safe_load((expected.ROOT / "data" / name).read_text(encoding="utf-8"))


def service_label(service_id: str, lang: str) -> str:
    for group in _data("services.yml")["groups"]:
        for service in group["services"]:
            if service["id"] == service_id:
                return service[lang]
    raise KeyError(service_id)


def community_name(area_id: str, lang: str) -> str:
    for community in _data("areas.yml")["communities"]:
        if community["id"] == area_id:
            return community[lang]
    raise KeyError(area_id)


# -- The finder ---------------------------------------------------------------------

RESULT_LINKS = "#mc-results .mc-card__name a"
SHORTLISTED = "#mc-compare .mc-compare__item[data-slug]"
PLACE_BOX = "#mc-place"
PLACE_OPTIONS = "#mc-place-list [role=option]"
PAGE_SIZE = 20  # results the finder shows before "Show more micro-carers"


def slug_of(href: str) -> str:
    """The provider a link points to (links may carry a search and a shortlist)."""
    return urlsplit(href).path.rstrip("/").rsplit("/", 1)[-1]


def slugs(page: Page, links: str) -> set[str]:
    """The provider slugs that the links matching ``links`` point to."""
    hrefs = page.locator(links).evaluate_all("links => links.map(a => a.getAttribute('href'))")
    return {slug_of(href) for href in hrefs}


def shown_slugs(page: Page) -> set[str]:
    return slugs(page, RESULT_LINKS)


def wait_for_results(page: Page, lang: str, count: int) -> None:
    """Wait until the finder has announced ``count`` results and shown the first page."""
    text, shown = count_text(lang, count), min(count, PAGE_SIZE)
    # Poll on every frame: expect() backs off to a second between tries.
    page.wait_for_function(
        """([text, shown]) => {
            const count = document.getElementById("mc-count");
            return !!count && count.textContent === text &&
                document.querySelectorAll("#mc-results > li").length === shown;
        }""",
        arg=[text, shown],
        polling="raf",
    )
    expect(page.locator("#mc-count")).to_have_text(text)
    expect(page.locator("#mc-results > li")).to_have_count(shown)


def village_label(village: str, community: str, lang: str) -> str:
    """How the place list names a village: "Mynydd Isa (in Argoed)"."""
    return t(lang, "%(place)s (in %(community)s)") % {"place": village, "community": community}


def choose_place(page: Page, typed: str, label: str) -> None:
    """Type into the place box and choose the option ``label`` with the keyboard."""
    box = page.locator(PLACE_BOX)
    box.fill("")
    box.press_sequentially(typed)
    options = page.locator(PLACE_OPTIONS)
    expect(options.filter(has_text=label).first).to_be_visible()
    labels = options.all_inner_texts()
    for _ in range(labels.index(label) + 1):
        box.press("ArrowDown")
    box.press("Enter")
    expect(box).to_have_value(label)


def tab_to(page: Page, selector: str, key: str = "Tab") -> None:
    """Press Tab (or ``key``: Shift+Tab) until the element matching ``selector`` has focus."""
    for _ in range(120):
        page.keyboard.press(key)
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"Tab never reached {selector}")
