"""The site on three engines, incremental builds, one check per build, and permissions.

Each build runs as people run it (``python -m builder build``) on a copy of
the project, and what it makes is compared with the plain reading of the
YAML in ``tests/expected.py``.
"""

from __future__ import annotations

import datetime as dt
import filecmp
import os
import shutil
import stat
from pathlib import Path

import pytest
import yaml

from builder import pipeline
from builder.engines import mkdocs_build
from builder.engines.tree import write_tree
from builder.i18n import translator
from builder.site.format import LABELS
from tests import expected
from tests.project import ROOT, copy_project, run

TODAY = "2026-11-22"
AREAS = yaml.safe_load((ROOT / "data" / "areas.yml").read_text(encoding="utf-8"))


def area_names(lang: str) -> dict[str, str]:
    """Each community's name in ``lang``, by id; "All of Flintshire" for all-flintshire."""
    names = {c["id"]: c["cy" if lang == "cy" else "en"] for c in AREAS["communities"]}
    names[AREAS["all_id"]] = AREAS["all_name"][lang]
    return names


def html_escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("'", "&#39;")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("engines"))


@pytest.mark.parametrize("engine", ["mkdocs", "properdocs", "zensical"])
def test_every_engine_builds_every_listed_provider_and_no_draft(
    project: Path, engine: str, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    result = run(
        project, "builder", "build", "--site-dir", str(site), "--today", TODAY, "--engine", engine
    )
    assert result.returncode == 0, result.stderr
    for lang, prefix in (("en", ""), ("cy", "cy/")):
        names, label = area_names(lang), translator(lang)
        for p in expected.published():
            page = (site / prefix / "providers" / p.slug / "index.html").read_text(encoding="utf-8")
            assert html_escaped(p.name) in page, (engine, lang, p.slug)
            assert p.phone is None or p.phone in page
            for area in p.areas:
                assert html_escaped(names[area]) in page, (engine, lang, p.slug, area)
            assert html_escaped(label(LABELS[p.status])) in page
        text = "\n".join(
            f.read_text(encoding="utf-8", errors="replace")
            for f in (site / prefix).rglob("*")
            if f.suffix in (".html", ".json", ".xml")
        )
        for draft in expected.drafts():
            assert html_escaped(draft.name) not in text
            assert f"providers/{draft.slug}/" not in text
        assert not (site / prefix / "providers" / expected.drafts()[0].slug).exists()


def edit(project: Path) -> None:
    """Change one provider's summary and areas, withdraw another, and delete a third."""
    bryn = project / "providers" / "bryn-care.yml"
    text = bryn.read_text(encoding="utf-8")
    text = text.replace("summary: ", "summary: Now also on Saturdays. ", 1)
    bryn.write_text(text.replace("areas: [", "areas: [saltney, ", 1), encoding="utf-8")
    cadno = project / "providers" / "cadno-care.yml"
    cadno.write_text(
        cadno.read_text(encoding="utf-8") + 'withdrawn: "2026-11-20"\n', encoding="utf-8"
    )
    (project / "providers" / "telor-care.yml").unlink()


def same_trees(a: Path, b: Path) -> list[str]:
    """The files that differ between two folders, or exist in only one."""
    found: list[str] = []
    compared = filecmp.dircmp(a, b)
    stack = [(compared, "")]
    while stack:
        here, prefix = stack.pop()
        found += [prefix + n for n in here.left_only + here.right_only + here.funny_files]
        _, mismatch, errors = filecmp.cmpfiles(
            here.left, here.right, here.common_files, shallow=False
        )
        found += [prefix + n for n in mismatch + errors]
        stack += [(sub, f"{prefix}{name}/") for name, sub in here.subdirs.items()]
    return sorted(found)


def test_an_incremental_build_after_an_edit_is_identical_to_a_full_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    incremental, full = tmp_path / "incremental", tmp_path / "full"
    build = ("builder", "build", "--today", TODAY, "--site-dir")
    assert run(project, *build, str(incremental)).returncode == 0
    page = incremental / "providers" / "bryn-care" / "index.html"
    untouched = incremental / "providers" / "wild-thyme-care" / "index.html"
    before = untouched.stat().st_mtime_ns
    edit(project)
    assert run(project, *build, str(incremental)).returncode == 0
    assert "Now also on Saturdays." in page.read_text(encoding="utf-8")
    assert untouched.stat().st_mtime_ns == before, "an unchanged page was built again"
    # A full build, from nothing, of the same profiles gives the same files.
    assert (
        run(project, "builder", "build", "--today", TODAY, "--site-dir", str(full)).returncode == 0
    )
    assert same_trees(incremental, full) == []


def test_two_full_builds_are_identical(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    for name in ("a", "b"):
        result = run(
            project, "builder", "build", "--today", TODAY, "--site-dir", str(tmp_path / name)
        )
        assert result.returncode == 0, result.stderr
        # Forget everything the first build kept, so the second starts from nothing.
        shutil.rmtree(project / ".cache")
    assert same_trees(tmp_path / "a", tmp_path / "b") == []


def test_the_language_builds_do_not_check_the_profiles_again(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    directory, result = pipeline.load_directory(on=dt.date.fromisoformat(TODAY))
    assert directory is not None, result.errors

    def no_second_check(**_: object) -> None:
        raise AssertionError("a language build checked the profiles again")

    # The language builds run in processes copied from this one, so they see this.
    monkeypatch.setattr(pipeline, "load_directory", no_second_check)
    mkdocs_build.build_site(tmp_path / "site", directory)
    assert (tmp_path / "site" / "cy" / "providers" / "bryn-care" / "index.html").is_file()


def test_the_built_site_is_readable_by_any_user(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    site = tmp_path / "site"
    result = run(
        project,
        "builder",
        "build",
        "--today",
        TODAY,
        "--site-dir",
        str(site),
        preexec_fn=lambda: os.umask(0o077),
    )
    assert result.returncode == 0, result.stderr
    modes = {
        path.relative_to(site).as_posix(): stat.S_IMODE(path.stat().st_mode)
        for path in [site, *site.rglob("*")]
    }
    wrong = {
        path: oct(mode)
        for path, mode in modes.items()
        if mode != (0o755 if (site / path).is_dir() else 0o644)
    }
    assert wrong == {}


def test_generated_files_rewritten_on_a_later_day_are_those_of_a_first_write(
    tmp_path: Path,
) -> None:
    """What the tree keeps between builds (the cards) depends on the date and the code,
    not only on the provider: a card that turns "please ask" must not stay as it was."""
    first = dt.date.fromisoformat(TODAY)
    later = first + dt.timedelta(days=120)
    again, fresh = tmp_path / "again", tmp_path / "fresh"
    for day, folder in ((first, again), (later, again), (later, fresh)):
        directory, result = pipeline.load_directory(on=day)
        assert directory is not None, result.errors
        write_tree(directory, "en", folder)
        if folder == again and day == first:
            before = {f.name: f.read_bytes() for f in (again / "find" / "cards").iterdir()}
    after = {f.name: f.read_bytes() for f in (fresh / "find" / "cards").iterdir()}
    assert any(before.get(name) not in (None, card) for name, card in after.items())
    assert same_trees(again, fresh) == []
