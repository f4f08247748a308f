"""MkDocs plugin: a thin adapter that calls tsunagu's plain functions at the right events.

mkdocs-static-i18n runs the whole build once per language from its ``on_post_build``, so every
event here runs once per language and must be idempotent.
"""

from __future__ import annotations

import logging
import os
import re
import tempfile
import time
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from tsunagu import (
    cards,
    csp,
    directory,
    forbidden,
    fragments,
    hosting,
    jsonld,
    kit,
    offline,
    open_data,
    postprocess,
    prose_facts,
    pyodide_assets,
    render,
    ruby,
    selfcheck_data,
    selfcheck_html,
    share,
    staging,
)
from tsunagu.completeness import check_translations
from tsunagu.config import TsunaguConfig
from tsunagu.loader import load_site
from tsunagu.model import Site
from tsunagu.problems import DataError
from tsunagu.strings import Strings, StringsError, load_strings

log = logging.getLogger("mkdocs.plugins.tsunagu")
SERVICE_PAGE = re.compile(r"(?:^|/)services/([a-z0-9-]+)(?:\.[a-zA-Z-]+)?\.md$")
# Stale-data warnings go to their own logger: shown on every build, but not counted by --strict, so a
# fix to one entry is never blocked because another entry is due for its yearly check.
data_log = logging.getLogger("tsunagu.data")
if not data_log.handlers:
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("WARNING -  %(message)s"))
    data_log.addHandler(_handler)
    data_log.propagate = False


