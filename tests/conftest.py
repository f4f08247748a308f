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


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--regen", action="store_true", help="rewrite golden files from current output")


@pytest.fixture
def regen(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--regen"))


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
