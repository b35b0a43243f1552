"""The postcode files in ``data/``: which communities a postcode can be in.

- ``postcodes.yml``: the table the finder's postcode box uses. It is either
  the sample table (postcode districts, each with the communities it
  touches) or, once a council has run ``python -m builder postcodes``, every
  live postcode in the county with its community. ``write_table`` writes it,
  so the format lives in this one module.
- ``postcodes-codes.yml``: the ONS code (W04...) of each community, which
  the import needs to read the ONS Postcode Directory.
- ``postcodes-elsewhere.yml``: where to send a postcode outside the county.

The table is small: a county has a few thousand postcodes, and the finder
fetches one district's part only when someone types a postcode in it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from builder.i18n import N_
from builder.load.vocab import Bilingual
from builder.paths import DATA_DIR
from builder.problems import Problem, problem

TABLE_FILE = "postcodes.yml"
CODES_FILE = "postcodes-codes.yml"
ELSEWHERE_FILE = "postcodes-elsewhere.yml"
COMMUNITY_CODE = re.compile(r"^W04[0-9]{6}$")


@dataclass(frozen=True)
class PostcodeTable:
    """Postcode districts and, after an import, every postcode's community.

    ``districts`` maps a district ("CH7") to the communities it touches;
    ``postcodes`` maps a district to ``{inward code: community}``
    (``{"1AB": "mold"}``), and is empty for the sample table.
    ``attribution_year`` is the year of the ONS data, for its licence's
    attribution; None when the table did not come from the ONS.
    """

    verified: bool
    source: str
    districts: dict[str, tuple[str, ...]]
    postcodes: dict[str, dict[str, str]] = field(default_factory=dict)
    attribution_year: int | None = None


@dataclass(frozen=True)
class Council:
    """Somewhere else to look: a neighbouring council, or Dewis Cymru."""

    name: Bilingual
    url: Bilingual
    districts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Elsewhere:
    """Where a postcode outside the county is sent."""

    neighbours: tuple[Council, ...]
    everywhere: Council


@dataclass(frozen=True)
class Codes:
    """``postcodes-codes.yml``: the county's code, each community code's community,
    and the line of each community in the file."""

    local_authority: str
    by_code: dict[str, str]
    lines: dict[str, int]
    verified: bool
    problems: tuple[Problem, ...] = ()


def read_codes(text: str, file: str, community_ids: Iterable[str]) -> Codes:
    """Read the ONS code of each community. A code left empty is not an error: the
    import names every code it needs, with a postcode, so staff can fill them in."""
    known = set(community_ids)
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = N_("this file cannot be read as YAML: check the line above this one too")
        return Codes("", {}, {}, False, (problem(file, line, column, message),))
    top = {k.value: v for k, v in root.value} if isinstance(root, yaml.MappingNode) else {}
    entries = top.get("codes")
    pairs = entries.value if isinstance(entries, yaml.MappingNode) else []
    by_code: dict[str, str] = {}
    lines: dict[str, int] = {}
    found: list[Problem] = []
    for key, value in pairs:
        community, line = str(key.value), key.start_mark.line + 1
        code = str(value.value).strip() if isinstance(value, yaml.ScalarNode) else ""
        lines[community] = line
        where = (file, line, key.start_mark.column + 1)
        if community not in known:
            message = N_('"{community}" is not a community in data/areas.yml')
            found.append(problem(*where, message, "codes", community=community))
        elif code and not COMMUNITY_CODE.match(code):
            message = N_(
                '"{code}" is not a community code, which is W04 and six digits, like "W04000123"'
            )
            found.append(problem(*where, message, f"codes.{community}", code=code))
        elif code in by_code:
            message = N_("{code} is also the code of {other}: each community has its own")
            found.append(
                problem(*where, message, f"codes.{community}", code=code, other=by_code[code])
            )
        elif code:
            by_code[code] = community
    verified, county = top.get("verified"), top.get("local_authority")
    return Codes(
        local_authority=str(county.value) if isinstance(county, yaml.ScalarNode) else "",
        by_code=by_code,
        lines=lines,
        verified=isinstance(verified, yaml.ScalarNode) and verified.value == "true",
        problems=tuple(found),
    )


def _read(path: Path) -> Any:
    with path.open(encoding="utf-8") as f:
        return yaml.safe_load(f)


@cache
def load_table(data_dir: Path = DATA_DIR) -> PostcodeTable:
    """Read ``postcodes.yml``."""
    raw = _read(data_dir / TABLE_FILE)
    postcodes = {
        district: {
            inward: community for community, codes in by_community.items() for inward in codes
        }
        for district, by_community in (raw.get("postcodes") or {}).items()
    }
    return PostcodeTable(
        verified=raw["verified"] is True,
        source=str(raw["source"]),
        districts={d: tuple(ids) for d, ids in raw["districts"].items()},
        postcodes={d: dict(sorted(units.items())) for d, units in postcodes.items()},
        attribution_year=raw.get("attribution_year"),
    )


@cache
def load_elsewhere(data_dir: Path = DATA_DIR) -> Elsewhere:
    """Read ``postcodes-elsewhere.yml``."""
    raw = _read(data_dir / ELSEWHERE_FILE)
    return Elsewhere(
        neighbours=tuple(_council(n) for n in raw["neighbours"]),
        everywhere=_council(raw["everywhere"]),
    )


def _council(raw: dict[str, Any]) -> Council:
    return Council(
        name=Bilingual(**raw["name"]),
        url=Bilingual(**raw["url"]),
        districts=tuple(raw.get("districts", ())),
    )


def write_table(table: PostcodeTable, source_name: str) -> str:
    """The text of ``postcodes.yml`` for an imported table: sorted, so the
    same ONS file always gives the same bytes."""
    by_district: dict[str, dict[str, list[str]]] = {}
    for district, units in sorted(table.postcodes.items()):
        grouped: dict[str, list[str]] = {}
        for inward, community in sorted(units.items()):
            grouped.setdefault(community, []).append(inward)
        by_district[district] = dict(sorted(grouped.items()))
    lines = [
        "# Every live postcode in the county and the community it is in, for the",
        "# finder's postcode box. Written by `python -m builder postcodes` from",
        f"# {source_name}: do not edit it by hand; run the command again on a newer",
        '# ONS Postcode Directory instead (see the README, "Postcodes").',
        f"verified: {'true' if table.verified else 'false'}",
        f"source: {table.source}",
        f"attribution_year: {table.attribution_year}",
        "districts:",
    ]
    lines += [f"  {d}: [{', '.join(ids)}]" for d, ids in sorted(table.districts.items())]
    lines.append("postcodes:")
    for district, grouped in by_district.items():
        lines.append(f"  {district}:")
        lines += [f"    {c}: [{', '.join(codes)}]" for c, codes in grouped.items()]
    return "\n".join(lines) + "\n"
