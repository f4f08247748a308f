"""The selfcheck checks inside real Pyodide (the pinned npm package, run by Node), with the same
trimmed standard library the site ships, on the real bundles of every language."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from tests.conftest import ROOT
from tests.selfcheck_checks import CHECKS
from tests.unit.test_selfcheck import BUNDLES
from tsunagu.publish import pyodide_assets


def test_selfcheck_checks_pass_inside_pyodide(tmp_path: Path) -> None:
    node = shutil.which("node")
    assert node, "Node.js is required"
    stdlib = tmp_path / "python_stdlib.zip"
    stdlib.write_bytes(pyodide_assets.trimmed_stdlib(pyodide_assets.package_dir(ROOT)))
    files = []
    for lang in BUNDLES:
        path = tmp_path / f"bundle.{lang}.json"
        path.write_text(json.dumps(BUNDLES[lang], ensure_ascii=False), encoding="utf-8")
        files.append(str(path))
    result = subprocess.run([node, str(ROOT / "tests" / "pyodide" / "run.mjs"), str(stdlib), *files],
                            capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert f"{len(BUNDLES) * len(CHECKS)} passed, 0 failed" in result.stdout
    assert "Python 3.14" in result.stdout
    assert "started with: our package loader\n" in result.stdout, "no shutil, tempfile, zipfile... at start"


def test_pyodide_is_the_pinned_version() -> None:
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    pinned = lock["packages"]["node_modules/pyodide"]
    assert pinned["integrity"].startswith("sha512-")  # npm ci verifies the tarball against it
    assert pyodide_assets.package_dir(ROOT).name == "pyodide"
    manifest = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    assert manifest["dependencies"]["pyodide"] == pinned["version"], "package.json must pin an exact version"


def test_shipped_stdlib_is_trimmed_bytecode_without_docstrings() -> None:
    import gzip
    import io
    import zipfile

    data = pyodide_assets.trimmed_stdlib(pyodide_assets.package_dir(ROOT))
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = z.namelist()
        assert "json/__init__.pyc" in names and "unittest/__init__.pyc" not in names
        assert not {"shutil.pyc", "tempfile.pyc", "zipfile/__init__.pyc"} & set(names), "wheel tools left out"
        assert b"installs no packages" in z.read("pyodide/_package_loader.pyc"), "our stand-in, compiled"
        assert not [n for n in names if n.endswith(".py")], "bytecode only: nothing to compile at start"
        assert {i.compress_type for i in z.infolist()} == {zipfile.ZIP_STORED}, "nothing to inflate in WebAssembly"
        code = z.read("json/__init__.pyc")
    assert b"dumps" in code
    assert b"Serialize" not in code, "json.dumps's docstring is gone (optimize=2)"
    assert pyodide_assets.trimmed_stdlib(pyodide_assets.package_dir(ROOT)) == data, "same bytes every build"
    published = pyodide_assets.stdlib_file(ROOT)
    assert gzip.decompress(published.data) == data
    assert len(published.data) < 700_000, "about 640 KB gzipped"
    assert published.name.startswith("python_stdlib-") and published.name.endswith(pyodide_assets.STDLIB_EXT)


def test_stdlib_brotli_copy_is_the_same_zip_smaller_than_the_gzip_file(tmp_path: Path) -> None:
    """The .br copy a brotli host sends for the .gzip file decodes to the zip itself (the worker tells the two
    apart by their first bytes), and is worth sending: smaller than the gzip file."""
    import brotli

    zipped = pyodide_assets.trimmed_stdlib(pyodide_assets.package_dir(ROOT))
    copy = pyodide_assets.stdlib_brotli(ROOT)
    assert copy is not None and brotli.decompress(copy) == zipped and zipped[:2] == b"PK"
    assert len(copy) < len(pyodide_assets.stdlib_file(ROOT).data) * 0.8, "about 480 KB against 640 KB"
