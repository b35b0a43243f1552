"""The community and service pair pages, rendered from the fixture providers."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from builder.check.validate import check_files
from builder.load.vocab import load_vocabulary
from builder.model import Directory, build_directory
from builder.paths import ROOT
from builder.site.render import build_pages

TODAY = dt.date(2026, 11, 22)
VALID = ROOT / "tests" / "fixtures" / "providers" / "valid"
CARD = re.compile(r'<h2 class="mc-card__name"><a href="\.\./\.\./\.\./providers/([a-z0-9-]+)/">')


def pair_pages(directory: Directory, lang: str) -> dict[str, str]:
    """The pair pages of the ``lang`` site: areas/<community>/<service>.md."""
    return {
        path: str(text)
        for path, text in build_pages(directory, lang).items()
        if path.startswith("areas/") and path.count("/") == 2
    }


@pytest.fixture(scope="module")
def directory() -> Directory:
    vocab = load_vocabulary()
    result = check_files(sorted(VALID.glob("*.yml")), root=ROOT, today=TODAY, vocab=vocab)
    return build_directory(result.profiles, vocab, TODAY)


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_there_is_a_page_for_each_pair_with_providers_and_none_for_the_rest(
    directory: Directory, lang: str
) -> None:
    pages = pair_pages(directory, lang)
    assert set(pages) == {f"areas/{a}/{s}.md" for a, s in directory.pairs}
    # The fixtures cover one community each way: no page where nobody offers the service.
    assert "areas/buckley/personal-care.md" in pages
    assert "areas/holywell/personal-care.md" not in pages
    for (area, service), providers in directory.pairs.items():
        page = pages[f"areas/{area}/{service}.md"]
        assert CARD.findall(page) == [p.slug for p in providers]


def test_a_pair_page_names_the_place_and_service_and_stays_out_of_the_search(
    directory: Directory,
) -> None:
    page = pair_pages(directory, "cy")["areas/buckley/personal-care.md"]
    front, _, body = page.removeprefix("---\n").partition("\n---\n")
    assert front.splitlines() == [
        'title: "Gofal personol (ymolchi, gwisgo, ymataliaeth) yn ardal Bwcle"',
        "description: \"Darparwyr micro-ofal sy'n gweithio yn ardal Bwcle, Sir y Fflint, "
        "ac yn cynnig Gofal personol (ymolchi, gwisgo, ymataliaeth), gyda'u hargaeledd, "
        "eu rhif ffôn a'u pris.\"",
        "search:",
        "  exclude: true",
    ]
    assert "Mae 1 micro-ofalwr yn gweithio yn ardal Bwcle ac yn cynnig hyn." in body
    assert '<a href="../">Pob micro-ofalwr yn ardal Bwcle</a>' in body
    assert '<a href="../../../services/personal-care/">' in body


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_community_and_service_pages_link_every_pair_page_and_no_other(
    directory: Directory, lang: str
) -> None:
    pages = build_pages(directory, lang)
    for c in directory.vocab.communities:
        linked = re.findall(r'<li><a href="([a-z-]+)/">', pages[f"areas/{c.id}.md"])
        assert linked == [s for a, s in directory.pairs if a == c.id], c.id
    for s in directory.vocab.service_ids:
        linked = re.findall(
            r'<li><a href="\.\./\.\./areas/([a-z-]+)/([a-z-]+)/">', pages[f"services/{s}.md"]
        )
        assert sorted(linked) == sorted(pair for pair in directory.pairs if pair[1] == s), s
