"""Formatting problems: yamllint's text format and GitHub's workflow commands."""

from __future__ import annotations

from builder.check.report import format_problems
from builder.i18n import N_
from builder.problems import Level, problem

PHONE = problem(
    "providers/x.yml", 14, 12, N_('"{name}" should be text in quotes, like "{value}"'),
    "contact.phone", name="phone", value="01632 960123",
)  # fmt: skip
EMPTY = problem("providers/y.yml", 1, 1, N_("the file is empty: it has no fields"))
WELSH = problem(
    "providers/x.yml", 7, 1, N_("there is no Welsh summary yet"), "summary_cy",
    level=Level.WARNING,
)  # fmt: skip


def test_text_is_one_yamllint_line_per_problem() -> None:
    assert format_problems([PHONE, EMPTY, WELSH]) == (
        'providers/x.yml:14:12: [error] "phone" should be text in quotes, like "01632 960123" '
        "(contact.phone)\n"
        "providers/y.yml:1:1: [error] the file is empty: it has no fields\n"
        "providers/x.yml:7:1: [warning] there is no Welsh summary yet (summary_cy)"
    )


def test_no_problems_is_no_text() -> None:
    assert format_problems([]) == ""
    assert format_problems([], "github") == ""


def test_github_annotations() -> None:
    assert format_problems([PHONE, EMPTY, WELSH], "github") == (
        "::error file=providers/x.yml,line=14,col=12,title=contact.phone::"
        '"phone" should be text in quotes, like "01632 960123"\n'
        "::error file=providers/y.yml,line=1,col=1::the file is empty: it has no fields\n"
        "::warning file=providers/x.yml,line=7,col=1,title=summary_cy::"
        "there is no Welsh summary yet"
    )


def test_github_escapes_data_and_properties() -> None:
    tricky = problem("a,b:c%.yml", 2, 3, "{value}\n", "f", value="50% off")
    assert format_problems([tricky], "github") == (
        "::error file=a%2Cb%3Ac%25.yml,line=2,col=3,title=f::50%25 off%0A"
    )


# Erase the line, move the cursor up, turn the text red, reverse it, and start
# a new line that looks like a clean result.
HOSTILE = "\x1b[2K\r\x1b[1A\x1b[31mok\u202e\u200b\x9b\nproviders/x.yml: no problems"
ECHOED = problem(
    "providers/\x1b]0;x\x07.yml", 3, 7, N_("'{value}' is not allowed here for \"{name}\""),
    "\u202ename", value=HOSTILE, name="na\x1bme",
)  # fmt: skip


def test_text_shows_what_a_profile_echoes_with_its_control_characters_visible() -> None:
    assert format_problems([ECHOED]) == (
        "providers/\\x1b]0;x\\x07.yml:3:7: [error] "
        "'\\x1b[2K\\x0d\\x1b[1A\\x1b[31mok\\u202e\\u200b\\x9b\\x0aproviders/x.yml: no problems' "
        'is not allowed here for "na\\x1bme" (\\u202ename)'
    )


def test_github_shows_what_a_profile_echoes_with_its_control_characters_visible() -> None:
    assert format_problems([ECHOED], "github") == (
        "::error file=providers/\\x1b]0;x\\x07.yml,line=3,col=7,title=\\u202ename::"
        "'\\x1b[2K\\x0d\\x1b[1A\\x1b[31mok\\u202e\\u200b\\x9b\\x0aproviders/x.yml: no problems' "
        'is not allowed here for "na\\x1bme"'
    )


def test_a_long_value_is_cut_short() -> None:
    long = problem("x.yml", 1, 1, "'{value}'", value="a" * 1000)
    assert format_problems([long]) == "x.yml:1:1: [error] '" + "a" * 200 + "…'"


def test_messages_are_filled_after_translation() -> None:
    # A placeholder's value is never looked up in the catalogue, only the template.
    assert format_problems([PHONE], lang="en").endswith('like "01632 960123" (contact.phone)')
