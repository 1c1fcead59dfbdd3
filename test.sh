#!/usr/bin/env bash
# Set up (first run) and run the test suite with pytest.  Integration tests read ../shared
# (or $EDITION_SHARED) and skip with a stated reason where it is absent.
set -euo pipefail
cd "$(dirname "$0")"
python3 -m pip install --quiet --disable-pip-version-check -e ".[test]"
exec python3 -m pytest "$@"
