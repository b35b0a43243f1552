"""What searching costs a visitor, at 1,000 and 10,000 providers. A script, not a test.

    flock /tmp/microcare-heavy.lock .venv/bin/python benchmarks/search.py [--sizes 1000 10000]

For each size it builds one synthetic site (``make_providers`` from
benchmarks/run.py, both languages, once), serves it on 127.0.0.1 compressed
as a real host would, and drives Debian's chromium through Playwright, with
no CPU throttling and with 4x (the DevTools protocol's
``Emulation.setCPUThrottlingRate``). Every measure starts from an empty cache:

- the finder: bytes and milliseconds from opening ``find/?area=mold`` to its
  first result card;
- the header search: bytes and milliseconds from typing "mold" (English) or
  "yr wyddgrug" (Welsh) into the box of a provider page that has finished
  loading, to the first result (the box waits 200 ms for typing to pause);
- a provider page: bytes once the network is idle (no search data);
- the build: seconds for ``python -m builder build``, and for Pagefind alone.

Figures go to stdout as a Markdown table and to benchmarks/results/search.json.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.run import make_providers  # noqa: E402
from builder.search import index_site  # noqa: E402
from scripts.local_site import chromium, serve  # noqa: E402

THROTTLING = (1, 4)
HEADER_QUERIES = {"en": "mold", "cy": "yr wyddgrug"}
PREFIX = {"en": "", "cy": "cy/"}
# Records, in the page, when the first result of either search appears and
# when the search box first changes, on the page's own clock.
WATCH = """
new MutationObserver(function () {
  if (!window.__mcFinder && document.querySelector("#mc-results li"))
    window.__mcFinder = performance.now();
  if (!window.__mcSearch && document.querySelector(".mc-search__result"))
    window.__mcSearch = performance.now();
}).observe(document, { childList: true, subtree: true });
document.addEventListener("input", function (event) {
  if (!window.__mcTyped && event.target.id === "mc-search-input")
    window.__mcTyped = performance.now();
}, true);
"""


def build(count: int, folder: Path) -> tuple[Path, dict[str, float]]:
    """Build a site of ``count`` synthetic providers in ``folder``; time it."""
    project = folder / "project"
    left_out = {".git", ".venv", "providers", "__pycache__", "tests", "benchmarks"}

    def ignore(folder: str, names: list[str]) -> set[str]:
        # Only the top-level site/ is build output; builder/site/ is code.
        top = {"site"} if Path(folder) == ROOT else set()
        return {n for n in names if n in left_out or n in top}

    shutil.copytree(ROOT, project, ignore=ignore)
    make_providers(project / "providers", count)
    site = project / "site"
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "builder", "build", "--site-dir", str(site)],
        cwd=project,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        sys.exit(f"The build of {count} providers failed:\n{done.stdout}{done.stderr}")
    figures = {"build_s": round(time.perf_counter() - started, 1)}
    for lang in ("en", "cy"):
        started = time.perf_counter()
        index_site(site / PREFIX[lang], lang)
        figures[f"pagefind_{lang}_s"] = round(time.perf_counter() - started, 1)
    return site, figures


class Visit:
    """One page in a browser with an empty cache, counting the bytes it transfers."""

    def __init__(self, browser: Any, rate: int) -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.context.add_init_script(WATCH)
        self.page = self.context.new_page()
        self.cdp = self.context.new_cdp_session(self.page)
        self.cdp.send("Emulation.setCPUThrottlingRate", {"rate": rate})
        self.bytes = 0
        self.urls: list[str] = []
        # The context's events, not the page's DevTools session: Pagefind
        # fetches its index from a web worker, which the session does not see.
        self.context.on("request", lambda request: self.urls.append(request.url))
        self.context.on("requestfinished", self._finished)

    def _finished(self, request: Any) -> None:
        sizes = request.sizes()
        self.bytes += sizes["responseBodySize"] + sizes["responseHeadersSize"]

    def reset(self) -> None:
        self.bytes = 0
        self.urls = []

    def when(self, name: str) -> float:
        self.page.wait_for_function(f"window.{name} !== undefined", timeout=120_000)
        return float(self.page.evaluate(f"window.{name}"))

    def close(self) -> None:
        self.context.close()


def measure_site(browser: Any, base: str, slug: str) -> dict[str, float]:
    figures: dict[str, float] = {}
    for rate in THROTTLING:
        visit = Visit(browser, rate)
        visit.page.goto(base + "find/?area=mold")
        figures[f"finder_first_result_ms_x{rate}"] = round(visit.when("__mcFinder"))
        figures[f"finder_first_result_kb_x{rate}"] = round(visit.bytes / 1024, 1)
        visit.close()
        for lang, query in HEADER_QUERIES.items():
            visit = Visit(browser, rate)
            visit.page.goto(base + PREFIX[lang] + f"providers/{slug}/", wait_until="networkidle")
            assert not any("pagefind" in url for url in visit.urls), "search data on page load"
            if lang == "en" and rate == 1:
                figures["provider_page_kb"] = round(visit.bytes / 1024, 1)
            visit.reset()
            visit.page.fill("#mc-search-input", query)
            found = visit.when("__mcSearch") - visit.when("__mcTyped")
            figures[f"search_{lang}_first_result_ms_x{rate}"] = round(found)
            figures[f"search_{lang}_first_result_kb_x{rate}"] = round(visit.bytes / 1024, 1)
            visit.close()
    return figures


def main() -> None:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000])
    args = parser.parse_args()
    results: dict[int, dict[str, float]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium() or sys.exit(1),
            args=["--no-sandbox", "--disable-background-networking", "--disable-gpu"],
        )
        for count in args.sizes:
            with tempfile.TemporaryDirectory(prefix="microcare-search-") as tmp:
                site, figures = build(count, Path(tmp))
                slug = sorted(p.name for p in (site / "providers").iterdir() if p.is_dir())[0]
                with serve(site) as base:
                    figures.update(measure_site(browser, base, slug))
                results[count] = figures
                print(f"{count} providers: {json.dumps(figures)}", file=sys.stderr)
        browser.close()
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "search.json").write_text(json.dumps(results, indent=2) + "\n")
    print("| measure | " + " | ".join(f"{n:,} providers" for n in results) + " |")
    print("|---|" + "---:|" * len(results))
    for key in next(iter(results.values())):
        print(f"| {key} | " + " | ".join(str(results[n][key]) for n in results) + " |")


if __name__ == "__main__":
    main()
