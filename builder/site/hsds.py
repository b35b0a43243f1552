"""A listed provider as HSDS 3.0 (Open Referral UK): one organization offering one service.

What goes where (DOMAIN.md, "Open data"):

- the business is the ``organization``: name, trading name, summary, email,
  website and ``legal_status``;
- what it offers is the ``service``: ``status``, ``assured_date`` (the
  council's last review), ``last_modified`` (the profile's last change in
  git), and in words (``hsds_text``) the prices, the council's checks, how to
  get in touch and an ``alert`` when it is not taking new clients;
- where it works is ``service_areas``, one per community, and never
  ``location``: carers visit people at home, whose addresses are never
  published, and a sole trader's own address is private too;
- ``languages`` (Welsh marks the Active Offer), ``schedules`` (the usual
  times, valid until availability is next due to be confirmed),
  ``cost_options`` (the hourly rate and any extras), ``phones`` and
  ``contacts``;
- ``attributes`` link the service to taxonomy terms (``hsds_vocab``): the
  services it offers, the ways to pay it accepts, its availability and each
  council check with its date.

Every object carries the id of the object it belongs to (``service_id``,
``organization_id``), so ``tabular`` can lay the same objects out as tables.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from builder.model import Provider
from builder.site import hsds_text, urls
from builder.site.hsds_vocab import (
    AVAILABILITY,
    CHECKS,
    SERVICES,
    WAYS_TO_PAY,
    HsdsVocab,
    Json,
    compact,
)

# The status of every listed provider: a paused or withdrawn one is not listed.
ACTIVE = "active"


class Hsds(HsdsVocab):
    """Turns listed providers into HSDS objects, with text in one language."""

    def service(self, p: Provider) -> Json:
        """The fully nested HSDS service of provider ``p``, its organization inside."""
        sid = self.id("service", p.slug)
        return compact(
            {
                "id": sid,
                "organization_id": self.id("organization", p.slug),
                "name": p.name,
                "description": p.description.get(self.lang)[0].strip(),
                "url": urls.absolute(self.site_url, urls.provider(p.slug)),
                "email": p.contact.email,
                "status": ACTIVE,
                "application_process": hsds_text.application_process(self, p),
                "fees_description": hsds_text.fees_description(self, p),
                "accreditations": hsds_text.accreditations(self, p),
                "assured_date": p.reviewed.isoformat(),
                "alert": hsds_text.alert(self, p),
                "last_modified": _midnight(p.last_updated) if p.last_updated else None,
                "organization": self.organization(p),
                "phones": self._phones(p, sid),
                "contacts": self._contacts(p, sid),
                "languages": self._languages(p, sid),
                "schedules": self._schedules(p, sid),
                "service_areas": self._service_areas(p, sid),
                "cost_options": self._cost_options(p, sid),
                "attributes": self._attributes(p, sid),
            }
        )

    def organization(self, p: Provider) -> Json:
        """The business behind provider ``p``."""
        return compact(
            {
                "id": self.id("organization", p.slug),
                "name": p.name,
                "alternate_name": p.trading_name,
                "description": p.summary.get(self.lang)[0],
                "email": p.contact.email,
                "website": p.contact.website,
                "legal_status": self.label(p.legal_form),
            }
        )

    # -- the objects the service holds ------------------------------------------------

    def _phones(self, p: Provider, sid: str) -> list[Json]:
        phone = p.contact.phone
        if phone is None:
            return []
        # RFC 6350's types: the same number is listed once for calls and, if
        # the provider takes them, once for texts.
        kinds = ("voice", "text") if phone.texts else ("voice",)
        return [
            {
                "id": self.id("phone", p.slug, kind),
                "service_id": sid,
                "number": phone.display,
                "type": kind,
            }
            for kind in kinds
        ]

    def _contacts(self, p: Provider, sid: str) -> list[Json]:
        if not p.contact.email:
            return []
        # The business, not a person: only contact details the provider agreed
        # to publish, and no one's name.
        return [
            {
                "id": self.id("contact", p.slug),
                "service_id": sid,
                "name": p.name,
                "email": p.contact.email,
            }
        ]

    def _languages(self, p: Provider, sid: str) -> list[Json]:
        out = []
        for code in p.languages:
            language: Json = {
                "id": self.id("language", p.slug, code),
                "service_id": sid,
                "name": self.language_name(code),
                "code": code,
            }
            if code == "cy":
                language["note"] = self.gettext("Welsh speaker: you can receive care in Welsh.")
            out.append(language)
        return out

    def _schedules(self, p: Provider, sid: str) -> list[Json]:
        a = p.availability
        days = int(self.vocab.settings["freshness"]["availability_days"])
        valid = {
            "valid_from": a.confirmed.isoformat(),
            "valid_to": (a.confirmed + dt.timedelta(days=days)).isoformat(),
        }
        out = []
        for time in a.times:
            schedule: Json = {
                "id": self.id("schedule", p.slug, time),
                "service_id": sid,
                "description": self.label(time),
                "attending_type": self.gettext("The carer visits you at home."),
                **valid,
            }
            if time == "weekends":
                schedule.update(freq="WEEKLY", byday="SA,SU")
            out.append(schedule)
        return out

    def _service_areas(self, p: Provider, sid: str) -> list[Json]:
        if p.covers_all:
            return [
                {
                    "id": self.id("service_area", p.slug, self.vocab.all_areas_id),
                    "service_id": sid,
                    "name": self.vocab.all_areas_name.get(self.lang),
                }
            ]
        out = []
        for area in self.areas_sorted(p):
            community = self.vocab.community(area)
            places = ", ".join(v.get(self.lang) for v in community.villages)
            out.append(
                compact(
                    {
                        "id": self.id("service_area", p.slug, area),
                        "service_id": sid,
                        "name": community.name.get(self.lang),
                        "description": (
                            self.gettext("Includes %(places)s.") % {"places": places}
                            if places
                            else None
                        ),
                        "uri": urls.absolute(self.site_url, urls.area(area)),
                    }
                )
            )
        return out

    def _cost_options(self, p: Provider, sid: str) -> list[Json]:
        hourly = {
            "id": self.id("cost_option", p.slug, "hourly-rate"),
            "service_id": sid,
            "option": self.gettext("Hourly rate"),
            "currency": "GBP",
            "amount": _number(p.prices.hourly_rate),
            "amount_description": (
                f"{self.gettext('Shortest visit')}: {self.duration(p.prices.minimum_visit_minutes)}"
            ),
        }
        extras = [
            {
                "id": self.id("cost_option", p.slug, key),
                "service_id": sid,
                "option": label,
                "amount_description": text,
            }
            for key, label, text in hsds_text.price_extras(self, p)
        ]
        return [hourly, *extras]

    def _attributes(self, p: Provider, sid: str) -> list[Json]:
        c = p.checks
        checks = {
            "enhanced-dbs-check": c.dbs_checked.isoformat(),
            "public-liability-insurance": c.insurance_checked.isoformat(),
            "insurance-valid-until": c.insurance_expires.isoformat(),
            "quality-framework": c.quality_framework_completed.isoformat(),
            "ciw-registration": c.ciw_number,
        }
        a = p.availability
        return [
            *(self.attribute(sid, SERVICES, s) for s in p.services),
            *(self.attribute(sid, WAYS_TO_PAY, f) for f in p.funding),
            self.attribute(sid, AVAILABILITY, a.status, a.confirmed.isoformat()),
            *(self.attribute(sid, CHECKS, key, value) for key, value in checks.items() if value),
        ]


def _midnight(day: dt.date) -> str:
    """A date as the date-time HSDS wants: git gives the day of the change, not its time."""
    return f"{day.isoformat()}T00:00:00Z"


def _number(amount: Decimal) -> int | float:
    """A price as a JSON number: 24 rather than 24.0, 22.5 for 22.50."""
    return int(amount) if amount == amount.to_integral_value() else float(amount)
