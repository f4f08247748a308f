"""A site built without the tsunagu plugin is never published: scripts/build.sh and the check behind it
(tsunagu/publish/build_check.py), against real builds of a copy of the sample town."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.support.build import build, copy_sample_town
from tsunagu.publish import build_check


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TSUNAGU_NO_SETUP": "1", "TSUNAGU_CACHE": str(ROOT / ".cache")}
    return subprocess.run(["bash", str(ROOT / "scripts" / "build.sh"), *args], capture_output=True, text=True,
                          env=env, timeout=600, check=False)


def _without_plugin(root: Path, theme_too: bool = False) -> Path:
    """The copy's config without `- tsunagu:` (and, for a generator that ignores our plugin and the
    templates that need it, without the theme overrides)."""
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    start = text.index("  - tsunagu:")
    rest = text[start:].split("\n")[1:]
    text = text[:start] + "\n".join(line for line in rest if not line.startswith("      "))
    if theme_too:
        text = "\n".join(line for line in text.split("\n") if "custom_dir" not in line and "favicon" not in line)
    assert "tsunagu:" not in text
    config.write_text(text, encoding="utf-8")
    return config


@pytest.fixture
def town(tmp_path: Path) -> Path:
    root = copy_sample_town(tmp_path / "town")
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text("the previous site", encoding="utf-8")
    return root


def _previous_site_kept(root: Path) -> None:
    assert (root / "site" / "index.html").read_text(encoding="utf-8") == "the previous site"
    assert not list(root.glob(".site-building-*")), "the staging folder must be removed"


def test_the_real_sites_pass_the_check(built_site: Path, sample_site: Path) -> None:
    assert build_check.site_problems(built_site) == []
    assert build_check.site_problems(sample_site) == []


def test_build_script_publishes_a_site_the_plugin_made(town: Path) -> None:
    result = _run("-f", str(town / "mkdocs.yml"))
    assert result.returncode == 0, result.stderr[-3000:]
    assert "the tsunagu plugin ran" in result.stdout
    assert "Content-Security-Policy" in (town / "site" / "index.html").read_text(encoding="utf-8")
    assert not list(town.glob(".site-*")), "no staging folder left behind"


def test_build_script_stops_when_the_config_has_no_plugin(town: Path) -> None:
    result = _run("-f", str(_without_plugin(town)))
    assert result.returncode == 1
    assert "The tsunagu plugin did not run" in result.stderr
    assert "the tsunagu plugin is not in `plugins:`" in result.stderr
    _previous_site_kept(town)


def test_a_site_built_without_the_plugin_fails_the_check(town: Path, tmp_path: Path) -> None:
    # What a generator that ignores unknown plugins publishes: mkdocs itself builds it without an error.
    config = _without_plugin(town, theme_too=True)
    site = tmp_path / "plain-site"
    assert build(config, site, check=False).returncode == 0
    result = subprocess.run([sys.executable, "-m", "tsunagu.publish.build_check", "site", str(site)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[0] == f"The tsunagu plugin did not run (or not to the end) for {site}:"
    assert any(" page(s) have no Content-Security-Policy: 404.html" in line for line in lines)
    assert re.search(r"^  - \d+ page\(s\) show a macro as text instead of its content: \[\[[a-z-]+ ?[^\]]*\]\] in ",
                     result.stderr, re.M)
    assert "  - _headers is missing (the plugin writes it after the last language)" in lines
    assert "  - data/services.json is missing (the plugin writes it after the last language)" in lines
    assert "Is `- tsunagu` under `plugins:`" in lines[-1]


def test_build_publishes_nothing_when_the_built_site_fails_the_check(
        town: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The generator is given the config and skips the plugin anyway: only the site shows it.
    config = _without_plugin(town, theme_too=True)
    monkeypatch.setattr(build_check, "config_problems", lambda _config: [])
    monkeypatch.setenv("TSUNAGU_CACHE", str(ROOT / ".cache"))
    status, message = build_check.build(config)
    assert status == 1
    assert "nothing was published" in message and "have no Content-Security-Policy" in message
    _previous_site_kept(town)
