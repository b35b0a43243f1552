"""Build both languages with Zensical, Material for MkDocs' successor, from the Markdown tree.

Zensical reads mkdocs.yml but not its ``hooks:``, so it builds the plain
Markdown tree that ``engines/markdown.py`` writes, where the generated pages
already exist as files. English is built first: the Welsh site goes inside
it, under cy/.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from builder.engines import markdown
from builder.engines.site_folder import make_readable
from builder.model import Directory
from builder.paths import CACHE_DIR


class BuildFailed(Exception):
    """Zensical stopped; the message is its own."""


def build_site(site_dir: Path, directory: Directory) -> None:
    """Build the English site into ``site_dir`` and the Welsh one into ``site_dir/cy``."""
    work = CACHE_DIR / "zensical"
    shutil.rmtree(work, ignore_errors=True)
    markdown.export(directory, work)
    zensical = Path(sys.executable).with_name("zensical")
    for config in markdown.CONFIGS.values():
        done = subprocess.run(
            [str(zensical), "build", "-f", config], cwd=work, capture_output=True, text=True
        )
        if done.returncode:
            raise BuildFailed(done.stderr.strip().splitlines()[-1] if done.stderr else config)
    site_dir = site_dir.resolve()
    shutil.rmtree(site_dir, ignore_errors=True)
    shutil.copytree(work / "site", site_dir)
    make_readable(site_dir)
