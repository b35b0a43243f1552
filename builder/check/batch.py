"""Check many files quickly: in two processes, and only the files that changed.

A build checks every profile once. At the scale of all of Wales (10,000
profiles) that is seconds of work, so this runner, which the build passes to
``validate.check_files``, keeps each file's result in a cache keyed by the
file's content, and checks the rest in parallel. A result depends on more
than the file (the date, the data files, the schema, the photos, the code),
so the cache is dropped whenever any of those changes. ``check`` itself, the
command staff run, always checks every file afresh.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from builder.check.validate import CheckContext, FileResult, check_each
from builder.paths import CACHE_DIR, DATA_DIR, PROVIDERS_DIR, ROOT, SCHEMA_PATH

#: Below this many files to check, a second process costs more than it saves.
PARALLEL_FROM = 400
_CACHE_FILE = CACHE_DIR / "check.pickle"
_VERSION = 1


def check_changed(files: Sequence[tuple[Path, str]], context: CheckContext) -> list[FileResult]:
    """Like ``validate.check_each``: unchanged files from the cache, the rest in parallel."""
    key = _context_key(context)
    cached = _read_cache(key)
    digests = {display: _file_digest(path) for path, display in files}
    results: dict[str, FileResult] = {}
    todo: list[tuple[Path, str]] = []
    for path, display in files:
        hit = cached.get(display)
        if hit is not None and hit[0] == digests[display] and hit[1].path == path:
            results[display] = hit[1]
        else:
            todo.append((path, display))
    for result in _check(todo, context):
        results[result.display] = result
    if todo or len(cached) != len(results):  # nothing new to keep: the cache stays as it is
        _write_cache(key, {d: (digests[d], r) for d, r in results.items() if digests[d]})
    return [results[display] for _path, display in files]


def _check(files: list[tuple[Path, str]], context: CheckContext) -> list[FileResult]:
    if len(files) < PARALLEL_FROM or (os.cpu_count() or 1) < 2:
        return check_each(files, context)
    half = len(files) // 2
    with ProcessPoolExecutor(max_workers=2) as pool:
        parts = pool.map(check_each, [files[:half], files[half:]], [context, context])
        return [result for part in parts for result in part]


def _file_digest(path: Path) -> str:
    """The digest of a file's bytes; "" if it cannot be read (it is then checked again)."""
    try:
        return hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
    except OSError:
        return ""


def _context_key(context: CheckContext) -> str:
    """A digest of everything besides a file that its result depends on."""
    h = hashlib.blake2b(digest_size=16)
    h.update(f"{_VERSION}|{context.today.isoformat()}|{context.max_bytes}".encode())
    builder = Path(__file__).resolve().parent.parent
    sources = sorted(
        p
        for p in builder.rglob("*.py")
        if not {"__pycache__", "site"} & set(p.relative_to(builder).parts)
    )
    photos = ROOT / PROVIDERS_DIR / "photos"
    extras = sorted(photos.iterdir()) if photos.is_dir() else []
    for path in [*sources, *sorted(DATA_DIR.glob("*.yml")), SCHEMA_PATH, *extras]:
        h.update(path.as_posix().encode() + b"\x00")
        h.update(path.read_bytes() if path.is_file() else b"")
    return h.hexdigest()


def _read_cache(key: str) -> dict[str, tuple[str, FileResult]]:
    try:
        with _CACHE_FILE.open("rb") as f:
            stored_key, entries = pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
        return {}
    return entries if stored_key == key and isinstance(entries, dict) else {}


def _write_cache(key: str, entries: dict[str, tuple[str, FileResult]]) -> None:
    try:
        _CACHE_FILE.parent.mkdir(parents=True, exist_ok=True)
        temporary = _CACHE_FILE.with_suffix(f".{os.getpid()}.tmp")
        with temporary.open("wb") as f:
            pickle.dump((key, entries), f, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(_CACHE_FILE)
    except OSError:
        pass  # a cache that cannot be written only costs time
