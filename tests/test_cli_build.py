"""`build`, plain `mkdocs build` and `serve`, run as people run them, on a copy of the project."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.project import ENV, ROOT, copy_project, run
from tests.test_council import SAMPLE_WARNINGS

BROKEN = ROOT / "tests" / "fixtures" / "providers" / "invalid" / "leading-zero-phone.yml"


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("broken"))
    shutil.copy(BROKEN, project / "providers" / "glan-aber-care.yml")
    return project


ERROR = (
    "providers/glan-aber-care.yml:24:10: [error] put '01632960234' in quotes, like "
    '"01632960234", so that the 0 at the start is kept (contact.phone)\n'
)
# Checking the whole directory names the sample's placeholder council details first.
EXPECTED = "".join(line + "\n" for line in SAMPLE_WARNINGS) + ERROR


def test_check_names_the_broken_profile(broken: Path) -> None:
    result = run(broken, "builder", "check")
    assert (result.returncode, result.stdout) == (1, EXPECTED)


def test_check_speaks_welsh(broken: Path) -> None:
    result = run(broken, "builder", "check", "--lang", "cy")
    *council, error = result.stdout.splitlines()
    assert (result.returncode, error) == (
        1,
        "providers/glan-aber-care.yml:24:10: [error] rhowch '01632960234' mewn dyfynodau, fel "
        '"01632960234", er mwyn cadw\'r 0 ar y dechrau (contact.phone)',
    )
    assert [line.split(" [warning] ")[0] for line in council] == [
        line.split(" [warning] ")[0] for line in SAMPLE_WARNINGS
    ]
    assert "mae cyfeiriad e-bost y tîm Micro-ofal yn dal i fod yn dalfan" in council[0]


def test_build_fails_with_the_same_messages_and_builds_nothing(broken: Path) -> None:
    result = run(broken, "builder", "build")
    assert (result.returncode, result.stdout) == (1, EXPECTED)
    assert result.stderr == "Nothing was built: fix the errors above, then build again.\n"
    assert not (broken / "site").exists()


def test_plain_mkdocs_build_fails_with_the_same_messages(broken: Path) -> None:
    result = run(broken, "mkdocs", "build", "-q")
    assert result.returncode == 1
    assert "The provider profiles have errors:\n" + EXPECTED in result.stderr + "\n"
    assert "Traceback" not in result.stderr


def test_plain_mkdocs_build_works_on_good_data(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    result = run(project, "mkdocs", "build", "-q")
    assert result.returncode == 0, result.stderr
    assert (project / "site" / "providers" / "bryn-care" / "index.html").exists()
    result = run(project, "mkdocs", "build", "-q", "-f", "mkdocs.cy.yml")
    assert result.returncode == 0, result.stderr
    assert (project / "site" / "cy" / "providers" / "bryn-care" / "index.html").exists()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return str(response.read().decode("utf-8"))


def wait_for(condition, seconds: float = 120) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError("the server did not show the change in time")


def test_serve_rebuilds_a_provider_page_when_its_file_changes(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "builder", "serve", "--port", str(port)],
        cwd=project,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        page = f"http://127.0.0.1:{port}/providers/bryn-care/"
        wait_for(lambda: "01632 960001" in fetch(page))
        assert "Yr Wyddgrug" in fetch(f"http://127.0.0.1:{port}/cy/providers/bryn-care/")
        profile = project / "providers" / "bryn-care.yml"
        profile.write_text(profile.read_text().replace("01632 960001", "01632 960002"))
        wait_for(lambda: "01632 960002" in fetch(page))
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_serve_on_a_port_in_use_says_so_and_names_port() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run(ROOT, "builder", "serve", "--port", str(port))
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"port {port} is already in use on 127.0.0.1, perhaps by another copy of serve; "
        f"stop that one, or choose another port: .venv/bin/microcare serve --port {port + 1}\n"
    )
