"""The open data, made from the fixture providers: valid HSDS 3.0, only the listed, literal text."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import re
import uuid
from pathlib import Path
from typing import Any

import pytest
import yaml

from builder.check.validate import check_files
from builder.load.history import History
from builder.load.vocab import load_vocabulary
from builder.model import Directory, Text, build_directory
from builder.paths import ROOT
from builder.site import tabular
from builder.site.hsds import Hsds
from builder.site.open_data import build_open_data
from builder.site.render import build_pages
from tests import hsds_checks as hsds

TODAY = dt.date(2026, 11, 22)
VALID = ROOT / "tests" / "fixtures" / "providers" / "valid"
GOLDEN = ROOT / "tests" / "golden" / "open-data"
SITE_URL = {"en": "https://microcare.example.org/", "cy": "https://microcare.example.org/cy/"}
LANGS = ["en", "cy"]
SETTINGS = yaml.safe_load((ROOT / "data" / "directory.yml").read_text(encoding="utf-8"))
NAMESPACE = uuid.UUID(SETTINGS["open_data"]["id_namespace"])
LD_JSON = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


@pytest.fixture(scope="module")
def directory() -> Directory:
    vocab = load_vocabulary()
    result = check_files(sorted(VALID.glob("*.yml")), root=ROOT, today=TODAY, vocab=vocab)
    history = History(last_updated={"cartref-care": dt.date(2026, 11, 2)}, changes=())
    return build_directory(result.profiles, vocab, TODAY, history)


def open_data(directory: Directory, lang: str) -> dict[str, str]:
    """The open data files, by their path under open-data/."""
    files = build_open_data(directory, lang, SITE_URL[lang])
    assert all(path.startswith("open-data/") for path in files)
    return {path.removeprefix("open-data/"): text for path, text in files.items()}


def json_ld(page: str) -> Any:
    (script,) = LD_JSON.findall(page)
    return json.loads(script)


@pytest.mark.parametrize("lang", LANGS)
def test_every_json_file_is_valid_hsds(directory: Directory, lang: str) -> None:
    files = open_data(directory, lang)
    documents = {name: json.loads(text) for name, text in files.items() if name.endswith(".json")}
    assert len([n for n in documents if n.startswith("services/")]) == len(directory.providers)
    for name, document in documents.items():
        if name != "datapackage.json":
            assert hsds.document_errors(name, document) == [], name


@pytest.mark.parametrize("lang", LANGS)
def test_the_csv_files_match_their_data_package(
    directory: Directory, lang: str, tmp_path: Path
) -> None:
    files = open_data(directory, lang)
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8", newline="")
    package = json.loads(files["datapackage.json"])
    assert hsds.package_errors(tmp_path, package) == []
    # Every table is HSDS's own: the same columns, in the same order.
    original = json.loads((hsds.HSDS / "datapackage.json").read_text(encoding="utf-8"))
    columns = {r["name"]: r["schema"]["fields"] for r in original["resources"]}
    assert [r["name"] for r in package["resources"]] == list(tabular.TABLES)
    for resource in package["resources"]:
        assert resource["schema"]["fields"] == columns[resource["name"]]
    assert sorted(n for n in files if n.endswith(".csv")) == sorted(
        r["path"] for r in package["resources"]
    )
    assert package["hsds_version"] == "3.0"
    assert package["licenses"][0]["path"] == SETTINGS["open_data"]["licence_url"][lang]


def test_the_tables_are_hsds_tabular_form(directory: Directory) -> None:
    h = Hsds(directory, "en")
    rows = tabular.tables(
        [h.service(p) for p in directory.providers], h.taxonomies(), h.taxonomy_terms()
    )
    assert hsds.json_errors(rows, hsds.TABULAR) == []
    assert [len(rows[t]) for t in ("organization", "service", "taxonomy")] == [2, 2, 4]


@pytest.mark.parametrize("lang", LANGS)
def test_a_service_matches_the_golden_file(
    directory: Directory, lang: str, update_expected: bool
) -> None:
    service_id = str(uuid.uuid5(NAMESPACE, "service/cartref-care"))
    text = open_data(directory, lang)[f"services/{service_id}.json"]
    golden = GOLDEN / f"cartref-care.{lang}.json"
    if update_expected:
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_ids_are_the_same_in_both_languages_and_from_build_to_build(directory: Directory) -> None:
    listed = json.loads(open_data(directory, "en")["services.json"])
    assert [s["id"] for s in listed["contents"]] == [
        str(uuid.uuid5(NAMESPACE, f"service/{slug}")) for slug in ("afon-home-help", "cartref-care")
    ]
    english, welsh = (
        {"contents": [json.loads(text) for name, text in sorted(files.items()) if "/" in name]}
        for files in (open_data(directory, lang) for lang in LANGS)
    )

    def ids(node: Any) -> list[str]:
        if isinstance(node, dict):
            own = [node["id"]] if "id" in node else []
            return own + [i for v in node.values() for i in ids(v)]
        return [i for v in node for i in ids(v)] if isinstance(node, list) else []

    # The same ids; only the order of areas, sorted by name, may differ.
    assert sorted(ids(english)) == sorted(ids(welsh))
    # Only taxonomy terms, which services share, appear more than once.
    shared = {t["id"] for s in english["contents"] for t in _terms(s)}
    repeated = {i for i in ids(english) if ids(english).count(i) > 1}
    assert repeated <= shared


def _terms(service: dict[str, Any]) -> list[dict[str, Any]]:
    return [a["taxonomy_term"] for a in service["attributes"]]


@pytest.mark.parametrize("lang", LANGS)
def test_only_listed_providers_are_published(directory: Directory, lang: str) -> None:
    everything = "".join(open_data(directory, lang).values())
    for slug, name, phone in [
        ("derwen-draft", "Derwen Companions", "960234"),
        ("hen-efail-withdrawn", "Hen Efail Care", "960567"),
    ]:
        assert slug not in everything and name not in everything and phone not in everything
    # A provider the model leaves out (paused, say) is in none of the files either.
    paused = directory.provider("afon-home-help")
    others = dataclasses.replace(
        directory, providers=tuple(p for p in directory.providers if p is not paused)
    )
    files = open_data(others, lang)
    assert not any(paused.name in text or "Afon Care" in text for text in files.values())
    assert json.loads(files["services.json"])["total_items"] == 1


@pytest.mark.parametrize("lang", LANGS)
def test_json_files_are_utf8_with_sorted_keys(directory: Directory, lang: str) -> None:
    for name, text in open_data(directory, lang).items():
        text.encode("utf-8", errors="strict")
        if name.endswith(".json"):
            value = json.loads(text)
            assert text == json.dumps(value, ensure_ascii=False, sort_keys=True, indent=2) + "\n"


def test_the_same_directory_gives_the_same_bytes(directory: Directory) -> None:
    for lang in LANGS:
        assert build_open_data(directory, lang, SITE_URL[lang]) == build_open_data(
            directory, lang, SITE_URL[lang]
        )


@pytest.mark.parametrize(
    ("lang", "areas", "languages", "services"),
    [
        ("en", ["Buckley", "Hope", "Penyffordd"], ["English", "Welsh"], "Meal preparation"),
        ("cy", ["Bwcle", "Penyffordd", "Yr Hôb"], ["Saesneg", "Cymraeg"], "Paratoi prydau bwyd"),
    ],
)
def test_the_json_ld_describes_the_business_in_the_pages_language(
    directory: Directory, lang: str, areas: list[str], languages: list[str], services: str
) -> None:
    page = build_pages(directory, lang, SITE_URL[lang])["providers/cartref-care.md"]
    ld = json_ld(page)
    assert (ld["@context"], ld["@type"]) == ("https://schema.org", "LocalBusiness")
    assert ld["name"] == "Cartref Care"
    assert ld["url"] == SITE_URL[lang] + "providers/cartref-care/"
    assert ld["sameAs"] == "https://www.cartref-care.example.com/"
    assert ld["telephone"] == ld["contactPoint"]["telephone"] == "+447700900456"
    assert ld["email"] == "hello@cartref-care.example.com"
    assert [a["name"] for a in ld["areaServed"]] == areas
    assert [lang_["name"] for lang_ in ld["contactPoint"]["availableLanguage"]] == languages
    assert [lang_["alternateName"] for lang_ in ld["knowsLanguage"]] == ["en", "cy"]
    assert services in [o["itemOffered"]["name"] for o in ld["makesOffer"]]
    assert "address" not in ld


# -- hostile text ----------------------------------------------------------------------

NAME = '=HYPERLINK("https://evil.example") "Quoted" </script><!-- & \'Co\''
DESCRIPTION = '=1+2 "quoted" \\ back\nslash, and -minus @at'


def _hostile_directory(tmp_path: Path) -> Directory:
    """A directory of one checked profile whose name and description are hostile."""
    text = (VALID / "cartref-care.yml").read_text(encoding="utf-8")
    text = text.replace("name: Cartref Care\n", f"name: {json.dumps(NAME)}\n")
    start, end = text.index("description: |"), text.index("description_cy:")
    text = text[:start] + f"description: {json.dumps(DESCRIPTION)}\n" + text[end:]
    text = text[: text.index("photo:")] + text[text.index("reviewed:") :]
    (tmp_path / "providers").mkdir()
    profile = tmp_path / "providers" / "hostile-care.yml"
    profile.write_text(text, encoding="utf-8")
    vocab = load_vocabulary()
    result = check_files([profile], root=tmp_path, today=TODAY, vocab=vocab)
    assert [p for p in result.problems if p.level.value == "error"] == []
    return build_directory(result.profiles, vocab, TODAY)


def _csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_hostile_text_comes_out_as_literal_text(tmp_path: Path) -> None:
    d = _hostile_directory(tmp_path)
    (p,) = d.providers
    assert (p.name, p.description.en) == (NAME, DESCRIPTION)
    # check refuses HTML in a description; the escaping must not rely on that.
    d = dataclasses.replace(d, providers=(dataclasses.replace(p, summary=Text(en=NAME)),))
    files = open_data(d, "en")
    (service,) = json.loads(files["services.json"])["contents"]
    assert (service["name"], service["description"]) == (NAME, DESCRIPTION)
    assert service["organization"]["description"] == NAME
    (row,) = _csv(files["services.csv"])
    # A leading = is shown as text by every spreadsheet, behind an apostrophe.
    assert (row["name"], row["description"]) == ("'" + NAME, "'" + DESCRIPTION)
    (organization,) = _csv(files["organizations.csv"])
    assert organization["name"] == organization["description"] == "'" + NAME
    page = build_pages(d, "en", SITE_URL["en"])["providers/hostile-care.md"]
    # The only </script> in the page is the one that ends the JSON-LD.
    assert page.count("</script>") == 1 and "<!--" not in page.split("<script")[1]
    ld = json_ld(page)
    assert (ld["name"], ld["description"]) == (NAME, NAME)


# -- the Open data page ------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_open_data_page_states_the_configured_licence(lang: str) -> None:
    page = (ROOT / "docs" / lang / "open-data.md").read_text(encoding="utf-8")
    licence = SETTINGS["open_data"]
    assert f"[{licence['licence_name'][lang]}]({licence['licence_url'][lang]})" in page
    assert "HSDS) version 3.0" in page or "HSDS) fersiwn 3.0" in page
