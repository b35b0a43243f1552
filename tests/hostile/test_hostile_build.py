"""Every attack check accepts, in every field, built once: it stays literal text everywhere.

The site is built from ``cases.accepted_profiles()`` and read back with real
parsers. Each value appears as text (on the page, in the feed, in the JSON
and CSV files), and no element, attribute, address or script was added: the
only scripts are the site's own, the only addresses are the site's, the
council's and the provider's checked website, e-mail and phone.
"""

from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import yaml

from builder.site import escape
from builder.site.render import RECENT_CHANGES
from tests.hostile import build
from tests.hostile.cases import read_expected
from tests.hostile.fields import text_fields

LANGS = {"en": "", "cy": "cy/"}
# Scripts the site writes itself; any other inline script would be an injection.
SCRIPT_TYPES = {"application/json", "application/ld+json"}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> build.HostileSite:
    return build.build_hostile_site(tmp_path_factory.mktemp("hostile"))


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_field_check_lets_an_attack_into_is_attacked(hostile: build.HostileSite) -> None:
    outcomes = read_expected(Path(__file__).parent / "expected")
    assert len(hostile.profiles) > 10
    for f in text_fields():
        if ["accepted"] not in outcomes.get(f.dotted, {}).values():
            continue  # check refuses every attack on this field (a photo's file name)
        values = {str(_value(p, f.path)) for p in hostile.profiles.values()}
        assert len(values) > 1, f"{f.dotted} is never attacked"


def test_no_page_has_an_element_attribute_or_script_a_profile_added(
    hostile: build.HostileSite,
) -> None:
    for path in pages(hostile.site):
        page = build.read_page(path)
        where = path.relative_to(hostile.site).as_posix()
        for tag, attributes in page.elements:
            assert not [a for a in attributes if a.startswith("on")], (where, tag, attributes)
            assert tag not in {"iframe", "object", "embed", "base", "frame"}, (where, tag)
            assert not (tag == "meta" and "http-equiv" in attributes), (where, attributes)
            assert "evil" not in attributes.get("class", ""), (where, tag, attributes)
            # An id made from a heading is a slug of it: nothing but letters, digits, - and _.
            assert re.fullmatch(r"[\w-]*", attributes.get("id", ""), re.ASCII), (where, tag)
            assert "url(" not in attributes.get("style", ""), (where, attributes)
        for attributes, content in page.scripts:
            if attributes.get("type") in SCRIPT_TYPES:
                json.loads(content)  # data, whatever the profile says
            else:
                assert "alert(" not in content and "evil" not in content, where


def test_every_address_on_every_page_is_the_sites_own_or_checked(
    hostile: build.HostileSite, site_dir: Path
) -> None:
    # The hosts the sample site links to (the council, CIW, the hand-written pages' links).
    known = {
        build.host(address)
        for path in pages(site_dir)
        for _tag, _attributes, address in build.urls_in(build.read_page(path))
    }
    websites = {
        escape.web_url(p["contact"]["website"])
        for p in hostile.profiles.values()
        if "website" in p["contact"]
    }
    emails = {p["contact"]["email"] for p in hostile.profiles.values() if "email" in p["contact"]}
    for path in pages(hostile.site):
        page = build.read_page(path)
        where = path.relative_to(hostile.site).as_posix()
        for tag, attributes, address in build.urls_in(page):
            scheme = address.split(":", 1)[0].lower() if ":" in address else ""
            assert scheme in {"", "https", "mailto", "tel"}, (where, tag, address)
            if scheme == "mailto":
                recipient, _, query = address[len("mailto:") :].partition("?")
                assert escape.mailto(_unquote(recipient)) == "mailto:" + recipient, address
                assert all(q.split("=")[0] in {"subject", "body"} for q in query.split("&") if q)
                # The shortlist's "email it" link leaves the recipient to the person.
                allowed = emails | {"microcare@example.org", ""}
                assert _unquote(recipient) in allowed, (where, address)
            elif scheme == "tel":
                assert address[4:].lstrip("+").isdigit(), (where, address)
            elif build.host(address) and build.host(address) not in known:
                assert address in websites, (where, tag, address)
                assert "mc-contact__website" in attributes.get("class", ""), (where, address)


