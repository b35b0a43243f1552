"""``python -m builder new``: the file it writes, its name, and never overwriting."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from builder.check import schema
from builder.check.validate import check_files
from builder.cli import main
from builder.load.vocab import load_vocabulary
from builder.paths import ROOT
from builder.staff import scaffold

TODAY = date(2026, 11, 22)


@pytest.fixture(autouse=True)
def _fixed_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("MICROCARE_TODAY", raising=False)
    monkeypatch.setenv("LANG", "en_GB.UTF-8")


def new(capsys: pytest.CaptureFixture[str], folder: Path, name: str) -> tuple[int, str]:
    code = main(["new", name, "--folder", str(folder), "--today", "2026-11-22"])
    return code, capsys.readouterr().out


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Tŷ Twt", "ty-twt"),
        ("Bryn Care", "bryn-care"),
        ("Alder & Ash Care", "alder-and-ash-care"),
        ("Connah's Quay Carers", "connahs-quay-carers"),
        ("Siân’s Café", "sians-cafe"),
        ("  Gofal  Môn! ", "gofal-mon"),
        ("Ŵyn Bach 24/7", "wyn-bach-24-7"),
        ("Llŷr — Help at Home", "llyr-help-at-home"),
        ("!!!", ""),
        ("Gofal " * 30, "gofal" + "-gofal" * 15),  # cut at a hyphen, to check's limit of 100
    ],
)
def test_the_file_name_comes_from_the_business_name(name: str, slug: str) -> None:
    assert scaffold.slug(name) == slug


def test_new_writes_a_draft_that_passes_check(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "ty-twt.yml"
    assert new(capsys, tmp_path, "Tŷ Twt") == (
        0,
        f"Wrote {path.as_posix()}, a draft: replace every REPLACE, then run:\n"
        f".venv/bin/microcare check {path.as_posix()}\n",
    )
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/provider.schema.json\n")
    data = yaml.safe_load(text)
    assert (data["name"], data["published"]) == ("Tŷ Twt", False)
    # Nothing invented: every date the council records is left empty.
    assert data["reviewed"] == data["availability"]["confirmed"] == ""
    checks = data["checks"]
    assert checks["dbs"] == {"checked": ""}
    assert checks["insurance"] == {"checked": "", "expires": ""}
    assert checks["quality_framework"] == {"completed": ""}
    assert data["contact"]["phone"] == "01632 960000"  # accept_drama_numbers is true here
    assert main(["check", str(path), "--today", "2026-11-22", "--lang", "en"]) == 0
    assert capsys.readouterr().out == "1 profile checked: no problems\n"


def test_publishing_the_scaffold_says_what_each_empty_date_needs(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = scaffold.write_profile("Tŷ Twt", tmp_path, TODAY, drama_numbers=True)
    path.write_text(
        path.read_text(encoding="utf-8").replace("published: false", "published: true"),
        encoding="utf-8",
    )
    code = main(["check", str(path), "--today", "2026-11-22", "--lang", "en"])
    dates = [line for line in capsys.readouterr().out.splitlines() if "no date yet" in line]
    file = path.as_posix()
    assert (code, dates) == (
        1,
        [
            f"{file}:38:14: [error] no date yet: enter the date the provider last confirmed "
            'their availability, like "2026-11-03"; a published profile needs it '
            "(availability.confirmed)",
            f"{file}:56:14: [error] no date yet: enter the date the council saw the enhanced DBS "
            'certificate, like "2026-11-03"; a published profile needs it (checks.dbs.checked)',
            f"{file}:58:14: [error] no date yet: enter the date the council saw the insurance "
            'certificate, like "2026-11-03"; a published profile needs it '
            "(checks.insurance.checked)",
            f"{file}:59:14: [error] no date yet: enter the date the insurance runs out, as the "
            'certificate says, like "2027-11-02"; a published profile needs it '
            "(checks.insurance.expires)",
            f"{file}:61:16: [error] no date yet: enter the date the provider completed the "
            'quality framework, like "2026-11-03"; a published profile needs it '
            "(checks.quality_framework.completed)",
            f"{file}:72:11: [error] no date yet: enter the date the council last reviewed the "
            'whole profile, like "2026-11-03"; a published profile needs it (reviewed)',
        ],
    )


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("A" * 81, '"name" is 81 characters long, more than 80; please shorten it'),
        ("Bryn\x07Care", "there is an invisible control character (U+0007) here; delete it"),
    ],
)
def test_new_refuses_a_name_that_check_refuses_with_the_same_message(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, message: str
) -> None:
    with pytest.raises(SystemExit) as stopped:
        new(capsys, tmp_path, name)
    assert stopped.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1].endswith(f" error: {message}")
    assert list(tmp_path.iterdir()) == []


def test_the_longest_name_check_allows_is_written(tmp_path: Path) -> None:
    assert scaffold.refusals("A" * 80, TODAY, load_vocabulary()) == []


def test_a_live_directory_gets_no_made_up_phone_number(tmp_path: Path) -> None:
    vocab = load_vocabulary()
    live = replace(vocab, settings={**vocab.settings, "accept_drama_numbers": False})
    path = scaffold.write_profile("Tŷ Twt", tmp_path, TODAY, drama_numbers=False)
    assert "phone" not in yaml.safe_load(path.read_text(encoding="utf-8"))["contact"]
    assert check_files([path], root=ROOT, today=TODAY, vocab=live).problems == []


def test_new_has_every_field_of_the_schema() -> None:
    text = scaffold.new_profile("Tŷ Twt", TODAY, drama_numbers=True)
    # Uncomment the optional photo, "withdrawn", and the CIW line for a registered provider.
    text = text.replace("\n# photo:", "\nphoto:").replace("\n#   ", "\n    ")
    text = text.replace("\n# withdrawn:", "\nwithdrawn:")
    text = re.sub(r"\n  ciw: .*\n  # ciw:", "\n  ciw:", text)
    assert _paths(yaml.safe_load(text)) == _paths(schema.schema(), schema=True)


def test_new_never_overwrites(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "ty-twt.yml").write_text("name: Tŷ Twt\n", encoding="utf-8")
    assert new(capsys, tmp_path, "TŶ TWT") == (
        1,
        f"{(tmp_path / 'ty-twt.yml').as_posix()} already exists; edit it, or choose another name\n",
    )
    assert (tmp_path / "ty-twt.yml").read_text(encoding="utf-8") == "name: Tŷ Twt\n"


def test_new_refuses_a_name_taking_the_same_address(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "bryn-care.yaml").write_text("", encoding="utf-8")
    code, output = new(capsys, tmp_path, "Bryn Care")
    assert (code, output.split(" ")[1:3]) == (1, ["already", "exists;"])
    assert not (tmp_path / "bryn-care.yml").exists()


def test_new_refuses_a_name_without_letters(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with pytest.raises(SystemExit) as stopped:
        new(capsys, tmp_path, "???")
    assert stopped.value.code == 2
    assert "a business name needs at least one letter or number" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "Index",
            "the file name 'index.yml' is the name of a page the site makes itself; "
            "name the file after the business, like 'bryn-care.yml'",
        ),
        (
            "Bryn\x1b[2K Care",
            "there is an invisible control character (U+001B) here; delete it",
        ),
        (
            "Bryn\u200b Care",
            'there is an invisible character (U+200B) in "name" here; delete it, '
            "so that the text is exactly what people see",
        ),
    ],
)
def test_new_refuses_a_name_check_would_refuse(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, message: str
) -> None:
    with pytest.raises(SystemExit) as stopped:
        new(capsys, tmp_path, name)
    assert stopped.value.code == 2
    assert capsys.readouterr().err.endswith(f"error: {message}\n")
    assert list(tmp_path.iterdir()) == []


def test_new_into_a_missing_folder_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert new(capsys, tmp_path / "nowhere", "Bryn Care") == (
        1,
        f"there is no folder {(tmp_path / 'nowhere').as_posix()}; check its name\n",
    )


def _paths(node: Any, path: str = "", *, schema: bool = False) -> set[str]:
    """Every field path in a profile, or every property path in the schema."""
    children = node.get("properties", {}) if schema else node
    if not isinstance(children, dict) or not children:
        return {path}
    found = {path} if path else set()
    for key, child in children.items():
        found |= _paths(child, f"{path}.{key}" if path else key, schema=schema)
    return found
