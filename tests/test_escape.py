"""Each escaping function, on the text an attacker would choose for its context."""

from __future__ import annotations

import json
import string
import xml.etree.ElementTree as ET

import markdown
import pytest
import yaml
from markupsafe import Markup

from builder.site import escape

NASTY = "Hope & Help\" onmouseover='x' <script>alert(1)</script> *bold* [a](b) {: #id } `c` #"


def test_html_escapes_every_character_that_can_end_text_or_an_attribute() -> None:
    assert str(escape.html(NASTY)) == (
        "Hope &amp; Help&#34; onmouseover=&#39;x&#39; &lt;script&gt;alert(1)&lt;/script&gt; "
        "*bold* [a](b) {: #id } `c` #"
    )
    assert escape.html(Markup("<b>ours</b>")) == Markup("<b>ours</b>")


@pytest.mark.parametrize(
    "value",
    [
        NASTY,
        'x"\nhttp-equiv: refresh',
        "a\n---\nscript: <img src=//evil.example>",
        "\x7f\x85\u2028\u2029\x1b[2J",
        "'single' and \"double\" and \\ backslash",
    ],
)
def test_meta_is_one_yaml_string_holding_html_escaped_text(value: str) -> None:
    written = str(escape.meta(value))
    assert "\n" not in written
    front_matter = yaml.safe_load(f"title: {written}\nsecond: field\n")
    assert front_matter == {"title": str(escape.html(value)), "second": "field"}


def test_meta_does_not_escape_markup_twice() -> None:
    assert yaml.safe_load(str(escape.meta(Markup("Hope &amp; Help")))) == "Hope &amp; Help"


@pytest.mark.parametrize("extensions", [[], ["attr_list", "toc", "admonition"]])
def test_markdown_inline_is_shown_as_literal_text_by_markdown(extensions: list[str]) -> None:
    line = "# " + escape.markdown_inline(NASTY + " " + string.punctuation)
    html = markdown.markdown(line, extensions=extensions)
    root = ET.fromstring(html)
    assert root.tag == "h1" and list(root) == []  # no element was added
    assert "".join(root.itertext()) == NASTY + " " + string.punctuation
    assert set(root.attrib) <= {"id"}


def test_markdown_inline_keeps_one_line() -> None:
    assert "\n" not in escape.markdown_inline("one\ntwo\r\nthree")


def test_script_json_cannot_end_the_script_and_reads_back_the_same() -> None:
    value = {"name": "</script><script>alert(1)</script>", "x": "<!-- \u2028 & >"}
    text = str(escape.script_json(value))
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == value


def test_xml_text_drops_what_xml_forbids_and_escapes_the_rest() -> None:
    text = escape.xml_text('a\x00b\x1bc & <d> "e" \ufffe')
    assert str(text) == "a\ufffdb\ufffdc &amp; &lt;d&gt; &#34;e&#34; \ufffd"
    assert ET.fromstring(f"<t a='{text}'>{text}</t>").text == 'a\ufffdb\ufffdc & <d> "e" \ufffd'


@pytest.mark.parametrize("cell", ["=1+1", "+44", "-2", "@SUM(A1)", "\tx", "\rx", "\nx"])
def test_csv_cell_never_starts_a_formula(cell: str) -> None:
    assert escape.csv_cell(cell) == "'" + cell


def test_csv_cell_leaves_ordinary_text_and_numbers_alone() -> None:
    assert escape.csv_cell("Bryn Care") == "Bryn Care"
    assert escape.csv_cell(-1) == "-1"
    assert escape.csv_cell(None) == ""


def test_mailto_cannot_add_recipients_or_a_message() -> None:
    assert escape.mailto("hello@example.org") == "mailto:hello@example.org"
    assert escape.mailto("a@example.org?cc=b@example.org&body=pay") == (
        "mailto:a@example.org%3Fcc%3Db@example.org%26body%3Dpay"
    )


def test_tel_keeps_only_digits() -> None:
    assert escape.tel('+44 1632 960001"><x>') == "tel:+441632960001"


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "http://example.org", "https://user:pw@example.org", "https:///x"],
)
def test_web_url_refuses_anything_but_a_plain_https_address(url: str) -> None:
    with pytest.raises(ValueError):
        escape.web_url(url)


def test_web_url_percent_encodes_spaces_and_quotes() -> None:
    assert escape.web_url('https://example.org/a b"c') == "https://example.org/a%20b%22c"
