"""Run Lighthouse on the built site, in both languages, and report its four scores.

Not a test: a measurement to run by hand before a release, and to quote in
the README. Lighthouse comes from npm, pinned in tools/lighthouse/ (installed
there with `npm ci`, never globally), and drives Debian's chromium; the site
is served on 127.0.0.1 (with gzip, as any static host serves it), so
nothing leaves the machine.

    .venv/bin/python scripts/lighthouse.py            # build into a temp folder, then measure
    .venv/bin/python scripts/lighthouse.py --site site  # measure a site already built

Writes benchmarks/results/lighthouse.json (every score, and the failing
audits of any category below its target) and prints a Markdown table.
Exit status 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from local_site import chromium, served

ROOT = Path(__file__).resolve().parent.parent
TOOL = ROOT / "tools" / "lighthouse"
LIGHTHOUSE = TOOL / "node_modules" / ".bin" / "lighthouse"
RESULTS = ROOT / "benchmarks" / "results" / "lighthouse.json"

# Home, the finder showing a search, and a provider page, in each language.
PAGES = {
    "Home": "",
    "Finder (Holywell, companionship)": "find/?area=holywell&service=companionship",
    "Provider (Bryn Care)": "providers/bryn-care/",
}
LANGUAGES = {"English": "", "Welsh": "cy/"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 95, "seo": 95}
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu "
    "--disable-background-networking --disable-component-update"
)


def install_lighthouse() -> None:
    """`npm ci` in tools/lighthouse when its node_modules is missing or older than the lock."""
    lock = TOOL / "package-lock.json"
    marker = TOOL / "node_modules" / ".package-lock.json"
    if LIGHTHOUSE.exists() and marker.exists() and marker.stat().st_mtime >= lock.stat().st_mtime:
        return
    print("Installing the pinned Lighthouse into tools/lighthouse/ (npm ci)...", file=sys.stderr)
    # --ignore-scripts: no package may run code at install time (or download a browser).
    subprocess.run(
        ["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"], cwd=TOOL, check=True
    )


def run_lighthouse(url: str, browser: str, out: Path) -> dict:
    """One Lighthouse run (mobile, the default form factor); the parsed report."""
    env = dict(os.environ, CHROME_PATH=browser)
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={CHROME_FLAGS}",
        ],
        env=env,
        check=True,
    )
    return json.loads(out.read_text(encoding="utf-8"))


def failing_audits(report: dict, category: str) -> list[str]:
    """The audits that cost a category points: 'id (score): title'."""
    audits = report["audits"]
    out = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = audits[ref["id"]]
        if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
            out.append(f"{audit['id']} ({audit['score']:.2f}): {audit['title']}")
    return out


def measure(base_url: str, browser: str) -> list[dict]:
    rows = []
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        for language, prefix in LANGUAGES.items():
            for page, path in PAGES.items():
                url = base_url + prefix + path
                print(f"Lighthouse: {url}", file=sys.stderr)
                report = run_lighthouse(url, browser, Path(tmp) / "report.json")
                scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
                rows.append(
                    {
                        "language": language,
                        "page": page,
                        "path": "/" + prefix + path,
                        "scores": scores,
                        "missed": {
                            c: failing_audits(report, c)
                            for c in CATEGORIES
                            if scores[c] < TARGETS[c]
                        },
                        "lighthouse": report["lighthouseVersion"],
                        "form_factor": report["configSettings"]["formFactor"],
                    }
                )
    return rows


def markdown(rows: list[dict]) -> str:
    head = "| Page | Language | Performance | Accessibility | Best practices | SEO |"
    lines = [head, "|---|---|---:|---:|---:|---:|"]
    for row in rows:
        s = row["scores"]
        lines.append(
            f"| {row['page']} | {row['language']} | {s['performance']} | "
            f"{s['accessibility']} | {s['best-practices']} | {s['seo']} |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a site already built (default: build one)")
    parser.add_argument("--output", type=Path, default=RESULTS, help=f"default: {RESULTS}")
    args = parser.parse_args()

    browser = chromium()
    if browser is None:
        return 2
    install_lighthouse()
    with served(args.site) as base_url:
        rows = measure(base_url, browser)

    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(
        json.dumps({"targets": TARGETS, "results": rows}, indent=2) + "\n", encoding="utf-8"
    )
    print(markdown(rows))
    missed = [(r["path"], c, a) for r in rows for c, a in r["missed"].items()]
    for path, category, audits in missed:
        print(f"\n{path}: {category} below {TARGETS[category]}:", file=sys.stderr)
        for audit in audits:
            print(f"  - {audit}", file=sys.stderr)
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
