"""Expected files are written only on request (``pytest --regen``): a missing one is a failure."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import check_golden


def test_a_missing_expected_file_fails_and_names_the_flag(tmp_path: Path) -> None:
    path = tmp_path / "expected.txt"
    with pytest.raises(pytest.fail.Exception, match=r"expected\.txt is missing: run pytest with --regen"):
        check_golden(path, "output\n", regen=False)
    assert not path.exists(), "without --regen nothing is written"


def test_regen_writes_the_expected_file_then_compares(tmp_path: Path) -> None:
    path = tmp_path / "expected.txt"
    check_golden(path, "output\n", regen=True)
    assert path.read_text(encoding="utf-8") == "output\n"


def test_a_different_output_fails_without_regen(tmp_path: Path) -> None:
    path = tmp_path / "expected.txt"
    path.write_text("before\n", encoding="utf-8")
    with pytest.raises(AssertionError):
        check_golden(path, "after\n", regen=False)
    assert path.read_text(encoding="utf-8") == "before\n"

