"""How fresh a profile is: the freshness rules, and the dates things fall due.

Every number comes from the ``freshness:`` section of data/directory.yml,
so another council changes the periods there, not here. The rules compare
with ``Profile.today`` (see ``pipeline.today``), never with the real date.
A withdrawn profile is no longer listed, so nothing about it goes stale.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from builder.check.profile import Found, Profile, Rule
from builder.i18n import N_
from builder.load.vocab import Vocabulary
from builder.problems import Level

CONFIRMED = ("availability", "confirmed")
REVIEWED = ("reviewed",)
EXPIRES = ("checks", "insurance", "expires")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
#: The years a date in a profile can have: ``rules`` reports any other, and
#: date arithmetic on the year 9999 would overflow.
YEARS = range(2000, 2101)


@dataclass(frozen=True)
class Periods:
    """The ``freshness:`` settings: how long each date stays fresh."""

    availability_days: int
    review_warning_months: int
    review_error_months: int
    report_days: int


def periods(vocab: Vocabulary) -> Periods:
    """The freshness periods from data/directory.yml."""
    raw = vocab.settings["freshness"]
    return Periods(
        availability_days=int(raw["availability_days"]),
        review_warning_months=int(raw["review_warning_months"]),
        review_error_months=int(raw["review_error_months"]),
        report_days=int(raw["report_days"]),
    )


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


def is_withdrawn(data: dict[str, Any]) -> bool:
    """True for a profile no longer listed: it is exempt from freshness rules."""
    return "withdrawn" in data


def _published(p: Profile) -> bool:
    return p.get(("published",)) is True


def _availability(p: Profile) -> Iterator[Found]:
    confirmed = read_date(p.get(CONFIRMED))
    if is_withdrawn(p.data) or confirmed is None:
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
    if is_withdrawn(p.data) or reviewed is None:
        return
    limits, day = periods(p.vocab), reviewed.isoformat()
    if add_months(reviewed, limits.review_error_months) < p.today:
        months = limits.review_error_months
        if _published(p):
            yield p.report(REVIEWED, _REVIEW_OVERDUE, date=day, months=months)
        else:
            message = _REVIEW_OVERDUE_DRAFT
            yield p.report(REVIEWED, message, level=Level.WARNING, date=day, months=months)
    elif review_due(reviewed, limits) < p.today:
        months = limits.review_warning_months
        yield p.report(REVIEWED, _REVIEW_DUE, level=Level.WARNING, date=day, months=months)


def _insurance(p: Profile) -> Iterator[Found]:
    expires = read_date(p.get(EXPIRES))
    if is_withdrawn(p.data) or expires is None or expires >= p.today:
        return
    if _published(p):
        yield p.report(EXPIRES, _INSURANCE_EXPIRED, date=expires.isoformat())
    else:
        message = _INSURANCE_EXPIRED_DRAFT
        yield p.report(EXPIRES, message, level=Level.WARNING, date=expires.isoformat())


#: Registered in ``rules.RULES``.
FRESHNESS_RULES: tuple[Rule, ...] = (_availability, _review, _insurance)

_AVAILABILITY_STALE = N_(
    "availability was last confirmed on {date}, more than {days} days ago; "
    'ask the provider and update "confirmed"'
)
_REVIEW_DUE = N_(
    "the council last reviewed this profile on {date}, more than {months} months ago; "
    'review it soon and update "reviewed"'
)
_REVIEW_OVERDUE = N_(
    "the council last reviewed this profile on {date}, more than {months} months ago; "
    'review it and update "reviewed", or set "published: false" until it is reviewed'
)
_REVIEW_OVERDUE_DRAFT = N_(
    "the council last reviewed this profile on {date}, more than {months} months ago; "
    'review it and update "reviewed" before publishing it'
)
_INSURANCE_EXPIRED = N_(
    "the public liability insurance ran out on {date}; see the new certificate and update "
    '"expires" and "checked", or set "published: false" until then'
)
_INSURANCE_EXPIRED_DRAFT = N_(
    "the public liability insurance ran out on {date}; see the new certificate and update "
    '"expires" and "checked" before publishing this profile'
)
