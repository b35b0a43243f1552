"""The command line: ``microcare <command>`` (also ``python -m builder <command>``).
Only this module and the MkDocs adapter do I/O or choose an exit code.

Staff run it as ``.venv/bin/microcare``: the console command that
``pyproject.toml`` declares and ``scripts/_setup.sh`` installs, and the one
form every message and the README show (``COMMAND``).

Exit codes: 0 when there are no errors (warnings alone are fine), 1 when
there are errors, 2 for a mistake in the command itself (argparse's rule).
Each command is one small function, registered in ``_COMMANDS``.
"""

from __future__ import annotations

import argparse
import os
import socket
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from builder import pipeline
from builder.check import freshness
from builder.check.report import FORMATS, format_problems
from builder.check.validate import check_files, display_path
from builder.i18n import N_, MissingTranslation, ngettext_for, translator
from builder.load.characters import visible
from builder.load.vocab import load_vocabulary
from builder.model import Directory
from builder.paths import DATA_DIR, PROVIDERS_DIR, ROOT, SCHEMA_PATH
from builder.problems import Problem
from builder.staff import changes, due, scaffold

#: How staff type a command, from the project folder: in the README, the
#: staff guide and every message that shows one.
COMMAND = ".venv/bin/microcare"


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
        parser.error(_say(bad.message, _default_lang(), **bad.values))


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
    check.add_argument(
        "--changed",
        metavar="BASE",
        help="report only on profiles changed since the git commit or branch BASE "
        "(or new); names and web addresses are still compared with every profile",
    )
    check.set_defaults(run=run_check)


