"""Stage 3, model: plain objects for validated providers, and the directory.

``providers`` holds one provider's dataclasses; ``directory`` the listed
providers, the finder's search rule and ``build_directory``, where drafts
are left out.
"""

from builder.model.directory import Directory, Search, build_directory, sort_key
from builder.model.providers import (
    DIRECT_PAYMENTS,
    TAKING_NEW_CLIENTS,
    TIMES,
    WELSH,
    Availability,
    Checks,
    Contact,
    Phone,
    Photo,
    Prices,
    Provider,
    Text,
)

__all__ = [
    "DIRECT_PAYMENTS",
    "TAKING_NEW_CLIENTS",
    "TIMES",
    "WELSH",
    "Availability",
    "Checks",
    "Contact",
    "Directory",
    "Phone",
    "Photo",
    "Prices",
    "Provider",
    "Search",
    "Text",
    "build_directory",
    "sort_key",
]
