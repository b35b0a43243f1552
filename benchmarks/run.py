"""Speed and size of the directory as it grows, against the engine floor. A script, not a test.

    .venv/bin/python benchmarks/run.py [--sizes 1000 10000] [--repeat 2]

For each size it makes N synthetic providers (copies of the sample profiles
with new names, places and services, from a fixed seed) in a copy of the
project, and, in the same run, the **engine floor**: plain MkDocs + Material
with the same configuration (theme, Markdown extensions, navigation and
hand-written pages) building the same number of trivial pages, both
languages in parallel. The machines this runs on are shared and noisy, so
the two are interleaved and the medians compared; the ratios are the result.

It measures, for each size:

- a full ``build``: wall time, CPU time and the largest process's memory,
  against the floor's;
- an incremental build after one profile is edited (``build`` again on the
  same site folder), against the floor's full build, and that its output is
  byte-identical to a full build of the edited profiles;
- ``check`` alone, what the finder's first search transfers, and the size
  of the open data.

Figures go to stdout as a Markdown table and to benchmarks/results/.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from builder.load.vocab import load_vocabulary  # noqa: E402
from builder.site.render import PAGE_SIZE  # noqa: E402

TODAY_TEXT = "2026-11-22"
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


# -- Projects to build ------------------------------------------------------------

# Top-level folders a copy of the project leaves out (builder/site/ is kept).
_LEFT_OUT = {".git", ".venv", "site", "providers", "tests", "benchmarks", ".cache"}


def _copy_ignore(folder: str, names: list[str]) -> set[str]:
    top = Path(folder).resolve() == ROOT
    return {n for n in names if n == "__pycache__" or (top and n in _LEFT_OUT)}


def make_project(folder: Path, count: int) -> Path:
    """A copy of the project with ``count`` synthetic providers, committed to git once."""
    shutil.copytree(ROOT, folder, ignore=_copy_ignore)
    make_providers(folder / "providers", count)
    git = ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.org"]
    subprocess.run(["git", "init", "-q"], cwd=folder, check=True)
    subprocess.run(["git", "add", "-A"], cwd=folder, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "synthetic"], cwd=folder, check=True)
    return folder


def make_floor(folder: Path, pages: dict[str, int]) -> Path:
    """Plain MkDocs + Material with our configuration, hand-written pages and
    navigation, plus ``pages[lang]`` trivial pages outside the navigation."""
    folder.mkdir(parents=True)
    for name in ("mkdocs.yml", "mkdocs.cy.yml"):
        config = (ROOT / name).read_text(encoding="utf-8")
        # No hook and no generated pages: only the engine's own work.
        config = config.replace("hooks:\n  - builder/engines/mkdocs_hook.py\n", "")
        (folder / name).write_text(config, encoding="utf-8")
    shutil.copytree(ROOT / "overrides", folder / "overrides")
    for lang, count in pages.items():
        docs = folder / "docs" / lang
        shutil.copytree(ROOT / "docs" / lang, docs)
        trivial = docs / "p"
        trivial.mkdir()
        for i in range(count):
            (trivial / f"{i}.md").write_text(f"# Page {i}\n\nA trivial page.\n", encoding="utf-8")
    for name in ("mkdocs.yml", "mkdocs.cy.yml"):
        with (folder / name).open("a", encoding="utf-8") as f:
            f.write("\nnot_in_nav: |\n  /404.md\n  /p/\n")
    return folder


# -- Measuring ----------------------------------------------------------------------


def run_measured(command: list[str], cwd: Path) -> dict[str, float]:
    """Wall, CPU and the largest process's memory of ``command`` (see measure.py)."""
    out = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "measure.py"), "--", *command],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    figures: dict[str, float] = json.loads(out)
    if figures["exit"]:
        raise SystemExit(f"{' '.join(command)} failed:\n{figures.get('stderr', '')}")
    return figures


def build_command(site: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "builder",
        "build",
        "--site-dir",
        str(site),
        "--today",
        TODAY_TEXT,
    ]


def floor_command(site: Path) -> list[str]:
    mkdocs = str(Path(sys.executable).with_name("mkdocs"))
    return [
        "sh",
        "-c",
        f'"{mkdocs}" build -q -f mkdocs.yml -d "{site}" & '
        f'"{mkdocs}" build -q -f mkdocs.cy.yml -d "{site}-cy" & wait',
    ]


def html_pages(site: Path) -> dict[str, int]:
    """The number of HTML pages each language's site has."""
    welsh = sum(1 for _ in (site / "cy").rglob("*.html"))
    return {"en": sum(1 for _ in site.rglob("*.html")) - welsh, "cy": welsh}


#: What the edit adds to a summary, which the schema keeps to a number of characters.
EDIT = " Now also on Saturdays."
SUMMARY_LIMIT = json.loads((ROOT / "schema" / "provider.schema.json").read_text("utf-8"))[
    "properties"
]["summary"]["maxLength"]


