"""Check profile files: load each one, validate it against the schema, run the rules.

Every file is checked and every problem collected before anything is
reported. The schema (``schema/provider.schema.json``) is the contract;
``schema_messages`` turns jsonschema's errors into plain messages for council
staff, placed with the loader's source map, and reduced to one message per
field.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from builder.check import rules
from builder.check.file_rules import check_across, check_file_name
from builder.check.profile import Profile
from builder.check.schema import expected_kind, is_valid, schema_at, validator
from builder.check.schema_messages import enum_aliases, schema_problems
from builder.i18n import N_
from builder.load.profile import Loaded, load_provider
from builder.load.source_map import FieldPath, within
from builder.load.vocab import Vocabulary
from builder.problems import Level, Problem, problem

#: The most problems ``check`` reports for one file; the rest are counted.
MAX_PROBLEMS = 100


@dataclass(frozen=True)
class CheckedProfile:
    """One file that was checked: its values (None if unreadable) and whether it has errors."""

    path: Path
    display: str
    slug: str
    data: dict[str, Any] | None
    ok: bool


@dataclass(frozen=True)
class CheckResult:
    """Every checked file, sorted by name, and every problem, sorted by place."""

    profiles: list[CheckedProfile]
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        """The problems that fail the check; the rest are warnings."""
        return [p for p in self.problems if p.is_error]


@dataclass(frozen=True)
class CheckContext:
    """What checking one file needs besides the file: the date, the data files, the limits."""

    today: date
    vocab: Vocabulary
    max_bytes: int
    aliases: dict[str, dict[str, str]]

    @classmethod
    def make(cls, today: date, vocab: Vocabulary) -> CheckContext:
        """The context for checking files on ``today`` against ``vocab``."""
        max_bytes = int(vocab.settings.get("limits", {}).get("file_bytes", 200_000))
        return cls(today, vocab, max_bytes, enum_aliases(vocab))


@dataclass(frozen=True)
class FileResult:
    """One file checked on its own: what was read, and the problems found in it alone."""

    path: Path
    display: str
    loaded: Loaded
    problems: tuple[Problem, ...]


#: Checks many files on their own (in order, in parallel, or from a cache).
CheckEach = Callable[[Sequence[tuple[Path, str]], CheckContext], list[FileResult]]


def check_file(path: Path, display: str, context: CheckContext) -> FileResult:
    """Load one file and check it against the schema and every rule about one profile."""
    result = load_provider(path, display, max_bytes=context.max_bytes, expects=expected_kind)
    found = result.problems + check_file_name(path, display)
    if result.data is not None:
        profile = Profile(path, display, result.data, result.source, context.today, context.vocab)
        found += _check_profile(profile, result.flagged, context.aliases)
    return FileResult(path, display, result, tuple(found))


def check_each(files: Sequence[tuple[Path, str]], context: CheckContext) -> list[FileResult]:
    """Check each file in turn."""
    return [check_file(path, display, context) for path, display in files]


def check_files(
    paths: Sequence[Path],
    *,
    root: Path,
    today: date,
    vocab: Vocabulary,
    others: Sequence[Path] = (),
    each: CheckEach = check_each,
) -> CheckResult:
    """Check every file in ``paths``; problems name files relative to ``root``.

    ``others`` are only read, so that the rules across files (one business
    name, one web address) compare ``paths`` with them too; problems are
    reported only for ``paths``. ``each`` checks the files one by one: the
    build passes one that works in parallel and remembers unchanged files.
    """
    context = CheckContext.make(today, vocab)
    named: dict[str, Path] = {}
    for path in paths:
        named.setdefault(display_path(path, root), path)  # a file named twice is checked once
    files = [(path, display) for display, path in named.items()]
    results = each(files, context)
    found = [p for result in results for p in result.problems]
    profiles = [
        Profile(r.path, r.display, r.loaded.data, r.loaded.source, today, vocab)
        for r in results
        if r.loaded.data is not None
    ]
    extra = _context(others, named, root, today, vocab, context.max_bytes)
    across = check_across(files + extra[0], profiles + extra[1])
    found += [p for p in across if p.file in named]
    failed = {p.file for p in found if p.is_error}
    checked = [
        CheckedProfile(r.path, r.display, r.path.stem, r.loaded.data, r.display not in failed)
        for r in sorted(results, key=lambda r: r.display)
    ]
    ordered = sorted(set(found), key=lambda p: (p.file, p.line, p.column, p.field, p.message))
    return CheckResult(checked, _at_most(ordered, MAX_PROBLEMS))


def _at_most(problems: list[Problem], limit: int) -> list[Problem]:
    """The first ``limit`` problems of each file, then one that says how many more it has.

    A file with thousands of problems is not a profile (a wrong file, or an
    attack); its first problems say what is wrong, and printing the rest
    would only bury them.
    """
    kept: list[Problem] = []
    count = 0
    for i, found in enumerate(problems):
        count = count + 1 if i and problems[i - 1].file == found.file else 1
        if count <= limit:
            kept.append(found)
        if count == limit + 1:
            rest = [p for p in problems[i:] if p.file == found.file]
            level = Level.ERROR if any(p.is_error for p in rest) else Level.WARNING
            more = problem(
                found.file, found.line, found.column, _MORE, level=level, count=len(rest)
            )
            kept.append(more)
    return kept


def _context(
    others: Sequence[Path],
    named: dict[str, Path],
    root: Path,
    today: date,
    vocab: Vocabulary,
    max_bytes: int,
) -> tuple[list[tuple[Path, str]], list[Profile]]:
    """The files in ``others`` that are not being checked, and those of them YAML can read."""
    unchecked = {display_path(path, root): path for path in others}
    files = [(path, display) for display, path in unchecked.items() if display not in named]
    profiles = []
    for path, display in files:
        result = load_provider(path, display, max_bytes=max_bytes)
        if result.data is not None:
            profiles.append(Profile(path, display, result.data, result.source, today, vocab))
    return files, profiles


def display_path(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` in POSIX form, or as given if it is outside ``root``."""
    try:
        return Path(os.path.abspath(path)).relative_to(os.path.abspath(root)).as_posix()
    except ValueError:
        return path.as_posix()


