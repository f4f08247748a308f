"""Did the tsunagu plugin run? Checks made from outside the generator, on its config and on what it built.

MkDocs runs our plugin only because mkdocs.yml names it. Without it nothing of ours runs: no directory, no
macros (``[[tel ID]]`` stays as text, with no phone number), no CSP, no check for never-publish numbers — and
a generator that ignores plugins it does not know (Zensical, Material's successor, runs no MkDocs plugin)
would publish that site without an error. So the checks look for what only the plugin makes, whatever
built the site, and ``build`` publishes nothing until they pass.

    python -m tsunagu.publish.build_check build [-f mkdocs.yml]   # scripts/build.sh: build, check, then replace site/
    python -m tsunagu.publish.build_check site DIR                # check a site built by anything
    python -m tsunagu.publish.build_check config [-f mkdocs.yml]  # scripts/serve.sh: the plugin is in the config
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

from tsunagu.publish import hosting, staging

PLUGIN = "tsunagu"
CSP = 'http-equiv="Content-Security-Policy"'
REDIRECT = 'http-equiv="refresh"'  # the share kit's moved addresses: no script, no content (kit.write_redirect)
OPEN_DATA = "data/services.json"
# A macro left as text: [[directory]], [[tel town-line]], [[service-page x]] (not JSON such as [["mon"]]).
_MACRO = re.compile(r"\[\[[a-z][a-z-]*(?: [^\[\]\n]*)?\]\]")
_SCRIPT = re.compile(r"<script\b.*?</script>", re.S | re.I)
HINT = (f"Is `- {PLUGIN}` under `plugins:` in the config, and does the generator run MkDocs plugins "
        "(`mkdocs build` does)?")
SHOWN = 5


def site_problems(site_dir: Path) -> list[str]:
    """What a site built with the plugin has and this one lacks; empty when the plugin ran to the end."""
    pages = sorted(site_dir.rglob("*.html"))
    if not pages:
        return [f"{site_dir} has no HTML page: the site was not built"]
    no_csp: list[str] = []
    macros: dict[str, str] = {}
    for page in pages:
        html = page.read_text(encoding="utf-8", errors="replace")
        rel = page.relative_to(site_dir).as_posix()
        if CSP not in html and REDIRECT not in html:
            no_csp.append(rel)
        found = _MACRO.search(_SCRIPT.sub("", html))
        if found:
            macros[rel] = found.group(0)
    problems = []
    if no_csp:
        problems.append(f"{len(no_csp)} of {len(pages)} page(s) have no Content-Security-Policy: {_some(no_csp)}")
    if macros:
        problems.append(f"{len(macros)} page(s) show a macro as text instead of its content: "
                        + _some([f"{m} in {rel}" for rel, m in macros.items()]))
    for name in (hosting.HEADERS_FILE, OPEN_DATA):
        if not (site_dir / name).is_file():
            problems.append(f"{name} is missing (the plugin writes it after the last language)")
    return problems


def config_problems(config_file: Path) -> list[str]:
    """The plugin is named in the config (MkDocs then runs it, or stops if it is not installed)."""
    from mkdocs.config import load_config

    config = load_config(config_file=str(config_file))
    return [] if PLUGIN in config.plugins else [f"{config_file}: the {PLUGIN} plugin is not in `plugins:`"]


def build(config_file: Path) -> tuple[int, str]:
    """Build into a new folder beside the site; replace the site only if the build and the checks passed.
    Returns (exit status, message)."""
    problems = config_problems(config_file)
    if problems:
        return 1, _report(problems, str(config_file), "; nothing was built")
    from mkdocs.config import load_config

    site_dir = Path(load_config(config_file=str(config_file)).site_dir)
    folder = staging.make_staging(site_dir)
    try:
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config_file),
                                 "-d", str(folder)], env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, check=False)
        if result.returncode != 0:
            return result.returncode, f"The build failed; {site_dir} was left as it was."
        problems = site_problems(folder)
        if problems:
            return 1, _report(problems, f"the site built from {config_file}",
                              f"; nothing was published, {site_dir} was left as it was")
        staging.swap_in(folder, site_dir)
        return 0, f"Site written to {site_dir}; the {PLUGIN} plugin ran."
    finally:
        staging.discard(folder)


def _report(problems: list[str], what: str, outcome: str = "") -> str:
    return (f"The {PLUGIN} plugin did not run (or not to the end) for {what}{outcome}:\n  - "
            + "\n  - ".join(problems) + f"\n{HINT}")


def _some(items: list[str]) -> str:
    more = f", … and {len(items) - SHOWN} more" if len(items) > SHOWN else ""
    return ", ".join(items[:SHOWN]) + more


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tsunagu.publish.build_check", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("build", "config"):
        commands.add_parser(name).add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"))
    commands.add_parser("site").add_argument("site_dir", type=Path)
    args = parser.parse_args(argv)
    if args.command == "build":
        status, message = build(args.config_file)
    elif args.command == "site":
        problems = site_problems(args.site_dir)
        status, message = ((1, _report(problems, str(args.site_dir))) if problems
                           else (0, f"{args.site_dir}: the {PLUGIN} plugin ran."))
    else:
        problems = config_problems(args.config_file)
        status, message = ((1, _report(problems, str(args.config_file))) if problems
                           else (0, f"{args.config_file} runs the {PLUGIN} plugin."))
    print(message, file=sys.stderr if status else sys.stdout)
    return status


if __name__ == "__main__":
    sys.exit(main())
