"""The command line: ``microcare <command>`` (also ``python -m builder <command>``).
Only this package and the engine adapters do I/O or choose an exit code.

Staff run it as ``.venv/bin/microcare``: the console command that
``pyproject.toml`` declares and ``scripts/_setup.sh`` installs, and the one
form every message and the README show (``common.COMMAND``).

Exit codes: 0 when there are no errors (warnings alone are fine), 1 when
there are errors, 2 for a mistake in the command itself (argparse's rule).
Each command is two small functions: ``_add_<name>`` declares its options
and ``run_<name>`` runs it. The site's commands are in ``site_commands``,
the staff's in ``staff_commands``; what they share is in ``common``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence

from builder import pipeline
from builder.cli import site_commands, staff_commands
from builder.cli.common import default_lang, say

_COMMANDS: tuple[Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None], ...] = (
    staff_commands.add_check,
    site_commands.add_build,
    site_commands.add_markdown,
    site_commands.add_serve,
    staff_commands.add_schema,
    staff_commands.add_new,
    staff_commands.add_report,
    staff_commands.add_postcodes,
)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command and return its exit code."""
    parser = argparse.ArgumentParser(
        prog="microcare", description="The Flintshire Micro-care Directory builder."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for add_command in _COMMANDS:
        add_command(commands)
    args = parser.parse_args(argv)
    try:
        return int(args.run(args, parser))
    except KeyboardInterrupt:
        return 130
    except pipeline.BadDate as bad:  # MICROCARE_TODAY, say
        parser.error(say(bad.message, default_lang(), **bad.values))
