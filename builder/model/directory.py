"""The directory: the listed providers, the finder's search rule, and where drafts end.

``build_directory`` is where drafts are left out, and where a provider whose
checks have lapsed on the day is paused: nothing after this stage can
publish a draft, or list a paused provider.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from builder.check import freshness
from builder.load.history import EMPTY, Change, History
from builder.load.source_map import FieldPath
from builder.load.vocab import Vocabulary
from builder.model.providers import STATUSES, Provider, provider_from


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

    ``providers`` are the ones families can find: every list, the finder,
    search, the sitemap and the open data read only these. ``paused`` are
    published, but a check lapsed on ``today``: their page says the listing is
    paused, and nothing else shows them. ``withdrawn`` were listed once: only
    their old address says they are no longer listed.
    """

    providers: tuple[Provider, ...]
    vocab: Vocabulary
    today: dt.date
    withdrawn: tuple[Provider, ...] = ()
    changes: tuple[Change, ...] = ()  # notable changes, newest first
    paused: tuple[Provider, ...] = ()

    def provider(self, slug: str) -> Provider:
        """A listed, paused or withdrawn provider, by its file name."""
        return self._by_slug[slug]

    def availability_stale(self, p: Provider) -> bool:
        """True when the provider has not confirmed availability recently."""
        days = int(self.vocab.settings["freshness"]["availability_days"])
        return (self.today - p.availability.confirmed).days > days

    def find(self, search: Search) -> tuple[Provider, ...]:
        """The providers a search returns, in directory order (by name)."""
        return tuple(p for p in self.providers if search.matches(p))

    def in_area(self, area_id: str) -> tuple[Provider, ...]:
        """The providers who cover a community, in directory order."""
        return self._by_area.get(area_id, ())

    def offering(self, service_id: str) -> tuple[Provider, ...]:
        """The providers who offer a service, in directory order."""
        return self._by_service.get(service_id, ())

    # Pages ask these many times over; each is worked out once, on first use.

    @cached_property
    def _by_slug(self) -> dict[str, Provider]:
        return {p.slug: p for p in (*self.providers, *self.paused, *self.withdrawn)}

    @cached_property
    def _by_area(self) -> dict[str, tuple[Provider, ...]]:
        return {c.id: self.find(Search(area=c.id)) for c in self.vocab.communities}

    @cached_property
    def _by_service(self) -> dict[str, tuple[Provider, ...]]:
        return {s: self.find(Search(services=(s,))) for s in self.vocab.service_ids}

    @cached_property
    def pairs(self) -> dict[tuple[str, str], tuple[Provider, ...]]:
        """Every (community id, service id) pair with at least one provider: its providers.

        Each list is ``find(Search(area=..., services=(...,)))`` for its pair,
        in directory order, but made once, in one pass over the providers,
        rather than once per pair: the vocabularies give some 440 pairs, and
        the community and service pages look them up too. Pairs come in
        vocabulary order (communities, then services within each).
        """
        communities = tuple(c.id for c in self.vocab.communities)
        pairs: dict[tuple[str, str], list[Provider]] = {}
        for p in self.providers:
            for area_id in communities if p.covers_all else p.areas:
                for service_id in p.services:
                    pairs.setdefault((area_id, service_id), []).append(p)
        area_order = {a: i for i, a in enumerate(communities)}
        service_order = {s: i for i, s in enumerate(self.vocab.service_ids)}
        return {
            pair: tuple(pairs[pair])
            for pair in sorted(pairs, key=lambda k: (area_order[k[0]], service_order[k[1]]))
        }


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
    and so are its changes in ``history``. A provider whose checks have
    lapsed on ``today`` (``freshness.paused_on``) goes to ``paused``, and its
    changes are left out too.
    """
    order = {s: i for i, s in enumerate(vocab.service_ids)}
    published = [
        provider_from(p.slug, p.data, order, history.last_updated.get(p.slug))
        for p in profiles
        if p.data and p.data["published"] is True
    ]
    published.sort(key=lambda p: (sort_key(p.name), p.slug))
    limits = freshness.periods(vocab)
    current = [p for p in published if p.withdrawn is None]
    lapsed = {p.slug for p in current if freshness.paused_on(_dates(p), limits, today)}
    paused = tuple(p for p in current if p.slug in lapsed)
    listed = tuple(p for p in current if p.slug not in lapsed)
    withdrawn = tuple(p for p in published if p.withdrawn is not None)
    listed_slugs = {p.slug for p in listed}
    withdrawn_slugs = {p.slug for p in withdrawn}
    # An old version of a profile was never checked: a status it had is
    # reported only if it is one the site knows how to say.
    changes = tuple(
        c
        for c in history.changes
        if (c.slug in withdrawn_slugs and c.kind == "withdrawn")
        or (c.slug in listed_slugs and c.kind == "listed")
        or (c.slug in listed_slugs and c.kind == "availability" and c.status in STATUSES)
    )
    return Directory(
        providers=listed,
        vocab=vocab,
        today=today,
        withdrawn=withdrawn,
        changes=changes,
        paused=paused,
    )


def _dates(p: Provider) -> dict[FieldPath, dt.date | None]:
    """The dates that decide whether ``p`` is paused, as ``freshness`` reads them."""
    return {
        freshness.CONFIRMED: p.availability.confirmed,
        freshness.REVIEWED: p.reviewed,
        freshness.EXPIRES: p.checks.insurance_expires,
        freshness.DBS: p.checks.dbs_checked,
        freshness.QUALITY: p.checks.quality_framework_completed,
    }
