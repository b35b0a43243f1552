"""The shortlist, which lives in the address: chosen, carried, shared, printed, never stored.

What the shortlist page shows of each provider is compared with a plain
reading of their YAML (tests/expected.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests import expected
from tests.browser.pdf import page_count, pdf_text
from tests.browser.site import (
    LANGS,
    OTHER,
    RESULT_LINKS,
    SHORTLISTED,
    community_name,
    service_label,
    shown_slugs,
    slug_of,
    t,
    tab_to,
    url,
    village_label,
    wait_for_results,
)
from tests.browser.test_privacy import NOTHING, STORED

pytestmark = pytest.mark.browser

PROFILES = {p.slug: p for p in expected.published()}
THREE = ["bryn-care", "cadno-care", "dyfrdwy-days-care"]
A4_MARGINS = {"top": "10mm", "bottom": "10mm", "left": "10mm", "right": "10mm"}


def add_button(page: Page, lang: str, name: str):  # type: ignore[no-untyped-def]
    """The "Add to shortlist" button of one provider, by the name a screen reader hears."""
    return page.get_by_role("button", name=f"{t(lang, 'Add to shortlist')}: {name}", exact=True)


def remove_button(page: Page, lang: str, name: str):  # type: ignore[no-untyped-def]
    return page.get_by_role(
        "button", name=f"{t(lang, 'Remove from shortlist')}: {name}", exact=True
    )


def count_says(lang: str, n: int) -> str:
    if n == 1:
        return t(lang, "1 micro-carer on your shortlist.")
    return t(lang, "%(n)s micro-carers on your shortlist.") % {"n": n}


def shortlisted(page: Page) -> list[str]:
    return page.locator(SHORTLISTED).evaluate_all("items => items.map(i => i.dataset.slug)")


def expect_the_three_side_by_side(page: Page, lang: str) -> None:
    """Each provider's facts as their YAML gives them, in the page's language."""
    expect(page.locator(SHORTLISTED)).to_have_count(3)
    assert shortlisted(page) == THREE
    for slug in THREE:
        p = PROFILES[slug]
        item = page.locator(f"{SHORTLISTED}[data-slug='{slug}']")
        expect(item.locator("h2")).to_have_text(p.name)
        expect(item.locator(".mc-availability strong")).to_have_text(
            t(
                lang,
                {
                    "taking-new-clients": "Taking new clients",
                    "waiting-list": "Waiting list",
                    "not-taking-new-clients": "Not taking new clients",
                }[p.status],
            )
        )
        expect(item.locator(".mc-availability time")).to_have_attribute("datetime", p.confirmed)
        expect(item.locator("a[href^='tel:']")).to_have_text(p.phone or "")
        expect(item).to_contain_text(t(lang, "%(price)s an hour") % {"price": f"£{p.hourly_rate}"})
        for service in p.services:
            expect(item).to_contain_text(service_label(service, lang))
        for area in p.areas:
            expect(item).to_contain_text(community_name(area, lang))
    # Side by side on a desktop: three items on one row.
    tops = page.locator(SHORTLISTED).evaluate_all("items => items.map(i => i.offsetTop)")
    assert len(set(tops)) == 1


@pytest.mark.parametrize("lang", LANGS)
def test_a_shortlist_of_three_made_with_the_keyboard_survives_switching_reloading_and_sharing(
    new_context: Callable[..., BrowserContext], lang: str
) -> None:
    page = new_context(viewport={"width": 1280, "height": 800}).new_page()
    page.goto(url(lang, "find/"))
    wait_for_results(page, lang, len(expected.matching()))
    status = page.locator("#mc-results-section .mc-shortlist__count")
    for n, slug in enumerate(THREE, start=1):
        name = PROFILES[slug].name
        button = add_button(page, lang, name)
        button.evaluate("b => b.setAttribute('data-test-target', '')")
        tab_to(page, "[data-test-target]")
        page.keyboard.press("Enter")
        expect(remove_button(page, lang, name)).to_be_focused()
        says = t(lang, "%(name)s added to your shortlist.") % {"name": name}
        expect(status).to_have_text(f"{says} {count_says(lang, n)}")
    assert parse_qs(urlsplit(page.url).query)["p"] == [",".join(THREE)]
    assert "p=" + ",".join(THREE) in page.url  # commas, not %2C: a link people can read

    # The link to the shortlist is above the results, with the count.
    tab_to(page, "#mc-results-section .mc-shortlist__link a", "Shift+Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{url(lang, 'shortlist/')}?p={','.join(THREE)}")
    expect_the_three_side_by_side(page, lang)
    expect(page.locator(".mc-shortlist__count")).to_have_text(count_says(lang, 3))

    # The language switch, then a reload.
    page.locator("a.mc-lang-switch").click()
    other = OTHER[lang]
    page.wait_for_url(f"**/{url(other, 'shortlist/')}?p={','.join(THREE)}")
    expect_the_three_side_by_side(page, other)
    page.reload()
    expect_the_three_side_by_side(page, other)

    # The link, copied into a browser that has never seen the site.
    link = page.locator("#mc-share-link").input_value()
    assert link.endswith(f"/{url(other, 'shortlist/')}?p={','.join(THREE)}")
    fresh = new_context(viewport={"width": 1280, "height": 800}).new_page()
    fresh.goto(link)
    expect_the_three_side_by_side(fresh, other)

    for seen in (page, fresh):
        assert seen.evaluate(STORED) == NOTHING
        assert seen.context.cookies() == []


@pytest.mark.parametrize("lang", LANGS)
def test_three_shortlisted_print_on_one_a4_page(page: Page, lang: str, tmp_path: Path) -> None:
    page.goto(url(lang, f"shortlist/?p={','.join(THREE)}"))
    expect(page.locator(SHORTLISTED)).to_have_count(3)
    page.emulate_media(media="print")
    path = tmp_path / "shortlist.pdf"
    page.pdf(path=str(path), format="A4", margin=A4_MARGINS)
    data = path.read_bytes()
    assert page_count(data) == 1
    text = " ".join(pdf_text(data).split())
    for slug in THREE:
        p = PROFILES[slug]
        for words in (p.name, p.phone or "", f"£{p.hourly_rate}"):
            assert words in text, (words, text)
    # The link is on paper, so the list can be opened again; the buttons are not.
    assert f"shortlist/?p={','.join(THREE)}" in text
    for words in ("Add to shortlist", "Remove from shortlist", "Print this shortlist"):
        assert t(lang, words) not in text


@pytest.mark.parametrize("lang", LANGS)
def test_the_shortlist_can_be_emailed_with_names_phones_and_its_link(page: Page, lang: str) -> None:
    page.goto(url(lang, f"shortlist/?p={','.join(THREE)}"))
    expect(page.locator(SHORTLISTED)).to_have_count(3)
    email = page.get_by_role("link", name=t(lang, "Email this shortlist"))
    href = email.get_attribute("href") or ""
    assert href.startswith("mailto:?subject=")
    fields = parse_qs(urlsplit(href).query)
    assert fields["subject"] == [t(lang, "Micro-carers on my shortlist")]
    body = unquote(fields["body"][0])
    for slug in THREE:
        assert f"{PROFILES[slug].name}: {PROFILES[slug].phone}" in body
    assert body.endswith(f"/{url(lang, 'shortlist/')}?p={','.join(THREE)}")


@pytest.mark.parametrize("lang", LANGS)
def test_removing_a_provider_changes_the_link_and_moves_focus_on(page: Page, lang: str) -> None:
    page.goto(url(lang, f"shortlist/?p={','.join(THREE)}"))
    expect(page.locator(SHORTLISTED)).to_have_count(3)
    name = PROFILES["cadno-care"].name
    remove_button(page, lang, name).focus()
    page.keyboard.press("Enter")
    expect(page.locator(SHORTLISTED)).to_have_count(2)
    assert page.url.endswith(url(lang, "shortlist/?p=bryn-care,dyfrdwy-days-care"))
    says = t(lang, "%(name)s removed from your shortlist.") % {"name": name}
    expect(page.locator(".mc-shortlist__count")).to_have_text(f"{says} {count_says(lang, 2)}")
    expect(page.locator(f"{SHORTLISTED}[data-slug='dyfrdwy-days-care'] h2 a")).to_be_focused()
    expect(page.locator("#mc-share-link")).to_have_value(
        page.url.split("?")[0] + "?p=bryn-care,dyfrdwy-days-care"
    )


@pytest.mark.parametrize("lang", LANGS)
def test_an_empty_or_unknown_shortlist_says_so(page: Page, lang: str) -> None:
    page.goto(url(lang, "shortlist/"))
    expect(page.locator(".mc-shortlist__count")).to_have_text(t(lang, "Your shortlist is empty."))
    expect(page.locator(".mc-shortlist-page__empty a")).to_have_text(t(lang, "Find a micro-carer"))
    expect(page.locator(".mc-share")).to_be_hidden()

    page.goto(url(lang, "shortlist/?p=bryn-care,no-such-carer"))
    expect(page.locator(SHORTLISTED)).to_have_count(1)
    expect(page.locator(".mc-compare__item--missing")).to_have_text(
        t(lang, "We could not find the micro-carer '%(slug)s': they may no longer be listed.")
        % {"slug": "no-such-carer"}
    )


@pytest.mark.parametrize("lang", LANGS)
def test_back_to_your_results_returns_to_the_same_search_with_the_shortlist(
    page: Page, lang: str
) -> None:
    search = "place=mynydd-isa&service=companionship"
    want = expected.matching(area="argoed", services=("companionship",))
    page.goto(url(lang, f"find/?{search}"))
    wait_for_results(page, lang, len(want))
    first = page.locator(RESULT_LINKS).first
    slug = slug_of(first.get_attribute("href") or "")
    first.click()
    page.wait_for_url(f"**/{url(lang, f'providers/{slug}/')}?*")

    # On the provider's page: add them, then go back to the results.
    name = PROFILES[slug].name
    add_button(page, lang, name).click()
    expect(page.locator(".mc-shortlist__count")).to_have_text(
        t(lang, "%(name)s added to your shortlist.") % {"name": name} + " " + count_says(lang, 1)
    )
    back = page.get_by_role("link", name=t(lang, "Back to your results"))
    expect(back).to_be_visible()
    back.click()
    page.wait_for_url(f"**/{url(lang, 'find/')}?{search}&p={slug}")
    wait_for_results(page, lang, len(want))
    assert shown_slugs(page) == want
    expect(page.locator("#mc-place")).to_have_value(village_label("Mynydd Isa", "Argoed", lang))
    expect(remove_button(page, lang, name)).to_be_visible()


@pytest.mark.parametrize("lang", LANGS)
def test_a_provider_page_not_opened_from_a_search_offers_no_way_back(page: Page, lang: str) -> None:
    page.goto(url(lang, "providers/bryn-care/"))
    expect(add_button(page, lang, PROFILES["bryn-care"].name)).to_be_visible()
    expect(page.locator(".mc-back")).to_be_hidden()


@pytest.mark.parametrize("lang", LANGS)
def test_the_shortlist_travels_with_every_link_but_not_to_other_websites(
    page: Page, lang: str
) -> None:
    page.goto(url(lang, "guidance/?p=bryn-care"))
    links = page.locator("a[href]:not([href^='#'])").evaluate_all(
        "links => links.map(a => [a.getAttribute('href'), a.href])"
    )
    here = urlsplit(page.url).netloc
    inside = [(written, urlsplit(full)) for written, full in links if urlsplit(full).netloc == here]
    pages = [(written, u) for written, u in inside if u.path.endswith("/")]
    assert len(pages) > 10
    assert all(parse_qs(u.query).get("p") == ["bryn-care"] for _, u in pages)
    # Links keep the relative form they were written in, so the site works wherever it is.
    assert all(not written.startswith(("/", "http")) for written, _ in pages)
    outside = [full for _, full in links if urlsplit(full).netloc != here]
    assert outside and all("p=" not in full for full in outside)


# -- Without JavaScript ---------------------------------------------------------------


@pytest.fixture
def no_js(new_context: Callable[..., BrowserContext]) -> Page:
    context = new_context(java_script_enabled=False, viewport={"width": 1280, "height": 800})
    return context.new_page()


@pytest.mark.parametrize("lang", LANGS)
def test_without_javascript_the_shortlist_page_says_to_print_each_provider_page(
    no_js: Page, lang: str, tmp_path: Path
) -> None:
    no_js.goto(url(lang, f"shortlist/?p={','.join(THREE)}"))
    expect(no_js.locator(".mc-nojs")).to_be_visible()
    expect(no_js.locator(".mc-share")).to_be_hidden()

    no_js.goto(url(lang, "providers/bryn-care/"))
    expect(no_js.locator(".mc-shortlist-toggle")).to_be_hidden()
    no_js.emulate_media(media="print")
    path = tmp_path / "provider.pdf"
    no_js.pdf(path=str(path), format="A4", margin=A4_MARGINS)
    text = " ".join(pdf_text(path.read_bytes()).split())
    assert PROFILES["bryn-care"].name in text and (PROFILES["bryn-care"].phone or "") in text
    for words in ("Add to shortlist", "Back to your results", "See your shortlist"):
        assert t(lang, words) not in text
