"""Shared fixtures: paths, golden-file regeneration, and failing on unexpected warnings."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent


def mkdocs_config(path: Path = ROOT / "mkdocs.yml") -> dict[str, Any]:
    """mkdocs.yml as data; ``!ENV [NAME, default]`` gives its default."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    def env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
        values = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else []
        return values[-1] if values else None

    Loader.add_constructor("!ENV", env)
    return dict(yaml.load(path.read_text(encoding="utf-8"), Loader=Loader))


def _plugin(name: str) -> dict[str, Any]:
    return dict(next(p[name] for p in mkdocs_config()["plugins"] if isinstance(p, dict) and name in p) or {})


SITE_LANGS: tuple[str, ...] = tuple(lang["locale"] for lang in _plugin("i18n")["languages"])
"""The site's languages, as mkdocs.yml lists them (a new language is picked up by every test that uses these)."""
ESSENTIALS_LANGS: tuple[str, ...] = tuple(_plugin("tsunagu").get("essentials_languages", []))
"""Its essentials languages (plugins.tsunagu.essentials_languages): load_site(..., essentials=ESSENTIALS_LANGS)."""


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--regen", action="store_true",
                     help="write golden files (tests/golden/, expected.txt in tests/data/) from current output")


@pytest.fixture
def regen(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--regen"))


def check_golden(path: Path, actual: str, regen: bool) -> None:
    """Compare ``actual`` with the expected file. Only ``--regen`` writes it: a missing expected file
    fails, so a case whose file was deleted or never committed cannot pass by writing its own answer."""
    if regen:
        path.write_text(actual, encoding="utf-8")
    if not path.exists():
        shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        pytest.fail(f"{shown} is missing: run pytest with --regen to write it from the "
                    "current output, review it, and commit it", pytrace=False)
    assert actual == path.read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def no_unexpected_warnings(caplog: pytest.LogCaptureFixture, request: pytest.FixtureRequest) -> Iterator[None]:
    """A warning logged during a test fails it unless the test is marked ``allow_warnings``."""
    caplog.set_level(logging.WARNING)
    yield
    if request.node.get_closest_marker("allow_warnings"):
        return
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert not warnings, f"unexpected warnings: {warnings}"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "allow_warnings: the test expects logged warnings")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Kitakyushu site, built once per test session with `mkdocs build --strict`."""
    from tests.support.build import build

    site = tmp_path_factory.mktemp("kitakyushu") / "site"
    build(ROOT / "mkdocs.yml", site)
    return site


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fictional second site (tests/sample-town), built by the same code."""
    from tests.support.build import build

    site = tmp_path_factory.mktemp("sample-town") / "site"
    build(ROOT / "tests" / "sample-town" / "mkdocs.yml", site)
    return site
