"""Benchmark: does the build stay linear in languages? 6 vs 12 languages, real data and many services.

Usage:
  .venv/bin/python benchmarks/languages.py            # full: real data, and 1,000 services, 6 vs 12 languages
  .venv/bin/python benchmarks/languages.py --quick    # the real data without the share kit (about 2 minutes)
  .venv/bin/python benchmarks/languages.py --services 300

The six-language build is the site's first six languages (as listed in mkdocs.yml); the twelve-language build
is its first twelve, and when the site has fewer, the rest are copies of English under locales Material knows
(fr, de, it, nl, pl, sv, …, skipping the site's own): pages, data texts and interface strings (read from the
copy's own locales/ folder; nothing in the project is written). A site that already has twelve languages or
more is compared with its own first six: the copy drops the others (their pages, their entry in mkdocs.yml,
their texts in data/). Each configuration is built into a throw-away copy of the project with its own cache.
Without the share kit (data/share.yml removed: no card per page, no PDFs) one build shows the pages alone;
with it, the second (warm) build is reported, so cards and PDFs made once are not counted. With
``--services`` the copies of the real services get new ids (no kit).
Besides the wall time it reports the CPU time spent in mkdocs-static-i18n's file map (its ``on_files``, run once
per language build; tsunagu/mkdocs/i18n_files.py makes it linear in files), measured by wrapping that method
in the build process. The ratio uses the build's CPU time (user + system of the child process): on a machine
shared with other work the wall time says more about the neighbours.
Target from the issue: doubling the languages costs at most 2.2x.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
# The project's packages first: this folder's selfcheck.py would hide the selfcheck package.
sys.path[:0] = [str(ROOT)]

from tsunagu.directory.rules import GENERATED_DIRS as GENERATED  # noqa: E402 (made at build time: never copied)

POOL = ["fr", "de", "it", "nl", "pl", "sv", "da", "fi", "cs", "hu", "ro", "uk", "tr", "el", "he", "ar", "ru", "nb"]
"""Locales Material knows, for the copies of English (those the site already has are skipped)."""


def site_languages(root: Path = ROOT) -> list[str]:
    """The site's languages, in mkdocs.yml's order (the default first)."""
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    block = re.search(r"\n      languages:\n((?:        .*\n|          .*\n)+)", text)
    return re.findall(r"^        - locale: (\S+)$", block.group(1) if block else "", re.M)


SITE = site_languages()
BASE = SITE[:6]
"""The six-language build."""
EXTRA = [lang for lang in POOL if lang not in SITE][:max(0, 12 - len(SITE))]
"""Copies of English added for the twelve-language build when the site has fewer than twelve."""
TWELVE = [*SITE[:12], *EXTRA]

# Runs mkdocs in a child process with static-i18n's file map timed (the wrapper prints one line at exit).
RUNNER = """
import atexit, sys, time
from pathlib import Path
import tsunagu.data.strings
tsunagu.data.strings.load_strings.__defaults__ = (Path(sys.argv[1]).parent / "locales",)
from mkdocs_static_i18n import plugin
spent = [0.0, 0]
original = plugin.I18n.on_files
def timed(self, *a, **k):
    start = time.thread_time()  # CPU time of this thread: the machine's other work does not count
    try:
        return original(self, *a, **k)
    finally:
        spent[0] += time.thread_time() - start
        spent[1] += 1
timed.mkdocs_priority = original.mkdocs_priority
plugin.I18n.on_files = timed
atexit.register(lambda: print(f"I18N-FILES {spent[0]:.3f} {spent[1]}", file=sys.stderr))
from mkdocs.__main__ import cli
sys.argv = ["mkdocs", "build", "--strict", "-f", sys.argv[1], "-d", sys.argv[2]]
cli()
"""


def _with_languages(node: Any, base: list[str], extra: list[str], drop: list[str]) -> Any:
    """Every text given in all base languages gets the extra languages too (copies of English), and loses
    the dropped ones."""
    if isinstance(node, dict):
        out = {k: _with_languages(v, base, extra, drop) for k, v in node.items()}
        if all(lang in node for lang in base):
            if isinstance(node.get("en"), str):
                out.update({lang: node["en"] for lang in extra})
            for lang in drop:
                out.pop(lang, None)
        return out
    if isinstance(node, list):
        return [_with_languages(v, base, extra, drop) for v in node]
    return node


def _drop_locale(mkdocs_yml: str, lang: str) -> str:
    """mkdocs.yml without static-i18n's entry for ``lang``."""
    return re.sub(rf"        - locale: {re.escape(lang)}\n(?:          .*\n)*", "", mkdocs_yml, count=1)


