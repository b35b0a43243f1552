#!/bin/sh
# Refresh the Welsh catalogue after changing any English string in the code
# or templates. New strings are added with an empty translation, which fails
# the tests (and the Welsh build) until a translator fills it in.
set -eu
cd "$(dirname "$0")/.."
pot=$(mktemp --suffix=.pot)
.venv/bin/python -m babel.messages.frontend -q extract -F builder/locales/babel.cfg -k N_ --no-location --sort-output \
  --project="Flintshire Micro-care Directory" -o "$pot" .
.venv/bin/python -m babel.messages.frontend -q update -i "$pot" -d builder/locales -l cy \
  --no-fuzzy-matching --no-wrap --ignore-obsolete
rm -f "$pot"
echo "Updated builder/locales/cy/LC_MESSAGES/messages.po"
