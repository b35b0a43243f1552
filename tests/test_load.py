"""Loading one file: plain values, the source map, YAML traps, and hostile input."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from builder.load.profile import Loaded, load_provider

LIMIT = 200_000


def load(tmp_path: Path, content: str | bytes, name: str = "x.yml") -> Loaded:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return load_provider(path, name, max_bytes=LIMIT)


def said(loaded: Loaded) -> list[tuple[int, int, str, str]]:
    return [(p.line, p.column, p.text(), p.field) for p in loaded.problems]


PROFILE = """\
# a comment
name: Bryn Care
staff: 0
rate: 22.50
published: true
reviewed: 2026-03-02
areas: [mold, flint]
contact:
  phone: "01632 960001"
  best_times: 9:30
description: |
  Line one.
  Line <b>two</b>.
empty:
"""


def test_values_are_plain_python_and_dates_stay_text(tmp_path: Path) -> None:
    loaded = load(tmp_path, PROFILE)
    assert loaded.problems == []
    assert loaded.data == {
        "name": "Bryn Care",
        "staff": 0,
        "rate": 22.5,
        "published": True,
        "reviewed": "2026-03-02",
        "areas": ["mold", "flint"],
        "contact": {"phone": "01632 960001", "best_times": "9:30"},
        "description": "Line one.\nLine <b>two</b>.\n",
        "empty": None,
    }


def test_source_map_gives_lines_and_columns(tmp_path: Path) -> None:
    source = load(tmp_path, PROFILE).source
    assert source.value(("name",)) == (2, 7)
    assert source.key(("name",)) == (2, 1)
    assert source.value(("areas", 1)) == (7, 15)
    assert source.key(("areas", 1)) == (7, 15)
    assert source.value(("contact", "phone")) == (9, 10)
    assert source.key(("contact", "phone")) == (9, 3)
    assert source.parent(("contact", "email")) == (8, 1)  # a missing field: its parent's key
    assert source.parent(("summary",)) == (2, 1)  # a missing top field: the first field
    assert source.value(("contact", "email")) == (9, 3)  # not there: the nearest parent
    assert source.find(("description",), "<b>") == (13, 8)
    assert source.plain[("rate",)] == "22.50"


def test_traps_are_reported_where_they_are(tmp_path: Path) -> None:
    loaded = load(
        tmp_path,
        "name: Bryn\nname: Bryn Care\nphone: 01632 960001\ntexts: Yes\n"
        "when: !!timestamp 2026-01-01\nlist: &a [1]\nagain: *a\n",
    )
    assert said(loaded) == [
        (2, 1, '"name" is here twice; the first is on line 1. Remove one', "name"),
        (
            3,
            8,
            "put '01632 960001' in quotes, like \"01632 960001\", "
            "so that the 0 at the start is kept",
            "phone",
        ),
        (
            4,
            8,
            "'Yes' can be read as true or false; write true or false, or put it in quotes",
            "texts",
        ),
        (
            5,
            7,
            "'!!timestamp' is not allowed in a profile; remove it and write the value plainly",
            "when",
        ),
        (6, 7, "anchors like '&a' are not allowed in a profile; remove it", "list"),
        (7, 8, "aliases like '*a' are not allowed in a profile; write the value in full", "again"),
    ]
    assert loaded.data == {
        "name": "Bryn",
        "phone": "01632 960001",
        "texts": "Yes",
        "when": None,
        "list": [1],
        "again": None,
    }
    assert loaded.flagged == {("name",), ("phone",), ("texts",), ("when",), ("list",), ("again",)}


def test_the_caller_says_which_advice_fits_a_trap(tmp_path: Path) -> None:
    path = tmp_path / "x.yml"
    path.write_text("published: no\nstaff: 02\n", encoding="utf-8")
    kinds = {("published",): "boolean", ("staff",): "number"}
    loaded = load_provider(path, "x.yml", max_bytes=LIMIT, expects=kinds.get)
    assert [p.text() for p in loaded.problems] == [
        "\"published\" should be true or false, not 'no'",
        '"staff" should be written 2, without the 0 at the start',
    ]


def test_windows_line_endings_and_a_byte_order_mark_are_fine(tmp_path: Path) -> None:
    loaded = load(tmp_path, "\ufeffname: Bryn Care\r\nstaff: 1\r\n".encode())
    assert loaded.problems == []
    assert loaded.data == {"name": "Bryn Care", "staff": 1}
    assert loaded.source.value(("staff",)) == (2, 8)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("", (1, 1, "the file is empty: it has no fields")),
        ("# just a comment\n", (1, 1, "the file is empty: it has no fields")),
        ("- a\n- b\n", (1, 1, 'the file should hold fields, one per line, like "name: Bryn Care"')),
        (
            "just some text\n",
            (1, 1, 'the file should hold fields, one per line, like "name: Bryn Care"'),
        ),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            (1, 1, "this is not a text file; a profile must be text saved as UTF-8"),
        ),
        ("name: Bryn\n".encode("utf-16"), (1, 1, "the file is saved as UTF-16; save it as UTF-8")),
        (
            "name: Bryn\ncover: Caf\u00e9 visits\n".encode("latin-1"),
            (2, 11, "this line has a character that is not UTF-8; save the file as UTF-8"),
        ),
        (
            "name: Bryn\x07 Care\n",
            (1, 11, "there is an invisible control character (U+0007) here; delete it"),
        ),
        ("name: Bryn\n\tstaff: 1\n", (2, 1, "there is a tab character here; use spaces instead")),
    ],
    ids=["empty", "comments", "list", "text", "binary", "utf-16", "latin-1", "control", "tab"],
)
def test_unreadable_files_give_one_clear_problem(
    tmp_path: Path, content: str | bytes, expected: tuple[int, int, str]
) -> None:
    loaded = load(tmp_path, content)
    assert loaded.data is None
    assert [(line, column, text) for line, column, text, _ in said(loaded)] == [expected]


def test_a_billion_laughs_is_refused_quickly(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    loaded = load(tmp_path, "\n".join(lines) + "\n")
    texts = [p.text() for p in loaded.problems]
    assert (
        texts.count("aliases like '*a0' are not allowed in a profile; write the value in full") == 9
    )
    assert len(texts) == 10 + 81  # each anchor and each alias, once
    assert loaded.data is not None
    assert loaded.data["a9"] == [None] * 9  # never expanded


def test_a_python_tag_is_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    loaded = load(tmp_path, f'name: !!python/object/apply:os.system ["touch {marker}"]\n')
    assert not marker.exists()
    assert loaded.data == {"name": None}
    assert said(loaded) == [
        (
            1,
            7,
            "'!!python/object/apply:os.system' is not allowed in a profile; "
            "remove it and write the value plainly",
            "name",
        )
    ]


@pytest.mark.parametrize(
    "content",
    # libyaml's composer recurses: 90,000 levels (within the size limit) would crash it.
    [
        "a: " + "[" * 90_000 + "]" * 90_000,
        "a:\n" + "- " * 90_000 + "x\n",
        "a: " + "{b: " * 30 + "1" + "}" * 30,
    ],
    ids=["flow", "block", "shallow-but-too-deep"],
)
def test_deep_nesting_is_refused_quickly(tmp_path: Path, content: str) -> None:
    loaded = load(tmp_path, content)
    assert [p.text() for p in loaded.problems] == [
        "the fields are nested more than 20 levels deep; a profile needs only 3"
    ]


def test_a_huge_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.yml"
    with path.open("wb") as f:
        f.truncate(10 * 1024 * 1024)
    loaded = load_provider(path, "huge.yml", max_bytes=LIMIT)
    assert said(loaded) == [
        (1, 1, "the file is 10486 KB, more than the limit of 200 KB; is it the right file?", "")
    ]


def test_missing_files_folders_and_pipes_are_problems(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.yml")
    (tmp_path / "folder.yml").mkdir()
    for name, text in [
        ("gone.yml", "the file cannot be found; check its name and folder"),
        ("pipe.yml", "this is not a file; give the path of a .yml file"),
        ("folder.yml", "this is not a file; give the path of a .yml file"),
    ]:
        loaded = load_provider(tmp_path / name, name, max_bytes=LIMIT)
        assert [p.text() for p in loaded.problems] == [text]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("summary: Care you can trust: in Flint\n", (1, 28)),
        ("a:\n  b: 1\n c: 2\n", (3, 2)),
        ('a: "never closed\nb: 1\nc: "x"\n', (1, 4)),
        ("a: 'Gwen's care'\n", (1, 10)),
        ("a: [1, 2\nb: 3\n", (1, 4)),
        ("a: 1\n---\nb: 2\n", (2, 1)),
        ("a: @home\n", (1, 4)),
    ],
    ids=["colon", "indent", "unclosed", "apostrophe", "bracket", "two-documents", "reserved"],
)
def test_syntax_errors_point_at_the_mistake(
    tmp_path: Path, content: str, expected: tuple[int, int]
) -> None:
    loaded = load(tmp_path, content)
    assert loaded.data is None
    assert [(p.line, p.column) for p in loaded.problems] == [expected]
    assert "YAML cannot read this line" not in loaded.problems[0].text()  # each has plain advice


def test_no_input_makes_the_loader_raise(tmp_path: Path) -> None:
    """Cut a real profile at every point and flip bytes: always Problems, never an exception."""
    text = (Path(__file__).parent / "fixtures/providers/valid/cartref-care.yml").read_bytes()
    for cut in range(0, len(text), 7):
        for variant in (
            text[:cut],
            text[:cut] + b"\xff" + text[cut + 1 :],
            text[:cut] + b"[" + text[cut:],
        ):
            loaded = load(tmp_path, variant)
            assert loaded.data is not None or loaded.problems


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            'name: "Bryn\\x1b[2K Care"\n',
            (1, 12, "there is an invisible control character (U+001B) here; delete it"),
        ),
        (
            'name: "Bryn\\e Care"\n',
            (1, 12, "there is an invisible control character (U+001B) here; delete it"),
        ),
        (
            'name: "Bryn\\0"\n',
            (1, 12, "there is an invisible control character (U+0000) here; delete it"),
        ),
        (
            'name: "Bryn\\x7f"\n',
            (1, 12, "there is an invisible control character (U+007F) here; delete it"),
        ),
        (
            'name: "Bryn\\N"\n',
            (1, 12, "there is an invisible control character (U+0085) here; delete it"),
        ),
        (
            'name: "Bryn\\x9b"\n',
            (1, 12, "there is an invisible control character (U+009B) here; delete it"),
        ),
        (
            'name: "Bryn\\t Care"\n',
            (1, 12, "there is an invisible control character (U+0009) here; delete it"),
        ),
        (
            'name: "Bryn\\r Care"\n',
            (1, 12, "there is an invisible control character (U+000D) here; delete it"),
        ),
        (
            'name: "Bryn \\u202eeraC"\n',
            (
                1,
                13,
                "there is an invisible character (U+202E) here that changes the direction "
                "of the text around it; delete it",
            ),
        ),
        (
            'name: "Bryn \\u2066Care"\n',
            (
                1,
                13,
                "there is an invisible character (U+2066) here that changes the direction "
                "of the text around it; delete it",
            ),
        ),
        (
            'summary: "One\\LTwo"\n',
            (
                1,
                14,
                "there is an invisible line or paragraph separator (U+2028) here; delete it, "
                "and use an ordinary line break if one is needed",
            ),
        ),
        (
            'summary: "One\\u2029Two"\n',
            (
                1,
                14,
                "there is an invisible line or paragraph separator (U+2029) here; delete it, "
                "and use an ordinary line break if one is needed",
            ),
        ),
        (
            'name: "Bryn\\uFFFE"\n',
            (1, 12, "there is a character here (U+FFFE) that is not allowed in text; delete it"),
        ),
        (
            'areas:\n  - mold\n  - "fl\\u0007int"\n',
            (3, 8, "there is an invisible control character (U+0007) here; delete it"),
        ),
        (
            'description: "First line,\n  second line \\x1b[31m red"\n',
            (2, 15, "there is an invisible control character (U+001B) here; delete it"),
        ),
    ],
    ids=[
        "x-escape",
        "e-escape",
        "nul",
        "del",
        "nel",
        "c1",
        "tab",
        "return",
        "bidi-override",
        "bidi-isolate",
        "line-separator",
        "paragraph-separator",
        "noncharacter",
        "list-item",
        "second-line",
    ],
)
def test_characters_written_as_yaml_escapes_are_refused_where_they_are_written(
    tmp_path: Path, content: str, expected: tuple[int, int, str]
) -> None:
    loaded = load(tmp_path, content)
    assert [(line, column, text) for line, column, text, _ in said(loaded)] == [expected]
    assert loaded.flagged  # no later stage reports the same value again


def test_an_escaped_backslash_is_not_an_escape(tmp_path: Path) -> None:
    loaded = load(tmp_path, 'name: "Bryn \\\\x1b Care"\n')
    assert loaded.problems == []
    assert loaded.data == {"name": "Bryn \\x1b Care"}


def test_a_field_name_with_an_escaped_control_character_is_refused(tmp_path: Path) -> None:
    loaded = load(tmp_path, 'name: Bryn\n"sum\\x1bmary": Care\n')
    assert said(loaded) == [
        (2, 5, "there is an invisible control character (U+001B) here; delete it", "")
    ]
    assert loaded.data == {"name": "Bryn"}


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("name: Bryn \u202eeraC\n", (1, 12, "U+202E")),
        ("name: Bryn\u2028Care\n", (1, 11, "U+2028")),
        ("name: Bryn\nsummary: Bryn\u2029Care\n", (2, 14, "U+2029")),
        ("name: Bryn\x85Care\n", (1, 11, "U+0085")),
        ("name: Bryn\rstaff: 1\n", (1, 11, "U+000D")),
    ],
    ids=["bidi", "line-separator", "paragraph-separator", "next-line", "lone-return"],
)
def test_invisible_characters_in_the_file_are_refused_before_yaml_reads_it(
    tmp_path: Path, content: str, expected: tuple[int, int, str]
) -> None:
    loaded = load(tmp_path, content)
    assert loaded.data is None
    line, column, char_code = expected
    assert [(p.line, p.column, dict(p.args)["code"]) for p in loaded.problems] == [
        (line, column, char_code)
    ]


def test_lines_are_counted_as_editors_count_them(tmp_path: Path) -> None:
    # YAML (and str.splitlines) also break lines at U+2028, U+0085, \x1c-\x1e
    # and a lone return; GitHub's editor does not, so neither do we.
    content = "name: Bryn\u2028Care\nsummary: x\x1cy\x1dz\nstaff:\t1\n"
    assert [(p.line, p.column) for p in load(tmp_path, content).problems] == [(1, 11), (3, 7)]


def test_values_are_normalised_to_nfc(tmp_path: Path) -> None:
    loaded = load(tmp_path, 'name: "Ty\\u0302 Twt"\nsummary: Tŷ Twt\n')
    assert loaded.problems == []
    assert loaded.data == {"name": "T\u0177 Twt", "summary": "T\u0177 Twt"}


def test_a_file_of_very_many_values_is_refused_before_it_is_read(tmp_path: Path) -> None:
    loaded = load(tmp_path, "name: Bryn\nareas:\n" + "  - a\n" * 25_000)
    assert loaded.data is None
    assert said(loaded) == [
        (
            19_997,
            5,
            "the file has more than 20000 values by this line, and a whole profile has about "
            "300; is it the right file?",
            "",
        )
    ]
