"""The provider schema (``schema/provider.schema.json``): the one contract.

Editors such as VS Code use the same file to autocomplete and underline as
staff type; the builder enforces it here.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

import fastjsonschema
from jsonschema import Draft202012Validator, ValidationError, validators

from builder.load.source_map import FieldPath
from builder.paths import SCHEMA_PATH

__all__ = ["SCHEMA_PATH", "expected_kind", "is_valid", "schema", "schema_at", "validator"]


@cache
def schema() -> dict[str, Any]:
    """The provider schema, read once."""
    with SCHEMA_PATH.open(encoding="utf-8") as f:
        return json.load(f)  # type: ignore[no-any-return]


@cache
def validator() -> Draft202012Validator:
    """The schema's validator, made once (the schema itself is checked first)."""
    Draft202012Validator.check_schema(schema())
    return _BoundedValidator(schema())


KeywordCheck = Callable[[Any, Any, Any, dict[str, Any]], Iterator[ValidationError]]


def _within_limits(check: KeywordCheck) -> KeywordCheck:
    """``check``, run only on a list or text within its ``maxItems`` or ``maxLength``.

    jsonschema runs every keyword, so without this a hostile list of 10,000
    mixed values would still be compared item with item by ``uniqueItems``
    (quadratic), and each item matched with every allowed value; beyond the
    limit, the one message about its length is enough.
    """

    def bounded(validator: Any, value: Any, instance: Any, subschema: dict[str, Any]) -> Any:
        if isinstance(instance, list) and len(instance) > subschema.get("maxItems", len(instance)):
            return
        if isinstance(instance, str) and len(instance) > subschema.get("maxLength", len(instance)):
            return
        yield from check(validator, value, instance, subschema)

    return bounded


_BoundedValidator = validators.extend(
    Draft202012Validator,
    {
        keyword: _within_limits(Draft202012Validator.VALIDATORS[keyword])
        for keyword in ("uniqueItems", "items", "prefixItems", "contains", "enum", "pattern")
    },
)


def schema_at(path: FieldPath) -> dict[str, Any] | None:
    """The part of the schema that describes the value at ``path``, if there is one."""
    node: Any = schema()
    for part in path:
        node = node.get("items") if isinstance(part, int) else node.get("properties", {}).get(part)
        if not isinstance(node, dict):
            return None
    return node  # type: ignore[no-any-return]


def expected_kind(path: FieldPath) -> str | None:
    """What the schema wants at ``path``: "boolean", "number", "text", or None."""
    node = schema_at(path) or {}
    kind = node.get("type")
    if kind is None and node.get("enum"):
        kind = "string"
    return {"boolean": "boolean", "integer": "number", "number": "number", "string": "text"}.get(
        kind or ""
    )


def is_valid(instance: Any) -> bool:
    """True if ``instance`` is valid: a fast answer from the schema compiled to Python.

    fastjsonschema compiles the schema once into plain Python, about fifteen
    times faster than jsonschema, but its errors are not worded for staff:
    an invalid profile is validated again by ``validator`` for the messages.
    It knows drafts up to 7, which has every keyword the schema uses
    (test_schema checks that the two agree on every fixture).
    """
    try:
        _compiled()(instance)
    except fastjsonschema.JsonSchemaException:
        return False
    except Exception:
        return False
    return True


@cache
def _compiled() -> Any:
    draft_7 = {**schema(), "$schema": "http://json-schema.org/draft-07/schema#"}
    return fastjsonschema.compile(draft_7)
