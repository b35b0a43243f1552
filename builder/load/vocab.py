"""The directory's data files: communities, services and settings.

These live in ``data/`` so that another council can reuse the directory by
changing data, not code. They are written by developers, not staff, so a
broken data file is a bug and raises an ordinary exception.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from builder.paths import DATA_DIR

LANGUAGES = ("en", "cy")


@dataclass(frozen=True)
class Bilingual:
    """A piece of project text in English and Welsh."""

    en: str
    cy: str

    def get(self, lang: str) -> str:
        return self.cy if lang == "cy" else self.en


@dataclass(frozen=True)
class Community:
    """One of the county's communities, with the villages people know it by."""

    id: str
    name: Bilingual
    villages: tuple[Bilingual, ...]
    welsh_checked: bool


@dataclass(frozen=True)
class Service:
    """One service a provider can offer."""

    id: str
    label: Bilingual
    group: str


@dataclass(frozen=True)
class ServiceGroup:
    """A heading that services are listed under."""

    id: str
    label: Bilingual
    services: tuple[Service, ...]


@dataclass(frozen=True)
class Vocabulary:
    """Everything in ``data/``: the lists a profile's ids must come from, and settings."""

    all_areas_id: str
    all_areas_name: Bilingual
    communities: tuple[Community, ...]
    groups: tuple[ServiceGroup, ...]
    settings: dict[str, Any]

    @property
    def services(self) -> tuple[Service, ...]:
        return tuple(s for g in self.groups for s in g.services)

    @property
    def area_ids(self) -> tuple[str, ...]:
        return (self.all_areas_id, *(c.id for c in self.communities))

    @property
    def service_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.services)

    def community(self, area_id: str) -> Community:
        return next(c for c in self.communities if c.id == area_id)

    def service(self, service_id: str) -> Service:
        return next(s for s in self.services if s.id == service_id)

    def text(self, key: str) -> Bilingual:
        """A bilingual setting such as ``council`` or ``links.assessment``."""
        value: Any = self.settings
        for part in key.split("."):
            value = value[part]
        return _bilingual(value)


def _bilingual(raw: dict[str, str]) -> Bilingual:
    return Bilingual(en=raw["en"], cy=raw.get("cy", raw["en"]))


def _read(path: Path) -> Any:
    with path.open(encoding="utf-8") as f:
        return yaml.safe_load(f)


@cache
def load_vocabulary(data_dir: Path = DATA_DIR) -> Vocabulary:
    """Read ``areas.yml``, ``services.yml`` and ``directory.yml`` from ``data_dir``."""
    areas = _read(data_dir / "areas.yml")
    services = _read(data_dir / "services.yml")
    communities = tuple(
        Community(
            id=c["id"],
            name=_bilingual(c),
            villages=tuple(_bilingual(v) for v in c.get("villages", [])),
            welsh_checked=bool(c.get("welsh_checked", False)),
        )
        for c in areas["communities"]
    )
    groups = tuple(
        ServiceGroup(
            id=g["id"],
            label=_bilingual(g),
            services=tuple(
                Service(id=s["id"], label=_bilingual(s), group=g["id"]) for s in g["services"]
            ),
        )
        for g in services["groups"]
    )
    return Vocabulary(
        all_areas_id=areas["all_id"],
        all_areas_name=_bilingual(areas["all_name"]),
        communities=communities,
        groups=groups,
        settings=_read(data_dir / "directory.yml"),
    )
