"""Validation of HSDS 3.0 documents and CSV packages, offline, against the vendored schemas.

Independent of builder: the tests check what the builder publishes with
these. The HSDS schemas refer to each other by file name and the OpenAPI
description refers to them by their published addresses, so every schema
is registered under its published address
(``https://raw.githubusercontent.com/openreferral/specification/3.0/...``)
in a ``referencing`` registry that has no way to fetch anything: a reference
that is not vendored fails instead of reaching the network.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import uuid
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from referencing import Registry
from referencing.jsonschema import DRAFT202012

ROOT = Path(__file__).resolve().parent.parent
HSDS = ROOT / "schema" / "hsds-3.0"
BASE = "https://raw.githubusercontent.com/openreferral/specification/3.0/"
SERVICE = BASE + "schema/service.json"
SERVICE_COMPILED = BASE + "schema/compiled/service_with_definitions.json"
TABULAR = BASE + "schema/compiled/tabular.json"


def schema(name: str) -> str:
    """The address of one object's schema, such as "taxonomy_term"."""
    return f"{BASE}schema/{name}.json"


def response(api_path: str) -> str:
    """The schema of the HSDS API's answer to GET ``api_path`` ("/services"), from openapi.json."""
    pointer = api_path.replace("~", "~0").replace("/", "~1")
    answer = "get/responses/200/content/application~1json/schema"
    return f"{BASE}schema/openapi.json#/paths/{pointer}/{answer}"


@cache
def _registry() -> Registry:  # type: ignore[type-arg]
    resources = [
        (BASE + path.relative_to(HSDS).as_posix(), DRAFT202012.create_resource(_read(path)))
        for path in sorted((HSDS / "schema").rglob("*.json"))
    ]
    return Registry().with_resources(resources)  # type: ignore[no-any-return]


def _read(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def json_errors(document: Any, schema_uri: str) -> list[str]:
    """Every way ``document`` breaks the schema at ``schema_uri``, formats included."""
    validator = Draft202012Validator(
        {"$ref": schema_uri},
        registry=_registry(),
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )
    return [
        f"{'/'.join(str(p) for p in error.absolute_path)}: {error.message}"
        for error in validator.iter_errors(document)
    ]


# -- the tabular form ----------------------------------------------------------------

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})")
_TIME = re.compile(r"\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})?")


def package_errors(folder: Path, package: dict[str, Any]) -> list[str]:
    """Every way the CSV files in ``folder`` break the Frictionless ``package``.

    Checks what the HSDS data package declares: each file's columns, in order;
    required and unique fields; each field's type and format; primary keys;
    and that every foreign key names a row that exists.
    """
    errors: list[str] = []
    tables: dict[str, list[dict[str, str]]] = {}
    for resource in package["resources"]:
        path = folder / resource["path"]
        with path.open(encoding="utf-8", newline="") as f:
            reader = csv.reader(f)
            header = next(reader)
            rows = [dict(zip(header, row, strict=True)) for row in reader]
        names = [field["name"] for field in resource["schema"]["fields"]]
        if header != names:
            errors.append(f"{path.name}: columns {header}, expected {names}")
            continue
        tables[resource["name"]] = rows
        for field in resource["schema"]["fields"]:
            errors += _field_errors(path.name, field, [row[field["name"]] for row in rows])
        key = resource["schema"].get("primaryKey")
        keys = [row[key] for row in rows] if key else []
        if len(set(keys)) != len(keys):
            errors.append(f"{path.name}: the primary key {key} repeats")
    for resource in package["resources"]:
        for foreign in resource["schema"].get("foreignKeys", []):
            column = foreign["fields"]  # HSDS's keys are single columns
            target = foreign["reference"]
            existing = {row[target["fields"]] for row in tables.get(target["resource"], [])}
            for row in tables.get(resource["name"], []):
                if row[column] and row[column] not in existing:
                    errors.append(
                        f"{resource['path']}: {column} {row[column]} is not in {target['resource']}"
                    )
    return errors


def _field_errors(file: str, field: dict[str, Any], values: list[str]) -> list[str]:
    errors = []
    name, constraints = field["name"], field.get("constraints", {})
    if constraints.get("required") and any(v == "" for v in values):
        errors.append(f"{file}: {name} is required but empty")
    present = [v for v in values if v != ""]
    if constraints.get("unique") and len(set(present)) != len(present):
        errors.append(f"{file}: {name} should be unique")
    for value in present:
        if not _valid(field, value):
            kind = " ".join(filter(None, (field["type"], field.get("format"))))
            errors.append(f"{file}: {name} {value!r} is not a {kind}")
    return errors


def _valid(field: dict[str, Any], value: str) -> bool:
    kind, form = field["type"], field.get("format")
    checks = {
        "date": lambda: _DATE.fullmatch(value) and dt.date.fromisoformat(value),
        "datetime": lambda: _DATETIME.fullmatch(value),
        "time": lambda: _TIME.fullmatch(value),
        "number": lambda: re.fullmatch(r"-?\d+(\.\d+)?", value),
        "integer": lambda: re.fullmatch(r"-?\d+", value),
        "boolean": lambda: value in ("true", "false", "True", "False", "TRUE", "FALSE", "1", "0"),
    }
    if kind in checks:
        return bool(checks[kind]())
    if form == "uuid":
        return str(uuid.UUID(value)) == value if re.fullmatch(r"[0-9a-f-]{36}", value) else False
    if form == "email":
        return "@" in value
    if form == "uri":
        return bool(re.match(r"[a-z][a-z0-9+.-]*:", value))
    return True


# -- the directory's own files --------------------------------------------------------

# Each published list, the API path whose answer it is, and its items' schema.
_LISTS = {
    "services.json": ("/services", BASE + "schema/compiled/service_list.json"),
    "organizations.json": ("/organizations", BASE + "schema/organization.json"),
    "taxonomies.json": ("/taxonomies", BASE + "schema/taxonomy.json"),
    "taxonomy_terms.json": ("/taxonomy_terms", BASE + "schema/taxonomy_term.json"),
}


def document_errors(name: str, document: Any) -> list[str]:
    """Every way one published JSON file breaks HSDS 3.0, by its path under open-data/.

    A file this does not know is an error, so a new file cannot go unchecked.
    """
    if name == "index.json":
        return json_errors(document, response("/"))
    if name.startswith("services/"):
        return json_errors(document, SERVICE) + json_errors(document, SERVICE_COMPILED)
    if name in _LISTS:
        api_path, item = _LISTS[name]
        errors = json_errors(document, response(api_path))
        for i, content in enumerate(document["contents"]):
            errors += [f"contents/{i}/{e}" for e in json_errors(content, item)]
        return errors
    return [f"{name}: not a file HSDS describes"]