class TsunaguPlugin(BasePlugin[TsunaguConfig]):  # type: ignore[no-untyped-call]
    def __init__(self) -> None:
        self.command = ""
        self.site: Site | None = None
        self.instrument: dict[str, Any] = {}
        self.assets: dict[str, str] = {}
        self.lock = ""
        self.strings: dict[str, Strings] = {}
        self.final_dir: Path | None = None
        self.staging_dir: Path | None = None
        self.failed = False
        self.furigana_problems: list[str] = []
        self.slots: dict[str, dict[str, str]] = {}
        """Macro HTML per page, between on_page_markdown and on_page_content."""
        self.kit: kit.ShareKit | None = None
        self.site_url = ""
        self.root = Path(".")
        self.default = ""
        self.site_name = ""
        self.built: set[str] = set()
        """Languages built so far in this run: the kit is written after the last one."""
        self.timings: dict[str, float] = {}
        self.script_hashes: set[str] = set()
        """Inline-script hashes of every page: the CSP header for hosts allows them all."""
        self.never_publish: list[forbidden.Forbidden] = []
        """Numbers searched for in the whole built site after the last language."""

    # Events, in the order MkDocs calls them ----------------------------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    @event_priority(100)  # before static-i18n, so its per-language site_dir derives from ours
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.site is None:  # first of the per-language builds: load and check everything once
            self.root = Path(config.config_file_path).parent
            self.default = _i18n_languages(config)[0]
            self.site_name = str(config.site_name)
            self.site, self.strings = self._load(config)
            try:
                if self.instrument:
                    self.assets = pyodide_assets.paths(self.root)
                    self.lock = pyodide_assets.minimal_lock(pyodide_assets.package_dir(self.root))
            except pyodide_assets.PyodideError as e:
                raise PluginError(str(e)) from None
            self._load_share(config)
            self._stage(config)
        return config

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        lang = self._lang(config)
        assert self.site is not None
        try:
            # page.url carries the language folder (en/...) in static-i18n builds; so must the target
            default, _ = _i18n_languages(config)
            prefix = "" if lang == default else f"{lang}/"
            slots: dict[str, str] = {}
            self.slots[page.file.src_uri] = slots
            url_for = lambda path: get_relative_url(prefix + path, page.url)  # noqa: E731
            extra = {**self._selfcheck_macros(lang, page, url_for), **self._share_macros(lang, page)}
            markdown = render.expand_macros(markdown, self.site, lang, self.strings[lang], url_for=url_for,
                                            slots=slots, extra=extra)
        except render.MacroError as e:
            data = self.config.data_dir
            raise PluginError(f"{_source(page, config)}: {e}. Known ids are the file names in "
                              f"{data}/services/ and the keys of {data}/surveys.yml") from None
        return ruby.to_html(markdown)

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        html = render.fill_slots(html, self.slots.pop(page.file.src_uri, {}))
        lang = self._lang(config)
        assert self.site is not None
        if "data-tg-hours" in html or 'id="tg-selfcheck-data"' in html:  # contacts whose state opening.js shows
            html += fragments.hours_data(self.site, self.strings[lang])
        if lang in self.config.furigana_locales:
            bare = ruby.kanji_outside_ruby_html(html)
            if bare:
                shown = "; ".join(f"'…{b}…'" for b in bare[:5])
                self.furigana_problems.append(
                    f"{_source(page, config)} ({lang}): {len(bare)} kanji without furigana, e.g. {shown}. "
                    "Write readings as 漢字《かんじ》")
        return html

    def on_page_context(  # type: ignore[override]
        self, context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any
    ) -> dict[str, Any]:
        context = self._context(context, config)
        if self.kit is not None:  # share card and Open Graph address for this page
            context["tg"]["card_url"] = share.absolute(self.site_url, kit.card_file(page.url))
        return context

    def on_template_context(  # type: ignore[override]
        self, context: dict[str, Any], template_name: str, config: MkDocsConfig
    ) -> dict[str, Any]:
        return self._context(context, config)

    def on_env(self, env: Any, config: MkDocsConfig, files: Files) -> Any:
        env.filters["ruby"] = lambda s: render.text(str(s))
        env.filters["plain"] = lambda s: ruby.strip(str(s))
        return env

    @event_priority(-300)  # after every other plugin changed the page
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        assert self.site is not None
        match = SERVICE_PAGE.search(page.file.src_uri)
        if match and match.group(1) in self.site.services:
            service = self.site.services[match.group(1)]
            lang = self._lang(config)
            tag = jsonld.service_jsonld(service, self.site, lang, self.strings[lang], page.canonical_url or "")
            output = output.replace("</head>", tag + "</head>", 1)
        wasm = _untranslated(page.file.src_uri, self.site.languages) in self.config.wasm_pages
        if self.kit is not None:
            start = time.perf_counter()
            self._write_card(page, config)
            self.timings["cards"] = self.timings.get("cards", 0.0) + time.perf_counter() - start
        return self._finish_html(output, wasm)

    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        if template_name == "404.html":
            return self._finish_html(output_content, wasm=False)
        return output_content

    @event_priority(100)  # before static-i18n starts the next language
    def on_post_build(self, config: MkDocsConfig) -> None:
        default, _ = _i18n_languages(config)
        if self._lang(config) == default and self.site is not None:
            self._write_open_data(Path(config.site_dir), default)
            try:
                if self.instrument:
                    pyodide_assets.publish(Path(config.config_file_path).parent, Path(config.site_dir))
            except pyodide_assets.PyodideError as e:
                raise PluginError(str(e)) from None
        if self.furigana_problems:
            problems, self.furigana_problems = self.furigana_problems, []
            raise PluginError("Pages in やさしい日本語 must put furigana on every kanji:\n  - "
                              + "\n  - ".join(problems))
        # static-i18n builds the default language first, then the others: the kit goes in after the last.
        lang = self._lang(config)
        self.built = {lang} if lang == default else self.built | {lang}
        if self.site is not None and len(self.built) == len(self.site.languages):
            start = time.perf_counter()
            if self.kit is not None:
                self._write_kit(config)
            kit_done = time.perf_counter()
            self._write_host_files(config)
            if self.config.offline_pages:  # last: its version is a hash of everything else
                self._write_service_worker(config)
            self._check_never_published(config)
            if self.kit is not None:  # benchmarks/site.py reads these lines
                log.info(f"Share kit took {self.timings.pop('cards', 0.0) + kit_done - start:.2f} s "
                         f"(QR codes, PDFs, redirects {kit_done - start:.2f} s); host files and service worker "
                         f"{time.perf_counter() - kit_done:.2f} s")

    def on_build_error(self, *, error: Exception) -> None:
        self.failed = True
        if self.staging_dir is not None:
            staging.discard(self.staging_dir)

    def on_shutdown(self) -> None:
        if self.staging_dir and self.final_dir and not self.failed and self.staging_dir.exists():
            staging.swap_in(self.staging_dir, self.final_dir)
            log.info(f"Site written to {self.final_dir}")
        self.staging_dir = None

    # Helpers -------------------------------------------------------------------------------------

    def _load(self, config: MkDocsConfig) -> tuple[Site, dict[str, Strings]]:
        default, languages = _i18n_languages(config)
        root = Path(config.config_file_path).parent
        try:
            strings = load_strings(languages)
            site = load_site(root, languages, data_dir=self.config.data_dir)
        except (DataError, StringsError) as e:
            raise PluginError(str(e)) from None
        # The self-check is optional: a city without data/selfcheck.yml has no self-check pages.
        if (root / self.config.data_dir / "selfcheck.yml").exists():
            try:
                self.instrument = selfcheck_data.load_instrument(root, site, self.config.data_dir)
            except DataError as e:
                raise PluginError(str(e)) from None
        pages = directory.generated_pages(site, default, strings)
        if self.instrument:
            pages |= selfcheck_data.result_pages(self.instrument, site, default)
        written = directory.write_generated(Path(config.docs_dir), pages)
        log.info(f"Directory: {len(site.services)} services, {len(pages)} generated pages ({written} changed)")
        problems = check_translations(Path(config.docs_dir), default, languages)
        for option in ("talk_now_page", "privacy_page"):
            page = self.config[option]
            if not (Path(config.docs_dir) / page).is_file():
                problems.append(f"plugins.tsunagu.{option}: expected a page in docs/; found no docs/{page}")
        if problems:
            raise PluginError("Every page must exist in every language:\n  - " + "\n  - ".join(problems))
        typed = prose_facts.check_docs(Path(config.docs_dir), root, skip=pages)
        if typed:
            raise PluginError(prose_facts.report(typed))
        try:
            self.never_publish = forbidden.load(root, site, self.config.data_dir)
        except DataError as e:
            raise PluginError(str(e)) from None
        for warning in site.warnings:
            data_log.warning(warning)
        return site, strings

    def _selfcheck_macros(self, lang: str, page: Page, url_for: Any) -> dict[str, Any]:
        """[[selfcheck]] (the form) and [[selfcheck-result GROUP]] (a static result page)."""
        assert self.site is not None
        if not self.instrument:
            return {}

        def bundle() -> dict[str, Any]:
            assert self.site is not None
            return selfcheck_data.bundle(self.instrument, self.site, lang, self.strings[lang], url_for)

        def asset_for(path: str) -> str:  # assets live once, at the site root
            return get_relative_url(path, page.url)

        return {
            "selfcheck": lambda _: selfcheck_html.form(bundle(), self.instrument, lang, url_for, asset_for,
                                                       self.assets, self.lock),
            "selfcheck-result": lambda group: selfcheck_html.result_page(bundle(), group, url_for),
        }

    def _write_open_data(self, site_dir: Path, default: str) -> None:
        assert self.site is not None
        folder = site_dir / "data"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "services.json").write_text(open_data.services_json(self.site), encoding="utf-8")
        (folder / "services.csv").write_text(open_data.services_csv(self.site, default, self.strings[default]),
                                             encoding="utf-8")

    def _stage(self, config: MkDocsConfig) -> None:
        # `mkdocs serve` builds into its own temp folder: leave it alone.
        site_dir = Path(config.site_dir)
        in_tmp = site_dir.parent == Path(tempfile.gettempdir()) and site_dir.name.startswith("mkdocs_")
        if self.command == "build" and self.config.atomic_build and not in_tmp:
            self.final_dir = site_dir
            self.staging_dir = staging.make_staging(site_dir)
            config.site_dir = str(self.staging_dir)

    # The share and print kit ------------------------------------------------------------------

    def _load_share(self, config: MkDocsConfig) -> None:
        assert self.site is not None
        self.site_url = config.site_url or ""
        try:
            settings = share.load_share(self.root, self.site, Path(config.docs_dir), self.config.data_dir)
        except DataError as e:
            raise PluginError(str(e)) from None
        if settings is None:
            return
        problem = share.check_site_url(config.site_url, preview=self.command == "serve")
        if problem:
            raise PluginError(problem)
        if share.is_placeholder(self.site_url):
            data_log.warning(f"site_url is {self.site_url}, a placeholder: printed materials say SAMPLE. "
                             "Set site_url in mkdocs.yml (or TSUNAGU_SITE_URL) to the public address before printing")
        names = {lang: self._site_name(config, lang) for lang in self.site.languages}
        self.kit = kit.ShareKit.load(settings, self.site, self.site_url, self.default, Path(config.docs_dir), names)

    def _share_macros(self, lang: str, page: Page) -> dict[str, Any]:
        if self.kit is None:
            return {}
        # kit files live once, at the site root
        return {"share-kit": self.kit.macro(lang, self.strings[lang], lambda path: get_relative_url(path, page.url))}

    def _write_card(self, page: Page, config: MkDocsConfig) -> None:
        assert self.kit is not None
        description = str(page.meta.get("description") or config.site_description or "")
        try:
            png = self.kit.card(self._lang(config), config.site_name, page.title or config.site_name, description,
                                self._cache("cards"))
        except cards.CardError as e:
            raise PluginError(str(e)) from None
        kit.write(Path(config.site_dir), kit.card_file(page.url), png)

    def _write_kit(self, config: MkDocsConfig) -> None:
        assert self.kit is not None
        published = share.read_published(self.root / self.config.data_dir / "published-paths.txt")
        template_dir = Path(config.theme.custom_dir or self.root / "overrides") / "print"
        try:
            self.kit.write(Path(config.site_dir), self.strings, template_dir, published, self._cache(), log.info)
        except kit.KitError as e:
            raise PluginError(str(e)) from None

    def _finish_html(self, html: str, wasm: bool) -> str:
        html = postprocess.valid_markup(postprocess.outbound_links(html, self.site_url))
        self.script_hashes.update(csp.script_hashes(html))
        return csp.add_meta(html, wasm=wasm)

    def _write_host_files(self, config: MkDocsConfig) -> None:
        site_dir = Path(config.site_dir)
        unknown = hosting.unknown_types(site_dir)
        if unknown:
            raise PluginError("The built site has files whose type hosts must be told, with no entry in "
                              f"tsunagu/hosting.py TYPES: .{', .'.join(unknown)}")
        policy = csp.header_policy(sorted(self.script_hashes))
        (site_dir / hosting.HEADERS_FILE).write_text(hosting.headers_file(site_dir, policy, self.site_url),
                                                     encoding="utf-8")
        (site_dir / hosting.NGINX_FILE).write_text(hosting.nginx_file(policy, self.site_url), encoding="utf-8")

    def _write_service_worker(self, config: MkDocsConfig) -> None:
        assert self.site is not None
        pages = offline.essential_pages(Path(config.docs_dir), self.config.offline_pages, self.site.languages,
                                        self.default)
        if not any(pages.values()):
            raise PluginError(f"plugins.tsunagu.offline_pages: expected pages in docs/; none matches "
                              f"{self.config.offline_pages}")
        fallback = {prefix: prefix + share.page_path(self.config.talk_now_page) for prefix in pages}
        script = offline.script(Path(config.site_dir), pages, fallback)
        (Path(config.site_dir) / offline.SW_FILE).write_text(script, encoding="utf-8")

    def _check_never_published(self, config: MkDocsConfig) -> None:
        try:
            hits = forbidden.check_site(Path(config.site_dir), self.never_publish)
        except forbidden.ToolMissing as e:
            raise PluginError(str(e)) from None
        if hits:
            raise PluginError(forbidden.report(hits))

    def _site_name(self, config: MkDocsConfig, lang: str) -> str:
        i18n = config.plugins.get("i18n")
        for language in getattr(i18n, "config", {}).get("languages", []) if i18n else []:
            if language.locale == lang and language.site_name:
                return str(language.site_name)
        return self.site_name  # static-i18n changed config.site_name for the other languages

    def _cache(self, name: str = "") -> Path:
        """Where generated files are kept between builds (TSUNAGU_CACHE lets test copies share one)."""
        return Path(os.environ.get("TSUNAGU_CACHE") or self.root / ".cache") / name

    def _lang(self, config: MkDocsConfig) -> str:
        i18n = config.plugins.get("i18n")
        return str(getattr(i18n, "current_language", None) or config.theme.get("language", "en"))

    def _context(self, context: dict[str, Any], config: MkDocsConfig) -> dict[str, Any]:
        lang = self._lang(config)
        assert self.site is not None
        context["tg"] = {
            "lang": lang,
            "t": self.strings[lang],
            "site": self.site,
            "crisis": self.site.crisis_services(),
            "talk_now_url": share.page_path(self.config.talk_now_page),
            "privacy_url": share.page_path(self.config.privacy_page),
            "offline": bool(self.config.offline_pages),
        }
        return context


def _i18n_languages(config: MkDocsConfig) -> tuple[str, list[str]]:
    """The site's languages come from static-i18n's settings: one list, in mkdocs.yml."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        raise PluginError("tsunagu needs the i18n plugin (mkdocs-static-i18n) in mkdocs.yml")
    langs = [lang.locale for lang in i18n.config.languages]
    default = next((lang.locale for lang in i18n.config.languages if lang.default), langs[0])
    return default, langs


def _source(page: Page, config: MkDocsConfig) -> str:
    """The Markdown file an editor opens, e.g. docs/talk-now.en.md (static-i18n renames src_uri)."""
    path = Path(page.file.abs_src_path or page.file.src_uri)
    try:
        return "docs/" + path.relative_to(Path(config.docs_dir).resolve()).as_posix()
    except ValueError:
        return "docs/" + page.file.src_uri


def _untranslated(src_uri: str, languages: tuple[str, ...]) -> str:
    """talk-now.en.md -> talk-now.md, so settings name a page once for every language."""
    for lang in languages:
        if src_uri.endswith(f".{lang}.md"):
            return src_uri[: -len(f".{lang}.md")] + ".md"
    return src_uri
