"""The slowest profiles we could write: how long ``python -m builder check`` takes on each.

    .venv/bin/python benchmarks/check_worst_case.py

Each case is one file of at most 200 KB (check's limit) built to make some
part of check work hard: a regular expression that could backtrack, a list
the schema compares item with item, a number Python is slow to read,
nesting, thousands of problems to place and word. Each is run as staff run
it, ``python -m builder check FILE`` in a new process, and the script
prints its time (start-up included), its exit code and whether anything
went to stderr (a traceback would). The target: under 2 seconds each, and
no traceback. A script, not a test.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 200_000
BASE = (ROOT / "tests" / "fixtures" / "providers" / "valid" / "cartref-care.yml").read_text(
    encoding="utf-8"
)


def fill(build: Callable[[int], str]) -> str:
    """The largest ``build(n)`` that fits in the limit (in UTF-8 bytes)."""
    low, high = 1, LIMIT
    while low < high:
        middle = (low + high + 1) // 2
        if len(build(middle).encode()) <= LIMIT:
            low = middle
        else:
            high = middle - 1
    return build(low)


def with_line(old: str, new: str) -> str:
    """The valid profile with the line starting ``old`` replaced by ``new``."""
    lines = [new if line.startswith(old) else line for line in BASE.split("\n")]
    return "\n".join(lines)


def field(name: str, make: Callable[[int], str]) -> Callable[[int], str]:
    return lambda n: with_line(f"{name}:", f"{name}: {make(n)}")


def block(name: str, make: Callable[[int], str]) -> Callable[[int], str]:
    return lambda n: with_line(f"{name}:", f"{name}: |\n  {make(n)}")


def flow(items: Callable[[int], list[str]]) -> Callable[[int], str]:
    return lambda n: "[" + ", ".join(items(n)) + "]"


def code(i: int) -> str:
    return "".join(chr(97 + (i // 26**k) % 26) for k in range(3))


CASES: dict[str, Callable[[int], str]] = {
    # The HTML rule: "<" and spaces once made its regular expression backtrack.
    "description: '<' and spaces": block("description", lambda n: "<" + " " * n + "1"),
    "description: '</' and spaces, repeated": block("description", lambda n: "< /  " * n),
    "description: '<a x x x' without '>'": block("description", lambda n: "<a" + " x" * n),
    "description: one long line": block("description", lambda n: "word " * n),
    "description: combining accents": block("description", lambda n: "a" + "\u0301" * n),
    "name: 200 KB of letters": field("name", lambda n: "A" * n),
    "name: zero-width spaces": field("name", lambda n: '"' + "\\u200b" * n + '"'),
    "summary: escaped control characters": field("summary", lambda n: '"' + "\\x1b" * n + '"'),
    "email: very long": lambda n: with_line("  email:", "  email: " + "a" * n + "@example.org"),
    "website: very long": lambda n: with_line(
        "  website:", "  website: https://example.org/" + "a/" * n
    ),
    "phone: very long": lambda n: with_line("  phone:", '  phone: "0' + "1" * n + '"'),
    "areas: mixed values": field("areas", flow(lambda n: ["1, a, true, ~, 1.5, {x: 1}, [1]"] * n)),
    "areas: distinct unknown ids": field("areas", flow(lambda n: [f"place{i}" for i in range(n)])),
    "services: repeated ids": field("services", flow(lambda n: ["cleaning"] * n)),
    "languages: distinct codes": field("languages", flow(lambda n: [code(i) for i in range(n)])),
    "languages: language names": field("languages", flow(lambda n: ["Welsh", "Polsih"] * n)),
    "staff: a 200,000-digit number": field("staff", lambda n: "9" * n),
    "hourly_rate: 1e99999": lambda n: with_line("  hourly_rate:", "  hourly_rate: 1e99999"),
    "far dates": lambda n: BASE.replace('"2026-05-11"', '"9999-12-31"').replace(
        '"2027-04-19"', '"0001-01-01"'
    ),
    "unknown fields": lambda n: BASE + "".join(f"fi{i}eld: x\n" for i in range(n)),
    "one field, again and again": lambda n: BASE + "name: x\n" * n,
    "yes and no in a long list": field("funding", flow(lambda n: ["yes", "no"] * n)),
    "leading zeros in a long list": field("funding", flow(lambda n: ["007"] * n)),
    "anchors and aliases": lambda n: "".join(f"a{i}: &a{i} x\nb{i}: *a{i}\n" for i in range(n)),
    "nesting within the limit, again and again": lambda n: (
        BASE + "".join(f"n{i}: {'[' * 19}{']' * 19}\n" for i in range(n))
    ),
    "nesting far beyond the limit": lambda n: "a: " + "[" * n,
    "a tab on every line": lambda n: "name:\tx\n" * n,
    "every line a syntax mistake": lambda n: "a: b: c\n" * n,
    "an unclosed quote": lambda n: 'name: "' + "x\n" * n,
}


def run(text: str, folder: Path) -> tuple[float, int, bool, int]:
    path = folder / "worst-case.yml"
    path.write_text(text, encoding="utf-8")
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "builder", "check", str(path), "--today", "2026-11-22"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    seconds = time.perf_counter() - started
    return seconds, done.returncode, bool(done.stderr.strip()), len(done.stdout.splitlines())


def main() -> None:
    print("| case | KB | seconds | exit | stderr | problems |\n|---|---:|---:|---:|---|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "photos").mkdir()
        (folder / "photos" / "cartref-care.png").write_bytes(
            (ROOT / "tests/fixtures/providers/valid/photos/cartref-care.png").read_bytes()
        )
        seconds, *_ = run(BASE, folder)
        size = len(BASE.encode()) / 1000
        print(f"| (a valid profile, for comparison) | {size:.0f} | {seconds:.2f} | 0 | no | 0 |")
        for name, build in CASES.items():
            text = fill(build)
            seconds, exit_code, stderr, problems = run(text, folder)
            kb = len(text.encode()) / 1000
            said = "YES" if stderr else "no"
            print(f"| {name} | {kb:.0f} | {seconds:.2f} | {exit_code} | {said} | {problems} |")


if __name__ == "__main__":
    main()
