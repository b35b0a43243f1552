"""Build and serve both languages with MkDocs.

One MkDocs build per language: mkdocs.yml (English, at the site root) and
mkdocs.cy.yml (Welsh, under cy/), which inherits it. The two run in
parallel, each in its own process; ``mkdocs_hook`` feeds each one its pages.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from pathlib import Path

from builder import i18n, pipeline, search
from builder.paths import PROVIDERS_DIR, ROOT

log = logging.getLogger("mkdocs.hooks.microcare")


CONFIGS = {"en": ROOT / "mkdocs.yml", "cy": ROOT / "mkdocs.cy.yml"}


class BuildFailed(Exception):
    """A build stopped; the message is meant for people, not a traceback."""


def _build_one(lang: str, site_dir: str, today: str) -> str | None:
    """Build one language into ``site_dir``. Returns an error message or None."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    os.environ[pipeline.TODAY_VARIABLE] = today
    # Material prints a banner about its end of life on every build; the
    # README records the plan (one thin adapter), so keep the output quiet.
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    try:
        config = load_config(config_file=str(CONFIGS[lang]), site_dir=site_dir)
        build(config)
        search.index_site(Path(site_dir), lang)
    except (MkDocsException, search.IndexFailed) as error:
        return str(error)
    except i18n.MissingTranslation as missing:
        return str(missing)
    return None


def build_site(site_dir: Path, today: dt.date) -> None:
    """Build the English site into ``site_dir`` and the Welsh one into ``site_dir/cy``."""
    import shutil
    import tempfile
    from concurrent.futures import ProcessPoolExecutor

    site_dir = site_dir.resolve()
    with tempfile.TemporaryDirectory(prefix="microcare-cy-") as welsh_dir:
        # English cleans its site_dir first, so Welsh builds elsewhere and
        # moves in afterwards.
        with ProcessPoolExecutor(max_workers=2) as pool:
            english = pool.submit(_build_one, "en", str(site_dir), today.isoformat())
            welsh = pool.submit(_build_one, "cy", welsh_dir, today.isoformat())
            errors = [e for e in (english.result(), welsh.result()) if e]
        if errors:
            raise BuildFailed(errors[0])
        shutil.rmtree(site_dir / "cy", ignore_errors=True)
        shutil.copytree(welsh_dir, site_dir / "cy")


def serve_site(host: str, port: int, today: dt.date) -> None:
    """Serve both languages on http://host:port/, rebuilding when files change."""
    import shutil
    import tempfile

    from mkdocs.livereload import LiveReloadServer

    site_dir = Path(tempfile.mkdtemp(prefix="microcare-site-"))

    def rebuild() -> None:
        try:
            build_site(site_dir, today)
        except BuildFailed as error:
            # Keep serving the last good site; the message says what to fix.
            log.error("%s", error)

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
