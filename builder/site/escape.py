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
- ``markdown_url``, ``markdown_link``: a link in hand-written Markdown to an
  address from ``data/`` (the council's pages, its email and phone).
- ``json_file``, ``csv_table``: the open data's JSON documents and CSV files.
"""

from __future__ import annotations

import csv
import io
import json
import re
import string
from collections.abc import Iterable, Mapping, Sequence
from typing import Any
from urllib.parse import quote, urlsplit

from markupsafe import Markup, escape

# ASCII punctuation is every character Markdown, attr_list and the common
# extensions give a meaning to: each becomes a numeric character reference,
# which every Markdown engine passes through and every browser shows as the
# character itself.
_PUNCTUATION = {ord(c): f"&#{ord(c)};" for c in string.punctuation}
# Characters a YAML double-quoted scalar reads as line breaks (U+0085, U+2028,
# U+2029) or does not allow unescaped (DEL, C1 controls, BOM, non-characters).
_NOT_YAML = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")
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
    # A JSON string is a YAML double-quoted scalar, once the characters YAML
    # reads as line breaks or refuses (but JSON leaves as they are) are escaped.
    quoted = json.dumps(str(html(value)), ensure_ascii=False)
    return Markup(_NOT_YAML.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted))


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


def mailto(address: str, subject: str = "", body: str = "") -> str:
    """A ``mailto:`` link for a checked, plain email address, optionally with a message.

    Anything but the address itself (``?cc=``, ``&body=``) is percent-encoded,
    so text in the address can never pre-fill a message. ``subject`` and
    ``body`` (which may hold provider text) are percent-encoded whole, every
    reserved character included, so they cannot add a recipient or a header;
    line breaks become CRLF, as RFC 6068 asks.
    """
    link = "mailto:" + quote(address, safe="@.+-_")
    fields = [(name, text) for name, text in (("subject", subject), ("body", body)) if text]
    if fields:
        link += "?" + "&".join(f"{name}={quote(_crlf(text), safe='')}" for name, text in fields)
    return link


def _crlf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\r\n")


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


def markdown_url(target: str) -> str:
    """A link target (a ``mailto:``, ``tel:`` or https address built above) for a
    Markdown link destination: the characters that could end it are percent-encoded."""
    for char, code in (("(", "%28"), (")", "%29"), (" ", "%20"), ("<", "%3C"), (">", "%3E")):
        target = target.replace(char, code)
    return target


def markdown_link(text: str, target: str) -> Markup:
    """``[text](target)`` for a Markdown page: the text shown literally (``markdown_inline``)."""
    return Markup(f"[{markdown_inline(text)}]({markdown_url(target)})")


def json_file(value: Any) -> str:
    """A JSON document published as a file (the open data): UTF-8, keys sorted.

    JSON's own escapes are all a file needs: a quote, a backslash or a line
    break in provider text becomes an escape, so every text reads back as
    exactly the same text. Sorted keys and a fixed indent make the same data
    give the same bytes, so consumers can compare two versions line by line.
    """
    return json.dumps(value, ensure_ascii=False, sort_keys=True, indent=2) + "\n"


def csv_table(columns: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> str:
    """A CSV file: a header row, then one row per mapping, missing cells empty.

    RFC 4180 (commas, double quotes doubled, CRLF line ends), as the Frictionless
    data package's default dialect expects; every cell goes through
    ``csv_cell``, so no spreadsheet runs a formula.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([csv_cell(row.get(column)) for column in columns])
    return out.getvalue()
