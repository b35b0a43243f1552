"""The schema is the contract: described, in step with data/, named by every profile."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from builder.check.schema import schema
from builder.cli import main
from builder.load.vocab import load_vocabulary
from builder.paths import ROOT
from builder.staff import schema_sync as schema_file


def properties(node: dict[str, Any], path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    for name, prop in node.get("properties", {}).items():
        yield f"{path}{name}", prop
        yield from properties(prop, f"{path}{name}.")
        if "items" in prop:
            yield f"{path}{name}[]", prop["items"]


def test_every_field_has_a_plain_english_description() -> None:
    missing = [path for path, prop in properties(schema()) if not prop.get("description")]
    assert missing == []


def test_descriptions_speak_to_staff_not_programmers() -> None:
    jargon = ("additionalProperties", "enum", "regex", "pattern", "JSON", "null", "string")
    for path, prop in properties(schema()):
        text = prop["description"]
        assert text.endswith("."), (path, text)
        assert not any(word in text for word in jargon), (path, text)


def test_the_schema_lists_exactly_the_ids_in_data() -> None:
    assert schema_file.expected_text(load_vocabulary()) == schema_file.current_text()
    assert main(["schema", "--check"]) == 0


def test_every_profile_names_the_schema_for_editors() -> None:
    for path in sorted((ROOT / "providers").glob("*.yml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../schema/provider.schema.json", path


def test_every_text_and_list_has_a_limit() -> None:
    """Bounded strings and lists keep every check linear: uniqueItems and the rules never
    see a list or a text longer than these."""
    unbounded = [
        path
        for path, prop in properties(schema())
        if ((prop.get("type") == "string" or "enum" in prop) and "maxLength" not in prop)
        or (prop.get("type") == "array" and "maxItems" not in prop)
    ]
    assert unbounded == []


def test_a_list_of_ids_is_no_longer_than_its_ids() -> None:
    vocab = load_vocabulary()
    fewer = replace(vocab, communities=vocab.communities[:3])
    updated = schema_file.with_vocabulary(schema(), fewer)["properties"]["areas"]
    assert updated["maxItems"] == 4  # all-flintshire and three communities
    assert schema()["properties"]["areas"]["maxItems"] == len(vocab.area_ids)
