"""The site search's index (builder/search/): public pages only, one index per language.

The index is read back as the browser reads it: each page is a gzipped
"fragment" holding its address, title and text.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from builder.search import IndexFailed, index_site
from tests import expected

SIGNATURE = b"pagefind_dcd"
# Hand-written pages and lists that anyone may search for.
PUBLIC_PAGES = (
    "/",
    "/find/",
    "/providers/",
    "/areas/",
    "/services/",
    "/recent/",
    "/guidance/",
    "/become-a-micro-carer/",
    "/accessibility/",
    "/privacy/",
)
# Pages for council staff, and the search page itself.
NOT_PUBLIC = ("/staff-guide/", "/fields/", "/search/", "/404.html")


def indexed(bundle: Path) -> dict[str, dict[str, Any]]:
    """Every page in a Pagefind index: {address: fragment}."""
    pages = {}
    for path in sorted((bundle / "fragment").iterdir()):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(SIGNATURE)
        fragment = json.loads(data[len(SIGNATURE) :])
        pages[fragment["url"]] = fragment
    return pages


@pytest.mark.parametrize("prefix", ["", "cy/"])
def test_every_public_page_is_in_its_languages_index(site_dir: Path, prefix: str) -> None:
    urls = set(indexed(site_dir / prefix / "pagefind"))
    public = set(PUBLIC_PAGES)
    public |= {f"/providers/{p.slug}/" for p in expected.published()}
    public |= {f"/areas/{area}/" for area in expected.community_ids()}
    public |= {f"/services/{service}/" for service in expected.service_ids()}
    assert public - urls == set()


@pytest.mark.parametrize("prefix", ["", "cy/"])
def test_staff_pages_withdrawn_providers_and_drafts_are_not_in_the_index(
    site_dir: Path, prefix: str
) -> None:
    pages = indexed(site_dir / prefix / "pagefind")
    assert set(NOT_PUBLIC) & set(pages) == set()
    assert {f"/providers/{p.slug}/" for p in expected.withdrawn()} & set(pages) == set()
    text = json.dumps(pages, ensure_ascii=False)
    for draft in expected.drafts():
        assert draft.name not in text and draft.slug not in text


def test_each_language_has_its_own_index_and_welsh_is_not_stemmed(site_dir: Path) -> None:
    english = json.loads((site_dir / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
    welsh = json.loads((site_dir / "cy" / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
    assert list(english["languages"]) == ["en"]
    assert list(welsh["languages"]) == ["cy"]
    assert english["languages"]["en"]["wasm"] == "en"
    # Pagefind has no Welsh stemmer: the Welsh index matches words as written.
    assert welsh["languages"]["cy"]["wasm"] is None
    titles = {page["meta"]["title"] for page in indexed(site_dir / "cy" / "pagefind").values()}
    assert "Dod o hyd i ficro-ofalwr" in titles and "Find a micro-carer" not in titles


def test_card_lists_are_left_out_so_a_provider_is_found_by_its_own_page(site_dir: Path) -> None:
    pages = indexed(site_dir / "pagefind")
    a_to_z = pages["/providers/"]["content"]
    assert not any(p.name in a_to_z for p in expected.published())
    bryn = pages["/providers/bryn-care/"]
    assert bryn["meta"]["title"] == "Bryn Care"


def test_pagefinds_own_interfaces_are_not_published(site_dir: Path) -> None:
    names = {p.name for p in (site_dir / "pagefind").iterdir()}
    assert not {n for n in names if "-ui." in n or n == "pagefind-highlight.js"}
    assert {"pagefind.js", "pagefind-entry.json"} <= names


def _page(folder: Path, path: str, lang: str, title: str) -> None:
    (folder / path).parent.mkdir(parents=True, exist_ok=True)
    (folder / path).write_text(
        f'<!doctype html><html lang="{lang}"><head><title>{title}</title></head>'
        f"<body><main data-pagefind-body><h1>{title}</h1><p>Words.</p></main></body></html>",
        encoding="utf-8",
    )


def test_a_languages_index_leaves_out_the_other_language_inside_its_folder(
    tmp_path: Path,
) -> None:
    _page(tmp_path, "index.html", "en", "Home")
    _page(tmp_path, "guidance/index.html", "en", "Guidance")
    _page(tmp_path, "cy/index.html", "cy", "Hafan")
    english = index_site(tmp_path, "en")
    welsh = index_site(tmp_path / "cy", "cy")
    assert english == tmp_path / "pagefind"
    assert set(indexed(english)) == {"/", "/guidance/"}
    assert set(indexed(welsh)) == {"/"}


def test_a_folder_without_pages_is_a_plain_error(tmp_path: Path) -> None:
    with pytest.raises(IndexFailed) as failed:
        index_site(tmp_path, "en")
    assert str(failed.value) == f"There are no pages to search in {tmp_path}: build the site first."
