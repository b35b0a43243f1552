"""The council's details, the mistake link and the build's date, in a real build of the sample."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from tests import expected

MAILTO = {
    "": (
        "mailto:microcare@example.org?subject=Mistake%20in%20the%20Flintshire%20Micro-care%20"
        "Directory%3A%20Bryn%20Care&body=Provider%3A%20Bryn%20Care%0D%0APage%3A%20https%3A%2F%2F"
        "microcare.example.org%2Fproviders%2Fbryn-care%2F%0D%0A%0D%0AWhat%20is%20wrong%20on%20the"
        "%20page%2C%20and%20what%20should%20it%20say%3F%0D%0A%0D%0A"
    ),
    "cy/": (
        "mailto:microcare@example.org?subject=Camgymeriad%20yn%20y%20Cyfeiriadur%20Micro-ofal%20"
        "Sir%20y%20Fflint%3A%20Bryn%20Care&body=Darparwr%3A%20Bryn%20Care%0D%0ATudalen%3A%20https"
        "%3A%2F%2Fmicrocare.example.org%2Fcy%2Fproviders%2Fbryn-care%2F%0D%0A%0D%0ABeth%20sy%27n"
        "%20anghywir%20ar%20y%20dudalen%2C%20a%20beth%20ddylai%20ei%20ddweud%3F%0D%0A%0D%0A"
    ),
}
REPORT = {"": "Report a mistake on this page", "cy/": "Rhoi gwybod am gamgymeriad ar y dudalen hon"}
CHECKED = {
    "": 'Information checked on <time datetime="2026-11-22">22 November 2026</time>.',
    "cy/": 'Gwiriwyd y wybodaeth ar <time datetime="2026-11-22">22 Tachwedd 2026</time>.',
}


@pytest.mark.parametrize("prefix", ["", "cy/"])
def test_every_provider_page_has_the_mistake_link(site_dir: Path, prefix: str) -> None:
    page = (site_dir / prefix / "providers/bryn-care/index.html").read_text("utf-8")
    link = f'<a class="mc-report__link" href="{MAILTO[prefix]}">{REPORT[prefix]}</a>'
    assert link in html.unescape(page)
    for provider in expected.published():
        path = site_dir / prefix / "providers" / provider.slug / "index.html"
        assert "mc-report__link" in path.read_text("utf-8"), path


@pytest.mark.parametrize("prefix", ["", "cy/"])
def test_pages_say_when_the_information_was_checked(site_dir: Path, prefix: str) -> None:
    for page in ("index.html", "find/index.html", "providers/bryn-care/index.html"):
        text = (site_dir / prefix / page).read_text("utf-8")
        assert f'<p class="mc-checked-on">{CHECKED[prefix]}</p>' in text, page


@pytest.mark.parametrize(
    ("prefix", "page"),
    [("", "https://www.flintshire.gov.uk/"), ("cy/", "https://www.siryfflint.gov.uk/")],
)
def test_guidance_and_contact_pages_show_the_councils_details(
    site_dir: Path, prefix: str, page: str
) -> None:
    for name in ("guidance", "contact"):
        text = html.unescape((site_dir / prefix / name / "index.html").read_text("utf-8"))
        assert '<a href="mailto:microcare@example.org">microcare@example.org</a>' in text
        assert '<a href="tel:+441632960999">01632 960999</a>' in text
        assert f'href="{page}"' in text
    for path in site_dir.rglob("*.html"):
        assert "{{ council." not in path.read_text("utf-8"), path
