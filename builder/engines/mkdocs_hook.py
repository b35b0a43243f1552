"""The MkDocs hook (mkdocs.yml's ``hooks:``): it adds our generated files to a build.

It works for MkDocs 1.6 and for ProperDocs, its fork. ``mkdocs_build`` runs
the two language builds and hands each its generated files, already checked
and written (``MICROCARE_TREE``). Plain ``mkdocs build`` or ``mkdocs serve``
has no such folder, so the hook checks the profiles itself, stops on any
error with the same text that ``python -m builder check`` prints, and
writes the folder.

Generated pages are Markdown whose sections are finished HTML (see
``engines/tree.py``). MkDocs would parse that HTML again, slowly, to find
nothing to change; instead the hook renders them itself (``sections``):
their headings as MkDocs would, and the HTML as it is.

Hand-written pages get the council's contact details (``site/council.py``).

Event order in one build: on_config -> on_files -> per page: on_page_markdown,
on_page_content, on_page_context; on_serve when serving.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sys
from pathlib import Path
from typing import Any

# MkDocs imports hooks by file path, so the project root may not be on
# sys.path (it is not when the `mkdocs` script is run from elsewhere).
_ROOT = Path(__file__).resolve().parents[2]
if str(_ROOT) not in sys.path:
    sys.path.insert(0, str(_ROOT))

import markdown  # noqa: E402
from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import File, Files, InclusionLevel  # noqa: E402
from mkdocs.structure.pages import Page  # noqa: E402
from mkdocs.structure.toc import get_toc  # noqa: E402

from builder import pipeline  # noqa: E402
from builder.check import report  # noqa: E402
from builder.engines import sections  # noqa: E402
from builder.engines.tree import TREE_VARIABLE, read_facts, tree_folder, write_tree  # noqa: E402
from builder.load.vocab import load_vocabulary  # noqa: E402
from builder.paths import PROVIDERS_DIR  # noqa: E402
from builder.search import search_interface  # noqa: E402
from builder.site import chrome, council  # noqa: E402

log = logging.getLogger("mkdocs.hooks.microcare")

_generated: set[str] = set()  # src_uri of every generated page of this build
_markdown: dict[str, str] = {}  # a generated page's Markdown, between two events


def language(config: MkDocsConfig) -> str:
    """The language of this build, from Material's ``theme.language``."""
    return str(config.theme["language"])


def _tree(lang: str) -> Path:
    """Where this language's generated files are: given by ``mkdocs_build``, or our own."""
    given = os.environ.get(TREE_VARIABLE)
    return Path(given) if given else tree_folder(lang)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Have this language's generated files ready, and give the theme its settings."""
    lang = language(config)
    try:
        return _configure(config, lang)
    except pipeline.BadDate as bad:
        raise PluginError(bad.message.format(**bad.values)) from None


def _configure(config: MkDocsConfig, lang: str) -> MkDocsConfig:
    if os.environ.get(TREE_VARIABLE):
        today = pipeline.today(load_vocabulary())
    else:
        directory, result = pipeline.load_directory()
        if result.problems:
            text = report.format_problems(result.problems, lang=lang)
            if directory is None:
                raise PluginError("The provider profiles have errors:\n" + text)
            for line in text.splitlines():
                log.info(line)
        assert directory is not None
        write_tree(directory, lang, _tree(lang), config.site_url or "")
        today = directory.today
    # Sitemap dates come from SOURCE_DATE_EPOCH: pin them to the build's
    # "today", so that the same input gives byte-identical output.
    midnight = dt.datetime.combine(today, dt.time(), tzinfo=dt.UTC)
    os.environ["SOURCE_DATE_EPOCH"] = str(int(midnight.timestamp()))
    config.extra["microcare"] = {
        **chrome.page_chrome(load_vocabulary(), lang, config.site_url or "", today),
        # Looked up once for every page of the sitemap: as sets.
        **{name: frozenset(urls) for name, urls in read_facts(_tree(lang)).items()},
        "search": search_interface(lang),
    }
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add every generated file; pages stay out of the navigation."""
    folder = _tree(language(config))
    _generated.clear()
    for here, _dirs, names in sorted(os.walk(folder)):
        for name in sorted(names):
            path = Path(here, name)
            src_uri = path.relative_to(folder).as_posix()
            # Generated pages stay out of the navigation: it is rendered into
            # every page, so listing them would grow the build with the
            # square of the number of providers.
            is_page = name.endswith(".md")
            inclusion = InclusionLevel.NOT_IN_NAV if is_page else InclusionLevel.UNDEFINED
            files.append(
                File.generated(config, src_uri, abs_src_path=str(path), inclusion=inclusion)
            )
            if is_page:
                _generated.add(src_uri)
    if os.environ.get(TREE_VARIABLE):
        _remove_stale(config, {f.dest_uri for f in files})
    return files


def _remove_stale(config: MkDocsConfig, expected: set[str]) -> None:
    """Before a build into an existing site folder, remove what this build will not make.

    Plain MkDocs empties the folder instead; ``mkdocs_build`` keeps it, so that
    only changed pages are built again. What plugins write after the pages
    (a search index, say) is removed too, and written again.
    """
    site = Path(config.site_dir)
    expected |= {*config.theme.static_templates, "sitemap.xml.gz"}
    lang = language(config)
    others = {chrome.OTHER[lang]} if lang == "en" else set()
    for here, dirs, names in os.walk(site):
        if Path(here) == site:
            dirs[:] = [d for d in dirs if d not in others]
        for name in names:
            path = Path(here, name)
            if path.relative_to(site).as_posix() not in expected:
                path.unlink()


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Keep a generated page's Markdown aside: MkDocs need not parse it. Fill the
    council's contact details into a hand-written page (never into a generated
    one, whose text may come from a provider)."""
    if page.file.src_uri in _generated:
        _markdown[page.file.src_uri] = markdown
        return ""
    try:
        return council.fill(markdown, load_vocabulary(), language(config))
    except council.UnknownDetail as unknown:
        raise PluginError(f"{page.file.src_uri}: {unknown}") from None


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """A generated page's HTML and table of contents, made without parsing its HTML again."""
    kept = _markdown.pop(page.file.src_uri, None)
    if kept is None:
        return html
    rendered = sections.render(kept)
    if rendered is None:  # not the shape we write: let Markdown render all of it
        md = markdown.Markdown(
            extensions=config.markdown_extensions, extension_configs=config.mdx_configs
        )
        content = str(md.convert(kept))
        page.toc = get_toc(getattr(md, "toc_tokens", []))
        return content
    content, tokens = rendered
    page.toc = get_toc(tokens)  # type: ignore[arg-type]
    return content


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any
) -> dict[str, Any]:
    """Give the templates the link to this page in the other language."""
    context["mc_counterpart"] = chrome.counterpart(page.url, language(config))
    context["mc_page_path"] = page.url
    return context


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    """Rebuild when a profile, a vocabulary or our code changes."""
    for folder in (PROVIDERS_DIR, "data", "builder"):
        server.watch(str(_ROOT / folder))
    return server
