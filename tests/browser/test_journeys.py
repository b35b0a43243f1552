"""What residents and families do on the site, end to end, in English and in Welsh.

At every step, what the browser shows is compared with what a plain
reading of the YAML says it should show (tests/expected.py).
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import BrowserContext, Locator, Page, expect

from tests import expected
from tests.browser.site import (
    LANGS,
    OTHER,
    PLACE_BOX,
    RESULT_LINKS,
    choose_place,
    community_name,
    service_label,
    shown_slugs,
    slug_of,
    slugs,
    t,
    url,
    wait_for_results,
)

pytestmark = pytest.mark.browser

PROFILES = {p.slug: p for p in expected.profiles()}
CARD_LINKS = ".mc-card .mc-card__name a"


def content(page: Page) -> Locator:
    """The page's own content, without the menus around it."""
    return page.locator("main .md-content")


def expect_phone_link_is_right(page: Page, slug: str) -> None:
    """A provider page shows the provider's number, and calling it dials that number."""
    profile = PROFILES[slug]
    assert profile.phone is not None
    expect(content(page).locator("h1")).to_have_text(profile.name)
    phone = content(page).locator("a[href^='tel:']")
    expect(phone).to_have_count(1)
    expect(phone).to_be_visible()
    expect(phone).to_have_text(profile.phone)
    expect(phone).to_have_attribute("href", expected.tel_href(profile.phone))


# -- A resident ---------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_a_resident_finds_a_companion_in_holywell_taking_new_clients_and_their_number(
    page: Page, lang: str
) -> None:
    page.goto(url(lang, ""))
    content(page).get_by_role("link", name=t(lang, "Find a micro-carer"), exact=True).click()
    page.wait_for_url(f"**/{url(lang, 'find/')}")

    holywell = community_name("holywell", lang)
    choose_place(page, holywell, holywell)
    page.get_by_label(service_label("companionship", lang), exact=True).check()
    page.get_by_label(t(lang, "are taking new clients"), exact=True).check()

    want = expected.matching(area="holywell", services=("companionship",), taking_new_clients=True)
    assert want, "the sample data should have a match for this journey"
    wait_for_results(page, lang, len(want))
    assert shown_slugs(page) == want
    for card in page.locator("#mc-results .mc-card").all():
        expect(card.locator(".mc-availability strong")).to_have_text(t(lang, "Taking new clients"))
        expect(card).to_contain_text(service_label("companionship", lang))

    first = page.locator(RESULT_LINKS).first
    slug = slug_of(first.get_attribute("href") or "")
    first.click()
    assert urlsplit(page.url).path == "/" + url(lang, f"providers/{slug}/")
    expect_phone_link_is_right(page, slug)


# -- A family -----------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_a_family_shares_a_search_for_welsh_speakers_who_take_direct_payments(
    page: Page, new_context: Callable[..., BrowserContext], lang: str
) -> None:
    page.goto(url(lang, "find/"))
    wait_for_results(page, lang, len(expected.matching()))
    page.get_by_label(t(lang, "speak Welsh"), exact=True).check()
    page.get_by_label(t(lang, "accept direct payments"), exact=True).check()
    want = expected.matching(welsh=True, direct_payments=True)
    wait_for_results(page, lang, len(want))
    assert shown_slugs(page) == want

    # The address is the search: copied into a browser that has never seen it...
    shared = page.url
    assert shared.endswith(url(lang, "find/?welsh=1&direct-payments=1"))
    fresh = new_context(locale="cy-GB" if lang == "cy" else "en-GB").new_page()
    fresh.goto(shared)
    # ...it shows the same micro-carers, and the same choices ticked.
    wait_for_results(fresh, lang, len(want))
    assert shown_slugs(fresh) == want
    expect(fresh.get_by_label(t(lang, "speak Welsh"), exact=True)).to_be_checked()
    expect(fresh.get_by_label(t(lang, "accept direct payments"), exact=True)).to_be_checked()
    expect(fresh.get_by_label(t(lang, "are taking new clients"), exact=True)).not_to_be_checked()


# -- Without JavaScript -------------------------------------------------------------


def card(page: Page, slug: str) -> Locator:
    return page.locator(".mc-card").filter(has=page.locator(f"a[href$='/{slug}/']"))


