"""Anonymous loneliness self-check: pure Python, no dependencies, no I/O.

Filled by the self-check issue; it runs on CPython in tests and in the browser in Pyodide.
"""
