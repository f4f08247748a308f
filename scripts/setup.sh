#!/usr/bin/env bash
# Install everything tsunagu needs, idempotently: a Python venv with the project, npm packages (Pyodide),
# and (for tests) Debian's Chromium and Noto CJK fonts. Usage: scripts/setup.sh [--test]
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=${1:-}
PY=${PYTHON:-python3}

if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
if [ "$want_test" = "--test" ]; then
  .venv/bin/pip install --quiet --disable-pip-version-check -e ".[test]"
else
  .venv/bin/pip install --quiet --disable-pip-version-check -e .
fi

# Pyodide (served by the site itself) and axe-core come from npm, pinned in package-lock.json.
npm ci --no-audit --no-fund --loglevel=error

if [ "$want_test" = "--test" ]; then
  if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk >/dev/null
  fi
fi
