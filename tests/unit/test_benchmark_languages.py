"""benchmarks/languages.py builds a 12-language copy of the project: the copy must pass the build's checks
(every page in every language, glossary, translation facts, data in every language) without building it."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from tsunagu.content import glossary, translation_facts
from tsunagu.content.completeness import check_translations
from tsunagu.data.loader import load_site
from tsunagu.data.strings import load_strings

ROOT = Path(__file__).resolve().parents[2]


def test_the_twelve_language_copy_passes_the_checks(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("bench_languages", ROOT / "benchmarks" / "languages.py")
    assert spec and spec.loader
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    project = bench.make_project(tmp_path / "p", bench.EXTRA, 60, kit=False)
    langs = [*bench.BASE, *bench.EXTRA]
    assert "- locale: nl" in (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert check_translations(project / "docs", "ja", langs) == []
    site = load_site(project, langs)
    assert len(site.services) == 60 and site.services["yorisoi-hotline"].name["nl"]
    assert set(load_strings(langs, project / "locales")) == set(langs)
    assert translation_facts.unlisted(translation_facts.check_docs(project / "docs", project, "ja", langs),
                                      translation_facts.load_known(project)) == ([], [])
    terms = glossary.load(project, langs)
    assert glossary.check(project, project / "docs", terms, langs, "ja", locales_dir=project / "locales") == []
