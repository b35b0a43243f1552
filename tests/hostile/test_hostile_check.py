"""check on every hostile case: accepted, or refused with its exact message and place.

Every case's whole output is in expected/<field>.txt (``pytest
--update-expected`` rewrites them, for review in the diff). Independently of
those files, the rules that matter most are worked out here from the case
itself: a character no value may hold is refused where it is written, a
line break in a one-line field is refused, a name or contact detail cannot
hide an invisible character, and plain text in any other field is accepted
exactly as written.
"""

from __future__ import annotations

import shutil
import unicodedata
from datetime import date
from pathlib import Path
from urllib.parse import unquote

import pytest

from builder.check.report import format_problems
from builder.check.validate import check_files
from builder.load.characters import FORBIDDEN, FORBIDDEN_IN_FILE, INVISIBLE, code, forbidden_message
from builder.load.profile import load_bytes
from builder.load.vocab import load_vocabulary
from builder.site import escape
from tests.hostile.cases import (
    FILE,
    PHOTOS,
    Case,
    accepted_profiles,
    cases,
    position,
    read_expected,
    written_at,
)
from tests.hostile.fields import Field, text_fields

EXPECTED = Path(__file__).parent / "expected"
TODAY = date(2026, 11, 22)
FIELDS = list(text_fields())
#: Fields with rules of their own, whose messages about an attack only the expected files say.
OWN_RULES = {("contact", "phone"), ("contact", "email"), ("contact", "website"), ("photo", "file")}
NAMES = {("name",), ("trading_name",)}


def providers_folder(root: Path) -> Path:
    folder = root / "providers"
    (folder / "photos").mkdir(parents=True)
    for name, source in PHOTOS.items():
        shutil.copy(source, folder / "photos" / name)
    return folder


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, list[str]]]:
    """check's output for every case, by field and case name ("quotes raw")."""
    root = tmp_path_factory.mktemp("hostile")
    path = providers_folder(root) / "hostile.yml"
    vocab = load_vocabulary()
    found: dict[str, dict[str, list[str]]] = {}
    for case in cases():
        path.write_bytes(case.text.encode("utf-8"))
        result = check_files([path], root=root, today=TODAY, vocab=vocab)
        said = format_problems(result.problems).splitlines() or ["accepted"]
        assert ("accepted" in said) == (not result.errors), case.name
        found.setdefault(case.field.dotted, {})[case.name] = said
    return found


def test_every_text_field_of_the_schema_is_attacked() -> None:
    dotted = {field.dotted for field in FIELDS}
    assert {"name", "summary_cy", "description_cy", "contact.email", "photo.alt_cy"} <= dotted
    assert {field.dotted for field in FIELDS if field.markdown} == {"description", "description_cy"}


@pytest.mark.parametrize("field", FIELDS, ids=lambda field: field.dotted)
def test_every_case_prints_exactly_its_expected_output(
    outputs: dict[str, dict[str, list[str]]], field: Field, update_expected: bool
) -> None:
    expected_file = EXPECTED / f"{field.dotted}.txt"
    said = outputs[field.dotted]
    if update_expected:
        lines = [line for name, output in said.items() for line in (f"== {name}", *output)]
        expected_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert expected_file.exists(), f"no expected output for {field.dotted}: run --update-expected"
    assert said == read_expected(EXPECTED)[field.dotted]


@pytest.mark.parametrize("field", FIELDS, ids=lambda field: field.dotted)
def test_the_rules_that_matter_most_hold_in_every_case(
    outputs: dict[str, dict[str, list[str]]], field: Field
) -> None:
    for case in cases_of(field):
        said = outputs[field.dotted][case.name]
        expected = expected_problem(case)
        if expected == "accepted":
            assert said == ["accepted"], case.name
        elif expected:
            assert expected in said, (case.name, said)
        for line in said:  # nothing echoed can move the cursor or reverse the line
            assert line.isprintable(), (case.name, line)


def cases_of(field: Field) -> list[Case]:
    return [case for case in cases() if case.field == field]


