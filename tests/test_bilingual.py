"""Every page in both languages, each linked to its twin, each in its own language."""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from builder.i18n import catalogue_path

MATERIAL_ENGLISH = ("Skip to content", "Back to top", "Type to start searching", "Previous", "Next")


def pages(site_dir: Path) -> tuple[set[str], set[str]]:
    """Every page of each language (not the fragments that scripts fetch into pages)."""

    def under(root: Path) -> set[str]:
        return {
            str(p.relative_to(root))
            for p in root.rglob("*.html")
            if not str(p.relative_to(root)).startswith(("cy/", "find/cards/", "shortlist/items/"))
        }

    return under(site_dir), under(site_dir / "cy")


def test_every_page_has_a_twin_in_the_other_language(site_dir: Path) -> None:
    english, welsh = pages(site_dir)
    assert len(english) > 80
    assert english - welsh == set()
    assert welsh - english == set()


class _Page(HTMLParser):
    """Collects a page's lang, its language links and its Welsh-side text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.html_lang = ""
        self.switch: list[tuple[str, str]] = []
        self.hreflang: dict[str, str] = {}
        self.stack: list[tuple[str, bool]] = []
        self.text: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.html_lang = a.get("lang", "")
        if tag == "a" and "mc-lang-switch" in a.get("class", ""):
            self.switch.append((a["href"], a.get("hreflang", "")))
        if tag == "link" and a.get("hreflang"):
            self.hreflang[a["hreflang"]] = a["href"]
        void = tag in {"meta", "link", "img", "input", "br", "hr", "source"}
        if not void:
            quoted = a.get("lang") == "en" or tag in {"script", "style", "code", "template"}
            self.stack.append((tag, quoted))
            self.skip += quoted

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            open_tag, quoted = self.stack.pop()
            self.skip -= quoted
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.text.append(data)


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_every_page_has_its_language_and_a_switch_to_its_twin(site_dir: Path, lang: str) -> None:
    english, _ = pages(site_dir)
    other = "cy" if lang == "en" else "en"
    for rel in sorted(english):
        if rel == "404.html":
            continue
        path = site_dir / rel if lang == "en" else site_dir / "cy" / rel
        page = parse(path)
        assert page.html_lang == lang, rel
        assert len(page.switch) == 1, rel
        href, hreflang = page.switch[0]
        assert hreflang == other
        here = posixpath.dirname(str(path.relative_to(site_dir)))
        target = posixpath.normpath(posixpath.join(here, href))
        twin = (rel if lang == "cy" else f"cy/{rel}").removesuffix("index.html").rstrip("/")
        assert target == (twin or "."), (rel, href)
        assert (site_dir / target / "index.html").exists() or (site_dir / target).is_file()
        url = rel.removesuffix("index.html")
        assert page.hreflang == {
            "en": f"https://microcare.example.org/{url}",
            "cy": f"https://microcare.example.org/cy/{url}",
            "x-default": f"https://microcare.example.org/{url}",
        }, rel


def english_interface_strings() -> list[str]:
    """Our English strings that read differently in Welsh, and Material's."""
    with catalogue_path("cy").open("rb") as f:
        catalog = read_po(f, locale="cy")
    strings = [
        str(m.id)
        for m in catalog
        if isinstance(m.id, str)
        and m.id
        and m.string != m.id
        and len(m.id) >= 5
        and not re.search(r"%\(|\{", m.id)
        and not m.id.startswith('"')
    ]
    return [*strings, *MATERIAL_ENGLISH]


def test_no_english_interface_string_on_a_welsh_page(site_dir: Path) -> None:
    strings = english_interface_strings()
    assert len(strings) > 50
    for path in sorted((site_dir / "cy").rglob("*.html")):
        text = re.sub(r"\s+", " ", " ".join(parse(path).text))
        leaks = [s for s in strings if re.search(rf"(?<!\w){re.escape(s)}(?!\w)", text)]
        assert leaks == [], path
