"""The directory's open data: HSDS 3.0 (Open Referral UK) JSON and CSV, for one language.

``build_open_data`` is a pure function from a Directory to ``{site path:
text}``, like the pages. Only ``Directory.providers`` are published: drafts,
withdrawn providers and providers paused by the model never reach it.

Published under ``open-data/`` (``cy/open-data/`` in Welsh), shaped like the
responses of HSDS's API, so that a consumer of an HSDS API can read them:

- ``index.json``: the HSDS version, the licence and the publisher (``/``);
- ``services.json``: one page listing every service, as the API lists them (``/services``);
- ``services/<id>.json``: one service (``/services/{id}``);
- ``organizations.json``, ``taxonomies.json``, ``taxonomy_terms.json``;
- ``datapackage.json`` and one CSV per table, HSDS's tabular form.
"""

from __future__ import annotations

import json

from builder.model import Directory, Provider
from builder.paths import HSDS_DIR
from builder.site import escape, tabular, urls
from builder.site.hsds import Hsds
from builder.site.hsds_vocab import HSDS_VERSION, Json

OPENAPI_URL = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json"


class OpenData:
    """The open data files of the ``lang`` site, each made on its own.

    One service's file depends on that provider alone; the files about every
    provider (``services.json``, the CSV tables...) are made together, once,
    the first time one of them is asked for.
    """

    def __init__(self, directory: Directory, lang: str, site_url: str = "") -> None:
        self.directory, self.site_url = directory, site_url
        self.hsds = Hsds(directory, lang, site_url)
        self._shared: dict[str, str] | None = None

    def service_path(self, p: Provider) -> str:
        """Where provider ``p``'s service is published."""
        return urls.open_data_service(self.hsds.id("service", p.slug))

    def service_file(self, p: Provider) -> str:
        """Provider ``p``'s service, fully nested."""
        return escape.json_file(self.hsds.service(p))

    def shared_paths(self) -> list[str]:
        """Where the files about every provider are published."""
        names = [*_DOCUMENTS, *tabular.csv_names()]
        return [urls.OPEN_DATA + name for name in names]

    def shared_file(self, path: str) -> str:
        """One of the files about every provider."""
        if self._shared is None:
            self._shared = self._make_shared()
        return self._shared[path]

    def _make_shared(self) -> dict[str, str]:
        hsds, providers = self.hsds, self.directory.providers
        services = [hsds.service(p) for p in providers]
        organizations = [hsds.organization(p) for p in providers]
        # A list holds each service as HSDS's API lists them (service_list):
        # its own fields and its organization; the rest is in its own file.
        summaries = [{k: v for k, v in s.items() if k in _LISTED_FIELDS} for s in services]
        taxonomies, terms = hsds.taxonomies(), hsds.taxonomy_terms()
        about = _about(hsds, self.site_url)
        documents: dict[str, Json] = {
            "index.json": {"version": HSDS_VERSION, "openapi_url": OPENAPI_URL, **about},
            "services.json": _page(summaries),
            "organizations.json": _page(organizations),
            "taxonomies.json": _page(taxonomies),
            "taxonomy_terms.json": _page(terms),
            "datapackage.json": tabular.data_package({**about, "hsds_version": HSDS_VERSION}),
        }
        out = {urls.OPEN_DATA + name: escape.json_file(doc) for name, doc in documents.items()}
        for name, text in tabular.csv_files(tabular.tables(services, taxonomies, terms)).items():
            out[urls.OPEN_DATA + name] = text
        return out


# The fields of a service in HSDS's list of services (schema/compiled/service_list.json).
_LISTED_FIELDS = frozenset(
    json.loads((HSDS_DIR / "schema" / "compiled" / "service_list.json").read_text("utf-8"))[
        "properties"
    ]
)
# The JSON documents about every provider, besides the CSV tables.
_DOCUMENTS = (
    "index.json",
    "services.json",
    "organizations.json",
    "taxonomies.json",
    "taxonomy_terms.json",
    "datapackage.json",
)


def build_open_data(directory: Directory, lang: str, site_url: str = "") -> dict[str, str]:
    """Every open data file of the ``lang`` site: ``{site path: text}``."""
    data = OpenData(directory, lang, site_url)
    out = {path: data.shared_file(path) for path in data.shared_paths()}
    out.update({data.service_path(p): data.service_file(p) for p in directory.providers})
    return dict(sorted(out.items()))


def _about(hsds: Hsds, site_url: str) -> Json:
    """What the data is, who publishes it and under which licence."""
    licence = hsds.vocab.settings["open_data"]
    about: Json = {
        "name": "microcare-directory-" + hsds.lang,
        "title": hsds.setting("directory_name"),
        "publisher": hsds.setting("council"),
        "language": hsds.lang,
        "licenses": [
            {
                "name": licence["licence_id"],
                "title": hsds.setting("open_data.licence_name"),
                "path": hsds.setting("open_data.licence_url"),
            }
        ],
    }
    homepage = urls.absolute(site_url, urls.OPEN_DATA)
    if homepage:
        about["homepage"] = homepage
    return about


def _page(contents: list[Json]) -> Json:
    """One page of an HSDS API list response, holding everything."""
    return {
        "total_items": len(contents),
        "total_pages": 1,
        "page_number": 1,
        "size": len(contents),
        "first_page": True,
        "last_page": True,
        "empty": not contents,
        "hsds_version": HSDS_VERSION,
        "contents": contents,
    }
