"""Run the stages in order: the one place that wires load -> validate -> model.

The command line and the MkDocs adapter both call this, so ``check`` and the
build always agree on what is wrong with the data.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from builder.check.batch import check_changed
from builder.check.council import council_problems
from builder.check.freshness import YEARS
from builder.check.validate import CheckResult, check_files, display_path
from builder.i18n import N_
from builder.load.history import read_history
from builder.load.vocab import Vocabulary, load_vocabulary
from builder.model import Directory, build_directory
from builder.paths import DATA_DIR, PROVIDERS_DIR, ROOT
from builder.problems import Problem

TODAY_VARIABLE = "MICROCARE_TODAY"


class BadDate(ValueError):
    """A date given to the builder itself that it cannot use.

    ``message`` is an N_() template; ``values`` fill it.
    """

    def __init__(self, message: str, **values: Any) -> None:
        super().__init__(message.format(**values))
        self.message, self.values = message, values


def parse_day(text: Any, source: str) -> dt.date:
    """The date in ``text``, written YYYY-MM-DD, from 2000 to 2100; else ``BadDate``.

    ``source`` names where it came from ("--today", "MICROCARE_TODAY").
    """
    value = str(text)
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            pass
        else:
            if day.year in YEARS:
                return day
    raise BadDate(_BAD_DATE, source=source, value=value[:40], first=YEARS[0], last=YEARS[-1])


def today(vocab: Vocabulary, given: dt.date | None = None) -> dt.date:
    """The date that freshness rules and "in the future" checks compare with.

    In order: a date given on the command line, the ``MICROCARE_TODAY``
    environment variable (how ``build`` tells the MkDocs adapter), the sample
    data's pinned date in data/directory.yml, and only then the real date.
    A malformed date in either of those is a ``BadDate``, never a traceback.
    """
    if given:
        return given
    if os.environ.get(TODAY_VARIABLE):
        return parse_day(os.environ[TODAY_VARIABLE], TODAY_VARIABLE)
    pinned = vocab.settings.get("sample_data_date")
    return parse_day(pinned, "sample_data_date (data/directory.yml)") if pinned else dt.date.today()


def provider_files(paths: Sequence[Path] = (), root: Path = ROOT) -> list[Path]:
    """The profile files named, expanding folders; all of providers/ if none."""
    if not paths:
        paths = [root / PROVIDERS_DIR]
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(p for p in path.iterdir() if p.suffix in (".yml", ".yaml"))
        else:
            files.append(path)
    return sorted(set(files))


def check(
    paths: Sequence[Path] = (), *, root: Path = ROOT, on: dt.date | None = None
) -> CheckResult:
    """Check profile files (all of providers/ if none are named)."""
    vocab = load_vocabulary()
    return check_files(provider_files(paths, root), root=root, today=today(vocab, on), vocab=vocab)


def settings_problems(root: Path = ROOT) -> list[Problem]:
    """Warnings about the directory's own settings: council contacts still placeholders."""
    settings = DATA_DIR / "directory.yml"
    return council_problems(settings, display_path(settings, root))


def load_directory(
    *, root: Path = ROOT, on: dt.date | None = None
) -> tuple[Directory | None, CheckResult]:
    """Check every profile and the settings and, if nothing has an error, build the Directory.

    This is the build's one check: unchanged files are taken from the last
    build's results (``check.batch``), and the rest are checked in parallel.
    """
    vocab = load_vocabulary()
    when = today(vocab, on)
    files = provider_files((), root)
    result = check_files(files, root=root, today=when, vocab=vocab, each=check_changed)
    result = dataclasses.replace(result, problems=settings_problems(root) + result.problems)
    if result.errors:
        return None, result
    max_bytes = int(vocab.settings.get("limits", {}).get("file_bytes", 200_000))
    history = read_history(root, max_bytes=max_bytes)
    return build_directory(result.profiles, vocab, when, history), result


_BAD_DATE = N_(
    "{source} should be a date written YYYY-MM-DD, from {first} to {last}, "
    "like 2026-03-14, not '{value}'"
)
