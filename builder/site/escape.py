"""Provider text made safe for the place it lands: the one module that escapes.

A profile's values are untrusted text, never markup. Each function here
takes text and returns it safe for one context, and every template and
writer uses these, so that a reader can find every place where provider
text becomes output:

- ``html``: HTML text and attribute values (Jinja's autoescape does the same
  for ``{{ value }}``; ``Markup`` marks what is already safe).
- ``meta``: a page's front matter. Themes print ``title`` and
  ``description`` into HTML unescaped (Material does), so the value is
  HTML-escaped and then written as a YAML double-quoted string.
- ``markdown_inline``: text inside a Markdown line (a heading): every ASCII
  punctuation mark becomes a character reference, so no Markdown engine or
  extension can read syntax in it.
- ``script_json``: JSON inside ``<script>``: ``</script>`` cannot end it.
- ``xml_text``: XML text (the Atom feed): also drops what XML 1.0 forbids.
- ``csv_cell``: a spreadsheet cell that no spreadsheet runs as a formula.
- ``mailto``, ``tel``, ``web_url``: link targets built by code, never pasted.
"""

from __future__ import annotations

import json
import re
import string
from typing import Any
from urllib.parse import quote, urlsplit

import yaml
from markupsafe import Markup, escape

# ASCII punctuation is every character Markdown, attr_list and the common
# extensions give a meaning to: each becomes a numeric character reference,
# which every Markdown engine passes through and every browser shows as the
# character itself.
_PUNCTUATION = {ord(c): f"&#{ord(c)};" for c in string.punctuation}
# Characters XML 1.0 does not allow, even as character references.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# A cell starting with one of these is a formula to Excel, LibreOffice or Sheets.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def plain(value: Any) -> str:
    """The text of ``value``: Markup (already escaped) is turned back into text."""
    return value.unescape() if isinstance(value, Markup) else str(value)


def html(value: Any) -> Markup:
    """Text for HTML, in an element or a quoted attribute; Markup passes unchanged."""
    return escape(value)


def meta(value: Any) -> Markup:
    """A front-matter value that a theme prints into HTML unescaped.

    The result is one YAML double-quoted scalar on one line: a YAML dumper
    escapes line breaks, quotes and invisible characters, so no value can
    end the front matter or add a field. Its content is HTML-escaped text.
    """
    text = str(html(value))
    dumped = yaml.dump(
        text, Dumper=yaml.SafeDumper, default_style='"', allow_unicode=True, width=1 << 30
    )
    return Markup(dumped.removesuffix("\n").removesuffix("\n..."))


def markdown_inline(value: Any) -> Markup:
    """Text for one line of Markdown (a heading), shown literally by any engine."""
    return Markup(" ".join(plain(value).split()).translate(_PUNCTUATION))


def script_json(value: Any) -> Markup:
    """JSON to put inside ``<script>``: ``<``, ``>`` and ``&`` as ``\\u`` escapes.

    A ``</script>`` or ``<!--`` in any string cannot end or change the
    script, and U+2028 and U+2029 are escaped for older JavaScript parsers.
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, code)
    return Markup(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def xml_text(value: Any) -> Markup:
    """Text for XML, in an element or a quoted attribute; XML 1.0's forbidden
    characters (which ``check`` refuses anyway) become U+FFFD."""
    return escape(_NOT_XML.sub("\ufffd", plain(value)))


def csv_cell(value: Any) -> str:
    """A CSV cell that a spreadsheet shows as text: a leading ``=``, ``+``,
    ``-``, ``@``, tab or line break gets an apostrophe in front (OWASP's advice).

    Numbers are passed as numbers, so a price such as -1 is never a string.
    """
    if value is None:
        return ""
    if isinstance(value, bool | int | float):
        return str(value)
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def mailto(address: str) -> str:
    """A ``mailto:`` link for a checked, plain email address.

    Anything but the address itself (``?cc=``, ``&body=``) is percent-encoded,
    so a link can never pre-fill a message.
    """
    return "mailto:" + quote(address, safe="@.+-_")


def tel(e164: str) -> str:
    """A ``tel:`` link for a number in E.164 form (+441632960001): digits only."""
    digits = "".join(c for c in e164 if c.isdigit())
    return f"tel:+{digits}"


def web_url(url: str) -> str:
    """An https address from a checked profile, as a link target; anything else is refused."""
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname or parts.username or parts.password:
        raise ValueError(f"not a plain https address: {url!r}")
    return quote(url, safe=":/?#[]@!$&'()*+,;=%~-._")
