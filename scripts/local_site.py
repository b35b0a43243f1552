"""The built site on 127.0.0.1, for the scripts that look at it as a visitor would.

Shared by scripts/lighthouse.py and scripts/screenshots.py.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build(site: Path) -> None:
    """Build both languages into ``site`` with the project's own command."""
    subprocess.run(
        [sys.executable, "-m", "builder", "build", "--site-dir", str(site)], cwd=ROOT, check=True
    )


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Python's file server, plus the gzip that every static host applies.

    Without it Lighthouse would charge the pages for sending Material's
    stylesheet and script uncompressed (about 250 KB more on a slow phone
    connection), which no visitor to the deployed site pays.
    """

    COMPRESS = ("text/", "application/javascript", "application/json", "image/svg+xml")

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        ctype = self.guess_type(str(path))
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.is_file() and ctype.startswith(self.COMPRESS)):
            return super().send_head()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve ``site`` on 127.0.0.1 on a free port; yield its base URL."""
    handler = functools.partial(_GzipHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def chromium() -> str | None:
    """Debian's chromium, or None after saying how to install it."""
    path = shutil.which("chromium")
    if path is None:
        print("Debian's chromium is missing: sudo apt-get install chromium", file=sys.stderr)
    return path


@contextlib.contextmanager
def served(site: Path | None) -> Iterator[str]:
    """Serve ``site``, or a fresh build of the project when it is None; yield the URL."""
    with contextlib.ExitStack() as stack:
        if site is None:
            site = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="site-")))
            build(site)
        yield stack.enter_context(serve(site.resolve()))
