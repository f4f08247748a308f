"""``tsunagu-sources``: write the editors' worklist, and with ``--fetch`` check every source page.

    tsunagu-sources                 # reports/sources/worklist.csv and worklist.html
    tsunagu-sources --fetch         # also report.json and report.csv: found / not found / moved / unreachable
"""

from __future__ import annotations

import argparse
import collections
import csv
import datetime as dt
import io
import json
import sys
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import jinja2
import yaml

from tsunagu.data.loader import load_site
from tsunagu.data.problems import DataError
from tsunagu.data.strings import load_strings
from tsunagu.sources import worklist
from tsunagu.sources.fetch import Check, Page, check, fetch

TEMPLATES = jinja2.Environment(
    loader=jinja2.PackageLoader("tsunagu.sources", "."), autoescape=True, undefined=jinja2.StrictUndefined,
    keep_trailing_newline=True,
)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    config = Path(args.config).resolve()
    languages, data_dir = site_settings(config)
    today = dt.date.fromisoformat(args.today) if args.today else dt.date.today()
    try:
        site = load_site(config.parent, languages, today=today, data_dir=data_dir)
    except DataError as e:
        print(e, file=sys.stderr)
        return 1
    rows = worklist.rows(site, load_strings(["ja"])["ja"])
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    # Excel opens a UTF-8 CSV with Japanese text correctly only with a byte-order mark.
    (out / "worklist.csv").write_text(worklist.to_csv(rows), encoding="utf-8-sig")
    checks: list[Check] = []
    if args.fetch:
        checks = check_rows(rows, args.timeout, args.jobs)
        report = [{**{k: getattr(r, k) for k in worklist.CSV_COLUMNS}, "result": c.result, "detail": c.detail}
                  for r, c in zip(rows, checks, strict=True)]
        (out / "report.json").write_text(json.dumps({"date": today.isoformat(), "contacts": report},
                                                    ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        (out / "report.csv").write_text(_report_csv(report), encoding="utf-8-sig")
    summary = sorted(collections.Counter(c.result for c in checks).items())
    html = TEMPLATES.get_template("worklist.html").render(
        rows=rows, checks=checks, fetched=bool(checks), summary=summary, today=today.isoformat(),
        updated=site.updated.isoformat())
    (out / "worklist.html").write_text(html, encoding="utf-8")
    print(f"{len(rows)} contact point(s) written to {out}/worklist.csv and worklist.html")
    if checks:
        print("Sources: " + ", ".join(f"{name} {count}" for name, count in summary)
              + f" (details in {out}/report.json and report.csv)")
    return 0


def check_rows(rows: Sequence[worklist.Row], timeout: float, jobs: int = 4) -> list[Check]:
    """Fetch each source URL once (a few at a time, to be gentle with city servers), then answer per row."""
    urls = sorted({r.source_url for r in rows if r.source_url})
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        pages: dict[str, Page] = dict(zip(urls, pool.map(lambda u: fetch(u, timeout), urls), strict=True))
    return [check(pages.get(r.source_url), r.value, r.type) for r in rows]


def site_settings(config: Path) -> tuple[list[str], str]:
    """The languages (from the i18n plugin) and data folder (from the tsunagu plugin) in mkdocs.yml."""

    class Loader(yaml.SafeLoader):
        pass

    def any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
        # !ENV [NAME, default] and Python tags: their values do not matter here
        return None

    Loader.add_multi_constructor("!", any_tag)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", any_tag)
    raw = yaml.load(config.read_text(encoding="utf-8"), Loader=Loader) or {}
    plugins: dict[str, Any] = {}
    for item in raw.get("plugins") or []:
        plugins.update(item if isinstance(item, dict) else {str(item): {}})
    languages = [str(lang["locale"]) for lang in (plugins.get("i18n") or {}).get("languages", [])]
    data_dir = str((plugins.get("tsunagu") or {}).get("data_dir", "data"))
    return languages or ["ja"], data_dir


def _report_csv(report: list[dict[str, str]]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=[*worklist.CSV_COLUMNS, "result", "detail"], lineterminator="\n")
    writer.writeheader()
    writer.writerows(report)
    return buf.getvalue()


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="tsunagu-sources", description=(
        "Write the editors' worklist of every contact point, oldest evidence first; with --fetch, download "
        "each source and report whether it still shows the contact. Never edits data/."))
    p.add_argument("--config", default="mkdocs.yml", help="the site's mkdocs.yml (default: ./mkdocs.yml)")
    p.add_argument("--out", default="reports/sources", help="folder for the reports (default: reports/sources)")
    p.add_argument("--fetch", action="store_true", help="download every source page (HTML or PDF) and look "
                   "for each contact in it")
    p.add_argument("--timeout", type=float, default=20.0, help="seconds to wait for one page (default: 20)")
    p.add_argument("--jobs", type=int, default=4, help="pages fetched at the same time (default: 4)")
    p.add_argument("--today", help="the date to check against, YYYY-MM-DD (default: today)")
    return p


if __name__ == "__main__":
    sys.exit(main())
