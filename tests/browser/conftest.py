"""Real Chromium through Playwright, against the built site on 127.0.0.1.

Debian's chromium is used through ``executable_path``: nothing is
downloaded. One browser serves the whole session. Every context records
every request its pages make (``context.on("request")``), and every test
fails if, while it ran, a page asked anything of another website or set a
cookie: the privacy promise is checked in every journey and on every page
type, not only in test_privacy.py.

Pages (``page``, ``page_at``) share one context per window size: a page
has its own history, and no page may store anything, so sharing saves
time without sharing state. Tests that need a browser that has never
seen the site open their own (``new_context``, ``context``).
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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


@contextmanager
def served(folder: Path) -> Iterator[str]:
    """A built site in ``folder``, served on 127.0.0.1 on a free port: its address."""
    handler = functools.partial(_SiteHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def base_url(site_dir: Path) -> Iterator[str]:
    """The built site, served on 127.0.0.1 on a free port."""
    with served(site_dir) as address:
        yield address


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


class Traffic:
    """Every URL that any page of any context asked for, in order."""

    def __init__(self) -> None:
        self.urls: list[str] = []


@pytest.fixture(scope="session")
def traffic() -> Traffic:
    return Traffic()


def _open_context(
    browser: Browser, base_url: str, traffic: Traffic, **options: Any
) -> BrowserContext:
    options.setdefault("locale", "en-GB")
    context = browser.new_context(base_url=base_url, **options)
    context.set_default_timeout(10_000)
    context.on("request", lambda request: traffic.urls.append(request.url))
    return context


def _assert_no_cookies(context: BrowserContext) -> None:
    assert context.cookies() == [], "a page set a cookie"


@pytest.fixture(autouse=True)
def nothing_leaves_the_machine(traffic: Traffic, base_url: str) -> Iterator[None]:
    """Fail any test during which a page asked anything of another website."""
    start = len(traffic.urls)
    yield
    assert foreign_requests(traffic.urls[start:], base_url) == [], "a page asked another website"


@pytest.fixture
def new_context(
    browser: Browser, base_url: str, traffic: Traffic
) -> Iterator[Callable[..., BrowserContext]]:
    """Open fresh browser contexts (en-GB unless told); at the end, check no cookie was set."""
    opened: list[BrowserContext] = []

    def make(**options: Any) -> BrowserContext:
        context = _open_context(browser, base_url, traffic, **options)
        opened.append(context)
        return context

    yield make
    for context in opened:
        _assert_no_cookies(context)
        context.close()


@pytest.fixture(scope="session")
def shared_context(
    browser: Browser, base_url: str, traffic: Traffic
) -> Iterator[Callable[..., BrowserContext]]:
    """One long-lived context per window size, for tests that only look at pages.

    Sharing saves a context (and a cold cache) per test; nothing a page does
    can carry over, since no page may store anything (test_privacy.py).
    """
    contexts: dict[tuple[int, int], BrowserContext] = {}

    def get(width: int, height: int = 800) -> BrowserContext:
        if (width, height) not in contexts:
            contexts[width, height] = _open_context(
                browser, base_url, traffic, viewport={"width": width, "height": height}
            )
        return contexts[width, height]

    yield get
    for context in contexts.values():
        _assert_no_cookies(context)
        context.close()


@pytest.fixture
def page_at(shared_context: Callable[..., BrowserContext]) -> Iterator[Callable[..., Page]]:
    """A new page in the shared context of a window size; closed after the test."""
    pages: list[Page] = []

    def make(width: int, height: int = 800) -> Page:
        pages.append(shared_context(width, height).new_page())
        return pages[-1]

    yield make
    for page in pages:
        page.close()
    for context in {id(page.context): page.context for page in pages}.values():
        _assert_no_cookies(context)


@pytest.fixture
def context(new_context: Callable[..., BrowserContext]) -> BrowserContext:
    """A fresh desktop context (1280 pixels wide), for tests that need a clean browser."""
    return new_context(viewport={"width": 1280, "height": 800})


@pytest.fixture
def page(page_at: Callable[..., Page]) -> Page:
    """A new desktop page (1280 pixels wide), with its own history."""
    return page_at(1280)


@pytest.fixture
def no_js(new_context: Callable[..., BrowserContext]) -> Page:
    """A new desktop page in a fresh browser with JavaScript switched off."""
    context = new_context(java_script_enabled=False, viewport={"width": 1280, "height": 800})
    return context.new_page()
