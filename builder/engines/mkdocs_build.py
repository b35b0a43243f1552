"""Build and serve both languages with MkDocs, or with ProperDocs, its fork.

One build per language, in parallel, each in its own process: mkdocs.yml
(English, at the site root) and mkdocs.cy.yml (Welsh, under cy/), which
inherits it. The profiles are checked once, before; each process writes its
language's generated files (``engines/tree.py``) and runs the engine with
the hook (``mkdocs_hook``), which adds them.

Builds are incremental. Each process builds into the existing site folder
and MkDocs rebuilds only the pages whose source is newer than the page
(its ``dirty`` mode); the tree rewrites only files whose content changed,
and the hook removes what the build no longer makes. Anything that changes
every page (the configuration, the theme, the navigation, the code, the
date) is noticed and the site folder is emptied first, so the result is
always the same as a build from nothing.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import json
import logging
import multiprocessing
import os
import shutil
import threading
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from importlib.metadata import version
from pathlib import Path

from builder import i18n, pipeline, search
from builder.engines.site_folder import empty, make_readable
from builder.engines.tree import TREE_VARIABLE, tree_folder, write_tree
from builder.model import Directory
from builder.paths import CACHE_DIR, PROVIDERS_DIR, ROOT
from builder.site import chrome
from builder.site.render import source_digest

log = logging.getLogger("mkdocs.hooks.microcare")

CONFIGS = {"en": ROOT / "mkdocs.yml", "cy": ROOT / "mkdocs.cy.yml"}
#: The engines this module drives; both read mkdocs.yml and run our hook.
ENGINES = ("mkdocs", "properdocs")


class BuildFailed(Exception):
    """A build stopped; the message is meant for people, not a traceback."""


def build_site(
    site_dir: Path, directory: Directory, engine: str = "mkdocs", with_search: bool = True
) -> None:
    """Build the English site into ``site_dir`` and the Welsh one into ``site_dir/cy``.

    ``directory`` holds the checked providers: nothing is checked again.
    ``engine`` is "mkdocs" or "properdocs". Each language's search index is
    made after its pages, unless ``with_search`` is false (``serve`` makes it
    afterwards, so that a change shows at once).
    """
    site_dir = site_dir.resolve()
    with _locked():
        state_file = CACHE_DIR / "sites" / (_digest(str(site_dir)) + ".json")
        key = _engine_key(directory.today, engine)
        full = not _same_engine(state_file, key)
        folders = {"en": site_dir, "cy": site_dir / chrome.OTHER["en"]}
        # ProperDocs answers imports of mkdocs.* itself, so its processes must
        # start clean; MkDocs' can start as copies of this one, which is faster.
        context = multiprocessing.get_context("spawn" if engine == "properdocs" else "fork")
        with ProcessPoolExecutor(max_workers=2, mp_context=context) as pool:
            jobs = [
                pool.submit(
                    _build_language, lang, directory, str(folders[lang]), full, engine, with_search
                )
                for lang in ("en", "cy")
            ]
            errors = [e for e in (job.result() for job in jobs) if e]
        if errors:
            state_file.unlink(missing_ok=True)
            raise BuildFailed(errors[0])
        make_readable(site_dir)
        state_file.parent.mkdir(parents=True, exist_ok=True)
        state_file.write_text(json.dumps({"engine": key}), encoding="utf-8")


def _build_language(
    lang: str, directory: Directory, site_dir: str, full: bool, engine: str, with_search: bool
) -> str | None:
    """Write one language's generated files and build it. Returns an error message or None."""
    if engine == "properdocs":
        import properdocs.replacement  # noqa: F401 -- from here on, mkdocs.* is ProperDocs
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    tree = tree_folder(lang)
    os.environ[pipeline.TODAY_VARIABLE] = directory.today.isoformat()
    os.environ[TREE_VARIABLE] = str(tree)
    # Material prints a banner about its end of life on every build; the
    # README records the plan (engines/ holds every engine's code).
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.getLogger(f"{engine}.commands.build").addFilter(_quiet_dirty_build)
    try:
        config = load_config(config_file=str(CONFIGS[lang]), site_dir=site_dir)
        write_tree(directory, lang, tree, config.site_url or "")
        if full:
            empty(Path(site_dir), keep=set() if lang != "en" else {chrome.OTHER["en"]})
        build(config, dirty=True)
        if with_search:
            search.index_site(Path(site_dir), lang)
    except (MkDocsException, search.IndexFailed) as error:
        return str(error)
    except i18n.MissingTranslation as missing:
        return str(missing)
    return None


def _quiet_dirty_build(record: logging.LogRecord) -> bool:
    """MkDocs warns that a dirty build may be inaccurate; ours is not (see the docstring)."""
    return "'dirty' build" not in record.getMessage()


def _engine_key(today: dt.date, engine: str) -> str:
    """What every page depends on besides its own source."""
    parts = [
        today.isoformat(),
        source_digest(),
        engine,
        version(engine),
        version("mkdocs-material"),
    ]
    for path in sorted(
        [*CONFIGS.values(), *(ROOT / "overrides").rglob("*"), *(ROOT / "docs").rglob("*")]
    ):
        # A new or removed hand-written page changes the navigation of every
        # page; an edit to one changes only that page, which MkDocs notices.
        parts.append(path.relative_to(ROOT).as_posix())
        if path.is_file() and not path.is_relative_to(ROOT / "docs"):
            parts.append(_digest(path.read_text(encoding="utf-8", errors="replace")))
    return _digest(*parts)


def _same_engine(state_file: Path, engine: str) -> bool:
    try:
        return bool(json.loads(state_file.read_text(encoding="utf-8"))["engine"] == engine)
    except (OSError, ValueError, KeyError, TypeError):
        return False


@contextmanager
def _locked() -> Iterator[None]:
    """One build at a time per project: two would write the same generated files."""
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    with (CACHE_DIR / "build.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _digest(*parts: str) -> str:
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass") + b"\x00")
    return h.hexdigest()


def _index_both(site_dir: Path) -> None:
    """Index both languages' pages for the search (in ``serve``, after the pages)."""
    for lang, folder in (("en", site_dir), ("cy", site_dir / chrome.OTHER["en"])):
        try:
            search.index_site(folder, lang)
        except search.IndexFailed as failed:
            log.error("%s", failed)


def serve_site(host: str, port: int, today: dt.date | None) -> None:
    """Serve both languages on http://host:port/, rebuilding what changed when files change."""
    import tempfile

    from mkdocs.livereload import LiveReloadServer

    site_dir = Path(tempfile.mkdtemp(prefix="microcare-site-"))

    def rebuild() -> None:
        directory, result = pipeline.load_directory(on=today)
        if directory is None:
            # Keep serving the last good site; the messages say what to fix.
            from builder.check.report import format_problems

            log.error("%s", format_problems(result.errors))
            return
        try:
            # The pages first, so that the change shows at once; the search
            # index follows, out of the way.
            build_site(site_dir, directory, with_search=False)
        except BuildFailed as error:
            log.error("%s", error)
            return
        threading.Thread(target=_index_both, args=(site_dir,), daemon=True).start()

    server = LiveReloadServer(builder=rebuild, host=host, port=port, root=str(site_dir))
    for watched in ("docs", PROVIDERS_DIR, "data", "builder", "overrides"):
        server.watch(str(ROOT / watched))
    for config_file in CONFIGS.values():
        server.watch(str(config_file))
    rebuild()
    try:
        server.serve()  # type: ignore[no-untyped-call]
    except KeyboardInterrupt:
        log.info("Stopping the server.")
    finally:
        server.shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)
