"""Plain objects for validated providers, and the directory's search rules.

Rendering receives these objects, never raw dictionaries. ``build_directory``
is where drafts are left out: nothing after this stage can publish one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import phonenumbers

from builder.history import EMPTY, Change, History
from builder.vocab import Vocabulary

TAKING_NEW_CLIENTS = "taking-new-clients"
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


@dataclass(frozen=True)
class Search:
    """What a resident asked the finder for. Services must all be offered."""

    area: str | None = None
    services: tuple[str, ...] = ()
    taking_new_clients: bool = False
    welsh_speaking: bool = False
    direct_payments: bool = False

    def matches(self, p: Provider) -> bool:
        return (
            (self.area is None or p.covers(self.area))
            and all(s in p.services for s in self.services)
            and (not self.taking_new_clients or p.taking_new_clients)
            and (not self.welsh_speaking or p.welsh_speaking)
            and (not self.direct_payments or p.accepts_direct_payments)
        )


@dataclass(frozen=True)
class Directory:
    """The listed providers, sorted by name, with the vocabularies.

    ``providers`` are the ones families can find. ``withdrawn`` were listed
    once: only their old address says they are no longer listed.
    """

    providers: tuple[Provider, ...]
    vocab: Vocabulary
    today: dt.date
    withdrawn: tuple[Provider, ...] = ()
    changes: tuple[Change, ...] = ()  # notable changes, newest first

    def provider(self, slug: str) -> Provider:
        """A listed or withdrawn provider, by its file name."""
        return next(p for p in (*self.providers, *self.withdrawn) if p.slug == slug)

    def availability_stale(self, p: Provider) -> bool:
        """True when the provider has not confirmed availability recently."""
        days = int(self.vocab.settings["freshness"]["availability_days"])
        return (self.today - p.availability.confirmed).days > days

    def find(self, search: Search) -> tuple[Provider, ...]:
        """The providers a search returns, in directory order (by name)."""
        return tuple(p for p in self.providers if search.matches(p))

    def in_area(self, area_id: str) -> tuple[Provider, ...]:
        return self.find(Search(area=area_id))

    def offering(self, service_id: str) -> tuple[Provider, ...]:
        return self.find(Search(services=(service_id,)))


def sort_key(name: str) -> tuple[str, str]:
    """Order names as people expect in an A to Z: ignoring case and "The "."""
    folded = name.casefold()
    return (folded.removeprefix("the "), folded)


def build_directory(
    profiles: Iterable[Any],
    vocab: Vocabulary,
    today: dt.date,
    history: History = EMPTY,
) -> Directory:
    """Turn checked profiles into a Directory of the published ones.

    ``profiles`` are ``validate.CheckedProfile`` objects that passed every
    check; a draft (``published: false``) is dropped here and nowhere else,
    and so are its changes in ``history``.
    """
    order = {s: i for i, s in enumerate(vocab.service_ids)}
    published = [
        _provider(p.slug, p.data, order, history.last_updated.get(p.slug))
        for p in profiles
        if p.data and p.data["published"] is True
    ]
    published.sort(key=lambda p: (sort_key(p.name), p.slug))
    listed = tuple(p for p in published if p.withdrawn is None)
    withdrawn = tuple(p for p in published if p.withdrawn is not None)
    listed_slugs = {p.slug for p in listed}
    withdrawn_slugs = {p.slug for p in withdrawn}
    changes = tuple(
        c
        for c in history.changes
        if (c.slug in withdrawn_slugs and c.kind == "withdrawn")
        or (c.slug in listed_slugs and c.kind != "withdrawn")
    )
    return Directory(
        providers=listed, vocab=vocab, today=today, withdrawn=withdrawn, changes=changes
    )


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


def _provider(
    slug: str,
    d: Mapping[str, Any],
    service_order: Mapping[str, int],
    last_updated: dt.date | None,
) -> Provider:
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
