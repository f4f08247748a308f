"""schema.org JSON-LD for a service page (only confirmed contact points are published)."""

from __future__ import annotations

import json
from typing import Any

from tsunagu import ruby
from tsunagu.model import WEEKDAYS, Hours, Service, Site

DAY_URIS = dict(zip(WEEKDAYS, ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
                    strict=True))


def service_jsonld(service: Service, site: Site, lang: str, page_url: str = "") -> str:
    """A ``<script type="application/ld+json">`` element for the page of ``service`` in ``lang``."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Service",
        "name": ruby.strip(service.name[lang]),
        "description": ruby.strip(service.description[lang]),
        "provider": {"@type": "Organization", "name": ruby.strip(service.organisation[lang])},
        "areaServed": _area(service, site, lang),
        "availableLanguage": [code for code in service.languages if code != "many"],
    }
    if service.url:
        data["provider"]["url"] = service.url
    if page_url:
        data["url"] = page_url
    channels = [_channel(c.type, c.value, c.hours) for c in service.contacts if c.verified]
    if channels:
        data["availableChannel"] = channels
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f'<script type="application/ld+json">{text}</script>'


def _area(service: Service, site: Site, lang: str) -> str:
    if service.area == "national":
        return "JP"
    if service.area == "prefecture":
        return ruby.strip(site.prefecture[lang])
    return ruby.strip(site.areas[service.area][lang])


def _channel(kind: str, value: str, hours: Hours) -> dict[str, Any]:
    channel: dict[str, Any] = {"@type": "ServiceChannel"}
    if kind == "phone":
        channel["servicePhone"] = {"@type": "ContactPoint", "telephone": value,
                                   "hoursAvailable": _opening(hours)}
    elif kind in ("chat", "web"):
        channel["serviceUrl"] = value
    elif kind == "visit":
        channel["serviceLocation"] = {"@type": "Place", "address": ruby.strip(value)}
    elif kind == "email":
        channel["servicePhone"] = {"@type": "ContactPoint", "email": value}
    return channel


def _opening(hours: Hours) -> list[dict[str, Any]]:
    if hours.always:
        return [{"@type": "OpeningHoursSpecification", "dayOfWeek": list(DAY_URIS.values()),
                 "opens": "00:00", "closes": "23:59"}]
    return [{"@type": "OpeningHoursSpecification", "dayOfWeek": [DAY_URIS[d] for d in w.days],
             "opens": w.opens, "closes": w.closes} for w in hours.weekly]
