"""The HSDS checks themselves: the specification's own examples pass, broken data fails.

So that a wrong setup (a schema that resolves to nothing, a format that is
not checked, a CSV check that checks nothing) cannot let the open data pass
silently.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from referencing.exceptions import Unresolvable

from tests import hsds_checks as hsds

EXAMPLES = hsds.HSDS / "examples"


def example(name: str) -> Any:
    return json.loads((EXAMPLES / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("name", "schema_uri"),
    [
        ("service_full.json", hsds.SERVICE),
        ("service_full.json", hsds.SERVICE_COMPILED),
        ("service_list.json", hsds.response("/services")),
        ("organization_full.json", hsds.schema("organization")),
        ("organization_list.json", hsds.response("/organizations")),
        ("taxonomy.json", hsds.schema("taxonomy")),
        ("taxonomy_list.json", hsds.response("/taxonomies")),
        ("taxonomy_term.json", hsds.schema("taxonomy_term")),
        ("taxonomy_term_list.json", hsds.response("/taxonomy_terms")),
        ("base.json", hsds.response("/")),
        ("tabular.json", hsds.TABULAR),
    ],
)
def test_the_specifications_examples_are_valid(name: str, schema_uri: str) -> None:
    assert hsds.json_errors(example(name), schema_uri) == []


def test_a_broken_service_fails_with_every_reason() -> None:
    service = example("service_full.json")
    del service["status"]
    service["id"] = "not-a-uuid"
    service["last_modified"] = "yesterday"
    service["phones"][0]["number"] = 1632960001
    assert sorted(hsds.json_errors(service, hsds.SERVICE)) == [
        ": 'status' is a required property",
        "id: 'not-a-uuid' is not a 'uuid'",
        "last_modified: 'yesterday' is not a 'date-time'",
        "phones/0/number: 1632960001 is not of type 'string'",
    ]


def test_a_broken_page_of_services_fails() -> None:
    page = example("service_list.json")
    page["total_items"] = "ten"
    del page["contents"][0]["name"]
    page["contents"][0]["url"] = "not a uri"
    assert sorted(hsds.json_errors(page, hsds.response("/services"))) == [
        "contents/0/url: 'not a uri' is not a 'uri'",
        "contents/0: 'name' is a required property",
        "total_items: 'ten' is not of type 'integer'",
    ]


def test_a_schema_that_is_not_vendored_is_never_fetched() -> None:
    with pytest.raises(Unresolvable):
        hsds.json_errors({}, hsds.BASE + "schema/compiled/service.json")


def _example_package() -> dict[str, Any]:
    """HSDS's data package, for the tables the examples have (as make_datapackages.py does)."""
    package = json.loads((hsds.HSDS / "datapackage.json").read_text(encoding="utf-8"))
    present = {p.name for p in (EXAMPLES / "csv").glob("*.csv")}
    package["resources"] = [r for r in package["resources"] if r["path"] in present]
    return package  # type: ignore[no-any-return]


def test_the_specifications_csv_examples_pass_all_but_four_foreign_keys() -> None:
    # The examples are one row per table, written separately: these four
    # rows point at rows the examples do not have. Everything else passes.
    assert len(_example_package()["resources"]) == 21
    assert hsds.package_errors(EXAMPLES / "csv", _example_package()) == [
        "locations.csv: organization_id 985e4a42-bd9f-4edc-911d-0243a4640aca "
        "is not in organization",
        "contacts.csv: organization_id ae67a707-5893-4225-b0b1-320ab9cb596b is not in organization",
        "contacts.csv: service_at_location_id 93eaf18d-1cd2-4ec7-bffb-3c9172ee5070 "
        "is not in service_at_location",
        "taxonomy_terms.csv: taxonomy_id 07ff6aee-a219-438c-b694-d2fcb6c5373b is not in taxonomy",
    ]


def test_broken_csv_files_fail_with_every_reason(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLES / "csv", tmp_path, dirs_exist_ok=True)
    package = _example_package()
    package["resources"] = [
        r
        for r in package["resources"]
        if r["name"] in ("organization", "program", "service", "phone")
    ]
    services = (tmp_path / "services.csv").read_text(encoding="utf-8").splitlines()
    header, row = services[0].split(","), services[1]
    # No status, a date written out, and the row twice (so its id repeats).
    row = row.replace(",active,", ",,").replace("2005-01-01", "1 January 2005")
    (tmp_path / "services.csv").write_text(
        "\n".join([",".join(header), row, row]) + "\n", encoding="utf-8"
    )
    phones = (tmp_path / "phones.csv").read_text(encoding="utf-8").splitlines()
    swapped = phones[0].split(",")
    swapped[0], swapped[1] = swapped[1], swapped[0]
    (tmp_path / "phones.csv").write_text(
        "\n".join([",".join(swapped), *phones[1:]]) + "\n", encoding="utf-8"
    )
    assert hsds.package_errors(tmp_path, package) == [
        "services.csv: id should be unique",
        "services.csv: status is required but empty",
        "services.csv: assured_date '1 January 2005' is not a date",
        "services.csv: assured_date '1 January 2005' is not a date",
        "services.csv: the primary key id repeats",
        "phones.csv: columns ['location_id', 'id', 'service_id', 'organization_id', 'contact_id', "
        "'service_at_location_id', 'number', 'extension', 'type', 'description'], expected "
        "['id', 'location_id', 'service_id', 'organization_id', 'contact_id', "
        "'service_at_location_id', 'number', 'extension', 'type', 'description']",
    ]
