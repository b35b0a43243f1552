"""``python -m builder postcodes ONSPD.csv``: the county's postcodes from the ONS.

The ONS Postcode Directory (ONSPD) is one CSV file with a row for every UK
postcode, live or ended, and a column for each kind of area a postcode lies
in. The import keeps the rows of the county's live postcodes (``oslaua`` is
the county's code and ``doterm``, the month a postcode ended, is empty),
turns each one's community code (``parish``, W04...) into a community id
with ``data/postcodes-codes.yml``, and returns the table that
``data/postcodes.yml`` holds. Columns are found by name, so a newer layout
of the file still reads.

Every problem is collected, with its line, before anything is written: the
command writes nothing while there is an error. The National Statistics
Postcode Lookup (NSPL) has no community column, and is refused with a
message that says so.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from builder.i18n import N_
from builder.load.postcodes import COMMUNITY_CODE, Codes, PostcodeTable
from builder.problems import Level, Problem, problem

# A postcode as the ONS writes it (pcds "CH7 1AB", pcd "CH7 1AB", pcd2 "CH7  1AB").
POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?) *([0-9][A-Z]{2})$")
# Enough to fix a file by: a damaged download could give a million.
MAX_PROBLEMS = 50

_NOT_ONSPD = N_(
    "the file is empty or is not a CSV file: use the ONS Postcode Directory's CSV file "
    "(Data/ONSPD_..._UK.csv in its download)"
)
_NO_COLUMN = N_(
    "the first line should name the columns, as the ONS Postcode Directory's does, "
    'but there is no "{name}" column'
)
_NSPL = N_(
    'there is no "parish" column, which gives each postcode\'s community: use the ONS '
    "Postcode Directory (ONSPD), not the National Statistics Postcode Lookup (NSPL)"
)
_NOT_UTF8 = N_(
    "this line is not UTF-8 text: use the CSV file as the ONS publishes it, "
    "not one saved again by a spreadsheet"
)
_NOT_CSV = N_("this line cannot be read as CSV: it may be damaged; download the file again")
_ROW_LENGTH = N_(
    "this row has {found} values, but the first line names {expected} columns: "
    "the file may be cut short or damaged; download it again"
)
_TOO_MANY = N_("there are more problems after this line: fix these first")
_NOT_POSTCODE = N_('"{value}" is not a postcode')
_NOT_CODE = N_('"{value}" is not a community code, which is W04 and six digits')
_NO_CODE = N_("this postcode has no community code")
_TWICE = N_("{postcode} is here twice; the first is on line {first_line}")
_UNKNOWN_CODE = N_(
    "community code {code} is not in {codes_file}: write it there, in quotes, after its "
    "community (it is the community of {example}; postcodes with this code: {count})"
)
_NONE_HERE = N_(
    "no live postcode in this file is in the county ({local_authority}): use the ONS "
    "Postcode Directory for the whole UK"
)
_NO_POSTCODES = N_("no postcode in the ONS file is in {community} ({code}): check its code")


@dataclass
class _Unknown:
    """A community code the codes file does not give: where it first is, and how often."""

    line: int
    column: int
    example: str
    count: int = 1


@dataclass
class Imported:
    """What an import found: the table (None while there is an error) and every problem."""

    table: PostcodeTable | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def postcodes(self) -> int:
        """How many postcodes the table holds."""
        return sum(len(units) for units in self.table.postcodes.values()) if self.table else 0


class _Columns:
    """Where the columns the import needs are, found by name in the first line."""

    def __init__(self, header: list[str]) -> None:
        self.names = [name.strip().lower() for name in header]
        self.postcode = self._find("pcds", "pcd2", "pcd")
        self.authority = self._find("oslaua", "laua")
        self.ended = self._find("doterm")
        self.started = self._find("dointr")
        self.community = self._find("parish")

    def _find(self, *wanted: str) -> int:
        return next((self.names.index(w) for w in wanted if w in self.names), -1)

    def problem(self, file: str) -> Problem | None:
        """What stops the file being read, if anything."""
        for name, where in (
            ("pcds", self.postcode),
            ("oslaua", self.authority),
            ("doterm", self.ended),
        ):
            if where < 0:
                return problem(file, 1, 1, _NO_COLUMN, name, name=name)
        if self.community < 0:
            return problem(file, 1, 1, _NSPL, "parish")
        return None


class _Scan:
    """One pass over the rows, keeping the county's live postcodes."""

    def __init__(self, file: str, codes: Codes) -> None:
        self.file = file
        self.codes = codes
        self.problems: list[Problem] = []
        self.units: dict[str, dict[str, str]] = {}
        self.seen: dict[str, int] = {}  # postcode -> its first line
        self.unknown: dict[str, _Unknown] = {}
        self.latest = ""  # the newest dointr (YYYYMM): the data's year, for its attribution

    def add(self, line: int, column: int, message: str, field_name: str = "", **args: Any) -> None:
        self.problems.append(problem(self.file, line, column, message, field_name, **args))

    def rows(self, lines: Iterable[bytes]) -> Iterator[tuple[int, list[str]]]:
        """(line, row) for each row; a line that is not UTF-8 or not CSV is a problem."""
        reader = csv.reader(self._text(lines))
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error:
                self.add(reader.line_num, 1, _NOT_CSV)
                continue
            yield reader.line_num, row

    def _text(self, lines: Iterable[bytes]) -> Iterator[str]:
        for number, raw in enumerate(lines, start=1):
            try:
                yield raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError:
                self.add(number, 1, _NOT_UTF8)
                return

    def read(self, rows: Iterator[tuple[int, list[str]]], columns: _Columns) -> None:
        width = len(columns.names)
        for line, row in rows:
            if len(self.problems) >= MAX_PROBLEMS:
                self.add(line, 1, _TOO_MANY)
                return
            if len(row) != width:
                if row:  # a blank line, such as one at the end, is no row
                    self.add(line, 1, _ROW_LENGTH, found=len(row), expected=width)
                continue
            if columns.started >= 0 and row[columns.started] > self.latest:
                self.latest = row[columns.started]
            if (
                row[columns.authority].strip() == self.codes.local_authority
                and not row[columns.ended].strip()
            ):
                self.keep(line, row, columns)

    def keep(self, line: int, row: list[str], columns: _Columns) -> None:
        match = POSTCODE.match(row[columns.postcode].strip().upper())
        code = row[columns.community].strip()
        name = columns.names[columns.postcode]
        if match is None:
            self.add(line, columns.postcode + 1, _NOT_POSTCODE, name, value=row[columns.postcode])
            return
        if not COMMUNITY_CODE.match(code):
            message = _NOT_CODE if code else _NO_CODE
            self.add(line, columns.community + 1, message, "parish", value=code)
            return
        district, inward = match.groups()
        postcode = f"{district} {inward}"
        if postcode in self.seen:
            self.add(
                line,
                columns.postcode + 1,
                _TWICE,
                name,
                postcode=postcode,
                first_line=self.seen[postcode],
            )
            return
        self.seen[postcode] = line
        community = self.codes.by_code.get(code)
        if community is not None:
            self.units.setdefault(district, {})[inward] = community
        elif code in self.unknown:
            self.unknown[code].count += 1
        else:
            self.unknown[code] = _Unknown(line, columns.community + 1, postcode)

    def unknown_codes(self, codes_file: str) -> list[Problem]:
        return [
            problem(
                self.file,
                u.line,
                u.column,
                _UNKNOWN_CODE,
                "parish",
                code=code,
                count=u.count,
                example=u.example,
                codes_file=codes_file,
            )
            for code, u in self.unknown.items()
        ]


