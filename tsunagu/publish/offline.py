"""The service worker (``sw.js`` at the site root): what it caches, and its version.

The worker's code is ``tsunagu/publish/sw.js``; the build puts the file lists and a version in front
of it. The version is a hash of every published file, so any change to the site gives a new worker,
and with it a new cache.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import re
from collections.abc import Callable
from pathlib import Path

from tsunagu.kit.share import page_path

SW_SOURCE = Path(__file__).parent / "sw.js"
SW_FILE = "sw.js"
_STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+)"')
# Copies for the host, maps for developers, the kit for editors: not needed offline, nor in the version.
_SKIP = re.compile(r"\.(gz|br|map)$|^kit/|^sw\.js$")


def essential_pages(docs_dir: Path, patterns: list[str], languages: tuple[str, ...],
                    default: str, has: Callable[[str, str], bool] = lambda lang, src: True) -> dict[str, list[str]]:
    """Per language folder (``""``, ``en/``, ...), the site paths of the pages to keep offline.

    ``patterns`` name default-language sources in docs/ (``talk-now.md``, ``self-check/*.md``); ``has(lang,
    src)`` says whether a page exists in a language (an essentials language has fewer).
    """
    sources = sorted(p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md"))
    bare = [s for s in sources if not any(s.endswith(f".{lang}.md") for lang in languages)]
    chosen = [s for pattern in patterns for s in bare if fnmatch.fnmatch(s, pattern)]
    out: dict[str, list[str]] = {}
    for lang in languages:
        prefix = "" if lang == default else f"{lang}/"
        out[prefix] = [prefix + page_path(s) for s in dict.fromkeys(chosen) if has(lang, s)]
    return out


def core_files(site_dir: Path, home: str = "index.html") -> list[str]:
    """Files every page needs: the stylesheets the home page links, and tsunagu's own scripts and icon."""
    html = (site_dir / home).read_text(encoding="utf-8")
    sheets = [href for href in _STYLESHEET.findall(html) if not href.startswith(("http:", "https:", "//"))]
    ours = sorted(p.relative_to(site_dir).as_posix() for p in (site_dir / "assets" / "tsunagu").iterdir()
                  if p.is_file() and not _SKIP.search(p.name))
    return list(dict.fromkeys([*sheets, *ours]))


def version(site_dir: Path) -> str:
    """A hash of every published file's path and content (the service worker's own file left out)."""
    digest = hashlib.sha256()
    for path in sorted(site_dir.rglob("*")):
        rel = path.relative_to(site_dir).as_posix()
        if path.is_file() and not _SKIP.search(rel):
            digest.update(rel.encode("utf-8") + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def script(site_dir: Path, pages: dict[str, list[str]], fallback: dict[str, str]) -> str:
    head = (
        f"var VERSION = {json.dumps(version(site_dir))};\n"
        f"var CORE = {json.dumps(core_files(site_dir))};\n"
        f"var PAGES = {json.dumps(pages, ensure_ascii=False)};\n"
        f"var FALLBACK = {json.dumps(fallback, ensure_ascii=False)};\n"
    )
    return head + SW_SOURCE.read_text(encoding="utf-8")


