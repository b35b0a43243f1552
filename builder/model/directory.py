"""The directory: the listed providers, the finder's search rule, and where drafts end.

``build_directory`` is where drafts are left out: nothing after this stage
can publish one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from builder.load.history import EMPTY, Change, History
from builder.load.vocab import Vocabulary
from builder.model.providers import Provider, provider_from


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
    and so are its changes in ``history``.
    """
    order = {s: i for i, s in enumerate(vocab.service_ids)}
    published = [
        provider_from(p.slug, p.data, order, history.last_updated.get(p.slug))
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
