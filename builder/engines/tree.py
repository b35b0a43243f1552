"""Write one language's generated files into a folder: the engine-free Markdown tree.

The folder holds the generated pages as Markdown, the finder's data, the
feed, the directory's CSS and JavaScript and the providers' photos, at the
paths they have in the site. Any engine that builds Markdown can build it
beside the hand-written pages in ``docs/``: the MkDocs hook adds its files
to the MkDocs build, and ``python -m builder markdown`` copies both into
one folder per language for other engines.

Writing is incremental. The key of every file (``site.render.Output``) and
the rendered cards are kept in a state file beside the folder; a file whose
key is unchanged is not made again, a file whose content is unchanged is
not rewritten (its modification time tells an engine it need not rebuild
the page), and a file no longer generated is removed.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from builder.model import Directory
from builder.paths import CACHE_DIR, PROVIDERS_DIR, ROOT
from builder.site import urls
from builder.site.pairs import low_priority
from builder.site.photos import publish_photo
from builder.site.render import CardCache, Output, Renderer, source_digest

#: An engine adapter tells the engine's processes where the generated files are.
TREE_VARIABLE = "MICROCARE_TREE"
STATIC_DIR = ROOT / "builder" / "site" / "static"
PHOTOS_DIR = ROOT / PROVIDERS_DIR / "photos"
# Bump when the state file's shape changes: an old state is then ignored.
_STATE_VERSION = 1


@dataclass
class TreeState:
    """What the last write left in the folder: each file's key, and the cards."""

    version: int = _STATE_VERSION
    keys: dict[str, str] = field(default_factory=dict)
    cards: CardCache = field(default_factory=dict)


@dataclass(frozen=True)
class Written:
    """What one write changed: files written or removed, by site path."""

    written: frozenset[str]
    removed: frozenset[str]


def tree_folder(lang: str) -> Path:
    """Where the build keeps ``lang``'s generated files between builds."""
    return CACHE_DIR / "tree" / lang


def write_tree(directory: Directory, lang: str, folder: Path, site_url: str = "") -> Written:
    """Bring ``folder`` up to date with the generated files of the ``lang`` site."""
    state_file = folder.with_name(f"{folder.name}.state")
    state = _read_state(state_file) if folder.is_dir() else TreeState()
    renderer = Renderer(directory, lang, site_url, cards=state.cards)
    outputs = [*renderer.outputs(), *asset_outputs(directory)]
    written: set[str] = set()
    for output in outputs:
        target = folder / output.path
        if state.keys.get(output.path) == output.key and target.is_file():
            continue
        if _write_if_changed(target, output.make()):
            written.add(output.path)
    current = {o.path: o.key for o in outputs}
    removed = frozenset(path for path in state.keys if path not in current)
    for path in removed:
        (folder / path).unlink(missing_ok=True)
    _remove_empty_folders(folder)
    keys = {renderer.key(p) for p in (*directory.providers, *directory.withdrawn)}
    cards = {k: v for k, v in renderer.cards.items() if k[0] in keys}
    _write_state(state_file, TreeState(keys=current, cards=cards))
    facts = {"not_in_sitemap": renderer.not_in_sitemap(), "low_priority": low_priority(renderer)}
    _write_if_changed(facts_file(folder), json.dumps(facts, indent=1, sort_keys=True) + "\n")
    return Written(frozenset(written), removed)


def facts_file(folder: Path) -> Path:
    """What an engine needs to know about the generated pages besides their files:
    ``not_in_sitemap``, the pages that nothing should lead anyone to, and
    ``low_priority``, the pages a sitemap ranks below the rest."""
    return folder.with_name(f"{folder.name}.json")


def read_facts(folder: Path) -> dict[str, list[str]]:
    """The facts ``write_tree`` wrote for ``folder``."""
    return json.loads(facts_file(folder).read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def asset_outputs(directory: Directory) -> list[Output]:
    """The directory's own CSS and JavaScript, and the photos of listed providers.

    A photo is published as a copy re-encoded from its pixels alone, so that
    nothing a camera records (the GPS position of a carer's home) is published.
    """
    static = sorted(STATIC_DIR.iterdir())
    photos = sorted({PHOTOS_DIR / p.photo.file for p in directory.providers if p.photo})
    return [
        *(Output(urls.STATIC + f.name, _file_digest(f), f.read_bytes) for f in static),
        *(Output(urls.PHOTOS + f.name, _file_digest(f), partial(publish_photo, f)) for f in photos),
    ]


def _file_digest(path: Path) -> str:
    return hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest() + source_digest()


def _write_if_changed(target: Path, content: str | bytes) -> bool:
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        if target.read_bytes() == data:
            return False
    except FileNotFoundError:
        target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return True


def _remove_empty_folders(folder: Path) -> None:
    for here, dirs, files in os.walk(folder, topdown=False):
        if here != str(folder) and not dirs and not files:
            os.rmdir(here)


def _read_state(path: Path) -> TreeState:
    try:
        with path.open("rb") as f:
            state = pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return TreeState()
    return (
        state if isinstance(state, TreeState) and state.version == _STATE_VERSION else TreeState()
    )


def _write_state(path: Path, state: TreeState) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    with temporary.open("wb") as f:
        pickle.dump(state, f, protocol=pickle.HIGHEST_PROTOCOL)
    temporary.replace(path)
