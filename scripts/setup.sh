#!/usr/bin/env bash
# Install everything tsunagu needs, idempotently: a Python venv with the project, npm packages (Pyodide),
# Debian's Chromium and Noto CJK fonts, plus Noto Devanagari and Thai (the build prints PDFs and draws share cards with them), poppler-utils
# (the build reads the PDFs' text), and for tests the real checkers: zbarimg, rsvg-convert. Usage: scripts/setup.sh [--test]
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

# Pyodide (served by the site itself) comes from npm, pinned in package-lock.json; the test tools too
# (axe-core, vnu-jar, lighthouse), which serving the site does not need.
if [ "$want_test" = "--test" ]; then
  npm ci --no-audit --no-fund --loglevel=error
else
  npm ci --omit=dev --no-audit --no-fund --loglevel=error
fi

needed=()
[ -x /usr/bin/chromium ] || needed+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || needed+=(fonts-noto-cjk)
fc-list 2>/dev/null | grep -qi "Noto Sans Devanagari" || needed+=(fonts-noto-core)  # Nepali and Thai cards, PDFs
command -v pdftotext >/dev/null || needed+=(poppler-utils)  # the build reads its PDFs for never-publish numbers
if [ "$want_test" = "--test" ]; then
  command -v zbarimg >/dev/null || needed+=(zbar-tools)
  command -v rsvg-convert >/dev/null || needed+=(librsvg2-bin)
  command -v java >/dev/null || needed+=(default-jre-headless)  # the Nu HTML checker (npm vnu-jar)
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || needed+=(nginx)  # serves the site in a test
  # serves the build's .br copies in that test (Debian's brotli static module for nginx)
  [ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || needed+=(libnginx-mod-http-brotli-static)
fi
if [ ${#needed[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  # Install without starting services (nginx would start on port 80): the tests start their own.
  policy=/usr/sbin/policy-rc.d; added=""
  if [ ! -e "$policy" ]; then printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$policy" >/dev/null; $SUDO chmod +x "$policy"; added=1; fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${needed[@]}" >/dev/null
  if [ -n "$added" ]; then $SUDO rm -f "$policy"; fi
fi
