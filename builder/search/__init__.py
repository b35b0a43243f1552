"""The site search: a Pagefind index of each language's built pages.

It runs after a language's HTML is written and knows nothing of the engine
that wrote it: ``index_site`` takes a folder of HTML. ``search_interface`` gives the
search box its words in each language. The box itself is
``overrides/partials/mc-search.html`` and ``builder/site/static/search.js``.
"""

from builder.search.index import IndexFailed, index_site
from builder.search.interface import search_interface

__all__ = ["IndexFailed", "index_site", "search_interface"]
