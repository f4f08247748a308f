"""Work beside the page build (tsunagu/background.py): results land where asked, errors reach the build."""

from __future__ import annotations

from pathlib import Path

import pytest

from tsunagu.background import Background
from tsunagu.kit import cards


def _fail(message: str) -> bytes:
    raise cards.CardError(message)


def test_card_drawn_in_a_worker_process_is_the_same_png(tmp_path: Path) -> None:
    card = cards.Card("ja", "つなぐ", "ひとりで悩まないで", "相談できる窓口の一覧", "北九州市 · example.org")
    work = Background(workers=1)
    try:
        work.write_later(cards.render, (card,), tmp_path / "site" / "card.png", tmp_path / "cache" / "c.png")
        assert not (tmp_path / "site" / "card.png").exists(), "nothing is written before drain"
        work.drain()
    finally:
        work.close()
    expected = cards.render(card)
    assert (tmp_path / "site" / "card.png").read_bytes() == expected
    assert (tmp_path / "cache" / "c.png").read_bytes() == expected


@pytest.mark.parametrize("workers", [0, 1])
def test_an_error_in_a_worker_is_raised_at_drain(tmp_path: Path, workers: int) -> None:
    work = Background(workers=workers)
    try:
        work.write_later(_fail, ("fonts missing",), tmp_path / "x.png")
        with pytest.raises(cards.CardError, match="fonts missing"):
            work.drain()
    finally:
        work.close(cancel=True)
    assert not (tmp_path / "x.png").exists()


def test_thread_hands_back_result_and_error() -> None:
    assert Background.thread(lambda: 42).result(timeout=10) == 42
    with pytest.raises(cards.CardError):
        Background.thread(lambda: _fail("no chromium")).result(timeout=10)
