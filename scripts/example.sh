#!/bin/sh
# Build the article's Amazon example kit, in Chinese (output/amazon-us/) and English
# (output/amazon-us-en/). Does its own set-up first (scripts/setup.sh).
set -eu
cd "$(dirname "$0")/.."
sh scripts/setup.sh
.venv/bin/linkstar generate examples/amazon-us.yaml -o output/amazon-us
.venv/bin/linkstar generate examples/amazon-us.yaml -o output/amazon-us-en --lang en