def run_check(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """``check``: print every problem in the profiles; 1 if any is an error."""
    missing = [path for path in args.paths if not (path.exists() or path.is_symlink())]
    if missing:
        parser.error(f"no such file or folder: {visible(str(missing[0]))}")
    vocab = load_vocabulary()
    paths = pipeline.provider_files(args.paths)
    others: list[Path] = []
    if args.changed is not None:
        paths, others = _split_changed(paths, args, parser)
    today = pipeline.today(vocab, args.today)
    result = check_files(paths, root=ROOT, today=today, vocab=vocab, others=others)
    # Checking the whole directory checks its settings too; a file named alone does not.
    problems = (pipeline.settings_problems() if not args.paths else []) + result.problems
    if problems:
        print(_format(problems, args.format, args.lang))
    elif args.format == "text":
        count = len(result.profiles)
        summary = ngettext_for(args.lang)(_ONE_CHECKED, _MANY_CHECKED, count)
        print(_say(summary, args.lang, count=count))
    return 1 if any(p.is_error for p in problems) else 0


def _split_changed(
    paths: list[Path], args: argparse.Namespace, parser: argparse.ArgumentParser
) -> tuple[list[Path], list[Path]]:
    """``--changed``: the profiles changed since BASE, and the rest to compare them with."""
    given = args.paths or [ROOT / PROVIDERS_DIR]
    try:
        changed = changes.changed_files(
            args.changed, [p if p.is_dir() else p.parent for p in given]
        )
    except changes.GitError as error:
        parser.error(_say(error.message, args.lang, **error.values))
    return (
        [path for path in paths if path.resolve() in changed],
        [path for path in paths if path.resolve() not in changed],
    )


def _add_build(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    build = commands.add_parser(
        "build",
        help="build the English and Welsh site into site/",
        description="Check every profile, then build English into SITE_DIR and Welsh into "
        "SITE_DIR/cy. Nothing is built while any profile has an error; a listing whose "
        "check has lapsed on the day is paused, with a warning.",
    )
    build.add_argument("--site-dir", type=Path, default=ROOT / "site", help="default: site/")
    build.add_argument("--today", type=_date, help="treat this day (YYYY-MM-DD) as today")
    build.add_argument(
        "--engine",
        choices=("mkdocs", "properdocs", "zensical"),
        default="mkdocs",
        help="the static site engine: mkdocs (default), properdocs or zensical",
    )
    build.set_defaults(run=run_build)


def run_build(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """``build``: the same messages as ``check`` on bad data; else both sites."""
    from builder.engines import mkdocs_build, zensical_build

    directory = _checked_directory(args.today)
    if directory is None:
        return 1
    try:
        if args.engine == "zensical":
            zensical_build.build_site(args.site_dir, directory)
        else:
            mkdocs_build.build_site(args.site_dir, directory, args.engine)
    except (mkdocs_build.BuildFailed, zensical_build.BuildFailed) as failure:
        print(failure, file=sys.stderr)
        return 1
    print(f"Built {len(directory.providers)} providers into {args.site_dir} (Welsh in cy/).")
    if directory.paused:
        message = N_("Listings paused until a check is renewed: {count} (see the warnings above).")
        print(_say(message, _default_lang(), count=len(directory.paused)))
    return 0


def _add_markdown(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    markdown = commands.add_parser(
        "markdown",
        help="write the whole site as plain Markdown, for any engine",
        description="Check every profile, then write each language's pages as plain Markdown "
        "into OUT/en and OUT/cy, with a configuration any engine that reads mkdocs.yml can "
        "build. Nothing is written while any profile has an error.",
    )
    markdown.add_argument("out", type=Path, metavar="OUT", help="the folder to write")
    markdown.add_argument("--today", type=_date, help="treat this day (YYYY-MM-DD) as today")
    markdown.set_defaults(run=run_markdown)


def run_markdown(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """``markdown``: the same messages as ``check`` on bad data; else the Markdown tree."""
    from builder.engines import markdown

    directory = _checked_directory(args.today)
    if directory is None:
        return 1
    markdown.export(directory, args.out)
    print(f"Wrote {len(directory.providers)} providers as Markdown into {args.out}.")
    return 0


def _checked_directory(today: date | None) -> Directory | None:
    """Check every profile, print the problems; the Directory, or None after an error."""
    directory, result = pipeline.load_directory(on=today)
    if result.problems:
        print(_format(result.problems, "text", _default_lang()))
    if directory is None:
        print("Nothing was built: fix the errors above, then build again.", file=sys.stderr)
    return directory


def _add_serve(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    serve = commands.add_parser(
        "serve",
        help="build and serve both languages, rebuilding when a file changes",
        description="Serve the site at http://HOST:PORT/ (Welsh at /cy/), rebuilding "
        "when a profile, a page or a setting changes.",
    )
    serve.add_argument("--host", default="127.0.0.1", help="default: 127.0.0.1")
    serve.add_argument("--port", type=_port, default=8000, help="default: 8000")
    serve.add_argument("--today", type=_date, help="treat this day (YYYY-MM-DD) as today")
    serve.set_defaults(run=run_serve)


def run_serve(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """``serve``: build, serve and rebuild until interrupted."""
    import logging

    from builder.engines import mkdocs_build

    if _port_taken(args.host, args.port):
        message = N_(
            "port {port} is already in use on {host}, perhaps by another copy of serve; "
            "stop that one, or choose another port: {command} serve --port {other}"
        )
        other = args.port + 1 if args.port < 65535 else 8001
        print(
            _say(
                message,
                _default_lang(),
                port=args.port,
                host=args.host,
                other=other,
                command=COMMAND,
            ),
            file=sys.stderr,
        )
        return 1
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    mkdocs_build.serve_site(args.host, args.port, args.today)
    return 0


def _port_taken(host: str, port: int) -> bool:
    """True if nothing could listen on ``host``:``port`` now (the server would fail to start)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        # As the server itself does, so that a port just freed counts as free.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return True
    return False


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
    from builder.staff import schema_sync as schema

    want = schema.expected_text(load_vocabulary())
    if want == schema.current_text():
        return 0
    if args.check:
        print(f"schema/provider.schema.json is out of date: run {COMMAND} schema")
        return 1
    SCHEMA_PATH.write_text(want, encoding="utf-8")
    print("Updated schema/provider.schema.json from data/.")
    return 0


def _add_new(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    new = commands.add_parser(
        "new",
        help="start a new provider profile, as a draft",
        description="Write providers/<name>.yml with every field, as a draft with "
        "placeholders to replace. Never overwrites a profile.",
    )
    new.add_argument("name", metavar="NAME", help='the business name, in quotes: "Tŷ Twt"')
    new.add_argument("--folder", type=Path, default=ROOT / "providers", help="default: providers/")
    new.add_argument("--today", type=_date, help="treat this day (YYYY-MM-DD) as today")
    new.set_defaults(run=run_new)


def run_new(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """``new``: write a draft profile; 1 if one with that file name exists."""
    lang, vocab = _default_lang(), load_vocabulary()
    file_name = scaffold.slug(args.name)
    if not file_name:
        parser.error(_say(N_("a business name needs at least one letter or number"), lang))
    today = pipeline.today(vocab, args.today)
    refused = scaffold.refusals(args.name, today, vocab)
    if refused:
        parser.error("; ".join(_say(p.message, lang, **dict(p.args)) for p in refused))
    drama = bool(vocab.settings.get("accept_drama_numbers", False))
    try:
        path = scaffold.write_profile(args.name, args.folder, today, drama_numbers=drama)
    except FileExistsError as exists:
        file = display_path(Path(exists.filename or exists.args[0]), ROOT)
        print(_say(N_("{file} already exists; edit it, or choose another name"), lang, file=file))
        return 1
    except FileNotFoundError:
        file = display_path(args.folder, ROOT)
        print(_say(N_("there is no folder {file}; check its name"), lang, file=file))
        return 1
    file = display_path(path, ROOT)
    print(_say(N_("Wrote {file}, a draft: replace every REPLACE, then run:"), lang, file=file))
    print(f"{COMMAND} check {file}")
    return 0


def _add_report(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    report = commands.add_parser(
        "report",
        help="list reviews, insurance and availability due soon or overdue, and pauses",
        description="List council reviews and insurance renewals due within the report_days "
        "of data/directory.yml, or overdue, availability not confirmed recently, and listings "
        "paused or pausing in that time, with the day each pauses. Drafts are marked; "
        "withdrawn profiles are left out.",
    )
    report.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="a file or a folder")
    report.add_argument("--csv", type=Path, metavar="FILE", help="also write the rows to FILE")
    report.add_argument("--lang", choices=("en", "cy"), default=_default_lang(), help="en or cy")
    report.add_argument("--today", type=_date, help="treat this day (YYYY-MM-DD) as today")
    report.set_defaults(run=run_report)


def run_report(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """``report``: print what falls due, and write it as CSV if asked; 0 unless it cannot."""
    missing = [path for path in args.paths if not path.exists()]
    if missing:
        parser.error(f"no such file or folder: {visible(str(missing[0]))}")
    vocab = load_vocabulary()
    today, limits = pipeline.today(vocab, args.today), freshness.periods(vocab)
    result = check_files(pipeline.provider_files(args.paths), root=ROOT, today=today, vocab=vocab)
    items = due.due_items(((p.display, p.data) for p in result.profiles), limits, today)
    lang = args.lang
    try:
        table = due.format_table(items, today, limits, lang)
    except MissingTranslation as missing_text:
        print(f"{missing_text}; showing the report in English", file=sys.stderr)
        lang, table = "en", due.format_table(items, today, limits, "en")
    print(table)
    if args.csv is not None:
        try:
            with args.csv.open("w", encoding="utf-8-sig", newline="") as f:  # BOM: for Excel
                due.write_csv(items, today, f, lang)
        except OSError:
            print(_say(N_("cannot write {file}; check the folder"), lang, file=args.csv))
            return 1
    return 0


def _add_postcodes(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    postcodes = commands.add_parser(
        "postcodes",
        help="make data/postcodes.yml from the ONS Postcode Directory",
        description="Read the ONS Postcode Directory's CSV file and write every live postcode "
        "in the county, with its community, to data/postcodes.yml. Nothing is written while "
        "the file or data/postcodes-codes.yml has an error.",
    )
    postcodes.add_argument("file", type=Path, metavar="ONSPD_CSV", help="Data/ONSPD_..._UK.csv")
    postcodes.add_argument("--codes", type=Path, default=DATA_DIR / "postcodes-codes.yml")
    postcodes.add_argument("--out", type=Path, default=DATA_DIR / "postcodes.yml")
    postcodes.add_argument("--lang", choices=("en", "cy"), default=_default_lang(), help="en or cy")
    postcodes.set_defaults(run=run_postcodes)


def run_postcodes(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """``postcodes``: the county's postcode table; 1, writing nothing, on any error."""
    from builder.load import postcodes as data
    from builder.staff.postcodes import import_onspd

    for path in (args.file, args.codes):
        if not path.is_file():
            parser.error(f"no such file: {path}")
    codes_file, lang = display_path(args.codes, ROOT), args.lang
    ids = [c.id for c in load_vocabulary().communities]
    codes = data.read_codes(args.codes.read_text("utf-8", errors="replace"), codes_file, ids)
    with args.file.open("rb") as lines:
        found = import_onspd(lines, display_path(args.file, ROOT), codes, codes_file=codes_file)
    if found.problems:
        print(_format(found.problems, "text", lang))
    if found.table is None:
        print(_say(N_("Nothing was written: fix the errors above, then run this again."), lang))
        return 1
    out = display_path(args.out, ROOT)
    try:
        _write_whole(args.out, data.write_table(found.table, args.file.name))
    except OSError:
        print(_say(N_("cannot write {file}; check the folder"), lang, file=out))
        return 1
    print(
        _say(
            N_("Wrote {file}. Postcodes: {postcodes}; postcode districts: {districts}."),
            lang,
            file=out,
            postcodes=found.postcodes,
            districts=len(found.table.districts),
        )
    )
    if not found.table.verified:
        message = N_(
            "The codes in {file} are not marked verified: check them, then set verified: true."
        )
        print(_say(message, lang, file=codes_file))
    return 0


def _write_whole(path: Path, text: str) -> None:
    """Write a file so that it is never left half-written: a new file, then a rename."""
    partial = path.with_name(path.name + ".partial")
    try:
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def _default_lang() -> str:
    return "cy" if os.environ.get("LANG", "").startswith("cy") else "en"


def _date(text: str) -> date:
    try:
        return pipeline.parse_day(text, "--today")
    except pipeline.BadDate as bad:
        raise argparse.ArgumentTypeError(_say(bad.message, _default_lang(), **bad.values)) from None


def _port(text: str) -> int:
    if text.isdigit() and 1 <= int(text) <= 65535:
        return int(text)
    message = N_("--port should be a number from 1 to 65535, like 8000, not '{value}'")
    raise argparse.ArgumentTypeError(_say(message, _default_lang(), value=text[:40]))


def _say(message: str, lang: str, **args: Any) -> str:
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


def _format(problems: list[Problem], fmt: str, lang: str) -> str:
    try:
        return format_problems(problems, fmt, lang)
    except MissingTranslation as missing:
        # A gap in the Welsh catalogue is a bug to fix, but staff still need the list.
        print(f"{missing}; showing the problems in English", file=sys.stderr)
        return format_problems(problems, fmt, "en")


_ONE_CHECKED = N_("{count} profile checked: no problems")
_MANY_CHECKED = N_("{count} profiles checked: no problems")

_COMMANDS: tuple[Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None], ...] = (
    _add_check,
    _add_build,
    _add_markdown,
    _add_serve,
    _add_schema,
    _add_new,
    _add_report,
    _add_postcodes,
)
