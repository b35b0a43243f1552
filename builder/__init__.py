"""Flintshire Micro-care Directory: validate provider profiles and build the site.

The stages, each one small module, call only downward:

    load (YAML text -> plain values + source map)
      -> validate (schema + rules -> Problems)
        -> model (validated values -> Provider objects)
          -> render (Providers -> {page path: content})
            -> mkdocs_adapter (hands the pages to MkDocs)

``cli`` is the command line; only it and the adapter do I/O or exit.
"""
