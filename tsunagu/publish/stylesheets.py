"""Material's stylesheets reduced to the rules the built pages use.

The site loads no Material JavaScript and has no search, so most of Material's 137 KB stylesheet never
applies (23 KB of a 40 KB first visit). After the last language, PurgeCSS (npm, pinned in
package-lock.json) keeps the rules whose selectors match something in the built HTML or our own scripts;
the reduced file gets a name with its own hash, so a long cache lifetime never serves the full one.
Our own stylesheets (extra_css: tsunagu.css) are not reduced, since our scripts set their states, but are
appended to Material's in the order the pages link them and the whole is minified (esbuild): one
stylesheet, one request. Every response carries about 1 KB of headers (the security policy), so three
requests for the CSS of every page cost more than the palette's 0.2 KB of rules.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
from pathlib import Path

from tsunagu.publish import minify

SCRIPT = "scripts/purge-css.mjs"
TSUNAGU_CHECKOUT = Path(__file__).resolve().parents[2]
"""The folder with tsunagu's package.json (node_modules/purgecss, scripts/)."""
STYLESHEETS = "assets/stylesheets"
# Material's hashed names: main.57a0d79d.min.css, palette.fb2fffe2.min.css
NAME = re.compile(r"^(main|palette)\.[0-9a-f]{8}\.min\.css$")
SOURCE_MAP = re.compile(r"/\*# sourceMappingURL=[^*]*\*/\s*$")
LINK = re.compile(r'<link rel="stylesheet" href="([^"]+)">\n?')
RELATIVE_URL = re.compile(r"url\(\s*['\"]?(?!data:|#)[^)]*\)")


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
    parts = [SOURCE_MAP.sub("", reduced[str(sheet)]) for sheet in sheets]
    extra = _extra_sheets(site_dir, sheets)
    for path in extra:
        css = path.read_text(encoding="utf-8")
        if RELATIVE_URL.search(css):  # it moves to assets/stylesheets/: a relative url() would break
            raise StylesheetError(f"{path.relative_to(site_dir)}: url() to a file cannot be combined; "
                                  "use a data: URL or leave the file out of extra_css")
        parts.append(css)
    combined = folder / "combined.css"
    combined.write_text("\n".join(parts), encoding="utf-8")
    try:
        minify.files(tools, [combined])
    except minify.MinifyError as e:
        raise StylesheetError(str(e)) from None
    css_bytes = combined.read_bytes()
    new = f"main.{hashlib.sha256(css_bytes).hexdigest()[:8]}.min.css"
    combined.replace(folder / new)
    renames: dict[str, str] = {}
    for sheet in sheets:
        if sheet.name != new:
            sheet.unlink()
        sheet.with_name(sheet.name + ".map").unlink(missing_ok=True)  # maps the full file, not this one
        renames[sheet.name] = new
    for path in extra:
        path.unlink()
    _relink(site_dir, new, {p.relative_to(site_dir).as_posix() for p in [*sheets, *extra]})
    return renames


def _extra_sheets(site_dir: Path, sheets: list[Path]) -> list[Path]:
    """Our own stylesheets, in the order the home page links them after Material's."""
    home = site_dir / "index.html"
    if not home.is_file():
        return []
    theirs = {s.name for s in sheets}
    out = []
    for href in LINK.findall(home.read_text(encoding="utf-8")):
        if href.startswith(("http:", "https:", "//")) or href.rsplit("/", 1)[-1] in theirs:
            continue
        path = site_dir / href.lstrip("/")
        if path.suffix == ".css" and path.is_file():
            out.append(path)
    return out


def _relink(site_dir: Path, new: str, old: set[str]) -> None:
    """Point every page at the one stylesheet: the first link to a combined sheet becomes it, the rest go.

    ``old`` holds site paths (assets/stylesheets/main.….min.css); a page links them relative to itself
    (../../assets/…) or from the root (/assets/…, the 404 page)."""
    for page in site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        done = False

        def swap(m: re.Match[str]) -> str:
            nonlocal done
            href = m.group(1)
            target = next((o for o in old if href == o or href.endswith("/" + o)), None)
            if target is None:
                return m.group(0)
            if done:
                return ""
            done = True
            # the same tag with the combined sheet's address (same prefix), always ending its line
            new_href = f"{href[: len(href) - len(target)]}{STYLESHEETS}/{new}"
            return m.group(0).rstrip("\n").replace(f'"{href}"', f'"{new_href}"') + "\n"

        changed = LINK.sub(swap, html)
        if changed != html:
            page.write_text(changed, encoding="utf-8")
