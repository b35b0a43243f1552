"""A copy of the project to run commands in, as people run them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARTS = (
    "builder",
    "data",
    "docs",
    "overrides",
    "schema",
    "providers",
    "mkdocs.yml",
    "mkdocs.cy.yml",
)
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "LANG": "en_GB.UTF-8"}


def copy_project(tmp_path: Path) -> Path:
    """The project's sources, data and profiles, copied into ``tmp_path/project``."""
    project = tmp_path / "project"
    project.mkdir()
    for part in PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, project / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, project / part)
    return project


def run(project: Path, *args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    """``python -m ARGS`` in ``project``, with its output."""
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", *args],
        cwd=project,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=300,
        **kwargs,
    )
