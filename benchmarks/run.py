"""Speed and size of the directory as it grows. A script, not a test.

    .venv/bin/python benchmarks/run.py [--providers 10000] [--build 1000]

It makes N synthetic providers (copies of the sample profiles with new
names, places and services, from a fixed seed), then measures:

- ``check``: seconds to load and validate every file;
- the finder's index: bytes as served, raw and gzip-compressed, and what a
  search transfers (index + the first page of result cards);
- the open data: files, bytes, and services.json gzip-compressed;
- a full bilingual build of a smaller directory (``--build``), in seconds.

Figures go to stdout as a Markdown table and to benchmarks/results/.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from builder import pipeline  # noqa: E402
from builder.check.validate import check_files  # noqa: E402
from builder.load.vocab import load_vocabulary  # noqa: E402
from builder.model import build_directory  # noqa: E402
from builder.site.render import PAGE_SIZE, build_pages  # noqa: E402

TODAY = dt.date(2026, 11, 22)
WORDS = (
    "Afon",
    "Bryn",
    "Celyn",
    "Derwen",
    "Eithin",
    "Ffion",
    "Glan",
    "Helyg",
    "Iorwerth",
    "Llyn",
    "Meillion",
    "Nant",
    "Onnen",
    "Pant",
    "Rhos",
    "Seren",
    "Tegid",
    "Wern",
)
KINDS = ("Care", "Home Help", "Support", "Companions", "Helpers", "Visiting Care")


def make_providers(folder: Path, count: int) -> None:
    """Write ``count`` valid, distinct profiles into ``folder``."""
    vocab = load_vocabulary()
    samples = [p for p in sorted((ROOT / "providers").glob("*.yml"))]
    texts = [p.read_text(encoding="utf-8") for p in samples]
    rng = random.Random(2026)
    communities = [c.id for c in vocab.communities]
    services = list(vocab.service_ids)
    (folder / "photos").mkdir(parents=True, exist_ok=True)
    for photo in (ROOT / "providers" / "photos").iterdir():
        shutil.copy(photo, folder / "photos" / photo.name)
    for i in range(count):
        text = texts[i % len(texts)]
        name = f"{rng.choice(WORDS)} {rng.choice(WORDS)} {rng.choice(KINDS)} {i}"
        lines = []
        for line in text.splitlines():
            if line.startswith("name: "):
                line = f"name: {name}"
            elif line.startswith("published: "):
                line = "published: true"
            elif line.startswith("withdrawn: "):
                continue
            elif line.startswith("areas: "):
                line = f"areas: [{', '.join(sorted(rng.sample(communities, rng.randint(2, 7))))}]"
            elif line.startswith("services: "):
                line = f"services: [{', '.join(rng.sample(services, rng.randint(2, 7)))}]"
            lines.append(line)
        slug = name.lower().replace(" ", "-")
        (folder / f"{slug}.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def measure(count: int, build_count: int) -> dict[str, float]:
    vocab = load_vocabulary()
    figures: dict[str, float] = {"providers": count}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "providers"
        make_providers(folder, count)
        files = pipeline.provider_files([folder])
        started = time.perf_counter()
        result = check_files(files, root=Path(tmp), today=TODAY, vocab=vocab)
        figures["check_seconds"] = round(time.perf_counter() - started, 2)
        assert not result.errors, result.errors[:3]
        directory = build_directory(result.profiles, vocab, TODAY)
        started = time.perf_counter()
        pages = build_pages(directory, "en")
        figures["render_seconds"] = round(time.perf_counter() - started, 2)
        index = pages["find/index.json"].encode()
        cards = [pages[f"find/cards/{p.slug}.html"].encode() for p in directory.providers]
        first_page = b"".join(gzip.compress(c, mtime=0) for c in cards[:PAGE_SIZE])
        figures["index_kb"] = round(len(index) / 1024, 1)
        figures["index_gzip_kb"] = round(len(gzip.compress(index, mtime=0)) / 1024, 1)
        figures["search_transfer_gzip_kb"] = round(
            (len(gzip.compress(index, mtime=0)) + len(first_page)) / 1024, 1
        )
        open_data = [text.encode() for path, text in pages.items() if path.startswith("open-data/")]
        services = pages["open-data/services.json"].encode()
        figures["open_data_files"] = len(open_data)
        figures["open_data_mb"] = round(sum(map(len, open_data)) / 1e6, 1)
        services_gzip = gzip.compress(services, mtime=0)
        figures["open_data_services_gzip_mb"] = round(len(services_gzip) / 1e6, 1)
    if build_count:
        figures.update(measure_build(build_count))
    return figures


def measure_build(count: int) -> dict[str, float]:
    """Time ``python -m builder build`` on a copy of the project with ``count`` providers."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "project"
        shutil.copytree(
            ROOT,
            copy,
            ignore=shutil.ignore_patterns(
                ".git", ".venv", "site", "providers", "__pycache__", "tests", "benchmarks"
            ),
        )
        make_providers(copy / "providers", count)
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "builder", "build", "--site-dir", str(copy / "site")],
            cwd=copy,
            check=True,
            capture_output=True,
        )
        seconds = time.perf_counter() - started
        pages = sum(1 for _ in (copy / "site").rglob("*.html"))
    return {"build_providers": count, "build_seconds": round(seconds, 1), "build_pages": pages}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--providers", type=int, default=10_000)
    parser.add_argument("--build", type=int, default=1_000, help="0 to skip the build")
    args = parser.parse_args()
    figures = measure(args.providers, args.build)
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "figures.json").write_text(json.dumps(figures, indent=2) + "\n")
    print("| measure | value |\n|---|---|")
    for key, value in figures.items():
        print(f"| {key} | {value} |")


if __name__ == "__main__":
    main()
