"""Checks of the selfcheck package that run unchanged on CPython (pytest) and inside real Pyodide
(tests/pyodide/run.mjs): plain functions over a bundle, no pytest, no third-party imports.

They are exhaustive where the space is small: every set of answers to the three items and the direct
question is tried (4 x 4 x 4 x 5 = 320), then every optional answer alone and in odd shapes.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping
from typing import Any

from selfcheck import evaluate
from selfcheck.matching import LIMIT, rank

NOW = "2026-11-26T10:00"


def _answers(bundle: Mapping[str, Any], scores: tuple[int, ...], direct: str) -> dict[str, Any]:
    items = bundle["scale"]["items"]
    return {"items": {item["id"]: s for item, s in zip(items, scores, strict=True)}, "direct": direct}


def check_every_answer_set_gives_one_result(bundle: Mapping[str, Any]) -> None:
    scores = [o["score"] for o in bundle["scale"]["options"]]
    directs = [o["id"] for o in bundle["direct"]["options"]]
    seen_groups = set()
    for combo in itertools.product(scores, repeat=len(bundle["scale"]["items"])):
        for direct in directs:
            r = evaluate(bundle, _answers(bundle, combo, direct), NOW)
            assert r["complete"] is True, (combo, direct)
            assert r["score"] == sum(combo)
            groups = [g for g in bundle["scale"]["groups"] if g["min"] <= r["score"] <= g["max"]]
            assert len(groups) == 1 and groups[0]["id"] == r["group"], (combo, groups)
            seen_groups.add(r["group"])
            assert all(r["texts"][k] for k in ("score", "group", "message", "national_lonely", "not_diagnosis",
                                               "urgent"))
            assert [e["id"] for e in r["crisis"]] == [i for i in bundle["crisis"] if i in bundle["services"]]
            assert r["urgent"] and r["urgent_first"] is False
            _check_urgent_lines(bundle, [e["id"] for e in r["urgent"]])
            assert len(r["matches"]) <= LIMIT
    assert seen_groups == {g["id"] for g in bundle["scale"]["groups"]}


def check_missing_answers_are_named_never_raised(bundle: Mapping[str, Any]) -> None:
    items = bundle["scale"]["items"]
    direct = bundle["direct"]["options"][0]["id"]
    n = len(items) + 1
    for mask in itertools.product((True, False), repeat=n):
        answers: dict[str, Any] = {"items": {it["id"]: 2 for it, keep in zip(items, mask, strict=False) if keep}}
        if mask[-1]:
            answers["direct"] = direct
        r = evaluate(bundle, answers, NOW)
        expected = [i + 1 for i, keep in enumerate(mask) if not keep]
        if expected:
            assert r == {"complete": False, "missing": expected, "message": r["message"]}, (mask, r)
            assert r["message"]
        else:
            assert r["complete"] is True
    for odd in ({}, {"items": None}, {"items": {items[0]["id"]: 9}}, {"items": {items[0]["id"]: "4"}},
                {"items": {items[0]["id"]: True}}, {"direct": "sometimes-ish"}):
        assert evaluate(bundle, odd, NOW)["complete"] is False


def check_optional_answers_never_fail(bundle: Mapping[str, Any]) -> None:
    base = _answers(bundle, tuple(3 for _ in bundle["scale"]["items"]), bundle["direct"]["options"][3]["id"])
    variants: list[dict[str, Any]] = [{}]
    for key, values in bundle["choices"].items():
        for value in values:
            variants.append({key: [value] if key in ("topics", "methods") else value})
        variants.append({key: "not-a-choice"})
        variants.append({key: ["not-a-choice", None, 3]})
        variants.append({key: None})
    variants.append({k: (v if k in ("topics", "methods") else v[0]) for k, v in bundle["choices"].items()})
    for extra in variants:
        r = evaluate(bundle, {**base, **extra}, NOW)
        assert r["complete"] is True, extra
        assert len(r["matches"]) <= LIMIT
        assert all(isinstance(e["open_now"], bool | None) for e in r["matches"] + r["crisis"])


def check_age_and_youth_lines(bundle: Mapping[str, Any]) -> None:
    base = _answers(bundle, (4, 4, 4), bundle["direct"]["options"][-1]["id"])
    teen = evaluate(bundle, {**base, "age": "teens"}, NOW)
    band = bundle["bands"]["teens"]
    for entry in teen["matches"] + teen["youth"]:
        low, high = bundle["services"][entry["id"]]["ages"]
        assert (low or 0) <= band[1] and band[0] <= (high if high is not None else 120), entry
    if any(s["ages"][1] is not None and s["ages"][1] <= 18 and s["methods"] for s in bundle["services"].values()):
        assert teen["youth"] or any(bundle["services"][e["id"]]["ages"][1] for e in teen["matches"])
    adult = evaluate(bundle, {**base, "age": "adults"}, NOW)
    assert adult["youth"] == []


def check_topics_come_first(bundle: Mapping[str, Any]) -> None:
    base = _answers(bundle, (2, 2, 2), bundle["direct"]["options"][1]["id"])
    for topic in bundle["choices"]["topics"]:
        r = evaluate(bundle, {**base, "topics": [topic]}, NOW)
        if r["matches"]:
            assert topic in bundle["services"][r["matches"][0]["id"]]["topics"], (topic, r["matches"][0])


def _check_urgent_lines(bundle: Mapping[str, Any], ids: list[str]) -> None:
    """The lines under the urgent paragraph: open 24 hours (``always``), for any age, not one ward's."""
    for i in ids:
        s = bundle["services"][i]
        assert any(h.get("always") for h in s["hours"]), (i, s["hours"])
        assert s["ages"] == [None, None] and s["area"] not in bundle["specific_areas"], i
    assert len(set(ids)) == len(ids)


