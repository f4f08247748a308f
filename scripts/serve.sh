#!/usr/bin/env bash
# Build and serve the site at http://127.0.0.1:8000/ (installs what it needs first).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
# Stop with a clear message if mkdocs.yml does not run the tsunagu plugin (scripts/build.sh also checks the
# built site; `mkdocs serve` builds into a folder of its own).
.venv/bin/python -m tsunagu.publish.build_check config -f mkdocs.yml
exec .venv/bin/mkdocs serve --dev-addr "${ADDR:-127.0.0.1:8000}" "$@"
