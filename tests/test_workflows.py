"""The GitHub workflows and the pre-commit hook: valid, linted, and doing what the README says.

check-jsonschema validates against GitHub's workflow schema (bundled, so
offline) and zizmor audits for security mistakes (offline audits only).
Both come from requirements-dev.txt.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from builder.paths import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
BIN = Path(sys.executable).parent
# owner/name@ a full commit SHA, then a comment with the version it is.
PINNED = re.compile(r"^[\w.-]+/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")


def workflow(name: str) -> dict[Any, Any]:
    with (WORKFLOWS / name).open(encoding="utf-8") as f:
        return yaml.safe_load(f)  # type: ignore[no-any-return]


def steps(name: str) -> list[dict[str, Any]]:
    return [step for job in workflow(name)["jobs"].values() for step in job["steps"]]


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )


def test_the_workflows_match_githubs_schema() -> None:
    files = sorted(str(p.relative_to(ROOT)) for p in WORKFLOWS.glob("*.yml"))
    assert files == [".github/workflows/check.yml", ".github/workflows/deploy.yml"]
    done = run(str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows", *files)
    assert (done.returncode, done.stdout.strip()) == (0, "ok -- validation done"), done.stderr


def test_zizmor_finds_nothing() -> None:
    # --color=never: zizmor colours its output when CI=true, even into a pipe.
    done = run(
        str(BIN / "zizmor"), "--offline", "--no-progress", "--color=never", ".github/workflows/"
    )
    assert (done.returncode, done.stdout.strip()) == (0, "No findings to report. Good job!"), (
        done.stdout + done.stderr
    )


@pytest.mark.parametrize("name", ["check.yml", "deploy.yml"])
def test_actions_are_pinned_and_checkout_keeps_no_credentials(name: str) -> None:
    text = (WORKFLOWS / name).read_text(encoding="utf-8")
    uses = re.findall(r"uses: (.+)", text)
    assert uses and all(PINNED.match(use) for use in uses), uses
    for step in steps(name):
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step["with"]["persist-credentials"] is False
        if "run" in step and "pip install" in step["run"]:
            assert step["run"] == "pip install -r requirements.txt -c constraints.txt"


def test_pull_requests_are_checked_with_annotations_then_built() -> None:
    check = workflow("check.yml")
    assert list(check[True]) == ["pull_request"]  # YAML 1.1 reads the key "on" as true
    assert check["permissions"] == {"contents": "read"}
    runs = [step["run"] for step in steps("check.yml") if "run" in step]
    assert runs[-2:] == ["python -m builder check --format github", "python -m builder build"]


def test_main_is_deployed_to_pages_with_least_privilege() -> None:
    deploy = workflow("deploy.yml")
    assert deploy[True]["push"] == {"branches": ["main"]}
    # Rebuilt every day, so that a lapsed check pauses a listing on the day.
    assert deploy[True]["schedule"] == [{"cron": "17 3 * * *"}]
    assert deploy["permissions"] == {}
    assert deploy["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    jobs = deploy["jobs"]
    assert jobs["build"]["permissions"] == {"contents": "read", "pages": "read"}
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert jobs["deploy"]["environment"]["name"] == "github-pages"
    actions = [step["uses"].split("@")[0] for step in steps("deploy.yml") if "uses" in step]
    assert actions == [
        "actions/checkout",
        "actions/setup-python",
        "actions/configure-pages",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    ]


def test_pre_commit_checks_changed_profiles() -> None:
    with (ROOT / ".pre-commit-config.yaml").open(encoding="utf-8") as f:
        config = yaml.safe_load(f)
    [repo] = config["repos"]
    [hook] = repo["hooks"]
    assert repo["repo"] == "local"
    assert (hook["entry"], hook["language"]) == ("python -m builder check", "system")
    files = re.compile(hook["files"])
    assert files.search("providers/bryn-care.yml") and files.search("providers/x.yaml")
    assert not files.search("data/areas.yml") and not files.search("providers/photos/a.jpg")
