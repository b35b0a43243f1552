"""Which profiles have changed since a git commit: for ``check --changed BASE``.

A profile has changed if ``git diff --merge-base BASE`` lists it (changes
since the branch left BASE, committed or not, so a pull request against
``origin/main`` sees only its own changes), or if it is a new file that git
does not track yet. Deleted files are left out: there is nothing to check.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable
from pathlib import Path

from builder.i18n import N_


class GitError(Exception):
    """git could not say what changed: ``message`` is an N_() template, ``values`` fill it."""

    def __init__(self, message: str, **values: str) -> None:
        super().__init__(message.format(**values))
        self.message, self.values = message, values


def changed_files(base: str, folders: Iterable[Path]) -> set[Path]:
    """The files in ``folders`` (resolved) that differ from ``base`` or are untracked."""
    changed: set[Path] = set()
    for folder in sorted(set(folders)):
        diff = ["diff", "--merge-base", "--name-only", "--relative", "-z", "--diff-filter=d"]
        untracked = ["ls-files", "--others", "--exclude-standard", "-z"]
        for command in ([*diff, base, "--", "."], [*untracked, "--", "."]):
            for name in _git(folder, command, base):
                changed.add((folder / name).resolve())
    return changed


def _git(folder: Path, command: list[str], base: str) -> list[str]:
    try:
        done = subprocess.run(
            ["git", *command], cwd=folder, capture_output=True, check=False, timeout=60
        )
    except FileNotFoundError:
        raise GitError(N_("git is not installed, so --changed cannot work; install git")) from None
    if done.returncode != 0:
        reason = os.fsdecode(done.stderr).strip().splitlines()
        raise GitError(
            N_("git cannot compare with '{base}': {reason}"),
            base=base,
            reason=reason[0] if reason else "",
        )
    return [os.fsdecode(name) for name in done.stdout.split(b"\0") if name]
