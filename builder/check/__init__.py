"""Stage 2, check: the schema and the rules, and how their Problems are worded.

``validate`` checks files: the schema (``schema``, worded for staff by
``schema_messages``), then the rules a schema cannot say (``rules``, the
registry, with ``contact``, ``freshness``, ``language_codes`` and
``placeholders``), then the rules across files (``file_rules``). ``report``
is the one place that turns Problems into text.
"""
