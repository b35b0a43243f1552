"""What git knows about the profiles: when each last changed, and what changed.

One ``git log`` over providers/ gives both, so the build asks git once.
Outside a git checkout (a downloaded zip, say) there is no history: the
build still works and the pages simply leave the dates out.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

# Lines a diff adds that mark the changes families care about. Profiles are
# written one field per line (the scaffold and the guide do so), which is
# what these match; anything else still counts as an update.
_LISTED = re.compile(r"^\+published:\s*true\s*$")
_STATUS = re.compile(r"^\+\s+status:\s*([a-z-]+)\s*$")
_WITHDRAWN = re.compile(r"^\+withdrawn:")
_COMMIT = "\x1e"  # record separator: starts each commit in the log


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


def read_history(root: Path, folder: str = "providers") -> History:
    """Read the git history of ``root/folder``; EMPTY when there is none."""
    try:
        log = subprocess.run(
            [
                "git",
                "log",
                f"--format={_COMMIT}%H %cs",
                "-p",
                "--unified=0",
                "--no-color",
                "--no-renames",
                "--",
                f"{folder}/*.yml",
                f"{folder}/*.yaml",
            ],
            cwd=root,
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return EMPTY
    return parse_log(log)


def parse_log(log: str) -> History:
    """Turn ``git log -p`` output (as ``read_history`` asks for it) into a History."""
    last_updated: dict[str, dt.date] = {}
    changes: list[Change] = []
    for record in log.split(_COMMIT)[1:]:
        header, _, body = record.partition("\n")
        commit, day = header.split()
        date = dt.date.fromisoformat(day)
        for slug, lines in _files(body):
            last_updated.setdefault(slug, date)  # the newest commit comes first
            change = _notable(lines)
            if change:
                changes.append(Change(date, commit, slug, *change))
    return History(last_updated=last_updated, changes=tuple(changes))


def _files(body: str) -> list[tuple[str, list[str]]]:
    """Split one commit's diff into (slug, added lines) for each file it changed."""
    files: list[tuple[str, list[str]]] = []
    for line in body.splitlines():
        if line.startswith("+++ "):
            path = line[4:]
            slug = "" if path == "/dev/null" else path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
            files.append((slug, []))
        elif files and line.startswith("+"):
            files[-1][1].append(line)
    return [(slug, lines) for slug, lines in files if slug]


def _notable(lines: list[str]) -> tuple[str, str] | None:
    """What a family would want to hear about this change to one profile.

    One change per profile per commit, the most important first: a
    withdrawal, then a new listing, then a new availability status.
    """
    if any(_WITHDRAWN.match(line) for line in lines):
        return ("withdrawn", "")
    if any(_LISTED.match(line) for line in lines):
        return ("listed", "")
    for line in lines:
        if status := _STATUS.match(line):
            return ("availability", status.group(1))
    return None
