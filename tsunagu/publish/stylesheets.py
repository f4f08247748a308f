"""Material's stylesheets reduced to the rules the built pages use.

The site loads no Material JavaScript and has no search, so most of Material's 137 KB stylesheet never
applies (23 KB of a 40 KB first visit). After the last language, PurgeCSS (npm, pinned in
package-lock.json) keeps the rules whose selectors match something in the built HTML or our own scripts;
the reduced file gets a name with its own hash, so a long cache lifetime never serves the full one.
Our own tsunagu.css is left whole: it is small, and its states are set by our scripts.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
from pathlib import Path

SCRIPT = "scripts/purge-css.mjs"
TSUNAGU_CHECKOUT = Path(__file__).resolve().parents[2]
"""The folder with tsunagu's package.json (node_modules/purgecss, scripts/)."""
STYLESHEETS = "assets/stylesheets"
# Material's hashed names: main.57a0d79d.min.css, palette.fb2fffe2.min.css
NAME = re.compile(r"^(main|palette)\.[0-9a-f]{8}\.min\.css$")
SOURCE_MAP = re.compile(r"/\*# sourceMappingURL=[^*]*\*/\s*$")


class StylesheetError(Exception):
    """Node or PurgeCSS is missing, or PurgeCSS failed."""


def reduce(project: Path, site_dir: Path) -> dict[str, str]:
    """Replace Material's stylesheets by their used rules; returns old name -> new name."""
    folder = site_dir / STYLESHEETS
    sheets = sorted(p for p in folder.glob("*.min.css") if NAME.match(p.name)) if folder.is_dir() else []
    if not sheets:
        return {}
    # PurgeCSS is tsunagu's tool, not the city's: a city folder outside this checkout uses ours.
    tools = next((p for p in (project, TSUNAGU_CHECKOUT) if (p / "node_modules" / "purgecss").is_dir()), None)
    if shutil.which("node") is None or tools is None:
        raise StylesheetError("Stylesheets are reduced with PurgeCSS: node_modules/purgecss is missing; "
                              "run `npm ci` (scripts/setup.sh does)")
    ours = sorted(str(p) for p in site_dir.glob("assets/**/*.css") if p not in sheets)
    run = subprocess.run(["node", str(tools / SCRIPT), str(site_dir), *map(str, sheets), "--uses", *ours],
                         capture_output=True, text=True, cwd=tools, check=False)
    if run.returncode != 0:
        raise StylesheetError(f"PurgeCSS failed on the built site:\n{run.stderr.strip()}")
    reduced: dict[str, str] = json.loads(run.stdout)
    renames: dict[str, str] = {}
    for sheet in sheets:
        css = SOURCE_MAP.sub("", reduced[str(sheet)]).encode("utf-8")
        kind = sheet.name.split(".", 1)[0]
        new = f"{kind}.{hashlib.sha256(css).hexdigest()[:8]}.min.css"
        (folder / new).write_bytes(css)
        if new != sheet.name:
            sheet.unlink()
        sheet.with_name(sheet.name + ".map").unlink(missing_ok=True)  # maps the full file, not this one
        renames[sheet.name] = new
    _relink(site_dir, renames)
    return renames


def _relink(site_dir: Path, renames: dict[str, str]) -> None:
    """Point every page at the reduced files."""
    for page in site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        changed = html
        for old, new in renames.items():
            changed = changed.replace(f"{STYLESHEETS}/{old}", f"{STYLESHEETS}/{new}")
        if changed != html:
            page.write_text(changed, encoding="utf-8")
