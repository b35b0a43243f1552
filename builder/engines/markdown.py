"""The whole site as plain Markdown, one folder per language, for any engine.

``python -m builder markdown OUT`` writes::

    OUT/en/, OUT/cy/     each language's pages: docs/<lang> and the generated
                         pages, the finder's data, assets and photos
    OUT/mkdocs.yml       configuration for engines that read mkdocs.yml
    OUT/mkdocs.cy.yml    (MkDocs, ProperDocs, Zensical), without our hook
    OUT/overrides/       the theme overrides (but MkDocs' sitemap)

Nothing in it needs our code: it is how the site moves to another engine
(see the README's plan for Material's end of life). The generated pages
are Markdown with finished HTML between their headings (``sections``), so
every Markdown engine builds them alike.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from builder.engines.tree import read_facts, write_tree
from builder.load.vocab import load_vocabulary
from builder.model import Directory
from builder.paths import ROOT
from builder.search import search_interface
from builder.site import chrome, council

CONFIGS = {"en": "mkdocs.yml", "cy": "mkdocs.cy.yml"}


def export(directory: Directory, out: Path) -> None:
    """Write the Markdown tree of both languages and their configuration into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    vocab = load_vocabulary()
    for lang, name in CONFIGS.items():
        config = _config(name)
        folder = out / lang
        if folder.exists():
            shutil.rmtree(folder)
        shutil.copytree(ROOT / "docs" / lang, folder)
        for page in sorted(folder.rglob("*.md")):  # what the hook does to hand-written pages
            text = page.read_text(encoding="utf-8")
            page.write_text(council.fill(text, vocab, lang), encoding="utf-8")
        generated = out / ".generated" / lang
        write_tree(directory, lang, generated, config.get("site_url", ""))
        shutil.copytree(generated, folder, dirs_exist_ok=True)
        config["docs_dir"] = lang
        config["site_dir"] = "site" if lang == "en" else "site/cy"
        # What the hook would give the theme, written into the configuration.
        config.setdefault("extra", {})["microcare"] = {
            **chrome.page_chrome(vocab, lang, config.get("site_url", ""), directory.today),
            **read_facts(generated),
            "search": search_interface(lang),
        }
        config.pop("hooks", None)
        text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
        (out / name).write_text(text, encoding="utf-8")
    shutil.rmtree(out / ".generated")
    if (out / "overrides").exists():
        shutil.rmtree(out / "overrides")
    # The sitemap override reads MkDocs' own structures; other engines make their own.
    shutil.copytree(ROOT / "overrides", out / "overrides", ignore=_mkdocs_only)


def _mkdocs_only(folder: str, names: list[str]) -> set[str]:
    return {"sitemap.xml"} & set(names) if Path(folder) == ROOT / "overrides" else set()


def _config(name: str) -> dict[str, Any]:
    """One language's configuration, with the Welsh file's INHERIT resolved."""
    config: dict[str, Any] = yaml.safe_load((ROOT / name).read_text(encoding="utf-8"))
    parent = config.pop("INHERIT", None)
    if parent is None:
        return config
    merged = _config(parent)
    for key, value in config.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = {**merged[key], **value}
        else:
            merged[key] = value
    return merged
