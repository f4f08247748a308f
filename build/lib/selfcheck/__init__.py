"""Anonymous loneliness self-check: pure Python, no dependencies, no I/O.

The same code runs on CPython (tests, and the build that makes the static result pages) and in the
browser in Pyodide. Everything it needs arrives as plain data (a "bundle" made at build time for
one language: the instrument's texts, national figures, a directory snapshot, holidays).

- ``selfcheck.result.evaluate(bundle, answers, now)`` — the entry point;
- ``selfcheck.scoring`` — score, group, national comparison;
- ``selfcheck.matching`` — a short, ranked list of services;
- ``selfcheck.opening`` — is a line open now (Japan time).
"""

from selfcheck.result import evaluate

__all__ = ["evaluate"]