def test_every_value_is_shown_as_literal_text_on_its_page(hostile: build.HostileSite) -> None:
    for slug, profile in hostile.profiles.items():
        shown = " ".join(
            build.read_page(hostile.site / prefix / "providers" / slug / "index.html").words()
            for prefix in LANGS.values()
        )
        for f in text_fields():
            value = _value(profile, f.path)
            # A phone number is shown as the UK writes it, and a photo's file by its picture.
            if not isinstance(value, str) or f.path in {("contact", "phone"), ("photo", "file")}:
                continue
            for line in build.lines_of(value):
                assert line in shown, (slug, f.dotted, line)


def test_every_generated_page_keeps_its_front_matter(hostile: build.HostileSite) -> None:
    tree = hostile.project / ".cache" / "microcare" / "tree"
    for lang in LANGS:
        for path in sorted((tree / lang / "providers").glob("hostile-*.md")):
            text = path.read_text(encoding="utf-8")
            head, body = text.removeprefix("---\n").split("\n---\n", 1)
            meta = yaml.safe_load(head)
            assert set(meta) <= {"title", "description", "robots"}, (path, meta)
            profile = hostile.profiles[path.stem]
            assert meta["title"] == str(escape.html(profile["name"]))
            assert "\n---\n" not in body.split("\n<", 1)[0]


def test_the_feeds_and_sitemaps_are_valid_xml_naming_every_provider(
    hostile: build.HostileSite,
) -> None:
    for prefix in LANGS.values():
        feed = ET.parse(hostile.site / prefix / "recent" / "feed.xml").getroot()
        atom = "{http://www.w3.org/2005/Atom}"
        entries = list(feed.iter(f"{atom}entry"))
        assert len(entries) == min(RECENT_CHANGES, len(hostile.profiles))
        names = [" ".join(p["name"].split()) for p in hostile.profiles.values()]
        for entry in entries:
            title = " ".join("".join(entry.findtext(f"{atom}title") or "").split())
            assert any(name in title for name in names), title
        ET.parse(hostile.site / prefix / "sitemap.xml")


def test_every_json_file_reads_back_the_values_as_they_were_written(
    hostile: build.HostileSite,
) -> None:
    for path in sorted(hostile.site.rglob("*.json")):
        json.loads(path.read_text(encoding="utf-8"))
    for prefix in LANGS.values():
        services = sorted((hostile.site / prefix / "open-data" / "services").glob("*.json"))
        names = {json.loads(p.read_text(encoding="utf-8"))["name"] for p in services}
        assert names == {p["name"] for p in hostile.profiles.values()}


def test_no_csv_cell_starts_a_formula(hostile: build.HostileSite) -> None:
    for path in sorted(hostile.site.rglob("*.csv")):
        with path.open(encoding="utf-8", newline="") as f:
            for row in csv.reader(f):
                for cell in row:
                    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (path, cell)


def test_the_json_ld_of_every_page_names_its_provider(hostile: build.HostileSite) -> None:
    for slug, profile in hostile.profiles.items():
        for prefix in LANGS.values():
            page = build.read_page(hostile.site / prefix / "providers" / slug / "index.html")
            (data,) = [
                json.loads(content)
                for attributes, content in page.scripts
                if attributes.get("type") == "application/ld+json"
            ]
            assert data["name"] == profile["name"]


def _value(profile: dict[str, Any], path: tuple[str, ...]) -> Any:
    value: Any = profile
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    return value


def _unquote(text: str) -> str:
    from urllib.parse import unquote

    return unquote(text)
