"""``python -m builder postcodes``: the ONS Postcode Directory into data/postcodes.yml.

The fixtures in fixtures/postcodes are synthetic files in the ONSPD's real
column layout (53 quoted columns, as in the 2025 releases): onspd.csv reads
cleanly, onspd-malformed.csv has a broken row on most lines. Each run is
checked for its exact output, its exit code and the file it writes or,
on any error, leaves alone.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.cli import main
from builder.load.postcodes import load_table, read_codes, write_table
from builder.load.vocab import load_vocabulary
from builder.paths import DATA_DIR, ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "postcodes"
CODES = "tests/fixtures/postcodes/codes.yml"
ONSPD = "tests/fixtures/postcodes/onspd.csv"
MALFORMED = "tests/fixtures/postcodes/onspd-malformed.csv"
OLD = "# the table before the import\n"


@pytest.fixture(autouse=True)
def _fixed_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("LANG", "en_GB.UTF-8")


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """Where the import writes: a file that already holds a table."""
    path = tmp_path / "postcodes.yml"
    path.write_text(OLD, encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["postcodes", *args])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_the_import_keeps_the_countys_live_postcodes_with_their_communities(
    capsys: pytest.CaptureFixture[str], out: Path
) -> None:
    code, output = run(capsys, ONSPD, "--codes", CODES, "--out", str(out))
    assert (code, output) == (
        0,
        f"{CODES}:7:1: [warning] no postcode in the ONS file is in bagillt (W04000908): "
        "check its code (codes.bagillt)\n"
        f"Wrote {out.as_posix()}. Postcodes: 9; postcode districts: 5.\n"
        f"The codes in {CODES} are not marked verified: check them, then set verified: true.\n",
    )
    assert out.read_text(encoding="utf-8") == (FIXTURES / "onspd.expected.yml").read_text("utf-8")


def test_the_written_table_reads_back_as_it_was_imported(
    capsys: pytest.CaptureFixture[str], out: Path
) -> None:
    assert run(capsys, ONSPD, "--codes", CODES, "--out", str(out))[0] == 0
    table = load_table.__wrapped__(out.parent)
    assert table.postcodes["CH7"] == {
        "1AB": "mold",
        "1AD": "mold",
        "2AA": "buckley",
        "3AA": "buckley",
        "6AA": "argoed",
    }
    assert table.districts["LL12"] == ("hope",)
    assert table.attribution_year == 2025
    assert table.source == "onspd" and not table.verified
    assert write_table(table, "onspd.csv") == out.read_text(encoding="utf-8")


def test_malformed_rows_are_named_by_line_and_nothing_is_written(
    capsys: pytest.CaptureFixture[str], out: Path
) -> None:
    code, output = run(capsys, MALFORMED, "--codes", CODES, "--out", str(out))
    assert (code, output) == (
        1,
        f"{MALFORMED}:3:1: [error] this row has 3 values, but the first line names 53 "
        "columns: the file may be cut short or damaged; download it again\n"
        f'{MALFORMED}:4:3: [error] "CH7 X1Y" is not a postcode (pcds)\n'
        f"{MALFORMED}:5:10: [error] this postcode has no community code (parish)\n"
        f"{MALFORMED}:6:10: [error] community code W04000950 is not in {CODES}: write it "
        "there, in quotes, after its community (it is the community of CH7 4AA; postcodes "
        "with this code: 2) (parish)\n"
        f"{MALFORMED}:7:3: [error] CH7 1AB is here twice; the first is on line 2 (pcds)\n"
        f"{MALFORMED}:9:10: [error] community code W04000951 is not in {CODES}: write it "
        "there, in quotes, after its community (it is the community of CH8 7AA; postcodes "
        "with this code: 1) (parish)\n"
        "Nothing was written: fix the errors above, then run this again.\n",
    )
    assert out.read_text(encoding="utf-8") == OLD
    assert [p.name for p in out.parent.iterdir()] == ["postcodes.yml"]


def test_the_messages_speak_welsh(capsys: pytest.CaptureFixture[str], out: Path) -> None:
    code, output = run(capsys, MALFORMED, "--codes", CODES, "--out", str(out), "--lang", "cy")
    assert code == 1
    assert f'{MALFORMED}:4:3: [error] nid yw "CH7 X1Y" yn god post (pcds)\n' in output
    assert output.endswith("Ni ysgrifennwyd dim: cywirwch y gwallau uchod, yna rhedwch hwn eto.\n")


def header_and(row: str, tmp_path: Path, header: str | None = None) -> str:
    """A small CSV file with the ONSPD's first line (or ``header``) and one more line."""
    first = header or (FIXTURES / "onspd.csv").read_text(encoding="utf-8").splitlines()[0]
    path = tmp_path / "ONSPD.csv"
    path.write_bytes((first + "\r\n").encode() + row.encode("latin-1"))
    return str(path)


