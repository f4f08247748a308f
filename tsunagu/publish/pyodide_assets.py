"""Pyodide served by the site itself: the pinned npm package's core files copied under a versioned
path, the standard library trimmed to what is imported, precompressed copies for hosts that serve
them, and selfcheck as a small archive. Never a CDN."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import NamedTuple

CORE_FILES = ("pyodide.asm.wasm", "pyodide.asm.mjs", "pyodide.mjs")  # largest first: the cold build starts them first
KEEP_LIST = Path(__file__).parent / "pyodide_stdlib_keep.txt"
OVERRIDES = Path(__file__).parent / "pyodide_overrides"
"""Our versions of some of Pyodide's Python files, compiled in their place (see the files' docstrings)."""
COMPRESS = (".mjs", ".wasm", ".js", ".json")  # zips are deflated inside already
STDLIB_EXT = ".gzip"
"""The standard library is published gzipped as one file (``python_stdlib-<hash>.gzip``) that the worker inflates
itself: hosts that compress by content type (GitHub Pages, Netlify, Cloudflare) never compress a .zip, and a
deflated zip is slow to inflate inside WebAssembly. The hash in the name: the file is cached as immutable.

Beside it, ``python_stdlib-<hash>.gzip.br`` is the same stored zip compressed with brotli (480 KB against 640 KB
gzipped): a host that serves the build's ``.br`` copies (nginx with ``brotli_static``) sends it with
``Content-Encoding: br`` to browsers that accept brotli, the browser decodes it natively, and the worker, which
tells a zip from a gzip file by its first bytes, takes the zip as it is. Other hosts send the ``.gzip``."""


class PyodideError(Exception):
    """The npm package is missing or not the pinned version."""


def pinned_version(project: Path) -> str:
    """The version package-lock.json pins (npm ci checked its integrity when it installed it)."""
    lock = json.loads((project / "package-lock.json").read_text(encoding="utf-8"))
    try:
        return str(lock["packages"]["node_modules/pyodide"]["version"])
    except KeyError:
        raise PyodideError("package-lock.json does not pin pyodide; run `npm install -E pyodide@<version>`") from None


def package_dir(project: Path) -> Path:
    """node_modules/pyodide, checked against the pinned version."""
    folder = project / "node_modules" / "pyodide"
    want = pinned_version(project)
    try:
        have = json.loads((folder / "package.json").read_text(encoding="utf-8"))["version"]
    except FileNotFoundError:
        raise PyodideError(f"{folder} is missing: run `npm ci` (scripts/setup.sh does)") from None
    if have != want:
        raise PyodideError(f"node_modules/pyodide is {have}, package-lock.json pins {want}: run `npm ci`")
    return folder


def minimal_lock(folder: Path) -> str:
    """pyodide-lock.json without packages: selfcheck needs none, so nothing is ever fetched by name."""
    lock = json.loads((folder / "pyodide-lock.json").read_text(encoding="utf-8"))
    return json.dumps({"info": lock["info"], "packages": {}}, separators=(",", ":"))


STRIP_SCRIPT = "scripts/pyodide-stdlib-strip.mjs"


def trimmed_stdlib(folder: Path, keep_list: Path = KEEP_LIST) -> bytes:
    """python_stdlib.zip with only the kept modules, as bytecode (optimize=2, no line tables), stored: 2.1 MB,
    640 KB gzipped (``stdlib_file``), 480 KB with brotli (``stdlib_brotli``). Compiling the source at start was
    most of Pyodide's start-up on a slow phone. Made by Pyodide's own CPython (Node runs it, a few seconds),
    cached by the Pyodide version, the keep list, the scripts and the overrides."""
    project = folder.parent.parent
    script = project / STRIP_SCRIPT
    version = json.loads((folder / "package.json").read_text(encoding="utf-8"))["version"]
    inputs = [version, keep_list.read_text(encoding="utf-8"), script.read_text(encoding="utf-8"),
              (script.parent / "pyodide-overrides.mjs").read_text(encoding="utf-8")]
    inputs += [f"{p.relative_to(OVERRIDES).as_posix()}\x1e{p.read_text(encoding='utf-8')}"
               for p in sorted(OVERRIDES.rglob("*.py"))]
    key = hashlib.sha256("\x1f".join(inputs).encode("utf-8")).hexdigest()[:32]
    cached = project / ".cache" / "stdlib" / f"{key}.zip"
    if cached.exists():
        return cached.read_bytes()
    node = shutil.which("node")
    if node is None:
        raise PyodideError("Node.js is needed to prepare Pyodide's standard library (scripts/setup.sh installs it)")
    cached.parent.mkdir(parents=True, exist_ok=True)
    part = cached.with_name(f"{cached.name}.{os.getpid()}.part")
    run = subprocess.run([node, str(script), str(keep_list), str(part), str(OVERRIDES)], capture_output=True, text=True,
                         cwd=project, check=False, timeout=600)
    if run.returncode != 0:
        part.unlink(missing_ok=True)
        raise PyodideError(f"Preparing Pyodide's standard library failed:\n{run.stderr.strip()[-2000:]}")
    part.replace(cached)
    return cached.read_bytes()


def selfcheck_archive(package: Path) -> bytes:
    """The selfcheck package as a zip (reproducible: fixed dates, sorted names)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for path in sorted(package.glob("*.py")):
            z.writestr(_entry(f"selfcheck/{path.name}"), path.read_bytes())
    return out.getvalue()


