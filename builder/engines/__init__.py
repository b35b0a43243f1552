"""Stage 5, engines: hand the pages to a static site engine.

``mkdocs_hook`` is the MkDocs hook (mkdocs.yml's ``hooks:``), and
``mkdocs_build`` builds and serves both languages with it. These are the
only modules that import MkDocs.
"""
