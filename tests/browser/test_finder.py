"""The finder in a real browser returns what a plain reading of the YAML says,
and puts the results where people look: beside the filters on a desktop,
in the first screen of a phone."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from tests import expected
from tests.browser.site import (
    LANGS,
    PAGE_SIZE,
    PLACE_BOX,
    choose_place,
    community_name,
    count_text,
    service_label,
    show_text,
    shown_slugs,
    t,
    url,
    village_label,
    wait_for_results,
)

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    ("area", "service"),
    [
        ("holywell", "companionship"),
        ("mold", "personal-care"),
        ("buckley", "cleaning"),
        ("connahs-quay", "shopping"),
        ("flint", "dementia-support"),
    ],
)
def test_finder_matches_the_yaml_for_an_area_and_a_service(
    page: Page, lang: str, area: str, service: str
) -> None:
    want = expected.matching(area=area, services=(service,))
    page.goto(url(lang, f"find/?area={area}&service={service}"))
    wait_for_results(page, lang, len(want))
    assert shown_slugs(page) == want
    assert page.locator("#mc-count").inner_text() == count_text(lang, len(want))
    # The form shows the search it came from.
    expect(page.locator(PLACE_BOX)).to_have_value(community_name(area, lang))
    expect(page.get_by_label(service_label(service, lang), exact=True)).to_be_checked()


@pytest.mark.parametrize("lang", LANGS)
def test_choosing_filters_in_the_form_updates_results_and_url(page: Page, lang: str) -> None:
    page.goto(url(lang, "find/"))
    choose_place(page, community_name("holywell", lang), community_name("holywell", lang))
    page.get_by_label(service_label("companionship", lang), exact=True).check()
    want = expected.matching(area="holywell", services=("companionship",))
    wait_for_results(page, lang, len(want))
    assert shown_slugs(page) == want
    assert page.url.endswith(url(lang, "find/?area=holywell&service=companionship"))


@pytest.mark.parametrize("lang", LANGS)
def test_a_village_or_a_welsh_place_name_in_an_older_link_finds_its_community(
    page: Page, lang: str
) -> None:
    """Older links named any place as ?area=; a village now stays a village (?place=)."""
    want = expected.matching(area="holywell")
    assert len(want) <= PAGE_SIZE
    page.goto(url(lang, "find/?area=Maes-glas"))
    wait_for_results(page, lang, len(want))
    assert shown_slugs(page) == want
    assert page.url.endswith(url(lang, "find/?place=greenfield"))
    village = {"en": "Greenfield", "cy": "Maes-glas"}[lang]
    expect(page.locator(PLACE_BOX)).to_have_value(
        village_label(village, community_name("holywell", lang), lang)
    )


@pytest.mark.parametrize("lang", LANGS)
def test_show_more_reveals_every_match_and_moves_focus_to_the_first_new_one(
    page: Page, lang: str
) -> None:
    want = expected.matching()
    assert len(want) > PAGE_SIZE, "the sample data should need a second page of results"
    page.goto(url(lang, "find/"))
    wait_for_results(page, lang, len(want))
    more = page.get_by_role("button", name=t(lang, "Show more micro-carers"))
    more.click()
    expect(page.locator("#mc-results > li")).to_have_count(len(want))
    expect(more).to_be_hidden()
    assert shown_slugs(page) == want
    expect(page.locator("#mc-results > li").nth(PAGE_SIZE).locator("a").first).to_be_focused()


@pytest.mark.parametrize("lang", LANGS)
def test_no_match_says_so_and_suggests_what_to_try(page: Page, lang: str) -> None:
    services = tuple(expected.service_ids())
    assert expected.matching(services=services) == set()
    page.goto(url(lang, "find/?" + "&".join(f"service={s}" for s in services)))
    wait_for_results(page, lang, 0)


@pytest.mark.parametrize("lang", LANGS)
def test_clear_choices_shows_everyone_again(page: Page, lang: str) -> None:
    page.goto(url(lang, "find/?area=holywell&service=companionship&welsh=1"))
    wait_for_results(page, lang, len(expected.matching("holywell", ("companionship",), welsh=True)))
    page.get_by_role("button", name=t(lang, "Clear choices")).click()
    wait_for_results(page, lang, len(expected.matching()))
    assert page.url.endswith(url(lang, "find/"))


# -- Results where people look ------------------------------------------------------

PHONE = (390, 844)
# What a card leads with: who, whether they take new clients (and since
# when), how to call them, and what an hour costs.
CARD_LEAD = (".mc-card__name", ".mc-availability", ".mc-card__contact", ".mc-card__price")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("area", ["holywell", "mold", "flint"])
def test_on_a_phone_the_count_and_first_result_are_in_the_first_screen_after_choosing_a_place(
    page_at: Callable[..., Page], lang: str, area: str
) -> None:
    page = page_at(*PHONE)
    page.goto(url(lang, "find/"))
    wait_for_results(page, lang, len(expected.matching()))
    choose_place(page, community_name(area, lang), community_name(area, lang))
    want = expected.matching(area=area)
    wait_for_results(page, lang, len(want))

    assert page.evaluate("scrollY") == 0
    expect(page.locator("#mc-count")).to_be_in_viewport(ratio=1)
    first = page.locator("#mc-results > li").first
    for part in CARD_LEAD:
        expect(first.locator(part)).to_be_in_viewport(ratio=1)
    # The services and other filters are one tap away, folded.
    toggle = page.get_by_role("button", name=t(lang, "Services and other filters"))
    expect(toggle).to_be_in_viewport(ratio=1)
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(page.get_by_label(service_label("companionship", lang), exact=True)).to_be_hidden()
    # The page's words are for a browser that runs the finder.
    expect(page.locator("#mc-no-js")).to_be_hidden()


@pytest.mark.parametrize("lang", LANGS)
def test_on_a_phone_the_filters_open_with_one_tap_and_show_n_results_goes_to_them(
    page_at: Callable[..., Page], lang: str
) -> None:
    page = page_at(*PHONE)
    page.goto(url(lang, "find/?area=holywell"))
    wait_for_results(page, lang, len(expected.matching(area="holywell")))
    toggle = page.locator("#mc-filters-toggle")
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    page.get_by_label(service_label("companionship", lang), exact=True).check()
    page.get_by_label(t(lang, "are taking new clients"), exact=True).check()
    want = expected.matching(area="holywell", services=("companionship",), taking_new_clients=True)
    wait_for_results(page, lang, len(want))
    expect(toggle).to_have_text(
        t(lang, "Services and other filters") + " " + t(lang, "(%(n)s chosen)") % {"n": 2}
    )

    show = page.get_by_role("button", name=show_text(lang, len(want)), exact=True)
    expect(show).to_be_visible()
    show.click()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(page.get_by_label(service_label("companionship", lang), exact=True)).to_be_hidden()
    heading = page.locator("#mc-results-heading")
    expect(heading).to_be_focused()
    expect(heading).to_be_in_viewport(ratio=1)
    expect(heading).to_have_text(count_text(lang, len(want)))
    assert shown_slugs(page) == want


@pytest.mark.parametrize("lang", LANGS)
def test_on_a_desktop_the_filters_sit_beside_the_results(page: Page, lang: str) -> None:
    page.goto(url(lang, "find/?area=mold&service=personal-care"))
    want = expected.matching(area="mold", services=("personal-care",))
    wait_for_results(page, lang, len(want))
    form = page.locator("#mc-finder-form").bounding_box()
    results = page.locator("#mc-results-section").bounding_box()
    assert form and results
    assert form["x"] + form["width"] < results["x"]
    assert abs(form["y"] - results["y"]) < 2
    expect(page.locator("#mc-filters-toggle")).to_be_hidden()
    expect(page.get_by_label(service_label("personal-care", lang), exact=True)).to_be_visible()
    expect(page.locator("#mc-show")).to_have_text(show_text(lang, len(want)))
    first = page.locator("#mc-results > li").first
    for part in CARD_LEAD:
        expect(first.locator(part)).to_be_in_viewport(ratio=1)


#: Every layout shift of the page, as Chromium reports it to the page itself.
RECORD_SHIFTS = """
window.mcShifts = [];
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) window.mcShifts.push(entry.value);
}).observe({type: "layout-shift", buffered: true});
"""


@pytest.mark.parametrize("lang", LANGS)
def test_the_page_does_not_jump_while_the_first_results_arrive(
    page_at: Callable[..., Page], lang: str
) -> None:
    """The lists below the results keep their place (Cumulative Layout Shift
    under 0.1, "good" in Chrome's terms) on a phone, where it matters most."""
    page = page_at(*PHONE)
    page.add_init_script(RECORD_SHIFTS)
    want = expected.matching(area="holywell", services=("companionship",))
    page.goto(url(lang, "find/?area=holywell&service=companionship"))
    wait_for_results(page, lang, len(want))
    expect(page.locator("#mc-results-section")).not_to_have_class(
        re.compile(r"\bmc-results--loading\b")
    )
    assert sum(page.evaluate("window.mcShifts")) < 0.1
