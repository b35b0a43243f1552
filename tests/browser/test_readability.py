"""Readable for older eyes: text as large as GOV.UK's and the NHS's, notices
never smaller than the text around them, titles dark enough for AAA.

Measured in a real browser, as the site's CSS and Material's draw the pages,
on a desktop and on a phone, in both languages.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page

from tests.browser.site import LANGS, visit

pytestmark = pytest.mark.browser

# GOV.UK and the NHS set body text at 19px on a desktop and 16px on a phone.
SIZES = [(1280, 19), (390, 16)]
# Each page type with the notices it shows (the home page's "Listed is not
# regulated" is an admonition; a provider's price note is .mc-note).
NOTICES = {
    "home": ".admonition, .admonition-title",
    "provider": ".mc-note",
    "finder": ".mc-card__label",
    "community": ".mc-availability",
    "pair": ".mc-card__price",
}
# Every piece of text in the page's content, and the sample-site notice above it.
TEXT = ".md-content :is(p, li, dt, dd, label, legend, td, th, strong, span, a), .mc-sample"

SIZES_OF = (
    "s => [...document.querySelectorAll(s)].filter(e => e.offsetParent !== null)"
    ".map(e => parseFloat(getComputedStyle(e).fontSize))"
)


def luminance(rgb: str) -> float:
    """WCAG relative luminance of a CSS ``rgb(...)`` colour."""
    channels = [int(c) / 255 for c in re.findall(r"\d+", rgb)[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one: str, two: str) -> float:
    light, dark = sorted((luminance(one), luminance(two)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("width", "smallest"), SIZES)
@pytest.mark.parametrize("page_type", NOTICES)
def test_body_text_is_large_and_no_text_or_notice_is_smaller(
    page_at: Callable[..., Page], page_type: str, lang: str, width: int, smallest: float
) -> None:
    page = page_at(width)
    visit(page, lang, page_type)
    body = page.evaluate(SIZES_OF, ".md-content .md-typeset")[0]
    assert body >= smallest
    notices = page.evaluate(SIZES_OF, NOTICES[page_type])
    assert notices, f"no {NOTICES[page_type]} on the {page_type} page"
    assert min(notices) >= body
    assert min(page.evaluate(SIZES_OF, TEXT)) >= body


@pytest.mark.parametrize("width", [1280, 390])
def test_a_stale_availability_warning_is_as_large_as_the_card_around_it(
    page_at: Callable[..., Page], width: int
) -> None:
    """No sample provider is stale on the sample date: add the warning as cards write it."""
    page = page_at(width)
    visit(page, "en", "community")
    sizes = page.evaluate(
        """() => {
            const card = document.querySelector(".mc-card");
            card.insertAdjacentHTML("beforeend", '<p class="mc-stale"><strong>' +
              'Availability not confirmed recently: please ask.</strong></p>');
            const size = e => parseFloat(getComputedStyle(e).fontSize);
            return [size(card.querySelector(".mc-stale strong")), size(card.querySelector("p"))];
        }"""
    )
    assert sizes[0] >= sizes[1]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page_type", ["home", "provider", "finder", "pair"])
def test_page_titles_are_bold_and_dark_enough_for_aaa(
    page_at: Callable[..., Page], page_type: str, lang: str
) -> None:
    page = page_at(1280)
    visit(page, lang, page_type)
    colour, weight, background = page.evaluate(
        """() => {
            const s = getComputedStyle(document.querySelector(".md-content h1"));
            return [s.color, Number(s.fontWeight),
                    getComputedStyle(document.querySelector(".md-main")).backgroundColor];
        }"""
    )
    # The page itself is white: Material leaves .md-main transparent.
    behind = "rgb(255, 255, 255)" if background == "rgba(0, 0, 0, 0)" else background
    assert contrast(colour, behind) >= 7
    assert weight >= 600
