"""The site search in a real browser: nothing fetched until used, the right pages first.

The box is in every page's header (overrides/partials/mc-search.html);
static/search.js loads Pagefind and this language's index (builder/search/)
at the first letter typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.browser.site import LANGS, PAGE_TYPES, t, url, visit
from tests.browser.test_accessibility import AXE, AXE_OPTIONS

pytestmark = pytest.mark.browser

RESULTS = ".mc-search__result"
BUNDLE = "/pagefind/"


def count_text(lang: str, n: int) -> str:
    """What the search's live region says when it has found ``n`` pages."""
    return t(lang, "1 result") if n == 1 else t(lang, "%(n)s results") % {"n": n}


def search(page: Page, lang: str, query: str) -> list[tuple[str, str]]:
    """Type ``query`` into the header's box; return the results shown: (text, address)."""
    box = page.get_by_role("searchbox", name=t(lang, "Search this site"))
    if not box.is_visible():  # a phone: the header's link opens the box
        page.locator(".mc-search__open").click()
    # Clearing the box clears the results, so nothing from a search before is read.
    box.fill("")
    expect(page.locator("#mc-search-status")).to_be_empty()
    box.fill(query)
    # Done when the live region says something other than "Searching…".
    page.wait_for_function(
        """searching => {
            const status = document.getElementById("mc-search-status").textContent;
            return status !== "" && status !== searching;
        }""",
        arg=t(lang, "Searching…"),
    )
    links = page.locator(f"{RESULTS} > a")
    return [
        (links.nth(i).inner_text(), str(links.nth(i).get_attribute("href")))
        for i in range(links.count())
    ]


def searched_for_data(requests: list[str]) -> list[str]:
    return [address for address in requests if BUNDLE in address]


# -- Nothing is fetched until someone searches ---------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_no_search_data_is_requested_when_a_page_loads(
    page_at: Callable[..., Page], page_type: str, lang: str
) -> None:
    page = page_at(1280)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    visit(page, lang, page_type)
    page.wait_for_load_state("networkidle")
    assert len(requests) > 3
    assert searched_for_data(requests) == []


@pytest.mark.parametrize("lang", LANGS)
def test_search_data_is_fetched_at_the_first_letter_not_when_the_box_is_reached(
    page: Page, lang: str
) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(url(lang, "guidance/"), wait_until="networkidle")
    box = page.get_by_role("searchbox", name=t(lang, "Search this site"))
    box.focus()
    page.wait_for_load_state("networkidle")
    assert searched_for_data(requests) == []
    box.press("m")
    page.wait_for_load_state("networkidle")
    assert any(address.endswith(BUNDLE + "pagefind.js") for address in requests)


# -- The right pages, first ----------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_first_result_appears_and_leads_to_the_page(page: Page, lang: str) -> None:
    page.goto(url(lang, "guidance/"))
    results = search(page, lang, "Bryn Care")
    assert results[0] == ("Bryn Care", f"/{url(lang, 'providers/bryn-care/')}")
    page.locator(f"{RESULTS} > a").first.click()
    expect(page.locator("h1")).to_have_text("Bryn Care")


@pytest.mark.parametrize("lang", LANGS)
def test_search_works_from_the_404_page_at_any_address(page: Page, lang: str) -> None:
    """The 404 page is served at any address: its search starts from the site's root."""
    page.goto(url(lang, "no/such/page/"))
    expect(page.locator(".mc-search__open")).to_have_attribute("href", f"/{url(lang, 'search/')}")
    assert search(page, lang, "Bryn Care")[0][1] == f"/{url(lang, 'providers/bryn-care/')}"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("query", ["YAML", "schema", "Bryn Care"])
def test_no_staff_page_is_in_the_public_results(page: Page, lang: str, query: str) -> None:
    """The publishing guide and the field reference use these words; the public never sees them."""
    page.goto(url(lang, ""))
    for _, address in search(page, lang, query):
        assert "staff-guide/" not in address and "fields/" not in address, address


def test_yr_wyddgrug_in_welsh_finds_the_mold_pages_first(page: Page) -> None:
    """ "Yr" is on nearly every Welsh page: it must not decide what is found."""
    page.goto(url("cy", ""))
    results = search(page, "cy", "Yr Wyddgrug")
    assert results[0] == ("Micro-ofalwyr yn ardal Yr Wyddgrug", "/cy/areas/mold/")
    count = page.locator("#mc-search-status").inner_text()
    for excerpt in page.locator(f"{RESULTS} > p").all_inner_texts():
        assert "wyddgrug" in excerpt.lower(), excerpt
    # The same pages as the place name alone.
    search(page, "cy", "Wyddgrug")
    expect(page.locator("#mc-search-status")).to_have_text(count)