def _check_profile(
    profile: Profile, flagged: frozenset[FieldPath], aliases: dict[str, dict[str, str]]
) -> list[Problem]:
    """Schema problems, then rule problems for values that nothing has complained about yet."""
    # Most profiles are valid: the compiled schema says so quickly, and only a
    # profile it refuses is validated again for jsonschema's detailed errors.
    errors = [] if is_valid(profile.data) else validator().iter_errors(profile.data)
    found, meant = schema_problems(profile, errors, flagged, aliases, schema_at)
    reported = set(flagged) | set(found) | meant
    # The rules see None for a value already reported: one message is enough,
    # and a rule never works through a text or a list beyond its limit.
    unreported = replace(profile, data=_without(profile.data, reported))
    for path, rule_problem in rules.check_profile(unreported):
        if not within(path, reported):
            found.setdefault(path, rule_problem)
    return list(found.values())


def _without(data: dict[str, Any], paths: Collection[FieldPath]) -> dict[str, Any]:
    """A copy of ``data`` with None for the value at each of ``paths`` (a field or an item)."""
    above = {path[:depth] for path in paths for depth in range(len(path))}

    def copy(value: Any, path: FieldPath) -> Any:
        if path in paths and path:
            return None
        if path not in above:
            return value
        if isinstance(value, dict):
            return {key: copy(child, (*path, key)) for key, child in value.items()}
        if isinstance(value, list):
            return [copy(child, (*path, i)) for i, child in enumerate(value)]
        return value

    return copy(data, ())  # type: ignore[no-any-return]


_MORE = N_("and {count} more problems in this file; fix the ones above, then check it again")
