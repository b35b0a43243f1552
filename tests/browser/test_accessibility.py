"""WCAG 2.2 AA in a real browser: axe, the keyboard, focus, reflow, the live region.

Every page type, in English and in Welsh, at a desktop width (1280 pixels)
and at the 320 pixels of a small phone (the width WCAG's reflow criterion
names, and what a 1280-pixel window shows at 400% zoom).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from axe_playwright_python.base import AxeResults
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import BrowserContext, Page, Route, expect

from tests import expected
from tests.browser.conftest import Traffic, foreign_requests
from tests.browser.site import (
    LANGS,
    OTHER,
    PAGE_TYPES,
    community_name,
    count_text,
    service_label,
    shown_slugs,
    t,
    tab_to,
    url,
    visit,
    wait_for_results,
)

pytestmark = pytest.mark.browser

AXE = Axe()
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
    },
    "resultTypes": ["violations"],
}
NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; }"
SKIP_LINK = {"en": "Skip to content", "cy": "Neidio i'r cynnwys"}


def sideways_overflow(page: Page) -> int:
    """How many pixels the page is wider than the window (0: no sideways scrolling)."""
    return page.evaluate(
        "() => document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth"
    )


@pytest.fixture(
    scope="module",
    params=[(page_type, lang) for lang in LANGS for page_type in PAGE_TYPES],
    ids=lambda param: "-".join(param),
)
def loaded(
    request: pytest.FixtureRequest,
    shared_context: Callable[..., BrowserContext],
    traffic: Traffic,
    base_url: str,
) -> Iterator[Page]:
    """One page of each type and language, loaded once for the checks that only look.

    Each check sets the window size it needs; axe is injected once.
    Transitions are switched off, so that no check catches the page half-way
    through a slide after the window is resized.
    """
    page_type, lang = request.param
    page = shared_context(1280).new_page()
    start = len(traffic.urls)
    visit(page, lang, page_type)
    page.add_style_tag(content=NO_TRANSITIONS)
    page.evaluate(AXE.axe_script)
    assert foreign_requests(traffic.urls[start:], base_url) == []
    yield page
    page.close()


@pytest.mark.parametrize("width", [1280, 320])
def test_axe_finds_no_wcag_violations(loaded: Page, width: int) -> None:
    loaded.set_viewport_size({"width": width, "height": 800})
    results = loaded.evaluate("options => axe.run(options)", AXE_OPTIONS)
    violations = AxeResults(results)
    assert violations.violations_count == 0, loaded.url + "\n" + violations.generate_report()


@pytest.mark.parametrize("lang", LANGS)
def test_axe_finds_no_wcag_violations_in_the_open_phone_menu(
    page_at: Callable[..., Page], lang: str
) -> None:
    page = page_at(320)
    page.goto(url(lang, "services/"))  # a page inside a section: the menu opens on it
    page.add_style_tag(content=NO_TRANSITIONS)
    page.locator("label.md-header__button[for=__drawer]").click()
    section = page.locator(".md-nav--primary .md-nav__title:not([for=__drawer])").first
    expect(section).to_be_visible()
    expect(section).to_have_text({"en": "Browse", "cy": "Pori"}[lang])
    results = AXE.run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()


def _without_scripts(route: Route) -> None:
    """Serve a page with its scripts taken out: the page a browser without JavaScript draws."""
    if route.request.resource_type != "document":
        route.continue_()
        return
    response = route.fetch()
    html = re.sub(r"<script\b.*?</script>", "", response.text(), flags=re.S | re.I)
    route.fulfill(response=response, body=html)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", [1280, 320])
def test_axe_finds_no_wcag_violations_on_a_filtered_finder_link_without_javascript(
    new_context: Callable[..., BrowserContext], lang: str, width: int
) -> None:
    """The finder that says filtering needs JavaScript, as a browser without it draws it.

    axe itself needs JavaScript (it never finishes in a context with
    JavaScript switched off), so the page's own scripts are removed instead.
    """
    page = new_context(viewport={"width": width, "height": 800}).new_page()
    page.route("**/*", _without_scripts)
    page.goto(url(lang, PAGE_TYPES["finder"]))
    expect(page.locator("#mc-no-js")).to_be_visible()
    expect(page.locator("#mc-finder-form")).to_be_hidden()
    results = AXE.run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()
    assert sideways_overflow(page) <= 0


def test_nothing_scrolls_sideways_at_320_pixels(loaded: Page) -> None:
    loaded.set_viewport_size({"width": 320, "height": 800})
    assert sideways_overflow(loaded) <= 0


def test_nothing_scrolls_sideways_at_200_percent_text(loaded: Page) -> None:
    """A 1280-pixel window at 200% zoom is 640 pixels wide; double the text on top."""
    loaded.set_viewport_size({"width": 640, "height": 800})
    root = "document.documentElement"
    normal = loaded.evaluate(f"parseFloat(getComputedStyle({root}).fontSize)")
    loaded.evaluate(f"{root}.style.setProperty('font-size', '{2 * normal}px', 'important')")
    try:
        assert loaded.evaluate(f"parseFloat(getComputedStyle({root}).fontSize)") == 2 * normal
        assert sideways_overflow(loaded) <= 0
    finally:
        loaded.evaluate(f"{root}.style.removeProperty('font-size')")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_the_skip_link_comes_first_and_moves_focus_to_the_main_content(
    page_at: Callable[..., Page], page_type: str, lang: str
) -> None:
    page = page_at(1280)
    visit(page, lang, page_type)
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    expect(skip).to_have_text(SKIP_LINK[lang])
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    heading = page.locator("main .md-content h1")
    expect(heading).to_be_focused()
    expect(heading).to_be_in_viewport()
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('main .md-content')")


# -- Focus is always visible ----------------------------------------------------------

# Measured two frames after the key press, once scripts that react to focus
# (the search box shows its results again) have run.
FOCUSED = """async () => {
  for (let i = 0; i < 2; i++) await new Promise(requestAnimationFrame);
  const e = document.activeElement;
  if (e === document.body) return null;
  const s = getComputedStyle(e);
  const r = e.getBoundingClientRect();
  let opacity = 1;
  for (let n = e; n; n = n.parentElement) opacity *= Number(getComputedStyle(n).opacity);
  // Not entirely hidden (WCAG 2.4.11): some part of it is on top.
  const clamp = (v, max) => Math.min(Math.max(v, 0), max - 1);
  const points = [[0.5, 0.5], [0.1, 0.2], [0.9, 0.2], [0.1, 0.8], [0.9, 0.8]];
  const hits = points.map(([fx, fy]) => document.elementFromPoint(
    clamp(r.left + fx * r.width, innerWidth), clamp(r.top + fy * r.height, innerHeight)));
  const covering = hits.filter(h => !(h && (h === e || e.contains(h) || h.contains(e))));
  return {
    name: e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") +
      (e.className ? "." + String(e.className).trim().split(/\\s+/).join(".") : "") + " " +
      JSON.stringify((e.innerText || e.getAttribute("aria-label") || "").trim().slice(0, 40)),
    ring: (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== "none",
    onScreen: r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 &&
      r.left < innerWidth && r.top < innerHeight && opacity > 0.5,
    uncovered: covering.length < points.length,
    covering: covering.map(h => h ? h.className || h.tagName : "nothing").join(", "),
  };
}"""


@pytest.mark.parametrize(
    ("page_type", "lang", "width", "key"),
    [
        ("finder", "en", 1280, "Tab"),
        ("finder", "cy", 320, "Tab"),
        # Backwards, focus arrives from below: nothing sticky may hide it.
        ("provider", "cy", 1280, "Shift+Tab"),
        ("provider", "en", 320, "Shift+Tab"),
    ],
)
def test_every_element_tab_reaches_shows_a_focus_ring_on_screen(
    page_at: Callable[..., Page], page_type: str, lang: str, width: int, key: str
) -> None:
    """Tab through the whole page: each stop is on screen, uncovered, with a visible ring."""
    page = page_at(width)
    visit(page, lang, page_type)
    # Judge where things end up, not half-way through a slide.
    page.add_style_tag(content=NO_TRANSITIONS)
    if page_type == "finder" and page.locator("#mc-filters-toggle").is_visible():
        # A phone folds the filters away: open them without moving focus,
        # so that Tab still starts at the top of the page.
        page.locator("#mc-filters-toggle").dispatch_event("click")
    seen: list[str] = []
    problems: list[str] = []
    for _ in range(400):
        page.keyboard.press(key)
        focused = page.evaluate(FOCUSED)
        if focused is None or focused["name"] in seen[:1]:
            break  # focus left the page, or came round again
        seen.append(focused["name"])
        problems += [
            f"{focused['name']}: {what}"
            for what, ok in (
                ("no focus ring", focused["ring"]),
                ("off screen or invisible", focused["onScreen"]),
                (f"hidden under {focused['covering']}", focused["uncovered"]),
            )
            if not ok
        ]
    assert len(seen) > 20, seen
    assert problems == []
    if page_type == "finder":
        kinds = {name.split(".")[0].split("#")[0] for name in seen}
        assert {"a", "input", "button"} <= kinds


# -- The finder with the keyboard alone -----------------------------------------------


def is_checked(page: Page, selector: str) -> bool:
    return page.evaluate("s => document.querySelector(s).checked", selector)


@pytest.mark.parametrize("lang", LANGS)
def test_the_finder_works_with_the_keyboard_alone(page: Page, lang: str) -> None:
    page.goto(url(lang, "find/"))
    wait_for_results(page, lang, len(expected.matching()))

    tab_to(page, "#mc-place")
    holywell = community_name("holywell", lang)
    page.keyboard.type(holywell)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(page.locator("#mc-place")).to_have_value(holywell)
    wait_for_results(page, lang, len(expected.matching(area="holywell")))

    tab_to(page, "#mc-service-companionship")
    page.keyboard.press("Space")
    assert is_checked(page, "#mc-service-companionship")
    tab_to(page, "#mc-taking")
    page.keyboard.press("Space")
    assert is_checked(page, "#mc-taking")
    want = expected.matching(area="holywell", services=("companionship",), taking_new_clients=True)
    wait_for_results(page, lang, len(want))

    # "Show results" takes the keyboard to the results...
    tab_to(page, "button[type=submit]")
    page.keyboard.press("Enter")
    expect(page.locator("#mc-results-heading")).to_be_focused()
    # ...and the next Tab is the first result.
    page.keyboard.press("Tab")
    expect(page.locator("#mc-results .mc-card__name a").first).to_be_focused()
    assert shown_slugs(page) == want
    assert page.url.endswith(
        url(lang, "find/?area=holywell&service=companionship&taking-new-clients=1")
    )


@pytest.mark.parametrize("lang", LANGS)
def test_the_result_count_is_announced_through_a_live_region(page: Page, lang: str) -> None:
    page.goto(url(lang, "find/?area=holywell"))
    # The finder's own live region (the place box and the shortlist have theirs).
    status = page.get_by_role("status").and_(page.locator("#mc-count"))
    expect(status).to_have_attribute("aria-live", "polite")
    expect(status).to_have_attribute("aria-atomic", "true")
    expect(status).to_have_id("mc-count")
    first = expected.matching(area="holywell")
    wait_for_results(page, lang, len(first))
    expect(status).to_have_text(count_text(lang, len(first)))

    page.get_by_label(service_label("companionship", lang), exact=True).check()
    then = expected.matching(area="holywell", services=("companionship",))
    assert len(then) != len(first)
    expect(status).to_have_text(count_text(lang, len(then)))


@pytest.mark.parametrize("lang", LANGS)
def test_the_search_and_the_language_switch_are_labelled_in_the_right_language(
    page: Page, lang: str
) -> None:
    """The search box and its button speak the page's language."""
    page.goto(url(lang, ""))
    expect(page.locator("html")).to_have_attribute("lang", lang)
    search = page.get_by_role("search")
    expect(search.get_by_role("searchbox", name=t(lang, "Search this site"))).to_be_visible()
    expect(search.get_by_role("button", name=t(lang, "Search"), exact=True)).to_be_visible()
    # The switch names the other language in that language, and says so.
    switch = page.locator("a.mc-lang-switch")
    expect(switch).to_have_text({"en": "Cymraeg", "cy": "English"}[lang])
    expect(switch).to_have_attribute("lang", OTHER[lang])


@pytest.mark.parametrize("lang", LANGS)
def test_a_missing_page_says_so_in_the_page_language_and_offers_a_way_on(
    page: Page, lang: str
) -> None:
    response = page.goto(url(lang, "providers/no-such-carer/"))
    assert response is not None and response.status == 404
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.locator("main h1")).not_to_have_text("404 - Not found")
    content = page.locator("main .md-content")
    content.get_by_role("link", name=t(lang, "Find a micro-carer"), exact=True).click()
    assert page.url.endswith(url(lang, "find/"))
