"""Turn jsonschema's errors about one profile into plain messages for council staff.

Each error becomes a message in plain English, without a JSON Schema
keyword in sight, pointing at the value, its key or, for a missing field,
its parent. A typo gets the closest allowed value, and a place or a
service's name gets its id. Only the first message about a field is kept.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from typing import Any, NamedTuple

from jsonschema import ValidationError

from builder.check.language_codes import describe_language
from builder.check.placeholders import RECORDED_DATES, is_date_placeholder
from builder.check.profile import Profile
from builder.i18n import N_
from builder.load.source_map import FieldPath, SourceMap, dotted, within
from builder.load.vocab import Community, ServiceGroup, Vocabulary
from builder.problems import Problem, problem

#: Given a field path, the part of the schema that describes it (``schema.schema_at``).
SchemaAt = Callable[[FieldPath], dict[str, Any] | None]

# A date; the dates a draft may leave empty until they are known also accept "".
_DATE_PATTERNS = ("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "^([0-9]{4}-[0-9]{2}-[0-9]{2})?$")
# Where staff find the ids for a long list of allowed values.
_ID_LISTS = {"areas": "data/areas.yml", "services": "data/services.yml"}
_ADDRESS_KEYS = frozenset({"address", "home_address", "postcode"})
# jsonschema may report several things about one value; the first of these wins.
_KEYWORD_ORDER = ("type", "enum", "required", "additionalProperties")
# A typo gets a suggestion; a file with more unknown fields than this is no
# profile, and finding the closest name for each would take long.
_SUGGESTIONS = 20


class _Said(NamedTuple):
    """One plain message about one field, and where to point: its value, key or parent."""

    path: FieldPath
    message: str
    args: dict[str, Any]
    at: str = "value"


def schema_problems(
    profile: Profile,
    errors: Iterable[ValidationError],
    flagged: frozenset[FieldPath],
    aliases: dict[str, dict[str, str]],
    schema_at: SchemaAt,
) -> tuple[dict[FieldPath, Problem], set[FieldPath]]:
    """Problems by field path, and the fields that unknown keys were probably meant to be.

    ``errors`` are jsonschema's errors about ``profile``; those under a path in
    ``flagged`` were reported when the file was loaded. ``aliases`` are the
    names staff may write instead of ids (see ``enum_aliases``). ``schema_at``
    is ``schema.schema_at``, passed in because ``validate`` imports this module.
    """

    def order(error: ValidationError) -> int:
        keyword = str(error.validator)
        return _KEYWORD_ORDER.index(keyword) if keyword in _KEYWORD_ORDER else len(_KEYWORD_ORDER)

    source = profile.source
    said: dict[FieldPath, _Said] = {}
    for error in sorted(errors, key=order):
        for item in _describe(error, source, aliases, schema_at):
            if not within(item.path, flagged):  # reported on load
                said.setdefault(item.path, item)
    # "emial" is unknown and "email" is missing: the first message says both.
    meant = {
        (*item.path[:-1], item.args["suggestion"])
        for item in said.values()
        if item.message is _UNKNOWN_SUGGEST
    }
    where = {"value": source.value, "key": source.key, "parent": source.parent}
    return {
        path: problem(
            profile.display, *where[item.at](path), item.message, dotted(path), **item.args
        )
        for path, item in said.items()
        if not (path in meant and item.at == "parent")
    }, meant


def _describe(
    error: ValidationError,
    source: SourceMap,
    aliases: dict[str, dict[str, str]],
    schema_at: SchemaAt,
) -> Iterator[_Said]:
    """Plain messages for one jsonschema error."""
    path: FieldPath = tuple(error.absolute_path)
    keyword, value, subschema = str(error.validator), error.instance, error.schema
    name = next((part for part in reversed(path) if isinstance(part, str)), "")
    shown = source.plain.get(path, value if isinstance(value, str) else json.dumps(value))
    args = {"name": name, "value": shown}
    if keyword == "required":
        yield from _missing(path, value, error.validator_value)
    elif keyword == "additionalProperties":
        yield from _unknown(path, value, list(subschema.get("properties", {})))
    elif value is None and path and isinstance(path[-1], int):
        yield _Said(path, N_('"{name}" has an empty item; fill it in or remove it'), args)
    elif value is None or (keyword == "minLength" and value == ""):
        message = _empty_message(path, subschema, schema_at)
        yield _Said(path, message, args, "key" if value is None else "value")
    elif keyword == "type":
        message, number = _type_message(str(subschema.get("type")), value)
        at = "key" if isinstance(value, dict | list) else "value"
        yield _Said(path, message, {**args, "number": number} if number else args, at)
    elif keyword == "enum":
        yield _enum_message(path, value, args, subschema["enum"], aliases.get(name, {}))
    elif keyword == "uniqueItems":
        for i, item in enumerate(value):
            if item in value[:i]:
                message = N_("'{value}' is in the list twice; remove one")
                yield _Said((*path, i), message, {"value": item})
    elif keyword == "maxLength":
        message = N_('"{name}" is {length} characters long, more than {limit}; please shorten it')
        yield _Said(path, message, {**args, "length": len(value), "limit": subschema["maxLength"]})
    elif keyword == "minItems":
        yield _Said(path, N_('"{name}" is an empty list; add at least one'), args)
    elif keyword == "maxItems":
        message = N_('"{name}" has {count} items, more than the {limit} it can have; remove some')
        yield _Said(
            path, message, {**args, "count": len(value), "limit": subschema["maxItems"]}, "key"
        )
    elif keyword in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        yield _range_message(path, subschema, args)
    elif keyword == "pattern" and path in RECORDED_DATES and is_date_placeholder(value):
        yield _Said(path, _DATE_PLACEHOLDER, args)  # "YYYY-MM-DD" or "REPLACE" left as it was
    elif keyword == "pattern" and subschema["pattern"] in _DATE_PATTERNS:
        yield _Said(path, _DATE_FORMAT, args)
    elif keyword == "pattern" and path[:1] == ("languages",):
        message, language_args = describe_language(value) or (_NOT_ALLOWED, {})
        yield _Said(path, message, {**args, **language_args})
    else:
        yield _Said(path, _NOT_ALLOWED, args)


def _missing(path: FieldPath, value: dict[str, Any], required: list[str]) -> Iterator[_Said]:
    for key in required:
        if key in value:
            continue
        child = (*path, key)
        if child == ("photo", "alt"):
            yield _Said(child, _PHOTO_ALT, {}, "parent")
        elif path:
            yield _Said(child, _MISSING_IN, {"missing": key, "parent": path[-1]}, "parent")
        else:
            yield _Said(child, _MISSING, {"missing": key}, "parent")


def _unknown(path: FieldPath, value: dict[str, Any], allowed: list[str]) -> Iterator[_Said]:
    unknown = [key for key in value if key not in allowed]
    for count, key in enumerate(unknown):
        child = (*path, key)
        normal = re.sub(r"[\s-]+", "_", key.strip().casefold())
        close = [normal] if normal in allowed else []
        if not close and count < _SUGGESTIONS:
            close = difflib.get_close_matches(normal, allowed, n=1)
        if normal in _ADDRESS_KEYS:
            yield _Said(child, _NO_ADDRESS, {}, "key")
        elif close:
            yield _Said(child, _UNKNOWN_SUGGEST, {"key": key, "suggestion": close[0]}, "key")
        else:
            yield _Said(child, _UNKNOWN, {"key": key}, "key")


def _empty_message(path: FieldPath, subschema: dict[str, Any], schema_at: SchemaAt) -> str:
    if path == ("photo", "alt"):
        return _PHOTO_ALT
    if subschema.get("type") == "boolean":
        return N_('"{name}" is empty; write true or false')
    if path[-1] in (schema_at(path[:-1]) or {}).get("required", ()):
        return N_('"{name}" is empty; fill it in')
    return N_('"{name}" is empty; fill it in or remove the line')


def _type_message(expected: str, value: Any) -> tuple[str, str | None]:
    """The message for a value of the wrong type, and the number in it ("£22.50": "22.50")."""
    number = None
    if isinstance(value, bool):
        kind = "true-false"
    elif isinstance(value, int | float):
        kind = "number"
    elif isinstance(value, str):
        cleaned = value.replace("£", "").replace(",", "").strip()
        number = cleaned if re.fullmatch(r"[0-9]+(\.[0-9]+)?", cleaned) else None
        kind = (
            "numeric" if number else "quoted" if value.casefold() in ("true", "false") else "text"
        )
    else:
        kind = "list" if isinstance(value, list) else "group"
    return _TYPE_MESSAGES.get((expected, kind)) or _TYPE_MESSAGES[(expected, "")], number


def _enum_message(
    path: FieldPath, value: Any, args: dict[str, Any], choices: list[Any], aliases: dict[str, str]
) -> _Said:
    if isinstance(value, list | dict):
        message = N_('"{name}" should be a single value, like {example}')
        return _Said(path, message, {**args, "example": choices[0]})
    suggestion = _suggest(args["value"], [str(c) for c in choices], aliases)
    written = _slug(args["value"])
    if args["name"] == "areas" and suggestion and aliases.get(written, written) != written:
        # A village or a Welsh name, such as "Mynydd Isa" for argoed.
        message = N_("'{value}' is in the community '{suggestion}'; write '{suggestion}'")
        return _Said(path, message, {**args, "suggestion": suggestion})
    if suggestion:
        message = N_("'{value}' is not allowed for \"{name}\"; did you mean '{suggestion}'?")
        return _Said(path, message, {**args, "suggestion": suggestion})
    if args["name"] in _ID_LISTS:
        message = N_("'{value}' is not allowed for \"{name}\"; see the ids in {list_file}")
        return _Said(path, message, {**args, "list_file": _ID_LISTS[args["name"]]})
    message = N_("'{value}' is not allowed for \"{name}\"; use one of: {choices}")
    return _Said(path, message, {**args, "choices": ", ".join(map(str, choices))})


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold().replace("'", "")).strip("-")


def _suggest(value: str, choices: list[str], aliases: dict[str, str]) -> str | None:
    """The allowed value closest to ``value``, also by name ("Connah's Quay", "Mynydd Isa")."""
    key = _slug(value)
    if key in choices or key in aliases:
        return aliases.get(key, key)
    close = difflib.get_close_matches(key, choices + list(aliases), n=1, cutoff=0.6)
    return aliases.get(close[0], close[0]) if close else None


def enum_aliases(vocab: Vocabulary) -> dict[str, dict[str, str]]:
    """Names staff may write instead of ids, by field: places for areas, labels for services."""
    return _aliases(vocab.communities, vocab.groups)


@cache  # the vocabularies are tuples of frozen dataclasses: made once, used for every file
def _aliases(
    communities: tuple[Community, ...], groups: tuple[ServiceGroup, ...]
) -> dict[str, dict[str, str]]:
    areas = {
        _slug(name): community.id
        for community in communities
        for place in (community.name, *community.villages)
        for name in (place.en, place.cy)
    }
    services = {
        _slug(name): s.id for g in groups for s in g.services for name in (s.label.en, s.label.cy)
    }
    return {"areas": areas, "services": services}


def _range_message(path: FieldPath, subschema: dict[str, Any], args: dict[str, Any]) -> _Said:
    low, high = subschema.get("minimum"), subschema.get("maximum")
    above = subschema.get("exclusiveMinimum")
    if above is not None and high is not None:
        message = N_('"{name}" is {value}, but it must be more than {low} and at most {high}')
        return _Said(path, message, {**args, "low": above, "high": high})
    if low is not None and high is not None:
        message = N_('"{name}" is {value}, but it must be from {low} to {high}')
        return _Said(path, message, {**args, "low": low, "high": high})
    if high is not None:
        return _Said(
            path, N_('"{name}" is {value}, but it must be at most {high}'), {**args, "high": high}
        )
    message = N_('"{name}" is {value}, but it must be at least {low}')
    return _Said(path, message, {**args, "low": above if low is None else low})


_MISSING = N_('"{missing}" is missing; every profile needs it')
_MISSING_IN = N_('"{missing}" is missing from "{parent}"; add it')
_PHOTO_ALT = N_("a photo needs alt text: a short description for people who cannot see it")
_UNKNOWN = N_("there is no field called '{key}'; check the spelling, or remove it")
_UNKNOWN_SUGGEST = N_("there is no field called '{key}'; did you mean '{suggestion}'?")
_NO_ADDRESS = N_("remove the address: the directory never publishes where a provider lives")
_NOT_ALLOWED = N_("'{value}' is not allowed here for \"{name}\"")
_DATE_FORMAT = N_(
    "\"{name}\" should be a date written as YYYY-MM-DD, like 2026-03-14, not '{value}'"
)
_DATE_PLACEHOLDER = N_(
    "'{value}' is not a date yet; write the date as YYYY-MM-DD, like \"2026-11-03\", "
    'or leave it empty ("") in a draft until it is known'
)
_JUST_THE_NUMBER = N_('"{name}" should be just the number, like {number}, without quotes or signs')
# By the type the schema wants and the kind of value found.
_TYPE_MESSAGES = {
    ("string", "number"): N_(
        '"{name}" should be text in quotes, like "{value}"; it was read as a number'
    ),
    ("string", "true-false"): N_(
        '"{name}" should be text in quotes, like "{value}"; it was read as true or false'
    ),
    ("string", "list"): N_('"{name}" should be one piece of text, not a list'),
    ("string", ""): N_('"{name}" should be one piece of text, not a group of fields'),
    ("boolean", "quoted"): N_('"{name}" should be true or false, without quotes'),
    ("boolean", "text"): N_("\"{name}\" should be true or false, not '{value}'"),
    ("boolean", "number"): N_("\"{name}\" should be true or false, not '{value}'"),
    ("boolean", ""): N_('"{name}" should be true or false'),
    ("integer", "numeric"): _JUST_THE_NUMBER,
    ("number", "numeric"): _JUST_THE_NUMBER,
    ("integer", "text"): N_("\"{name}\" should be a whole number in digits, not '{value}'"),
    ("integer", "number"): N_('"{name}" should be a whole number, not {value}'),
    ("integer", ""): N_('"{name}" should be a whole number'),
    ("number", "text"): N_("\"{name}\" should be a number in digits, not '{value}'"),
    ("number", ""): N_('"{name}" should be a number'),
    ("array", "text"): N_('"{name}" should be a list in square brackets, like [{value}]'),
    ("array", ""): N_('"{name}" should be a list in square brackets'),
    ("object", ""): N_('"{name}" should be a group of fields on the lines below it, indented'),
}
