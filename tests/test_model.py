"""From checked profiles to the Directory: drafts, withdrawals and searching."""

from __future__ import annotations

import datetime as dt

import pytest

from builder.check.schema import schema
from builder.check.validate import check_files
from builder.load.history import Change, History
from builder.load.vocab import load_vocabulary
from builder.model import Directory, Search, build_directory
from builder.model.providers import STATUSES
from builder.paths import ROOT

TODAY = dt.date(2026, 11, 22)
VALID = ROOT / "tests" / "fixtures" / "providers" / "valid"


def directory(history: History | None = None) -> Directory:
    vocab = load_vocabulary()
    result = check_files(sorted(VALID.glob("*.yml")), root=ROOT, today=TODAY, vocab=vocab)
    assert result.errors == []
    if history is None:
        return build_directory(result.profiles, vocab, TODAY)
    return build_directory(result.profiles, vocab, TODAY, history)


def test_drafts_are_left_out() -> None:
    assert [p.slug for p in directory().providers] == ["afon-home-help", "cartref-care"]


def test_phone_numbers_are_written_the_uk_way_and_linked_in_full() -> None:
    phone = directory().provider("cartref-care").contact.phone
    assert phone is not None
    assert (phone.display, phone.tel, phone.texts) == ("07700 900456", "+447700900456", True)


def test_changes_to_drafts_never_reach_the_directory() -> None:
    day = dt.date(2026, 11, 1)
    history = History(
        last_updated={"cartref-care": day},
        changes=(
            Change(day, "c1", "derwen-draft", "listed"),
            Change(day, "c1", "cartref-care", "availability", "waiting-list"),
        ),
    )
    d = directory(history)
    assert [c.slug for c in d.changes] == ["cartref-care"]
    assert d.provider("cartref-care").last_updated == day


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        (Search(), {"afon-home-help", "cartref-care"}),
        (Search(area="mold"), None),
        (Search(services=("companionship", "no-such-service")), set()),
    ],
)
def test_search_matches_every_condition(search: Search, expected: set[str] | None) -> None:
    d = directory()
    found = {p.slug for p in d.find(search)}
    if expected is None:  # computed from the profiles themselves
        expected = {p.slug for p in d.providers if p.covers_all or "mold" in p.areas}
    assert found == expected


def test_all_of_flintshire_covers_every_community() -> None:
    d = directory()
    everywhere = [p for p in d.providers if p.covers_all]
    assert everywhere
    for community in d.vocab.communities:
        assert set(everywhere) <= set(d.in_area(community.id))


def test_availability_goes_stale_after_the_configured_days() -> None:
    d = directory()
    p = d.providers[0]
    days = d.vocab.settings["freshness"]["availability_days"]
    fresh = Directory(d.providers, d.vocab, p.availability.confirmed + dt.timedelta(days=days))
    stale = Directory(d.providers, d.vocab, p.availability.confirmed + dt.timedelta(days=days + 1))
    assert not fresh.availability_stale(p)
    assert stale.availability_stale(p)


def test_only_a_status_the_site_can_say_is_a_change() -> None:
    day = dt.date(2026, 11, 1)
    said = Change(day, "c1", "cartref-care", "availability", "waiting-list")
    odd = Change(day, "c2", "cartref-care", "availability", "closed\x1b[2K")
    assert directory(History({}, (said, odd))).changes == (said,)


def test_the_statuses_are_the_schemas() -> None:
    status = schema()["properties"]["availability"]["properties"]["status"]
    assert tuple(status["enum"]) == STATUSES


def test_pairs_list_what_the_search_finds_for_each_community_and_service() -> None:
    d = directory()
    pairs = {
        (c.id, s): d.find(Search(area=c.id, services=(s,)))
        for c in d.vocab.communities
        for s in d.vocab.service_ids
    }
    assert d.pairs == {pair: found for pair, found in pairs.items() if found}
    # In vocabulary order, so that pages come out in the same order every time.
    assert list(d.pairs) == [pair for pair in pairs if pairs[pair]]
    # Both kinds of coverage are there: a single community, and all of Flintshire.
    assert [p.slug for p in d.pairs["buckley", "personal-care"]] == ["cartref-care"]
    assert [p.slug for p in d.pairs["buckley", "dementia-support"]] == ["afon-home-help"]
    assert ("holywell", "personal-care") not in d.pairs
