"""The built site's scripts minified in place (tsunagu/publish/minify.py, esbuild): smaller, same behaviour."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tsunagu.publish import minify

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(shutil.which("node") is None or not (ROOT / "node_modules" / "esbuild").is_dir(),
                                reason="needs node and npm ci")

SCRIPT = """// A comment for developers.
(function (root) {
  "use strict";
  // Which greeting: the long name stays readable in the source.
  function greetingFor(language) {
    var greetings = { ja: "こんにちは", en: "Hello" };
    return greetings[language] || greetings.en;
  }
  root.result = [greetingFor("ja"), greetingFor("vi")].join("|");
})(globalThis);
console.log(globalThis.result);
"""


def test_scripts_get_smaller_and_behave_the_same(tmp_path: Path) -> None:
    folder = tmp_path / "site" / "assets" / "tsunagu"
    folder.mkdir(parents=True)
    (folder / "a.js").write_text(SCRIPT, encoding="utf-8")
    (folder / "favicon.svg").write_text("<svg/>", encoding="utf-8")
    before = subprocess.run(["node", str(folder / "a.js")], capture_output=True, text=True, check=True).stdout
    assert minify.scripts(ROOT, tmp_path / "site") == [folder / "a.js"]
    out = (folder / "a.js").read_text(encoding="utf-8")
    assert len(out) < len(SCRIPT) * 0.75 and "comment" not in out and "こんにちは" in out
    assert subprocess.run(["node", str(folder / "a.js")], capture_output=True, text=True,
                          check=True).stdout == before == "こんにちは|Hello\n"
    assert (folder / "favicon.svg").read_text(encoding="utf-8") == "<svg/>"


def test_a_syntax_error_is_a_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "site" / "assets" / "tsunagu"
    folder.mkdir(parents=True)
    (folder / "broken.js").write_text("function (", encoding="utf-8")
    with pytest.raises(minify.MinifyError, match=r"broken\.js:1:9"):
        minify.scripts(ROOT, tmp_path / "site")


def test_read_aloud_is_sent_inside_tsunagu_js(tmp_path: Path) -> None:
    folder = tmp_path / "site" / "assets" / "tsunagu"
    folder.mkdir(parents=True)
    (folder / "tsunagu.js").write_text('(function () { globalThis.order = ["tsunagu"]; })()', encoding="utf-8")
    (folder / "readaloud.js").write_text("(function (root) { root.order.push('readaloud'); })(globalThis)\n"
                                         "console.log(globalThis.order.join(','));", encoding="utf-8")
    assert minify.scripts(ROOT, tmp_path / "site") == [folder / "tsunagu.js"]
    assert not (folder / "readaloud.js").exists()
    run = subprocess.run(["node", str(folder / "tsunagu.js")], capture_output=True, text=True, check=True)
    assert run.stdout == "tsunagu,readaloud\n", "both run, in order, even without a semicolon between them"
