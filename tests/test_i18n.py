"""One translation mechanism: every string the project writes has its Welsh."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from builder.i18n import MissingTranslation, catalogue_path, format_date, translator
from builder.paths import ROOT

PLACEHOLDER = re.compile(r"%\([a-z_]+\)s|\{[a-z_]+\}")


def project_strings() -> set[str]:
    """Every string Babel extracts from the code, templates and schema."""
    with (ROOT / "builder" / "locales" / "babel.cfg").open(encoding="utf-8") as f:
        method_map, options_map = parse_mapping_cfg(f)
    found: set[str] = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT),
        method_map,
        options_map,
        keywords={"_": None, "N_": None, "gettext": None, "ngettext": (1, 2)},
    ):
        found.update([message] if isinstance(message, str) else message)
    return found


def welsh() -> dict[str, str]:
    with catalogue_path("cy").open("rb") as f:
        catalog = read_po(f, locale="cy")
    table = {}
    for m in catalog:
        if not m.id or m.fuzzy:
            continue
        ids = m.id if isinstance(m.id, tuple) else (m.id,)
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        table.update({i: s for i, s in zip(ids, strings, strict=False) if s})
    return table


def test_every_project_string_has_a_welsh_translation() -> None:
    strings = project_strings()
    assert len(strings) > 300
    assert sorted(strings - welsh().keys()) == []


def test_translations_keep_every_placeholder() -> None:
    for english, cymraeg in welsh().items():
        assert sorted(PLACEHOLDER.findall(english)) == sorted(PLACEHOLDER.findall(cymraeg)), english


def test_a_missing_welsh_string_is_an_error_not_english() -> None:
    with pytest.raises(MissingTranslation, match="no Welsh translation for 'Not a real string'"):
        translator("cy")("Not a real string")
    assert translator("en")("Not a real string") == "Not a real string"


def test_dates_are_written_the_welsh_way() -> None:
    assert format_date(dt.date(2026, 3, 3), "cy") == "3 Mawrth 2026"
    assert format_date(dt.date(2026, 3, 3), "en") == "3 March 2026"
