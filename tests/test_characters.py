"""The characters no value may hold, and how check shows what it echoes."""

from __future__ import annotations

import shutil
import sys
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from builder.check.report import format_problems
from builder.check.validate import check_files
from builder.load.characters import FORBIDDEN, INVISIBLE, code, visible
from builder.load.vocab import load_vocabulary
from builder.paths import ROOT

TODAY = date(2026, 11, 22)

EVERY_CHARACTER = [chr(number) for number in range(sys.maxunicode + 1)]


def test_invisible_is_every_format_character_and_the_fillers() -> None:
    fillers = {"\u115f", "\u1160", "\u3164", "\uffa0", "\u034f"}
    expected = {c for c in EVERY_CHARACTER if unicodedata.category(c) == "Cf"} | fillers
    # Characters Unicode has assigned since this Python's data are refused anyway.
    assert {c for c in EVERY_CHARACTER if INVISIBLE.fullmatch(c)} >= expected


def test_forbidden_is_controls_bidi_separators_and_non_characters() -> None:
    def expected(c: str) -> bool:
        category = unicodedata.category(c)
        return (
            (category == "Cc" and c != "\n")
            or category in ("Zl", "Zp", "Cs")
            or "\u202a" <= c <= "\u202e"
            or "\u2066" <= c <= "\u2069"
            or "\ufdd0" <= c <= "\ufdef"
            or ord(c) & 0xFFFE == 0xFFFE
        )

    assert {c for c in EVERY_CHARACTER if FORBIDDEN.fullmatch(c)} == {
        c for c in EVERY_CHARACTER if expected(c)
    }


def test_visible_writes_what_does_not_print_as_an_escape() -> None:
    assert visible("Tŷ Twt: «café» 😀") == "Tŷ Twt: «café» 😀"
    assert visible("a\x1b[2Kb\tc\nd\x85e\u202ef\u200bg\U000e0041") == (
        "a\\x1b[2Kb\\x09c\\x0ad\\x85e\\u202ef\\u200bg\\U000e0041"
    )


def test_code_is_how_people_look_a_character_up() -> None:
    assert (code("\x1b"), code("\u202e"), code("\U0001f600")) == ("U+001B", "U+202E", "U+1F600")


# -- The rules of builder.check.characters, on a real profile -------------------------

VALID = ROOT / "tests" / "fixtures" / "providers" / "valid"
CARTREF = (VALID / "cartref-care.yml").read_text(encoding="utf-8")


def check_with(tmp_path: Path, old: str, new: str) -> str:
    """check's output for cartref-care.yml with the line ``old`` replaced by ``new``."""
    assert old in CARTREF
    folder = tmp_path / "providers"
    shutil.copytree(VALID / "photos", folder / "photos")
    (folder / "cartref-care.yml").write_text(CARTREF.replace(old, new), encoding="utf-8")
    result = check_files(
        [folder / "cartref-care.yml"], root=tmp_path, today=TODAY, vocab=load_vocabulary()
    )
    return format_problems(result.problems)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "name: Cartref Care",
            'name: "Cartref\\u200b Care"',
            '2:15: [error] there is an invisible character (U+200B) in "name" here; delete it, '
            "so that the text is exactly what people see (name)",
        ),
        (
            "name: Cartref Care",
            "name: Cart\u00adref Care",
            '2:11: [error] there is an invisible character (U+00AD) in "name" here; delete it, '
            "so that the text is exactly what people see (name)",
        ),
        (
            "  email: hello@cartref-care.example.com",
            '  email: "hello@cartref\\u2060-care.example.com"',
            '27:24: [error] there is an invisible character (U+2060) in "email" here; delete '
            "it, so that the text is exactly what people see (contact.email)",
        ),
        (
            '  phone: "07700 900456"',
            '  phone: "07700\ufeff 900456"',
            '25:16: [error] there is an invisible character (U+FEFF) in "phone" here; delete '
            "it, so that the text is exactly what people see (contact.phone)",
        ),
        (
            "name: Cartref Care",
            'name: "🙂 🙂"',
            '2:7: [error] "name" has no letters in it; write the name in words (name)',
        ),
        (
            "name: Cartref Care",
            "name: 12345 !!!",
            '2:7: [error] "name" has no letters in it; write the name in words (name)',
        ),
        (
            "cover: We cover for each other, so you always see a face you know.",
            'cover: "We cover.\\n> Council warning: pay in cash only."',
            '47:18: [error] "cover" must be one line of text; remove the line break here '
            '(only "description" can have paragraphs) (cover)',
        ),
        (
            "summary: Personal care",
            "summary: |\n  Personal care",
            '6:10: [error] "summary" must be one line of text; remove the "|" or ">" and write '
            "the text on the same line, after the colon (summary)",
        ),
        (
            "  best_times: Any day, 8am to 8pm",
            "  best_times: >-\n    Any day,\n\n    8am to 8pm",
            '29:15: [error] "best_times" must be one line of text; remove the "|" or ">" and '
            "write the text on the same line, after the colon (contact.best_times)",
        ),
    ],
    ids=[
        "zero-width-space-in-name",
        "soft-hyphen-in-name",
        "word-joiner-in-email",
        "byte-order-mark-in-phone",
        "no-visible-letter",
        "no-letter",
        "line-break-in-one-line-field",
        "block-in-one-line-field",
        "folded-block-with-a-blank-line",
    ],
)
def test_character_rules(tmp_path: Path, old: str, new: str, expected: str) -> None:
    assert check_with(tmp_path, old, new) == f"providers/cartref-care.yml:{expected}"


def test_descriptions_may_have_paragraphs_and_invisible_joiners(tmp_path: Path) -> None:
    joined = "  We are two fictional carers 👩\u200d⚕️ who have"
    assert check_with(tmp_path, "  We are two fictional carers who have", joined) == ""