def check_urgent_topic_leads_whatever_the_score(bundle: Mapping[str, Any]) -> None:
    topic = bundle["urgent_topic"]
    assert topic in bundle["choices"]["topics"]
    direct = bundle["direct"]["options"][0]["id"]
    n = len(bundle["scale"]["items"])
    for score in (1, 2, 3, 4):  # totals 3, 6, 9, 12: every group
        for topics in ([topic], [topic, "loneliness"], ["loneliness", topic]):
            r = evaluate(bundle, {**_answers(bundle, (score,) * n, direct), "topics": topics}, NOW)
            assert r["urgent_first"] is True and r["urgent"] and r["texts"]["urgent"], (score, topics)
            shown = [e["id"] for e in r["urgent"]]
            _check_urgent_lines(bundle, shown)
            # Listed once: nothing under the urgent paragraph comes back in the other lists.
            assert not set(shown) & {e["id"] for k in ("matches", "places", "youth") for e in r[k]}
        other = evaluate(bundle, {**_answers(bundle, (score,) * n, direct), "topics": ["loneliness"]}, NOW)
        assert other["urgent_first"] is False and other["urgent"] == r["urgent"]


def check_with_nothing_known_only_what_suits_anyone(bundle: Mapping[str, Any]) -> None:
    """No optional answer: no age-limited line, no single ward's office, no specialised service; the list does
    not depend on translated names (the static result pages list the same ids in every language)."""
    ranked = rank(bundle, {}, None)
    assert ranked["matches"], "a result with nothing known still suggests somewhere to turn"
    for i in ranked["matches"] + ranked["places"]:
        s = bundle["services"][i]
        assert s["ages"] == [None, None], i
        assert s["area"] not in bundle["specific_areas"], i
        assert not set(s["topics"]) & set(bundle["specialised_topics"]), i
    renamed = {**bundle, "services": {i: {**s, "name": "".join(reversed(s["name"])) + i[::-1]}
                                      for i, s in bundle["services"].items()}}
    assert rank(renamed, {}, None) == ranked
    assert rank(renamed, {"topics": ["loneliness"]}, None) == rank(bundle, {"topics": ["loneliness"]}, None)
    # A given answer opens what it fits: a ward's office with that ward, a specialised topic when chosen.
    ward = bundle["choices"]["area"][0]
    with_ward = rank(bundle, {"area": ward}, None)
    assert all(bundle["services"][i]["area"] == ward or bundle["services"][i]["area"] not in bundle["specific_areas"]
               for i in with_ward["matches"] + with_ward["places"])
    for topic in bundle["specialised_topics"]:
        if topic in bundle["choices"]["topics"]:
            chosen = rank(bundle, {"topics": [topic]}, None)
            for i in chosen["matches"]:
                special = set(bundle["services"][i]["topics"]) & set(bundle["specialised_topics"])
                assert not special or topic in special, (topic, i)


CHECKS: list[Callable[[Mapping[str, Any]], None]] = [
    check_every_answer_set_gives_one_result,
    check_missing_answers_are_named_never_raised,
    check_optional_answers_never_fail,
    check_age_and_youth_lines,
    check_topics_come_first,
    check_urgent_topic_leads_whatever_the_score,
    check_with_nothing_known_only_what_suits_anyone,
]
