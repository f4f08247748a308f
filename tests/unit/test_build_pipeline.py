"""The build pipeline without MkDocs: what another generator's adapter would call (tsunagu.build)."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tsunagu.build import Build, BuildError, Page, Settings

ROOT = Path(__file__).resolve().parents[2]
TOWN = ROOT / "tests" / "sample-town"


def test_the_pipeline_imports_no_site_generator() -> None:
    code = "import sys, tsunagu.build; print(sorted(m for m in sys.modules if m.split('.')[0] == 'mkdocs'))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"


def _town(tmp_path: Path) -> Settings:
    root = tmp_path / "town"
    shutil.copytree(TOWN, root)
    return Settings(root=root, docs_dir=root / "docs", languages=["ja", "en"], default="ja",
                    site_name="Sample", site_names={}, site_url="https://town.example.org/")


def _relative(target: str, page_url: str) -> str:
    depth = page_url.count("/")
    return "../" * depth + target


def test_macros_expand_and_every_language_is_checked_once(tmp_path: Path) -> None:
    build = Build(_town(tmp_path), _relative)
    build.prepare()
    build.prepare()  # idempotent: a generator may call it once per language
    assert build.site is not None and "town-line" in build.site.services
    page = Page(lang="en", src="talk-now.en.md", url="en/talk-now/", source_label="docs/talk-now.en.md")
    html = build.page_html(build.page_markdown("Call [[tel town-line]].", page), page)
    assert 'href="tel:0120000000"' in html
    with pytest.raises(BuildError, match=r"docs/talk-now.en.md: .*no-such-line"):
        build.page_markdown("[[tel no-such-line]]", page)


def test_a_page_before_prepare_is_a_clear_error(tmp_path: Path) -> None:
    build = Build(_town(tmp_path), _relative)
    page = Page(lang="ja", src="index.md", url="", source_label="docs/index.md")
    with pytest.raises(BuildError, match=r"before Build\.prepare"):
        build.page_html("<p>x</p>", page)


def test_an_unreviewed_translation_says_so_and_a_reviewed_one_does_not(tmp_path: Path) -> None:
    build = Build(_town(tmp_path), _relative)
    build.prepare()
    page = Page(lang="en", src="talk-now.en.md", url="en/talk-now/", source_label="docs/talk-now.en.md")
    html = build.page_html(build.page_markdown("# Talk\n\nText.", page), page)
    # at the end of the page: at the top it pushed the numbers below a phone's first screen
    assert html.index("Talk") < html.index("Text.") < html.index("Translated without native review")
    assert "[Japanese page](../../talk-now/)" in html  # a link to the Japanese page
    reviewed = Page(lang="en", src="talk-now.en.md", url="en/talk-now/", source_label="docs/talk-now.en.md",
                    meta={"translation": {"reviewed_by": "translator (en)", "date": dt.date(2026, 1, 1)}})
    assert "native review" not in build.page_markdown("# Talk\n\nText.", reviewed)
    ja = Page(lang="ja", src="talk-now.md", url="talk-now/", source_label="docs/talk-now.md")
    assert "tg-translation-note" not in build.page_markdown("# 話す", ja)
    bad = Page(lang="en", src="talk-now.en.md", url="en/talk-now/", source_label="docs/talk-now.en.md",
               meta={"translation": {"reviewed_by": "x"}})
    with pytest.raises(BuildError, match=r"docs/talk-now.en.md: .*key 'translation.date'"):
        build.page_markdown("# Talk", bad)
