"""The open data and JSON-LD of a real build of the sample site, checked against the YAML."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests import expected
from tests import hsds_checks as hsds

LANGS = [("en", ""), ("cy", "cy/")]
LD_JSON = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def _folder(site_dir: Path, prefix: str) -> Path:
    return site_dir / prefix / "open-data"


def _services(site_dir: Path, prefix: str) -> list[Any]:
    """Every service, fully nested, from its own file (services.json lists them briefly)."""
    folder = _folder(site_dir, prefix)
    listed = json.loads((folder / "services.json").read_text(encoding="utf-8"))["contents"]
    files = sorted((folder / "services").glob("*.json"))
    assert sorted(s["id"] for s in listed) == sorted(f.stem for f in files)
    return [json.loads(f.read_text(encoding="utf-8")) for f in files]


@pytest.mark.parametrize(("lang", "prefix"), LANGS)
def test_every_published_json_file_is_valid_hsds(site_dir: Path, lang: str, prefix: str) -> None:
    folder = _folder(site_dir, prefix)
    names = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.json"))
    assert len([n for n in names if n.startswith("services/")]) == len(expected.published())
    for name in names:
        if name != "datapackage.json":
            document = json.loads((folder / name).read_text(encoding="utf-8"))
            assert hsds.document_errors(name, document) == [], f"{prefix}open-data/{name}"
    assert json.loads((folder / "index.json").read_text(encoding="utf-8"))["version"] == "3.0"


@pytest.mark.parametrize(("lang", "prefix"), LANGS)
def test_the_csv_files_are_valid_against_their_data_package(
    site_dir: Path, lang: str, prefix: str
) -> None:
    folder = _folder(site_dir, prefix)
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert hsds.package_errors(folder, package) == []
    assert {r["path"] for r in package["resources"]} == {p.name for p in folder.glob("*.csv")}


@pytest.mark.parametrize(("lang", "prefix"), LANGS)
def test_the_services_are_the_listed_providers_as_the_yaml_says(
    site_dir: Path, lang: str, prefix: str
) -> None:
    services = {s["name"]: s for s in _services(site_dir, prefix)}
    profiles = {p.name: p for p in expected.published()}
    assert services.keys() == profiles.keys()
    names = expected.area_names(lang)
    for name, service in services.items():
        p = profiles[name]
        assert {a["name"] for a in service["service_areas"]} == {names[a] for a in p.areas}
        assert {language["code"] for language in service["languages"]} == p.languages
        numbers = {phone["number"] for phone in service["phones"]}
        assert numbers == ({p.phone} if p.phone else set())
        assert service.get("email") == p.email
        assert ("alert" in service) == (p.status != "taking-new-clients")
        assert service["url"].endswith(f"{prefix}providers/{p.slug}/")


@pytest.mark.parametrize(("lang", "prefix"), LANGS)
def test_every_provider_page_describes_the_business_in_json_ld(
    site_dir: Path, lang: str, prefix: str
) -> None:
    names = expected.area_names(lang)
    for p in expected.published():
        html = (site_dir / prefix / "providers" / p.slug / "index.html").read_text(encoding="utf-8")
        (script,) = LD_JSON.findall(html)
        ld = json.loads(script)
        assert (ld["@type"], ld["name"]) == ("LocalBusiness", p.name)
        if p.phone:
            assert "tel:" + ld["telephone"] == expected.tel_href(p.phone)
        assert ld.get("email") == p.email
        assert {a["name"] for a in ld["areaServed"]} == {names[a] for a in p.areas}
        spoken = {language["alternateName"] for language in ld["contactPoint"]["availableLanguage"]}
        assert spoken == p.languages
        assert ld["url"] == f"https://microcare.example.org/{prefix}providers/{p.slug}/"


@pytest.mark.parametrize(("lang", "prefix"), LANGS)
def test_no_draft_or_withdrawn_provider_is_in_the_open_data(
    site_dir: Path, lang: str, prefix: str
) -> None:
    unlisted = expected.drafts() + expected.withdrawn()
    assert unlisted
    for path in _folder(site_dir, prefix).rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            for p in unlisted:
                assert p.slug not in text and p.name not in text, f"{p.slug} in {path}"
                assert not p.phone or p.phone not in text, f"{p.slug} in {path}"
    for p in expected.withdrawn():
        page = (site_dir / prefix / "providers" / p.slug / "index.html").read_text(encoding="utf-8")
        assert "application/ld+json" not in page


@pytest.mark.parametrize(("prefix", "title"), [("", "Open data"), ("cy/", "Data agored")])
def test_the_open_data_page_is_linked_from_home_and_links_to_the_files(
    site_dir: Path, prefix: str, title: str
) -> None:
    home = (site_dir / prefix / "index.html").read_text(encoding="utf-8")
    assert 'href="open-data/"' in home
    page = (site_dir / prefix / "open-data" / "index.html").read_text(encoding="utf-8")
    assert f'<h1 id="{title.lower().replace(" ", "-")}">{title}</h1>' in page
    links = set(re.findall(r'href="([a-z_]+\.(?:json|csv))"', page))
    assert "services.json" in links and "services.csv" in links
    for link in links:
        assert (site_dir / prefix / "open-data" / link).is_file(), link
