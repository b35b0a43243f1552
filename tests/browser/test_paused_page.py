"""A paused listing and the mistake link, as a person meets them in a real browser.

The sample site is built for 2027-01-05, the day after Steady Steps
Companions' insurance ran out, and served on 127.0.0.1: its page must pass
axe in both languages at a desktop and a phone width, offer a way on, give
no way to contact the provider, and still let a family report a mistake.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest
from axe_playwright_python.base import AxeResults
from playwright.sync_api import Browser, Page, expect

from builder import pipeline
from builder.engines import mkdocs_build
from tests.browser.conftest import served
from tests.browser.test_accessibility import AXE, AXE_OPTIONS
from tests.test_pausing import PAUSED, PROFILE, SLUG

pytestmark = pytest.mark.browser

WORDS = {
    "en": (
        "This listing is paused while the council renews its checks.",
        "Find another micro-carer",
        "Report a mistake on this page",
        "Mistake in the Flintshire Micro-care Directory: Steady Steps Companions",
    ),
    "cy": (
        "Mae'r rhestriad hwn wedi'i oedi tra bo'r cyngor yn adnewyddu ei wiriadau.",
        "Dod o hyd i ficro-ofalwr arall",
        "Rhoi gwybod am gamgymeriad ar y dudalen hon",
        "Camgymeriad yn y Cyfeiriadur Micro-ofal Sir y Fflint: Steady Steps Companions",
    ),
}


@pytest.fixture(scope="module")
def paused_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample site built on the first day of the pause, served on a free port."""
    out = tmp_path_factory.mktemp("paused-site")
    directory, result = pipeline.load_directory(on=date.fromisoformat(PAUSED))
    assert directory is not None, result.errors
    mkdocs_build.build_site(out, directory)
    with served(out) as address:
        yield address


@pytest.fixture
def paused_page(browser: Browser, paused_site: str) -> Iterator[Page]:
    context = browser.new_context(base_url=paused_site, locale="en-GB")
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    yield context.new_page()
    assert all(url.startswith((paused_site, "data:", "blob:")) for url in requests), requests
    assert context.cookies() == []
    context.close()


@pytest.mark.parametrize("lang", ["en", "cy"])
@pytest.mark.parametrize("width", [1280, 320])
def test_the_paused_page_passes_axe(paused_page: Page, lang: str, width: int) -> None:
    paused_page.set_viewport_size({"width": width, "height": 800})
    paused_page.goto(("cy/" if lang == "cy" else "") + f"providers/{SLUG}/")
    paused_page.evaluate(AXE.axe_script)
    results = AxeResults(paused_page.evaluate("options => axe.run(options)", AXE_OPTIONS))
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_the_paused_page_says_so_offers_a_way_on_and_no_contact(
    paused_page: Page, lang: str
) -> None:
    prefix = "cy/" if lang == "cy" else ""
    notice, finder, report, subject = WORDS[lang]
    paused_page.goto(f"{prefix}providers/{SLUG}/")
    main = paused_page.locator("article")
    expect(main.get_by_text(notice)).to_be_visible()
    assert PROFILE.phone and PROFILE.phone not in main.inner_text()
    expect(main.locator('a[href^="tel:"]')).to_have_count(0)
    paused_page.get_by_role("link", name=finder).click()
    expect(paused_page).to_have_url(re.compile(f"/{prefix}find/$"))
    paused_page.go_back()
    href = paused_page.get_by_role("link", name=report).get_attribute("href") or ""
    parts = urlsplit(href)
    assert (parts.scheme, parts.path) == ("mailto", "microcare@example.org")
    assert parse_qs(parts.query)["subject"] == [subject]
    assert f"providers/{SLUG}/" in parse_qs(parts.query)["body"][0]


def test_the_mistake_link_is_on_a_listed_providers_page(page: Page) -> None:
    page.goto("providers/bryn-care/")
    link = page.get_by_role("link", name="Report a mistake on this page")
    expect(link).to_be_visible()
    query = parse_qs(urlsplit(link.get_attribute("href") or "").query)
    assert query["subject"] == ["Mistake in the Flintshire Micro-care Directory: Bryn Care"]
    assert "https://microcare.example.org/providers/bryn-care/" in query["body"][0]
