"""Stage 1, load: read the inputs safely.

``profile`` reads one YAML profile into plain values and a source map
(``yaml_syntax`` parses, ``yaml_nodes`` builds values, ``source_map`` keeps
each value's line and column). ``vocab`` reads the data files in ``data/``;
``history`` reads what git knows about the profiles. Nothing here knows the
schema, and bad input is returned as Problems, never raised.
"""
