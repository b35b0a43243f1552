"""``python -m builder report``: what falls due, as a table and as CSV, on a fixed day.

The profiles in fixtures/providers/due each say in their second line what
they should show on 2026-11-22.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from builder.check import freshness
from builder.cli import main
from builder.i18n import ngettext_for, translator
from builder.load.profile import load_provider
from builder.load.vocab import load_vocabulary
from builder.paths import ROOT
from builder.staff import due

DUE = "tests/fixtures/providers/due"
TODAY = date(2026, 11, 22)
TABLE = f"""\
Due or pausing in the next 30 days, and anything overdue or paused (today is 2026-11-22):
{"Provider file":<62}What                      Date        Status
{DUE}/esgair-availability-stale.yml    availability check        2026-10-30  overdue by 23 days
{DUE}/bont-review-overdue.yml          council review            2026-11-01  overdue by 21 days
{DUE}/dol-insurance-expired.yml        insurance renewal         2026-11-20  overdue by 2 days
{DUE}/dol-insurance-expired.yml        pause: insurance ran out  2026-11-21  paused for 1 day
{DUE}/hafod-due-today.yml              insurance renewal         2026-11-22  due today
{DUE}/hafod-due-today.yml              pause: insurance ran out  2026-11-23  pauses in 1 day
{DUE}/cwm-draft-insurance.yml (draft)  insurance renewal         2026-12-01  due in 9 days
{DUE}/aber-review-soon.yml             council review            2026-12-10  due in 18 days
{DUE}/bont-review-overdue.yml          insurance renewal         2026-12-22  due in 30 days
"""
CSV = (
    "\ufeffProvider file,What,Date,Status\r\n"
    f"{DUE}/esgair-availability-stale.yml,availability check,2026-10-30,overdue by 23 days\r\n"
    f"{DUE}/bont-review-overdue.yml,council review,2026-11-01,overdue by 21 days\r\n"
    f"{DUE}/dol-insurance-expired.yml,insurance renewal,2026-11-20,overdue by 2 days\r\n"
    f"{DUE}/dol-insurance-expired.yml,pause: insurance ran out,2026-11-21,paused for 1 day\r\n"
    f"{DUE}/hafod-due-today.yml,insurance renewal,2026-11-22,due today\r\n"
    f"{DUE}/hafod-due-today.yml,pause: insurance ran out,2026-11-23,pauses in 1 day\r\n"
    f"{DUE}/cwm-draft-insurance.yml (draft),insurance renewal,2026-12-01,due in 9 days\r\n"
    f"{DUE}/aber-review-soon.yml,council review,2026-12-10,due in 18 days\r\n"
    f"{DUE}/bont-review-overdue.yml,insurance renewal,2026-12-22,due in 30 days\r\n"
)


@pytest.fixture(autouse=True)
def _fixed_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("MICROCARE_TODAY", raising=False)


def report(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["report", *args, "--today", "2026-11-22", "--lang", "en"])
    return code, capsys.readouterr().out


def test_the_table_lists_what_is_due_by_date(capsys: pytest.CaptureFixture[str]) -> None:
    assert report(capsys, DUE) == (0, TABLE)


def test_csv_has_the_same_rows(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "due.csv"
    assert report(capsys, DUE, "--csv", str(out)) == (0, TABLE)
    assert out.read_bytes().decode("utf-8") == CSV


def test_the_report_speaks_welsh(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["report", f"{DUE}/hafod-due-today.yml", "--today", "2026-11-22", "--lang", "cy"])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert out.splitlines()[-2:] == [
        f"{DUE}/hafod-due-today.yml  adnewyddu yswiriant             2026-11-22  "
        "yn ddyledus heddiw",
        f"{DUE}/hafod-due-today.yml  oedi: yswiriant wedi dod i ben  2026-11-23  "
        "yn cael ei oedi ymhen 1 diwrnod",
    ]


def test_nothing_due_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert report(capsys, f"{DUE}/ffridd-nothing-due.yml", f"{DUE}/gelli-withdrawn.yml") == (
        0,
        "Nothing falls due in the next 30 days (today is 2026-11-22).\n",
    )


def test_the_window_comes_from_the_settings() -> None:
    profiles = [
        (path.relative_to(ROOT).as_posix(), _load(path))
        for path in sorted((ROOT / DUE).glob("*.yml"))
    ]
    week = replace(freshness.periods(load_vocabulary()), report_days=7)
    assert [(item.day.isoformat(), item.what) for item in due.due_items(profiles, week, TODAY)] == [
        ("2026-10-30", "availability check"),
        ("2026-11-01", "council review"),
        ("2026-11-20", "insurance renewal"),
        ("2026-11-21", "pause: insurance ran out"),
        ("2026-11-22", "insurance renewal"),
        ("2026-11-23", "pause: insurance ran out"),
    ]


@pytest.mark.parametrize(
    ("day", "status"),
    [
        (date(2026, 11, 23), "pauses in 1 day"),
        (date(2026, 11, 21), "paused for 1 day"),
        (date(2026, 11, 22), "paused from today"),
    ],
)
def test_pause_status_words(day: date, status: str) -> None:
    assert due._status(due._PAUSE, day, TODAY, translator("en"), ngettext_for("en")) == status


@pytest.mark.parametrize(
    ("day", "status"),
    [
        (date(2026, 11, 23), "due in 1 day"),
        (date(2026, 11, 21), "overdue by 1 day"),
        (date(2026, 11, 22), "due today"),
        (date(2027, 11, 22), "due in 365 days"),
    ],
)
def test_status_words(day: date, status: str) -> None:
    assert due._status(due._DUE, day, TODAY, translator("en"), ngettext_for("en")) == status


def test_usage_mistakes_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        report(capsys, "no/such/folder")
    assert stopped.value.code == 2


def _load(path: Path) -> object:
    return load_provider(path, path.name, max_bytes=200_000).data
