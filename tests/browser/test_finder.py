"""The finder in a real browser returns what a plain reading of the YAML says."""

from __future__ import annotations

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
