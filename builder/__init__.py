"""Flintshire Micro-care Directory: validate provider profiles and build the site.

The stages, one folder each, call only downward:

    load/     YAML text -> plain values + source map; data/; git history
    check/    schema + rules -> Problems, worded for staff
    model.py  checked values -> Provider objects (drafts are dropped here)
    site/     Providers -> {page path: content}
    engines/  hand the pages to MkDocs

``pipeline`` wires load -> check -> model; ``staff/`` holds the staff tools;
``cli`` is the command line. Only ``cli`` and ``engines`` do I/O or exit.
"""
