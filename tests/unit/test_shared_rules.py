"""Rules that run in Python and in JavaScript, each tested from one table in tests/data/ (the node twin,
tests/js/rules.test.cjs, runs the same tables on overrides/assets/tsunagu/*.js). Open-now has its own pair
(test_opening.py, tests/js/opening.test.cjs)."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from selfcheck import evaluate
from selfcheck.matching import ages_overlap, area_fits
from selfcheck.scoring import group_for
from tests.conftest import ROOT
from tests.unit.test_selfcheck import BUNDLES
from tsunagu.directory.rules import AGE_BANDS
from tsunagu.pages import fragments, ruby


def _table(name: str) -> dict[str, Any]:
    table: dict[str, Any] = json.loads((ROOT / "tests" / "data" / name).read_text(encoding="utf-8"))
    return table


AGES = _table("age-cases.json")
AREAS = _table("area-cases.json")
RUBY = _table("ruby-cases.json")
SELFCHECK = _table("selfcheck-cases.json")


def test_the_age_table_uses_the_sites_bands() -> None:
    assert AGES["bands"] == {band.id: [band.low, band.high] for band in AGE_BANDS}


@pytest.mark.parametrize(("ages", "band", "expected"), AGES["cases"], ids=str)
def test_ages_overlap(ages: list[int | None], band: str, expected: bool) -> None:
    assert ages_overlap(ages, AGES["bands"][band]) is expected


@pytest.mark.parametrize(("area", "chosen", "expected"), AREAS["cases"], ids=str)
def test_area_fits(area: str, chosen: str | None, expected: bool) -> None:
    assert area_fits(area, chosen, AREAS["specific_areas"]) is expected


@pytest.mark.parametrize(("text", "html", "plain"), RUBY["cases"], ids=str)
def test_ruby_notation(text: str, html: str, plain: str) -> None:
    assert fragments.text(text) == html
    assert ruby.strip(text) == plain


def _bundle() -> dict[str, Any]:
    """A real bundle with the table's scale and direct question (texts filled in)."""
    bundle = copy.deepcopy(BUNDLES["ja"])
    bundle["scale"] = {**SELFCHECK["scale"], "groups": [{**g, "label": g["id"], "message": ""}
                                                        for g in SELFCHECK["scale"]["groups"]]}
    bundle["direct"] = {"options": [{**o, "label": o["id"]} for o in SELFCHECK["direct"]["options"]]}
    bundle["urgent_topic"] = SELFCHECK["urgent_topic"]
    return bundle


def test_the_selfcheck_table_uses_the_sites_scale() -> None:
    real = BUNDLES["ja"]
    assert SELFCHECK["urgent_topic"] == real["urgent_topic"]
    assert SELFCHECK["scale"]["options"] == [{"score": o["score"]} for o in real["scale"]["options"]]
    assert SELFCHECK["scale"]["items"] == [{"id": i["id"]} for i in real["scale"]["items"]]
    assert SELFCHECK["scale"]["groups"] == [{k: g[k] for k in ("id", "min", "max")} for g in real["scale"]["groups"]]
    assert SELFCHECK["direct"]["options"] == [{k: o[k] for k in ("id", "survey_category")}
                                              for o in real["direct"]["options"]]


@pytest.mark.parametrize("case", SELFCHECK["cases"], ids=lambda c: json.dumps(c["answers"], ensure_ascii=False))
def test_selfcheck_answers(case: dict[str, Any]) -> None:
    result = evaluate(_bundle(), case["answers"])
    if "missing" in case:
        assert not result["complete"] and result["missing"] == case["missing"]
    else:
        assert result["complete"]
        assert (result["score"], result["group"], result["urgent_first"]) == (
            case["score"], case["group"], case["urgent_first"])


@pytest.mark.parametrize(("score", "group"), SELFCHECK["groups"], ids=str)
def test_score_groups(score: int, group: str | None) -> None:
    if group is None:
        with pytest.raises(ValueError, match=f"score {score} falls in 0 groups"):
            group_for(_bundle(), score)
    else:
        assert group_for(_bundle(), score)["id"] == group


def test_every_shared_table_is_run_by_pytest_and_by_node() -> None:
    tables = sorted(p.name for p in (ROOT / "tests" / "data").glob("*-cases.json"))
    assert len(tables) == 7, tables  # hours, ages, areas, ruby, self-check, schedule, finder
    js = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests" / "js").glob("*.test.cjs"))
    py = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests" / "unit").glob("test_*.py"))
    for name in tables:
        assert f'"{name}"' in js and f'"{name}"' in py, f"{name} must be read by tests/js/ and tests/unit/"
        assert _table(name)["_about"], name
