"""The rules about files: names the site can publish, and one business name per provider."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from builder.check.file_rules import MAX_SLUG, RESERVED_SLUGS, name_key
from builder.check.report import format_problems
from builder.check.validate import check_files
from builder.load.vocab import load_vocabulary
from builder.model import build_directory
from builder.paths import ROOT
from builder.site import render

VALID = ROOT / "tests" / "fixtures" / "providers" / "valid"
CARTREF = (VALID / "cartref-care.yml").read_text(encoding="utf-8")
TODAY = date(2026, 11, 22)


def check(folder: Path) -> str:
    paths = sorted(folder.glob("*.yml"))
    result = check_files(paths, root=folder.parent, today=TODAY, vocab=load_vocabulary())
    return format_problems(result.problems)


@pytest.fixture
def providers(tmp_path: Path) -> Path:
    folder = tmp_path / "providers"
    shutil.copytree(VALID / "photos", folder / "photos")
    return folder


def test_a_slug_the_site_uses_for_its_own_page_is_refused(providers: Path) -> None:
    (providers / "index.yml").write_text(CARTREF, encoding="utf-8")
    assert check(providers) == (
        "providers/index.yml:1:1: [error] the file name 'index.yml' is the name of a page "
        "the site makes itself; name the file after the business, like 'bryn-care.yml'"
    )


def test_a_slug_longer_than_the_limit_is_refused(providers: Path) -> None:
    longest = "-".join(["cartref"] * 12) + "-care"
    assert len(longest) == MAX_SLUG
    (providers / f"{longest}.yml").write_text(CARTREF, encoding="utf-8")
    assert check(providers) == ""
    (providers / f"{longest}.yml").rename(providers / f"{longest}x.yml")
    shortened = "-".join(["cartref"] * 12)
    assert check(providers) == (
        f"providers/{longest}x.yml:1:1: [error] the file name is 101 characters long, "
        f"more than 100; shorten it, for example to '{shortened}.yml'"
    )


def test_every_other_page_beside_the_providers_pages_is_reserved() -> None:
    """A provider's slug can never take the address of a page the site makes itself."""
    vocab = load_vocabulary()
    result = check_files(
        sorted((ROOT / "providers").glob("*.yml")), root=ROOT, today=TODAY, vocab=vocab
    )
    directory = build_directory(result.profiles, vocab, TODAY)
    slugs = {p.slug for p in (*directory.providers, *directory.withdrawn)}
    for lang in ("en", "cy"):
        pages = render.build_pages(directory, lang)
        folders = {path.rsplit("/", 1)[0] for path in pages if any(s in path for s in slugs)}
        for path in pages:
            folder, _, name = path.rpartition("/")
            stem = name.split(".")[0]
            if folder in folders and stem not in slugs:
                assert stem in RESERVED_SLUGS, path
        assert any(f"/{slug}" in path for slug in RESERVED_SLUGS for path in pages)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Tŷ Twt", "Ty\u0302 Twt"),  # ŷ, or y and a combining circumflex
        ("Tŷ Twt", "TŶ TWT"),
        ("Tŷ Twt", "Tŷ  \u00a0Twt "),
        ("Tŷ Twt", "T\u200bŷ T\u00adwt"),
        ("Tŷ Twt", "Ｔŷ Ｔｗｔ"),  # full-width letters
        ("Strasse Care", "Straße Care"),
    ],
)
def test_names_that_look_alike_have_one_key(one: str, other: str) -> None:
    assert name_key(one) == name_key(other)


def test_names_that_differ_have_different_keys() -> None:
    assert name_key("Tŷ Twt") != name_key("Ty Twt")


def test_a_look_alike_of_another_providers_name_is_refused(providers: Path) -> None:
    (providers / "ty-twt.yml").write_text(
        CARTREF.replace("name: Cartref Care", "name: Tŷ Twt"), encoding="utf-8"
    )
    (providers / "ty-twt-two.yml").write_text(
        CARTREF.replace("name: Cartref Care", 'name: "TY\\u0302  TWT"'), encoding="utf-8"
    )
    assert check(providers) == (
        "providers/ty-twt-two.yml:2:7: [error] another profile has the same business name: "
        "providers/ty-twt.yml (name)\n"
        "providers/ty-twt.yml:2:7: [error] another profile has the same business name: "
        "providers/ty-twt-two.yml (name)"
    )
