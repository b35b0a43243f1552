"""The command line: ``python -m builder <command>``. Only this module and the MkDocs
adapter do I/O or choose an exit code.

Exit codes: 0 when there are no errors (warnings alone are fine), 1 when
there are errors, 2 for a mistake in the command itself (argparse's rule).
Each command is one small function, registered in ``_COMMANDS``.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from builder import pipeline
from builder.i18n import MissingTranslation
from builder.problems import Problem
from builder.report import FORMATS, format_problems
from builder.validate import check_files
from builder.vocab import ROOT, load_vocabulary


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command and return its exit code."""
    parser = argparse.ArgumentParser(
        prog="python -m builder", description="The Flintshire Micro-care Directory builder."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for add_command in _COMMANDS:
        add_command(commands)
    args = parser.parse_args(argv)
    try:
        return int(args.run(args, parser))
    except KeyboardInterrupt:
        return 130


def _add_check(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    check = commands.add_parser(
        "check",
        help="check provider profiles and list every problem",
        description="Check provider profiles. With no PATH, checks every profile in providers/.",
    )
    check.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="a file or a folder")
    check.add_argument("--format", choices=FORMATS, default="text", help="text (default) or github")
    check.add_argument("--lang", choices=("en", "cy"), default=_default_lang(), help="en or cy")
    check.add_argument(
        "--today", type=_date, help="treat this day (YYYY-MM-DD) as today; default: the sample date"
    )
    check.set_defaults(run=run_check)


def run_check(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """``check``: print every problem in the profiles; 1 if any is an error."""
    missing = [path for path in args.paths if not (path.exists() or path.is_symlink())]
    if missing:
        parser.error(f"no such file or folder: {missing[0]}")
    vocab = load_vocabulary()
    paths = pipeline.provider_files(args.paths)
    result = check_files(paths, root=ROOT, today=pipeline.today(vocab, args.today), vocab=vocab)
    if result.problems:
        print(_format(result.problems, args.format, args.lang))
    return 1 if result.errors else 0


def _add_build(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    build = commands.add_parser(
        "build",
        help="build the English and Welsh site into site/",
        description="Check every profile, then build English into SITE_DIR and Welsh into "
        "SITE_DIR/cy. Nothing is built while any profile has an error.",
    )
    build.add_argument("--site-dir", type=Path, default=ROOT / "site", help="default: site/")
    build.add_argument("--today", type=_date, help="treat this day (YYYY-MM-DD) as today")
    build.set_defaults(run=run_build)


def run_build(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """``build``: the same messages as ``check`` on bad data; else both sites."""
    from builder import mkdocs_adapter

    directory, result = pipeline.load_directory(on=args.today)
    if result.problems:
        print(_format(result.problems, "text", _default_lang()))
    if directory is None:
        print("Nothing was built: fix the errors above, then build again.", file=sys.stderr)
        return 1
    try:
        mkdocs_adapter.build_site(args.site_dir, directory.today)
    except mkdocs_adapter.BuildFailed as failure:
        print(failure, file=sys.stderr)
        return 1
    print(f"Built {len(directory.providers)} providers into {args.site_dir} (Welsh in cy/).")
    return 0


def _add_serve(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    serve = commands.add_parser(
        "serve",
        help="build and serve both languages, rebuilding when a file changes",
        description="Serve the site at http://HOST:PORT/ (Welsh at /cy/), rebuilding "
        "when a profile, a page or a setting changes.",
    )
    serve.add_argument("--host", default="127.0.0.1", help="default: 127.0.0.1")
    serve.add_argument("--port", type=int, default=8000, help="default: 8000")
    serve.add_argument("--today", type=_date, help="treat this day (YYYY-MM-DD) as today")
    serve.set_defaults(run=run_serve)


def run_serve(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """``serve``: build, serve and rebuild until interrupted."""
    import logging

    from builder import mkdocs_adapter

    logging.basicConfig(level=logging.INFO, format="%(message)s")
    mkdocs_adapter.serve_site(args.host, args.port, pipeline.today(load_vocabulary(), args.today))
    return 0


def _add_schema(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    schema = commands.add_parser(
        "schema",
        help="copy the area and service ids from data/ into the schema",
        description="Update schema/provider.schema.json from data/areas.yml and "
        "data/services.yml. With --check, only say whether it is up to date.",
    )
    schema.add_argument("--check", action="store_true", help="exit 1 if the schema is out of date")
    schema.set_defaults(run=run_schema)


def run_schema(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """``schema``: bring the schema's id lists in step with the vocabularies."""
    from builder import schema

    want = schema.expected_text(load_vocabulary())
    if want == schema.current_text():
        return 0
    if args.check:
        print("schema/provider.schema.json is out of date: run python -m builder schema")
        return 1
    schema.SCHEMA_PATH.write_text(want, encoding="utf-8")
    print("Updated schema/provider.schema.json from data/.")
    return 0


def _default_lang() -> str:
    return "cy" if os.environ.get("LANG", "").startswith("cy") else "en"


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {text!r}") from None


def _format(problems: list[Problem], fmt: str, lang: str) -> str:
    try:
        return format_problems(problems, fmt, lang)
    except MissingTranslation as missing:
        # A gap in the Welsh catalogue is a bug to fix, but staff still need the list.
        print(f"{missing}; showing the problems in English", file=sys.stderr)
        return format_problems(problems, fmt, "en")


_COMMANDS: tuple[Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None], ...] = (
    _add_check,
    _add_build,
    _add_serve,
    _add_schema,
)
