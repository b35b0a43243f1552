"""The rules about files rather than the values in them.

A file's name is its page's web address, so it must be simple, short enough
for every path the site makes from it, and not a name the site already uses;
and no two files may share a web address or a business name.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from builder.check.profile import Profile
from builder.i18n import N_
from builder.load.characters import INVISIBLE
from builder.problems import Problem, problem

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
#: The longest file name (without ".yml") a profile may have. Its pages are
#: providers/<name>/index.html and find/cards/<name>.html: far within the 255
#: bytes a file name may have, and a web address people can still share.
MAX_SLUG = 100
#: Names the site gives its own pages beside the providers' pages (providers/index.md
#: is the A to Z). test_file_rules checks this against the pages the site makes.
RESERVED_SLUGS = frozenset({"index"})


def check_file_name(path: Path, display: str) -> list[Problem]:
    """The file name is the page's address, so it must be simple, like ``bryn-care.yml``."""
    stem = path.stem
    if _SLUG.fullmatch(stem) and len(stem) <= MAX_SLUG and stem not in RESERVED_SLUGS:
        return []
    if stem in RESERVED_SLUGS:
        return [problem(display, 1, 1, _RESERVED, file_name=path.name)]
    slug = re.sub(r"[^a-z0-9]+", "-", stem.casefold().replace("'", "")).strip("-")
    if len(slug) > MAX_SLUG:
        suggestion = f"{shortened(slug)}{path.suffix.lower()}"
        return [
            problem(
                display, 1, 1, _TOO_LONG, length=len(stem), limit=MAX_SLUG, suggestion=suggestion
            )
        ]
    suggestion = f"{slug or 'provider-name'}{path.suffix.lower()}"
    return [problem(display, 1, 1, _FILE_NAME, file_name=path.name, suggestion=suggestion)]


def shortened(slug: str) -> str:
    """``slug`` cut at a hyphen to at most ``MAX_SLUG`` characters."""
    if len(slug) <= MAX_SLUG:
        return slug
    return slug[: MAX_SLUG + 1].rsplit("-", 1)[0][:MAX_SLUG].strip("-")


def name_key(name: str) -> str:
    """What two business names are compared by: two names that look alike have one key.

    NFKC and case folding make "ＴＹ", "Ty" and "ty" one name, and "Tŷ" one
    whether the ŷ is one character or "y" and a combining circumflex;
    invisible characters are dropped, and runs of spaces become one.
    """
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name).casefold())
    return " ".join(INVISIBLE.sub("", folded).split())


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
            by_name[name_key(name)].append(profile)
    for group in by_name.values():
        for profile in group if len(group) > 1 else ():
            others = ", ".join(other.display for other in group if other is not profile)
            found.append(profile.report(("name",), _SAME_NAME, others=others)[1])
    return found


_FILE_NAME = N_(
    "the file name '{file_name}' should have only small letters, numbers and hyphens, "
    "like '{suggestion}'"
)
_RESERVED = N_(
    "the file name '{file_name}' is the name of a page the site makes itself; "
    "name the file after the business, like 'bryn-care.yml'"
)
_TOO_LONG = N_(
    "the file name is {length} characters long, more than {limit}; "
    "shorten it, for example to '{suggestion}'"
)
_SAME_ADDRESS = N_("this file and {others} would have the same web address; rename one of them")
_SAME_NAME = N_("another profile has the same business name: {others}")
