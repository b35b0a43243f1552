"""Each attack written into each field of an otherwise valid, published profile.

An attack is written three ways: in double quotes with its characters as
they are ("raw"), in double quotes with every character that does not print
as a YAML escape ("escaped": ``\\x1b``, ``\\u202e``, ``\\n``), and for a value
with lines, as a YAML block (``|-``). The rest of the profile is
tests/fixtures/providers/valid/cartref-care.yml, with every text field the
schema has filled in, so that a field added to the schema is attacked too.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from builder.load.characters import FORBIDDEN, INVISIBLE
from builder.load.profile import load_bytes
from builder.paths import ROOT
from tests.hostile.attacks import Attack, attacks
from tests.hostile.fields import Field, text_fields

VALID = ROOT / "tests" / "fixtures" / "providers" / "valid"
#: The photos the profiles name; copy them into providers/photos/ beside the profiles.
PHOTOS = {"cartref-care.png": VALID / "photos" / "cartref-care.png"}
FILE = "providers/hostile.yml"
_HOLE = "HOSTILE-VALUE-HERE"
FORMS = ("raw", "escaped", "block")


@dataclass(frozen=True)
class Case:
    """One attack on one field, written one way: the profile's text, and where the value is."""

    field: Field
    attack: Attack
    form: str
    text: str
    start: int  # the offset of the value's first character (its quote or "|") in ``text``

    @property
    def name(self) -> str:
        return f"{self.attack.name} {self.form}"


@cache
def base_profile() -> dict[str, Any]:
    """A valid, published profile with every text field of the schema filled in."""
    raw = (VALID / "cartref-care.yml").read_bytes()
    data = load_bytes(raw, "cartref-care.yml", max_bytes=len(raw)).data
    assert data is not None
    data["checks"]["ciw"] = {"registered": True, "number": "SIN-00012345-ABCD"}
    data["contact"]["texts"] = False  # a landline is then no warning
    for field in text_fields():
        parent = data
        for key in field.path[:-1]:
            parent = parent.setdefault(key, {})
        parent.setdefault(field.name, "Plain words.")
    return data


class _Dumper(yaml.SafeDumper):
    """Writes in quotes any text that the profile loader would read as a number or a trap,
    and text with lines as a block."""

    def text(self, data: str) -> yaml.ScalarNode:
        quote = data[:1] in tuple("0123456789+-.") or data.casefold() in _WORDS
        style = '"' if quote else "|" if "\n" in data else None
        return self.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_WORDS = frozenset({"yes", "no", "on", "off", "y", "n", "true", "false", "null", "~", ""})
_Dumper.add_representer(str, _Dumper.text)


def profile_text(data: dict[str, Any]) -> str:
    """A profile's YAML, written the way staff would read it."""
    text = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1 << 30)
    return str(text)


@cache
def cases() -> tuple[Case, ...]:
    """Every attack on every field, in every form that fits it."""
    return tuple(
        make_case(field, attack, form)
        for field in text_fields()
        for attack in attacks(field.max_length)
        for form in FORMS
        if (form != "block" or attack.block)
        and (form != "escaped" or _quoted(attack.value, "escaped") != _quoted(attack.value, "raw"))
    )


def make_case(field: Field, attack: Attack, form: str) -> Case:
    text, start, indent = _with_hole(field)
    written = _block(attack.value, indent) if form == "block" else _quoted(attack.value, form)
    return Case(field, attack, form, text[:start] + written + text[start + len(_HOLE) :], start)


@cache
def _with_hole(field: Field) -> tuple[str, int, int]:
    """The base profile's text with a hole for ``field``'s value: the text, where the hole
    is, and how far a block's lines are indented."""
    data = copy.deepcopy(base_profile())
    if field.path[0] != "photo":
        del data["photo"]  # reading the picture would only make each case slower
    parent = data
    for key in field.path[:-1]:
        parent = parent[key]
    parent[field.name] = _HOLE
    text = profile_text(data)
    start = text.index(_HOLE)
    column = start - text.rfind("\n", 0, start) - 1
    return text, start, column - len(field.name)  # the key's indent and two more


def _quoted(value: str, form: str) -> str:
    return '"' + "".join(_quoted_char(char, form == "escaped") for char in value) + '"'


def _quoted_char(char: str, escape: bool) -> str:
    if char in '"\\':
        return "\\" + char
    if not escape or (
        char.isprintable() and not FORBIDDEN.match(char) and not INVISIBLE.match(char)
    ):
        return char
    if char == "\n":
        return "\\n"
    number = ord(char)
    if number < 0x100:
        return f"\\x{number:02x}"
    return f"\\u{number:04x}" if number < 0x10000 else f"\\U{number:08x}"


def _block(value: str, indent: int) -> str:
    lines = [f"{' ' * indent}{line}" if line else "" for line in value.split("\n")]
    return "|-\n" + "\n".join(lines)


def position(text: str, index: int) -> tuple[int, int]:
    """The line and column of ``text[index]``, as editors count them."""
    return text.count("\n", 0, index) + 1, index - text.rfind("\n", 0, index)


def written_at(case: Case, index: int) -> int:
    """The offset in the case's text where the value's character ``index`` is written."""
    value = case.attack.value
    if case.form == "block":
        return case.start  # not needed for blocks: their characters are reported as the file's
    escape = case.form == "escaped"
    return case.start + 1 + sum(len(_quoted_char(char, escape)) for char in value[:index])


# -- The accepted attacks, as published profiles for the build --------------------------


def read_expected(folder: Path) -> dict[str, dict[str, list[str]]]:
    """The expected output of every case, by field and case name ("quotes raw")."""
    found: dict[str, dict[str, list[str]]] = {}
    for path in sorted(folder.glob("*.txt")):
        by_case: dict[str, list[str]] = {}
        name = ""
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("== "):
                name = line[3:]
                by_case[name] = []
            else:
                by_case[name].append(line)
        found[path.stem] = by_case
    return found


def accepted_profiles() -> list[tuple[str, str]]:
    """(slug, YAML text) of published profiles that, together, hold every attack that check
    accepts in every field: some 70 profiles. Their photo is ``PHOTOS``."""
    expected = read_expected(Path(__file__).parent / "expected")
    values: dict[Field, list[str]] = {}
    for field in text_fields():
        outcomes = expected.get(field.dotted, {})
        accepted: list[str] = []
        for attack in attacks(field.max_length):
            for form in FORMS:
                if outcomes.get(f"{attack.name} {form}") == ["accepted"]:
                    value = _loaded_value(make_case(field, attack, form))
                    if value not in accepted:
                        accepted.append(value)
        values[field] = accepted or [_value_at(base_profile(), field)]
    count = max(len(found) for found in values.values())
    profiles = []
    for i in range(count):
        data = copy.deepcopy(base_profile())
        for field, found in values.items():
            value = found[i % len(found)]
            if field.path == ("name",) and i >= len(found):
                value = f"{value} {i}"  # names must differ, however they are written
            parent = data
            for key in field.path[:-1]:
                parent = parent[key]
            parent[field.name] = value
        profiles.append((f"hostile-{i:03d}", profile_text(data)))
    return profiles


def _loaded_value(case: Case) -> Any:
    raw = case.text.encode()
    data = load_bytes(raw, FILE, max_bytes=len(raw)).data
    assert data is not None
    return _value_at(data, case.field)


def _value_at(data: dict[str, Any], field: Field) -> Any:
    for key in field.path:
        data = data[key]
    return data
