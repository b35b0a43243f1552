"""What every command shares: how a command is written in messages, the
messages themselves (in Welsh when asked), the date option, and the
checked directory that build, markdown and serve start from."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path
from typing import Any

from builder import pipeline
from builder.check.report import format_problems
from builder.i18n import MissingTranslation, translator
from builder.load.characters import visible
from builder.model import Directory
from builder.problems import Problem

#: How staff type a command, from the project folder: in the README, the
#: staff guide and every message that shows one.
COMMAND = ".venv/bin/microcare"


def checked_directory(today: date | None) -> Directory | None:
    """Check every profile, print the problems; the Directory, or None after an error."""
    directory, result = pipeline.load_directory(on=today)
    if result.problems:
        print(problems_text(result.problems, "text", default_lang()))
    if directory is None:
        print("Nothing was built: fix the errors above, then build again.", file=sys.stderr)
    return directory


def write_whole(path: Path, text: str) -> None:
    """Write a file so that it is never left half-written: a new file, then a rename."""
    partial = path.with_name(path.name + ".partial")
    try:
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def default_lang() -> str:
    """The language of the terminal: Welsh when ``LANG`` starts with ``cy``."""
    return "cy" if os.environ.get("LANG", "").startswith("cy") else "en"


def add_today(command: argparse.ArgumentParser) -> None:
    """The ``--today`` option every command that depends on the date has."""
    command.add_argument(
        "--today",
        type=day,
        help="treat this day (YYYY-MM-DD) as today; default: data/directory.yml's "
        "sample_data_date if it has one, else today",
    )


def day(text: str) -> date:
    """The ``--today`` option: a date in YYYY-MM-DD form, or a message saying so."""
    try:
        return pipeline.parse_day(text, "--today")
    except pipeline.BadDate as bad:
        raise argparse.ArgumentTypeError(say(bad.message, default_lang(), **bad.values)) from None


def say(message: str, lang: str, **args: Any) -> str:
    """A message for the person at the terminal, in Welsh if it has been translated.

    What the message echoes is shown with its invisible characters escaped.
    """
    shown = {
        name: visible(value) if isinstance(value, str) else value for name, value in args.items()
    }
    try:
        return translator(lang)(message).format(**shown)
    except MissingTranslation:
        return message.format(**shown)


def problems_text(problems: list[Problem], fmt: str, lang: str) -> str:
    """The problems as ``check`` prints them; in English if the Welsh misses a string."""
    try:
        return format_problems(problems, fmt, lang)
    except MissingTranslation as missing:
        # A gap in the Welsh catalogue is a bug to fix, but staff still need the list.
        print(f"{missing}; showing the problems in English", file=sys.stderr)
        return format_problems(problems, fmt, "en")
