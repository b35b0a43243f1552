"""The fields a provider writes in their own words, found in the schema."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from builder.check.schema import schema


@dataclass(frozen=True)
class Field:
    """One free-text or contact field: where it is, and what the schema allows in it."""

    path: tuple[str, ...]
    max_length: int
    markdown: bool  # may have paragraphs and lists (the descriptions)

    @property
    def dotted(self) -> str:
        return ".".join(self.path)

    @property
    def name(self) -> str:
        return self.path[-1]


def text_fields(node: dict[str, Any] | None = None, path: tuple[str, ...] = ()) -> Iterator[Field]:
    """Every field of text that is not one of a list of values or a date: what a provider writes."""
    for key, prop in (node or schema()).get("properties", {}).items():
        if prop.get("type") == "string" and "enum" not in prop and "pattern" not in prop:
            markdown = prop.get("contentMediaType") == "text/markdown"
            yield Field((*path, key), int(prop["maxLength"]), markdown)
        yield from text_fields(prop, (*path, key))
