"""The pass/fail corpus in tests/data: each case overlays files on tests/data/base and asserts the
exact messages a city editor would read. ``pytest --regen`` rewrites expected.txt after a review."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from tests.conftest import check_golden
from tsunagu.data.loader import load_site
from tsunagu.data.problems import DataError

DATA = Path(__file__).resolve().parent.parent / "data"
TODAY = dt.date(2026, 11, 26)
LANGS = ("ja", "en")


def _cases(kind: str) -> list[Path]:
    return sorted(p for p in (DATA / kind).iterdir() if p.is_dir())


def _assemble(case: Path, tmp_path: Path) -> Path:
    root = tmp_path / case.name
    shutil.copytree(DATA / "base", root)
    if (case / "data").is_dir():  # a case may change nothing (git keeps no empty folder)
        shutil.copytree(case / "data", root / "data", dirs_exist_ok=True)
    return root


def test_every_case_has_a_readme() -> None:
    for case in _cases("pass") + _cases("fail"):
        assert (case / "README.md").read_text(encoding="utf-8").strip(), case


@pytest.mark.parametrize("case", _cases("pass"), ids=lambda p: p.name)
def test_pass_case_loads(case: Path, tmp_path: Path, regen: bool) -> None:
    site = load_site(_assemble(case, tmp_path), LANGS, today=TODAY)
    assert site.services and site.surveys
    check_golden(case / "expected.txt", "".join(w + "\n" for w in site.warnings), regen)


@pytest.mark.parametrize("case", _cases("fail"), ids=lambda p: p.name)
def test_fail_case_reports_every_problem(case: Path, tmp_path: Path, regen: bool) -> None:
    with pytest.raises(DataError) as info:
        load_site(_assemble(case, tmp_path), LANGS, today=TODAY)
    check_golden(case / "expected.txt", str(info.value) + "\n", regen)
