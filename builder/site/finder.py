"""The finder's data: the place names residents type, and the compact index.

The finder page (``find.md.j2``) lists places by ``place_options``; its
script matches a shared link's ``?area=`` through ``place_lookup`` and
filters ``finder_index``. All three are plain data, so they are tested
without a browser.
"""

from __future__ import annotations

import json
import unicodedata

from builder import i18n
from builder.model import Directory


def place_options(directory: Directory, lang: str) -> list[tuple[str, str, bool]]:
    """(label, community id, is the community's own name) for the place list.

    Residents often know only their village, so villages are listed as names
    for their community, and so are community names in the other language.
    """
    other = "en" if lang == "cy" else "cy"
    gettext = i18n.translator(lang)
    options: dict[str, tuple[str, bool]] = {}
    for c in directory.vocab.communities:
        name = c.name.get(lang)
        options[name] = (c.id, True)
        aliases = [c.name.get(other), *(v.get(lang) for v in c.villages)]
        for alias in aliases:
            if alias != name:
                label = gettext("%(place)s (%(community)s)") % {"place": alias, "community": name}
                options.setdefault(label, (c.id, False))
    return sorted(
        ((label, area_id, own) for label, (area_id, own) in options.items()),
        key=lambda o: (fold(o[0]), o[0]),
    )


def place_lookup(directory: Directory, lang: str) -> dict[str, str]:
    """Any place name, in either language, folded to a key, -> community id.

    Lets a shared link say ``?area=Treffynnon`` or ``?area=greenfield``.
    """
    table: dict[str, str] = {}
    for c in directory.vocab.communities:
        names = [
            c.id,
            c.name.en,
            c.name.cy,
            *(v.en for v in c.villages),
            *(v.cy for v in c.villages),
        ]
        for name in names:
            table.setdefault(fold(name), c.id)
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
