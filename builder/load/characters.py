"""Characters that no value in a profile may hold, however they were written.

``yaml_syntax`` refuses these characters in the file before YAML reads it.
A YAML escape in double quotes ("\\x1b", "\\u202e") becomes its character
only once YAML has read it, so ``yaml_nodes`` checks every value again after
YAML has unescaped it. Staff cannot see any of these in GitHub's web editor,
and some of them change what a page or a terminal shows: a right-to-left
override reverses the text after it, an escape sequence can erase a line of
``check``'s output, and XML (the Atom feed) cannot hold a control character.
"""

from __future__ import annotations

import re

from builder.i18n import N_

# Control characters, except the line break: C0, DEL and C1 (with U+0085,
# which YAML reads as a line break).
_CONTROLS = "\x00-\x09\x0b-\x1f\x7f-\x9f"
# Bidirectional embeddings, overrides and isolates: they reorder the text around them.
_BIDI = "\u202a-\u202e\u2066-\u2069"
# YAML reads these as line breaks; editors and GitHub do not show them at all.
_SEPARATORS = "\u2028\u2029"
# Not characters at all: lone surrogates and Unicode's noncharacters.
_NOT_TEXT = "\ud800-\udfff\ufdd0-\ufdef" + "".join(
    chr(plane + 0xFFFE) + chr(plane + 0xFFFF) for plane in range(0, 0x110000, 0x10000)
)

#: Characters refused in every value, found after YAML has unescaped it.
FORBIDDEN = re.compile(f"[{_CONTROLS}{_BIDI}{_SEPARATORS}{_NOT_TEXT}]")
#: The same, in the text of a file: tabs are reported on their own, and the
#: return of a Windows line ending is fine.
FORBIDDEN_IN_FILE = re.compile(
    f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{_BIDI}{_SEPARATORS}{_NOT_TEXT}]|\r(?!\n)"
)

#: Characters that show nothing, refused in names and contact details, where
#: they would make a look-alike of another name, address or number: Unicode's
#: format characters (zero-width spaces and joiners, direction marks, the soft
#: hyphen, the byte order mark, tags), the Hangul fillers and the combining
#: grapheme joiner. test_characters checks this list against Unicode's data.
INVISIBLE = re.compile(
    "[\u00ad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u115f\u1160\u180e"
    "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufeff\ufff9-\ufffb\uffa0"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f]"
)


def code(char: str) -> str:
    """A character's Unicode code point as people look it up: ``U+202E``."""
    return f"U+{ord(char):04X}"


def forbidden_message(char: str) -> str:
    """The message for a character in ``FORBIDDEN``; it has a ``{code}`` placeholder."""
    if re.fullmatch(f"[{_BIDI}]", char):
        return N_(
            "there is an invisible character ({code}) here that changes the direction "
            "of the text around it; delete it"
        )
    if char in _SEPARATORS:
        return N_(
            "there is an invisible line or paragraph separator ({code}) here; delete it, "
            "and use an ordinary line break if one is needed"
        )
    if re.fullmatch(f"[{_NOT_TEXT}]", char):
        return N_("there is a character here ({code}) that is not allowed in text; delete it")
    return N_("there is an invisible control character ({code}) here; delete it")


def visible(text: str) -> str:
    """``text`` with every character that does not print written as an escape (``\\x1b``).

    For echoing a profile's text back to staff: a terminal or a pull-request
    annotation then shows exactly what is in the file, and nothing in it can
    move the cursor, change colours or reverse the line.
    """
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else _escape(char) for char in text)


def _escape(char: str) -> str:
    number = ord(char)
    if number < 0x100:
        return f"\\x{number:02x}"
    return f"\\u{number:04x}" if number < 0x10000 else f"\\U{number:08x}"
