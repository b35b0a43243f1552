"""Every provider page built from the hostile profiles, opened in Chromium: nothing runs,
nothing is fetched from anywhere but the site, no dialog opens, nothing is stored."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Dialog

from tests.browser.conftest import foreign_requests, served
from tests.hostile import build

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> build.HostileSite:
    return build.build_hostile_site(tmp_path_factory.mktemp("hostile-browser"))


@pytest.fixture(scope="module")
def hostile_url(hostile: build.HostileSite) -> Iterator[str]:
    with served(hostile.site) as address:
        yield address


def test_no_hostile_page_runs_anything_or_asks_another_website(
    browser: Browser, hostile: build.HostileSite, hostile_url: str
) -> None:
    context = browser.new_context(base_url=hostile_url, java_script_enabled=True)
    requests: list[str] = []
    dialogs: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()

    def dismiss(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    paths = [
        f"{prefix}providers/{slug}/" for slug in sorted(hostile.profiles) for prefix in ("", "cy/")
    ] + ["providers/", "cy/providers/", "recent/", "find/?area=mold"]
    for path in paths:
        response = page.goto(path, wait_until="load")
        assert response is not None and response.status == 200, path
        assert (
            page.evaluate("document.querySelectorAll('[onerror],[onclick],[onload]').length") == 0
        )
        assert page.url.startswith(hostile_url), (path, page.url)  # no refresh took us away
    assert dialogs == []
    assert foreign_requests(requests, hostile_url) == []
    assert context.cookies() == []
    assert page.evaluate("window.localStorage.length + window.sessionStorage.length") == 0
    context.close()
