"""The directory's open data: HSDS 3.0 (Open Referral UK) JSON and CSV, for one language.

``build_open_data`` is a pure function from a Directory to ``{site path:
text}``, like the pages. Only ``Directory.providers`` are published: drafts,
withdrawn providers and providers paused by the model never reach it.

Published under ``open-data/`` (``cy/open-data/`` in Welsh), shaped like the
responses of HSDS's API, so that a consumer of an HSDS API can read them:

- ``index.json``: the HSDS version, the licence and the publisher (``/``);
- ``services.json``: one page holding every service, fully nested (``/services``);
- ``services/<id>.json``: one service (``/services/{id}``);
- ``organizations.json``, ``taxonomies.json``, ``taxonomy_terms.json``;
- ``datapackage.json`` and one CSV per table, HSDS's tabular form.
"""

from __future__ import annotations

from builder.model import Directory
from builder.site import escape, tabular, urls
from builder.site.hsds import Hsds
from builder.site.hsds_vocab import HSDS_VERSION, Json

OPENAPI_URL = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json"


def build_open_data(directory: Directory, lang: str, site_url: str = "") -> dict[str, str]:
    """Every open data file of the ``lang`` site: ``{site path: text}``."""
    hsds = Hsds(directory, lang, site_url)
    services = [hsds.service(p) for p in directory.providers]
    organizations = [hsds.organization(p) for p in directory.providers]
    taxonomies, terms = hsds.taxonomies(), hsds.taxonomy_terms()
    about = _about(hsds, site_url)
    documents: dict[str, Json] = {
        "index.json": {"version": HSDS_VERSION, "openapi_url": OPENAPI_URL, **about},
        "services.json": _page(services),
        "organizations.json": _page(organizations),
        "taxonomies.json": _page(taxonomies),
        "taxonomy_terms.json": _page(terms),
        "datapackage.json": tabular.data_package({**about, "hsds_version": HSDS_VERSION}),
    }
    out = {urls.OPEN_DATA + name: escape.json_file(doc) for name, doc in documents.items()}
    for service in services:
        out[urls.open_data_service(service["id"])] = escape.json_file(service)
    for name, text in tabular.csv_files(tabular.tables(services, taxonomies, terms)).items():
        out[urls.OPEN_DATA + name] = text
    return out


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
