"""The share and print kit of a build (:class:`ShareKit`) and the files it writes into the site: QR
codes, share cards, PDFs, redirects and ``kit/kit.json``.

The plugin calls it per page (cards, the ``[[share-kit]]`` macro) and once after the last language,
when it can check that every address it prints resolves.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tsunagu.content.macros import MacroError
from tsunagu.data.model import Site
from tsunagu.data.strings import Strings
from tsunagu.kit import cards, printkit, qr, share_html
from tsunagu.kit.share import (
    ShareConfig,
    SharedPage,
    absolute,
    as_published,
    host,
    is_placeholder,
    lang_prefix,
    page_path,
    shared_pages,
)
from tsunagu.pages import front_matter, ruby
from tsunagu.pages.templates import macro

QR_DIR = "kit/qr"
PRINT_DIR = "kit/print"
PLACES_MONTH = "places-month"
"""The monthly A4 list of places (tsunagu/places/printing.py KIND), offered with the kit's PDFs."""
CARD_DIR = "kit/cards"
MANIFEST = "kit/kit.json"


def qr_files(page: SharedPage) -> tuple[str, str]:
    """Site paths of a shared page's QR codes: kit/qr/<lang>/<slug>.svg and .png."""
    base = f"{QR_DIR}/{page.lang}/{page.slug}"
    return base + ".svg", base + ".png"


def pdf_file(lang: str, kind: str) -> str:
    return f"{PRINT_DIR}/{lang}/{kind}.pdf"


def card_file(page_url: str) -> str:
    """The share card of the page at ``page_url`` (``en/talk-now/``): kit/cards/en/talk-now/card.png."""
    return f"{CARD_DIR}/{page_url}card.png"


def cache_path(cache: Path, key: str, ext: str) -> Path:
    """Where the result for ``key`` is kept between builds."""
    return cache / f"{hashlib.sha256(key.encode('utf-8')).hexdigest()[:32]}.{ext}"


def cached(cache: Path | None, key: str, ext: str, make: Callable[[], bytes]) -> bytes:
    """``make()``, or its earlier result for the same key (QR PNGs and cards cost 10–40 ms each)."""
    path = cache_path(cache, key, ext) if cache else None
    if path and path.exists():
        return path.read_bytes()
    data = make()
    if path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return data


def write(site_dir: Path, rel: str, data: bytes) -> None:
    target = site_dir / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


def _qr_keys(url: str) -> tuple[str, str]:
    """Cache keys of an address's SVG and PNG."""
    return f"qr-svg\x1f{url}", f"qr-png\x1fpillow\x1f{qr.PNG_SCALE}\x1f{url}"


def write_qr_codes(site_dir: Path, site_url: str, pages: list[SharedPage], cache: Path | None) -> None:
    for page in pages:
        url = absolute(site_url, page.path)
        svg_rel, png_rel = qr_files(page)
        svg_key, png_key = _qr_keys(url)
        svg = cached(cache, svg_key, "svg", lambda url=url: qr.svg(url))  # type: ignore[misc]
        write(site_dir, svg_rel, svg)
        png = cached(cache, png_key, "png", lambda url=url: qr.png(url))  # type: ignore[misc]
        write(site_dir, png_rel, png)


def qr_codes_to_make(site_url: str, pages: list[SharedPage], cache: Path) -> list[str]:
    """The addresses whose QR codes are not in the cache yet (one per address, in the pages' order)."""
    urls = dict.fromkeys(absolute(site_url, page.path) for page in pages)
    return [url for url in urls if not all(cache_path(cache, key, ext).exists()
                                           for key, ext in zip(_qr_keys(url), ("svg", "png"), strict=True))]


def make_qr_codes(urls: list[str], cache: Path) -> None:
    """Fill the cache with the SVG and PNG of each address (run in worker processes beside the pages, so
    :func:`write_qr_codes` only copies; a city with 1,000 services has 6,000 addresses)."""
    for url in urls:
        for key, ext, data in zip(_qr_keys(url), ("svg", "png"), qr.svg_and_png(url), strict=True):
            path = cache_path(cache, key, ext)
            path.parent.mkdir(parents=True, exist_ok=True)
            part = path.with_name(f"{path.name}.{os.getpid()}.part")
            part.write_bytes(data)
            part.replace(path)  # a reader never sees half a file