def _entry(name: str) -> zipfile.ZipInfo:
    """A deflated zip entry with a fixed date, so the archive is the same on every build."""
    info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


SITE_FOLDER = "assets/pyodide/"


def publish(project: Path, site_dir: Path) -> dict[str, str]:
    """Copy Pyodide and selfcheck into the site (their compressed copies: ``publish_compressed``); returns the
    site paths the pages use."""
    folder = package_dir(project)
    version = pinned_version(project)
    target = site_dir / SITE_FOLDER / version
    target.mkdir(parents=True, exist_ok=True)
    for name in CORE_FILES:
        shutil.copyfile(folder / name, target / name)
    stdlib = stdlib_file(project)
    (target / stdlib.name).write_bytes(stdlib.data)
    archive = selfcheck_archive(project / "selfcheck")
    digest = hashlib.sha256(archive).hexdigest()[:12]
    sc_dir = site_dir / "assets" / "selfcheck"
    sc_dir.mkdir(parents=True, exist_ok=True)
    (sc_dir / f"selfcheck-{digest}.zip").write_bytes(archive)
    return {"pyodide": f"assets/pyodide/{version}/", "selfcheck": f"assets/selfcheck/selfcheck-{digest}.zip",
            "stdlib": f"assets/pyodide/{version}/{stdlib.name}"}


def publish_compressed(project: Path, site_dir: Path) -> None:
    """The .gz and .br copies of the Pyodide files ``publish`` wrote (from the cache ``warm_cache`` and
    ``warm_stdlib`` fill), and the standard library's brotli copy (see ``STDLIB_EXT``)."""
    cache = cache_dir(project)
    for path in sorted((site_dir / SITE_FOLDER / pinned_version(project)).iterdir()):
        if path.suffix in COMPRESS:
            precompress(path, cache)
        elif path.suffix == STDLIB_EXT and (brotli := stdlib_brotli(project)) is not None:
            path.with_name(f"{path.name}.br").write_bytes(brotli)


def stdlib_brotli(project: Path) -> bytes | None:
    """The trimmed standard library (the stored zip) compressed with brotli, or None without the brotli module."""
    return compressed(trimmed_stdlib(package_dir(project)), cache_dir(project), kinds=("br",)).get("br")


def warm_stdlib(project: Path) -> Callable[[], object]:
    """A job that fills the cache with ``stdlib_brotli`` (about 5 s of CPU when not cached; run it elsewhere)."""
    return partial(stdlib_brotli, project)


def paths(project: Path) -> dict[str, str]:
    """The same paths as ``publish`` without writing anything (for pages built before it runs)."""
    digest = hashlib.sha256(selfcheck_archive(project / "selfcheck")).hexdigest()[:12]
    version = pinned_version(project)
    return {"pyodide": f"assets/pyodide/{version}/", "selfcheck": f"assets/selfcheck/selfcheck-{digest}.zip",
            "stdlib": f"assets/pyodide/{version}/{stdlib_file(project).name}"}


