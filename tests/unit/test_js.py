"""Runs the JavaScript unit tests (node's built-in runner) as part of the one test command."""

from __future__ import annotations

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
