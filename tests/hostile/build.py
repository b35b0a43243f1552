"""One real build of every hostile profile that check accepts, read back as a browser would.

``hostile_site`` builds a copy of the project whose providers are
``cases.accepted_profiles()`` (every accepted attack in every field), committed to
git so that Recent changes and its feed name every one of them. The readers
below take the built files apart with real parsers: HTML (``html.parser``),
XML (ElementTree), JSON and CSV.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from builder.load.profile import load_bytes
from tests.hostile.cases import PHOTOS, accepted_profiles
from tests.project import copy_project, run

TODAY = "2026-11-22"
#: Attributes whose value the browser reads as an address.
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "srcset", "poster", "data", "cite"}


@dataclass(frozen=True)
class HostileSite:
    """The built site, the project it was built from, and each profile's values by slug."""

    site: Path
    project: Path
    profiles: dict[str, dict[str, Any]]


def build_hostile_site(tmp: Path) -> HostileSite:
    """Build every accepted hostile profile, and nothing else, in a copy of the project."""
    project = copy_project(tmp)
    providers = project / "providers"
    for old in providers.glob("*.yml"):
        old.unlink()
    for name, source in PHOTOS.items():
        shutil.copy(source, providers / "photos" / name)
    profiles: dict[str, dict[str, Any]] = {}
    for slug, text in accepted_profiles():
        (providers / f"{slug}.yml").write_text(text, encoding="utf-8")
        data = load_bytes(text.encode(), f"{slug}.yml", max_bytes=1_000_000).data
        assert data is not None
        profiles[slug] = data
    git = ["git", "-c", "user.name=Staff", "-c", "user.email=staff@example.org"]
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    subprocess.run(["git", "add", "providers"], cwd=project, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "Hostile profiles"], cwd=project, check=True)
    site = tmp / "site"
    result = run(project, "builder", "build", "--today", TODAY, "--site-dir", str(site))
    assert result.returncode == 0, result.stdout + result.stderr
    return HostileSite(site, project, profiles)


@dataclass
class Page(HTMLParser):
    """What an HTML page holds: its elements and attributes, its text, its scripts."""

    elements: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    scripts: list[tuple[dict[str, str], str]] = field(default_factory=list)
    _script: dict[str, str] | None = None

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        self.elements.append((tag, attributes))
        if tag == "script":
            self._script = attributes
        for name in ("alt", "title", "aria-label", "content", "value"):
            if name in attributes:
                self.text.append(attributes[name])

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self.scripts.append((self._script, data))
        else:
            self.text.append(data)

    def words(self) -> str:
        """Every piece of text, with runs of white space as one space."""
        return " ".join(" ".join(self.text).split())


def read_page(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def urls_in(page: Page) -> list[tuple[str, dict[str, str], str]]:
    """Every address an element of the page names: (tag, attributes, address)."""
    found = []
    for tag, attributes in page.elements:
        for name, value in attributes.items():
            if name in URL_ATTRIBUTES:
                for part in value.split(",") if name == "srcset" else [value]:
                    found.append((tag, attributes, part.strip().split(" ")[0]))
    return found


def host(address: str) -> str | None:
    """The host an absolute address points at, or None for a relative one."""
    parts = urlsplit(address)
    return parts.hostname if parts.scheme or address.startswith("//") else None


def lines_of(value: str) -> list[str]:
    """The lines of a value as a page shows them: list markers gone, white space collapsed."""
    lines = []
    for line in value.splitlines():
        line = re.sub(r"^\s*[-*] ", "", line)
        if " ".join(line.split()):
            lines.append(" ".join(line.split()))
    return lines
