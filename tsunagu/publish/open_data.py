"""The directory as open data: JSON (everything, every language) and CSV (HSDS-like, one row per contact)."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict
from typing import Any

from tsunagu.data.model import Service, Site
from tsunagu.data.strings import Strings
from tsunagu.pages import ruby
from tsunagu.pages.hours import describe, hours_json

CSV_COLUMNS = (
    "service_id", "organization_name", "service_name", "contact_type", "contact_value", "status",
    "schedule_description", "fees", "languages", "service_area", "topics", "min_age", "max_age",
    "source_title", "source_url", "last_verified_on",
)
"""Column names follow Open Referral HSDS where one exists (service_area, last_verified_on, fees)."""
# The JSON's key order is part of its published format; the model's order is the order problems are reported in.
SERVICE_KEYS = ("id", "organisation", "name", "description", "topics", "area", "contacts", "short_name", "url",
                "url_source", "min_age", "max_age")
CONTACT_KEYS = ("type", "value", "status", "source", "checked", "label", "hours", "fee", "note", "if_busy",
                "languages")
SOURCE_KEYS = ("title", "url", "kind", "as_of", "well_known")


def services_json(site: Site, translation: dict[str, Any] | None = None) -> str:
    """Every service with every field and language; unverified contacts carry no value. ``translation``:
    per service id, whether its texts in each language were reviewed (``translation_status``)."""
    services = [_service(sv) for sv in site.services.values()]
    if translation is not None:
        for sv, raw in zip(site.services.values(), services, strict=True):
            raw["translation_status"] = translation.get(sv.id, {})
    return json.dumps({"updated": site.updated.isoformat(), "languages": list(site.languages),
                       "services": services},
                      ensure_ascii=False, indent=1)


def services_csv(site: Site, lang: str, s: Strings) -> str:
    """One row per contact point, texts in ``lang`` (the default language), ruby notation removed."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for sv in site.services.values():
        for c in sv.contacts:
            writer.writerow([
                sv.id, ruby.strip(sv.organisation[lang]), ruby.strip(sv.name[lang]), c.type,
                ruby.strip(c.value) if c.verified else "", c.status,
                " / ".join(describe(c.hours, s)) if c.verified else "", c.fee, " ".join(c.languages), sv.area,
                " ".join(sv.topics), "" if sv.min_age is None else sv.min_age,
                "" if sv.max_age is None else sv.max_age,
                c.source.title if c.source else "", c.source.url if c.source else "",
                c.checked.isoformat() if c.checked else "",
            ])
    return out.getvalue()


def _service(sv: Service) -> dict[str, Any]:
    data = _ordered(asdict(sv), SERVICE_KEYS)
    data["languages"] = list(sv.languages)  # a property: what some confirmed line speaks
    if data["url_source"]:
        data["url_source"] = _ordered(data["url_source"], SOURCE_KEYS)
    contacts = data["contacts"] = [_ordered(raw, CONTACT_KEYS) for raw in data["contacts"]]
    for contact, raw in zip(sv.contacts, contacts, strict=True):
        raw["hours"] = hours_json(contact.hours)
        raw["checked"] = contact.checked.isoformat() if contact.checked else None
        if raw["source"]:
            raw["source"] = _ordered(raw["source"], SOURCE_KEYS)
        if not contact.verified:
            raw["value"] = ""
    plain: dict[str, Any] = _plain(data)
    return plain


UNPUBLISHED = ("file", "superseded")
"""Where a record came from, and old numbers (recorded for editors, never published)."""


def _ordered(raw: dict[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    """``keys`` first, then any field added to the model since (published too, at the end)."""
    return {k: raw[k] for k in (*keys, *(k for k in raw if k not in keys)) if k not in UNPUBLISHED}


def _plain(node: Any) -> Any:
    """Texts as plain text; where one carried furigana notation (｜法人《ほうじん》), its reading goes beside it
    under ``<key>_reading`` (``name`` → ``name_reading: {"ja-easy": ...}``), so reusers need no parser."""
    if isinstance(node, (list, tuple)):  # asdict keeps the model's tuples
        return [_plain(x) for x in node]
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if isinstance(value, str) and ruby.strip(value) != value:
            out[key], out[f"{key}_reading"] = ruby.strip(value), ruby.reading(value)
        elif isinstance(value, dict) and value and all(isinstance(v, str) for v in value.values()):
            out[key] = {lang: ruby.strip(v) for lang, v in value.items()}
            readings = {lang: ruby.reading(v) for lang, v in value.items() if ruby.strip(v) != v}
            if readings:
                out[f"{key}_reading"] = readings
        else:
            out[key] = _plain(value)
    return out
