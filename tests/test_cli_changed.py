"""``check --changed BASE``: report only on changed profiles, compare names with all of them.

Each test makes a small git repository in a temporary folder.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from builder.cli import main
from builder.paths import ROOT

VALID = ROOT / "tests" / "fixtures" / "providers" / "valid"
TODAY = ["--today", "2026-11-22", "--lang", "en"]


@pytest.fixture(autouse=True)
def _fixed_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("MICROCARE_TODAY", raising=False)
    for variable in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        monkeypatch.delenv(variable, raising=False)


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
        cwd=repo,
        check=True,
        capture_output=True,
        timeout=60,
    )


@pytest.fixture
def providers(tmp_path: Path) -> Path:
    """A repository whose providers/ holds two valid profiles, committed."""
    folder = tmp_path / "providers"
    folder.mkdir()
    for name in ("afon-home-help.yml", "cartref-care.yml"):
        shutil.copy(VALID / name, folder / name)
    shutil.copytree(VALID / "photos", folder / "photos")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "Two providers")
    return folder


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["check", *args, *TODAY])
    return code, capsys.readouterr().out


def test_only_changed_and_new_files_are_reported(
    capsys: pytest.CaptureFixture[str], providers: Path
) -> None:
    afon = providers / "afon-home-help.yml"
    afon.write_text(
        afon.read_text(encoding="utf-8").replace("staff: 5", "staff: 9"), encoding="utf-8"
    )
    # A new file with the name of an unchanged one: found, but reported on the new file only.
    cartref = (providers / "cartref-care.yml").read_text(encoding="utf-8")
    (providers / "cartref-two.yml").write_text(cartref, encoding="utf-8")
    assert check(capsys, "--changed", "HEAD", str(providers)) == (
        1,
        f'{afon.as_posix()}:6:8: [error] "staff" is 9, but it must be from 0 to 5 (staff)\n'
        f"{(providers / 'cartref-two.yml').as_posix()}:2:7: [error] another profile has the "
        f"same business name: {(providers / 'cartref-care.yml').as_posix()} (name)\n",
    )


def test_committed_changes_since_the_base_count_too(
    capsys: pytest.CaptureFixture[str], providers: Path
) -> None:
    (providers / "afon-home-help.yml").unlink()
    (providers / "afon-care.yml").write_text("name: Afon Care\n", encoding="utf-8")
    git(providers.parent, "add", "-A")
    git(providers.parent, "commit", "-q", "-m", "Rename")
    code, output = check(capsys, "--changed", "HEAD~1", str(providers))
    assert code == 1
    assert {line.split(":")[0] for line in output.splitlines()} == {
        (providers / "afon-care.yml").as_posix()
    }


def test_nothing_changed_checks_nothing(
    capsys: pytest.CaptureFixture[str], providers: Path
) -> None:
    assert check(capsys, "--changed", "HEAD", str(providers)) == (
        0,
        "0 profiles checked: no problems\n",
    )


def test_an_unknown_base_is_a_usage_mistake(
    capsys: pytest.CaptureFixture[str], providers: Path
) -> None:
    with pytest.raises(SystemExit) as stopped:
        check(capsys, "--changed", "no-such-branch", str(providers))
    assert stopped.value.code == 2
    assert capsys.readouterr().err.endswith(
        "error: 'no-such-branch' is not a commit or branch that git knows; "
        "give one such as origin/main, or a commit id\n"
    )


@pytest.mark.parametrize(
    "base",
    [
        "--output=providers/afon-home-help.yml",
        "--output=afon-home-help.yml",
        "-oafon-home-help.yml",
        "--no-index",
        "HEAD:providers",  # a folder at HEAD, not a commit
        "HEAD --output=x",
        "",
    ],
)
def test_a_base_that_is_not_a_commit_is_refused_and_nothing_is_written(
    capsys: pytest.CaptureFixture[str], providers: Path, base: str
) -> None:
    before = {path: path.read_bytes() for path in providers.rglob("*") if path.is_file()}
    with pytest.raises(SystemExit) as stopped:
        check(capsys, f"--changed={base}", str(providers))
    assert stopped.value.code == 2
    assert capsys.readouterr().err.endswith(
        f"error: '{base}' is not a commit or branch that git knows; "
        "give one such as origin/main, or a commit id\n"
    )
    after = {path: path.read_bytes() for path in providers.rglob("*") if path.is_file()}
    assert after == before
    assert sorted(p.name for p in providers.parent.iterdir()) == [".git", "providers"]


def test_a_base_with_control_characters_is_shown_harmlessly(
    capsys: pytest.CaptureFixture[str], providers: Path
) -> None:
    with pytest.raises(SystemExit):
        check(capsys, "--changed", "main\x1b[2K", str(providers))
    assert "error: 'main\\x1b[2K' is not a commit or branch" in capsys.readouterr().err


def test_a_branch_named_like_an_option_is_still_a_branch(
    capsys: pytest.CaptureFixture[str], providers: Path
) -> None:
    git(providers.parent, "branch", "-q", "base")
    git(
        providers.parent, "update-ref", "refs/heads/-p", "HEAD"
    )  # a name git cannot take from a user
    afon = providers / "afon-home-help.yml"
    afon.write_text(afon.read_text(encoding="utf-8").replace("staff: 5", "staff: 9"), "utf-8")
    for base in ("base", "-p"):
        code, output = check(capsys, f"--changed={base}", str(providers))
        assert (code, output.count("[error]")) == (1, 1), base


def test_outside_git_the_message_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "providers"
    folder.mkdir()
    with pytest.raises(SystemExit):
        check(capsys, "--changed", "HEAD", str(folder))
    assert "git cannot compare with 'HEAD': fatal: not a git repository" in capsys.readouterr().err
