"""The open data's identifiers and taxonomies (HSDS 3.0 ``taxonomy`` and ``taxonomy_term``).

Every id is a UUID made with ``uuid5`` from a name such as
``service/bryn-care`` in the directory's own namespace
(``open_data.id_namespace`` in data/directory.yml). A provider therefore keeps
its ids from build to build, and in both languages: the Welsh files are the
English files with their text in Welsh, so a consumer can match the two.

Four taxonomies describe a service through its ``attributes``: the services
it offers (the groups of data/services.yml are parent terms), the ways to pay
it accepts, its availability, and the council's checks. Their terms take
their names from data/ and the message catalogue, in the files' language.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from builder.check import schema
from builder.i18n import N_
from builder.model import Directory
from builder.site import urls
from builder.site.format import Formatter

Json = dict[str, Any]

#: The version of the Human Services Data Specification the files follow.
HSDS_VERSION = "3.0"

SERVICES = "services"
WAYS_TO_PAY = "ways-to-pay"
AVAILABILITY = "availability"
CHECKS = "council-checks"

_TAXONOMIES = {
    SERVICES: (
        N_("Micro-care services"),
        N_("The services micro-carers offer in this directory, in groups."),
    ),
    WAYS_TO_PAY: (
        N_("Ways to pay"),
        N_("The ways to pay for care that a provider accepts."),
    ),
    AVAILABILITY: (
        N_("Availability"),
        N_("Whether a provider is taking new clients."),
    ),
    CHECKS: (
        N_("Council checks"),
        N_(
            "What the council checked before listing a provider, and when. "
            "Being listed is not the same as being inspected."
        ),
    ),
}

# The council's checks: the name a provider page shows, and what an
# attribute's value means.
CHECK_TERMS = {
    "enhanced-dbs-check": (
        N_("Enhanced DBS check"),
        N_("The council saw the provider's enhanced DBS check. The value is the date it was seen."),
    ),
    "public-liability-insurance": (
        N_("Public liability insurance"),
        N_(
            "The council saw the provider's public liability insurance. "
            "The value is the date it was seen."
        ),
    ),
    "insurance-valid-until": (
        N_("Insurance valid until"),
        N_("The value is the last day of the public liability insurance the council saw."),
    ),
    "quality-framework": (
        N_("Quality framework"),
        N_(
            "The provider completed the council's quality framework for micro-carers. "
            "The value is the date it was completed."
        ),
    ),
    "ciw-registration": (
        N_("Care Inspectorate Wales"),
        N_(
            "The provider is registered with Care Inspectorate Wales. The value is the "
            "registration number. Most micro-carers are not registered."
        ),
    ),
}


# What a term of these taxonomies means, and so what an attribute's value is.
_TERM_MEANING = {
    WAYS_TO_PAY: N_("A way to pay for care that the provider accepts."),
    AVAILABILITY: N_(
        "The provider's availability for new clients. The value is the date the provider "
        "last confirmed it."
    ),
}


@dataclass(frozen=True)
class _Term:
    code: str
    name: str
    description: str
    parent: str | None = None


class HsdsVocab(Formatter):
    """Ids, taxonomies and taxonomy terms of one language's open data."""

    def __init__(self, directory: Directory, lang: str, site_url: str = "") -> None:
        super().__init__(directory, lang)
        self.site_url = site_url
        self.namespace = uuid.UUID(str(self.vocab.settings["open_data"]["id_namespace"]))
        # Each term is written once and shared by every attribute that uses it.
        self._term_index = {
            (taxonomy, term.code): self._term_json(taxonomy, term)
            for taxonomy in _TAXONOMIES
            for term in self._terms(taxonomy)
        }

    def id(self, *parts: str) -> str:
        """The stable id of the thing named by ``parts``, such as ("service", "bryn-care")."""
        return str(uuid.uuid5(self.namespace, "/".join(parts)))

    def taxonomies(self) -> list[Json]:
        """Every taxonomy the attributes use."""
        out = []
        for key, (name, description) in _TAXONOMIES.items():
            page = urls.absolute(self.site_url, urls.SERVICES) if key == SERVICES else None
            out.append(
                compact(
                    {
                        "id": self.id("taxonomy", key),
                        "name": self.gettext(name),
                        "description": self.gettext(description),
                        "uri": page,
                    }
                )
            )
        return out

    def taxonomy_terms(self) -> list[Json]:
        """Every term of every taxonomy, each group of services before its services."""
        return list(self._term_index.values())

    def attribute(
        self, service_id: str, taxonomy: str, code: str, value: str | None = None
    ) -> Json:
        """An attribute linking a service to the term ``code``, with the term itself."""
        term = self._term_index[taxonomy, code]
        return compact(
            {
                "id": self.id("attribute", service_id, taxonomy, code),
                "link_id": service_id,
                "link_entity": "service",
                "taxonomy_term_id": term["id"],
                "value": value,
                "taxonomy_term": term,
            }
        )

    def _term_json(self, taxonomy: str, term: _Term) -> Json:
        page = urls.service(term.code) if taxonomy == SERVICES and term.parent else None
        return compact(
            {
                "id": self.id("taxonomy_term", taxonomy, term.code),
                "code": term.code,
                "name": term.name,
                "description": term.description,
                "parent_id": self.id("taxonomy_term", taxonomy, term.parent)
                if term.parent
                else None,
                "taxonomy": self.gettext(_TAXONOMIES[taxonomy][0]),
                "taxonomy_id": self.id("taxonomy", taxonomy),
                "language": self.lang,
                "term_uri": urls.absolute(self.site_url, page) if page else None,
            }
        )

    def _terms(self, taxonomy: str) -> list[_Term]:
        if taxonomy == SERVICES:
            return self._service_terms()
        if taxonomy == CHECKS:
            return [
                _Term(code, self.gettext(name), self.gettext(meaning))
                for code, (name, meaning) in CHECK_TERMS.items()
            ]
        path = ("funding", 0) if taxonomy == WAYS_TO_PAY else ("availability", "status")
        meaning = self.gettext(_TERM_MEANING[taxonomy])
        return [_Term(code, self.label(code), meaning) for code in _enum(path)]

    def _service_terms(self) -> list[_Term]:
        terms = []
        for g in self.vocab.groups:
            # HSDS wants every term's code unique, and a group of services
            # may share its id with one of its services (personal-care).
            group_key = f"group/{g.id}"
            group = g.label.get(self.lang)
            terms.append(_Term(group_key, group, self.gettext("A group of micro-care services.")))
            in_group = self.gettext("A service in the group: %(group)s.") % {"group": group}
            terms.extend(
                _Term(s.id, s.label.get(self.lang), in_group, group_key) for s in g.services
            )
        return terms


def _enum(path: tuple[str | int, ...]) -> list[str]:
    """The values the provider schema allows at ``path``: the one list of them."""
    node = schema.schema_at(path) or {}
    return list(node["enum"])


def compact(obj: Json) -> Json:
    """``obj`` without its empty fields: HSDS leaves out what is not known."""
    return {k: v for k, v in obj.items() if v is not None}
