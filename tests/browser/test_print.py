"""Printing: a provider page and a finder shortlist come out clean and usable on paper."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests import expected
from tests.browser.pdf import pdf_text
from tests.browser.site import (
    LANGS,
    community_name,
    service_label,
    shown_slugs,
    t,
    url,
    wait_for_results,
)

pytestmark = pytest.mark.browser

# What only the screen needs: the header (with the search box), the menus,
# the language switch, the footer, "back to top", and the finder's form.
SCREEN_ONLY = [
    ".md-header",
    ".mc-search",
    ".md-sidebar--primary",
    ".md-sidebar--secondary",
    ".md-banner",
    ".mc-lang-switch",
    ".md-footer",
    ".md-top",
]
# Menu entries that must not be on paper (they are on every page's screen).
MENU = {
    "en": ["Become a micro-carer", "Privacy and cookies"],
    "cy": ["Dod yn ficro-ofalwr", "Preifatrwydd a chwcis"],
}


def hidden_on_paper(page: Page, selector: str) -> bool:
    """True when the page has such elements and none of them prints."""
    shown = page.locator(selector).evaluate_all("els => els.map(e => getComputedStyle(e).display)")
    return bool(shown) and set(shown) == {"none"}


def after(page: Page, selector: str) -> set[str]:
    """What CSS adds after each element matching ``selector``."""
    return set(
        page.locator(selector).evaluate_all(
            "els => els.map(e => getComputedStyle(e, '::after').content)"
        )
    )


def print_pdf(page: Page, path: Path) -> str:
    page.pdf(path=str(path), format="A4")
    assert path.stat().st_size > 0
    return pdf_text(path.read_bytes())


@pytest.mark.parametrize("lang", LANGS)
def test_a_provider_page_prints_its_contact_details_without_the_menus(
    page: Page, lang: str, tmp_path: Path
) -> None:
    profile = next(p for p in expected.published() if p.slug == "bryn-care")
    page.goto(url(lang, "providers/bryn-care/"))
    page.emulate_media(media="print")
    for selector in SCREEN_ONLY:
        assert hidden_on_paper(page, selector), selector
    contact = page.locator("#contact + .mc-section")
    expect(contact.locator("a[href^='tel:']")).to_have_text(profile.phone or "")
    expect(contact.locator("a[href^='mailto:']")).to_have_text("bryn-care@example.org")
    expect(contact.locator("a[href^='https:']")).to_have_text("https://bryn-care.example.org")
    for link in contact.locator("a").all():
        expect(link).to_be_visible()
    # The text of a contact link is its address already: not printed twice.
    assert after(page, "#contact + .mc-section a") <= {"none", '""'}

    text = print_pdf(page, tmp_path / "provider.pdf")
    for words in (
        profile.name,
        profile.phone,
        "bryn-care@example.org",
        "https://bryn-care.example.org",
        t(lang, "What the council checked"),
    ):
        assert words in text
    for words in [*MENU[lang], "Cymraeg" if lang == "en" else "English"]:
        assert words not in text


@pytest.mark.parametrize("lang", LANGS)
def test_a_finder_shortlist_prints_the_search_and_the_results_without_the_form(
    page: Page, lang: str, tmp_path: Path
) -> None:
    want = expected.matching(area="holywell", services=("companionship",), taking_new_clients=True)
    page.goto(url(lang, "find/?area=holywell&service=companionship&taking-new-clients=1"))
    wait_for_results(page, lang, len(want))
    summary = page.locator("#mc-search-summary")
    expect(summary).to_be_hidden()  # on screen the form shows the choices
    page.emulate_media(media="print")
    for selector in [*SCREEN_ONLY, "#mc-finder-form", ".mc-browse", "#mc-more"]:
        assert hidden_on_paper(page, selector), selector
    choices = [
        community_name("holywell", lang),
        service_label("companionship", lang),
        f"{t(lang, 'Only show micro-carers who')} {t(lang, 'are taking new clients')}",
    ]
    search = t(lang, "Your search: %(search)s") % {"search": "; ".join(choices)}
    expect(summary).to_have_text(search)
    expect(page.locator("#mc-count")).to_be_visible()
    for card in page.locator("#mc-results .mc-card").all():
        expect(card).to_be_visible()
    assert shown_slugs(page) == want

    text = " ".join(print_pdf(page, tmp_path / "shortlist.pdf").split())  # lines wrap on paper
    chosen = [p for p in expected.published() if p.slug in want]
    assert all(p.phone for p in chosen)  # so that the check below means something
    for words in [search, *(p.name for p in chosen), *(p.phone or "" for p in chosen)]:
        assert words in text, (words, text)
    assert t(lang, "Community or village") not in text
    for words in MENU[lang]:
        assert words not in text


def test_printed_links_to_other_websites_show_their_address(page: Page) -> None:
    """On paper a link is no use unless its address is written out."""
    page.goto(url("en", "guidance/"))
    page.emulate_media(media="print")
    external = page.locator(".md-content a[href^='http']")
    assert external.count() > 0
    for link in external.all():
        href = link.get_attribute("href")
        assert link.evaluate("e => getComputedStyle(e, '::after').content") == f'" ({href})"'
    # Links inside the site are relative: their address would mean nothing on paper.
    internal = ".md-content a[href^='../'], .md-content a[href^='#']"
    assert page.locator(internal).count() > 0
    assert after(page, internal) <= {"none", '""'}
