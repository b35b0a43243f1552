"""The rules about files rather than the values in them.

A file's name is its page's web address, so it must be simple, and no two
files may share a web address or a business name.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from builder.check.profile import Profile
from builder.i18n import N_
from builder.problems import Problem, problem

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def check_file_name(path: Path, display: str) -> list[Problem]:
    """The file name is the page's address, so it must be simple, like ``bryn-care.yml``."""
    if _SLUG.fullmatch(path.stem):
        return []
    slug = re.sub(r"[^a-z0-9]+", "-", path.stem.casefold().replace("'", "")).strip("-")
    suggestion = f"{slug or 'provider-name'}{path.suffix.lower()}"
    return [problem(display, 1, 1, _FILE_NAME, file_name=path.name, suggestion=suggestion)]


def check_across(files: Sequence[tuple[Path, str]], profiles: Sequence[Profile]) -> list[Problem]:
    """Rules across files: two files at one web address, or two with one business name."""
    found: list[Problem] = []
    by_slug: dict[str, list[str]] = defaultdict(list)
    for path, display in files:
        by_slug[path.stem.casefold()].append(display)
    for displays in by_slug.values():
        for display in displays if len(displays) > 1 else ():
            others = ", ".join(d for d in displays if d != display)
            found.append(problem(display, 1, 1, _SAME_ADDRESS, others=others))
    by_name: dict[str, list[Profile]] = defaultdict(list)
    for profile in profiles:
        name = profile.get(("name",))
        if isinstance(name, str):
            by_name[" ".join(name.casefold().split())].append(profile)
    for group in by_name.values():
        for profile in group if len(group) > 1 else ():
            others = ", ".join(other.display for other in group if other is not profile)
            found.append(profile.report(("name",), _SAME_NAME, others=others)[1])
    return found


_FILE_NAME = N_(
    "the file name '{file_name}' should have only small letters, numbers and hyphens, "
    "like '{suggestion}'"
)
_SAME_ADDRESS = N_("this file and {others} would have the same web address; rename one of them")
_SAME_NAME = N_("another profile has the same business name: {others}")
