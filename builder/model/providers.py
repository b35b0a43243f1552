"""Plain objects for one validated provider. Rendering receives these, never raw dicts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import phonenumbers

TAKING_NEW_CLIENTS = "taking-new-clients"
#: Every availability status (the schema's list), in order of openness.
STATUSES = (TAKING_NEW_CLIENTS, "waiting-list", "not-taking-new-clients")
WELSH = "cy"
DIRECT_PAYMENTS = "direct-payments"
TIMES = ("early-morning", "daytime", "evening", "night", "weekends")


@dataclass(frozen=True)
class Text:
    """A provider's own text, in English and, if the provider gave it, Welsh."""

    en: str
    cy: str | None = None

    def get(self, lang: str) -> tuple[str, str]:
        """The text for a page in ``lang``, and the language it is really in."""
        if lang == "cy" and self.cy:
            return self.cy, "cy"
        return self.en, "en"


@dataclass(frozen=True)
class Phone:
    """A UK phone number, as people write it and as a ``tel:`` link needs it."""

    display: str
    tel: str
    texts: bool


@dataclass(frozen=True)
class Contact:
    phone: Phone | None
    email: str | None
    website: str | None
    best_times: Text | None


@dataclass(frozen=True)
class Availability:
    status: str
    confirmed: dt.date
    times: tuple[str, ...]


@dataclass(frozen=True)
class Prices:
    hourly_rate: Decimal
    minimum_visit_minutes: int
    weekends: Text | None
    bank_holidays: Text | None
    mileage: Text | None


@dataclass(frozen=True)
class Checks:
    dbs_checked: dt.date
    insurance_checked: dt.date
    insurance_expires: dt.date
    quality_framework_completed: dt.date
    ciw_number: str | None

    @property
    def ciw_registered(self) -> bool:
        return self.ciw_number is not None


@dataclass(frozen=True)
class Photo:
    file: str
    alt: Text


@dataclass(frozen=True)
class Provider:
    """One published provider, ready to render."""

    slug: str
    name: str
    trading_name: str | None
    legal_form: str
    staff: int
    summary: Text
    description: Text
    services: tuple[str, ...]
    areas: tuple[str, ...]
    covers_all: bool
    contact: Contact
    availability: Availability
    languages: tuple[str, ...]
    funding: tuple[str, ...]
    prices: Prices
    checks: Checks
    cover: Text
    photo: Photo | None
    reviewed: dt.date
    withdrawn: dt.date | None = None
    last_updated: dt.date | None = None  # from the file's git history, if any

    @property
    def welsh_speaking(self) -> bool:
        return WELSH in self.languages

    @property
    def taking_new_clients(self) -> bool:
        return self.availability.status == TAKING_NEW_CLIENTS

    @property
    def accepts_direct_payments(self) -> bool:
        return DIRECT_PAYMENTS in self.funding

    def covers(self, area_id: str) -> bool:
        return self.covers_all or area_id in self.areas


def _date(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


def _text(data: Mapping[str, Any], key: str) -> Text | None:
    if key not in data:
        return None
    return Text(en=data[key], cy=data.get(f"{key}_cy"))


def _phone(contact: Mapping[str, Any]) -> Phone | None:
    if "phone" not in contact:
        return None
    number = phonenumbers.parse(contact["phone"], "GB")
    return Phone(
        display=phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL),
        tel=phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164),
        texts=bool(contact.get("texts", False)),
    )


def provider_from(
    slug: str,
    d: Mapping[str, Any],
    service_order: Mapping[str, int],
    last_updated: dt.date | None,
) -> Provider:
    """A Provider from a profile's checked values; services in ``service_order``."""
    contact, availability, prices, checks = (
        d["contact"],
        d["availability"],
        d["prices"],
        d["checks"],
    )
    areas = tuple(sorted(d["areas"]))
    photo = d.get("photo")
    return Provider(
        slug=slug,
        name=d["name"],
        trading_name=d.get("trading_name"),
        legal_form=d["legal_form"],
        staff=d["staff"],
        summary=_text(d, "summary") or Text(""),
        description=_text(d, "description") or Text(""),
        services=tuple(sorted(d["services"], key=service_order.__getitem__)),
        areas=tuple(a for a in areas if a != "all-flintshire"),
        covers_all="all-flintshire" in areas,
        contact=Contact(
            phone=_phone(contact),
            email=contact.get("email"),
            website=contact.get("website"),
            best_times=_text(contact, "best_times"),
        ),
        availability=Availability(
            status=availability["status"],
            confirmed=_date(availability["confirmed"]),
            times=tuple(t for t in TIMES if t in availability["times"]),
        ),
        languages=tuple(d["languages"]),
        funding=tuple(d["funding"]),
        prices=Prices(
            hourly_rate=Decimal(str(prices["hourly_rate"])),
            minimum_visit_minutes=prices["minimum_visit_minutes"],
            weekends=_text(prices, "weekends"),
            bank_holidays=_text(prices, "bank_holidays"),
            mileage=_text(prices, "mileage"),
        ),
        checks=Checks(
            dbs_checked=_date(checks["dbs"]["checked"]),
            insurance_checked=_date(checks["insurance"]["checked"]),
            insurance_expires=_date(checks["insurance"]["expires"]),
            quality_framework_completed=_date(checks["quality_framework"]["completed"]),
            ciw_number=checks["ciw"].get("number") if checks["ciw"]["registered"] else None,
        ),
        cover=_text(d, "cover") or Text(""),
        photo=Photo(file=photo["file"], alt=_text(photo, "alt") or Text("")) if photo else None,
        reviewed=_date(d["reviewed"]),
        withdrawn=_date(d["withdrawn"]) if "withdrawn" in d else None,
        last_updated=last_updated,
    )
