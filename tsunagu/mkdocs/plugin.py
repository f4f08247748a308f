"""MkDocs plugin: translates MkDocs events into calls on the generator-neutral :class:`tsunagu.build.Build`
and its errors into ``PluginError``. Nothing else lives here.

mkdocs-static-i18n runs the whole build once per language from its ``on_post_build``, so every event
here runs once per language; ``Build`` keeps what must happen once (loading, the kit after the last
language).
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from tsunagu.build import Build, BuildError, Settings, data_log
from tsunagu.build import Page as BuildPage
from tsunagu.content import macros
from tsunagu.mkdocs import i18n_files
from tsunagu.mkdocs.config import TsunaguConfig

T = TypeVar("T")


class TsunaguPlugin(BasePlugin[TsunaguConfig]):  # type: ignore[no-untyped-call]
    def __init__(self) -> None:
        self.command = ""
        self.build: Build | None = None
        self.failed = False
        self.nav: Any = None
        self.templates = _CompiledTemplates()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command
        _show_data_warnings()

    @event_priority(100)  # before static-i18n, so its per-language site_dir derives from ours
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.build is None:  # the first of the per-language builds: load and check everything once
            i18n_files.install(config.plugins.get("i18n"))  # its file map, linear in files (see i18n_files.py)
            self.build = Build(self._settings(config), get_relative_url)
            _run(self.build.prepare)
            site_dir = Path(config.site_dir)
            # `mkdocs serve` builds into its own temp folder: leave it alone.
            in_tmp = site_dir.parent == Path(tempfile.gettempdir()) and site_dir.name.startswith("mkdocs_")
            if self.command == "build" and self.config.atomic_build and not in_tmp:
                config.site_dir = str(self.build.stage(site_dir))
        return config

    @event_priority(-150)  # after static-i18n chose this language's files, before MkDocs reads the nav
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        # The nav config is shared by every language's build: keep the original and give each its own.
        if self.nav is None:
            self.nav = config.nav
        config.nav = _run(lambda: self._build().nav(self.nav, _lang(config)))
        return files

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        build = self._build()
        return _run(lambda: build.page_markdown(markdown, self._page(page, config)))

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        build = self._build()
        return _run(lambda: build.page_html(html, self._page(page, config)))

    def on_page_context(  # type: ignore[override]
        self, context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any
    ) -> dict[str, Any]:
        context["tg"] = self._build().context(_lang(config), page.url, page.file.src_uri)
        return context

    def on_template_context(  # type: ignore[override]
        self, context: dict[str, Any], template_name: str, config: MkDocsConfig
    ) -> dict[str, Any]:
        context["tg"] = self._build().context(_lang(config))
        return context

    def on_env(self, env: Any, config: MkDocsConfig, files: Files) -> Any:
        env.filters.update(self._build().template_filters())
        env.bytecode_cache = self.templates  # compiled once, not once per language (about 0.4 s a language)
        return env

    @event_priority(-300)  # after every other plugin changed the page
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        build = self._build()
        title = page.title or config.site_name
        # static-i18n gives each language its own site_description: read it at the page, not at on_config
        description = str(page.meta.get("description") or config.site_description or "")
        return _run(lambda: build.page_output(output, self._page(page, config), Path(config.site_dir),
                                              title, description, page.canonical_url or ""))

    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        return self._build().template_output(output_content, template_name)

    @event_priority(100)  # before static-i18n starts the next language
    def on_post_build(self, config: MkDocsConfig) -> None:
        build = self._build()
        _run(lambda: build.language_done(_lang(config), Path(config.site_dir)))

    def on_build_error(self, *, error: Exception) -> None:
        self.failed = True
        if self.build is not None:
            self.build.fail()

    def on_shutdown(self) -> None:
        if self.build is not None and not self.failed:
            self.build.finish()

    # Translation helpers ------------------------------------------------------------------------

    def _build(self) -> Build:
        if self.build is None:
            raise PluginError("tsunagu: on_config did not run before the pages")
        return self.build

    def _settings(self, config: MkDocsConfig) -> Settings:
        default, languages = _i18n_languages(config)
        root = Path(config.config_file_path).parent
        names = {lang: _site_name(config, lang) for lang in languages}
        return Settings(
            root=root, docs_dir=Path(config.docs_dir), languages=languages, default=default,
            site_name=str(config.site_name), site_names=names, site_url=config.site_url or "",
            description=str(config.site_description or ""), data_dir=self.config.data_dir,
            furigana_locales=list(self.config.furigana_locales), wasm_pages=list(self.config.wasm_pages),
            talk_now_page=self.config.talk_now_page, privacy_page=self.config.privacy_page,
            offline_pages=list(self.config.offline_pages), preview=self.command == "serve",
            template_dir=Path(config.theme.custom_dir or root / "overrides") / "print",
            essentials_languages=list(self.config.essentials_languages),
            essentials_pages=list(self.config.essentials_pages),
            essentials_fallback=list(self.config.essentials_fallback),
            language_names=_language_names(config),
        )

    def _page(self, page: Page, config: MkDocsConfig) -> BuildPage:
        return BuildPage(lang=_lang(config), src=page.file.src_uri, url=page.url,
                         source_label=_source(page, config), meta=dict(page.meta))


class _CompiledTemplates(jinja2.BytecodeCache):
    """Jinja's compiled templates kept in memory across static-i18n's per-language builds. Each build makes
    a new environment; Jinja checks the template's source checksum before it uses a compiled one."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


def _run(call: Callable[[], T]) -> T:
    try:
        return call()
    except (BuildError, macros.MacroError) as e:
        raise PluginError(str(e)) from None


def _show_data_warnings() -> None:
    """Stale-data warnings go to their own logger: shown on every build, but not counted by --strict."""
    if not data_log.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("WARNING -  %(message)s"))
        data_log.addHandler(handler)
        data_log.propagate = False


def _lang(config: MkDocsConfig) -> str:
    i18n = config.plugins.get("i18n")
    return str(getattr(i18n, "current_language", None) or config.theme.get("language", "en"))


def _i18n_languages(config: MkDocsConfig) -> tuple[str, list[str]]:
    """The site's languages come from static-i18n's settings: one list, in mkdocs.yml."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        raise PluginError("tsunagu needs the i18n plugin (mkdocs-static-i18n) in mkdocs.yml")
    langs = [lang.locale for lang in i18n.config.languages]
    default = next((lang.locale for lang in i18n.config.languages if lang.default), langs[0])
    return default, langs


def _language_names(config: MkDocsConfig) -> dict[str, str]:
    i18n = config.plugins.get("i18n")
    return {str(lang.locale): str(lang.name or lang.locale)
            for lang in (getattr(i18n, "config", {}).get("languages", []) if i18n else [])}


def _site_name(config: MkDocsConfig, lang: str) -> str:
    i18n = config.plugins.get("i18n")
    for language in getattr(i18n, "config", {}).get("languages", []) if i18n else []:
        if language.locale == lang and language.site_name:
            return str(language.site_name)
    return str(config.site_name)  # on_config runs before static-i18n renames the site per language


def _source(page: Page, config: MkDocsConfig) -> str:
    """The Markdown file an editor opens, e.g. docs/talk-now.en.md (static-i18n renames src_uri)."""
    path = Path(page.file.abs_src_path or page.file.src_uri)
    try:
        return "docs/" + path.relative_to(Path(config.docs_dir).resolve()).as_posix()
    except ValueError:
        return "docs/" + page.file.src_uri
