"""No cookies, no tracking, nothing stored, nothing fetched from anywhere but the site.

Every browser test already fails if a page asks another website for
anything or sets a cookie (conftest.py). These tests look harder: every
page type in both languages in a fresh browser, and a visit that uses
everything that could store something (the finder, the search box, the
phone menu, switching language, going back).

What Material for MkDocs writes, read from its bundle (9.8.1): it keeps
state in localStorage only for features this site does not enable: the
colour-palette toggle ("__palette"), a dismissible announcement
("__announce"), linked content tabs ("__tabs"), the cookie-consent form
("__consent"), and, in sessionStorage, the repository facts ("__source")
and the version warning ("__outdated"). test_material_features_that_store_things_are_off
checks that none of them is on; the tests here check that nothing is stored.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests import expected
from tests.browser.conftest import foreign_requests
from tests.browser.site import (
    LANGS,
    PAGE_TYPES,
    RESULT_LINKS,
    choose_place,
    community_name,
    t,
    url,
    visit,
    wait_for_results,
)

pytestmark = pytest.mark.browser

STORED = """async () => ({
  cookie: document.cookie,
  localStorage: Object.keys(localStorage),
  sessionStorage: Object.keys(sessionStorage),
  indexedDB: (await indexedDB.databases()).map(db => db.name),
  caches: await caches.keys(),
})"""
NOTHING = {"cookie": "", "localStorage": [], "sessionStorage": [], "indexedDB": [], "caches": []}


def fresh_browser(new_context: Callable[..., BrowserContext], requests: list[str]) -> Page:
    context = new_context(viewport={"width": 1280, "height": 800})
    context.on("request", lambda request: requests.append(request.url))
    return context.new_page()


@pytest.mark.parametrize("lang", LANGS)
def test_no_page_sets_a_cookie_stores_anything_or_asks_another_website(
    new_context: Callable[..., BrowserContext], base_url: str, lang: str
) -> None:
    requests: list[str] = []
    page = fresh_browser(new_context, requests)
    for page_type in PAGE_TYPES:
        visit(page, lang, page_type)
        assert page.evaluate(STORED) == NOTHING, page_type
    assert page.context.cookies() == []
    assert len(requests) > len(PAGE_TYPES)
    assert foreign_requests(requests, base_url) == []


@pytest.mark.parametrize("lang", LANGS)
def test_using_the_finder_search_and_menus_stores_nothing(
    new_context: Callable[..., BrowserContext], base_url: str, lang: str
) -> None:
    requests: list[str] = []
    page = fresh_browser(new_context, requests)

    # The finder: choose, open a result, come back.
    page.goto(url(lang, "find/"))
    holywell = community_name("holywell", lang)
    choose_place(page, holywell, holywell)
    want = expected.matching(area="holywell")
    wait_for_results(page, lang, len(want))
    page.locator(RESULT_LINKS).first.click()
    page.go_back()
    wait_for_results(page, lang, len(want))

    # The search box: type, and follow the result for the community.
    mold = community_name("mold", lang)
    search = page.get_by_role("searchbox", name=t(lang, "Search this site"))
    search.click()
    search.press_sequentially(mold)
    result = page.locator(".mc-search__result a").filter(has_text=mold).first
    result.click()
    page.wait_for_load_state()

    # The phone menu, and the language switch.
    page.set_viewport_size({"width": 320, "height": 800})
    page.locator("label.md-header__button[for=__drawer]").click()
    expect(page.locator(".md-sidebar--primary")).to_be_in_viewport()
    page.locator("label.md-overlay").click(position={"x": 300, "y": 400})
    expect(page.locator(".md-sidebar--primary")).not_to_be_in_viewport()
    page.locator("a.mc-lang-switch").click()
    page.wait_for_load_state()
    expect(page.locator("html")).not_to_have_attribute("lang", lang)

    assert page.evaluate(STORED) == NOTHING
    assert page.context.cookies() == []
    assert foreign_requests(requests, base_url) == []


def test_material_features_that_store_things_are_off(page: Page) -> None:
    page.goto(url("en", ""))
    for component in ("palette", "consent", "source", "outdated"):
        expect(page.locator(f"[data-md-component={component}]")).to_have_count(0)
    expect(page.locator(".md-banner__button")).to_have_count(0)  # dismissing the banner
    expect(page.locator(".tabbed-set")).to_have_count(0)
    features = page.evaluate("JSON.parse(document.getElementById('__config').textContent)")
    assert "content.tabs.link" not in features["features"]
    assert "announce.dismiss" not in features["features"]