@pytest.mark.parametrize("lang", LANGS)
def test_without_javascript_a_resident_finds_holywell_companions_through_the_pages(
    no_js: Page, lang: str
) -> None:
    page = no_js
    page.goto(url(lang, "find/?area=holywell&service=companionship"))
    # The page says plainly that it cannot filter, and shows nothing that
    # cannot work, nor a list of everyone as if it were the result...
    notice = page.locator("#mc-no-js")
    expect(notice).to_be_visible()
    expect(notice.locator("strong")).to_have_text(
        t(lang, "Filtering needs JavaScript, which is switched off or not working in this browser.")
    )
    for hidden in ("#mc-finder-form", "#mc-results-section", ".mc-finder > .mc-if-js"):
        expect(page.locator(hidden)).to_be_hidden()
    expect(content(page).locator(".mc-card")).to_have_count(0)
    # ...and offers the community pages instead.
    browse = page.locator("#browse-communities + .mc-browse")
    expect(page.locator("#browse-communities")).to_have_text(t(lang, "Browse by community"))
    browse.get_by_role("link", name=community_name("holywell", lang), exact=True).click()
    # A click returns once the next page starts loading: wait until it has.
    page.wait_for_url(f"**/{url(lang, 'areas/holywell/')}")

    in_holywell = expected.matching(area="holywell")
    assert slugs(page, CARD_LINKS) == in_holywell
    # Each card says what the provider does and whether they take new clients.
    taking = t(lang, "Taking new clients")
    companionship = service_label("companionship", lang)
    suitable = {
        slug
        for slug in in_holywell
        if companionship in card(page, slug).locator(".mc-card__services").inner_text()
        and card(page, slug).locator(".mc-availability strong").inner_text() == taking
    }
    assert suitable == expected.matching(
        area="holywell", services=("companionship",), taking_new_clients=True
    )

    # The community page narrows to one service, still without JavaScript...
    page.locator("#by-service + .mc-section").get_by_role(
        "link", name=companionship, exact=True
    ).click()
    assert page.url.endswith(url(lang, "areas/holywell/companionship/"))
    in_pair = expected.matching(area="holywell", services=("companionship",))
    assert slugs(page, CARD_LINKS) == in_pair
    # ...and offers no link to the finder, which could not filter here.
    expect(content(page).locator("a[href*='find/']")).to_be_hidden()

    # The service page lists everyone who offers companionship.
    page.goto(url(lang, "find/"))
    services = page.locator("#browse-services + .mc-browse")
    expect(page.locator("#browse-services")).to_have_text(t(lang, "Browse by service"))
    services.get_by_role("link", name=companionship, exact=True).click()
    page.wait_for_url(f"**/{url(lang, 'services/companionship/')}")
    assert slugs(page, CARD_LINKS) == expected.matching(services=("companionship",))

    slug = sorted(suitable)[0]
    card(page, slug).locator(".mc-card__name a").click()
    expect_phone_link_is_right(page, slug)


@pytest.mark.parametrize("lang", LANGS)
def test_without_javascript_a_family_finds_welsh_speakers_who_take_direct_payments(
    no_js: Page, lang: str
) -> None:
    """Every profile in the A to Z says whether the carer speaks Welsh and how to pay."""
    page = no_js
    page.goto(url(lang, "providers/"))
    everyone = slugs(page, CARD_LINKS)
    assert everyone == {p.slug for p in expected.published()}
    found = set()
    for slug in sorted(everyone):
        page.goto(url(lang, f"providers/{slug}/"), wait_until="domcontentloaded")
        welsh, pays = page.evaluate(
            """() => [
                !!document.querySelector(".md-content .mc-welsh"),
                [...document.querySelectorAll("#prices + .mc-section li")].map(li => li.innerText),
            ]"""
        )
        if welsh and t(lang, "Direct payments") in pays:
            found.add(slug)
    assert found == expected.matching(welsh=True, direct_payments=True)


# -- Switching language, and going back ----------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_switching_language_on_a_provider_page_lands_on_the_same_provider(
    page: Page, lang: str
) -> None:
    page.goto(url(lang, "providers/bryn-care/"))
    page.locator("a.mc-lang-switch").click()
    assert page.url.endswith(url(OTHER[lang], "providers/bryn-care/"))
    expect(page.locator("html")).to_have_attribute("lang", OTHER[lang])
    expect_phone_link_is_right(page, "bryn-care")
    page.go_back()
    assert page.url.endswith(url(lang, "providers/bryn-care/"))
    expect(page.locator("html")).to_have_attribute("lang", lang)


@pytest.mark.parametrize("lang", LANGS)
def test_switching_language_on_the_finder_keeps_the_search(page: Page, lang: str) -> None:
    page.goto(url(lang, "find/?area=holywell&service=companionship"))
    want = expected.matching(area="holywell", services=("companionship",))
    wait_for_results(page, lang, len(want))
    page.get_by_label(t(lang, "speak Welsh"), exact=True).check()
    want = expected.matching(area="holywell", services=("companionship",), welsh=True)
    wait_for_results(page, lang, len(want))

    page.locator("a.mc-lang-switch").click()
    other = OTHER[lang]
    assert page.url.endswith(url(other, "find/?area=holywell&service=companionship&welsh=1"))
    wait_for_results(page, other, len(want))
    assert shown_slugs(page) == want
    expect(page.locator(PLACE_BOX)).to_have_value(community_name("holywell", other))


@pytest.mark.parametrize("lang", LANGS)
def test_the_back_button_brings_back_the_filters_and_the_results(page: Page, lang: str) -> None:
    page.goto(url(lang, "find/"))
    wait_for_results(page, lang, len(expected.matching()))
    choose_place(page, community_name("mold", lang), community_name("mold", lang))
    page.get_by_label(service_label("personal-care", lang), exact=True).check()
    page.get_by_label(t(lang, "are taking new clients"), exact=True).check()
    want = expected.matching(area="mold", services=("personal-care",), taking_new_clients=True)
    wait_for_results(page, lang, len(want))
    search = page.url

    page.locator(RESULT_LINKS).first.click()
    expect(page).not_to_have_url(search)
    page.go_back()

    assert page.url == search
    wait_for_results(page, lang, len(want))
    assert shown_slugs(page) == want
    expect(page.locator(PLACE_BOX)).to_have_value(community_name("mold", lang))
    expect(page.get_by_label(service_label("personal-care", lang), exact=True)).to_be_checked()
    expect(page.get_by_label(t(lang, "are taking new clients"), exact=True)).to_be_checked()