def make_project(target: Path, extra: list[str], services: int | None, kit: bool, drop: list[str] | None = None,
                 root: Path = ROOT) -> Path:
    """A copy of the project at ``root`` with ``extra`` languages (copies of English) and without ``drop``
    (the site's own languages beyond those measured), optionally with ``services`` services; without the
    share kit unless ``kit``."""
    drop = drop or []
    base = [lang for lang in site_languages(root) if lang not in drop][:6]
    target.mkdir(parents=True)
    for name in ("overrides", "node_modules", "selfcheck", "scripts", "package.json", "package-lock.json"):
        if (root / name).exists():
            (target / name).symlink_to((root / name).resolve())
    shutil.copytree(root / "docs", target / "docs",
                    ignore=lambda d, names: [n for n in names if Path(d) == root / "docs" and n in GENERATED])
    shutil.copytree(root / "data", target / "data")
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    for lang in drop:
        text = _drop_locale(text, lang)
        for page in list((target / "docs").rglob(f"*.{lang}.md")):
            page.unlink()
    if extra:
        entries = "".join(f"        - locale: {lang}\n          name: {lang.upper()}\n          build: true\n"
                          f"          site_name: Tsunagu {lang}\n" for lang in extra)
        text = re.sub(r"(\n      languages:\n(?:        .*\n|          .*\n)+)", lambda m: m.group(1) + entries, text,
                      count=1)
        for page in sorted((target / "docs").rglob("*.en.md")):
            for lang in extra:
                shutil.copy(page, page.with_name(page.name.replace(".en.md", f".{lang}.md")))
    known_file = target / "data" / "translation-differences.yml"  # the copies differ as English does
    if (extra or drop) and known_file.exists():
        known = yaml.safe_load(known_file.read_text(encoding="utf-8"))
        for page, items in list(known["known"].items()):
            if page.endswith(".en.md"):
                known["known"].update({page.replace(".en.md", f".{lang}.md"): items for lang in extra})
            if any(page.endswith(f".{lang}.md") for lang in drop):
                del known["known"][page]
        known_file.write_text(yaml.safe_dump(known, allow_unicode=True), encoding="utf-8")
    if extra or drop:
        for path in sorted((target / "data").rglob("*.yml")):
            if path == known_file:
                continue
            raw = yaml.safe_load(path.read_text(encoding="utf-8"))
            path.write_text(yaml.safe_dump(_with_languages(raw, base, extra, drop), allow_unicode=True,
                                           sort_keys=False), encoding="utf-8")
    if not kit:  # no cards, QR codes or PDFs, and the pages that show them show nothing instead
        (target / "data" / "share.yml").unlink(missing_ok=True)
        for page in (target / "docs").glob("*.md"):
            page.write_text(re.sub(r"\[\[share-kit[^\]]*\]\]", "", page.read_text(encoding="utf-8")),
                            encoding="utf-8")
    if services:
        originals = sorted((target / "data" / "services").glob("*.yml"))
        crisis = set(yaml.safe_load((target / "data" / "site.yml").read_text(encoding="utf-8")).get("crisis_strip", []))
        i = 0
        while len(list((target / "data" / "services").glob("*.yml"))) < services:
            source = originals[i % len(originals)]
            raw = yaml.safe_load(source.read_text(encoding="utf-8"))
            if raw["id"] not in crisis and "emergency" not in raw.get("topics", []):
                raw["id"] = f"{raw['id']}-copy{i}"
                for contact in raw.get("contacts", []):
                    contact.pop("superseded", None)
                (target / "data" / "services" / f"{raw['id']}.yml").write_text(
                    yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
            i += 1
    (target / "mkdocs.yml").write_text(text, encoding="utf-8")
    locales = root / "tsunagu" / "locales"
    locales = locales if locales.is_dir() else root / "locales"  # ``root`` may itself be such a copy
    shutil.copytree(locales, target / "locales")  # the build reads the strings from here (see RUNNER)
    for lang in extra:
        shutil.copy(locales / "en.yml", target / "locales" / f"{lang}.yml")
    return target


def run_build(project: Path, cache: Path) -> tuple[float, float, float, int]:
    """(wall s, CPU s of the build process, s in static-i18n's file map, HTML files)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "TSUNAGU_CACHE": str(cache)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", RUNNER, str(project / "mkdocs.yml"), str(project / "site")],
                            capture_output=True, text=True, env=env, cwd=project, timeout=3600)
    took = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    if result.returncode != 0:
        raise SystemExit(f"build failed in {project}:\n{result.stderr[-3000:]}")
    spent = re.search(r"I18N-FILES ([0-9.]+) (\d+)", result.stderr)
    pages = len(list((project / "site").rglob("*.html")))
    return took, cpu, float(spent.group(1)) if spent else float("nan"), pages


def measure(label: str, languages: list[str], services: int | None, runs: int, kit: bool) -> tuple[float, float]:
    """Build a copy of the project with ``languages`` (the site's own first, then copies of English)."""
    extra = [lang for lang in languages if lang not in SITE]
    drop = [lang for lang in SITE if lang not in languages]
    with tempfile.TemporaryDirectory() as tmp:
        project = make_project(Path(tmp) / "project", extra, services, kit, drop)
        cache = Path(tmp) / "cache"  # the project's own cache to start with: Pyodide's compressed files, cards
        if (ROOT / ".cache").is_dir():
            shutil.copytree(ROOT / ".cache", cache)
        cache.mkdir(exist_ok=True)
        (project / ".cache").symlink_to(cache)  # Pyodide's brotli copies are read from the project's .cache/
        results = [run_build(project, cache) for _ in range(runs)]
        took, cpu, i18n, pages = results[-1]
        print(f"{label:44} wall {took:7.1f} s  CPU {cpu:7.1f} s  static-i18n file map {i18n:6.2f} s  "
              f"{pages:6} HTML files", flush=True)
        return cpu, i18n


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="real data without the share kit, one build each")
    parser.add_argument("--services", type=int, default=1000)
    args = parser.parse_args()
    sets = [(None, "real data, no share kit", False)]
    if not args.quick:
        sets += [(args.services, f"{args.services} services, no share kit", False),
                 (None, "real data, share kit (warm)", True)]
    for services, name, kit in sets:
        runs = 2 if kit else 1
        six = measure(f"6 languages, {name}", BASE, services, runs, kit)
        twelve = measure(f"12 languages, {name}", TWELVE, services, runs, kit)
        print(f"  doubling the languages: x{twelve[0] / six[0]:.2f} CPU time (target <= 2.2), "
              f"static-i18n file map x{twelve[1] / six[1]:.2f}", flush=True)


if __name__ == "__main__":
    main()
