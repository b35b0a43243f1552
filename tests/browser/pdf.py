"""Just enough of PDF to read back the text Chromium printed.

Chromium (Skia) writes each font as Type0/Identity-H with a ToUnicode map
and shows text with ``<hex> Tj`` (or ``[...] TJ``) inside BT ... ET blocks.
This reads that, so a test can check what a printed page actually says,
without a PDF library.
"""

from __future__ import annotations

import re
import zlib

_OBJECT = re.compile(rb"(\d+) 0 obj(.*?)endobj", re.S)
_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)
_TEXT_OP = re.compile(rb"/(\w+) [\d.]+ Tf|<([0-9A-Fa-f]*)>\s*Tj|\[(.*?)\]\s*TJ|\bET\b", re.S)


def _stream(body: bytes) -> bytes:
    match = _STREAM.search(body)
    if match is None:
        return b""
    data = match.group(1)
    return zlib.decompress(data) if b"/FlateDecode" in body[: match.start()] else data


def _hex(text: str) -> int:
    return int(text, 16)


def _to_unicode(cmap: bytes) -> dict[int, str]:
    table: dict[int, str] = {}
    text = cmap.decode("latin-1")
    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for src, dst in re.findall(r"<(\w+)>\s*<(\w+)>", block):
            table[_hex(src)] = bytes.fromhex(dst).decode("utf-16-be")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        for low, high, dst in re.findall(r"<(\w+)>\s*<(\w+)>\s*<(\w+)>", block):
            for offset, code in enumerate(range(_hex(low), _hex(high) + 1)):
                table[code] = chr(_hex(dst) + offset)
    return table


def _decode(hex_text: bytes, table: dict[int, str]) -> str:
    codes = hex_text.decode("ascii")
    return "".join(table.get(_hex(codes[i : i + 4]), "") for i in range(0, len(codes), 4))


def pdf_text(data: bytes) -> str:
    """The text of a PDF printed by Chromium, one line per text block."""
    objects = {int(num): body for num, body in _OBJECT.findall(data)}
    fonts: dict[int, dict[int, str]] = {}
    for num, body in objects.items():
        to_unicode = re.search(rb"/ToUnicode (\d+) 0 R", body)
        if to_unicode:
            fonts[num] = _to_unicode(_stream(objects[int(to_unicode.group(1))]))
    lines: list[str] = []
    for body in objects.values():
        if not re.search(rb"/Type /Page\b", body):
            continue
        names = {name.decode(): int(ref) for name, ref in re.findall(rb"/(\w+) (\d+) 0 R", body)}
        contents = re.search(rb"/Contents (?:\[([^\]]*)\]|(\d+) 0 R)", body)
        if contents is None:
            continue
        refs = re.findall(rb"(\d+) 0 R", contents.group(1)) if contents.group(1) else []
        refs = refs or [contents.group(2)]
        table: dict[int, str] = {}
        line = ""
        for ref in refs:
            for op in _TEXT_OP.finditer(_stream(objects[int(ref)])):
                font, single, array = op.group(1), op.group(2), op.group(3)
                if font is not None:
                    table = fonts.get(names.get(font.decode(), -1), {})
                elif single is not None:
                    line += _decode(single, table)
                elif array is not None:
                    line += "".join(_decode(h, table) for h in re.findall(rb"<(\w*)>", array))
                else:
                    lines.append(line)
                    line = ""
    return "\n".join(lines)


def page_count(data: bytes) -> int:
    """How many pages a PDF has (its page objects; the page tree itself is /Pages)."""
    return len(re.findall(rb"/Type /Page\b", data))
