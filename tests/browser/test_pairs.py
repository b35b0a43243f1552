"""Filters that combine without JavaScript: every community and service pair page.

With JavaScript switched off, a family narrows a community by one service
through the links on the community page. Every pair page must be reachable
that way and list exactly what a plain reading of the YAML says.

A navigation costs this machine about a tenth of a second and the sample
has some 420 pairs a language, so the browser opens every community page
and follows one service link from each; the other pair pages are fetched
through the same browser context and their cards read from the HTML.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest
from playwright.sync_api import Page, expect

from tests import expected
from tests.browser.site import LANGS, community_name, service_label, slugs, t, url

pytestmark = pytest.mark.browser

CARD_LINKS = ".mc-card .mc-card__name a"
CARD_LINK = re.compile(
    r'<h2 class="mc-card__name"><a href="\.\./\.\./\.\./providers/([a-z0-9-]+)/">'
)


@pytest.mark.parametrize("lang", LANGS)
def test_every_pair_page_is_reachable_from_its_community_page_and_lists_the_right_providers(
    no_js: Page, base_url: str, lang: str
) -> None:
    page = no_js
    checked = 0
    for area in expected.community_ids():
        page.goto(url(lang, f"areas/{area}/"), wait_until="domcontentloaded")
        links = page.locator("#by-service + .mc-section li a")
        offered = [s for s in expected.service_ids() if expected.matching(area, (s,))]
        expect(links).to_have_text([service_label(s, lang) for s in offered])
        hrefs = links.evaluate_all("links => links.map(a => a.href)")
        assert hrefs == [
            urljoin(base_url, url(lang, f"areas/{area}/{service}/")) for service in offered
        ]
        for service, href in zip(offered, hrefs, strict=True):
            want = expected.matching(area, (service,))
            response = page.request.get(href)
            assert response.status == 200, href
            assert set(CARD_LINK.findall(response.text())) == want, href
            checked += 1
        if not offered:
            continue
        # Follow the first link as a person would, and read what the page shows.
        links.first.click()
        assert page.url == hrefs[0]
        heading = t(lang, "%(service)s in %(place)s") % {
            "service": service_label(offered[0], lang),
            "place": community_name(area, lang),
        }
        expect(page.locator("main h1")).to_have_text(heading)
        assert slugs(page, CARD_LINKS) == expected.matching(area, (offered[0],))
    assert checked > len(expected.community_ids())
