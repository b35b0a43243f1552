"""How long reading the git history takes for a large directory with a long history.

    .venv/bin/python benchmarks/history_large.py [--providers N] [--commits N] [--per-commit N]

Makes a git repository in a temporary folder (with ``git fast-import``, in
seconds): one commit adding every provider, then ``--commits`` commits that
each change the availability of ``--per-commit`` of them, in turn. Then
times ``builder.load.history.read_history`` on it: one ``git log`` and one
``git cat-file --batch``, every version of every profile parsed once with
the project's loader. A script, not a test.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from builder.load.history import read_history  # noqa: E402

SAMPLE = (ROOT / "providers" / "bryn-care.yml").read_text(encoding="utf-8")
STATUSES = ("taking-new-clients", "waiting-list", "not-taking-new-clients")
DAY = 86_400
START = 1_767_225_600  # 2026-01-01


def profile(i: int, version: int) -> bytes:
    text = SAMPLE.replace("name: Bryn Care", f"name: Provider {i}")
    text = text.replace("status: taking-new-clients", f"status: {STATUSES[version % 3]}")
    return text.encode()


def fast_import_stream(providers: int, commits: int, per_commit: int) -> bytes:
    """A ``git fast-import`` stream of the whole history."""
    out: list[bytes] = []

    def commit(number: int, changes: list[tuple[int, int]]) -> None:
        when = START + number * DAY
        message = f"change {number}".encode()
        out.append(b"commit refs/heads/main\n")
        out.append(f"committer Staff <staff@example.org> {when} +0000\n".encode())
        out.append(b"data %d\n%s\n" % (len(message), message))
        for i, version in changes:
            content = profile(i, version)
            out.append(b"M 100644 inline providers/p%05d.yml\n" % i)
            out.append(b"data %d\n%s\n" % (len(content), content))

    commit(0, [(i, 0) for i in range(providers)])
    for number in range(1, commits + 1):
        first = (number - 1) * per_commit
        commit(number, [((first + k) % providers, number) for k in range(per_commit)])
    return b"".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--providers", type=int, default=10_000)
    parser.add_argument("--commits", type=int, default=40)
    parser.add_argument("--per-commit", type=int, default=2_500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        repo = Path(tmp)
        subprocess.run(["git", "init", "-q", "-b", "main"], cwd=repo, check=True)
        stream = fast_import_stream(args.providers, args.commits, args.per_commit)
        subprocess.run(["git", "fast-import", "--quiet"], cwd=repo, input=stream, check=True)
        versions = args.providers + args.commits * args.per_commit
        started = time.perf_counter()
        history = read_history(repo)
        seconds = time.perf_counter() - started
    print("| measure | value |\n|---|---|")
    print(f"| providers | {args.providers} |")
    print(f"| commits | {args.commits + 1} |")
    print(f"| profile versions read | {versions} |")
    print(f"| changes found | {len(history.changes)} |")
    print(f"| read_history, seconds | {seconds:.1f} |")
    print(f"| per version, ms | {1000 * seconds / versions:.2f} |")


if __name__ == "__main__":
    main()