def write_redirect(site_dir: Path, old: str, target_href: str, title: str) -> None:
    """A page at the old path that sends the visitor on: works without script, says where it goes."""
    html = macro("redirect.html", "redirect", target_href, title)
    write(site_dir, f"{old}index.html", html.encode("utf-8"))


def unresolved(site_dir: Path, paths: list[str]) -> list[str]:
    """Site paths (``en/talk-now/``) with no page in the built site."""
    return [p for p in paths if not (site_dir / p / "index.html").is_file()]


def manifest(site_url: str, pages: list[SharedPage], prints: list[dict[str, object]]) -> bytes:
    """``kit/kit.json``: what the kit holds, for editors' tools and for the tests."""
    entries = []
    for page in pages:
        svg_rel, png_rel = qr_files(page)
        entries.append({"lang": page.lang, "page": page.src, "path": as_published(page.path),
                        "url": absolute(site_url, page.path), "qr_svg": svg_rel, "qr_png": png_rel})
    data = {"site_url": site_url, "pages": entries, "print": prints}
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


class KitError(Exception):
    """An address the kit prints or publishes does not resolve, or a PDF could not be made."""


@dataclass
class ShareKit:
    """The share and print kit of one build: settings, page titles per language, and what it writes."""

    config: ShareConfig
    site: Site
    site_url: str
    default: str
    titles: dict[tuple[str, str], str]
    """(language, page source) -> the page's title, for QR tables and printed links."""
    site_names: dict[str, str]
    has: Callable[[str, str], bool] = lambda lang, src: True
    """Whether a page (source in docs/) exists in a language: an essentials language shares and prints only
    what it has (tsunagu/content/essentials.py)."""

    @classmethod
    def load(cls, config: ShareConfig, site: Site, site_url: str, default: str, docs_dir: Path,
             site_names: dict[str, str], has: Callable[[str, str], bool] = lambda lang, src: True) -> ShareKit:
        sources = {*config.pages, *config.redirects.values()}
        for doc in config.print.values():
            sources |= {doc.qr, *doc.links}
        titles: dict[tuple[str, str], str] = {}
        for lang in site.languages:
            for src in sources:
                if not has(lang, src):
                    continue
                name = src if lang == default else f"{src[:-3]}.{lang}.md"
                meta = front_matter.meta((docs_dir / name).read_text(encoding="utf-8"))
                titles[(lang, src)] = str(meta.get("title") or src)
            for sid, service in site.services.items():
                titles[(lang, f"services/{sid}.md")] = service.name[lang]
        return cls(config, site, site_url, default, titles, site_names, has)

    def url(self, lang: str, src: str) -> str:
        """The absolute address of a page in a language."""
        return absolute(self.site_url, lang_prefix(lang, self.default) + page_path(src))

    def macro(self, lang: str, s: Strings, at_root: Callable[[str], str]) -> Callable[[str], str]:
        """``[[share-kit print|pages|services|<print kind>]]``: downloads for a page in ``lang``."""
        cfg = self.config

        def rows(sources: list[str]) -> list[share_html.KitRow]:
            shared = {p.src: p for p in shared_pages(cfg, self.site, self.default, self.has) if p.lang == lang}
            out = []
            for src in sources:
                svg, png = qr_files(shared[src])
                out.append(share_html.KitRow(self.titles[(lang, src)], at_root(shared[src].path),
                                             self.url(lang, src), at_root(svg), at_root(png)))
            return out

        def render(what: str) -> str:
            prints = [(kind, at_root(pdf_file(lang, kind))) for kind in cfg.print]
            if self.site.places:  # printed after the kit by tsunagu/places/printing.py, this month
                prints.append((PLACES_MONTH, at_root(pdf_file(lang, PLACES_MONTH))))
            if what == "print":
                return share_html.print_list(prints, s)
            if what == "pages":
                return share_html.qr_table(rows(list(cfg.pages)), s)
            if what == "services":
                ids = [f"services/{sid}.md" for sid in sorted(self.site.services)] if cfg.services else []
                return share_html.collapsed(s("kit.services"), share_html.qr_table(rows(ids), s))
            if what in cfg.print:
                doc = cfg.print[what]
                return (share_html.print_list([p for p in prints if p[0] == what], s)
                        + share_html.qr_table(rows([doc.qr, *doc.links]), s))
            raise MacroError(f"unknown id(s): [[share-kit {what}]] (use print, pages, services or one of "
                             + ", ".join(cfg.print) + ")")

        return render

    def card_of(self, lang: str, site_name: str, title: str, description: str) -> cards.Card:
        """What the page's share card shows (draw it with :func:`cards.render`)."""
        return cards.Card(lang, ruby.strip(site_name), ruby.strip(title), ruby.strip(description),
                          f"{ruby.strip(self.site.city[lang])} · {host(self.site_url)}")

    def card(self, lang: str, site_name: str, title: str, description: str, cache: Path | None) -> bytes:
        """The page's share card (PNG)."""
        card = self.card_of(lang, site_name, title, description)
        return cached(cache, cards.cache_key(card), "png", lambda: cards.render(card))

    def print_jobs(self, strings: dict[str, Strings],
                   template_dir: Path) -> tuple[dict[str, str], list[dict[str, object]]]:
        """The HTML of every printed document (site path of its PDF -> HTML) and their kit.json entries.

        Needs only the data and the page titles, so printing can start before the first page is built."""
        jobs: dict[str, str] = {}
        prints: list[dict[str, object]] = []
        for lang in self.site.languages:
            for kind, doc in self.config.print.items():
                if not all(self.has(lang, src) for src in (doc.qr, *doc.links)):
                    continue  # an essentials language prints only documents whose pages it has
                links = [printkit.Link(self.titles[(lang, src)], self.url(lang, src)) for src in doc.links]
                jobs[pdf_file(lang, kind)] = printkit.render_html(
                    template_dir, doc, self.site, lang, strings[lang], site_name=self.site_names[lang],
                    qr_url=self.url(lang, doc.qr), links=links, sample=is_placeholder(self.site_url))
                prints.append({"lang": lang, "kind": kind, "pdf": pdf_file(lang, kind),
                               "qr_url": self.url(lang, doc.qr), "services": list(doc.services)})
        return jobs, prints

    def print_pdfs(self, strings: dict[str, Strings], template_dir: Path, cache: Path | None,
                   progress: Callable[[str], None]) -> dict[str, bytes]:
        """Every PDF (site path -> bytes); only documents whose HTML changed start Chromium."""
        jobs, _ = self.print_jobs(strings, template_dir)
        try:
            return printkit.pdfs(jobs, cache / "print" if cache else None, progress=progress)
        except printkit.PrintError as e:
            raise KitError(str(e)) from None

    def write(self, site_dir: Path, strings: dict[str, Strings], template_dir: Path, published: list[str],
              cache: Path | None, progress: Callable[[str], None],
              relative_url: Callable[[str, str], str],
              printed: Callable[[], dict[str, bytes]] | None = None) -> None:
        """After the last language: QR codes and redirects; check every address; then PDFs and kit.json.

        ``printed`` returns PDFs printed beforehand (see :meth:`print_pdfs`); without it they are printed here."""
        pages = shared_pages(self.config, self.site, self.default, self.has)
        write_qr_codes(site_dir, self.site_url, pages, cache / "qr" if cache else None)
        for old, target in self.config.redirects.items():
            for lang in self.site.languages:
                if not self.has(lang, target):
                    continue
                prefix = lang_prefix(lang, self.default)
                href = relative_url(prefix + page_path(target), prefix + old)
                write_redirect(site_dir, prefix + old, href, ruby.strip(self.titles[(lang, target)]))
        self._check(site_dir, [p.path for p in pages], published)
        _, prints = self.print_jobs(strings, template_dir)
        pdfs = printed() if printed else self.print_pdfs(strings, template_dir, cache, progress)
        for rel, pdf in pdfs.items():
            write(site_dir, rel, pdf)
        write(site_dir, MANIFEST, manifest(self.site_url, pages, prints))

    def _check(self, site_dir: Path, shared: list[str], published: list[str]) -> None:
        """Every QR target and every published path must be a page of the built site."""
        problems = [f"data/share.yml: the QR code for /{p} points to a page that was not built"
                    for p in unresolved(site_dir, shared)]
        for p in unresolved(site_dir, [p.lstrip("/") for p in published]):
            bare = next((p[len(lang) + 1:] for lang in self.site.languages if p.startswith(f"{lang}/")), p)
            problems.append(f"data/published-paths.txt: /{p} was published (on paper or in a link) and is no "
                            "longer a page. Restore the page, or add it to redirects: in data/share.yml "
                            f"(e.g. redirects: {{{bare}: talk-now.md}})")
        if problems:
            raise KitError("Addresses that must work do not:\n  - " + "\n  - ".join(problems))
