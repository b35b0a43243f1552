"""A lapsed check pauses one listing, on the day, in a real build; it never stops the site.

Steady Steps Companions' insurance runs out on 2027-01-04 (``expires``), so
the sample site built with ``--today 2027-01-04`` lists it, and the one built
with ``--today 2027-01-05`` has paused it: gone from the finder, every list,
search and the sitemap, its page still answering, marked noindex, with no
way to contact the provider.
"""

from __future__ import annotations

import html
import json
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from builder.load.vocab import load_vocabulary
from builder.model import build_directory
from builder.pipeline import check
from tests import expected
from tests.test_build import card_slugs
from tests.test_cli_build import BROKEN, ENV, copy_project
from tests.test_search import indexed

ROOT = Path(__file__).resolve().parent.parent
SLUG = "steady-steps-companions"
PROFILE = next(p for p in expected.published() if p.slug == SLUG)
LAST_LISTED, PAUSED = "2027-01-04", "2027-01-05"
WARNING = (
    f"providers/{SLUG}.yml:49:47: [warning] the listing is paused: the public liability "
    "insurance ran out on 2027-01-04; see the new certificate and update "
    '"expires" and "checked" (checks.insurance.expires)'
)


def build(project: Path, today: str, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "builder", "build", "--today", today, "--site-dir", str(out)],
        cwd=project,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The sample site built on the last day it lists the provider, and on the first it pauses."""
    built = {}
    for today in (LAST_LISTED, PAUSED):
        out = tmp_path_factory.mktemp(f"site-{today}")
        done = build(ROOT, today, out)
        assert done.returncode == 0, done.stdout + done.stderr
        built[today] = out
        (out / "build-output.txt").write_text(done.stdout, encoding="utf-8")
    return built


def listed_everywhere(site: Path, prefix: str) -> dict[str, bool]:
    """Where the provider appears: each list, the finder's index, search and the sitemap."""
    read = lambda path: (site / prefix / path).read_text(encoding="utf-8")  # noqa: E731
    index = json.loads(read("find/index.json"))
    search = indexed(site / prefix / "pagefind")
    found = {
        "a to z": SLUG in card_slugs(read("providers/index.html")),
        "finder index": any(row[0] == SLUG for row in index["providers"]),
        "finder card": (site / prefix / "find" / "cards" / f"{SLUG}.html").exists(),
        "search": any(f"providers/{SLUG}/" in url for url in search),
        "sitemap": f"providers/{SLUG}/" in read("sitemap.xml"),
    }
    for area in PROFILE.areas:
        found[f"area {area}"] = SLUG in card_slugs(read(f"areas/{area}/index.html"))
    for service in PROFILE.services:
        found[f"service {service}"] = SLUG in card_slugs(read(f"services/{service}/index.html"))
    return found


@pytest.mark.parametrize("prefix", ["", "cy/"])
def test_listed_on_the_last_day_of_the_insurance(sites: dict[str, Path], prefix: str) -> None:
    where = listed_everywhere(sites[LAST_LISTED], prefix)
    assert all(where.values()), where
    page = (sites[LAST_LISTED] / prefix / f"providers/{SLUG}/index.html").read_text("utf-8")
    assert PROFILE.phone and PROFILE.phone in page
    assert 'content="noindex"' not in page


@pytest.mark.parametrize("prefix", ["", "cy/"])
def test_paused_the_day_after_everywhere_but_its_own_page(
    sites: dict[str, Path], prefix: str
) -> None:
    where = listed_everywhere(sites[PAUSED], prefix)
    assert not any(where.values()), where
    others = expected.matching() - {SLUG}
    shown = card_slugs((sites[PAUSED] / prefix / "providers/index.html").read_text("utf-8"))
    assert set(shown) == others  # nobody else is affected


@pytest.mark.parametrize(
    ("prefix", "notice"),
    [
        ("", "This listing is paused while the council renews its checks."),
        ("cy/", "Mae'r rhestriad hwn wedi'i oedi tra bo'r cyngor yn adnewyddu ei wiriadau."),
    ],
)
def test_the_paused_page_says_so_and_gives_no_contact(
    sites: dict[str, Path], prefix: str, notice: str
) -> None:
    page = (sites[PAUSED] / prefix / f"providers/{SLUG}/index.html").read_text("utf-8")
    assert '<meta name="robots" content="noindex">' in page
    assert f"<strong>{notice}</strong>" in html.unescape(page)
    assert 'href="../../find/"' in page
    assert PROFILE.phone and PROFILE.phone not in page
    assert PROFILE.phone.replace(" ", "")[1:] not in page  # nor as a tel: link
    assert "mc-contact__phone" not in page and "mc-contact__email" not in page
    if PROFILE.email:
        assert PROFILE.email not in page


def test_the_build_warns_with_the_file_line_and_reason(sites: dict[str, Path]) -> None:
    output = (sites[PAUSED] / "build-output.txt").read_text(encoding="utf-8").splitlines()
    assert WARNING in output
    assert output[-2:] == [
        f"Built {len(expected.published()) - 1} providers into {sites[PAUSED]} (Welsh in cy/).",
        "Listings paused until a check is renewed: 1 (see the warnings above).",
    ]
    listed = (sites[LAST_LISTED] / "build-output.txt").read_text(encoding="utf-8")
    assert "paused" not in listed


def test_a_broken_file_still_stops_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    shutil.copy(BROKEN, project / "providers" / "glan-aber-care.yml")
    done = build(project, PAUSED, project / "site")
    assert done.returncode == 1
    assert WARNING in done.stdout.splitlines()
    assert done.stderr == "Nothing was built: fix the errors above, then build again.\n"
    assert not (project / "site").exists()


def test_the_directory_moves_a_lapsed_provider_to_paused() -> None:
    result = check(on=date(2027, 1, 5))
    directory = build_directory(result.profiles, load_vocabulary(), date(2027, 1, 5))
    assert [p.slug for p in directory.paused] == [SLUG]
    assert SLUG not in {p.slug for p in directory.providers}
    assert directory.provider(SLUG).name == PROFILE.name