def import_onspd(lines: Iterable[bytes], file: str, codes: Codes, *, codes_file: str) -> Imported:
    """Read the ONSPD's CSV file, line by line as bytes, into the county's postcode table.

    ``file`` and ``codes_file`` are the names that problems give. The table
    is returned only when no problem is an error.
    """
    scan = _Scan(file, codes)
    rows = scan.rows(lines)
    _, header = next(rows, (1, []))
    columns = _Columns(header)
    stop = columns.problem(file) if header else problem(file, 1, 1, _NOT_ONSPD)
    if stop is not None:
        return Imported(None, [*scan.problems, stop][:1])
    scan.read(rows, columns)
    problems = [*codes.problems, *sorted([*scan.problems, *scan.unknown_codes(codes_file)])]
    if not scan.units and not problems:
        problems.append(
            problem(file, 1, 1, _NONE_HERE, "oslaua", local_authority=codes.local_authority)
        )
    if any(p.is_error for p in problems):
        return Imported(None, problems)
    used = {c for units in scan.units.values() for c in units.values()}
    problems += [
        problem(
            codes_file,
            codes.lines.get(community, 1),
            1,
            _NO_POSTCODES,
            f"codes.{community}",
            level=Level.WARNING,
            community=community,
            code=code,
        )
        for code, community in sorted(codes.by_code.items(), key=lambda item: item[1])
        if community not in used
    ]
    table = PostcodeTable(
        verified=codes.verified,
        source="onspd",
        districts={
            d: tuple(sorted(set(units.values()))) for d, units in sorted(scan.units.items())
        },
        postcodes={d: dict(sorted(units.items())) for d, units in sorted(scan.units.items())},
        attribution_year=int(scan.latest[:4]) if scan.latest[:4].isdigit() else None,
    )
    return Imported(table, problems)
