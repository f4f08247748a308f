"""Benchmark: does the build stay linear in languages? Three builds, with the real data and with 1,000 more
generated services.

Usage:
  .venv/bin/python benchmarks/languages.py            # full: the three builds, real data and 1,000 services
  .venv/bin/python benchmarks/languages.py --quick    # seconds: the three copies made and checked, not built
  .venv/bin/python benchmarks/languages.py --services 300 [--kit]

The three builds, each of a throw-away copy of the project with its own cache (nothing in the project is written):
  (a) the site's full languages (six): the essentials languages dropped — their i18n entries and
      ``essentials_languages`` in mkdocs.yml, their docs/*.<lang>.md, their texts in data/, their glossary
      entries and ``japanese_names_in`` codes (their locale files stay, unread);
  (b) twice as many full languages: (a) plus as many copies of English as full languages, under locales Material
      knows (fr, de, it, …, skipping the site's own): pages, data texts, glossary entries and interface strings
      (read from the copy's own locales/ folder). The hard case of issue 14 §5: doubling the full languages;
  (c) the real site: the full languages and the essentials languages (essentials pages only).
Each copy must pass the checks the build runs, with the essentials-aware completeness check (``check``; the
quick mode and tests/unit/test_benchmark_languages.py run it). The generated services are benchmarks/directory.py's
(``add_services``). Without the share kit (data/share.yml removed: no card per page, no PDFs) a build shows the
pages alone; with ``--kit`` the second (warm) build is reported, so cards and PDFs made once are not counted.
Besides wall and CPU time it reports the CPU time spent in mkdocs-static-i18n's file map (its ``on_files``, run
once per language build; tsunagu/mkdocs/i18n_files.py makes it linear in files), measured by wrapping that method
in the build process. The ratios use the build's CPU time (user + system of the child process and its workers):
on a machine shared with other work the wall time says more about the neighbours.
Target from the issue: doubling the languages costs at most 2.2x (b/a).
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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
# The project's packages first: this folder's selfcheck.py would hide the selfcheck package.
sys.path[:0] = [str(ROOT)]

from tsunagu.content import glossary, translation_facts  # noqa: E402
from tsunagu.content.completeness import check_translations  # noqa: E402
from tsunagu.content.essentials import Essentials  # noqa: E402
from tsunagu.data.loader import load_site  # noqa: E402
from tsunagu.data.problems import DataError  # noqa: E402
from tsunagu.data.strings import StringsError, load_strings  # noqa: E402
from tsunagu.directory.rules import GENERATED_DIRS as GENERATED  # noqa: E402 (made at build time: never copied)
from tsunagu.finder.choices import load_finder  # noqa: E402

POOL = ["fr", "de", "it", "nl", "pl", "sv", "da", "fi", "cs", "hu", "ro", "uk", "tr", "el", "he", "ar", "ru", "nb"]
"""Locales Material knows, for the copies of English (those the site already has are skipped)."""
ESSENTIALS_LINE = re.compile(r"^( +essentials_languages: *)\[([^\]]*)\] *\n", re.M)


def site_languages(root: Path = ROOT) -> list[str]:
    """The site's languages, in mkdocs.yml's order (the default first)."""
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    block = re.search(r"\n      languages:\n((?:        .*\n|          .*\n)+)", text)
    return re.findall(r"^        - locale: (\S+)$", block.group(1) if block else "", re.M)


def essentials_languages(root: Path = ROOT) -> list[str]:
    """plugins.tsunagu.essentials_languages of the project at ``root`` (none when absent)."""
    found = ESSENTIALS_LINE.search((root / "mkdocs.yml").read_text(encoding="utf-8"))
    return [lang.strip() for lang in found.group(2).split(",") if lang.strip()] if found else []


SITE = site_languages()
ESSENTIALS = essentials_languages()
FULL = [lang for lang in SITE if lang not in ESSENTIALS]
"""Build (a): the site's full languages."""
EXTRA = [lang for lang in POOL if lang not in SITE][: len(FULL)]
"""Copies of English that double the full languages in build (b)."""


@dataclass(frozen=True)
class Config:
    key: str
    label: str
    extra: tuple[str, ...]
    drop: tuple[str, ...]


CONFIGS = (
    Config("a", f"(a) {len(FULL)} full languages", (), tuple(ESSENTIALS)),
    Config("b", f"(b) {len(FULL) + len(EXTRA)} full languages ({len(EXTRA)} copies of en)", tuple(EXTRA),
           tuple(ESSENTIALS)),
    Config("c", f"(c) real site, {len(FULL)} full + {len(ESSENTIALS)} essentials", (), ()),
)

