#!/usr/bin/env bash
# Build the site for publishing (installs what it needs first). The build goes into a new folder beside
# site/, is checked for what only the tsunagu plugin makes (tsunagu/publish/build_check.py: a CSP on every page, no
# macro left as text, open data, host files), and replaces site/ only when both passed: a generator that
# skipped the plugin never publishes a site without directory, phone numbers or CSP.
# Usage: scripts/build.sh [-f CONFIG]   (TSUNAGU_NO_SETUP=1 skips the install step, as the tests do)
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${TSUNAGU_NO_SETUP:-}" = 1 ] || bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/python -m tsunagu.publish.build_check build "$@"