def expected_problem(case: Case) -> str | None:
    """The one line check must print for ``case``; "accepted"; or None where only the
    expected file can say (a field with rules of its own, or YAML folding raw lines)."""
    field, value, form = case.field, case.attack.value, case.form
    if "\x00" in case.text:  # YAML would not read it as text at all
        return f"{FILE}:1:1: [error] this is not a text file; a profile must be text saved as UTF-8"
    in_file = FORBIDDEN_IN_FILE.search(case.text)
    if in_file:  # refused before YAML reads the file; the file, not a field, is at fault
        char = in_file.group()[0]
        line_number, column = position(case.text, in_file.start())
        message = forbidden_message(char).format(code=code(char))
        return f"{FILE}:{line_number}:{column}: [error] {message}"
    if form == "raw" and ("\n" in value or "\t" in value):
        return None  # YAML folds raw line breaks; a raw tab has a message of its own
    if form == "block":
        value = value.replace("\r\n", "\n")  # a Windows line ending, as YAML reads it
    forbidden = FORBIDDEN.search(value)
    if forbidden:
        message = forbidden_message(forbidden.group()).format(code=code(forbidden.group()))
        return line(case, written_at(case, forbidden.start()), message)
    text = unicodedata.normalize("NFC", value)
    if len(text) > field.max_length:
        message = (
            f'"{field.name}" is {len(text)} characters long, more than {field.max_length}; '
            "please shorten it"
        )
        return line(case, case.start, message)
    if "\n" in text and not field.markdown:
        if form == "block":
            message = (
                f'"{field.name}" must be one line of text; remove the "|" or ">" and write '
                "the text on the same line, after the colon"
            )
            return line(case, case.start, message)
        message = (
            f'"{field.name}" must be one line of text; remove the line break here '
            '(only "description" can have paragraphs)'
        )
        return line(case, written_at(case, text.index("\n")), message)
    invisible = INVISIBLE.search(text)
    if invisible and (field.path in NAMES or field.path[0] == "contact"):
        message = (
            f'there is an invisible character ({code(invisible.group())}) in "{field.name}" '
            "here; delete it, so that the text is exactly what people see"
        )
        return line(case, written_at(case, invisible.start()), message)
    if field.path in NAMES and not any(unicodedata.category(c)[0] == "L" for c in text):
        return line(
            case, case.start, f'"{field.name}" has no letters in it; write the name in words'
        )
    if field.path in OWN_RULES or (field.markdown and "<" in text):
        return None
    return "accepted"


def line(case: Case, index: int, message: str) -> str:
    where = position(case.text, index)
    return f"{FILE}:{where[0]}:{where[1]}: [error] {message} ({case.field.dotted})"


# -- The accepted attacks, published ---------------------------------------------------


def test_accepted_profiles_hold_every_accepted_attack_and_pass_check(tmp_path: Path) -> None:
    profiles = accepted_profiles()
    assert 20 <= len(profiles) < 150
    folder = providers_folder(tmp_path)
    paths = []
    for slug, text in profiles:
        path = folder / f"{slug}.yml"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    result = check_files(paths, root=tmp_path, today=TODAY, vocab=load_vocabulary())
    assert format_problems(result.problems) == ""
    held: dict[str, set[str]] = {field.dotted: set() for field in FIELDS}
    for checked in result.profiles:
        assert checked.data is not None and checked.data["published"] is True
        for field in FIELDS:
            value = checked.data
            for key in field.path:
                value = value[key]
            held[field.dotted].add(value)
    expected = read_expected(EXPECTED)
    for field in FIELDS:
        for case in cases_of(field):
            if expected[field.dotted][case.name] == ["accepted"]:
                raw = case.text.encode()
                data = load_bytes(raw, FILE, max_bytes=len(raw)).data
                value = data
                for key in field.path:
                    value = value[key]
                assert any(value in other for other in held[field.dotted]), (
                    field.dotted,
                    case.name,
                )


def test_check_and_the_link_builders_agree_on_every_accepted_address() -> None:
    """What check accepts as a website or an email address, escape turns into a link as it is."""
    for _, text in accepted_profiles():
        raw = text.encode()
        data = load_bytes(raw, "x.yml", max_bytes=len(raw)).data
        assert data is not None
        website, email = data["contact"]["website"], data["contact"]["email"]
        assert escape.web_url(website) == website
        assert unquote(escape.mailto(email)) == f"mailto:{email}"
        assert not set("?&#\"'<> ") & set(escape.mailto(email))
