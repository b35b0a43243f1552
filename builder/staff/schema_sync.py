"""Keep the schema's lists of areas and services in step with data/.

The schema is the single source of truth for the builder and for editors;
the vocabularies are data another council can change. After changing
``data/areas.yml`` or ``data/services.yml``, ``.venv/bin/microcare schema``
copies their ids into the schema's ``enum`` lists, so that VS Code offers
the new ids as staff type. A test fails while the two disagree.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from builder.load.vocab import Vocabulary
from builder.paths import SCHEMA_PATH


def with_vocabulary(schema: dict[str, Any], vocab: Vocabulary) -> dict[str, Any]:
    """A copy of ``schema`` whose area and service lists are those in ``vocab``.

    Each list's ``maxItems`` follows its ids: a list of different ids can be
    no longer, and the bound keeps checking a hostile list quick.
    """
    updated = copy.deepcopy(schema)
    properties = updated["properties"]
    for field, ids in (("areas", vocab.area_ids), ("services", vocab.service_ids)):
        properties[field]["items"]["enum"] = list(ids)
        properties[field]["maxItems"] = len(ids)
    return updated


def dumps(schema: dict[str, Any]) -> str:
    """The schema file's text, formatted as committed."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def current_text() -> str:
    return SCHEMA_PATH.read_text(encoding="utf-8")


def expected_text(vocab: Vocabulary) -> str:
    return dumps(with_vocabulary(json.loads(current_text()), vocab))
