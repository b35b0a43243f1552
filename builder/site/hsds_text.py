"""The free-text fields of an HSDS service, written from a provider's facts in one language.

HSDS keeps prices, checks and how to apply as text for people to read
(``fees_description``, ``accreditations``, ``application_process``,
``alert``); the same facts are structured elsewhere (``cost_options``,
``attributes``). The wording is the provider page's, from the same catalogue.
"""

from __future__ import annotations

import datetime as dt

from builder import i18n
from builder.i18n import N_
from builder.model import Provider
from builder.site.format import Formatter

_PRICES_ARE_A_GUIDE = N_(
    "Prices are a guide. Ask the provider to confirm them in writing before care starts."
)


def application_process(f: Formatter, p: Provider) -> str:
    """How to get in touch: directly, and when is best."""
    lines = [f.gettext("Contact the provider directly, by phone or email.")]
    if p.contact.best_times:
        best = p.contact.best_times.get(f.lang)[0]
        lines.append(f"{f.gettext('Best times to get in touch:')} {best}")
    return "\n".join(lines)


def fees_description(f: Formatter, p: Provider) -> str:
    """The prices in words: hourly rate, shortest visit, extras and ways to pay."""
    lines = [
        f.gettext("%(price)s an hour") % {"price": f.money(p.prices.hourly_rate)},
        f"{f.gettext('Shortest visit')}: {f.duration(p.prices.minimum_visit_minutes)}",
    ]
    lines.extend(f"{label}: {extra}" for _, label, extra in price_extras(f, p))
    lines.append(f"{f.gettext('Ways to pay:')} {', '.join(f.label(way) for way in p.funding)}")
    lines.append(f.gettext(_PRICES_ARE_A_GUIDE))
    return "\n".join(lines)


def price_extras(f: Formatter, p: Provider) -> list[tuple[str, str, str]]:
    """The extra charges a provider described, as (key, label, text)."""
    extras = (
        ("weekends", f.gettext("Weekends"), p.prices.weekends),
        ("bank-holidays", f.gettext("Bank holidays"), p.prices.bank_holidays),
        ("mileage", f.gettext("Travel and mileage"), p.prices.mileage),
    )
    return [(key, label, text.get(f.lang)[0]) for key, label, text in extras if text]


def accreditations(f: Formatter, p: Provider) -> str:
    """What the council checked and when, and whether the provider is CIW-registered."""
    c = p.checks
    seen, until = f.gettext("Seen on"), f.gettext("valid until")
    ciw = (
        f.gettext("Registered, number %(number)s") % {"number": c.ciw_number}
        if c.ciw_registered
        else f.gettext(
            "Not registered. Most micro-carers are not: "
            "being listed here is not the same as being inspected."
        )
    )
    return "\n".join(
        [
            f"{f.gettext('Enhanced DBS check')}: {seen} {_date(f, c.dbs_checked)}",
            f"{f.gettext('Public liability insurance')}: {seen} "
            f"{_date(f, c.insurance_checked)}; {until} {_date(f, c.insurance_expires)}",
            f"{f.gettext('Quality framework')}: {f.gettext('Completed on')} "
            f"{_date(f, c.quality_framework_completed)}",
            f"{f.gettext('Care Inspectorate Wales')}: {ciw}",
        ]
    )


def alert(f: Formatter, p: Provider) -> str | None:
    """Said when the provider is not taking new clients, with when they last confirmed it."""
    if p.taking_new_clients:
        return None
    a = p.availability
    return f"{f.label(a.status)}, {f.gettext('last confirmed')} {_date(f, a.confirmed)}."


def _date(f: Formatter, value: dt.date) -> str:
    return i18n.format_date(value, f.lang)