# Runs mkdocs in a child process with static-i18n's file map timed (the wrapper prints one line at exit), and
# the interface strings read from the copy's locales/ folder.
RUNNER = """
import atexit, sys, time
from pathlib import Path
import tsunagu.data.strings
load = tsunagu.data.strings.load_strings
load.__defaults__ = (Path(sys.argv[1]).parent / "locales", *load.__defaults__[1:])
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


def _with_languages(node: Any, langs: set[str], full: list[str], extra: tuple[str, ...], drop: tuple[str, ...]
                    ) -> Any:
    """Every text in all ``full`` languages gets the ``extra`` ones too (copies of English); every text mapping
    (keys all among the site's languages ``langs``, one of them ja or en) loses the ``drop`` ones. The second
    condition keeps ``id`` (Indonesian, and a service's id) where it is a field."""
    if isinstance(node, dict):
        out = {k: _with_languages(v, langs, full, extra, drop) for k, v in node.items()}
        keys = {str(k) for k in node}
        if keys <= langs and keys & {"ja", "en"}:
            for lang in drop:
                out.pop(lang, None)
            if all(lang in node for lang in full) and isinstance(node.get("en"), str):
                out.update({lang: node["en"] for lang in extra})
        return out
    if isinstance(node, list):
        return [_with_languages(v, langs, full, extra, drop) for v in node]
    return node


def _glossary(raw: dict[str, Any], extra: tuple[str, ...], drop: tuple[str, ...]) -> dict[str, Any]:
    """data/glossary.yml without the ``drop`` languages (an entry left with no term goes), the ``extra`` ones
    checked as English is."""
    def langs(codes: list[str]) -> list[str]:
        return [c for c in codes if c not in drop] + ([c for c in extra] if "en" in codes else [])

    if "japanese_names_in" in raw:
        raw["japanese_names_in"] = langs(raw["japanese_names_in"])
    terms = []
    for term in raw.get("terms", []):
        for key in ("preferred", "avoid", "allow"):
            if isinstance(term.get(key), dict):
                texts = {lang: v for lang, v in term[key].items() if lang not in drop}
                texts.update({lang: texts["en"] for lang in extra if "en" in texts})
                term[key] = texts
        if term.get("preferred") or term.get("avoid"):
            terms.append({k: v for k, v in term.items() if v != {}})
    raw["terms"] = terms
    return raw


def _drop_locale(mkdocs_yml: str, lang: str) -> str:
    """mkdocs.yml without static-i18n's entry for ``lang``."""
    return re.sub(rf"        - locale: {re.escape(lang)}\n(?:          .*\n)*", "", mkdocs_yml, count=1)


def make_project(target: Path, extra: tuple[str, ...] | list[str] = (), services: int = 0, kit: bool = False,
                 drop: tuple[str, ...] | list[str] = ()) -> Path:
    """A copy of the project with ``extra`` full languages (copies of English) and without the languages in
    ``drop``, with ``services`` more generated services; without the share kit unless ``kit``."""
    extra, drop = tuple(extra), tuple(drop)
    full = [lang for lang in FULL if lang not in drop]
    target.mkdir(parents=True)
    for name in ("overrides", "node_modules", "selfcheck", "scripts", "package.json", "package-lock.json"):
        if (ROOT / name).exists():
            (target / name).symlink_to((ROOT / name).resolve())
    shutil.copytree(ROOT / "docs", target / "docs",
                    ignore=lambda d, names: [n for n in names if Path(d) == ROOT / "docs" and n in GENERATED])
    shutil.copytree(ROOT / "data", target / "data")
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for lang in drop:
        text = _drop_locale(text, lang)
        for page in list((target / "docs").rglob(f"*.{lang}.md")):
            page.unlink()
    kept = [lang for lang in ESSENTIALS if lang not in drop]
    text = ESSENTIALS_LINE.sub(lambda m: f"{m.group(1)}[{', '.join(kept)}]\n" if kept else "", text, count=1)
    if extra:
        entries = "".join(f"        - locale: {lang}\n          name: {lang.upper()}\n          build: true\n"
                          f"          site_name: Tsunagu {lang}\n" for lang in extra)
        text = re.sub(r"(\n      languages:\n(?:        .*\n|          .*\n)+)", lambda m: m.group(1) + entries, text,
                      count=1)
        for page in sorted((target / "docs").rglob("*.en.md")):
            for lang in extra:
                shutil.copy(page, page.with_name(page.name.replace(".en.md", f".{lang}.md")))
    known_file = target / "data" / "translation-differences.yml"  # the copies differ as English does
    glossary_file = target / "data" / glossary.GLOSSARY_FILE
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
            raw = (_glossary(raw, extra, drop) if path == glossary_file
                   else _with_languages(raw, set(SITE), full, extra, drop))
            path.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    if not kit:  # no cards, QR codes or PDFs, and the pages that show them show nothing instead
        (target / "data" / "share.yml").unlink(missing_ok=True)
        for page in (target / "docs").glob("*.md"):
            page.write_text(re.sub(r"\[\[share-kit[^\]]*\]\]", "", page.read_text(encoding="utf-8")),
                            encoding="utf-8")
    if services:
        # directory.py's generator, imported here: it loads Playwright, which the checks and quick mode do not need
        if str(ROOT / "benchmarks") not in sys.path:
            sys.path.append(str(ROOT / "benchmarks"))
        import directory

        directory.add_services(target / "data" / "services", services)
    (target / "mkdocs.yml").write_text(text, encoding="utf-8")
    locales = ROOT / "tsunagu" / "locales"
    shutil.copytree(locales, target / "locales")  # the build reads the strings from here (see RUNNER)
    for lang in extra:
        shutil.copy(locales / "en.yml", target / "locales" / f"{lang}.yml")
    return target


def check(project: Path) -> list[str]:
    """What the build's checks find in a copy (none for a good one): completeness (essentials-aware, as the
    build runs it), data and interface strings in every language, facts in translation, glossary."""
    langs, ess = site_languages(project), essentials_languages(project)
    default = langs[0]
    problems = Essentials(tuple(ess)).check(langs, default)
    problems += check_translations(project / "docs", default, langs, Essentials(tuple(ess)))
    try:
        load_site(project, langs, essentials=ess)
        load_strings(langs, project / "locales", essentials=ess)
        load_finder(project, tuple(langs))
        terms = glossary.load(project, langs)
    except (DataError, StringsError) as e:
        return [*problems, str(e)]
    new, gone = translation_facts.unlisted(translation_facts.check_docs(project / "docs", project, default, langs),
                                           translation_facts.load_known(project))
    problems += [str(p) for p in (*new, *gone)]
    problems += [str(f) for f in glossary.check(project, project / "docs", terms, langs, default,
                                                 locales_dir=project / "locales")]
    data = {name: yaml.safe_load((project / "data" / f"{name}.yml").read_text(encoding="utf-8"))
            for name in ("selfcheck", "surveys")}
    problems += glossary.check_options(terms, glossary.option_labels(data["selfcheck"], data["surveys"]))
    problems += glossary.names_without_japanese(project, "data", glossary.bracket_languages(project))
    return problems


def run_build(project: Path, cache: Path) -> tuple[float, float, float, int]:
    """(wall s, CPU s of the build process and its workers, s in static-i18n's file map, HTML files)."""
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


def measure(config: Config, services: int, runs: int, kit: bool, name: str) -> tuple[float, float, float]:
    """Build a copy of the project as ``config`` says: (wall s, CPU s, static-i18n file map s)."""
    with tempfile.TemporaryDirectory() as tmp:
        project = make_project(Path(tmp) / "project", config.extra, services, kit, config.drop)
        cache = Path(tmp) / "cache"  # the project's own cache to start with: Pyodide's compressed files, cards
        if (ROOT / ".cache").is_dir():
            shutil.copytree(ROOT / ".cache", cache)
        cache.mkdir(exist_ok=True)
        (project / ".cache").symlink_to(cache)  # Pyodide's brotli copies are read from the project's .cache/
        results = [run_build(project, cache) for _ in range(runs)]
        took, cpu, i18n, pages = results[-1]
        print(f"{config.label + ', ' + name:62} wall {took:7.1f} s  CPU {cpu:7.2f} s  "
              f"static-i18n file map {i18n:6.2f} s  {pages:6} HTML files", flush=True)
        return took, cpu, i18n


def quick() -> None:
    """The three copies (real data, no kit) made and put through the build's checks, not built."""
    with tempfile.TemporaryDirectory() as tmp:
        for config in CONFIGS:
            start = time.process_time()
            project = make_project(Path(tmp) / config.key, config.extra, 0, False, config.drop)
            problems = check(project)
            pages = len(list((project / "docs").rglob("*.md")))
            print(f"{config.label:62} {len(site_languages(project)):2} languages  {pages:5} pages in docs/  "
                  f"checks: {len(problems)} problem(s)  {time.process_time() - start:5.1f} s CPU", flush=True)
            if problems:
                raise SystemExit("\n".join(problems[:20]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="the three copies made and checked, not built")
    parser.add_argument("--services", type=int, default=1000, help="generated services added to the real ones")
    parser.add_argument("--kit", action="store_true", help="also the real data with the share kit (warm build)")
    args = parser.parse_args()
    if args.quick:
        quick()
        return
    print(f"load average at start: {' '.join(f'{x:.1f}' for x in os.getloadavg())}", flush=True)
    sets = [(0, "real data", False), (args.services, f"{args.services} more services", False)]
    if args.kit:
        sets.append((0, "real data, share kit (warm)", True))
    for services, name, kit in sets:
        a, b, c = (measure(config, services, 2 if kit else 1, kit, name) for config in CONFIGS)
        print(f"  {name}: b/a x{b[1] / a[1]:.2f} CPU, x{b[0] / a[0]:.2f} wall (target <= 2.2), "
              f"static-i18n file map x{b[2] / a[2]:.2f};  c/a x{c[1] / a[1]:.2f} CPU, x{c[0] / a[0]:.2f} wall; "
              f"load average {os.getloadavg()[0]:.1f}", flush=True)


if __name__ == "__main__":
    main()
