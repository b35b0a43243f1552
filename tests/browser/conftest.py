"""Real Chromium through Playwright, against the built site on 127.0.0.1.

Debian's chromium is used through ``executable_path``: nothing is
downloaded. Every browser context a test opens comes from ``new_context``,
which records every request its pages make and, when the test ends, fails
it if any request went anywhere but the test server or if any cookie was
set: the privacy promise is checked in every journey, not only in
test_privacy.py.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

CHROMIUM_ARGS = [
    # Stop Chromium's own background traffic (updates, sync, safe browsing):
    # this machine has no network, and the tests assert no request leaves it.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--disable-gpu",
    "--no-sandbox",
]

# Requests that never leave the browser.
LOCAL_SCHEMES = {"data", "blob", "about"}


def chromium_path() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.fail(
            "Debian's chromium is missing: run the README's test command, which installs it"
        )
    return path


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, with the site's own 404 page, as a real host serves them."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        welsh = self.path.startswith("/cy/")
        page = Path(str(self.directory)) / ("cy/404.html" if welsh else "404.html")
        if code != 404 or not page.exists():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def base_url(site_dir: Path) -> Iterator[str]:
    """The built site, served on 127.0.0.1 on a free port."""
    handler = functools.partial(_SiteHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
    yield browser
    browser.close()


def foreign_requests(urls: list[str], base_url: str) -> list[str]:
    """The requests that went anywhere but the test server."""
    server = urlsplit(base_url)
    return [
        url
        for url in urls
        if urlsplit(url).scheme not in LOCAL_SCHEMES
        and (urlsplit(url).hostname, urlsplit(url).port) != (server.hostname, server.port)
    ]


@pytest.fixture
def requests_made() -> list[str]:
    """Every URL requested by any page of this test's contexts."""
    return []


@pytest.fixture
def new_context(
    browser: Browser, base_url: str, requests_made: list[str]
) -> Iterator[Callable[..., BrowserContext]]:
    """Open browser contexts (en-GB unless told); check each one's privacy at the end."""
    opened: list[BrowserContext] = []

    def make(**options: Any) -> BrowserContext:
        options.setdefault("locale", "en-GB")
        context = browser.new_context(base_url=base_url, **options)
        context.set_default_timeout(10_000)
        context.on("request", lambda request: requests_made.append(request.url))
        opened.append(context)
        return context

    yield make
    cookies = {id(c): c.cookies() for c in opened}
    for context in opened:
        context.close()
    assert foreign_requests(requests_made, base_url) == [], "a page asked another website"
    assert [c for jar in cookies.values() for c in jar] == [], "a page set a cookie"


@pytest.fixture
def context(new_context: Callable[..., BrowserContext]) -> BrowserContext:
    """A desktop context: 1280 pixels wide."""
    return new_context(viewport={"width": 1280, "height": 800})


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()
