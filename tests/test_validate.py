"""The validator, case by case: every file in fixtures/providers/invalid (and each
folder in invalid-sets) carries the exact output of ``python -m builder check``."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file

from builder.check import rules, schema, validate
from builder.check.validate import check_files, display_path
from builder.cli import main
from builder.load.vocab import load_vocabulary
from builder.paths import ROOT
from builder.problems import Level

FIXTURES = ROOT / "tests" / "fixtures" / "providers"
TODAY = date(2026, 11, 22)
CASES = sorted(FIXTURES.glob("invalid/*.yml")) + sorted(
    p for p in FIXTURES.glob("invalid-sets/*") if p.is_dir()
)
# Words that would mean a message was written for programmers, not council staff.
JARGON = re.compile(
    r"additionalProperties|enum\b|anyOf|oneOf|is not valid under|required property|"
    r"<class|datetime|None\b|Traceback|scalar|mapping|\\u",
)


def check(*paths: Path) -> validate.CheckResult:
    return check_files(paths, root=ROOT, today=TODAY, vocab=load_vocabulary())


@pytest.fixture(autouse=True)
def _fixed_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("MICROCARE_TODAY", raising=False)


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem if p.is_file() else p.name)
def test_invalid_case_prints_exactly_its_expected_output(
    case: Path, update_expected: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        ["check", case.relative_to(ROOT).as_posix(), "--today", "2026-11-22", "--lang", "en"]
    )
    output = capsys.readouterr().out
    expected_file = (
        case.with_suffix(".expected") if case.is_file() else case.parent / f"{case.name}.expected"
    )
    if update_expected:
        expected_file.write_text(output, encoding="utf-8")
    expected = expected_file.read_text(encoding="utf-8")
    assert output == expected
    assert code == (1 if ": [error] " in expected else 0)


def test_every_invalid_case_has_problems_in_plain_words() -> None:
    for expected in FIXTURES.glob("invalid*/*.expected"):
        text = expected.read_text(encoding="utf-8")
        assert text, f"{expected.name} expects no problems"
        for line in text.splitlines():
            assert re.match(r"tests/fixtures/providers/[^:]+:\d+:\d+: \[(error|warning)\] ", line)
            assert not JARGON.search(line), line


def test_valid_profiles_have_no_problems() -> None:
    valid = sorted(FIXTURES.glob("valid/*.yml"))
    assert len(valid) >= 3
    result = check(*valid)
    assert result.problems == []
    assert all(profile.ok for profile in result.profiles)


def test_the_sample_provider_is_valid() -> None:
    assert check(ROOT / "providers" / "bryn-care.yml").problems == []


def test_result_lists_profiles_sorted_with_slug_data_and_ok() -> None:
    broken = FIXTURES / "invalid" / "syntax-colon-in-text.yml"
    draft = FIXTURES / "valid" / "derwen-draft.yml"
    result = check(draft, broken)
    assert [(p.display, p.slug, p.ok) for p in result.profiles] == [
        (
            "tests/fixtures/providers/invalid/syntax-colon-in-text.yml",
            "syntax-colon-in-text",
            False,
        ),
        ("tests/fixtures/providers/valid/derwen-draft.yml", "derwen-draft", True),
    ]
    assert result.profiles[0].data is None
    data = result.profiles[1].data
    assert data is not None
    assert data["published"] is False
    assert data["reviewed"] == "2026-09-30"  # an unquoted date stays text
    assert data["prices"] == {"hourly_rate": 18.75, "minimum_visit_minutes": 120}
    assert [p.line for p in result.errors] == [7]


def test_problems_from_every_file_are_collected_and_sorted() -> None:
    names = ("out-of-range.yml", "syntax-colon-in-text.yml", "phone-not-uk.yml")
    result = check(*(FIXTURES / "invalid" / name for name in names))
    places = [(p.file.rsplit("/", 1)[1], p.line, p.column) for p in result.problems]
    assert places == [
        ("out-of-range.yml", 3, 7),  # the same business name as phone-not-uk.yml
        ("out-of-range.yml", 6, 8),
        ("out-of-range.yml", 37, 16),
        ("out-of-range.yml", 38, 26),
        ("phone-not-uk.yml", 3, 7),
        ("phone-not-uk.yml", 24, 10),
        ("syntax-colon-in-text.yml", 7, 28),
    ]


def test_warnings_are_not_errors() -> None:
    result = check(FIXTURES / "invalid" / "welsh-missing.yml")
    assert [p.level for p in result.problems] == [Level.WARNING, Level.WARNING]
    assert result.errors == []
    assert result.profiles[0].ok


def test_a_file_outside_the_root_is_named_as_given(tmp_path: Path) -> None:
    path = tmp_path / "x.yml"
    assert display_path(path, ROOT) == path.as_posix()
    assert display_path(ROOT / "providers" / "bryn-care.yml", ROOT) == "providers/bryn-care.yml"


def test_drama_numbers_are_refused_when_the_setting_is_off() -> None:
    vocab = load_vocabulary()
    strict = replace(vocab, settings={**vocab.settings, "accept_drama_numbers": False})
    result = check_files(
        [FIXTURES / "valid" / "cartref-care.yml"], root=ROOT, today=TODAY, vocab=strict
    )
    assert [p.text() for p in result.problems] == [
        "'07700 900456' is a made-up number kept for TV drama; give the real number"
    ]


def test_date_rules_cover_every_date_field_in_the_schema() -> None:
    def date_fields(node: dict, path: tuple[str, ...] = ()) -> set[tuple[str, ...]]:
        found = (
            {path} if node.get("pattern", "").startswith(("^[0-9]{4}-", "^([0-9]{4}-")) else set()
        )
        for key, child in node.get("properties", {}).items():
            found |= date_fields(child, (*path, key))
        return found

    assert set(rules.DATE_FIELDS) == date_fields(schema.schema())


def test_the_schema_validator_is_compiled_once() -> None:
    assert schema.validator() is schema.validator()


def test_many_distinct_files_check_clean(tmp_path: Path) -> None:
    # Speed is measured by benchmarks/; this checks that nothing leaks
    # between files (the cross-file rules see 200 different names).
    text = (FIXTURES / "valid" / "cartref-care.yml").read_text(encoding="utf-8")
    paths = []
    for i in range(200):
        path = tmp_path / f"provider-{i}.yml"
        path.write_text(
            text.replace("name: Cartref Care", f"name: Cartref Care {i}"), encoding="utf-8"
        )
        paths.append(path)
    shutil.copytree(FIXTURES / "valid" / "photos", tmp_path / "photos")
    result = check(*paths)
    assert result.problems == []


def test_every_message_is_marked_for_translation() -> None:
    """Each message reaches the Welsh catalogue only if the extractor finds it in ``N_()``."""
    marked = {
        message
        for module in sorted((ROOT / "builder").rglob("*.py"))
        for _, message, _, _ in extract_from_file("python", module, keywords={"N_": None})
    }
    result = check(*(p for p in FIXTURES.glob("invalid*/**/*.y*ml")))
    assert {p.message for p in result.problems} <= marked
    assert all("{}" not in message for message in marked)  # placeholders are named


def test_a_file_with_very_many_problems_reports_the_first_hundred(tmp_path: Path) -> None:
    path = tmp_path / "many.yml"
    path.write_text("".join(f"f{i}: yes\n" for i in range(150)), encoding="utf-8")
    result = check_files([path], root=tmp_path, today=TODAY, vocab=load_vocabulary())
    assert len(result.problems) == 101
    last = result.problems[-1]
    # 16 missing fields, then one trap a line: the 85th line's trap is the first not shown.
    assert (last.line, last.column, last.text()) == (
        85,
        6,
        "and 66 more problems in this file; fix the ones above, then check it again",
    )
