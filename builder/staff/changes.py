"""Which profiles have changed since a git commit: for ``check --changed BASE``.

A profile has changed if ``git diff --merge-base BASE`` lists it (changes
since the branch left BASE, committed or not, so a pull request against
``origin/main`` sees only its own changes), or if it is a new file that git
does not track yet. Deleted files are left out: there is nothing to check.

BASE comes from the command line, so it is never handed to git where git
could read it as an option (``--output=providers/x.yml`` would truncate a
profile): ``git rev-parse --verify --end-of-options BASE^{commit}`` first
turns it into a commit id, or says plainly that it is not one, and only
that id reaches ``git diff``. Every path comes after ``--``, and no command
run here writes a file.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable
from pathlib import Path

from builder.i18n import N_

# Stops git taking optional locks, so a read-only command never writes the index.
_ENVIRONMENT = {**os.environ, "GIT_OPTIONAL_LOCKS": "0"}


class GitError(Exception):
    """git could not say what changed: ``message`` is an N_() template, ``values`` fill it."""

    def __init__(self, message: str, **values: str) -> None:
        super().__init__(message.format(**values))
        self.message, self.values = message, values


def changed_files(base: str, folders: Iterable[Path]) -> set[Path]:
    """The files in ``folders`` (resolved) that differ from ``base`` or are untracked."""
    changed: set[Path] = set()
    for folder in sorted(set(folders)):
        commit = _commit(folder, base)
        diff = ["diff", "--merge-base", "--name-only", "--relative", "-z", "--diff-filter=d"]
        untracked = ["ls-files", "--others", "--exclude-standard", "-z"]
        for command in ([*diff, commit, "--", "."], [*untracked, "--", "."]):
            for name in _git(folder, command, base):
                changed.add((folder / name).resolve())
    return changed


def _commit(folder: Path, base: str) -> str:
    """The commit id ``base`` names, or a GitError saying that it names none."""
    if "\0" in base or "\n" in base:
        raise GitError(_NOT_A_COMMIT, base=base)
    command = ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{base}^{{commit}}"]
    try:
        found = _git(folder, command, base, separator=b"\n")
    except GitError as error:
        if error.values.get("reason"):  # not a repository, say: git's own words say it
            raise
        raise GitError(_NOT_A_COMMIT, base=base) from None
    if len(found) != 1:
        raise GitError(_NOT_A_COMMIT, base=base)
    return found[0]


def _git(folder: Path, command: list[str], base: str, separator: bytes = b"\0") -> list[str]:
    try:
        done = subprocess.run(
            ["git", *command],
            cwd=folder,
            capture_output=True,
            check=False,
            timeout=60,
            env=_ENVIRONMENT,
            stdin=subprocess.DEVNULL,
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
    return [os.fsdecode(name) for name in done.stdout.split(separator) if name]


_NOT_A_COMMIT = N_(
    "'{base}' is not a commit or branch that git knows; "
    "give one such as origin/main, or a commit id"
)
