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
from mkdocs.utils.meta import get_data as front_matter

from tsunagu import (
    cards,
    csp,
    directory,
    hosting,
    jsonld,
    kit,
    offline,
    open_data,
    postprocess,
    printkit,
    pyodide_assets,
    render,
    ruby,
    selfcheck_data,
    selfcheck_html,
    share,
    share_html,
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
        self.share: share.ShareConfig | None = None
        self.site_url = ""
        self.titles: dict[tuple[str, str], str] = {}
        """(language, page source) -> the page's title, for QR tables and printed links."""
        self.root = Path(".")
        self.default = ""
        self.site_name = ""
        self.built: set[str] = set()
        """Languages built so far in this run: the kit is written after the last one."""
        self.timings: dict[str, float] = {}
        self.script_hashes: set[str] = set()
        """Inline-script hashes of every page: the CSP header for hosts allows them all."""

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
            extra = {**self._selfcheck_macros(lang, page, url_for), **self._share_macros(lang, page, url_for)}
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
        if self.site_url:  # share card and Open Graph address for this page
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
            tag = jsonld.service_jsonld(service, self.site, self._lang(config), page.canonical_url or "")
            output = output.replace("</head>", tag + "</head>", 1)
        wasm = _untranslated(page.file.src_uri, self.site.languages) in self.config.wasm_pages
        if self.site_url:
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
            if self.share is not None:
                self._write_kit(config)
            kit_done = time.perf_counter()
            self._write_host_files(config)
            if self.config.offline_pages:  # last: its version is a hash of everything else
                self._write_service_worker(config)
            if self.share is not None:  # benchmarks/site.py reads these lines
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
        try:
            self.share = share.load_share(self.root, self.site, Path(config.docs_dir), self.config.data_dir)
        except DataError as e:
            raise PluginError(str(e)) from None
        self.site_url = config.site_url or ""
        if self.share is None:
            return
        problem = share.check_site_url(config.site_url)
        if problem:
            raise PluginError(problem)
        if share.is_placeholder(self.site_url):
            data_log.warning(f"site_url is {self.site_url}, a placeholder: printed materials say SAMPLE. "
                             "Set site_url in mkdocs.yml (or TSUNAGU_SITE_URL) to the public address before printing")
        sources = {*self.share.pages, *self.share.redirects.values()}
        for doc in self.share.print.values():
            sources |= {doc.qr, *doc.links}
        for lang in self.site.languages:
            for src in sources:
                name = src if lang == self.default else f"{src[:-3]}.{lang}.md"
                _, meta = front_matter((Path(config.docs_dir) / name).read_text(encoding="utf-8"))
                self.titles[(lang, src)] = str(meta.get("title") or src)
            for sid, service in self.site.services.items():
                self.titles[(lang, f"services/{sid}.md")] = service.name[lang]

    def _share_macros(self, lang: str, page: Page, url_for: Any) -> dict[str, Any]:
        """[[share-kit print|pages|services|<print kind>]]: downloads for this page's language."""
        if self.share is None or self.site is None:
            return {}
        cfg, site, s = self.share, self.site, self.strings[lang]

        def at_root(path: str) -> str:  # kit files live once, at the site root
            return get_relative_url(path, page.url)

        def rows(sources: list[str]) -> list[share_html.KitRow]:
            shared = {p.src: p for p in share.shared_pages(cfg, site, self.default) if p.lang == lang}
            out = []
            for src in sources:
                p = shared[src]
                svg, png = kit.qr_files(p)
                out.append(share_html.KitRow(self.titles[(lang, src)], at_root(p.path),
                                             share.absolute(self.site_url, p.path), at_root(svg), at_root(png)))
            return out

        def render_kit(what: str) -> str:
            prints = [(kind, at_root(kit.pdf_file(lang, kind))) for kind in cfg.print]
            if what == "print":
                return share_html.print_list(prints, s)
            if what == "pages":
                return share_html.qr_table(rows(list(cfg.pages)), s)
            if what == "services":
                ids = [f"services/{sid}.md" for sid in sorted(site.services)] if cfg.services else []
                return share_html.collapsed(s("kit.services"), share_html.qr_table(rows(ids), s))
            if what in cfg.print:
                doc = cfg.print[what]
                return (share_html.print_list([p for p in prints if p[0] == what], s)
                        + share_html.qr_table(rows([doc.qr, *doc.links]), s))
            raise render.MacroError(f"unknown id(s): [[share-kit {what}]] (use print, pages, services or one of "
                                    + ", ".join(cfg.print) + ")")

        return {"share-kit": render_kit}

    def _write_card(self, page: Page, config: MkDocsConfig) -> None:
        assert self.site is not None
        lang = self._lang(config)
        host = share.host(self.site_url)
        card = cards.Card(lang, ruby.strip(config.site_name), ruby.strip(page.title or config.site_name),
                          ruby.strip(str(page.meta.get("description") or config.site_description or "")),
                          f"{ruby.strip(self.site.city[lang])} · {host}")
        try:
            png = kit.cached(self._cache("cards"), cards.cache_key(card), "png", lambda: cards.render(card))
        except cards.CardError as e:
            raise PluginError(str(e)) from None
        kit.write(Path(config.site_dir), kit.card_file(page.url), png)

    def _write_kit(self, config: MkDocsConfig) -> None:
        """After the last language: QR codes, PDFs, redirects, kit/kit.json; then check every address."""
        assert self.share is not None and self.site is not None
        cfg, site, site_dir = self.share, self.site, Path(config.site_dir)
        default = self.default
        pages = share.shared_pages(cfg, site, default)
        kit.write_qr_codes(site_dir, self.site_url, pages, self._cache("qr"))
        for old, target in cfg.redirects.items():
            for lang in site.languages:
                prefix = share.lang_prefix(lang, default)
                href = get_relative_url(prefix + share.page_path(target), prefix + old)
                kit.write_redirect(site_dir, prefix + old, href, ruby.strip(self.titles[(lang, target)]))
        self._check_addresses(config, [p.path for p in pages])
        jobs: dict[str, str] = {}
        prints: list[dict[str, object]] = []
        template_dir = Path(config.theme.custom_dir or self.root / "overrides") / "print"
        for lang in site.languages:
            prefix = share.lang_prefix(lang, default)
            for kind, doc in cfg.print.items():
                url = share.absolute(self.site_url, prefix + share.page_path(doc.qr))
                links = [printkit.Link(self.titles[(lang, src)],
                                       share.absolute(self.site_url, prefix + share.page_path(src)))
                         for src in doc.links]
                jobs[kit.pdf_file(lang, kind)] = printkit.render_html(
                    template_dir, doc, site, lang, self.strings[lang], site_name=self._site_name(config, lang),
                    qr_url=url, links=links, sample=share.is_placeholder(self.site_url))
                prints.append({"lang": lang, "kind": kind, "pdf": kit.pdf_file(lang, kind), "qr_url": url,
                               "services": list(doc.services)})
        try:
            for rel, pdf in printkit.pdfs(jobs, self._cache("print"), progress=log.info).items():
                kit.write(site_dir, rel, pdf)
        except printkit.PrintError as e:
            raise PluginError(str(e)) from None
        kit.write(site_dir, kit.MANIFEST, kit.manifest(self.site_url, pages, prints))

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

    def _check_addresses(self, config: MkDocsConfig, shared: list[str]) -> None:
        """Every QR target and every published path must be a page of the built site."""
        assert self.site is not None
        site_dir, data = Path(config.site_dir), self.config.data_dir
        problems = [f"{data}/share.yml: the QR code for /{p} points to a page that was not built"
                    for p in kit.unresolved(site_dir, shared)]
        published = [p.lstrip("/") for p in share.read_published(self.root / data / "published-paths.txt")]
        for p in kit.unresolved(site_dir, published):
            bare = next((p[len(lang) + 1:] for lang in self.site.languages if p.startswith(f"{lang}/")), p)
            problems.append(f"{data}/published-paths.txt: /{p} was published (on paper or in a link) and is no "
                            f"longer a page. Restore the page, or add it to redirects: in {data}/share.yml "
                            f"(e.g. redirects: {{{bare}: talk-now.md}})")
        if problems:
            raise PluginError("Addresses that must work do not:\n  - " + "\n  - ".join(problems))

    def _site_name(self, config: MkDocsConfig, lang: str) -> str:
        i18n = config.plugins.get("i18n")
        for language in getattr(i18n, "config", {}).get("languages", []) if i18n else []:
            if language.locale == lang and language.site_name:
                return str(language.site_name)
        return self.site_name  # static-i18n changed config.site_name for the other languages

    def _cache(self, name: str) -> Path:
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