@pytest.mark.parametrize(
    ("query", "section"),
    [
        ("complain", "guidance/#other-concerns-and-complaints"),
        ("concern", "guidance/#other-concerns-and-complaints"),
        ("safeguarding", "guidance/#if-someone-is-at-risk-of-harm-safeguarding"),
        ("cost", "guidance/#paying-for-micro-care"),
        ("direct payments", "guidance/#direct-payments"),
    ],
)
def test_the_words_families_use_find_the_right_guidance(
    page: Page, query: str, section: str
) -> None:
    page.goto(url("en", ""))
    text, address = search(page, "en", query)[0]
    assert address == "/" + section
    assert text.startswith("Choosing a micro-carer safely: ")


@pytest.mark.parametrize(
    ("lang", "query", "address"),
    [
        ("en", "Mynydd Isa", "areas/argoed/"),
        ("cy", "Mynydd Isa", "areas/argoed/"),
        ("en", "Holywell", "areas/holywell/"),
        ("cy", "Treffynnon", "areas/holywell/"),
        ("en", "companionship", "services/companionship/"),
        ("cy", "cwmnïaeth", "services/companionship/"),
    ],
)
def test_communities_are_found_by_village_and_services_by_their_words(
    page: Page, lang: str, query: str, address: str
) -> None:
    page.goto(url(lang, ""))
    found = [shown for _, shown in search(page, lang, query)]
    assert "/" + url(lang, address) in found


@pytest.mark.parametrize("lang", LANGS)
def test_nothing_found_says_so_and_offers_the_finder_and_the_a_to_z(page: Page, lang: str) -> None:
    page.goto(url(lang, ""))
    assert search(page, lang, "qwertyuiop") == []
    none = t(
        lang,
        "Nothing found for “%(query)s”. Check the spelling or try other words. "
        "You can also find micro-carers by place and service, or from A to Z:",
    )
    expect(page.locator("#mc-search-status")).to_have_text(none % {"query": "qwertyuiop"})
    ways = page.locator("#mc-search-ways a")
    expect(ways).to_have_text([t(lang, "Find a micro-carer"), t(lang, "Micro-carers from A to Z")])


# -- The search page, and no JavaScript ----------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_enter_opens_the_search_page_with_the_results(page: Page, lang: str) -> None:
    page.goto(url(lang, "privacy/"))
    box = page.get_by_role("searchbox", name=t(lang, "Search this site"))
    box.fill("Bryn Care")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?q=Bryn\+Care$"))
    expect(page.locator("h1")).to_have_text(t(lang, "Search"))
    expect(page.locator(f"#mc-search-page {RESULTS} > a").first).to_have_text("Bryn Care")
    expect(page.get_by_role("searchbox")).to_have_value("Bryn Care")


@pytest.mark.parametrize("lang", LANGS)
def test_without_javascript_search_says_it_needs_javascript_and_where_to_look(
    new_context: Callable[..., BrowserContext], lang: str
) -> None:
    page = new_context(java_script_enabled=False).new_page()
    page.goto(url(lang, "guidance/"))
    expect(page.get_by_role("searchbox")).to_be_hidden()
    page.locator(".mc-search__open").click()
    expect(page.locator("h1")).to_have_text(t(lang, "Search"))
    message = page.locator(".mc-search-nojs")
    expect(message).to_be_visible()
    expect(message).to_contain_text("JavaScript")
    links = message.get_by_role("link")
    expect(links.nth(0)).to_have_attribute("href", "../find/")
    expect(links.nth(1)).to_have_attribute("href", "../providers/")


# -- On a phone, and for everyone -----------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_on_a_phone_the_header_link_opens_the_box_and_escape_closes_it(
    page_at: Callable[..., Page], lang: str
) -> None:
    page = page_at(320)
    page.goto(url(lang, ""))
    opener = page.locator(".mc-search__open")
    expect(opener).to_have_text(t(lang, "Search"))
    opener.click()
    box = page.get_by_role("searchbox", name=t(lang, "Search this site"))
    expect(box).to_be_focused()
    box.press("Escape")
    expect(box).to_be_hidden()
    expect(opener).to_be_focused()


@pytest.mark.parametrize("width", [1280, 320])
@pytest.mark.parametrize("lang", LANGS)
def test_axe_finds_no_wcag_violations_with_the_results_open(
    page_at: Callable[..., Page], lang: str, width: int
) -> None:
    page = page_at(width)
    page.goto(url(lang, "providers/bryn-care/"))
    assert search(page, lang, "mold" if lang == "en" else "Yr Wyddgrug")
    expect(page.locator("#mc-search-output")).to_be_visible()
    results = AXE.run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()


def test_results_are_at_body_size_in_the_body_colour(page: Page) -> None:
    """Older eyes: no small grey text in the results."""
    page.goto(url("en", "guidance/"))
    search(page, "en", "mold")
    body = page.locator(".md-content p").first
    excerpt = page.locator(f"{RESULTS} > p").first
    style = "e => [getComputedStyle(e).fontSize, getComputedStyle(e).color]"
    body_size, _ = body.evaluate(style)
    size, colour = excerpt.evaluate(style)
    assert float(size[:-2]) >= float(body_size[:-2])
    assert colour == "rgb(11, 12, 12)"
