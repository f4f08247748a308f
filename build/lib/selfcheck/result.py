"""The one entry point the browser calls: answers in, a result to show out. Pure function, no I/O."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from selfcheck import matching, scoring

OPTIONAL_LISTS = ("topics", "methods")
OPTIONAL_VALUES = ("age", "language", "area")


def clean_preferences(bundle: Mapping[str, Any], answers: Mapping[str, Any]) -> dict[str, Any]:
    """Optional answers, with anything unknown dropped: a skipped or odd answer never fails."""
    allowed = bundle["choices"]
    prefs: dict[str, Any] = {}
    for key in OPTIONAL_VALUES:
        value = answers.get(key)
        if isinstance(value, str) and value in allowed[key]:
            prefs[key] = value
    for key in OPTIONAL_LISTS:
        values = answers.get(key)
        if isinstance(values, list | tuple):
            prefs[key] = [v for v in values if isinstance(v, str) and v in allowed[key]]
    return prefs


def evaluate(bundle: Mapping[str, Any], answers: Mapping[str, Any], now: str | None = None) -> dict[str, Any]:
    """Score, group, compare and match. ``now`` is an ISO time in Japan time, or None.

    Returns ``{"complete": False, "missing": [...], "message": ...}`` when required answers are
    missing, else the full result with texts in the bundle's language. ``urgent`` (the lines open 24 hours,
    under ``texts.urgent``) is in every result; ``urgent_first`` is true when the person ticked the urgent
    topic (thoughts of dying): then the page starts with it, whatever the score.
    """
    t = bundle["texts"]
    scores, missing = scoring.item_scores(bundle, answers)
    direct = scoring.direct_option(bundle, answers.get("direct"))
    if direct is None:
        missing.append(len(bundle["scale"]["items"]) + 1)
    if missing:
        numbers = ", ".join(t["question_n"].format(n=n) for n in missing)
        return {"complete": False, "missing": missing, "message": t["missing"].format(questions=numbers)}
    assert direct is not None
    score = sum(scores)
    group = scoring.group_for(bundle, score)
    group_template = t["group"] if bundle["groups_confirmed"] else t["group_own"]
    share = scoring.national_share(bundle, direct)
    year = bundle["national"]["year"]
    when = _parse_time(now)
    prefs = clean_preferences(bundle, answers)
    ranked = matching.rank(bundle, prefs, when)
    entries = {name: [_entry(bundle, i, when) for i in ids] for name, ids in ranked.items()}
    return {
        "complete": True,
        "score": score,
        "group": group["id"],
        "urgent_first": bundle["urgent_topic"] in prefs.get("topics", ()),
        "texts": {
            "score": t["your_score"].format(score=score),
            "group": group_template.format(label=group["label"]),
            "message": group["message"],
            "national_same": "" if share is None else t["national_same"].format(
                answer=direct["label"], percent=f"{share:g}", year=year),
            "national_lonely": t["national_lonely"].format(n=scoring.lonely_in_ten(bundle), year=year),
            "feeling_vs_situation": t["feeling_vs_situation"],
            "not_diagnosis": t["not_diagnosis"],
            "urgent": t["urgent"],
        },
        **entries,
    }


def _entry(bundle: Mapping[str, Any], service_id: str, when: dt.datetime | None) -> dict[str, Any]:
    service = bundle["services"][service_id]
    return {"id": service_id, "open_now": matching.open_now(service, when, bundle["holidays"])}


def _parse_time(now: str | None) -> dt.datetime | None:
    if not now:
        return None
    try:
        return dt.datetime.fromisoformat(now).replace(tzinfo=None)
    except ValueError:
        return None
