"""The characters no value may hold, and how check shows what it echoes."""

from __future__ import annotations

import sys
import unicodedata

from builder.load.characters import FORBIDDEN, INVISIBLE, code, visible

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
