"""Runs the JavaScript unit tests (node's built-in runner) as part of the one test command."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

from tests.conftest import ROOT


def test_javascript_unit_tests_pass() -> None:
    node = shutil.which("node")
    assert node, "Node.js is required (it is on the machine and installed by scripts/setup.sh)"
    result = subprocess.run([node, "--test", str(ROOT / "tests" / "js")], capture_output=True, text=True,
                            timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout and "# pass " in result.stdout
    # Every row of every shared table ran (a file node did not find would pass silently).
    rows = 0
    for table in (ROOT / "tests" / "data").glob("*-cases.json"):
        data = json.loads(table.read_text(encoding="utf-8"))
        rows += sum(len(v) for k, v in data.items() if k in ("cases", "states", "groups"))
    passed = int(re.search(r"^# pass (\d+)$", result.stdout, re.M).group(1))  # type: ignore[union-attr]
    assert passed >= rows, (passed, rows)
