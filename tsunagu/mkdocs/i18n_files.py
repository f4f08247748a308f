"""mkdocs-static-i18n's file map, made in time linear in the site's files.

static-i18n rebuilds the whole site once per language, and each time its ``reconfigure_files`` makes a new
``File`` for every file of every language (to read the language from the name) and, for every page and
every language, one for each translation it tries until the right one: per build about files × languages
objects, so the whole build grows with files × languages². With 12 languages and 1,000 services that is
hundreds of thousands of ``File`` objects, most thrown away at once.

:func:`install` replaces the method on the plugin instance with :func:`reconfigure_files`, which takes the
same decisions in the same order but reads a file's language from a table made once per source file, makes
new ``File`` objects only for the pages the language builds (MkDocs writes into those), and makes each
translation's alternate (a ``File`` only read for its ``url`` by the language menu and the sitemap) once
per build process. The output is the same: ``tests/unit/test_i18n_files.py`` compares both maps file by
file. Only the settings this site uses are taken over (suffix structure, no fallback to the default
language, static-i18n 1.x); with others the plugin keeps its own method.
"""

from __future__ import annotations

import logging
import types
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

try:  # the plugin is a dependency of the site, not of tsunagu's generator-neutral code
    from mkdocs_static_i18n import is_relative_to, suffix
except ImportError:  # pragma: no cover - without static-i18n there is nothing to replace
    suffix = None

log = logging.getLogger("mkdocs.plugins.mkdocs_static_i18n.reconfigure")

@dataclass(frozen=True)
class _Name:
    """What static-i18n reads from a source file's name (independent of the language being built)."""

    locale: str
    localization: str | None
    norm_src_uri: str
    is_page: bool


class _Tables:
    """Kept on the plugin instance between its per-language builds."""

    def __init__(self) -> None:
        self.names: dict[tuple[str, ...], _Name] = {}
        self.alternates: dict[tuple[str, ...], File] = {}


def install(i18n: Any) -> bool:
    """Replace ``i18n.reconfigure_files`` on this instance when its settings are the ones handled here."""
    if suffix is None or not hasattr(i18n, "reconfigure_files") or not hasattr(i18n, "reconfigure_files_alternates"):
        return False
    if i18n.config.docs_structure != "suffix" or i18n.config.fallback_to_default is not False:
        return False
    if not isinstance(getattr(i18n, "_tsunagu_tables", None), _Tables):
        i18n._tsunagu_tables = _Tables()
        i18n.reconfigure_files = types.MethodType(reconfigure_files, i18n)
    return True


def reconfigure_files(self: Any, files: Files, mkdocs_config: MkDocsConfig) -> Files:
    """static-i18n's ``ExtendedPlugin.reconfigure_files`` (1.3, suffix structure, no fallback), linear."""
    tables: _Tables = self._tsunagu_tables
    current, default, languages = self.current_language, self.default_language, self.all_languages
    settings = (mkdocs_config.docs_dir, mkdocs_config.site_dir, str(mkdocs_config.use_directory_urls),
                default, *languages)

    def name_of(file: File) -> _Name:
        key = (file.src_uri, file.dest_uri, str(file.inclusion), *settings)
        known = tables.names.get(key)
        if known is None:  # the language made no difference to these fields: read them once
            probe = suffix.create_i18n_file(file, current, default, languages, mkdocs_config)
            known = tables.names[key] = _Name(probe.locale, probe.localization, probe.norm_src_uri,
                                              probe.is_documentation_page())
        return known

    i18n_files: Files = suffix.I18nFiles(self, [])
    chosen: dict[str, tuple[File, _Name]] = {}
    others: defaultdict[str, dict[str, File]] = defaultdict(dict)
    """Pages not built in this language: normalised source -> locale -> the first file in that locale."""
    for file in files:
        if is_relative_to(file.abs_src_path, mkdocs_config.docs_dir):
            name = name_of(file)
            seen = chosen.get(name.norm_src_uri)
            if name.is_page:
                if seen is None:
                    if name.locale == current:
                        chosen[name.norm_src_uri] = (file, name)
                    else:
                        others[name.norm_src_uri].setdefault(name.locale, file)
                elif name.locale == current:
                    if len(self.build_languages) > 1 and name.localization is not None \
                            and seen[1].locale == name.locale:
                        raise Exception(
                            f"Conflicting files for the default language '{default}': "
                            f"choose either '{name.norm_src_uri}' or "
                            f"'{seen[0].src_uri}' but not both"
                        )
                    chosen[name.norm_src_uri] = (file, name)
                else:
                    others[name.norm_src_uri].setdefault(name.locale, file)
            elif (seen is None and name.locale == current) or (seen is not None and name.localization == current):
                chosen[name.norm_src_uri] = (file, name)
        elif not file.is_documentation_page():
            i18n_files.append(file)
        else:
            log.warning(f"Unhandled file case - {file.src_uri}")

    built: dict[str, Any] = {}  # static-i18n adds .alternates, .locale to its Files
    for norm, (file, _) in chosen.items():  # MkDocs renders and writes these: new objects every build
        built[norm] = suffix.create_i18n_file(file, current, default, languages, mkdocs_config)
        i18n_files.append(built[norm])

    for build_lang in sorted(self.build_languages):
        for norm, i18n_file in built.items():
            if build_lang in i18n_file.alternates:
                continue
            alternate = others.get(norm, {}).get(build_lang)
            if alternate is not None:
                key = (alternate.src_uri, alternate.dest_uri, str(alternate.inclusion), build_lang, *settings)
                made = tables.alternates.get(key)
                if made is None:
                    made = tables.alternates[key] = suffix.create_i18n_file(
                        alternate, build_lang, default, languages, mkdocs_config)
                i18n_file.alternates[build_lang] = made
    return i18n_files
