"""A real build of the sample site, checked page by page against the YAML."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests import expected
from tests.test_search import indexed as search_index

CARD_LINK = re.compile(r'<h[23] class="mc-card__name"><a href="(?:[./]*providers/)?([a-z0-9-]+)/">')


def card_slugs(html: str) -> list[str]:
    return CARD_LINK.findall(html)


def read(site_dir: Path, path: str) -> str:
    return (site_dir / path).read_text(encoding="utf-8")


def a_to_z_cards(site_dir: Path, prefix: str) -> list[tuple[expected.Profile, str]]:
    """Each published provider with its card's HTML on the A to Z page."""
    cards = re.findall(
        r'<li class="mc-card">(.*?)</li>', read(site_dir, f"{prefix}providers/index.html"), re.S
    )
    profiles = {p.slug: p for p in expected.published()}
    assert len(cards) == len(profiles)
    return [(profiles[card_slugs(card)[0]], card) for card in cards]


@pytest.mark.parametrize("prefix", ["", "cy/"])
def test_every_published_provider_has_a_page(site_dir: Path, prefix: str) -> None:
    built = {p.name for p in (site_dir / prefix / "providers").iterdir() if p.is_dir()}
    listed_once = {p.slug for p in expected.withdrawn()}
    assert built == {p.slug for p in expected.published()} | listed_once


@pytest.mark.parametrize("prefix", ["", "cy/"])
def test_a_withdrawn_provider_is_only_a_notice_at_its_old_address(
    site_dir: Path, prefix: str
) -> None:
    for gone in expected.withdrawn():
        page = read(site_dir, f"{prefix}providers/{gone.slug}/index.html")
        assert '<meta name="robots" content="noindex">' in page
        assert gone.phone and gone.phone not in page
        assert 'href="../../find/"' in page
        elsewhere = [
            str(path.relative_to(site_dir))
            for path in site_dir.rglob("*")
            if path.is_file()
            and gone.slug.encode() in path.read_bytes()
            and not str(path.relative_to(site_dir)).endswith(f"providers/{gone.slug}/index.html")
        ]
        # Only the Recent changes page and its feed may say it has gone.
        allowed = {
            f"{lang}recent/{name}" for lang in ("", "cy/") for name in ("index.html", "feed.xml")
        }
        assert set(elsewhere) <= allowed


def test_provider_page_shows_phone_and_areas(site_dir: Path) -> None:
    html = read(site_dir, "providers/bryn-care/index.html")
    assert '<a class="mc-contact__phone" href="tel:+441632960001">01632 960001</a>' in html
    for area, name in [
        ("argoed", "Argoed"),
        ("gwernaffield", "Gwernaffield"),
        ("gwernymynydd", "Gwernymynydd"),
        ("mold", "Mold"),
    ]:
        assert f'<a href="../../areas/{area}/">{name}</a>' in html


@pytest.mark.parametrize(("prefix", "label"), [("", "Contact:"), ("cy/", "Cysylltu:")])
def test_every_card_gives_the_providers_phone_and_email(
    site_dir: Path, prefix: str, label: str
) -> None:
    """So that a list of results, on screen or on paper, is enough to call someone."""
    for p, card in a_to_z_cards(site_dir, prefix):
        links = []
        if p.phone:
            links.append(
                f'<a class="mc-contact__phone" href="{expected.tel_href(p.phone)}">{p.phone}</a>'
            )
        if p.email:
            links.append(f'<a class="mc-contact__email" href="mailto:{p.email}">{p.email}</a>')
        contact = f'<span class="mc-card__label">{label}</span> {", ".join(links)}'
        assert f'<p class="mc-card__contact">{contact}</p>' in card, p.slug


@pytest.mark.parametrize(("prefix", "an_hour"), [("", "an hour"), ("cy/", "yr awr")])
def test_every_card_leads_with_availability_and_its_date_then_contact_then_price(
    site_dir: Path, prefix: str, an_hour: str
) -> None:
    """What families ask first: taking new clients (confirmed when), how to call, the cost."""
    for p, card in a_to_z_cards(site_dir, prefix):
        parts = [c for c in re.findall(r'<(?:h[23]|p) class="([a-z_-]+)', card) if c != "mc-stale"]
        assert parts[:4] == [
            "mc-card__name",
            "mc-availability",
            "mc-card__contact",
            "mc-card__price",
        ], p.slug
        assert f'<time datetime="{p.confirmed}">' in card, p.slug
        assert f"</span> £{p.hourly_rate} {an_hour}</p>" in card, p.slug


def test_welsh_provider_page_shows_welsh_area_names(site_dir: Path) -> None:
    html = read(site_dir, "cy/providers/bryn-care/index.html")
    assert '<a href="../../areas/mold/">Yr Wyddgrug</a>' in html
    assert 'href="tel:+441632960001"' in html


@pytest.mark.parametrize("prefix", ["", "cy/"])
def test_each_area_page_lists_exactly_the_providers_covering_it(
    site_dir: Path, prefix: str
) -> None:
    for area in expected.community_ids():
        shown = card_slugs(read(site_dir, f"{prefix}areas/{area}/index.html"))
        assert sorted(shown) == sorted(expected.matching(area=area)), area
        assert len(shown) == len(set(shown)), f"{area} lists a provider twice"


