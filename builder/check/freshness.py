"""How fresh a profile is: the freshness rules, and the day a listing pauses by itself.

Every number comes from data/directory.yml, so another council changes the
periods there, not here: ``freshness:`` says when ``check`` warns (and the
page asks families to check with the provider), ``pause:`` when a listing
pauses. The rules compare with ``Profile.today`` (see ``pipeline.today``),
never with the real date.

A lapsed check pauses one listing and is a warning, never an error: the site
is still built, and a pull request about one provider is never failed by
another's lapse. ``model.build_directory`` takes paused providers out of
every list with ``paused_on``; ``staff.due`` lists pauses ahead with
``pauses``. A withdrawn profile is no longer listed, so nothing about it goes
stale.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from builder.check.profile import Found, Profile, Rule
from builder.i18n import N_
from builder.load.source_map import FieldPath
from builder.load.vocab import Vocabulary
from builder.problems import Level

CONFIRMED = ("availability", "confirmed")
REVIEWED = ("reviewed",)
EXPIRES = ("checks", "insurance", "expires")
DBS = ("checks", "dbs", "checked")
QUALITY = ("checks", "quality_framework", "completed")
#: The dates that decide whether a listing is fresh, paused or about to pause.
FRESHNESS_DATES = (CONFIRMED, REVIEWED, EXPIRES, DBS, QUALITY)
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
#: The years a date in a profile can have: ``rules`` reports any other, and
#: date arithmetic on the year 9999 would overflow.
YEARS = range(2000, 2101)

#: A listing's dates by field path; None where a date is missing or not a date.
Dates = Mapping[FieldPath, dt.date | None]


@dataclass(frozen=True)
class Periods:
    """The ``freshness:`` and ``pause:`` settings: how long each date stays fresh."""

    availability_days: int
    review_warning_months: int
    report_days: int
    pause_availability_days: int
    pause_review_months: int
    pause_dbs_months: int
    pause_quality_framework_months: int
    pause_insurance_days: int


def periods(vocab: Vocabulary) -> Periods:
    """The freshness and pause periods from data/directory.yml."""
    fresh, pause = vocab.settings["freshness"], vocab.settings["pause"]
    return Periods(
        availability_days=int(fresh["availability_days"]),
        review_warning_months=int(fresh["review_warning_months"]),
        report_days=int(fresh["report_days"]),
        pause_availability_days=int(pause["availability_days"]),
        pause_review_months=int(pause["review_months"]),
        pause_dbs_months=int(pause["dbs_months"]),
        pause_quality_framework_months=int(pause["quality_framework_months"]),
        pause_insurance_days=int(pause["insurance_days"]),
    )


@dataclass(frozen=True, order=True)
class Pause:
    """One reason a listing pauses by itself, and the first day it is paused.

    ``what`` labels the row in ``report``; ``message`` is check's warning for a
    published profile and ``draft_message`` for a draft, both filled from ``args``.
    """

    starts: dt.date
    path: FieldPath
    what: str = field(compare=False)
    message: str = field(compare=False)
    draft_message: str = field(compare=False)
    args: tuple[tuple[str, Any], ...] = field(compare=False)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later; the month's last day if it is shorter (31 Jan -> 28 Feb)."""
    years, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + years, month + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def read_date(value: Any) -> dt.date | None:
    """A date written YYYY-MM-DD in ``YEARS``, or None for anything else (the date rules
    report those)."""
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        return None
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return None
    return day if day.year in YEARS else None


def availability_due(confirmed: dt.date, limits: Periods) -> dt.date:
    """The last day availability confirmed on ``confirmed`` still counts as recent."""
    return confirmed + dt.timedelta(days=limits.availability_days)


def review_due(reviewed: dt.date, limits: Periods) -> dt.date:
    """The day by which the council should review again: after that, ``check`` warns."""
    return add_months(reviewed, limits.review_warning_months)


def pauses(dates: Dates, limits: Periods) -> list[Pause]:
    """Every day the listing with these dates pauses (or paused), earliest first.

    Each limit is the last day a date still counts: a listing pauses the day after.
    """
    day = dt.timedelta(days=1)
    found = []
    for path, last_fresh, what, message, draft, limit in (
        (EXPIRES, _plus_days, _WHAT_INSURANCE, _PAUSED_INSURANCE, _DRAFT_INSURANCE,
         ("days", limits.pause_insurance_days)),
        (DBS, add_months, _WHAT_DBS, _PAUSED_DBS, _DRAFT_DBS,
         ("months", limits.pause_dbs_months)),
        (QUALITY, add_months, _WHAT_QUALITY, _PAUSED_QUALITY, _DRAFT_QUALITY,
         ("months", limits.pause_quality_framework_months)),
        (REVIEWED, add_months, _WHAT_REVIEW, _PAUSED_REVIEW, _DRAFT_REVIEW,
         ("months", limits.pause_review_months)),
        (CONFIRMED, _plus_days, _WHAT_AVAILABILITY, _PAUSED_AVAILABILITY, _DRAFT_AVAILABILITY,
         ("days", limits.pause_availability_days)),
    ):  # fmt: skip
        when = dates.get(path)
        if when is not None:
            args = (("date", when.isoformat()), limit)
            starts = last_fresh(when, limit[1]) + day
            found.append(Pause(starts, path, what, message, draft, args))
    return sorted(found)


