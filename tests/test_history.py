"""Dates and changes from git: parsed from real git output, in a real repository."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

from builder.load.history import EMPTY, Change, read_history

PROFILE = """name: {name}
published: {published}
availability:
  status: {status}
  confirmed: "2026-01-01"
"""


def git(repo: Path, *args: str, date: str = "2026-01-05T10:00:00") -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
        "GIT_AUTHOR_NAME": "Staff",
        "GIT_AUTHOR_EMAIL": "staff@example.org",
        "GIT_COMMITTER_NAME": "Staff",
        "GIT_COMMITTER_EMAIL": "staff@example.org",
    }
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def write(repo: Path, slug: str, **fields: str) -> None:
    values = {"name": slug.title(), "published": "true", "status": "taking-new-clients"}
    (repo / "providers" / f"{slug}.yml").write_text(PROFILE.format(**{**values, **fields}))


def commit(repo: Path, date: str) -> str:
    git(repo, "add", "-A", date=date)
    git(repo, "commit", "-q", "-m", "change", date=date)
    out = subprocess.run(["git", "rev-parse", "HEAD"], cwd=repo, capture_output=True, text=True)
    return out.stdout.strip()


def test_history_reports_listings_availability_and_withdrawals(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q")
    (tmp_path / "providers").mkdir()
    write(tmp_path, "alpha")
    write(tmp_path, "draft", published="false")
    first = commit(tmp_path, "2026-01-05T10:00:00")
    write(tmp_path, "alpha", status="waiting-list")
    write(tmp_path, "draft", published="false", status="waiting-list")
    second = commit(tmp_path, "2026-02-10T10:00:00")
    path = tmp_path / "providers" / "alpha.yml"
    path.write_text(
        path.read_text().replace("published: true", 'published: true\nwithdrawn: "2026-03-01"')
    )
    third = commit(tmp_path, "2026-03-01T10:00:00")

    history = read_history(tmp_path)

    assert history.last_updated == {"alpha": dt.date(2026, 3, 1), "draft": dt.date(2026, 2, 10)}
    assert history.changes == (
        Change(dt.date(2026, 3, 1), third, "alpha", "withdrawn"),
        Change(dt.date(2026, 2, 10), second, "alpha", "availability", "waiting-list"),
        Change(dt.date(2026, 2, 10), second, "draft", "availability", "waiting-list"),
        Change(dt.date(2026, 1, 5), first, "alpha", "listed"),
        Change(dt.date(2026, 1, 5), first, "draft", "availability", "taking-new-clients"),
    )


def test_outside_git_there_is_no_history_and_no_error(tmp_path: Path) -> None:
    (tmp_path / "providers").mkdir()
    write(tmp_path, "alpha")
    assert read_history(tmp_path) == EMPTY


def init(repo: Path) -> None:
    git(repo, "init", "-q")
    (repo / "providers").mkdir()


# Text in a profile's value that, in a diff, reads as the header of another file's diff,
# and lines that would announce that file's listing, availability and withdrawal.
DIFF_LOOK_ALIKE = (
    'summary: "Friendly care.\n'
    "++ b/providers/victim.yml\n"
    "+published: true\n"
    "+  status: not-taking-new-clients\n"
    "+withdrawn: 2026-01-01\n"
    '++ /dev/null\n"\n'
)


def test_text_that_looks_like_a_diff_header_changes_no_other_provider(tmp_path: Path) -> None:
    init(tmp_path)
    write(tmp_path, "alpha")
    write(tmp_path, "victim")
    first = commit(tmp_path, "2026-01-05T10:00:00")
    path = tmp_path / "providers" / "alpha.yml"
    path.write_text(DIFF_LOOK_ALIKE + path.read_text())
    commit(tmp_path, "2026-02-10T10:00:00")

    history = read_history(tmp_path)

    assert history.changes == (
        Change(dt.date(2026, 1, 5), first, "alpha", "listed"),
        Change(dt.date(2026, 1, 5), first, "victim", "listed"),
    )
    assert history.last_updated == {"alpha": dt.date(2026, 2, 10), "victim": dt.date(2026, 1, 5)}


def test_text_that_looks_like_the_end_of_a_diff_hides_no_change(tmp_path: Path) -> None:
    init(tmp_path)
    write(tmp_path, "alpha")
    commit(tmp_path, "2026-01-05T10:00:00")
    write(tmp_path, "alpha", status="waiting-list")
    path = tmp_path / "providers" / "alpha.yml"
    path.write_text(DIFF_LOOK_ALIKE + path.read_text())
    second = commit(tmp_path, "2026-02-10T10:00:00")

    changes = read_history(tmp_path).changes

    assert changes[0] == Change(
        dt.date(2026, 2, 10), second, "alpha", "availability", "waiting-list"
    )


def test_changes_are_read_from_the_values_however_they_are_written(tmp_path: Path) -> None:
    init(tmp_path)
    (tmp_path / "providers" / "alpha.yml").write_text(
        '{name: Alpha, "\\x70ublished": false, availability: {status: waiting-list}}\n'
    )
    first = commit(tmp_path, "2026-01-05T10:00:00")
    (tmp_path / "providers" / "alpha.yml").write_text(
        '{name: Alpha, "\\x70ublished": !!bool true, availability: {status: waiting-list}}\n'
    )
    commit(tmp_path, "2026-02-10T10:00:00")  # a tag: the loader refuses the value
    (tmp_path / "providers" / "alpha.yml").write_text(
        '{name: Alpha, "\\x70ublished": true, availability: {"st\\x61tus": waiting-list}}\n'
    )
    third = commit(tmp_path, "2026-03-01T10:00:00")

    assert read_history(tmp_path).changes == (
        Change(dt.date(2026, 3, 1), third, "alpha", "listed"),
        Change(dt.date(2026, 1, 5), first, "alpha", "availability", "waiting-list"),
    )


def test_profiles_in_subfolders_are_not_history(tmp_path: Path) -> None:
    init(tmp_path)
    write(tmp_path, "alpha")
    (tmp_path / "providers" / "old").mkdir()
    (tmp_path / "providers" / "old" / "beta.yml").write_text(
        PROFILE.format(name="Beta", published="true", status="waiting-list")
    )
    (tmp_path / "providers" / "old" / "alpha.yml").write_text(
        PROFILE.format(name="Alpha", published="true", status="not-taking-new-clients")
    )
    first = commit(tmp_path, "2026-01-05T10:00:00")
    (tmp_path / "providers" / "old" / "alpha.yml").write_text("withdrawn: 2026-02-01\n")
    commit(tmp_path, "2026-02-10T10:00:00")

    history = read_history(tmp_path)

    assert history.changes == (Change(dt.date(2026, 1, 5), first, "alpha", "listed"),)
    assert history.last_updated == {"alpha": dt.date(2026, 1, 5)}


def test_an_escaped_control_character_in_a_status_is_no_change(tmp_path: Path) -> None:
    init(tmp_path)
    write(tmp_path, "alpha", status='"waiting\\x1b[2K-list"')
    first = commit(tmp_path, "2026-01-05T10:00:00")
    assert read_history(tmp_path).changes == (
        Change(dt.date(2026, 1, 5), first, "alpha", "listed"),
    )
