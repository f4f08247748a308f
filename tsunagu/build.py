"""The build pipeline of a tsunagu site, free of any site generator.

A generator adapter (today ``tsunagu/mkdocs/plugin.py``) calls, per build:

1. :meth:`Build.prepare` once, before the first page: load and check the data, write generated pages;
2. per language, per page: :meth:`page_markdown` → :meth:`page_html` → :meth:`page_output`;
3. :meth:`language_done` after each language; the last one writes Pyodide, the kit, host files and service worker;
4. :meth:`finish` (or :meth:`fail`) once at the end: the staged site replaces the old one only on success.

Ordering across languages ("kit after the last language", "service worker last") and what accumulates
(CSP hashes, furigana problems) live here, so another generator only has to call these in order. Every
problem is a :class:`BuildError` with a message for the editor.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from tsunagu.background import Background
from tsunagu.content import essentials, glossary, macros, prose_facts, translation_facts, translation_status, wakachi
from tsunagu.content.completeness import check_translations
from tsunagu.content.essentials import Essentials
from tsunagu.data.loader import load_site
from tsunagu.data.model import Site
from tsunagu.data.problems import DataError
from tsunagu.data.strings import Strings, StringsError, load_strings
from tsunagu.directory import rules
from tsunagu.finder import page as finder_page
from tsunagu.finder.choices import Finder, load_finder
from tsunagu.kit import cards, printkit, share, sharekit
from tsunagu.pages import fragments, jsonld, ruby
from tsunagu.places import pages as places
from tsunagu.places import printing as places_print
from tsunagu.publish import (
    csp,
    forbidden,
    hosting,
    minify,
    offline,
    open_data,
    postprocess,
    pyodide_assets,
    staging,
    stylesheets,
)
from tsunagu.selfcheck_site import bundle, form

log = logging.getLogger("mkdocs.plugins.tsunagu")
data_log = logging.getLogger("tsunagu.data")
"""Stale-data warnings: shown on every build but not counted as build warnings (the adapter decides how
to show them), so a fix to one entry is never blocked because another is due for its yearly check."""
QR_BATCH = 50
"""Addresses per worker job when QR codes are made beside the pages (about 1 s of work each)."""
SERVICE_PAGE = re.compile(r"(?:^|/)services/([a-z0-9-]+)(?:\.[a-zA-Z-]+)?\.md$")
_CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?>", re.I)  # the early-start script goes right after it
UrlFor = Callable[[str], str]


class BuildError(Exception):
    """A problem the editor must fix; the message names the file and what to do."""


@dataclass
class Settings:
    """What the generator's configuration says, in plain values."""

    root: Path
    """The project folder (where mkdocs.yml is)."""
    docs_dir: Path
    languages: list[str]
    default: str
    site_name: str
    site_names: dict[str, str]
    """The site's name per language (static-i18n may name it differently per language)."""
    site_url: str = ""
    description: str = ""
    data_dir: str = "data"
    furigana_locales: list[str] = field(default_factory=lambda: ["ja-easy"])
    wasm_pages: list[str] = field(default_factory=list)
    talk_now_page: str = "talk-now.md"
    privacy_page: str = "privacy.md"
    offline_pages: list[str] = field(default_factory=list)
    preview: bool = False
    """A live preview (``mkdocs serve``): a placeholder site_url is allowed, nothing is staged."""
    template_dir: Path | None = None
    """Print templates (overrides/print)."""
    essentials_languages: list[str] = field(default_factory=list)
    """Languages complete for the essentials page set only (tsunagu/content/essentials.py)."""
    essentials_pages: list[str] = field(default_factory=lambda: list(essentials.ESSENTIAL_PAGES))
    essentials_fallback: list[str] = field(default_factory=lambda: list(essentials.FALLBACK_LANGUAGES))
    language_names: dict[str, str] = field(default_factory=dict)
    """Each language's name in its own script (the language menu's), for links to the fallback languages."""


@dataclass
class Page:
    """One page of one language, as the generator sees it."""

    lang: str
    src: str
    """The source path the generator uses (static-i18n: ``talk-now.en.md``)."""
    url: str
    """The page's address relative to the site root, with its language folder (``en/talk-now/``)."""
    source_label: str
    """The file an editor opens, for messages (``docs/talk-now.en.md``)."""
    meta: dict[str, Any] = field(default_factory=dict)
    """The page's front matter (its translation review, if any)."""


