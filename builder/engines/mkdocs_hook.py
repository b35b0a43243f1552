"""The MkDocs hook: it feeds MkDocs our pages.

mkdocs.yml loads this file with ``hooks:``; ``mkdocs_build`` runs the two
language builds. Everything else in ``builder``
is engine-free: ``pipeline`` checks the profiles and ``render`` turns them
into ``{path: content}``; this module hands those to MkDocs as generated
files and turns our problems into a build failure with the same text that
``python -m builder check`` prints.

Event order in one build: on_config (check the data, once) -> on_files (add
the generated pages) -> on_page_context (per page: the language switch) ->
on_serve (watch the data folders when serving).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

# MkDocs imports hooks by file path, so the project root may not be on
# sys.path (it is not when the `mkdocs` script is run from elsewhere).
_ROOT = Path(__file__).resolve().parents[2]
if str(_ROOT) not in sys.path:
    sys.path.insert(0, str(_ROOT))

from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import File, Files, InclusionLevel  # noqa: E402
from mkdocs.structure.pages import Page  # noqa: E402

from builder import i18n, pipeline  # noqa: E402
from builder.check import report  # noqa: E402
from builder.i18n import N_  # noqa: E402
from builder.model import Directory  # noqa: E402
from builder.paths import PROVIDERS_DIR  # noqa: E402
from builder.search import search_interface  # noqa: E402
from builder.site import render, urls  # noqa: E402

log = logging.getLogger("mkdocs.hooks.microcare")
STATIC_DIR = _ROOT / "builder" / "site" / "static"
PHOTOS_DIR = _ROOT / PROVIDERS_DIR / "photos"
OTHER = {"en": "cy", "cy": "en"}

_directory: Directory | None = None


def language(config: MkDocsConfig) -> str:
    """The language of this build, from Material's ``theme.language``."""
    return str(config.theme["language"])


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Check every profile; stop the build, with check's messages, on any error."""
    global _directory
    directory, result = pipeline.load_directory()
    if result.problems:
        text = report.format_problems(result.problems, lang=language(config))
        if directory is None:
            raise PluginError("The provider profiles have errors:\n" + text)
        for line in text.splitlines():
            log.info(line)
    assert directory is not None
    _directory = directory
    # Sitemap dates come from SOURCE_DATE_EPOCH: pin them to the build's
    # "today", so that the same input gives byte-identical output.
    midnight = dt.datetime.combine(directory.today, dt.time(), tzinfo=dt.UTC)
    os.environ["SOURCE_DATE_EPOCH"] = str(int(midnight.timestamp()))
    lang = language(config)
    other = OTHER[lang]
    here, there = i18n.translator(lang), i18n.translator(other)
    # Where the other language's home is, from the site's root: the 404 page
    # is served at any address, so a relative link would not do.
    root = urlsplit(config.site_url or "/").path.removesuffix(urls.LANG_PREFIX[lang]) or "/"
    config.extra["microcare"] = {
        "lang": lang,
        "other_lang": other,
        # Each language's name in itself, as language switches show it.
        "other_lang_name": {"en": "English", "cy": "Cymraeg"}[other],
        "counterpart_root": root + urls.LANG_PREFIX[other],
        "home_root": root + urls.LANG_PREFIX[lang],
        "search": search_interface(lang),
        "sample_notice": (
            here(N_("This is a sample site: every micro-carer on it is fictional."))
            if directory.vocab.settings.get("sample_data_date")
            else ""
        ),
        "not_found": {
            "title": here(N_("Page not found")),
            "text": here(
                N_(
                    "We could not find that page. If you typed the address, check it is right. "
                    "If you followed a bookmark to a micro-carer, they may no longer be listed."
                )
            ),
            "find": here(N_("Find a micro-carer")),
            "a_to_z": here(N_("Micro-carers from A to Z")),
            "home": here(N_("Home page")),
            "other": there(N_("We could not find that page.")),
            "other_link": there(
                N_("Go to the home page in Welsh.")
                if other == "cy"
                else N_("Go to the home page in English.")
            ),
        },
    }
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the generated pages, the finder's data, our assets and photos."""
    assert _directory is not None
    pages = render.build_pages(_directory, language(config), config.site_url or "")
    for path, content in sorted(pages.items()):
        # Provider, area and service pages stay out of the navigation: the
        # nav is rendered into every page, so listing them would make the
        # build grow with the square of the number of providers.
        files.append(
            File.generated(config, path, content=content, inclusion=InclusionLevel.NOT_IN_NAV)
        )
    for asset in sorted(STATIC_DIR.iterdir()):
        files.append(File.generated(config, urls.STATIC + asset.name, abs_src_path=str(asset)))
    for photo in sorted({p.photo.file for p in _directory.providers if p.photo}):
        files.append(
            File.generated(config, urls.PHOTOS + photo, abs_src_path=str(PHOTOS_DIR / photo))
        )
    return files


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any
) -> dict[str, Any]:
    """Give the templates the link to this page in the other language."""
    lang = language(config)
    context["mc_counterpart"] = urls.counterpart(page.url, lang, OTHER[lang])
    context["mc_page_path"] = page.url
    return context


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    """Rebuild when a profile, a vocabulary or our templates change."""
    for folder in (PROVIDERS_DIR, "data", "builder"):
        server.watch(str(_ROOT / folder))
    return server
