#!/usr/bin/env bash
# Set up (first run) and build the edition: `./build.sh` builds the bundled samples in sources/;
# `./build.sh ../shared/seeds` or any files/folders build those.  Options go to `edition build`.
set -euo pipefail
cd "$(dirname "$0")"
python3 -m pip install --quiet --disable-pip-version-check -e .
exec edition build "$@"
