"""tsunagu/mkdocs/i18n_files.py gives static-i18n the same file map as its own method, for every language,
with fewer File objects: compared file by file on the site's pages and on a folder with every kind of name."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File, get_files
from mkdocs_static_i18n import suffix
from mkdocs_static_i18n.reconfigure import ExtendedPlugin

from tests.conftest import ROOT
from tsunagu.mkdocs import i18n_files

KINDS = ["index.md", "index.en.md", "index.zh.md", "talk-now.md", "talk-now.en.md", "talk-now.ja-easy.md",
         "only-default.md", "services/a.md", "services/a.en.md", "services/a.ko.md", "services/b.md",
         "topics/index.md", "topics/index.vi.md", "img/logo.png", "img/logo.en.png", "img/map.svg",
         "data.en.json", "notes.fr.md", "guide/README.md", "guide/README.ko.md"]


def _snapshot(file: Any) -> tuple[Any, ...]:
    fields = ("src_uri", "dest_uri", "url", "abs_dest_path", "name", "locale", "localization", "norm_src_uri",
              "locale_alternate_of")
    own = tuple(getattr(file, f, None) for f in fields)
    alternates = tuple(sorted((lang, tuple(getattr(alt, f, None) for f in fields))
                              for lang, alt in getattr(file, "alternates", {}).items()))
    return own, alternates


def _config(docs: Path, tmp_path: Path) -> Any:
    config = load_config(str(ROOT / "mkdocs.yml"), docs_dir=str(docs), site_dir=str(tmp_path / "site"))
    config.plugins.run_event("startup", command="build", dirty=False)
    return config


def _compare(config: Any) -> int:
    """Both methods for every language, the fast one on one plugin instance kept across languages (as in a
    build); returns how many files were compared."""
    i18n = config.plugins["i18n"]
    assert i18n_files.install(i18n)
    compared = 0
    for lang in i18n.build_languages:
        i18n.current_language = lang
        theirs = ExtendedPlugin.reconfigure_files(i18n, get_files(config), config)
        ours = i18n.reconfigure_files(get_files(config), config)
        assert [_snapshot(f) for f in ours] == [_snapshot(f) for f in theirs], lang
        assert type(ours) is type(theirs)
        compared += len(theirs)
    return compared


def test_the_file_map_is_static_i18ns_own_for_every_kind_of_name(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    for name in KINDS:
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text("# x\n", encoding="utf-8")
    assert _compare(_config(docs, tmp_path)) == 19  # no fallback: a language builds its own files only


def test_the_file_map_is_static_i18ns_own_for_the_sites_pages(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)  # with the generated pages of the last build, if any
    config = _config(docs, tmp_path)
    assert _compare(config) >= 6 * len(list((ROOT / "docs").glob("*.ja-easy.md")))


def test_alternates_are_made_once_per_build_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = tmp_path / "docs"
    for name in KINDS:
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text("# x\n", encoding="utf-8")
    config = _config(docs, tmp_path)
    i18n = config.plugins["i18n"]
    made = []
    original = suffix.create_i18n_file

    def counted(file: File, *args: Any) -> File:
        made.append(file.src_uri)
        return original(file, *args)

    monkeypatch.setattr(suffix, "create_i18n_file", counted)
    assert i18n_files.install(i18n)
    per_build = []
    for lang in i18n.build_languages:
        i18n.current_language = lang
        before = len(made)
        i18n.reconfigure_files(get_files(config), config)
        per_build.append(len(made) - before)
    pages = len({f.replace(".en.", ".").replace(".zh.", ".") for f in KINDS})  # an upper bound per language
    # After the first build only the language's own files (and alternates not made yet) are new objects.
    assert max(per_build[1:]) < per_build[0] and sum(per_build) < 2 * len(KINDS) + len(i18n.build_languages) * pages


def test_other_settings_keep_static_i18ns_method(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# x\n", encoding="utf-8")
    i18n = _config(docs, tmp_path).plugins["i18n"]
    i18n.config.fallback_to_default = True
    assert not i18n_files.install(i18n)
    assert i18n.reconfigure_files.__func__ is ExtendedPlugin.reconfigure_files
