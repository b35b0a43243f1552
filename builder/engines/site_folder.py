"""The built site's folder: emptied before a full build, readable by any web server after."""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def empty(folder: Path, keep: set[str]) -> None:
    """Remove everything in ``folder`` except the top-level names in ``keep``."""
    if not folder.is_dir():
        return
    for child in folder.iterdir():
        if child.name in keep:
            continue
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()


def make_readable(site_dir: Path) -> None:
    """Files 0644 and folders 0755, so that a web server running as any user can serve them,
    and no empty folders left behind by removed pages."""
    for here, dirs, files in os.walk(site_dir, topdown=False):
        for name in files:
            path = os.path.join(here, name)
            if os.stat(path).st_mode & 0o777 != 0o644:
                os.chmod(path, 0o644)
        if not dirs and not files and here != str(site_dir):
            os.rmdir(here)
            continue
        if os.stat(here).st_mode & 0o777 != 0o755:
            os.chmod(here, 0o755)
