#!/usr/bin/env bash
# The test suite on a fresh machine: install into ./.venv with the test tools, lint, run pytest.
# Fails when a test fails or when no test ran.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/_venv.sh" "test"
.venv/bin/ruff check .
status=0
.venv/bin/python -m pytest "$@" || status=$?
if [ "$status" -eq 5 ]; then
  echo "no test ran: that is a failure" >&2
  exit 1
fi
exit "$status"
