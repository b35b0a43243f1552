"""Rendering: pages from Providers, checked against golden files and by rule."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import xml.etree.ElementTree as ET

import pytest

from builder.check.validate import check_files
from builder.load.history import Change, History
from builder.load.vocab import load_vocabulary
from builder.model import Text, build_directory
from builder.paths import ROOT
from builder.site.format import _paragraphs_and_lists
from builder.site.render import build_pages

TODAY = dt.date(2026, 11, 22)
VALID = ROOT / "tests" / "fixtures" / "providers" / "valid"
GOLDEN = ROOT / "tests" / "golden"
HISTORY = History(
    last_updated={"cartref-care": dt.date(2026, 11, 2)},
    changes=(
        Change(dt.date(2026, 11, 2), "abc123", "cartref-care", "availability", "waiting-list"),
    ),
)


@pytest.fixture(scope="module")
def directory():  # type: ignore[no-untyped-def]
    vocab = load_vocabulary()
    result = check_files(sorted(VALID.glob("*.yml")), root=ROOT, today=TODAY, vocab=vocab)
    return build_directory(result.profiles, vocab, TODAY, HISTORY)


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_provider_page_matches_the_golden_file(directory, lang: str, update_expected: bool) -> None:  # type: ignore[no-untyped-def]
    page = build_pages(directory, lang, "https://microcare.example.org/")[
        "providers/cartref-care.md"
    ]
    golden = GOLDEN / f"cartref-care.{lang}.md"
    if update_expected:
        golden.write_text(page, encoding="utf-8")
    assert page == golden.read_text(encoding="utf-8")


def test_descriptions_keep_paragraphs_and_lists_and_escape_everything() -> None:
    html = _paragraphs_and_lists(
        "First line\nsame paragraph.\n\nWe help with:\n- <b>washing</b>\n* meals & shopping\n\nBye."
    )
    assert str(html) == (
        "<p>First line same paragraph.</p>\n<p>We help with:</p>\n"
        "<ul><li>&lt;b&gt;washing&lt;/b&gt;</li><li>meals &amp; shopping</li></ul>\n<p>Bye.</p>"
    )


def test_welsh_page_marks_english_only_text_and_says_so(directory) -> None:  # type: ignore[no-untyped-def]
    p = directory.provider("cartref-care")
    english_only = dataclasses.replace(p, cover=Text(en="My sister covers my visits."))
    d = dataclasses.replace(directory, providers=(english_only,))
    page = build_pages(d, "cy")["providers/cartref-care.md"]
    assert '<p lang="en">My sister covers my visits.</p>' in page
    assert '<p class="mc-note">Mae&#39;r testun hwn ar gael yn Saesneg yn unig.</p>' in page


def test_a_withdrawn_provider_keeps_only_a_notice_at_its_address(directory) -> None:  # type: ignore[no-untyped-def]
    p = dataclasses.replace(directory.provider("cartref-care"), withdrawn=dt.date(2026, 11, 1))
    d = dataclasses.replace(directory, providers=(), withdrawn=(p,), changes=())
    pages = build_pages(d, "en")
    page = pages["providers/cartref-care.md"]
    assert "This provider is no longer listed." in page
    assert "search:\n  exclude: true" in page
    for detail in (
        p.summary.en,
        p.contact.email or "",
        p.contact.phone.display if p.contact.phone else "",
    ):
        assert detail and detail not in page
    others = "".join(v for k, v in pages.items() if k != "providers/cartref-care.md")
    assert "cartref-care" not in others and p.name not in others


def test_the_feed_is_atom_with_absolute_links(directory) -> None:  # type: ignore[no-untyped-def]
    feed = build_pages(directory, "en", "https://microcare.example.org/")["recent/feed.xml"]
    atom = "{http://www.w3.org/2005/Atom}"
    root = ET.fromstring(feed)
    entries = root.findall(f"{atom}entry")
    assert [e.findtext(f"{atom}title") for e in entries] == [
        "Cartref Care changed their availability to: Waiting list."
    ]
    assert entries[0].find(f"{atom}link").get("href") == (  # type: ignore[union-attr]
        "https://microcare.example.org/providers/cartref-care/"
    )
    assert root.findtext(f"{atom}updated") == "2026-11-02T00:00:00Z"


def test_the_finder_index_is_compact_and_complete(directory) -> None:  # type: ignore[no-untyped-def]
    index = json.loads(build_pages(directory, "en")["find/index.json"])
    assert [row[0] for row in index["providers"]] == [p.slug for p in directory.providers]
    assert len(index["areas"]) == 34 and len(index["services"]) == 13
    for row, p in zip(index["providers"], directory.providers, strict=True):
        assert {index["areas"][i] for i in row[1]} == set(p.areas)
        assert {index["services"][i] for i in row[2]} == set(p.services)
        assert bool(row[3] & 8) == p.covers_all
