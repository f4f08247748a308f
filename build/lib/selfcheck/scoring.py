"""Score the UCLA 3-item scale, find its group, and place the direct answer next to national figures."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any


def item_scores(bundle: Mapping[str, Any], answers: Mapping[str, Any]) -> tuple[list[int], list[int]]:
    """(scores of answered items, 1-based numbers of unanswered or invalid items)."""
    valid = {option["score"] for option in bundle["scale"]["options"]}
    given = answers.get("items") or {}
    scores, missing = [], []
    for number, item in enumerate(bundle["scale"]["items"], start=1):
        value = given.get(item["id"]) if isinstance(given, Mapping) else None
        if isinstance(value, int) and not isinstance(value, bool) and value in valid:
            scores.append(value)
        else:
            missing.append(number)
    return scores, missing


def group_for(bundle: Mapping[str, Any], score: int) -> Mapping[str, Any]:
    """The one group whose [min, max] holds ``score``."""
    matches: list[Mapping[str, Any]] = [g for g in bundle["scale"]["groups"] if g["min"] <= score <= g["max"]]
    if len(matches) != 1:
        raise ValueError(f"score {score} falls in {len(matches)} groups; the groups must not overlap or leave gaps")
    return matches[0]


def direct_option(bundle: Mapping[str, Any], answer: object) -> Mapping[str, Any] | None:
    return next((o for o in bundle["direct"]["options"] if o["id"] == answer), None)


def national_share(bundle: Mapping[str, Any], option: Mapping[str, Any]) -> float | None:
    """Percent of people nationally who gave the same direct answer (latest year in the data)."""
    values: Sequence[float | None] = bundle["national"]["values"]
    share: float | None = values[option["survey_category"]]
    return share


def lonely_in_ten(bundle: Mapping[str, Any]) -> int:
    """People in ten who feel lonely at least occasionally (the first three answer categories)."""
    values = bundle["national"]["values"]
    share: float = sum(v for v in values[:3] if v is not None)
    return round(share / 10)
