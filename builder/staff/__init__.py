"""Tools for council staff, beside the pipeline: ``new`` (``scaffold``),
``report`` (``due``), ``check --changed`` (``changes``) and ``schema``
(``schema_sync``)."""
