"""The field reference: one row per field of the schema, for the staff guide.

Generated from the schema's descriptions, so the guide can never disagree
with what ``check`` enforces.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from builder.i18n import N_


@dataclass(frozen=True)
class FieldDoc:
    """One field: its dotted path, whether it is required, what it holds."""

    path: str
    required: bool
    kind: str  # an English phrase, translated when rendered
    description: str
    allowed: tuple[str, ...] = ()  # the values it may take, if it is a short list


_KINDS = {
    "string": N_("text"),
    "boolean": N_("true or false"),
    "integer": N_("a whole number"),
    "number": N_("a number"),
    "object": N_("a group of fields"),
    "array": N_("a list"),
}
DATE_KIND = N_("a date, YYYY-MM-DD")
CHOICE_KIND = N_("one of the values listed")
LONG_LIST = 8  # longer lists of values (areas, services) are shown elsewhere


def iter_fields(schema: dict[str, Any], prefix: str = "") -> Iterator[FieldDoc]:
    """Every property of ``schema``, depth first, in the schema's order."""
    required = set(schema.get("required", ()))
    for name, prop in schema.get("properties", {}).items():
        path = f"{prefix}{name}"
        enum = prop.get("enum") or prop.get("items", {}).get("enum") or ()
        yield FieldDoc(
            path=path,
            required=name in required,
            kind=_kind(prop),
            description=prop.get("description", ""),
            allowed=tuple(enum) if len(enum) <= LONG_LIST else (),
        )
        if prop.get("type") == "object":
            yield from iter_fields(prop, f"{path}.")


def _kind(prop: dict[str, Any]) -> str:
    if "enum" in prop:
        return CHOICE_KIND
    if "[0-9]{4}-[0-9]{2}-[0-9]{2}" in prop.get("pattern", ""):
        return DATE_KIND
    return _KINDS.get(prop.get("type", ""), CHOICE_KIND)
