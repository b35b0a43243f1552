"""Every URL rule in one place.

Pages are addressed by their path inside one language's site, always ending
in "/" ("providers/bryn-care/"). English is the site root; Welsh lives under
"cy/" with the same paths. Links inside generated pages are relative, so
the site works wherever it is hosted.
"""

from __future__ import annotations

LANG_PREFIX = {"en": "", "cy": "cy/"}
FINDER = "find/"
PROVIDERS = "providers/"
AREAS = "areas/"
SERVICES = "services/"
FIELDS = "fields/"
# A page beside the staff guide, which links to it as fields.md.
FIELDS_SOURCE = "fields.md"
RECENT = "recent/"
FEED = "recent/feed.xml"
STATIC = "assets/microcare/"
PHOTOS = "photos/"
# The open data (HSDS 3.0 JSON, CSV and its data package) sits beside the
# Open data page, which is docs/<lang>/open-data.md.
OPEN_DATA = "open-data/"
# The site search: its page (what a search without JavaScript reaches) and
# the folder of each language's Pagefind index, beside that language's pages.
SEARCH = "search/"
SEARCH_BUNDLE = "pagefind/"

# The finder's postcode table, fetched only when someone types a postcode.
POSTCODES = f"{FINDER}postcodes/"
SHORTLIST = "shortlist/"
SHORTLIST_ITEMS = f"{SHORTLIST}items/"


def provider(slug: str) -> str:
    return f"{PROVIDERS}{slug}/"


def area(area_id: str) -> str:
    return f"{AREAS}{area_id}/"


def service(service_id: str) -> str:
    return f"{SERVICES}{service_id}/"


def area_service(area_id: str, service_id: str) -> str:
    """A community's providers who offer one service: "areas/mold/companionship/"."""
    return f"{area(area_id)}{service_id}/"


def postcode_district(district: str) -> str:
    """The file of one postcode district's postcodes: find/postcodes/CH7.json."""
    return f"{POSTCODES}{district}.json"


def shortlist_item(slug: str) -> str:
    """What the shortlist page shows of one provider, fetched when it is on the list."""
    return f"{SHORTLIST_ITEMS}{slug}.html"


def source_path(url: str) -> str:
    """The Markdown file that MkDocs turns into the page at ``url``.

    Section pages ("find/", "areas/") come from an ``index.md``; the pages
    below them ("areas/mold/") from a file named after the last part.
    """
    if url.count("/") <= 1:
        return f"{url}index.md"
    return f"{url[:-1]}.md"


def relative(from_url: str, to_url: str) -> str:
    """A link from the page at ``from_url`` to ``to_url`` (both site paths).

    The shortest relative path, as ``posixpath.relpath`` gives it, but
    without its calls to the file system's idea of the current folder: a
    large directory makes hundreds of thousands of these links.
    """
    here = [part for part in from_url.split("/") if part]
    there = [part for part in to_url.split("/") if part]
    common = 0
    for a, b in zip(here, there, strict=False):
        if a != b:
            break
        common += 1
    rel = "/".join([".."] * (len(here) - common) + there[common:])
    if not rel:
        return "./"
    if to_url == "" or to_url.endswith("/"):
        rel += "/"
    return rel


def counterpart(url: str, from_lang: str, to_lang: str) -> str:
    """A relative link from a page to the same page in the other language."""
    here = LANG_PREFIX[from_lang] + url
    there = LANG_PREFIX[to_lang] + url
    return relative(here, there)


def open_data_service(service_id: str) -> str:
    """Where one HSDS service is published, by its id (as the HSDS API's /services/{id})."""
    return f"{OPEN_DATA}services/{service_id}.json"


def absolute(site_url: str, url: str) -> str | None:
    """The full address of the site path ``url``, or None when the site's address is unknown."""
    if not site_url:
        return None
    return site_url.rstrip("/") + "/" + url
