"""The finder in a real browser returns what a plain reading of the YAML says."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests import expected

pytestmark = pytest.mark.browser


def shown_slugs(page: Page) -> set[str]:
    links = page.locator("#mc-results .mc-card__name a")
    return {
        href.rstrip("/").rsplit("/", 1)[-1]
        for href in (links.nth(i).get_attribute("href") or "" for i in range(links.count()))
    }


def wait_for_results(page: Page, count: int) -> None:
    expect(page.locator("#mc-results > li")).to_have_count(count)


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
    page: Page, area: str, service: str
) -> None:
    want = expected.matching(area=area, services=(service,))
    page.goto(f"find/?area={area}&service={service}")
    wait_for_results(page, len(want))
    assert shown_slugs(page) == want
    assert page.locator("#mc-count").inner_text() == (
        "No micro-carers match. Try fewer services, or a neighbouring community."
        if not want
        else "1 micro-carer found"
        if len(want) == 1
        else f"{len(want)} micro-carers found"
    )


def test_choosing_filters_in_the_form_updates_results_and_url(page: Page) -> None:
    page.goto("find/")
    page.select_option("#mc-area", "holywell")
    page.check("#mc-service-companionship")
    want = expected.matching(area="holywell", services=("companionship",))
    wait_for_results(page, len(want))
    assert shown_slugs(page) == want
    assert page.url.endswith("find/?area=holywell&service=companionship")