@pytest.mark.parametrize(
    ("header", "row", "message"),
    [
        (
            "",
            "",
            "1:1: [error] the file is empty or is not a CSV file: use the ONS Postcode "
            "Directory's CSV file (Data/ONSPD_..._UK.csv in its download)",
        ),
        (
            '"pcd","pcd2","pcds","dointr","doterm","usertype","laua","ward","ctry"',
            "",
            '1:1: [error] there is no "parish" column, which gives each postcode\'s '
            "community: use the ONS Postcode Directory (ONSPD), not the National Statistics "
            "Postcode Lookup (NSPL) (parish)",
        ),
        (
            '"pcd","pcd2","pcds","dointr","oslaua","parish"',
            "",
            "1:1: [error] the first line should name the columns, as the ONS Postcode "
            'Directory\'s does, but there is no "doterm" column (doterm)',
        ),
        (
            None,
            '"CH7 1AB","Caerwys \xa0"\r\n',
            "2:1: [error] this line is not UTF-8 text: use the CSV file as the ONS "
            "publishes it, not one saved again by a spreadsheet",
        ),
        (
            None,
            "",
            "1:1: [error] no live postcode in this file is in the county (W06000005): use "
            "the ONS Postcode Directory for the whole UK (oslaua)",
        ),
    ],
    ids=["empty", "nspl", "no-doterm", "not-utf8", "no-county-postcodes"],
)
def test_a_file_that_is_not_the_onspd_says_what_it_is_instead(
    capsys: pytest.CaptureFixture[str],
    out: Path,
    tmp_path: Path,
    header: str | None,
    row: str,
    message: str,
) -> None:
    path = header_and(row, tmp_path, header) if header != "" else str(tmp_path / "ONSPD.csv")
    if header == "":
        Path(path).write_bytes(b"")
    code, output = run(capsys, path, "--codes", CODES, "--out", str(out))
    assert (code, output) == (
        1,
        f"{path}:{message}\nNothing was written: fix the errors above, then run this again.\n",
    )
    assert out.read_text(encoding="utf-8") == OLD


def test_mistakes_in_the_codes_file_are_named_by_line(
    capsys: pytest.CaptureFixture[str], out: Path, tmp_path: Path
) -> None:
    codes = tmp_path / "codes.yml"
    text = (FIXTURES / "codes.yml").read_text(encoding="utf-8")
    text = text.replace('mold: "W04000901"', 'mould: "W04000901"')
    text = text.replace('buckley: "W04000902"', 'buckley: "W4000902"')
    text = text.replace('argoed: "W04000903"', 'argoed: "W04000904"')
    codes.write_text(text, encoding="utf-8")
    code, output = run(capsys, ONSPD, "--codes", str(codes), "--out", str(out))
    assert code == 1
    shown = codes.as_posix()
    assert output.splitlines()[:3] == [
        f'{shown}:10:3: [error] "W4000902" is not a community code, which is W04 and six '
        'digits, like "W04000123" (codes.buckley)',
        f"{shown}:13:3: [error] W04000904 is also the code of argoed: each community has its "
        "own (codes.connahs-quay)",
        f'{shown}:25:3: [error] "mould" is not a community in data/areas.yml (codes)',
    ]
    assert out.read_text(encoding="utf-8") == OLD


def test_a_codes_file_that_is_not_yaml_gives_its_line(tmp_path: Path) -> None:
    codes = read_codes("codes:\n  mold: 'W04000901\n", "codes.yml", ["mold"])
    assert [(p.line, p.message) for p in codes.problems] == [
        (3, "this file cannot be read as YAML: check the line above this one too")
    ]


def test_the_projects_codes_file_lists_every_community_and_no_code_yet() -> None:
    """Until a council fills them in, every code is empty and marked unverified."""
    text = (DATA_DIR / "postcodes-codes.yml").read_text(encoding="utf-8")
    ids = [c.id for c in load_vocabulary().communities]
    codes = read_codes(text, "data/postcodes-codes.yml", ids)
    assert codes.problems == ()
    assert list(codes.lines) == ids
    assert codes.by_code == {} and not codes.verified
    assert codes.local_authority == "W06000005"


def test_the_sample_table_gives_every_community_a_postcode_district() -> None:
    table = load_table()
    assert table.source == "sample" and not table.verified and table.postcodes == {}
    assert list(table.districts) == [
        "CH4",
        "CH5",
        "CH6",
        "CH7",
        "CH8",
        "LL11",
        "LL12",
        "LL18",
        "LL19",
    ]
    ids = {c.id for c in load_vocabulary().communities}
    touched = {c for communities in table.districts.values() for c in communities}
    assert touched == ids