def paused_on(dates: Dates, limits: Periods, today: dt.date) -> list[Pause]:
    """The reasons the listing with these dates is paused on ``today``; none if it is listed."""
    return [pause for pause in pauses(dates, limits) if pause.starts <= today]


def _plus_days(day: dt.date, days: int) -> dt.date:
    return day + dt.timedelta(days=days)


def profile_dates(data: Mapping[str, Any]) -> dict[FieldPath, dt.date | None]:
    """The freshness dates of a profile as loaded; None where one is missing or not a date."""
    dates: dict[FieldPath, dt.date | None] = {}
    for path in FRESHNESS_DATES:
        value: Any = data
        for key in path:
            value = value.get(key) if isinstance(value, dict) else None
        dates[path] = read_date(value)
    return dates


def is_withdrawn(data: dict[str, Any]) -> bool:
    """True for a profile no longer listed: it is exempt from freshness rules."""
    return "withdrawn" in data


def _lapsed(p: Profile) -> dict[FieldPath, Pause]:
    """The dates that pause this profile today, by field; none for a withdrawn profile."""
    if is_withdrawn(p.data):
        return {}
    return {x.path: x for x in paused_on(profile_dates(p.data), periods(p.vocab), p.today)}


def _paused(p: Profile) -> Iterator[Found]:
    published = p.get(("published",)) is True
    for pause in _lapsed(p).values():
        message = pause.message if published else pause.draft_message
        yield p.report(pause.path, message, level=Level.WARNING, **dict(pause.args))


def _availability(p: Profile) -> Iterator[Found]:
    confirmed = read_date(p.get(CONFIRMED))
    if is_withdrawn(p.data) or confirmed is None or CONFIRMED in _lapsed(p):
        return
    limits = periods(p.vocab)
    if availability_due(confirmed, limits) < p.today:
        yield p.report(
            CONFIRMED,
            _AVAILABILITY_STALE,
            level=Level.WARNING,
            date=confirmed.isoformat(),
            days=limits.availability_days,
        )


def _review(p: Profile) -> Iterator[Found]:
    reviewed = read_date(p.get(REVIEWED))
    if is_withdrawn(p.data) or reviewed is None or REVIEWED in _lapsed(p):
        return
    limits = periods(p.vocab)
    if review_due(reviewed, limits) < p.today:
        months, day = limits.review_warning_months, reviewed.isoformat()
        yield p.report(REVIEWED, _REVIEW_DUE, level=Level.WARNING, date=day, months=months)


#: Registered in ``rules.RULES``.
FRESHNESS_RULES: tuple[Rule, ...] = (_availability, _review, _paused)

_AVAILABILITY_STALE = N_(
    "availability was last confirmed on {date}, more than {days} days ago; "
    'ask the provider and update "confirmed"'
)
_REVIEW_DUE = N_(
    "the council last reviewed this profile on {date}, more than {months} months ago; "
    'review it soon and update "reviewed"'
)
# What ``report`` calls each pause.
_WHAT_INSURANCE = N_("pause: insurance ran out")
_WHAT_DBS = N_("pause: DBS check too old")
_WHAT_QUALITY = N_("pause: quality framework too old")
_WHAT_REVIEW = N_("pause: council review too old")
_WHAT_AVAILABILITY = N_("pause: availability not confirmed")
# A published profile: its listing is paused until the date is brought up to date.
_PAUSED_INSURANCE = N_(
    "the listing is paused: the public liability insurance ran out on {date}; "
    'see the new certificate and update "expires" and "checked"'
)
_PAUSED_DBS = N_(
    "the listing is paused: the council saw the DBS certificate on {date}, more than "
    '{months} months ago; see a new certificate and update "checked"'
)
_PAUSED_QUALITY = N_(
    "the listing is paused: the quality framework was completed on {date}, more than "
    '{months} months ago; update "completed" when the provider has completed it again'
)
_PAUSED_REVIEW = N_(
    "the listing is paused: the council last reviewed this profile on {date}, more than "
    '{months} months ago; review it and update "reviewed"'
)
_PAUSED_AVAILABILITY = N_(
    "the listing is paused: availability was last confirmed on {date}, more than "
    '{days} days ago; ask the provider and update "confirmed"'
)
# A draft: it would be paused as soon as it was published.
_DRAFT_INSURANCE = N_(
    "the public liability insurance ran out on {date}; see the new certificate and update "
    '"expires" and "checked" before publishing this profile'
)
_DRAFT_DBS = N_(
    "the council saw the DBS certificate on {date}, more than {months} months ago; "
    'see a new certificate and update "checked" before publishing this profile'
)
_DRAFT_QUALITY = N_(
    "the quality framework was completed on {date}, more than {months} months ago; "
    'update "completed" when it is completed again, before publishing this profile'
)
_DRAFT_REVIEW = N_(
    "the council last reviewed this profile on {date}, more than {months} months ago; "
    'review it and update "reviewed" before publishing it'
)
_DRAFT_AVAILABILITY = N_(
    "availability was last confirmed on {date}, more than {days} days ago; "
    'ask the provider and update "confirmed" before publishing this profile'
)
