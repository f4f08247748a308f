"""The built site's own CSS and JavaScript, minified in place (esbuild from npm, pinned in package-lock.json).

Our sources in overrides/ stay commented and readable; visitors get the same rules and code without
comments and indentation: on a content page tsunagu.js and readaloud.js go from 4.6 to 2.5 KB gzip.
esbuild only minifies here (no bundling, no syntax lowering), and its output is deterministic.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

SCRIPT = "scripts/minify.mjs"
TSUNAGU_CHECKOUT = Path(__file__).resolve().parents[2]
"""The folder with tsunagu's package.json (node_modules/esbuild, scripts/)."""
SCRIPTS = "assets/tsunagu"
SUFFIXES = (".js", ".mjs")
BUNDLES = {"tsunagu.js": ("readaloud.js",)}
"""Scripts every page loads, sent as one file (appended, then removed): each response carries about 0.4 KB
of headers. Each source is a self-contained function, tested on its own (tests/js)."""


class MinifyError(Exception):
    """Node or esbuild is missing, or esbuild failed (a syntax error in a built file)."""


def files(project: Path, paths: list[Path]) -> None:
    """Minify these CSS or JavaScript files in place."""
    if not paths:
        return
    # esbuild is tsunagu's tool, not the city's: a city folder outside this checkout uses ours.
    tools = next((p for p in (project, TSUNAGU_CHECKOUT) if (p / "node_modules" / "esbuild").is_dir()), None)
    if shutil.which("node") is None or tools is None:
        raise MinifyError("CSS and scripts are minified with esbuild: node_modules/esbuild is missing; "
                          "run `npm ci` (scripts/setup.sh does)")
    run = subprocess.run(["node", str(tools / SCRIPT), *map(str, paths)], capture_output=True, text=True,
                         cwd=tools, check=False)
    if run.returncode != 0:
        raise MinifyError(f"esbuild could not minify the built files:\n{run.stderr.strip()}")


def scripts(project: Path, site_dir: Path) -> list[Path]:
    """Bundle (BUNDLES) and minify tsunagu's own scripts in the built site; returns the files minified."""
    folder = site_dir / SCRIPTS
    for target, parts in BUNDLES.items():
        if (folder / target).is_file() and all((folder / part).is_file() for part in parts):
            texts = [(folder / name).read_text(encoding="utf-8") for name in (target, *parts)]
            (folder / target).write_text("\n;\n".join(texts), encoding="utf-8")
            for part in parts:
                (folder / part).unlink()
    paths = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in SUFFIXES) if folder.is_dir() else []
    files(project, paths)
    return paths
