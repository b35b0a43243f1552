"""Stage 4, site: validated providers -> the site's pages and data files.

``render`` turns a Directory into ``{site path: content}`` for one language
with the templates in ``templates/``; ``finder`` makes the finder's data,
``fields`` the field reference, ``urls`` holds every URL rule, and
``static/`` the site's own CSS and JavaScript. Nothing here knows which
engine builds the site.
"""
