#!/bin/sh
# Install what the tests need (pinned Python packages, and Debian's chromium
# for the browser tests: no browser is downloaded) and run every test.
# Extra arguments go to pytest, for example: sh scripts/test.sh -k finder
set -eu
cd "$(dirname "$0")/.."
. scripts/_setup.sh
setup_venv requirements-dev.txt
if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests..."
  apt_install chromium
fi
exec .venv/bin/python -m pytest "$@"
