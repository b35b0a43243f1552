"""Run one command and report its cost: ``python benchmarks/measure.py -- CMD ...``.

Prints one line of JSON: wall seconds, CPU seconds (user + system, of the
command and everything it started), and the peak memory of the largest
process it started (``ru_maxrss`` of the waited-for children), in MB.

It runs as a fresh process for each measurement, so the children's figures
belong to that one command alone.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time


def main(argv: list[str]) -> int:
    command = argv[argv.index("--") + 1 :] if "--" in argv else argv
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, check=False)
    wall = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    figures = {
        "wall": round(wall, 2),
        "cpu": round(usage.ru_utime + usage.ru_stime, 2),
        "max_rss_mb": round(usage.ru_maxrss / 1024, 1),  # Linux reports KiB
        "exit": done.returncode,
    }
    if done.returncode:
        # What the command said, for the failure's report: stdout holds check's problems.
        said = done.stdout + done.stderr
        figures["stderr"] = said.decode("utf-8", "replace")[-4000:]
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
