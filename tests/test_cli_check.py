"""``python -m builder check``: exact output and exit code, asserted together."""

from __future__ import annotations

import subprocess
import sys

import pytest

from builder.cli import main
from builder.cli.common import default_lang
from builder.paths import ROOT

INVALID = "tests/fixtures/providers/invalid"
VALID = "tests/fixtures/providers/valid"
TODAY = ["--today", "2026-11-22", "--lang", "en"]


@pytest.fixture(autouse=True)
def _fixed_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("MICROCARE_TODAY", raising=False)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["check", *args])
    return code, capsys.readouterr().out


def test_errors_are_listed_and_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, f"{INVALID}/out-of-range.yml", *TODAY) == (
        1,
        f"{INVALID}/out-of-range.yml:6:8: [error] "
        '"staff" is 7, but it must be from 0 to 5 (staff)\n'
        f'{INVALID}/out-of-range.yml:37:16: [error] "hourly_rate" is 0, but it must be more than 0 '
        "and at most 200 (prices.hourly_rate)\n"
        f'{INVALID}/out-of-range.yml:38:26: [error] "minimum_visit_minutes" is 10, but it must be '
        "from 15 to 720 (prices.minimum_visit_minutes)\n",
    )


def test_a_clean_folder_ends_with_a_one_line_summary(capsys: pytest.CaptureFixture[str]) -> None:
    valid = len(list((ROOT / VALID).glob("*.yml")))
    assert run(capsys, VALID, *TODAY) == (0, f"{valid} profiles checked: no problems\n")
    assert run(capsys, "providers/bryn-care.yml", *TODAY) == (
        0,
        "1 profile checked: no problems\n",
    )
    assert run(capsys, "providers/", "--today", "2026-11-22", "--lang", "cy") == (
        0,
        "28 o broffiliau wedi'u gwirio: dim problemau\n",
    )


def test_checking_everything_also_checks_the_councils_details(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, output = run(capsys, *TODAY)
    lines = output.splitlines()
    assert code == 0
    assert len(lines) == 6  # the sample's placeholders, and no summary after warnings
    assert all(line.startswith("data/directory.yml:") for line in lines)
    assert all(" [warning] " in line and "(council_contacts." in line for line in lines)


def test_a_lapse_is_a_warning_on_the_pull_request(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, f"{INVALID}/insurance-expired.yml", "--format", "github", *TODAY) == (
        0,
        f"::warning file={INVALID}/insurance-expired.yml,line=43,col=47,"
        "title=checks.insurance.expires::the listing is paused: the public liability insurance "
        'ran out on 2026-10-31; see the new certificate and update "expires" and "checked"\n',
    )


def test_warnings_alone_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, output = run(capsys, f"{INVALID}/welsh-missing.yml", *TODAY)
    assert (code, output.count("[warning]"), output.count("[error]")) == (0, 2, 0)


def test_github_format(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(
        capsys,
        f"{INVALID}/bad-phone.yml",
        f"{INVALID}/empty-file.yml",
        "--format",
        "github",
        *TODAY,
    ) == (
        1,
        f"::error file={INVALID}/bad-phone.yml,line=24,col=10,title=contact.phone::"
        "'01632 96023' is not a valid UK phone number; check the digits\n"
        f"::error file={INVALID}/empty-file.yml,line=1,col=1::"
        "the file is empty: it has no fields\n",
    )


def test_today_defaults_to_the_sample_data_date(capsys: pytest.CaptureFixture[str]) -> None:
    future = f"{INVALID}/future-dates.yml"
    assert run(capsys, future, "--lang", "en") == run(capsys, future, *TODAY)
    code, output = run(capsys, future, "--today", "2027-11-01", "--lang", "en")
    assert (code, output) == (0, "1 profile checked: no problems\n")


def test_lang_defaults_to_welsh_for_a_welsh_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "cy_GB.UTF-8")
    assert default_lang() == "cy"
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert default_lang() == "en"
    monkeypatch.delenv("LANG")
    assert default_lang() == "en"


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["check", "--format", "xml"],
        ["check", "--today", "22/11/2026"],
        ["check", "--lang", "fr"],
        ["check", "no/such/file.yml"],
        ["frobnicate"],
    ],
)
def test_usage_mistakes_exit_2(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(args)
    assert stopped.value.code == 2
    assert capsys.readouterr().out == ""


def test_python_m_builder_check() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "builder", "check", f"{INVALID}/duplicate-key.yml", *TODAY],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={"PATH": "/usr/bin:/bin"},
    )
    assert (done.returncode, done.stdout, done.stderr) == (
        1,
        f"{INVALID}/duplicate-key.yml:28:3: [error] "
        '"email" is here twice; the first is on line 26. Remove one (contact.email)\n',
        "",
    )


@pytest.mark.parametrize(
    ("args", "value"),
    [
        (["check", "--today", "22/11/2026"], "22/11/2026"),
        (["check", "--today", "2026-02-30"], "2026-02-30"),
        (["check", "--today", "9999-12-31"], "9999-12-31"),
        (["check", "--today", "20261122"], "20261122"),
        (["check", "--today", "2026-11-22\x1b[2K"], "2026-11-22\\x1b[2K"),
        (["report", "--today", "0001-01-01"], "0001-01-01"),
        (["build", "--today", "tomorrow"], "tomorrow"),
    ],
)
def test_a_malformed_today_is_a_clear_usage_mistake(
    capsys: pytest.CaptureFixture[str], args: list[str], value: str
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(args)
    assert stopped.value.code == 2
    assert capsys.readouterr().err.endswith(
        "error: argument --today: --today should be a date written YYYY-MM-DD, "
        f"from 2000 to 2100, like 2026-03-14, not '{value}'\n"
    )


@pytest.mark.parametrize("value", ["22/11/2026", "9999-12-31", "2026-11-22T00:00"])
def test_a_malformed_microcare_today_is_a_clear_usage_mistake(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("MICROCARE_TODAY", value)
    with pytest.raises(SystemExit) as stopped:
        main(["check", f"{VALID}/cartref-care.yml", "--lang", "en"])
    assert stopped.value.code == 2
    assert capsys.readouterr().err.endswith(
        "error: MICROCARE_TODAY should be a date written YYYY-MM-DD, from 2000 to 2100, "
        f"like 2026-03-14, not '{value}'\n"
    )


@pytest.mark.parametrize("value", ["99999", "0", "-1", "http"])
def test_a_malformed_port_is_a_clear_usage_mistake(
    capsys: pytest.CaptureFixture[str], value: str
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["serve", f"--port={value}"])
    assert stopped.value.code == 2
    assert capsys.readouterr().err.endswith(
        f"error: argument --port: --port should be a number from 1 to 65535, like 8000, "
        f"not '{value}'\n"
    )


def test_a_missing_path_is_named_harmlessly(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["check", "gone\x1b[2K\u202e.yml"])
    assert stopped.value.code == 2
    assert capsys.readouterr().err.endswith(
        "error: no such file or folder: gone\\x1b[2K\\u202e.yml\n"
    )
