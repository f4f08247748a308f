"""Every page of every language is valid HTML: the W3C Nu HTML checker (npm vnu-jar, run with Java)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from tests.conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_nu_html_checker_reports_no_error_on_any_page(built_site: Path) -> None:
    java = shutil.which("java")
    assert java and VNU.is_file(), "scripts/setup.sh --test installs Java and vnu-jar"
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 400
    result = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html",
                             str(built_site)], capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    errors = [f"{m.get('url', '').split(str(built_site))[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages]
    assert errors == [], f"{len(errors)} error(s), e.g.:\n" + "\n".join(errors[:20])
    assert result.returncode == 0