def edit_one_profile(project: Path) -> None:
    """Change one provider's summary, as a member of staff would, keeping it valid."""
    path = sorted((project / "providers").glob("*.yml"))[len(WORDS)]
    text = path.read_text(encoding="utf-8")
    lines = []
    for line in text.splitlines():
        if line.startswith("summary: "):
            summary = line[len("summary: ") :]
            if len(summary) + len(EDIT) > SUMMARY_LIMIT:  # shorten it by whole words
                summary = summary[: SUMMARY_LIMIT - len(EDIT) + 1].rsplit(" ", 1)[0]
            line = "summary: " + summary + EDIT
        lines.append(line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def same_files(a: Path, b: Path) -> bool:
    """True when two folders hold the same files with the same bytes."""
    done = subprocess.run(["diff", "-rq", str(a), str(b)], capture_output=True, check=False)
    return done.returncode == 0


def median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return round((ordered[middle - 1] + ordered[middle]) / 2, 2)


def measure_size(count: int, repeat: int, work: Path) -> dict[str, Any]:
    """Every figure for one size; see the module's docstring."""
    project = make_project(work / f"project-{count}", count)
    figures: dict[str, Any] = {"providers": count}
    figures.update(measure_check(project))
    # The first build tells how many pages the floor must build.
    first = run_measured(build_command(work / "first"), project)
    pages = html_pages(work / "first")
    figures["pages_per_language"] = pages["en"]
    floor = make_floor(work / f"floor-{count}", pages)
    builds, floors = [first], []
    for i in range(repeat):
        floors.append(run_measured(floor_command(work / f"floor-site-{i}"), floor))
        if i:  # the first build above is the first of the interleaved pair
            builds.append(run_measured(build_command(work / f"site-{i}"), project))
    for key in ("wall", "cpu", "max_rss_mb"):
        ours, theirs = median([b[key] for b in builds]), median([f[key] for f in floors])
        figures[f"build_{key}"] = ours
        figures[f"floor_{key}"] = theirs
        figures[f"ratio_{key}"] = round(ours / theirs, 2)
    # Incremental: edit one profile, build into the last site folder again.
    edit_one_profile(project)
    last = work / f"site-{repeat - 1}" if repeat > 1 else work / "first"
    incremental = run_measured(build_command(last), project)
    figures["incremental_wall"] = incremental["wall"]
    figures["ratio_incremental_to_floor_full"] = round(
        incremental["wall"] / figures["floor_wall"], 2
    )
    run_measured(build_command(work / "full-after-edit"), project)
    figures["incremental_identical_to_full"] = same_files(last, work / "full-after-edit")
    figures.update(measure_finder(work / "full-after-edit"))
    figures.update(measure_open_data(work / "full-after-edit"))
    return figures


def measure_check(project: Path) -> dict[str, float]:
    """``check`` of every profile, as staff run it."""
    figures = run_measured(
        [sys.executable, "-m", "builder", "check", "--today", TODAY_TEXT], project
    )
    return {"check_wall": figures["wall"]}


def measure_finder(site: Path) -> dict[str, float]:
    """What the finder's first search transfers: its index and the first page of cards."""
    index = (site / "find" / "index.json").read_bytes()
    cards = sorted((site / "find" / "cards").glob("*.html"))[:PAGE_SIZE]
    first_page = sum(len(gzip.compress(c.read_bytes(), mtime=0)) for c in cards)
    gz = len(gzip.compress(index, mtime=0))
    return {
        "finder_index_gzip_kb": round(gz / 1024, 1),
        "finder_first_search_gzip_kb": round((gz + first_page) / 1024, 1),
    }


def measure_open_data(site: Path) -> dict[str, float]:
    """The English open data: files, megabytes, and services.json compressed."""
    files = [f for f in (site / "open-data").rglob("*") if f.is_file()]
    services = (site / "open-data" / "services.json").read_bytes()
    return {
        "open_data_files": len(files),
        "open_data_mb": round(sum(f.stat().st_size for f in files) / 1e6, 1),
        "services_json_gzip_mb": round(len(gzip.compress(services, mtime=0)) / 1e6, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000])
    parser.add_argument("--repeat", type=int, default=2, help="interleaved pairs per size")
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory(prefix="microcare-bench-") as tmp:
        for count in args.sizes:
            work = Path(tmp) / str(count)
            work.mkdir()
            results.append(measure_size(count, max(1, args.repeat), work))
            print(json.dumps(results[-1]), file=sys.stderr, flush=True)
            shutil.rmtree(work, ignore_errors=True)
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "figures.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    keys = list(results[0])
    print("| measure | " + " | ".join(str(r["providers"]) for r in results) + " |")
    print("|---|" + "---|" * len(results))
    for key in keys[1:]:
        print(f"| {key} | " + " | ".join(str(r.get(key, "")) for r in results) + " |")


if __name__ == "__main__":
    main()
