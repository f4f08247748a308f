"""Rank directory services for one person's optional answers: a short list, not everything."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from typing import Any

from selfcheck.opening import is_open

LIMIT = 5
PLACES_LIMIT = 2
YOUTH_LIMIT = 3
OLDEST = 120
"""The highest age a service's limit may name (the loader's range): "no upper limit" reaches it."""


def ages_overlap(ages: Sequence[int | None], band: Sequence[int]) -> bool:
    """A service's ages ``[min, max]`` (None: no limit) overlap an age band ``[low, high]``. The directory
    (tsunagu.directory) and its filter (``overlaps`` in directory.js) use the same rule:
    tests/data/age-cases.json."""
    low = ages[0] if ages[0] is not None else 0
    high = ages[1] if ages[1] is not None else OLDEST
    return low <= band[1] and band[0] <= high


def area_fits(area: str, chosen: str | None, specific_areas: Collection[str]) -> bool:
    """With a ward chosen, a service for another ward does not fit; one for the whole area, the prefecture or
    Japan does. The same as ``inArea`` in directory.js: tests/data/area-cases.json."""
    return not chosen or area == chosen or area not in specific_areas


def open_now(service: Mapping[str, Any], when: dt.datetime | None, holidays: Collection[str]) -> bool | None:
    """True if any confirmed phone or chat line is open at ``when``; None when not known or no time given."""
    if when is None:
        return None
    results = [is_open(h, when, holidays) for h in service["hours"]]
    if any(r is True for r in results):
        return True
    return False if any(r is False for r in results) else None


def always_open(service: Mapping[str, Any]) -> bool:
    """True if a confirmed phone or chat line of the service is open 24 hours (``always: true``)."""
    return any(h.get("always") for h in service["hours"])


def for_anyone(service: Mapping[str, Any]) -> bool:
    """No age limit: a line anyone can call."""
    return service["ages"][0] is None and service["ages"][1] is None


def urgent(bundle: Mapping[str, Any]) -> list[str]:
    """The lines open 24 hours for someone thinking of dying or hurt: the crisis strip's (in its order), then
    those on the urgent topic; no age limit, not one ward's. The same for every answer, so also on paper."""
    services: Mapping[str, Mapping[str, Any]] = bundle["services"]
    topic = bundle["urgent_topic"]
    ids = [i for i in bundle["crisis"] if i in services]
    ids += sorted(i for i, s in services.items() if topic in s["topics"] and i not in ids)
    return [i for i in ids if always_open(services[i]) and for_anyone(services[i])
            and services[i]["area"] not in bundle["specific_areas"]]


def _suits_unknown(service: Mapping[str, Any], prefs: Mapping[str, Any], bundle: Mapping[str, Any]) -> bool:
    """With an answer not known, only what suits anyone: no age limit without an age, no single ward's office
    without a ward, no specialised service unless its topic (or one an age band or a language implies) is chosen."""
    age = prefs.get("age")
    if not age and not for_anyone(service):
        return False
    if not prefs.get("area") and service["area"] in bundle["specific_areas"]:
        return False
    chosen = set(prefs.get("topics") or ()) | set(bundle["band_topics"].get(age, ()) if age else ())
    if prefs.get("language") and prefs["language"] != "ja":
        chosen.add("foreign-residents")
    special = set(service["topics"]) & set(bundle["specialised_topics"])
    return not special or bool(special & chosen)


def _fits(service: Mapping[str, Any], prefs: Mapping[str, Any], bands: Mapping[str, Sequence[int]],
          specific_areas: Collection[str]) -> bool:
    if not service["methods"]:
        return False
    age = prefs.get("age")
    if isinstance(age, str) and age in bands and not ages_overlap(service["ages"], bands[age]):
        return False
    return area_fits(service["area"], prefs.get("area"), specific_areas)


def _score(service: Mapping[str, Any], prefs: Mapping[str, Any]) -> int:
    topics = set(prefs.get("topics") or ())
    score = 3 * len(topics & set(service["topics"]))
    if not topics and {"loneliness", "general"} & set(service["topics"]):
        score += 1
    if prefs.get("age") and (service["ages"][0] is not None or service["ages"][1] is not None):
        score += 2  # an age limit that fits: a line made for people of this age
    language = prefs.get("language")
    if language and language != "ja":
        served = language in service["languages"] or "many" in service["languages"]
        score += 2 if served else -3
    if set(prefs.get("methods") or ()) & set(service["methods"]):
        score += 1
    if prefs.get("area") and service["area"] == prefs["area"]:
        score += 1
    return score


def rank(bundle: Mapping[str, Any], prefs: Mapping[str, Any], when: dt.datetime | None) -> dict[str, list[str]]:
    """Service ids for the result: ``matches`` (short list), ``places``, ``youth``, ``crisis`` and ``urgent``
    (both always). Ties are broken by id, never by a translated name: every language lists the same services."""
    services: Mapping[str, Mapping[str, Any]] = bundle["services"]
    crisis = [i for i in bundle["crisis"] if i in services]
    holidays = bundle["holidays"]
    urgent_ids = urgent(bundle)  # listed under the urgent paragraph on every result: not again below
    candidates = [i for i, s in services.items()
                  if i not in crisis and i not in urgent_ids and "emergency" not in s["topics"]
                  and _fits(s, prefs, bundle["bands"], bundle["specific_areas"])
                  and _suits_unknown(s, prefs, bundle)]

    def key(i: str) -> tuple[int, int, str]:
        opened = open_now(services[i], when, holidays)
        return (-_score(services[i], prefs), 0 if opened else 1, i)

    ordered = sorted(candidates, key=key)
    matches = [i for i in ordered if _score(services[i], prefs) > 0][:LIMIT]
    # Without a ward, a place for one ward is no answer: prefer places open to the whole area.
    places = [i for i in ordered if "community" in services[i]["topics"] and i not in matches
              and (prefs.get("area") or services[i]["area"] not in bundle["specific_areas"])][:PLACES_LIMIT]
    youth: list[str] = []
    if prefs.get("age") in ("children", "teens"):
        youth = [i for i in ordered if services[i]["ages"][1] is not None and services[i]["ages"][1] <= 18
                 and i not in matches][:YOUTH_LIMIT]
    return {"matches": matches, "places": places, "youth": youth, "crisis": crisis, "urgent": urgent_ids}
