"""Read one profile file: bytes -> text -> YAML nodes -> plain values + a source map.

This stage knows nothing of the schema. It catches the YAML traps that a
schema cannot see, because by the time values reach the schema the trap has
already changed them: ``yes`` has become true, ``01632`` a number, and a
duplicate key has silently replaced the first. So we compose the node tree
(``yaml.compose``) and construct the values ourselves, which also gives every
value its line and column. Nothing here raises on bad input: every failure
is a Problem.

This module reads the bytes as text; ``yaml_syntax`` parses the text into
nodes, and ``yaml_nodes`` turns the nodes into values and a ``SourceMap``.
"""

from __future__ import annotations

import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from builder.i18n import N_
from builder.load.source_map import FieldPath, SourceMap
from builder.load.yaml_nodes import Expects, read_values
from builder.problems import Problem, problem


@dataclass(frozen=True)
class Loaded:
    """One profile as read: plain values (None if unreadable), where they are, and problems.

    ``flagged`` holds the paths of values that already have a problem, so
    that later stages do not report the same value twice.
    """

    data: dict[str, Any] | None
    source: SourceMap
    problems: list[Problem]
    flagged: frozenset[FieldPath] = frozenset()


def load_provider(
    path: Path, display: str, *, max_bytes: int, expects: Expects | None = None
) -> Loaded:
    """Read the profile at ``path``, naming it ``display`` in problems. Never raises.

    ``expects`` tells the loader what type the schema wants at a path, so
    that a trap such as ``yes`` gets the advice that fits its field.
    """
    raw = _read_bytes(path, display, max_bytes)
    if isinstance(raw, Problem):
        return Loaded(None, SourceMap(), [raw])
    return load_bytes(raw, display, max_bytes=max_bytes, expects=expects)


def load_bytes(
    raw: bytes, display: str, *, max_bytes: int, expects: Expects | None = None
) -> Loaded:
    """Read a profile from its bytes (a file, or a version of one in git). Never raises."""
    text = _decode(raw, display, max_bytes)
    if isinstance(text, Problem):
        return Loaded(None, SourceMap(), [text])
    data, source, problems, flagged = read_values(text, display, expects or (lambda _path: None))
    return Loaded(data, source, problems, flagged)


def _read_bytes(path: Path, display: str, max_bytes: int) -> bytes | Problem:
    """The file's bytes, up to one more than ``max_bytes``; a Problem if it cannot be read."""
    try:
        info = path.stat()
        # Only regular files: reading a pipe or a device could hang forever.
        if not stat.S_ISREG(info.st_mode):
            return problem(display, 1, 1, N_("this is not a file; give the path of a .yml file"))
        if info.st_size > max_bytes:
            return _too_big(display, info.st_size, max_bytes)
        with path.open("rb") as f:
            return f.read(max_bytes + 1)
    except FileNotFoundError:
        return problem(display, 1, 1, N_("the file cannot be found; check its name and folder"))
    except PermissionError:
        return problem(display, 1, 1, N_("you do not have permission to read this file"))
    except OSError:
        return problem(display, 1, 1, N_("the file cannot be read; try copying it again"))


def _too_big(display: str, size: int, max_bytes: int) -> Problem:
    message = N_("the file is {size} KB, more than the limit of {limit} KB; is it the right file?")
    return problem(display, 1, 1, message, size=-(-size // 1000), limit=max_bytes // 1000)


def _decode(raw: bytes, display: str, max_bytes: int) -> str | Problem:
    if len(raw) > max_bytes:
        return _too_big(display, len(raw), max_bytes)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return problem(display, 1, 1, N_("the file is saved as UTF-16; save it as UTF-8"))
    if b"\x00" in raw:
        message = N_("this is not a text file; a profile must be text saved as UTF-8")
        return problem(display, 1, 1, message)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line_start = raw.rfind(b"\n", 0, error.start) + 1
        column = len(raw[line_start : error.start].decode("utf-8", "replace")) + 1
        message = N_("this line has a character that is not UTF-8; save the file as UTF-8")
        return problem(display, raw.count(b"\n", 0, error.start) + 1, column, message)
