"""Index one language's built site with Pagefind.

Pagefind reads the pages after they are written, so the search costs the
build nothing while the pages are made, and any engine's output will do.
Only what is inside ``data-pagefind-body`` is indexed: overrides/main.html
puts it on every public page and leaves it off staff pages, withdrawn
providers, the 404 page and the search page itself.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from builder.site import urls

#: Lists of provider cards, on community, service and A to Z pages: each
#: provider is found by its own page, so the lists would only repeat every
#: provider's words on dozens of pages and push the right page down. And the
#: A to Z's one-letter headings, which Pagefind would offer for any word
#: that starts with their letter when nothing else matches. And the links
#: to the finder on every community and service page ("…such as Welsh
#: speakers or direct payments"), which would bury the guidance on those words.
IGNORED = '.mc-cards, [id^="letter-"], .mc-if-js'
#: Pagefind's own ready-made interfaces. We use ours (static/search.js), so
#: these are left out of the site rather than published unused.
UNUSED = (
    "pagefind-component-ui.css",
    "pagefind-component-ui.js",
    "pagefind-highlight.js",
    "pagefind-modular-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-ui.css",
    "pagefind-ui.js",
)


class IndexFailed(Exception):
    """Pagefind could not index the site; the message says why."""


def index_site(folder: Path, lang: str) -> Path:
    """Index the ``lang`` site in ``folder``; return the search bundle's folder.

    Other languages living inside ``folder`` (the Welsh site in ``cy/``) are
    left out: each language has its own index, beside its own pages.
    """
    bundle = folder / urls.SEARCH_BUNDLE
    shutil.rmtree(bundle, ignore_errors=True)
    pages = _glob(folder, lang)
    if pages == "{}":
        raise IndexFailed(f"There are no pages to search in {folder}: build the site first.")
    command = [
        str(_executable()),
        "--site",
        str(folder),
        "--glob",
        pages,
        "--output-subdir",
        urls.SEARCH_BUNDLE.rstrip("/"),
        # Welsh has no Pagefind stemmer: forcing the language keeps English
        # stemming off Welsh words, and gives each folder one index.
        "--force-language",
        lang,
        "--exclude-selectors",
        IGNORED,
        "--silent",
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        # Pagefind repeats some lines; say each once.
        said = dict.fromkeys(line.strip() for line in (done.stderr + done.stdout).splitlines())
        detail = " ".join(line for line in said if line)
        raise IndexFailed(
            f"The search index of {folder} could not be built. Pagefind said: {detail}"
        )
    for name in UNUSED:
        (bundle / name).unlink(missing_ok=True)
    return bundle


def _glob(folder: Path, lang: str) -> str:
    """Every HTML file in ``folder`` except those of the other languages.

    Pagefind's globs cannot exclude a folder, so this names the ones to
    include: the top-level HTML files and every other top-level folder.
    """
    others = {prefix.rstrip("/") for code, prefix in urls.LANG_PREFIX.items() if code != lang}
    others.discard("")
    others.add(urls.SEARCH_BUNDLE.rstrip("/"))
    parts = []
    for entry in sorted(folder.iterdir()):
        if entry.name + "/" == urls.FINDER:
            # The finder's page, but not its cards: pieces of pages, one per
            # provider, that only the finder's script reads.
            parts.append(f"{entry.name}/*.html")
        elif entry.is_dir() and entry.name not in others:
            parts.append(f"{entry.name}/**/*.html")
        elif entry.suffix == ".html":
            parts.append(entry.name)
    return "{" + ",".join(parts) + "}"


def _executable() -> Path:
    """The Pagefind program that the ``pagefind[bin]`` package installs."""
    from pagefind_bin import get_executable  # type: ignore[import-untyped]

    return Path(get_executable())
