"""Benchmark: Lighthouse 12.2.3 (npm, pinned) on one page of each type in two languages, mobile profile.

Usage: .venv/bin/python benchmarks/lighthouse.py [--site DIR]
Builds the site (or uses DIR), serves it on 127.0.0.1 with gzip as static hosts do, runs Lighthouse
with Debian's Chromium (CHROME_PATH=/usr/bin/chromium) and prints the four category scores per page.
Prints numbers; asserts nothing. Targets: performance >= 95, accessibility 100, best practices 100,
SEO >= 95.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support.build import build  # noqa: E402
from tests.support.server import serve  # noqa: E402

PAGES = {
    "home": "",
    "content": "understanding/",
    "talk now": "talk-now/",
    "chart": "numbers/",
    "directory": "directory/",
    "service": "services/childline/",
    "self-check": "self-check/",
    "share kit": "share/",
}
LANGUAGES = {"ja": "", "en": "en/"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --disable-sync --no-first-run --disable-quic")


def audit(url: str, out: Path) -> dict[str, object]:
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    subprocess.run(
        [str(ROOT / "node_modules" / ".bin" / "lighthouse"), url, "--quiet", "--output=json",
         f"--output-path={out}", f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"],
        check=True, env=env, timeout=300,
    )
    return dict(json.loads(out.read_text(encoding="utf-8")))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", type=Path, help="a built site to audit (default: build one)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            build(ROOT / "mkdocs.yml", site)
        print(f"{'page':<22}" + "".join(f"{c:>16}" for c in CATEGORIES) + "   failing audits")
        worst = {c: 100 for c in CATEGORIES}
        with serve(site) as base:
            for lang, prefix in LANGUAGES.items():
                for name, path in PAGES.items():
                    report = audit(base + prefix + path, Path(tmp) / "report.json")
                    cats = report["categories"]  # type: ignore[index]
                    scores = {c: round(cats[c]["score"] * 100) for c in CATEGORIES}  # type: ignore[index]
                    for c in CATEGORIES:
                        worst[c] = min(worst[c], scores[c])
                    failing = sorted(
                        a["id"] for a in report["audits"].values()  # type: ignore[attr-defined]
                        if a.get("score") is not None and a["score"] < 1 and a.get("scoreDisplayMode") == "binary"
                    )
                    print(f"{name + ' (' + lang + ')':<22}" + "".join(f"{scores[c]:>16}" for c in CATEGORIES)
                          + "   " + ", ".join(failing))
        print(f"{'lowest':<22}" + "".join(f"{worst[c]:>16}" for c in CATEGORIES))


if __name__ == "__main__":
    main()
