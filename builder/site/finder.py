"""The finder's data: the place names residents type, and the compact index.

The finder page (``find.md.j2``) lists places by ``place_options``; its
script reads a shared link's ``?area=`` or ``?place=`` through
``place_lookup`` and filters ``finder_index``. All three are plain data, so
they are tested without a browser.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass

from builder import i18n
from builder.load.vocab import Bilingual, Community, Vocabulary
from builder.model import Directory


@dataclass(frozen=True)
class Place:
    """A place residents search by: a community, or a village within one.

    ``key`` is what a link names it by: a community's id (``?area=mold``), or
    a village's English name folded (``?place=mynydd-isa``).
    """

    key: str
    community: Community
    name: Bilingual

    @property
    def is_village(self) -> bool:
        return self.key != self.community.id


@dataclass(frozen=True)
class PlaceOption:
    """One choice in the finder's place list: one name of one place, labelled
    in the page's language ("Treffynnon (Holywell)", "Mynydd Isa (in Argoed)").
    ``own`` marks the place's name in the page's language, which the list
    shows once the place is chosen."""

    label: str
    name: str
    place: Place
    own: bool


def places(vocab: Vocabulary) -> list[Place]:
    """Every community, then every village, each with its own key.

    Two places with one key would make one link mean two places: that is a
    mistake in data/areas.yml, so it stops the build.
    """
    found = [Place(c.id, c, c.name) for c in vocab.communities]
    found += [Place(fold(v.en), c, v) for c in vocab.communities for v in c.villages]
    keys: set[str] = set()
    for place in found:
        if place.key in keys:
            raise ValueError(f"data/areas.yml: two places would both be ?place={place.key}")
        keys.add(place.key)
    return found


def place_options(directory: Directory, lang: str) -> list[PlaceOption]:
    """The finder's place list: every name of every place, in either language.

    Residents often know only their village, or the name in the other
    language, so each is a choice of its own that finds its community.
    """
    other = "en" if lang == "cy" else "cy"
    gettext = i18n.translator(lang)
    options: dict[str, PlaceOption] = {}
    for place in places(directory.vocab):
        community = place.community.name.get(lang)
        for name in dict.fromkeys((place.name.get(lang), place.name.get(other))):
            own = name == place.name.get(lang)
            if place.is_village:
                label = gettext("%(place)s (in %(community)s)")
            else:
                label = "%(place)s" if own else gettext("%(place)s (%(community)s)")
            label %= {"place": name, "community": community}
            options.setdefault(label, PlaceOption(label, name, place, own))
    return sorted(options.values(), key=lambda o: (fold(o.label), o.label))


def place_lookup(directory: Directory) -> dict[str, str]:
    """Any place name or key, in either language, folded -> the place's key.

    Lets a link say ``?place=Maes-glas`` or, as older links do,
    ``?area=Treffynnon``. Communities come first, so a community keeps its
    name if a village elsewhere shares it.
    """
    table: dict[str, str] = {}
    for place in places(directory.vocab):
        for name in (place.key, place.name.en, place.name.cy):
            table.setdefault(fold(name), place.key)
    return dict(sorted(table.items()))


def finder_index(directory: Directory) -> str:
    """The compact search index behind the finder.

    One row per provider, in directory order: slug, indexes into ``areas``
    and ``services``, and a bit field (1 taking new clients, 2 Welsh
    speaking, 4 direct payments, 8 covers all areas). Names and summaries are
    in the card files, fetched only for the results shown, so the index
    stays small as the directory grows.
    """
    vocab = directory.vocab
    area_ix = {c.id: i for i, c in enumerate(vocab.communities)}
    service_ix = {s: i for i, s in enumerate(vocab.service_ids)}
    rows = []
    for p in directory.providers:
        flags = (
            (1 if p.taking_new_clients else 0)
            | (2 if p.welsh_speaking else 0)
            | (4 if p.accepts_direct_payments else 0)
            | (8 if p.covers_all else 0)
        )
        rows.append(
            [
                p.slug,
                sorted(area_ix[a] for a in p.areas),
                sorted(service_ix[s] for s in p.services),
                flags,
            ]
        )
    return json.dumps(
        {
            "areas": [c.id for c in vocab.communities],
            "services": list(vocab.service_ids),
            "providers": rows,
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def fold(name: str) -> str:
    """Fold a name for matching and sorting: "Connah's Quay" -> "connahs-quay"."""
    plain = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    out, dash = [], False
    for ch in plain:
        if ch.isalnum():
            out.append(ch)
            dash = False
        elif ch in "'’":
            continue
        elif not dash and out:
            out.append("-")
            dash = True
    return "".join(out).strip("-")
