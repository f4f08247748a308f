#!/usr/bin/env bash
# Run every check: lint, types, unit, build and browser tests (installs what it needs first).
# Extra arguments go to pytest, e.g. `scripts/test.sh -m "not e2e"`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
export NO_MKDOCS_2_WARNING=1
.venv/bin/ruff check .
.venv/bin/mypy
.venv/bin/pytest "$@"