class StdlibFile(NamedTuple):
    name: str
    data: bytes


def stdlib_file(project: Path) -> StdlibFile:
    """The trimmed standard library, gzipped, under a name with its hash (see ``STDLIB_EXT``)."""
    data = compressed(trimmed_stdlib(package_dir(project)), cache_dir(project), kinds=("gz",))["gz"]
    return StdlibFile(f"python_stdlib-{hashlib.sha256(data).hexdigest()[:12]}{STDLIB_EXT}", data)


PRELOADED = ("pyodide.asm.wasm", "pyodide.asm.mjs", "pyodide.mjs")


def early_start(pyodide: str, stdlib: str) -> str:
    """A script for the self-check page's <head>, before its stylesheets: asks for Pyodide's big files as
    soon as the page arrives, so they download while the page renders and the worker starts (about 4 s on
    the phone profile); the worker then finds them in the HTTP cache (they are immutable). Only when the
    worker can run (WebAssembly, workers, DecompressionStream), so a page read without them downloads
    nothing more. ``pyodide`` and ``stdlib`` are URLs relative to the page."""
    urls = [pyodide + name for name in PRELOADED] + [stdlib]
    return ("<script>(function(){if(!window.Worker||typeof WebAssembly!==\"object\"||!window.DecompressionStream)"
            "return;" + json.dumps(urls) + ".forEach(function(u){var l=document.createElement(\"link\");"
            "l.rel=\"preload\";l.as=\"fetch\";l.crossOrigin=\"anonymous\";l.href=u;document.head.appendChild(l);});"
            "})();</script>")


def precompress(path: Path, cache: Path | None = None) -> None:
    """Write path.gz (and path.br when the brotli module is installed) next to ``path``.

    Brotli at its best setting takes ~15 s on the 9.6 MB wasm: results are cached by content hash.
    """
    for ext, out in compressed(path.read_bytes(), cache).items():
        path.with_name(f"{path.name}.{ext}").write_bytes(out)


def compressed(data: bytes, cache: Path | None = None, kinds: tuple[str, ...] = ("gz", "br"),
               brotli_quality: int = 11) -> dict[str, bytes]:
    """gzip (and brotli when installed) copies of ``data``, from the cache when made before. Pages use a lower
    brotli quality (5: fifty times faster than 11, about 12 % larger), so a cold build stays quick."""
    key = hashlib.sha256(data).hexdigest()
    result: dict[str, bytes] = {}
    for ext, compress in (("gz", lambda d: gzip.compress(d, compresslevel=9, mtime=0)),
                          ("br", partial(_brotli, quality=brotli_quality))):
        if ext not in kinds:
            continue
        name = f"{key}.{ext}" if ext == "gz" or brotli_quality == 11 else f"{key}.q{brotli_quality}.{ext}"
        cached = cache / name if cache else None
        out: bytes | None
        if cached and cached.exists():
            out = cached.read_bytes()
        else:
            out = compress(data)
            if out is None:
                continue
            if cached:
                cached.parent.mkdir(parents=True, exist_ok=True)
                part = cached.with_name(f"{cached.name}.{os.getpid()}.part")
                part.write_bytes(out)
                part.replace(cached)  # never a half-written file for a build running beside this one
        result[ext] = out
    return result


def warm_cache(project: Path) -> list[Callable[[], object]]:
    """Jobs that fill the cache of compressed core files, the wasm first (run them early, elsewhere). The
    stripped standard library is made by ``paths``, which the pages need first."""
    folder, cache = package_dir(project), cache_dir(project)
    return [partial(_compress_file, folder / name, cache) for name in CORE_FILES
            if Path(name).suffix in COMPRESS]


def _compress_file(path: Path, cache: Path) -> None:
    compressed(path.read_bytes(), cache)


def cache_dir(project: Path) -> Path:
    return project / ".cache" / "precompressed"


def _brotli(data: bytes, quality: int = 11) -> bytes | None:
    try:
        import brotli
    except ImportError:  # gzip alone is fine; brotli is optional
        return None
    compressed: bytes = brotli.compress(data, quality=quality)
    return compressed
