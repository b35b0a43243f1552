"""What git knows about the profiles: when each last changed, and what changed.

The history is read from git's structure, never from the text of a diff: a
profile can hold any text, including lines that look like a diff's header,
and none of it may announce a change to another provider. So:

1. one ``git log --raw -z`` lists, for each commit, the profiles it added,
   changed or deleted, with the blob ids of their old and new versions; only
   files directly in ``providers/`` (the ones ``check`` sees) count;
2. one ``git cat-file --batch`` hands over every version once, and each is
   read with the loader ``check`` uses (no tags, no aliases, nothing run);
3. the change is decided by comparing the parsed values of the two versions:
   newly published, newly withdrawn, or a new availability status.

Outside a git checkout (a downloaded zip, say) there is no history: the
build still works and the pages simply leave the dates out.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from builder.load.profile import load_bytes

_COMMIT = "\x1e"  # starts each commit's line in the log
_NO_BLOB = "0" * 40
_ENVIRONMENT = {**os.environ, "GIT_OPTIONAL_LOCKS": "0"}  # read-only: never write the index


@dataclass(frozen=True, order=True)
class Change:
    """One change to one profile that the Recent changes page reports."""

    date: dt.date
    commit: str
    slug: str
    kind: str  # "listed", "availability" or "withdrawn"
    status: str = ""  # the new availability status, for "availability"


@dataclass(frozen=True)
class History:
    """Dates of the last change to each profile, and the notable changes, newest first."""

    last_updated: dict[str, dt.date]
    changes: tuple[Change, ...]


EMPTY = History(last_updated={}, changes=())


@dataclass(frozen=True)
class _Touch:
    """One profile added or changed by one commit: its old and new versions' blob ids."""

    commit: str
    date: dt.date
    slug: str
    old: str
    new: str


@dataclass(frozen=True)
class _Facts:
    """What the Recent changes page needs from one version of a profile."""

    published: bool
    withdrawn: bool
    status: str


def read_history(root: Path, folder: str = "providers", *, max_bytes: int = 200_000) -> History:
    """Read the git history of the profiles in ``root/folder``; EMPTY when there is none.

    Versions larger than ``max_bytes`` (check's limit) are not read.
    """
    try:
        touches = list(_touches(_git_log(root, folder), folder))
        facts = _read_versions(root, {t.new for t in touches} | {t.old for t in touches}, max_bytes)
    except (OSError, subprocess.CalledProcessError, ValueError):
        return EMPTY
    last_updated: dict[str, dt.date] = {}
    changes: list[Change] = []
    for touch in touches:  # the newest commit comes first
        last_updated.setdefault(touch.slug, touch.date)
        change = _notable(facts.get(touch.old), facts.get(touch.new))
        if change:
            changes.append(Change(touch.date, touch.commit, touch.slug, *change))
    return History(last_updated=last_updated, changes=tuple(changes))


def _git_log(root: Path, folder: str) -> str:
    # ":(glob)" makes "*" stop at "/", so files in subfolders are left out.
    pathspecs = [f":(glob){folder}/*.yml", f":(glob){folder}/*.yaml"]
    return subprocess.run(
        [
            "git",
            "log",
            "-z",
            "--raw",
            "--no-abbrev",
            "--no-renames",
            "--no-color",
            f"--format={_COMMIT}%H %cs",
            "--end-of-options",
            "HEAD",
            "--",
            *pathspecs,
        ],
        cwd=root,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="surrogateescape",
        check=True,
        env=_ENVIRONMENT,
        stdin=subprocess.DEVNULL,
    ).stdout


def _touches(log: str, folder: str) -> Iterator[_Touch]:
    """Each profile each commit added or changed, from ``git log -z --raw`` output.

    The log is a list of NUL-separated fields: a commit's line, then for each
    file its ":mode mode old new status" field and its path. A path is taken
    only from the field after a status, so no file name can pass for a commit.
    """
    fields = iter(log.split("\0"))
    commit, date = "", dt.date.min
    for field in fields:
        field = field.lstrip("\n")
        if field.startswith(_COMMIT):
            commit, day = field[1:].split(" ")
            date = dt.date.fromisoformat(day)
        elif field.startswith(":"):
            _, _, old, new, status = field.split(" ")
            path = next(fields, "")
            slug = _slug(path, folder)
            if slug and status in ("A", "M") and commit:
                yield _Touch(commit, date, slug, old, new)


def _slug(path: str, folder: str) -> str:
    """The slug of a profile directly in ``folder`` ("providers/bryn-care.yml"), else ""."""
    found = re.fullmatch(rf"{re.escape(folder)}/([^/]+)\.ya?ml", path)
    return found.group(1) if found else ""


def _read_versions(root: Path, blobs: Iterable[str], max_bytes: int) -> dict[str, _Facts]:
    """The facts of each blob that is a readable profile, by blob id: one git process."""
    wanted = sorted(blob for blob in blobs if blob != _NO_BLOB)
    process = subprocess.Popen(
        ["git", "cat-file", "--batch"],
        cwd=root,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=_ENVIRONMENT,
    )
    assert process.stdin is not None and process.stdout is not None
    # Write the ids while reading the answers, so neither pipe fills up and blocks.
    writer = threading.Thread(target=_ask, args=(process.stdin, wanted), daemon=True)
    writer.start()
    facts: dict[str, _Facts] = {}
    try:
        for blob in wanted:
            content = _answer(process.stdout, blob, max_bytes)
            found = _facts(content, blob) if content is not None else None
            if found:
                facts[blob] = found
    finally:
        process.stdout.close()
        writer.join()
        process.wait()
    return facts


def _ask(stdin: IO[bytes], blobs: list[str]) -> None:
    try:
        for blob in blobs:
            stdin.write(f"{blob}\n".encode())
        stdin.close()
    except OSError:  # git stopped early; the reader reports it
        pass


def _answer(stdout: IO[bytes], blob: str, max_bytes: int) -> bytes | None:
    """The content of the next answer from ``git cat-file --batch``; None if it is no profile."""
    header = stdout.readline().decode("ascii", "replace").split()
    if len(header) != 3 or header[0] != blob:  # "<id> missing", or git stopped
        if header[-1:] == ["missing"]:
            return None
        raise ValueError(f"unexpected answer from git cat-file: {header}")
    size = int(header[2])
    content = stdout.read(size)
    stdout.read(1)  # the newline after each object
    return content if header[1] == "blob" and size <= max_bytes else None


def _facts(content: bytes, blob: str) -> _Facts | None:
    data = load_bytes(content, blob, max_bytes=len(content)).data
    if data is None:
        return None
    availability: Any = data.get("availability")
    status = availability.get("status") if isinstance(availability, dict) else None
    return _Facts(
        published=data.get("published") is True,
        withdrawn="withdrawn" in data,
        status=status if isinstance(status, str) else "",
    )


def _notable(before: _Facts | None, after: _Facts | None) -> tuple[str, str] | None:
    """What a family would want to hear about this change to one profile.

    One change per profile per commit, the most important first: a
    withdrawal, then a new listing, then a new availability status.
    """
    if after is None:
        return None
    if after.withdrawn and not (before and before.withdrawn):
        return ("withdrawn", "")
    if after.published and not (before and before.published):
        return ("listed", "")
    if after.status and after.status != (before.status if before else ""):
        return ("availability", after.status)
    return None