class Build:
    def __init__(self, settings: Settings, relative_url: Callable[[str, str], str]) -> None:
        self.settings = settings
        self.essentials = Essentials(tuple(settings.essentials_languages), tuple(settings.essentials_pages),
                                     tuple(settings.essentials_fallback), dict(settings.language_names))
        self.relative_url = relative_url
        """(target, from page url) -> relative link; the generator's own rule, so links match its pages."""
        self.site: Site | None = None
        self.strings: dict[str, Strings] = {}
        self.instrument: dict[str, Any] = {}
        self.finder: Finder | None = None
        self.assets: dict[str, str] = {}
        self.lock = ""
        self.kit: sharekit.ShareKit | None = None
        self.never_publish: list[forbidden.Forbidden] = []
        self.generated: set[str] = set()
        self.slots: dict[str, dict[str, str]] = {}
        """Macro HTML per page, between page_markdown and page_html."""
        self.furigana_problems: list[str] = []
        self.readings: dict[str, str] = {}
        """Readings the character-by-character reading gets wrong (data/readings.yml): base -> reading."""
        self.titles: dict[str, str] = {}
        """Cited documents' titles with furigana, for furigana locales (data/readings.yml): title -> notation."""
        self.reviews: dict[str, dict[str, translation_status.Review]] = {}
        """Reviewed data texts: service id -> language -> review (data/translation-reviews.yml)."""
        self.script_hashes: set[str] = set()
        """Inline-script hashes of every page: the CSP header for hosts allows them all."""
        self.built: set[str] = set()
        """Languages built so far: the kit and host files are written after the last one."""
        self.timings: dict[str, float] = {}
        self.final_dir: Path | None = None
        self.staging_dir: Path | None = None
        self.background = Background()
        """Cards, PDFs and Pyodide's compressed copies, made beside the pages (see tsunagu/background.py)."""
        self.early: list[Future[Any]] = []
        """QR codes, made in worker processes from prepare on; the kit waits for them."""
        self.compressing: list[Future[Any]] = []
        """Pyodide's gzip and brotli copies, made in worker processes from prepare on; written last."""
        self.printed: Future[dict[str, bytes]] | None = None
        self.places_printed: Future[dict[str, bytes]] | None = None

    # 1. Before the first page -----------------------------------------------------------------

    def prepare(self) -> None:
        """Load and check everything once, and write the generated pages into docs/. Idempotent."""
        if self.site is not None:
            return
        st = self.settings
        setup = self.essentials.check(st.languages, st.default)
        if setup:
            raise BuildError("Essentials languages:\n  - " + "\n  - ".join(setup))
        try:
            self.strings = load_strings(st.languages, essentials=st.essentials_languages)
            site = load_site(st.root, st.languages, data_dir=st.data_dir, essentials=st.essentials_languages)
        except (DataError, StringsError) as e:
            raise BuildError(str(e)) from None
        if (st.root / st.data_dir / "selfcheck.yml").exists():  # the self-check is optional
            try:
                self.instrument = bundle.load_instrument(st.root, site, st.data_dir)
            except DataError as e:
                raise BuildError(str(e)) from None
        try:
            self.finder = load_finder(st.root, tuple(st.languages), st.data_dir)  # the finder is optional
        except DataError as e:
            raise BuildError(str(e)) from None
        pages = rules.generated_pages(site, st.default, self.strings)
        if self.instrument:
            pages |= bundle.result_pages(self.instrument, site, st.default)
        pages |= places.generated_pages(site, st.default, self.strings)
        self.generated = set(pages)
        written = rules.write_generated(st.docs_dir, pages)
        log.info(f"Directory: {len(site.services)} services, {len(pages)} generated pages ({written} changed)")
        if site.places:
            log.info("Places: " + ", ".join(f"{area} {n}" for area, n in places.per_area(site).items()))
        self._check_pages(pages)
        try:
            self.readings, self.titles = ruby.load_readings(st.root / st.data_dir / "readings.yml", st.root)
            self.reviews = translation_status.load_reviews(
                st.root, tuple(site.languages), st.default, set(site.services), dt.date.today(), st.data_dir)
        except DataError as e:
            raise BuildError(str(e)) from None
        try:
            self.never_publish = forbidden.load(st.root, site, st.data_dir)
        except DataError as e:
            raise BuildError(str(e)) from None
        for warning in site.warnings:
            data_log.warning(warning)
        self.site = site
        try:
            if self.instrument:
                # Brotli of the wasm takes ~26 s of CPU when not cached, the longest job of a cold build: start
                # it first, before the standard library is prepared here (~4 s), and beside the pages.
                self.compressing = [self.background.submit(job) for job in pyodide_assets.warm_cache(st.root)]
                self.assets = pyodide_assets.paths(st.root)
                self.compressing.append(self.background.submit(pyodide_assets.warm_stdlib(st.root)))
                self.lock = pyodide_assets.minimal_lock(pyodide_assets.package_dir(st.root))
        except pyodide_assets.PyodideError as e:
            raise BuildError(str(e)) from None
        self._load_share()
        if self.kit is not None:  # the PDFs depend on data and titles only: print them while pages build
            kit, strings, template_dir = self.kit, self.strings, self._template_dir()
            self.printed = self.background.thread(
                lambda: kit.print_pdfs(strings, template_dir, self._cache(), log.info))
            if site.places:  # after the kit's, in the same thread: one Chromium at a time
                printed = self.printed

                def places_month() -> dict[str, bytes]:
                    printed.exception()  # waits; the kit's own failure is raised where the kit is written
                    return self._print_places_month(template_dir)

                self.places_printed = self.background.thread(places_month)
            # QR codes (about 10 ms each, two per shared address and language) in worker processes
            qr_cache = self._cache("qr")
            urls = sharekit.qr_codes_to_make(st.site_url, share.shared_pages(kit.config, site, st.default), qr_cache)
            self.early += [self.background.submit(sharekit.make_qr_codes, urls[i:i + QR_BATCH], qr_cache)
                           for i in range(0, len(urls), QR_BATCH)]

    def stage(self, site_dir: Path) -> Path:
        """Where to build: a staging folder beside ``site_dir`` that replaces it only on success."""
        self.final_dir = site_dir
        self.staging_dir = staging.make_staging(site_dir)
        return self.staging_dir

    # 2. Per page ------------------------------------------------------------------------------

    def page_markdown(self, markdown: str, page: Page) -> str:
        """Expand the macros ([[tel id]], [[service id]], [[directory]], ...) and furigana notation."""
        site = self._site()
        if page.lang in self.settings.furigana_locales:
            for line, found, right in ruby.wrong_readings(markdown, self.readings):
                self.furigana_problems.append(f"{page.source_label}, line {line}: '{found}' has the wrong reading "
                                              f"(data/readings.yml); write {right}")
        prefix = "" if page.lang == self.settings.default else f"{page.lang}/"
        slots: dict[str, str] = {}
        self.slots[page.src] = slots
        url_for = lambda path: self.relative_url(prefix + path, page.url)  # noqa: E731
        extra = {**self._selfcheck_macros(page, url_for), **self._share_macros(page),
                 **self._places_macros(page, url_for), **self._finder_macros(page, url_for)}
        if page.lang != self.settings.default:
            markdown = self._translation_notice(markdown, page)
        if page.lang in self.essentials.languages:
            src_dir = _untranslated(page.src, site.languages).rpartition("/")[0]
            markdown = essentials.rewrite_links(markdown, self.essentials, page.lang, src_dir,
                                                self._fallback_url(page), self.strings[page.lang]
                                                ("essentials.not_translated"))
        try:
            markdown = macros.expand_macros(markdown, site, page.lang, self.strings[page.lang], url_for=url_for,
                                            slots=slots, extra=extra)
        except macros.MacroError as e:
            data = self.settings.data_dir
            raise BuildError(f"{page.source_label}: {e}. Known ids are the file names in {data}/services/ and "
                             f"the keys of {data}/surveys.yml") from None
        return ruby.to_html(ruby.label_headings(markdown))

    def page_html(self, html: str, page: Page) -> str:
        """The page's main content as HTML: macro output put back, hours data added, furigana checked."""
        site = self._site()
        html = macros.fill_slots(html, self.slots.pop(page.src, {}))
        if "data-tg-hours" in html or 'id="tg-selfcheck-data"' in html:  # contacts whose state opening.js shows
            html += fragments.hours_data(site, self.strings[page.lang])
        if page.lang in self.settings.furigana_locales:
            bare = ruby.kanji_outside_ruby_html(html)
            if bare:
                shown = "; ".join(f"'…{b}…'" for b in bare[:5])
                self.furigana_problems.append(
                    f"{page.source_label} ({page.lang}): {len(bare)} kanji without furigana, e.g. {shown}. "
                    "Write readings as 漢字《かんじ》")
            html = ruby.cite_readings(html, self.titles)
            for title in dict.fromkeys(ruby.bare_citations(html)):
                self.furigana_problems.append(
                    f"{page.source_label} ({page.lang}): the cited title '{title}' has no furigana. Add it to "
                    f"data/readings.yml under titles: - {{title: {title}, reading: <the title with ｜漢字《かんじ》>}}")
        return html

    def context(self, lang: str, page_url: str | None = None, src: str = "") -> dict[str, Any]:
        """What templates see as ``tg`` (``page_url`` and ``src``: the page's, for its share card)."""
        site = self._site()
        tg: dict[str, Any] = {
            "lang": lang,
            "t": self.strings[lang],
            "site": site,
            "crisis": site.crisis_services(),
            "talk_now_url": share.page_path(self.settings.talk_now_page),
            "privacy_url": share.page_path(self.settings.privacy_page),
            "offline": bool(self.settings.offline_pages),
            "furigana": lang in self.settings.furigana_locales,
        }
        if page_url is not None and self.kit is not None:  # share card and Open Graph address for this page
            card_page = page_url if self._own_card(src) else share.lang_prefix(lang, self.settings.default)
            tg["card_url"] = share.absolute(self.settings.site_url, sharekit.card_file(card_page))
        return tg

    def template_filters(self) -> dict[str, Callable[[Any], str]]:
        return {"ruby": lambda s: macros.text(str(s)), "plain": lambda s: ruby.strip(str(s))}

    def page_output(self, output: str, page: Page, site_dir: Path, title: str, description: str,
                    canonical_url: str) -> str:
        """The finished HTML of a page: JSON-LD for service pages, its share card, CSP and markup fixes."""
        site = self._site()
        match = SERVICE_PAGE.search(page.src)
        if match and match.group(1) in site.services:
            service = site.services[match.group(1)]
            tag = jsonld.service_jsonld(service, site, page.lang, self.strings[page.lang], canonical_url)
            output = output.replace("</head>", tag + "</head>", 1)
        if page.lang in self.settings.furigana_locales and ruby.KANJI_RUN.search(title):
            heading = re.search(r"<h1\b[^>]*>(.*?)</h1>", output, re.S)
            if heading is None or ruby.kanji_outside_ruby_html(heading.group(1)):
                self.furigana_problems.append(
                    f"{page.source_label} ({page.lang}): the title '{title}' has kanji and the page's heading does "
                    "not show their readings; start the page with '# ' and the title in furigana notation")
        if page.lang in self.essentials.languages:
            try:
                output = essentials.replace_nav_entries(output, self.essentials, self._fallback_url(page),
                                                        self.strings[page.lang]("essentials.not_translated"))
            except ValueError as e:
                raise BuildError(f"{page.source_label}: {e}") from None
        wasm = _untranslated(page.src, site.languages) in self.settings.wasm_pages
        if wasm and self.assets and 'id="tg-selfcheck-data"' in output:
            early = pyodide_assets.early_start(self.relative_url(self.assets["pyodide"], page.url),
                                               self.relative_url(self.assets["stdlib"], page.url))
            output = _CHARSET.sub(lambda m: m.group(0) + early, output, count=1)
        if self.kit is not None and self._own_card(page.src):
            start = time.perf_counter()
            card = self.kit.card_of(page.lang, self.settings.site_names.get(page.lang, self.settings.site_name),
                                    title, description or self.settings.description)
            target = site_dir / sharekit.card_file(page.url)
            cached = sharekit.cache_path(self._cache("cards"), cards.cache_key(card), "png")
            if cached.exists():
                sharekit.write(site_dir, sharekit.card_file(page.url), cached.read_bytes())
            else:  # drawn in a worker process while the next pages render; written in language_done
                self.background.write_later(cards.render, (card,), target, cached)
            self.timings["cards"] = self.timings.get("cards", 0.0) + time.perf_counter() - start
        return self._finish_html(output, wasm)

    def _own_card(self, src: str) -> bool:
        """Pages generated for one entry (a service, a place) show their language's home card: a city with
        1,000 entries must not draw 6,000 cards (about 24 ms each). Their link previews still carry the
        page's own title and description (og:title, og:description); every other page has its own card."""
        return not (src in self.generated and src.split("/")[0] in ("services", "places"))

    def _fallback_url(self, page: Page) -> Callable[[str, str], str]:
        """(language, source page) -> the page's address in that language, relative to ``page``."""
        default = self.settings.default
        return lambda lang, src: self.relative_url(share.lang_prefix(lang, default) + share.page_path(src), page.url)

    def nav(self, nav: Any, lang: str) -> Any:
        """The menu (the generator's nav config) for ``lang``: unchanged for a full language; for an essentials
        language, pages outside its set become entries that link to them in English and やさしい日本語."""
        if lang not in self.essentials.languages:
            return nav
        s, missing = self.strings[lang], []

        def label(src: str) -> str:
            key = essentials.page_key(src)
            if key not in s.table:
                missing.append(key)
                return src
            return s(key)

        out = essentials.nav_for(nav, self.essentials, lang, label)
        if missing:
            raise BuildError(f"tsunagu/locales/{lang}.yml and en.yml: the menu needs a name for each page outside "
                             f"the essentials set; add {', '.join(sorted(set(missing)))}")
        return out

    def template_output(self, output: str, template_name: str) -> str:
        """Pages made from a template alone (404.html) get the same CSP and fixes."""
        return self._finish_html(output, wasm=False) if template_name == "404.html" else output

    # 3. After each language -------------------------------------------------------------------

    def language_done(self, lang: str, site_dir: Path) -> None:
        """The default language is built first (static-i18n), then the others; after the last one the
        kit, the host files and, last of all, the service worker (its version hashes everything else)."""
        site = self._site()
        if lang == self.settings.default:
            self._write_open_data(site_dir)
        if self.furigana_problems:
            problems, self.furigana_problems = self.furigana_problems, []
            raise BuildError("Pages in やさしい日本語 must put furigana on every kanji:\n  - "
                             + "\n  - ".join(problems))
        self.built = {lang} if lang == self.settings.default else self.built | {lang}
        if len(self.built) < len(site.languages):
            return
        start = time.perf_counter()
        try:  # every language's share cards, drawn meanwhile (static-i18n cleans the site only before the first)
            self.background.drain()
        except cards.CardError as e:
            raise BuildError(str(e)) from None
        self.timings["cards"] = self.timings.get("cards", 0.0) + time.perf_counter() - start
        for job in self.early:
            job.result()
        try:
            if self.instrument:  # its files now; their compressed copies last (below)
                pyodide_assets.publish(self.settings.root, site_dir)
        except pyodide_assets.PyodideError as e:
            raise BuildError(str(e)) from None
        start = time.perf_counter()
        if self.kit is not None:
            self._write_kit(site_dir)
        kit_done = time.perf_counter()
        try:
            stylesheets.reduce(self.settings.root, site_dir)
            minify.scripts(self.settings.root, site_dir)
        except (stylesheets.StylesheetError, minify.MinifyError) as e:
            raise BuildError(str(e)) from None
        self._write_host_files(site_dir)
        if self.settings.offline_pages:
            self._write_service_worker(site_dir)
        self._check_never_published(site_dir)
        # Last, once every file is final (the service worker included) and checked as plain text. Brotli
        # quality 5: 16 MB of pages in about 0.5 s (quality 9: 5 s, 3 % smaller), so nothing to cache.
        self._precompress_text(site_dir)
        # Pyodide's own copies at quality 11 last: in a cold build its wasm's brotli (about 26 s of CPU, started
        # in prepare) is still running when the pages are done, and everything above runs beside it.
        for job in self.compressing:
            job.result()
        try:
            if self.instrument:
                pyodide_assets.publish_compressed(self.settings.root, site_dir)
        except pyodide_assets.PyodideError as e:
            raise BuildError(str(e)) from None
        self.background.close()
        if self.kit is not None:  # benchmarks/site.py reads these lines
            log.info(f"Share kit took {self.timings.pop('cards', 0.0) + kit_done - start:.2f} s "
                     f"(QR codes, PDFs, redirects {kit_done - start:.2f} s); host files and service worker "
                     f"{time.perf_counter() - kit_done:.2f} s")

    def _precompress_text(self, site_dir: Path) -> None:
        """hosting.precompress_text split across the worker processes and this one (13,000 pages with 1,000
        services: about 20 s in one process). Same files, same bytes."""
        paths = hosting.to_precompress(site_dir, skip=pyodide_assets.SITE_FOLDER)
        compress = partial(pyodide_assets.compressed, brotli_quality=5)
        parts = max(1, self.background.workers) + 1
        jobs = [self.background.submit(hosting.precompress_files, paths[i::parts], compress)
                for i in range(1, parts)]
        hosting.precompress_files(paths[0::parts], compress)
        for job in jobs:
            job.result()

    # 4. At the end ----------------------------------------------------------------------------

    def fail(self) -> None:
        self.background.close(cancel=True)
        if self.staging_dir is not None:
            staging.discard(self.staging_dir)
            self.staging_dir = None

    def finish(self) -> None:
        if self.staging_dir and self.final_dir and self.staging_dir.exists():
            staging.swap_in(self.staging_dir, self.final_dir)
            log.info(f"Site written to {self.final_dir}")
        self.staging_dir = None

    # Helpers ---------------------------------------------------------------------------------

    def _site(self) -> Site:
        if self.site is None:
            raise BuildError("tsunagu: a page was built before Build.prepare() loaded the data")
        return self.site

    def _check_pages(self, generated: dict[str, str]) -> None:
        st = self.settings
        problems = check_translations(st.docs_dir, st.default, st.languages, self.essentials)
        for option in ("talk_now_page", "privacy_page"):
            page = getattr(st, option)
            if not (st.docs_dir / page).is_file():
                problems.append(f"plugins.tsunagu.{option}: expected a page in docs/; found no docs/{page}")
        if problems:
            raise BuildError("Every page must exist in every language:\n  - " + "\n  - ".join(problems))
        typed = prose_facts.check_docs(st.docs_dir, st.root, skip=generated)
        if typed:
            raise BuildError(prose_facts.report(typed))
        self._check_terms(generated)

    def _check_terms(self, generated: dict[str, str]) -> None:
        """Avoided terms (data/glossary.yml) in pages, data and strings; やさしい日本語 without 分かち書き;
        facts added or dropped in translation."""
        st = self.settings
        try:
            terms = glossary.load(st.root, st.languages, st.data_dir)
        except DataError as e:
            raise BuildError(str(e)) from None
        found = glossary.check(st.root, st.docs_dir, terms, st.languages, st.default, skip=generated,
                               data_dir=st.data_dir)
        options = glossary.check_options(terms, glossary.option_labels(
            _yaml(st.root / st.data_dir / "selfcheck.yml"), _yaml(st.root / st.data_dir / "surveys.yml")))
        options += glossary.names_without_japanese(st.root, st.data_dir,
                                                   glossary.bracket_languages(st.root, st.data_dir))
        if found or options:
            raise BuildError(glossary.report(found, options))
        unspaced = wakachi.check(st.root, st.docs_dir, st.languages, st.furigana_locales, skip=generated,
                                 data_dir=st.data_dir)
        if unspaced:
            raise BuildError(wakachi.report(unspaced))
        differences = translation_facts.check_docs(st.docs_dir, st.root, st.default, st.languages, skip=generated)
        new, gone = translation_facts.unlisted(differences, translation_facts.load_known(st.root, st.data_dir))
        if new or gone:
            raise BuildError(translation_facts.report(new, gone))

    def _translation_notice(self, markdown: str, page: Page) -> str:
        """An unreviewed translation says so in one line, with a link to the Japanese page."""
        site = self._site()
        match = SERVICE_PAGE.search(page.src)
        try:
            if match and match.group(1) in site.services:  # generated from data: the data's own review
                reviewed = page.lang in self.reviews.get(match.group(1), {})
            else:
                reviewed = translation_status.page_review(page.meta, page.source_label, dt.date.today()) is not None
        except DataError as e:
            raise BuildError(str(e)) from None
        if reviewed:
            return markdown
        source = share.page_path(_untranslated(page.src, site.languages))
        line = self.strings[page.lang]("translation.unreviewed", url=self.relative_url(source, page.url))
        return translation_status.with_notice(markdown, line)

    def _selfcheck_macros(self, page: Page, url_for: UrlFor) -> dict[str, Any]:
        """[[selfcheck]] (the form) and [[selfcheck-result GROUP]] (a static result page)."""
        if not self.instrument:
            return {}
        site, lang = self._site(), page.lang

        def data() -> dict[str, Any]:
            return bundle.bundle(self.instrument, site, lang, self.strings[lang], url_for)

        def asset_for(path: str) -> str:  # assets live once, at the site root
            return self.relative_url(path, page.url)

        return {
            "selfcheck": lambda _: form.form(data(), self.instrument, lang, url_for, asset_for, self.assets,
                                             self.lock),
            "selfcheck-result": lambda group: form.result_page(data(), group, url_for),
        }

    def _places_macros(self, page: Page, url_for: UrlFor) -> dict[str, Any]:
        """[[places]] (the listing) and [[place-page ID]] (a generated place page)."""
        site, lang = self._site(), page.lang
        s, furigana = self.strings[lang], lang in self.settings.furigana_locales

        def place_page(ident: str) -> str:
            if ident not in site.places:
                raise macros.MacroError(f"unknown place id '{ident}' (the file names in data/places/)")
            return places.place_page(site.places[ident], site, lang, s, url_for, furigana)

        return {"places": lambda _: places.places_listing(site, lang, s, url_for, furigana),
                "place-page": place_page}

    def _finder_macros(self, page: Page, url_for: UrlFor) -> dict[str, Any]:
        """[[finder]] and [[finder kids]] (the children's version)."""
        if self.finder is None:
            return {}
        found, site, lang = self.finder, self._site(), page.lang

        def render(mode: str) -> str:
            if mode not in ("", "kids"):
                raise macros.MacroError(f"unknown finder '[[finder {mode}]]' (use [[finder]] or [[finder kids]])")
            return finder_page.finder(found, mode or "adult", site, lang, self.strings[lang], url_for)

        return {"finder": render}

    def _load_share(self) -> None:
        st, site = self.settings, self._site()
        try:
            settings = share.load_share(st.root, site, st.docs_dir, st.data_dir)
        except DataError as e:
            raise BuildError(str(e)) from None
        if settings is None:
            return
        problem = share.check_site_url(st.site_url, preview=st.preview)
        if problem:
            raise BuildError(problem)
        if share.is_placeholder(st.site_url):
            data_log.warning(f"site_url is {st.site_url}, a placeholder: printed materials say SAMPLE. "
                             "Set site_url in mkdocs.yml (or TSUNAGU_SITE_URL) to the public address before printing")
        names = {lang: st.site_names.get(lang, st.site_name) for lang in site.languages}
        self.kit = sharekit.ShareKit.load(settings, site, st.site_url, st.default, st.docs_dir, names,
                                          has=self.essentials.has)

    def _share_macros(self, page: Page) -> dict[str, Any]:
        if self.kit is None:
            return {}
        # kit files live once, at the site root
        return {"share-kit": self.kit.macro(page.lang, self.strings[page.lang],
                                            lambda path: self.relative_url(path, page.url))}

    def _write_open_data(self, site_dir: Path) -> None:
        site, default = self._site(), self.settings.default
        folder = site_dir / "data"
        folder.mkdir(parents=True, exist_ok=True)
        status = {sid: translation_status.data_status(self.reviews, sid, tuple(site.languages), default)
                  for sid in site.services}
        (folder / "services.json").write_text(open_data.services_json(site, status), encoding="utf-8")
        (folder / "services.csv").write_text(open_data.services_csv(site, default, self.strings[default]),
                                             encoding="utf-8")

    def _write_kit(self, site_dir: Path) -> None:
        assert self.kit is not None
        st = self.settings
        published = share.read_published(st.root / st.data_dir / "published-paths.txt")
        printed = self.printed
        try:
            self.kit.write(site_dir, self.strings, self._template_dir(), published, self._cache(), log.info,
                           self.relative_url, printed=printed.result if printed else None)
        except sharekit.KitError as e:
            raise BuildError(str(e)) from None
        if self._site().places:
            self._write_places_month(site_dir, self._template_dir())

    def _write_places_month(self, site_dir: Path, template_dir: Path) -> None:
        """kit/print/<lang>/places-month.pdf, printed beside the pages (see prepare) or here."""
        printed = self.places_printed.result() if self.places_printed else self._print_places_month(template_dir)
        for rel, pdf in printed.items():
            sharekit.write(site_dir, rel, pdf)

    def _print_places_month(self, template_dir: Path) -> dict[str, bytes]:
        """This month's sessions (Japan time; TSUNAGU_PLACES_MONTH=YYYY-MM prints another month, e.g. next
        month's for the newsletter): site path -> PDF."""
        st, site = self.settings, self._site()
        wanted = os.environ.get("TSUNAGU_PLACES_MONTH", "")
        today = dt.datetime.now(dt.timezone(dt.timedelta(hours=9))).date()
        year, month = (int(x) for x in wanted.split("-")) if wanted else (today.year, today.month)
        jobs = {sharekit.pdf_file(lang, places_print.KIND): places_print.render_html(
            template_dir, site, lang, self.strings[lang], site_name=st.site_names.get(lang, st.site_name),
            page_url=share.absolute(st.site_url, share.lang_prefix(lang, st.default) + "places/"),
            year=year, month=month, sample=share.is_placeholder(st.site_url)) for lang in site.full_languages}
        try:
            return printkit.pdfs(jobs, self._cache() / "print", progress=log.info)
        except printkit.PrintError as e:
            raise BuildError(str(e)) from None

    def _finish_html(self, html: str, wasm: bool) -> str:
        html = postprocess.valid_markup(postprocess.outbound_links(html, self.settings.site_url))
        html = postprocess.compact_whitespace(postprocess.without_material_js_markup(html))
        self.script_hashes.update(csp.script_hashes(html))
        return csp.add_meta(html, wasm=wasm)

    def _write_host_files(self, site_dir: Path) -> None:
        unknown = hosting.unknown_types(site_dir)
        if unknown:
            raise BuildError("The built site has files whose type hosts must be told, with no entry in "
                             f"tsunagu/publish/hosting.py TYPES: .{', .'.join(unknown)}")
        policy = csp.header_policy(sorted(self.script_hashes))
        url = self.settings.site_url
        (site_dir / hosting.HEADERS_FILE).write_text(hosting.headers_file(site_dir, policy, url), encoding="utf-8")
        (site_dir / hosting.NGINX_FILE).write_text(hosting.nginx_file(policy, url), encoding="utf-8")
        (site_dir / hosting.NGINX_BROTLI_FILE).write_text(hosting.nginx_brotli_file(), encoding="utf-8")

    def _write_service_worker(self, site_dir: Path) -> None:
        st, site = self.settings, self._site()
        pages = offline.essential_pages(st.docs_dir, st.offline_pages, site.languages, st.default,
                                        has=self.essentials.has)
        if not any(pages.values()):
            raise BuildError(f"plugins.tsunagu.offline_pages: expected pages in docs/; none matches "
                             f"{st.offline_pages}")
        fallback = {prefix: prefix + share.page_path(st.talk_now_page) for prefix in pages}
        script = offline.script(site_dir, pages, fallback)
        (site_dir / offline.SW_FILE).write_text(script, encoding="utf-8")

    def _check_never_published(self, site_dir: Path) -> None:
        try:
            hits = forbidden.check_site(site_dir, self.never_publish)
        except forbidden.ToolMissing as e:
            raise BuildError(str(e)) from None
        if hits:
            raise BuildError(forbidden.report(hits))

    def _template_dir(self) -> Path:
        return self.settings.template_dir or self.settings.root / "overrides" / "print"

    def _cache(self, name: str = "") -> Path:
        """Where generated files are kept between builds (TSUNAGU_CACHE lets test copies share one)."""
        return Path(os.environ.get("TSUNAGU_CACHE") or self.settings.root / ".cache") / name


def _yaml(path: Path) -> Any:
    import yaml

    return yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else None


def _untranslated(src: str, languages: tuple[str, ...]) -> str:
    """talk-now.en.md -> talk-now.md, so settings name a page once for every language."""
    for lang in languages:
        if src.endswith(f".{lang}.md"):
            return src[: -len(f".{lang}.md")] + ".md"
    return src
