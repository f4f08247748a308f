"""Benchmark: Lighthouse 12.2.3 (npm, pinned) on one page of each type in two languages, mobile profile.

Usage: .venv/bin/python benchmarks/lighthouse.py [--site DIR] [--quick]
  --quick: one page (for the test suite).
Builds the site (or uses DIR), serves it on 127.0.0.1 as its hosts do (benchmarks/harness.py: the
`_headers` file, brotli/gzip), runs Lighthouse with Debian's Chromium (CHROME_PATH=/usr/bin/chromium) and
prints the four category scores per page. Lighthouse's mobile profile simulates its own slow network and
CPU (150 ms, 1.6 Mbps, 4x) from an unthrottled trace; the server does not pace here.
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
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness

ROOT = harness.ROOT

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


def audit(url: str, out: Path, attempts: int = 3) -> dict[str, Any]:
    """Lighthouse's JSON report; tried again when Lighthouse itself fails (it sometimes loses the trace:
    NO_NAVSTART, "Please run Lighthouse again" — twice in a row in one clean-clone run), after a pause."""
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    command = [str(ROOT / "node_modules" / ".bin" / "lighthouse"), url, "--quiet", "--output=json",
               f"--output-path={out}", f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"]
    for attempt in range(attempts):
        try:
            subprocess.run(command, check=True, env=env, timeout=300)
            break
        except subprocess.CalledProcessError:
            if attempt == attempts - 1:
                raise
            time.sleep(3)
    return dict(json.loads(out.read_text(encoding="utf-8")))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site to audit (default: build one)")
    parser.add_argument("--quick", action="store_true", help="one page (for the test suite)")
    args = parser.parse_args(argv)
    languages, pages = (({"en": "en/"}, {"content": "understanding/"}) if args.quick else (LANGUAGES, PAGES))
    with tempfile.TemporaryDirectory() as tmp:
        site, _ = harness.site(args.site, Path(tmp))
        print(f"{'page':<22}" + "".join(f"{c:>16}" for c in CATEGORIES) + "   failing audits")
        worst = {c: 100 for c in CATEGORIES}
        with harness.serve(site) as served:
            for lang, prefix in languages.items():
                for name, path in pages.items():
                    report = audit(served.url + prefix + path, Path(tmp) / "report.json")
                    cats = report["categories"]
                    scores = {c: round(cats[c]["score"] * 100) for c in CATEGORIES}
                    for c in CATEGORIES:
                        worst[c] = min(worst[c], scores[c])
                    failing = sorted(
                        a["id"] for a in report["audits"].values()
                        if a.get("score") is not None and a["score"] < 1 and a.get("scoreDisplayMode") == "binary"
                    )
                    print(f"{name + ' (' + lang + ')':<22}" + "".join(f"{scores[c]:>16}" for c in CATEGORIES)
                          + "   " + ", ".join(failing))
        print(f"{'lowest':<22}" + "".join(f"{worst[c]:>16}" for c in CATEGORIES))


if __name__ == "__main__":
    main()
