"""Copies for hosts (.gz/.br beside text files) and the self-check page's early download script."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import brotli

from tsunagu.publish import hosting, pyodide_assets


def test_text_files_get_copies_that_decompress_to_the_file(tmp_path: Path) -> None:
    page = tmp_path / "en" / "index.html"
    page.parent.mkdir()
    page.write_text("<p>相談できます</p>\n" * 200, encoding="utf-8")
    (tmp_path / "small.css").write_text("a{}", encoding="utf-8")  # under 1 KB: not worth a copy
    png = tmp_path / "card.png"
    png.write_bytes(b"\x89PNG" + bytes(4000))  # not text: hosts send images as they are
    wasm = tmp_path / "x.wasm"
    wasm.write_bytes(bytes(4000))
    made = hosting.precompress_text(tmp_path, lambda d: pyodide_assets.compressed(d, brotli_quality=5))
    assert made == 1
    assert gzip.decompress((tmp_path / "en" / "index.html.gz").read_bytes()) == page.read_bytes()
    assert brotli.decompress((tmp_path / "en" / "index.html.br").read_bytes()) == page.read_bytes()
    assert not [p for p in tmp_path.rglob("*") if p.name in ("small.css.gz", "card.png.gz", "x.wasm.gz")]


def test_existing_copies_are_kept(tmp_path: Path) -> None:
    script = tmp_path / "pyodide.asm.mjs"
    script.write_text("x" * 5000, encoding="utf-8")
    (tmp_path / "pyodide.asm.mjs.gz").write_bytes(b"made earlier at quality 11")
    assert hosting.precompress_text(tmp_path, lambda d: pyodide_assets.compressed(d)) == 0
    assert (tmp_path / "pyodide.asm.mjs.gz").read_bytes() == b"made earlier at quality 11"


def test_early_start_asks_for_pyodides_files_only_where_the_worker_can_run() -> None:
    html = pyodide_assets.early_start("../assets/pyodide/1/", "../assets/pyodide/1/python_stdlib-abc.gzip")
    assert html.startswith("<script>") and html.endswith("</script>")
    for name in ("pyodide.asm.wasm", "pyodide.asm.mjs", "pyodide.mjs"):
        assert f'"../assets/pyodide/1/{name}"' in html
    assert '"../assets/pyodide/1/python_stdlib-abc.gzip"' in html
    # Same mode as the worker's own fetch (cors, same-origin credentials), or the download happens twice.
    assert 'l.as="fetch"' in html and 'l.crossOrigin="anonymous"' in html
    assert "window.Worker" in html and "WebAssembly" in html and "DecompressionStream" in html


def test_the_build_splits_page_compression_across_processes_with_the_same_bytes(tmp_path: Path) -> None:
    from tsunagu.background import Background
    from tsunagu.build import Build

    for i in range(7):
        (tmp_path / "site" / f"p{i}").mkdir(parents=True)
        (tmp_path / "site" / f"p{i}" / "index.html").write_text(f"<p>{i} 相談できます</p>\n" * 300, encoding="utf-8")
    (tmp_path / "site" / "assets" / "pyodide" / "1").mkdir(parents=True)
    (tmp_path / "site" / "assets" / "pyodide" / "1" / "pyodide.mjs").write_text("x" * 4000, encoding="utf-8")
    serial = tmp_path / "serial"
    shutil.copytree(tmp_path / "site", serial)
    assert hosting.precompress_text(serial, lambda d: pyodide_assets.compressed(d, brotli_quality=5),
                                    skip=pyodide_assets.SITE_FOLDER) == 7
    build = Build.__new__(Build)  # only its pool is used
    build.background = Background(workers=2)
    try:
        build._precompress_text(tmp_path / "site")
    finally:
        build.background.close()
    def copies(folder: Path) -> list[Path]:
        return sorted(p.relative_to(folder) for p in folder.rglob("*.*") if p.suffix in (".gz", ".br"))

    made = copies(tmp_path / "site")
    assert made == copies(serial)
    assert len(made) == 14  # 7 pages × (gz, br); Pyodide's folder is left to publish_compressed
    for rel in made:
        assert (tmp_path / "site" / rel).read_bytes() == (serial / rel).read_bytes()