def test_each_service_page_lists_exactly_the_providers_offering_it(site_dir: Path) -> None:
    for service in expected.service_ids():
        shown = card_slugs(read(site_dir, f"services/{service}/index.html"))
        assert sorted(shown) == sorted(expected.matching(services=(service,))), service


@pytest.mark.parametrize("prefix", ["", "cy/"])
def test_each_pair_page_lists_exactly_the_providers_covering_the_area_and_offering_the_service(
    site_dir: Path, prefix: str
) -> None:
    """A page for each community and service pair with providers, and none for the rest."""
    pairs = 0
    for area in expected.community_ids():
        for service in expected.service_ids():
            want = expected.matching(area=area, services=(service,))
            page = site_dir / prefix / "areas" / area / service / "index.html"
            assert page.exists() == bool(want), (area, service)
            if want:
                pairs += 1
                shown = card_slugs(page.read_text(encoding="utf-8"))
                assert sorted(shown) == sorted(want), (area, service)
    # The sample data has both kinds: pairs with a page, and pairs with none.
    assert 0 < pairs < len(expected.community_ids()) * len(expected.service_ids())


@pytest.mark.parametrize("prefix", ["", "cy/"])
def test_each_community_page_links_each_of_its_pair_pages(site_dir: Path, prefix: str) -> None:
    for area in expected.community_ids():
        html = read(site_dir, f"{prefix}areas/{area}/index.html")
        linked = re.findall(r'<li><a href="([a-z-]+)/">[^<]*</a> \((\d+)\)</li>', html)
        want = [
            (s, str(len(expected.matching(area=area, services=(s,)))))
            for s in expected.service_ids()
            if expected.matching(area=area, services=(s,))
        ]
        assert linked == want, area


def test_pair_pages_are_low_in_the_sitemap_and_out_of_the_search(site_dir: Path) -> None:
    for prefix in ("", "cy/"):
        sitemap = read(site_dir, f"{prefix}sitemap.xml")
        entries = re.findall(r"<url>(.*?)</url>", sitemap, re.S)
        low = {
            urlsplit(re.findall(r"<loc>(.*?)</loc>", e)[0]).path.removeprefix("/")
            for e in entries
            if "<priority>0.1</priority>" in e
        }
        pairs = {
            f"{prefix}areas/{a}/{s}/"
            for a in expected.community_ids()
            for s in expected.service_ids()
            if expected.matching(area=a, services=(s,))
        }
        assert low == pairs
        assert sitemap.count("<priority>") == len(pairs)
        indexed = search_index(site_dir / prefix / "pagefind")
        assert not [page for page in pairs if "/" + page in indexed]


def test_a_to_z_lists_every_published_provider_in_order(site_dir: Path) -> None:
    shown = card_slugs(read(site_dir, "providers/index.html"))
    assert sorted(shown) == sorted(p.slug for p in expected.published())
    names = {p.slug: p.name for p in expected.published()}
    folded = [names[s].casefold().removeprefix("the ") for s in shown]
    assert folded == sorted(folded)


def test_drafts_appear_nowhere_in_the_site(site_dir: Path) -> None:
    drafts = expected.drafts()
    assert drafts, "the sample data should include a draft"
    for path in site_dir.rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            for draft in drafts:
                assert draft.slug.encode() not in content, f"{draft.slug} in {path}"
                assert draft.name.encode() not in content, f"{draft.name} in {path}"
                if draft.phone:
                    assert draft.phone.encode() not in content, f"{draft.phone} in {path}"


def test_provider_pages_are_not_in_the_navigation(site_dir: Path) -> None:
    # The navigation is in every page: a page that links no provider in its
    # content shows that the navigation does not list them either.
    for page in ("index.html", "guidance/index.html", "cy/guidance/index.html"):
        html = read(site_dir, page)
        assert 'find/"' in html and 'providers/"' in html
        for p in expected.published():
            assert f"providers/{p.slug}/" not in html, page
        assert "areas/mold/" not in html


def test_no_page_asks_a_third_party_for_anything(site_dir: Path) -> None:
    pattern = re.compile(r'<(?:script|link|img|iframe)\b[^>]*(?:src|href)="(https?:)?//', re.I)
    for path in site_dir.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for match in pattern.finditer(html):
            tag = html[match.start() : html.index(">", match.start()) + 1]
            # hreflang alternates name the site's own published address.
            assert 'rel="alternate"' in tag or 'rel="canonical"' in tag, f"{path}: {tag}"
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


def test_the_build_is_deterministic(site_dir: Path, build_site) -> None:  # type: ignore[no-untyped-def]
    again = build_site()
    first = {p.relative_to(site_dir): p.read_bytes() for p in site_dir.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    different = [str(k) for k in first if first[k] != second[k]]
    assert different == []


def test_photos_are_published_as_copies_without_their_metadata(site_dir: Path) -> None:
    from PIL import Image

    from builder.site.photos import publish_photo

    photos = sorted((expected.ROOT / "providers" / "photos").iterdir())
    assert photos
    for source in photos:
        for prefix in ("", "cy/"):
            published = site_dir / prefix / "photos" / source.name
            assert published.read_bytes() == publish_photo(source)
            with Image.open(published) as image:
                assert not image.getexif() and "xmp" not in image.info and "exif" not in image.info
