"""Generated pages keep to the shape every Markdown engine reads alike, and the
MkDocs hook's short cut (render the headings, keep the HTML) gives what
Markdown would give for the whole page."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import markdown
import pytest
import yaml

from builder import pipeline
from builder.engines import sections
from builder.model import Directory
from builder.site.render import build_pages
from tests.project import ROOT

CONFIG = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))


def extensions() -> tuple[list[str], dict[str, object]]:
    names: list[str] = []
    configs: dict[str, object] = {}
    for item in CONFIG["markdown_extensions"]:
        name, options = next(iter(item.items())) if isinstance(item, dict) else (item, {})
        names.append(name)
        configs[name] = options or {}
    return names, configs


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    directory, result = pipeline.load_directory()
    assert isinstance(directory, Directory), result.errors
    return {
        f"{lang}/{path}": str(text)
        for lang in ("en", "cy")
        for path, text in build_pages(directory, lang).items()
        if path.endswith(".md")
    }


def body(page: str) -> str:
    return page.split("---\n", 2)[2]


def test_every_chunk_of_a_generated_page_is_a_heading_or_html(pages: dict[str, str]) -> None:
    for path, page in pages.items():
        for chunk in re.split(r"\n\s*\n", body(page).strip()):
            assert chunk.startswith(("#", "<")), (path, chunk[:80])


class _Tree(HTMLParser):
    """Tags, attributes and text, with the whitespace between tags left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[object] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.items.append((tag, sorted(attrs)))

    def handle_endtag(self, tag: str) -> None:
        self.items.append(f"/{tag}")

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.items.append(" ".join(data.split()))


def tree(html: str) -> list[object]:
    parser = _Tree()
    parser.feed(html)
    return parser.items


def test_sections_give_what_markdown_gives(pages: dict[str, str]) -> None:
    names, configs = extensions()
    for path, page in pages.items():
        md = markdown.Markdown(extensions=names, extension_configs=configs)
        full = str(md.convert(body(page)))
        rendered = sections.render(body(page))
        assert rendered is not None, path
        assert tree(rendered[0]) == tree(full), path
        assert rendered[1] == [_without_extras(t) for t in md.toc_tokens], path  # type: ignore[attr-defined]


def _without_extras(token: dict[str, object]) -> dict[str, object]:
    """Python-Markdown's token, less what MkDocs does not read."""
    children = token["children"]
    assert isinstance(children, list)
    return {
        "level": token["level"],
        "id": token["id"],
        "name": token["name"],
        "html": token["html"],
        "children": [_without_extras(c) for c in children],
    }


def test_headings_get_the_ids_markdown_gives_them() -> None:
    page = "# Hope &#38; Help\n\n<p>x</p>\n\n## About { #about }\n\n# Hope &#38; Help\n"
    rendered = sections.render(page)
    assert rendered is not None
    assert rendered[0] == (
        '<h1 id="hope-help">Hope &#38; Help</h1>\n<p>x</p>\n'
        '<h2 id="about">About</h2>\n<h1 id="hope-help_1">Hope &#38; Help</h1>'
    )


def test_a_page_of_another_shape_is_left_to_markdown() -> None:
    assert sections.render("# A\n\n#no-space heading\n") is None
    assert sections.render("# <b>tag</b>\n") is None


def test_a_line_of_text_inside_html_is_never_taken_for_a_heading() -> None:
    rendered = sections.render("# A\n\n<div>\n# not a heading\n</div>\n")
    assert rendered is not None
    assert rendered[0] == '<h1 id="a">A</h1>\n<div>\n# not a heading\n</div>'
