from __future__ import annotations

from pathlib import Path

from tests.support.docs import docs_folder
from tsunagu.content.completeness import check_translations


def test_complete_site_has_no_problem(tmp_path: Path) -> None:
    docs = docs_folder(tmp_path, ["index.md", "index.en.md", "index.ja-easy.md",
                                  "a/b.md", "a/b.en.md", "a/b.ja-easy.md"])
    assert check_translations(docs, "ja", ["ja", "ja-easy", "en"]) == []


def test_missing_translation_names_page_and_language(tmp_path: Path) -> None:
    docs = docs_folder(tmp_path, ["index.md", "index.en.md", "talk.md"])
    assert check_translations(docs, "ja", ["ja", "en"]) == [
        "docs/talk.md: no 'en' version; create docs/talk.en.md",
    ]


def test_missing_default_and_unknown_locale(tmp_path: Path) -> None:
    docs = docs_folder(tmp_path, ["talk.en.md", "talk.pt.md"])
    assert check_translations(docs, "ja", ["ja", "en"]) == [
        "docs/talk.pt.md: language 'pt' is not one of the site's languages (ja, en); "
        "add it to plugins.i18n.languages in mkdocs.yml or rename the file",
        "docs/talk.md: no 'ja' version; create docs/talk.md",
    ]
