"""What the site should show, computed straight from the YAML files.

Deliberately independent of builder.model: the tests compare what the built
site and the browser show with this plain reading of the profiles, so a bug
in the model cannot hide itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PROVIDERS = ROOT / "providers"


@dataclass(frozen=True)
class Profile:
    slug: str
    name: str
    published: bool
    withdrawn: bool
    areas: frozenset[str]
    services: frozenset[str]
    status: str
    languages: frozenset[str]
    funding: frozenset[str]
    phone: str | None
    email: str | None
    hourly_rate: str  # as written in the profile: "22.50"
    confirmed: str  # when availability was last confirmed: "2026-10-12"


@cache
def profiles(folder: Path = PROVIDERS) -> tuple[Profile, ...]:
    out = []
    for path in sorted(folder.glob("*.yml")):
        d = yaml.safe_load(path.read_text(encoding="utf-8"))
        out.append(
            Profile(
                slug=path.stem,
                name=d["name"],
                published=d["published"] is True,
                withdrawn="withdrawn" in d,
                areas=frozenset(d["areas"]),
                services=frozenset(d["services"]),
                status=d["availability"]["status"],
                languages=frozenset(d["languages"]),
                funding=frozenset(d["funding"]),
                phone=d["contact"].get("phone"),
                email=d["contact"].get("email"),
                hourly_rate=f"{float(d['prices']['hourly_rate']):.2f}",
                confirmed=str(d["availability"]["confirmed"]),
            )
        )
    return tuple(out)


def published() -> list[Profile]:
    """The providers families can find: published and not withdrawn."""
    return [p for p in profiles() if p.published and not p.withdrawn]


def drafts() -> list[Profile]:
    return [p for p in profiles() if not p.published]


def withdrawn() -> list[Profile]:
    """Providers listed once: only their old address remains."""
    return [p for p in profiles() if p.published and p.withdrawn]


def matching(
    area: str | None = None,
    services: tuple[str, ...] = (),
    taking_new_clients: bool = False,
    welsh: bool = False,
    direct_payments: bool = False,
) -> set[str]:
    """Slugs of the published providers a finder search should return."""
    return {
        p.slug
        for p in published()
        if (area is None or area in p.areas or "all-flintshire" in p.areas)
        and set(services) <= p.services
        and (not taking_new_clients or p.status == "taking-new-clients")
        and (not welsh or "cy" in p.languages)
        and (not direct_payments or "direct-payments" in p.funding)
    }


def tel_href(phone: str) -> str:
    """The tel: link a UK number written "01632 960001" should have."""
    digits = phone.replace(" ", "")
    assert digits.startswith("0"), phone
    return "tel:+44" + digits[1:]


def community_ids() -> list[str]:
    data = yaml.safe_load((ROOT / "data" / "areas.yml").read_text(encoding="utf-8"))
    return [c["id"] for c in data["communities"]]


def service_ids() -> list[str]:
    data = yaml.safe_load((ROOT / "data" / "services.yml").read_text(encoding="utf-8"))
    return [s["id"] for g in data["groups"] for s in g["services"]]
