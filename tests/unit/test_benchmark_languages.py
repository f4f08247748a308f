"""benchmarks/languages.py builds a 12-language copy of the project: the copy must pass the build's checks
(every page in every language, glossary, translation facts, data in every language) without building it."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

from tsunagu.content import glossary, translation_facts
from tsunagu.content.completeness import check_translations
from tsunagu.data.loader import load_site
from tsunagu.data.strings import load_strings

ROOT = Path(__file__).resolve().parents[2]


def _bench() -> Any:
    spec = importlib.util.spec_from_file_location("bench_languages", ROOT / "benchmarks" / "languages.py")
    assert spec and spec.loader
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    return bench


def _passes_the_checks(project: Path, langs: list[str]) -> None:
    assert check_translations(project / "docs", "ja", langs) == []
    site = load_site(project, langs)
    assert len(site.services) == 60 and all(site.services["yorisoi-hotline"].name[lang] for lang in langs)
    assert set(load_strings(langs, project / "locales")) == set(langs)
    assert translation_facts.unlisted(translation_facts.check_docs(project / "docs", project, "ja", langs),
                                      translation_facts.load_known(project)) == ([], [])
    terms = glossary.load(project, langs)
    assert glossary.check(project, project / "docs", terms, langs, "ja", locales_dir=project / "locales") == []


def test_the_twelve_language_copy_passes_the_checks(tmp_path: Path) -> None:
    bench = _bench()
    assert len(bench.TWELVE) == 12 and bench.TWELVE[:6] == bench.BASE and bench.BASE[0] == "ja"
    project = bench.make_project(tmp_path / "p", bench.EXTRA, 60, kit=False)
    assert bench.site_languages(project) == bench.TWELVE
    _passes_the_checks(project, bench.TWELVE)


def test_a_site_with_twelve_languages_is_compared_with_its_first_six(tmp_path: Path) -> None:
    # As when the six wave-2 languages have landed: the twelve-language copy stands in for such a site.
    bench = _bench()
    twelve = bench.make_project(tmp_path / "twelve", bench.EXTRA, 60, kit=False)
    six = bench.make_project(tmp_path / "six", [], None, kit=False, drop=bench.TWELVE[6:], root=twelve)
    assert bench.site_languages(six) == bench.BASE
    assert not list((six / "docs").rglob(f"*.{bench.TWELVE[-1]}.md"))
    _passes_the_checks(six, bench.BASE)
    assert bench.TWELVE[-1] not in load_site(six, bench.BASE).services["yorisoi-hotline"].name
