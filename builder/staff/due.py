"""What falls due soon: the rows of ``.venv/bin/microcare report``.

Staff use it to plan: which council reviews fall due in the next
``report_days`` days (or are overdue), which insurance certificates run out
in that time (or have run out), whose availability has gone stale, and which
published listings are paused, or will pause in that time, and from which day.

Withdrawn profiles are left out: they are no longer listed. Drafts are
listed, marked "(draft)", because staff want them ready before publishing.
The same rows are written as an aligned table for the terminal or as CSV for
a spreadsheet.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TextIO

from builder.check import freshness
from builder.check.freshness import Periods
from builder.i18n import N_, ngettext_for, translator
from builder.site import escape

REVIEW = N_("council review")
INSURANCE = N_("insurance renewal")
AVAILABILITY = N_("availability check")
_TITLE = N_(
    "Due or pausing in the next {days} days, and anything overdue or paused (today is {today}):"
)
_HEADINGS = (N_("Provider file"), N_("What"), N_("Date"), N_("Status"))


@dataclass(frozen=True, order=True)
class Due:
    """One thing that falls due: on ``day``, in ``file``; ``what`` is an English label.

    A ``pause`` row's ``day`` is the first day the listing is paused.
    """

    day: dt.date
    file: str
    what: str
    draft: bool = False
    pause: bool = False


def due_items(profiles: Iterable[tuple[str, Any]], limits: Periods, today: dt.date) -> list[Due]:
    """Everything due by ``today`` + ``report_days``, or overdue, sorted by date.

    ``profiles`` are (file name, values) pairs as loaded; values that are not
    a readable profile, or dates that are not real dates, are skipped (``check``
    reports them).
    """
    until = today + dt.timedelta(days=limits.report_days)
    found: list[Due] = []
    for file, data in profiles:
        if not isinstance(data, dict) or freshness.is_withdrawn(data):
            continue
        draft = data.get("published") is not True
        reviewed = _date_at(data, freshness.REVIEWED)
        if reviewed and freshness.review_due(reviewed, limits) <= until:
            found.append(Due(freshness.review_due(reviewed, limits), file, REVIEW, draft))
        expires = _date_at(data, freshness.EXPIRES)
        if expires and expires <= until:
            found.append(Due(expires, file, INSURANCE, draft))
        confirmed = _date_at(data, freshness.CONFIRMED)
        if confirmed and freshness.availability_due(confirmed, limits) < today:
            stale = freshness.availability_due(confirmed, limits)
            found.append(Due(stale, file, AVAILABILITY, draft))
        if not draft:  # only a listing can pause
            dates = freshness.profile_dates(data)
            found += [
                Due(pause.starts, file, pause.what, pause=True)
                for pause in freshness.pauses(dates, limits)
                if pause.starts <= until
            ]
    return sorted(found)


def _date_at(data: dict[str, Any], path: tuple[str, ...]) -> dt.date | None:
    return freshness.profile_dates(data)[path]


def rows(items: Iterable[Due], today: dt.date, lang: str = "en") -> list[list[str]]:
    """The table's rows, headings first, in ``lang``."""
    gettext, ngettext = translator(lang), ngettext_for(lang)
    table = [[gettext(heading) for heading in _HEADINGS]]
    for item in items:
        file = gettext(N_("{file} (draft)")).format(file=item.file) if item.draft else item.file
        status = _status(_PAUSE if item.pause else _DUE, item.day, today, gettext, ngettext)
        table.append([file, gettext(item.what), item.day.isoformat(), status])
    return table


def format_table(items: list[Due], today: dt.date, limits: Periods, lang: str = "en") -> str:
    """A title, then the rows in aligned columns; or one line saying nothing is due."""
    gettext = translator(lang)
    args = {"days": limits.report_days, "today": today.isoformat()}
    if not items:
        return gettext(N_("Nothing falls due in the next {days} days (today is {today}).")).format(
            **args
        )
    table = rows(items, today, lang)
    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]) - 1)]
    lines = [
        "  ".join([*(cell.ljust(width) for cell, width in zip(row, widths, strict=False)), row[-1]])
        for row in table
    ]
    title = gettext(_TITLE)
    return "\n".join([title.format(**args), *lines])


def write_csv(items: list[Due], today: dt.date, stream: TextIO, lang: str = "en") -> None:
    """The same rows as the table, headings first, as CSV (open ``stream`` with newline="")."""
    csv.writer(stream).writerows(
        [escape.csv_cell(cell) for cell in row] for row in rows(items, today, lang)
    )


#: How a date is said: on the day, (one, many) days ahead, (one, many) days ago.
_DUE = (
    N_("due today"),
    (N_("due in {days} day"), N_("due in {days} days")),
    (N_("overdue by {days} day"), N_("overdue by {days} days")),
)
_PAUSE = (
    N_("paused from today"),
    (N_("pauses in {days} day"), N_("pauses in {days} days")),
    (N_("paused for {days} day"), N_("paused for {days} days")),
)


def _status(
    words: tuple[str, tuple[str, str], tuple[str, str]],
    day: dt.date,
    today: dt.date,
    gettext: Callable[[str], str],
    ngettext: Callable[[str, str, int], str],
) -> str:
    """``day`` said from ``today`` in ``words`` (``_DUE`` or ``_PAUSE``)."""
    days = (day - today).days
    if days == 0:
        return gettext(words[0])
    one, many = words[1] if days > 0 else words[2]
    return ngettext(one, many, abs(days)).format(days=abs(days))
