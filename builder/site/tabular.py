"""The open data in HSDS's tabular form: one CSV per table, and a data package describing them.

HSDS 3.0 lays the same objects out as tables (``schema/compiled/tabular.json``):
each nested object becomes a row of its own table, tied to its parent by the
ids the objects already carry (``service_id``, ``organization_id``,
``link_id``, ``taxonomy_id``). Which table a nested field fills comes from
the vendored HSDS schemas; each CSV's columns, and which of them are
required, from the vendored ``datapackage.json``, so the files are exactly
HSDS's tables, with every column, empty where the directory has nothing to say.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterable
from functools import cache
from typing import Any

from builder.paths import HSDS_DIR
from builder.site import escape
from builder.site.hsds_vocab import Json

#: The tables the directory fills, in the order of HSDS's data package.
TABLES = (
    "organization",
    "service",
    "attribute",
    "phone",
    "contact",
    "schedule",
    "service_area",
    "language",
    "taxonomy_term",
    "cost_option",
    "taxonomy",
)


def tables(
    services: Iterable[Json], taxonomies: Iterable[Json], terms: Iterable[Json]
) -> dict[str, list[Json]]:
    """Every table's rows, from fully nested services and the taxonomies.

    An object that several services share (a taxonomy term) is one row.
    """
    rows: dict[str, dict[str, Json]] = {table: {} for table in TABLES}

    def add(table: str, obj: Json) -> None:
        nested = _nested_tables(table)
        rows[table].setdefault(obj["id"], {k: v for k, v in obj.items() if k not in nested})
        for key, child_table in nested.items():
            value = obj.get(key)
            for child in value if isinstance(value, list) else [value] if value else []:
                add(child_table, child)

    for service in services:
        add("service", service)
    for taxonomy in taxonomies:
        add("taxonomy", taxonomy)
    for term in terms:
        add("taxonomy_term", term)
    return {table: list(by_id.values()) for table, by_id in rows.items()}


def data_package(about: Json) -> Json:
    """The ``datapackage.json`` describing the CSV files, with ``about`` (title, licence...) first.

    Each table's resource is HSDS's own, less any foreign key to a table the
    directory does not publish (locations, programs...).
    """
    resources = []
    for resource in _hsds_resources():
        if resource["name"] not in TABLES:
            continue
        resource = copy.deepcopy(resource)
        resource["encoding"] = "utf-8"
        schema = resource["schema"]
        keys = [k for k in schema.get("foreignKeys", []) if k["reference"]["resource"] in TABLES]
        schema.pop("foreignKeys", None)
        if keys:
            schema["foreignKeys"] = keys
        resources.append(resource)
    return {**about, "profile": "tabular-data-package", "resources": resources}


def csv_files(table_rows: dict[str, list[Json]]) -> dict[str, str]:
    """``{file name: CSV text}``, one file per table, named as HSDS names them."""
    return {
        resource["path"]: escape.csv_table(
            [field["name"] for field in resource["schema"]["fields"]],
            table_rows[resource["name"]],
        )
        for resource in _hsds_resources()
        if resource["name"] in TABLES
    }


def csv_names() -> list[str]:
    """The CSV files' names, as ``csv_files`` names them."""
    return [r["path"] for r in _hsds_resources() if r["name"] in TABLES]


@cache
def _hsds_resources() -> list[Any]:
    with (HSDS_DIR / "datapackage.json").open(encoding="utf-8") as f:
        return list(json.load(f)["resources"])


@cache
def _nested_tables(table: str) -> dict[str, str]:
    """The fields of an HSDS object that hold other objects, and the table each fills."""
    with (HSDS_DIR / "schema" / f"{table}.json").open(encoding="utf-8") as f:
        properties = json.load(f)["properties"]
    nested = {}
    for key, prop in properties.items():
        ref = prop.get("$ref") or prop.get("items", {}).get("$ref")
        if ref:
            nested[key] = ref.removesuffix(".json")
    return nested
