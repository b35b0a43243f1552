"""Anything check accepts, build builds: the longest file name check accepts, through a real
build of a copy of the project (``python -m builder build``, as staff run it)."""

from __future__ import annotations

from pathlib import Path

from builder.check.file_rules import MAX_SLUG
from tests.project import copy_project, run
from tests.test_council import SAMPLE_WARNINGS

LONGEST = ("gofal-" * 17)[: MAX_SLUG - 1] + "x"


def test_the_longest_file_name_check_accepts_is_built_in_both_languages(tmp_path: Path) -> None:
    assert len(LONGEST) == MAX_SLUG
    project = copy_project(tmp_path)
    providers = project / "providers"
    text = (providers / "bryn-care.yml").read_text(encoding="utf-8")
    (providers / f"{LONGEST}.yml").write_text(
        text.replace("name: Bryn Care", "name: Gofal Gofal Gofal"), encoding="utf-8"
    )
    (providers / f"{LONGEST}x.yml").write_text(
        text.replace("name: Bryn Care", "name: Gofal Rhy Hir"), encoding="utf-8"
    )
    assert run(project, "builder", "check").stdout.splitlines() == [
        *SAMPLE_WARNINGS,
        f"providers/{LONGEST}x.yml:1:1: [error] the file name is {MAX_SLUG + 1} characters "
        f"long, more than {MAX_SLUG}; shorten it, for example to '{LONGEST[:95]}.yml'",
    ]
    (providers / f"{LONGEST}x.yml").unlink()

    site = tmp_path / "site"
    result = run(project, "builder", "build", "--site-dir", str(site), "--today", "2026-11-22")

    assert result.returncode == 0, result.stdout + result.stderr
    for root in (site, site / "cy"):
        assert (root / "providers" / LONGEST / "index.html").is_file()
        assert (root / "find" / "cards" / f"{LONGEST}.html").is_file()
        assert LONGEST in (root / "providers" / "index.html").read_text(encoding="utf-8")
