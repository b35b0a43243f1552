"""Options and fixtures shared by the tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-expected",
        action="store_true",
        help="rewrite the .expected files of tests/fixtures/providers/invalid* from the output",
    )


@pytest.fixture
def update_expected(request: pytest.FixtureRequest) -> bool:
    """True when the run should rewrite expected outputs instead of comparing with them."""
    return bool(request.config.getoption("--update-expected"))


# -- The built site ---------------------------------------------------------------

TODAY = date(2026, 11, 22)


@pytest.fixture(scope="session")
def build_site(tmp_path_factory: pytest.TempPathFactory) -> Callable[[], Path]:
    """Build the sample site, both languages, into a new folder; return it."""
    from builder import pipeline
    from builder.engines import mkdocs_build

    def build() -> Path:
        out = tmp_path_factory.mktemp("site")
        directory, result = pipeline.load_directory(on=TODAY)
        assert directory is not None, result.errors
        mkdocs_build.build_site(out, directory)
        return out

    return build


@pytest.fixture(scope="session")
def site_dir(build_site: Callable[[], Path]) -> Path:
    """One real build of the sample site, shared by every test that reads it."""
    return build_site()
