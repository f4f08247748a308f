"""benchmarks/languages.py builds three copies of the project: (a) the full languages alone, (b) twice as many
full languages (copies of English), (c) the real site with its essentials languages. Each copy must pass the
build's checks (the essentials-aware completeness check among them) without being built; the quick mode makes
and checks all three in seconds."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from tsunagu.content.completeness import check_translations
from tsunagu.data.loader import load_site

ROOT = Path(__file__).resolve().parents[2]


def _bench() -> Any:
    spec = importlib.util.spec_from_file_location("bench_languages", ROOT / "benchmarks" / "languages.py")
    assert spec and spec.loader
    bench = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = bench  # its dataclass looks its module up there
    spec.loader.exec_module(bench)
    return bench


def _language_keys(node: Any, langs: set[str]) -> set[str]:
    """Language codes used as keys of text mappings (a mapping with a ja or en key) anywhere in ``node``."""
    if isinstance(node, dict):
        found = set().union(*(_language_keys(v, langs) for v in node.values())) if node else set()
        keys = {str(k) for k in node}
        return found | (keys & langs if keys & {"ja", "en"} else set())
    if isinstance(node, list):
        return set().union(*(_language_keys(v, langs) for v in node)) if node else set()
    return set()


def test_the_site_has_full_and_essentials_languages() -> None:
    bench = _bench()
    assert bench.FULL == ["ja", "ja-easy", "en", "zh", "ko", "vi"]
    assert bench.ESSENTIALS == ["es", "pt", "id", "tl", "ne", "th"]
    assert len(bench.EXTRA) == 6 and not set(bench.EXTRA) & set(bench.SITE)
    assert [c.key for c in bench.CONFIGS] == ["a", "b", "c"]


def test_the_six_language_copy_drops_the_essentials_languages(tmp_path: Path) -> None:
    bench = _bench()
    a = bench.CONFIGS[0]
    project = bench.make_project(tmp_path / "a", a.extra, 0, False, a.drop)
    assert bench.site_languages(project) == bench.FULL
    mkdocs_yml = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert "essentials_languages" not in mkdocs_yml and "Español" not in mkdocs_yml
    assert bench.essentials_languages(project) == []
    for lang in bench.ESSENTIALS:
        assert not list((project / "docs").rglob(f"*.{lang}.md")), lang
    texts = set().union(*(_language_keys(yaml.safe_load(p.read_text(encoding="utf-8")), set(bench.SITE))
                          for p in (project / "data").rglob("*.yml")))
    assert texts == set(bench.FULL)  # no Spanish, Nepali… text left anywhere in data/
    glossary = yaml.safe_load((project / "data" / "glossary.yml").read_text(encoding="utf-8"))
    assert glossary["japanese_names_in"] == ["en"]
    assert all(set(term[key]) <= set(bench.FULL) for term in glossary["terms"]
               for key in ("preferred", "avoid", "allow") if key in term)
    services = load_site(project, bench.FULL).services
    assert len(services) == 35 and services["yorisoi-hotline"].id == "yorisoi-hotline"  # `id` the field stays
    assert bench.check(project) == []


def test_the_twelve_full_language_copy_doubles_the_full_languages(tmp_path: Path) -> None:
    bench = _bench()
    b = bench.CONFIGS[1]
    project = bench.make_project(tmp_path / "b", b.extra, 40, False, b.drop)
    langs = bench.site_languages(project)
    assert langs == bench.FULL + bench.EXTRA and bench.essentials_languages(project) == []
    pages = {lang: len(list((project / "docs").rglob(f"*.{lang}.md"))) for lang in ("en", *bench.EXTRA)}
    assert len(set(pages.values())) == 1 and pages["en"] > 10, pages  # every copy has every page
    site = load_site(project, langs)
    assert len(site.services) == 75 and "bench-0039" in site.services  # 35 real + directory.py's 40
    for service in site.services.values():
        assert all(service.name[lang] == service.name["en"] for lang in bench.EXTRA)
        assert not set(service.name) & set(bench.ESSENTIALS)
    glossary = yaml.safe_load((project / "data" / "glossary.yml").read_text(encoding="utf-8"))
    assert glossary["japanese_names_in"] == ["en", *bench.EXTRA]
    assert bench.check(project) == []


def test_the_real_site_copy_needs_the_essentials_aware_check(tmp_path: Path) -> None:
    bench = _bench()
    c = bench.CONFIGS[2]
    project = bench.make_project(tmp_path / "c", c.extra, 0, False, c.drop)
    assert bench.site_languages(project) == bench.SITE and bench.essentials_languages(project) == bench.ESSENTIALS
    assert bench.check(project) == []
    # Counted as full languages, the essentials languages miss pages: the check that ignores them would fail.
    assert any(".es.md" in p for p in check_translations(project / "docs", "ja", bench.SITE))
    # ...and the benchmark's check finds a missing essentials page.
    (project / "docs" / "talk-now.ne.md").unlink()
    assert any("talk-now.ne.md" in p for p in bench.check(project))


def test_a_copy_with_a_language_left_half_dropped_fails_the_check(tmp_path: Path) -> None:
    bench = _bench()
    project = bench.make_project(tmp_path / "x", (), 0, False, ("th",))
    assert bench.essentials_languages(project) == ["es", "pt", "id", "tl", "ne"] and bench.check(project) == []
    (project / "docs" / "talk-now.vi.md").unlink()
    assert any("talk-now" in p and "vi" in p for p in bench.check(project))


def test_quick_mode_makes_and_checks_the_three_copies() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "languages.py"), "--quick"],
                            capture_output=True, text=True, timeout=120, cwd=ROOT,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr[-3000:] + result.stdout[-3000:]
    rows = re.findall(r"^\((a|b|c)\) .*? +([0-9]+) languages +([0-9]+) pages in docs/ +checks: 0 problem\(s\)",
                      result.stdout, re.M)
    assert [(k, int(n)) for k, n, _ in rows] == [("a", 6), ("b", 12), ("c", 12)], result.stdout
    a, b, c = (int(p) for _, _, p in rows)
    assert b == 2 * a and a < c < b  # the essentials languages have only the essentials pages
