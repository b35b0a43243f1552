"""The commands that make the site: ``build``, ``markdown`` and ``serve``."""

from __future__ import annotations

import argparse
import socket
import sys
from pathlib import Path

from builder.cli.common import (
    COMMAND,
    add_today,
    checked_directory,
    default_lang,
    say,
)
from builder.i18n import N_
from builder.paths import ROOT


def add_build(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    build = commands.add_parser(
        "build",
        help="build the English and Welsh site into site/",
        description="Check every profile, then build English into SITE_DIR and Welsh into "
        "SITE_DIR/cy. Nothing is built while any profile has an error; a listing whose "
        "check has lapsed on the day is paused, with a warning.",
    )
    build.add_argument("--site-dir", type=Path, default=ROOT / "site", help="default: site/")
    add_today(build)
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

    directory = checked_directory(args.today)
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
        print(say(message, default_lang(), count=len(directory.paused)))
    return 0


def add_markdown(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    markdown = commands.add_parser(
        "markdown",
        help="write the whole site as plain Markdown, for any engine",
        description="Check every profile, then write each language's pages as plain Markdown "
        "into OUT/en and OUT/cy, with a configuration any engine that reads mkdocs.yml can "
        "build. Nothing is written while any profile has an error.",
    )
    markdown.add_argument("out", type=Path, metavar="OUT", help="the folder to write")
    add_today(markdown)
    markdown.set_defaults(run=run_markdown)


def run_markdown(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """``markdown``: the same messages as ``check`` on bad data; else the Markdown tree."""
    from builder.engines import markdown

    directory = checked_directory(args.today)
    if directory is None:
        return 1
    markdown.export(directory, args.out)
    print(f"Wrote {len(directory.providers)} providers as Markdown into {args.out}.")
    return 0


def add_serve(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    serve = commands.add_parser(
        "serve",
        help="build and serve both languages, rebuilding when a file changes",
        description="Serve the site at http://HOST:PORT/ (Welsh at /cy/), rebuilding "
        "when a profile, a page or a setting changes.",
    )
    serve.add_argument("--host", default="127.0.0.1", help="default: 127.0.0.1")
    serve.add_argument("--port", type=_port, default=8000, help="default: 8000")
    add_today(serve)
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
            say(
                message,
                default_lang(),
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


def _port(text: str) -> int:
    if text.isdigit() and 1 <= int(text) <= 65535:
        return int(text)
    message = N_("--port should be a number from 1 to 65535, like 8000, not '{value}'")
    raise argparse.ArgumentTypeError(say(message, default_lang(), value=text[:40]))
