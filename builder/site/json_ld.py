"""schema.org JSON-LD for a provider's page, so search engines know it is a local care business.

schema.org has no type for care at home (``MedicalBusiness`` would claim a
regulation most micro-carers do not have), so a provider is a
``LocalBusiness`` that serves its communities (``areaServed``, and no
address: carers visit people at home) and offers its services
(``makesOffer``). ``availableLanguage`` belongs to a ``ContactPoint``, and
the business itself ``knowsLanguage``. Text is in the page's language.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from builder.model import Provider
from builder.site import escape, urls
from builder.site.format import Formatter


def provider_json_ld(p: Provider, f: Formatter, site_url: str = "") -> Markup:
    """The text of ``<script type="application/ld+json">`` on ``p``'s page in ``f.lang``.

    It is script-safe (``escape.script_json``): no provider text can end the script.
    """
    page = urls.absolute(site_url, urls.provider(p.slug))
    areas = [f.vocab.all_areas_id] if p.covers_all else f.areas_sorted(p)
    languages = [
        {"@type": "Language", "name": f.language_name(code), "alternateName": code}
        for code in p.languages
    ]
    contact: dict[str, Any] = {
        "@type": "ContactPoint",
        "contactType": f.gettext("Enquiries"),
        "availableLanguage": languages,
    }
    business: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "LocalBusiness",
        "name": p.name,
        "description": p.summary.get(f.lang)[0],
        "areaServed": [{"@type": "AdministrativeArea", "name": f.area_name(a)} for a in areas],
        "knowsLanguage": languages,
        "makesOffer": [
            {"@type": "Offer", "itemOffered": {"@type": "Service", "name": f.service_name(s)}}
            for s in p.services
        ],
        "priceRange": f.gettext("%(price)s an hour") % {"price": f.money(p.prices.hourly_rate)},
        "paymentAccepted": ", ".join(f.label(way) for way in p.funding),
        "contactPoint": contact,
    }
    if p.trading_name:
        business["alternateName"] = p.trading_name
    if page:
        business["@id"] = page + "#business"
        business["url"] = page
    if p.contact.website:
        business["sameAs" if page else "url"] = p.contact.website
    if p.contact.phone:
        business["telephone"] = contact["telephone"] = p.contact.phone.tel
    if p.contact.email:
        business["email"] = contact["email"] = p.contact.email
    return escape.script_json(business)
