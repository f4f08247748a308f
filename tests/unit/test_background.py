"""Work beside the page build (tsunagu/background.py): results land where asked, errors reach the build."""

from __future__ import annotations

from pathlib import Path

import pytest

from tsunagu.background import Background
from tsunagu.kit import cards, qr, sharekit
from tsunagu.kit.share import SharedPage, lang_prefix, page_path


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


def test_qr_codes_made_in_a_worker_are_the_ones_written_without_it(tmp_path: Path) -> None:
    pages = [SharedPage(lang, src, lang_prefix(lang, "ja") + page_path(src))
             for lang in ("ja", "en") for src in ("index.md", "talk-now.md", "services/childline.md")]
    site_url = "https://city.example/"
    cache = tmp_path / "cache"
    urls = sharekit.qr_codes_to_make(site_url, pages, cache)
    assert len(urls) == 6
    work = Background(workers=1)
    try:
        work.submit(sharekit.make_qr_codes, urls[:4], cache).result(timeout=60)
        work.submit(sharekit.make_qr_codes, urls[4:], cache).result(timeout=60)
    finally:
        work.close()
    assert sharekit.qr_codes_to_make(site_url, pages, cache) == []
    assert not list(cache.glob("*.part"))
    sharekit.write_qr_codes(tmp_path / "from-cache", site_url, pages, cache)
    sharekit.write_qr_codes(tmp_path / "in-place", site_url, pages, None)  # the serial way, no cache
    made = sorted(p.relative_to(tmp_path / "in-place") for p in (tmp_path / "in-place").rglob("*.*"))
    assert len(made) == 12
    for rel in made:
        assert (tmp_path / "from-cache" / rel).read_bytes() == (tmp_path / "in-place" / rel).read_bytes(), rel
    assert qr.svg_and_png(urls[0]) == (qr.svg(urls[0]), qr.png(urls[0]))


_KILLED_BUILD = """
import sys, time
from tsunagu.background import Background
work = Background(workers=1)
# busy in its worker (as a brotli copy would be): writes its pid, then works on for a minute
work.submit(exec, "import os, time; open(%r, 'w').write(str(os.getpid())); time.sleep(60)" % sys.argv[1])
time.sleep(60)
"""


def test_workers_leave_when_the_build_is_killed(tmp_path: Path) -> None:
    """A build killed with SIGKILL cannot shut its pool down: its workers notice and exit within seconds
    (they used to run on, a brotli copy taking half a minute of CPU)."""
    import os
    import signal
    import subprocess
    import sys
    import time

    pid_file = tmp_path / "worker.pid"
    build = subprocess.Popen([sys.executable, "-c", _KILLED_BUILD, str(pid_file)])
    try:
        deadline = time.monotonic() + 30
        while not (pid_file.exists() and pid_file.read_text()) and time.monotonic() < deadline:
            time.sleep(0.1)
        worker = int(pid_file.read_text())
        os.kill(worker, 0)  # alive while the build is
        build.send_signal(signal.SIGKILL)
        build.wait(10)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                os.kill(worker, 0)
            except ProcessLookupError:
                return
            time.sleep(0.2)
        os.kill(worker, signal.SIGKILL)
        raise AssertionError(f"worker {worker} still running 10 s after its build was killed")
    finally:
        build.kill()
