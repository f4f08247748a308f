"""The finder's result order, in Python. The page runs the same rule in JavaScript (``rank`` in
overrides/assets/tsunagu/finder.js); both are tested with tests/data/finder-cases.json, so they cannot drift.

Input is the page's JSON (``finder_json``): services with their confirmed lines, the choices' topics, the age
bands and the crisis strip. The result is a list of line keys ``"service-id:index"``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from typing import Any

from selfcheck.matching import ages_overlap
from selfcheck.opening import line_matches, state_at

STATE_ORDER = {"open": 0, "opens_at": 1, "holiday": 2, "unknown": 3, "closed_today": 4}
"""Open now first, then "opens at …" (earliest first), then "may be closed today", hours not known, closed."""
TYPES = ("phone", "chat", "visit")
YOUNG = ("children", "teens")
YOUTH_TOPICS = ("children", "youth")


def rank(data: Mapping[str, Any], prefs: Mapping[str, str], when: dt.datetime,
         holidays: Collection[str]) -> list[str]:
    """Line keys for one reader's (optional) answers: the crisis strip's lines first when the choice is
    urgent, then up to ``data["limit"]`` fitting lines ordered by their state now, chat first for under-20s,
    then how well the service fits; ties by id (never by a translated name: every language agrees)."""
    services: Mapping[str, Mapping[str, Any]] = data["services"]
    choice = data["choices"].get(prefs.get("about") or "")
    topics = set(choice["topics"]) if choice else set()
    kids = data["mode"] == "kids"
    age = "" if kids else prefs.get("age") or ""
    band = data["kids_ages"] if kids else data["bands"].get(age)
    young = kids or age in YOUNG
    language, how = prefs.get("language") or "", prefs.get("how") or ""

    top: list[str] = []
    if choice and choice["urgent"]:
        lines = [(sid, line) for sid in data["crisis"] for line in services[sid]["lines"] if line["type"] in TYPES]
        # The way of contact chosen first, then chat for under-20s; otherwise the strip's order (stable sort).
        lines.sort(key=lambda x: (bool(how) and x[1]["type"] != how, young and x[1]["type"] != "chat"))
        top = [f"{sid}:{line['i']}" for sid, line in lines]
    on_top = {key.split(":")[0] for key in top}
    found: list[tuple[tuple[int, int, int, int, str, int], str]] = []
    for sid in sorted(services):
        s = services[sid]
        if sid in on_top or "emergency" in s["topics"] or s["area"] in data["specific_areas"]:
            continue
        if topics and not topics & set(s["topics"]):
            continue
        if band and not ages_overlap(s["ages"], band):
            continue
        if not band and s["ages"] != [None, None]:  # without an age, only lines for any age
            continue
        # A line made for this age (an age limit that fits, or a youth topic for under-20s) fits better.
        score = (len(topics & set(s["topics"])) + (2 if young and set(YOUTH_TOPICS) & set(s["topics"]) else 0)
                 + (1 if band and s["ages"] != [None, None] else 0))
        for line in s["lines"]:
            if line["type"] not in TYPES or not line_matches(line, language, how):
                continue
            state, time = state_at(line["hours"], when, holidays)
            opens = int(time[:2]) * 60 + int(time[3:]) if time else 0
            key = (STATE_ORDER[state], 1 if young and line["type"] != "chat" else 0, opens, -score, sid, line["i"])
            found.append((key, f"{sid}:{line['i']}"))
    found.sort()
    return top + [key for _, key in found[: data["limit"]]]
