"""Build a tsunagu site with the real `mkdocs build --strict`, as a subprocess."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MKDOCS = [sys.executable, "-m", "mkdocs"]


def copy_sample_town(target: Path) -> Path:
    """A writable copy of tests/sample-town whose theme still points at this project's overrides/."""
    shutil.copytree(ROOT / "tests" / "sample-town", target)
    config = target / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("../../overrides", str(ROOT / "overrides")),
                      encoding="utf-8")
    return target


def build(config: Path, site_dir: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    # One cache for every copy a test builds: PDFs and share cards are not made again for the same input.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "TSUNAGU_CACHE": str(ROOT / ".cache")}
    result = subprocess.run(
        [*MKDOCS, "build", "--strict", "-f", str(config), "-d", str(site_dir)],
        capture_output=True, text=True, env=env, timeout=600,
    )
    if check and result.returncode != 0:
        raise AssertionError(f"mkdocs build failed ({result.returncode}):\n{result.stderr[-4000:]}")
    if check:  # every site the tests use was made by the plugin, run to the end (as scripts/build.sh checks)
        from tsunagu.publish.build_check import site_problems

        problems = site_problems(site_dir)
        assert not problems, "\n".join(problems)
    return result
