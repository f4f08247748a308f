"""The share and print kit's settings (``data/share.yml``) and the addresses they publish.

A shared address is a site path such as ``en/talk-now/``: the page's directory URL behind the
language folder (none for the default language). QR codes, print materials and the published-paths
list all come from :func:`shared_pages`, so they cannot disagree.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from tsunagu.data.model import Site
from tsunagu.data.problems import MISSING, DataError, Found, Problems
from tsunagu.data.reader import Reader, read_yaml

PRINT_KINDS = ("poster", "flyer", "handout")
"""Each kind has a template in overrides/print/<kind>.html."""
PATH = re.compile(r"^(?:[a-z0-9][a-z0-9-]*/)+$")
RESERVED_HOSTS = re.compile(r"(^|\.)(example|test|invalid|localhost)$|(^|\.)example\.(com|org|net)$|^127\.")


@dataclass(frozen=True)
class PrintDoc:
    kind: str
    qr: str
    """The page (a source path in docs/) the big QR code opens."""
    links: tuple[str, ...]
    services: tuple[str, ...]


@dataclass(frozen=True)
class ShareConfig:
    pages: tuple[str, ...]
    services: bool
    print: dict[str, PrintDoc]
    redirects: dict[str, str]
    """Old path (``check/``) -> page source (``self-check.md``)."""


@dataclass(frozen=True)
class SharedPage:
    lang: str
    src: str
    """``talk-now.md``, or ``services/<id>.md`` for a service."""
    path: str
    """Site path with the language folder: ``en/talk-now/``; ``""`` is the default language's home."""

    @property
    def slug(self) -> str:
        """File name for the page's QR code: ``talk-now``, ``services-yell``, ``home``."""
        bare = page_path(self.src).strip("/").replace("/", "-")
        return bare or "home"


def load_share(root: Path, site: Site, docs_dir: Path, data_dir: str = "data") -> ShareConfig | None:
    """Read ``data/share.yml`` (optional: a site without it has no kit); raise listing every problem."""
    path = root / data_dir / "share.yml"
    if not path.exists():
        return None
    problems = Problems()
    raw = read_yaml(root, path, problems)
    if problems:
        raise DataError(problems)
    r = Reader(path.relative_to(root).as_posix(), "share", site.languages, problems)
    m = r.mapping(raw, "", {"pages", "services", "print", "redirects"})

    def page(value: Any, key: str) -> str:
        if not isinstance(value, str) or not (docs_dir / value).is_file():
            r.problem(key, "a page in docs/ (its default-language file, e.g. talk-now.md)",
                      value if isinstance(value, str) and value else Found(repr(value)), "talk-now.md")
            return ""
        return value

    pages = tuple(page(v, f"pages[{i}]") for i, v in enumerate(r.str_list(m, "pages")))
    services = r.flag(m, "services", "")
    docs: dict[str, PrintDoc] = {}
    print_raw = r.mapping(m.get("print", {}), "print", set(PRINT_KINDS))
    for kind, spec in print_raw.items():
        key = f"print.{kind}"
        d = r.mapping(spec, key, {"qr", "links", "services"})
        qr = page(d.get("qr", MISSING), f"{key}.qr")
        if qr and qr not in pages:
            r.problem(f"{key}.qr", "one of the pages listed under pages:", qr, f"pages: [{qr}, ...]")
        links = tuple(page(v, f"{key}.links[{i}]") for i, v in enumerate(r.str_list(d, "links", key + ".")))
        ids = tuple(r.str_list(d, "services", key + "."))
        for i, sid in enumerate(ids):
            service = site.services.get(sid)
            if service is None:
                r.problem(f"{key}.services[{i}]", "the id of a service in data/services/", sid, "services: [childline]")
            elif service.main_phone() is None:
                r.problem(f"{key}.services[{i}]", "a service with a phone number (print shows numbers)", sid)
        docs[str(kind)] = PrintDoc(str(kind), qr, links, ids)
    redirects: dict[str, str] = {}
    for old, target in r.mapping(m.get("redirects", {}) or {}, "redirects", None).items():
        key = f"redirects.{old}"
        if not isinstance(old, str) or not PATH.match(old):
            r.problem(key, "an old path like check/ (lower case, ending in /)", Found(repr(old)),
                      "check/: self-check.md")
        elif (docs_dir / (old.rstrip("/") + ".md")).is_file():
            r.problem(key, "a path no page uses now", Found(f"docs/{old.rstrip('/')}.md exists"))
        redirects[str(old)] = page(target, key)
    if problems:
        raise DataError(problems)
    return ShareConfig(pages, services, docs, redirects)


def check_site_url(site_url: str | None, preview: bool = False) -> str:
    """The public address QR codes and share cards point to; '' means it is fine.

    ``preview``: ``mkdocs serve`` sets site_url to its own http://127.0.0.1 address.
    """
    if not site_url:
        return ("mkdocs.yml: key 'site_url': expected the site's public address, e.g. "
                "site_url: https://tsunagu.example.jp/ (or set TSUNAGU_SITE_URL); found nothing. "
                "QR codes, printed materials and share cards link to it")
    parts = urlsplit(site_url)
    scheme_ok = parts.scheme == "https" or (preview and parts.scheme == "http")
    if not scheme_ok or not parts.netloc or parts.query or parts.fragment:
        return (f"mkdocs.yml: key 'site_url': expected an https:// address without ? or #; found '{site_url}'")
    return ""


def is_placeholder(site_url: str) -> bool:
    """A reserved host (RFC 2606 names): print materials carry a SAMPLE mark."""
    return bool(RESERVED_HOSTS.search(urlsplit(site_url).hostname or ""))


def host(site_url: str) -> str:
    return urlsplit(site_url).hostname or ""


def page_path(src: str) -> str:
    """``talk-now.md`` -> ``talk-now/``; ``index.md`` -> ``""`` (directory URLs)."""
    stem = src[: -len(".md")]
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


def lang_prefix(lang: str, default: str) -> str:
    return "" if lang == default else f"{lang}/"


def shared_pages(share: ShareConfig, site: Site, default: str,
                 has: Callable[[str, str], bool] = lambda lang, src: True) -> list[SharedPage]:
    """Every shared page in every language that has it (``has(lang, src)``), in a stable order (languages as
    configured)."""
    sources = list(share.pages)
    if share.services:
        sources += [f"services/{sid}.md" for sid in sorted(site.services)]
    return [SharedPage(lang, src, lang_prefix(lang, default) + page_path(src))
            for lang in site.languages for src in sources if has(lang, src)]


def absolute(site_url: str, path: str) -> str:
    return site_url.rstrip("/") + "/" + path


def read_published(path: Path) -> list[str]:
    """``data/published-paths.txt``: one path per line, ``/`` for the home; ``#`` starts a comment."""
    if not path.exists():
        return []
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line]


def as_published(path: str) -> str:
    """Site path -> how the list writes it: ``en/talk-now/`` -> ``/en/talk-now/``."""
    return "/" + path
