"""Work that runs beside the page build, so a cold build (empty ``.cache/``) is not the sum of its parts.

Share cards are drawn in worker processes while MkDocs renders the next pages; Pyodide's brotli copies
are compressed there from the start; PDFs are printed by Chromium in a thread (Chromium does the work,
the thread waits). Results are the same bytes the serial code made: the same functions run, only elsewhere.
A build waits for what it needs at the point it needs it, and a failure there is raised in the build.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


def _workers() -> int:
    """One worker per core, at most 4 (cards are small; more processes only cost memory)."""
    wanted = os.environ.get("TSUNAGU_WORKERS")
    if wanted:
        return max(0, int(wanted))
    return max(1, min(4, os.cpu_count() or 1))


class Background:
    """A process pool for CPU work and threads for waiting work; 0 workers runs everything in place."""

    def __init__(self, workers: int | None = None) -> None:
        self.workers = _workers() if workers is None else workers
        self._pool: ProcessPoolExecutor | None = None
        self._pending: list[tuple[Future[bytes], tuple[Path, ...]]] = []

    def submit(self, fn: Callable[..., T], *args: Any) -> Future[T]:
        """Run ``fn(*args)`` in a worker process (``fn`` and its arguments must be picklable)."""
        if self.workers == 0:
            return _done(fn, *args)
        if self._pool is None:
            # spawn, not fork: the build may already run a Playwright thread, and forking a process with
            # threads can copy a held lock into the child.
            self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=_leave_with_build, initargs=(os.getpid(),))
        return self._pool.submit(fn, *args)

    def write_later(self, fn: Callable[..., bytes], args: tuple[Any, ...], *targets: Path) -> None:
        """Compute bytes in a worker and write them to every target when :meth:`drain` is called."""
        self._pending.append((self.submit(fn, *args), targets))

    def drain(self) -> None:
        """Write every result computed so far (waiting for those still running); re-raises a worker's error."""
        pending, self._pending = self._pending, []
        for future, targets in pending:
            data = future.result()
            for target in targets:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)

    @staticmethod
    def thread(fn: Callable[[], T]) -> Future[T]:
        """Run ``fn()`` in a daemon thread (for work done by another program, such as Chromium)."""
        future: Future[T] = Future()

        def run() -> None:
            if not future.set_running_or_notify_cancel():
                return
            try:
                future.set_result(fn())
            except BaseException as e:  # handed to whoever waits for the result
                future.set_exception(e)

        threading.Thread(target=run, name="tsunagu-background", daemon=True).start()
        return future

    def close(self, cancel: bool = False) -> None:
        if cancel:
            self._pending = []
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=cancel)
            self._pool = None


def _leave_with_build(build_pid: int) -> None:
    """In each worker: exit when the build is gone. A build killed with SIGKILL (a CI timeout, an editor's
    Stop button) cannot shut its pool down, and a worker half-way through a brotli copy would run on."""
    def watch() -> None:
        while os.getppid() == build_pid:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, name="tsunagu-leave-with-build", daemon=True).start()


def _done(fn: Callable[..., T], *args: Any) -> Future[T]:
    future: Future[T] = Future()
    try:
        future.set_result(fn(*args))
    except Exception as e:
        future.set_exception(e)
    return future
