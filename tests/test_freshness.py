"""The freshness rules: their boundaries, the settings they read, and the withdrawn exemption.

Each rule also has a case in fixtures/providers/invalid with its exact output.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from babel.messages.extract import extract_from_file

from builder.check import freshness
from builder.check.profile import Profile
from builder.check.rules import check_profile
from builder.check.validate import check_files
from builder.i18n import translator
from builder.load.profile import SourceMap
from builder.load.vocab import Vocabulary, load_vocabulary
from builder.paths import ROOT

TODAY = date(2026, 11, 22)
FIXTURES = ROOT / "tests" / "fixtures" / "providers"


def with_freshness(**numbers: int) -> Vocabulary:
    """The real vocabulary with some freshness numbers changed."""
    vocab = load_vocabulary()
    changed = {**vocab.settings["freshness"], **numbers}
    return replace(vocab, settings={**vocab.settings, "freshness": changed})


def with_pause(**numbers: int) -> Vocabulary:
    """The real vocabulary with some pause limits changed."""
    vocab = load_vocabulary()
    changed = {**vocab.settings["pause"], **numbers}
    return replace(vocab, settings={**vocab.settings, "pause": changed})


def fresh_profile(**changes: Any) -> dict[str, Any]:
    """The dates of a profile that is fresh on TODAY, with ``changes`` applied."""
    data: dict[str, Any] = {
        "published": True,
        "availability": {"confirmed": "2026-11-01"},
        "checks": {
            "dbs": {"checked": "2026-02-03"},
            "insurance": {"expires": "2027-01-31"},
            "quality_framework": {"completed": "2025-11-20"},
        },
        "reviewed": "2026-03-02",
    }
    for key, value in changes.items():
        if key == "confirmed":
            data["availability"]["confirmed"] = value
        elif key == "expires":
            data["checks"]["insurance"]["expires"] = value
        elif key == "dbs":
            data["checks"]["dbs"]["checked"] = value
        elif key == "quality":
            data["checks"]["quality_framework"]["completed"] = value
        else:
            data[key] = value
    return data


def found(data: dict[str, Any], vocab: Vocabulary | None = None) -> list[tuple[str, str]]:
    """(level, field) of every problem the rules find in ``data`` on TODAY; "paused" for a pause."""
    profile = Profile(Path("x.yml"), "x.yml", data, SourceMap(), TODAY, vocab or load_vocabulary())
    return [
        ("paused" if "listing is paused" in p.message else p.level.value, p.field)
        for _, p in check_profile(profile)
    ]


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2025, 11, 22), 12, date(2026, 11, 22)),
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2026, 12, 15), 1, date(2027, 1, 15)),
        (date(2025, 5, 31), 18, date(2026, 11, 30)),
    ],
)
def test_add_months_keeps_the_day_or_the_end_of_a_short_month(
    day: date, months: int, expected: date
) -> None:
    assert freshness.add_months(day, months) == expected


def test_a_fresh_profile_has_no_problems() -> None:
    assert found(fresh_profile()) == []


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"confirmed": "2026-08-24"}, []),  # exactly 90 days ago
        ({"confirmed": "2026-08-23"}, [("warning", "availability.confirmed")]),
        ({"confirmed": "2026-05-26"}, [("warning", "availability.confirmed")]),  # 180 days
        ({"confirmed": "2026-05-25"}, [("paused", "availability.confirmed")]),
        (
            {"confirmed": "2026-05-25", "published": False},
            [("warning", "availability.confirmed")],
        ),
        ({"reviewed": "2025-11-22"}, []),  # exactly 12 months ago
        ({"reviewed": "2025-11-21"}, [("warning", "reviewed")]),
        ({"reviewed": "2025-05-22"}, [("warning", "reviewed")]),  # exactly 18 months ago
        ({"reviewed": "2025-05-21"}, [("paused", "reviewed")]),
        ({"reviewed": "2025-05-21", "published": False}, [("warning", "reviewed")]),
        ({"expires": "2026-11-22"}, []),  # runs out at the end of today
        ({"expires": "2026-11-21"}, [("paused", "checks.insurance.expires")]),
        ({"expires": "2026-11-21", "published": False}, [("warning", "checks.insurance.expires")]),
        ({"dbs": "2023-11-22"}, []),  # exactly 36 months ago
        ({"dbs": "2023-11-21"}, [("paused", "checks.dbs.checked")]),
        ({"quality": "2023-11-22"}, []),
        ({"quality": "2023-11-21"}, [("paused", "checks.quality_framework.completed")]),
        (
            {"quality": "2023-11-21", "published": False},
            [("warning", "checks.quality_framework.completed")],
        ),
        # Not dates: the schema and the date rule report these; the freshness rules keep quiet.
        (
            {"expires": "2026-02-30", "reviewed": "2025-1-1"},
            [("error", "checks.insurance.expires")],
        ),
    ],
)
def test_the_limits_are_exclusive(changes: dict[str, Any], expected: list[Any]) -> None:
    assert found(fresh_profile(**changes)) == expected


def test_a_withdrawn_profile_is_exempt() -> None:
    stale = {"confirmed": "2024-01-01", "reviewed": "2023-01-01", "expires": "2024-06-30"}
    assert len(found(fresh_profile(**stale))) == 3
    assert found(fresh_profile(**stale, withdrawn="2024-07-01")) == []
    result = check_files(
        [FIXTURES / "valid" / "hen-efail-withdrawn.yml"],
        root=ROOT,
        today=TODAY,
        vocab=load_vocabulary(),
    )
    assert result.problems == []


def test_the_numbers_come_from_the_settings() -> None:
    bryn = ROOT / "providers" / "bryn-care.yml"  # confirmed 2026-10-12, reviewed 2026-03-02

    def check(vocab: Vocabulary) -> list[str]:
        result = check_files([bryn], root=ROOT, today=TODAY, vocab=vocab)
        return [f"{p.level.value}: {p.text()}" for p in result.problems]

    assert check(load_vocabulary()) == []
    assert check(with_freshness(availability_days=30, review_warning_months=6)) == [
        "warning: availability was last confirmed on 2026-10-12, more than 30 days ago; "
        'ask the provider and update "confirmed"',
        "warning: the council last reviewed this profile on 2026-03-02, more than 6 months ago; "
        'review it soon and update "reviewed"',
    ]
    assert check(with_pause(review_months=8)) == [
        "warning: the listing is paused: the council last reviewed this profile on 2026-03-02, "
        'more than 8 months ago; review it and update "reviewed"',
    ]


def test_the_periods_are_read_from_the_settings() -> None:
    vocab = with_freshness(availability_days=7, review_warning_months=2, report_days=4)
    vocab = replace(
        vocab,
        settings={
            **vocab.settings,
            "pause": {
                "insurance_days": 5,
                "dbs_months": 6,
                "quality_framework_months": 8,
                "review_months": 9,
                "availability_days": 10,
            },
        },
    )
    assert freshness.periods(vocab) == freshness.Periods(
        availability_days=7,
        review_warning_months=2,
        report_days=4,
        pause_insurance_days=5,
        pause_dbs_months=6,
        pause_quality_framework_months=8,
        pause_review_months=9,
        pause_availability_days=10,
    )


@pytest.mark.parametrize(
    "module",
    [
        "check/freshness",
        "staff/scaffold",
        "staff/due",
        "staff/changes",
        "cli/common",
        "cli/site_commands",
        "cli/staff_commands",
    ],
)
def test_every_message_has_a_welsh_translation(module: str) -> None:
    welsh = translator("cy")
    for _, message, _, _ in extract_from_file(
        "python", ROOT / "builder" / f"{module}.py", keywords={"N_": None}
    ):
        assert isinstance(message, str)
        assert sorted(re.findall(r"{\w+}", welsh(message))) == sorted(re.findall(r"{\w+}", message))
