"""The commands staff use on the profiles and the data: ``check``, ``schema``,
``new``, ``report`` and ``postcodes``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from builder import pipeline
from builder.check import freshness
from builder.check.report import FORMATS
from builder.check.validate import check_files, display_path
from builder.cli.common import (
    COMMAND,
    add_today,
    default_lang,
    problems_text,
    say,
    write_whole,
)
from builder.i18n import N_, MissingTranslation, ngettext_for
from builder.load.characters import visible
from builder.load.vocab import load_vocabulary
from builder.paths import DATA_DIR, PROVIDERS_DIR, ROOT, SCHEMA_PATH
from builder.staff import changes, due, scaffold


def add_check(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    check = commands.add_parser(
        "check",
        help="check provider profiles and list every problem",
        description="Check provider profiles. With no PATH, checks every profile in providers/.",
    )
    check.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="a file or a folder")
    check.add_argument("--format", choices=FORMATS, default="text", help="text (default) or github")
    _add_lang(check)
    add_today(check)
    check.add_argument(
        "--changed",
        metavar="BASE",
        help="report only on profiles changed since the git commit or branch BASE "
        "(or new); names and web addresses are still compared with every profile",
    )
    check.set_defaults(run=run_check)


def run_check(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """``check``: print every problem in the profiles; 1 if any is an error."""
    _refuse_missing(args.paths, parser)
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
        print(problems_text(problems, args.format, args.lang))
    elif args.format == "text":
        count = len(result.profiles)
        summary = ngettext_for(args.lang)(_ONE_CHECKED, _MANY_CHECKED, count)
        print(say(summary, args.lang, count=count))
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
        parser.error(say(error.message, args.lang, **error.values))
    return (
        [path for path in paths if path.resolve() in changed],
        [path for path in paths if path.resolve() not in changed],
    )


_ONE_CHECKED = N_("{count} profile checked: no problems")


_MANY_CHECKED = N_("{count} profiles checked: no problems")


def add_schema(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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


def add_new(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    new = commands.add_parser(
        "new",
        help="start a new provider profile, as a draft",
        description="Write providers/<name>.yml with every field, as a draft with "
        "placeholders to replace. Never overwrites a profile.",
    )
    new.add_argument("name", metavar="NAME", help='the business name, in quotes: "Tŷ Twt"')
    new.add_argument("--folder", type=Path, default=ROOT / "providers", help="default: providers/")
    add_today(new)
    new.set_defaults(run=run_new)


def run_new(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """``new``: write a draft profile; 1 if one with that file name exists."""
    lang, vocab = default_lang(), load_vocabulary()
    file_name = scaffold.slug(args.name)
    if not file_name:
        parser.error(say(N_("a business name needs at least one letter or number"), lang))
    today = pipeline.today(vocab, args.today)
    refused = scaffold.refusals(args.name, today, vocab)
    if refused:
        parser.error("; ".join(say(p.message, lang, **dict(p.args)) for p in refused))
    drama = bool(vocab.settings.get("accept_drama_numbers", False))
    try:
        path = scaffold.write_profile(args.name, args.folder, today, drama_numbers=drama)
    except FileExistsError as exists:
        file = display_path(Path(exists.filename or exists.args[0]), ROOT)
        print(say(N_("{file} already exists; edit it, or choose another name"), lang, file=file))
        return 1
    except FileNotFoundError:
        file = display_path(args.folder, ROOT)
        print(say(N_("there is no folder {file}; check its name"), lang, file=file))
        return 1
    file = display_path(path, ROOT)
    print(say(N_("Wrote {file}, a draft: replace every REPLACE, then run:"), lang, file=file))
    print(f"{COMMAND} check {file}")
    return 0


def add_report(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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
    _add_lang(report)
    add_today(report)
    report.set_defaults(run=run_report)


def run_report(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """``report``: print what falls due, and write it as CSV if asked; 0 unless it cannot."""
    _refuse_missing(args.paths, parser)
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
            print(say(N_("cannot write {file}; check the folder"), lang, file=args.csv))
            return 1
    return 0


def add_postcodes(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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
    _add_lang(postcodes)
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
        print(problems_text(found.problems, "text", lang))
    if found.table is None:
        print(say(N_("Nothing was written: fix the errors above, then run this again."), lang))
        return 1
    out = display_path(args.out, ROOT)
    try:
        write_whole(args.out, data.write_table(found.table, args.file.name))
    except OSError:
        print(say(N_("cannot write {file}; check the folder"), lang, file=out))
        return 1
    print(
        say(
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
        print(say(message, lang, file=codes_file))
    return 0


def _add_lang(command: argparse.ArgumentParser) -> None:
    command.add_argument("--lang", choices=("en", "cy"), default=default_lang(), help="en or cy")


def _refuse_missing(paths: list[Path], parser: argparse.ArgumentParser) -> None:
    """Stop (exit 2) at the first PATH that does not exist. A broken symbolic link
    exists for this purpose: ``check`` says what is wrong with it."""
    missing = [path for path in paths if not (path.exists() or path.is_symlink())]
    if missing:
        parser.error(f"no such file or folder: {visible(str(missing[0]))}")
