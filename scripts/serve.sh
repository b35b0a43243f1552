#!/bin/sh
# Install what the site needs, build it from the profiles in providers/, and
# serve it at http://127.0.0.1:8000/ (Welsh at /cy/), rebuilding on every edit.
set -eu
cd "$(dirname "$0")/.."
. scripts/_setup.sh
setup_venv requirements.txt
exec .venv/bin/python -m builder serve "$@"
