#!/usr/bin/env bash
# The test suite on a fresh machine: install into ./.venv with the test tools, lint, run pytest.
# Fails when a test fails or when no test ran.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/_venv.sh" "test"
# The PDF reader tests draw Vietnamese text with DejaVu Sans; install it when missing and root.
if [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] && [ "$(id -u)" -eq 0 ] &&
   command -v apt-get >/dev/null 2>&1; then
  { apt-get update -qq &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-dejavu-core >/dev/null; } ||
    echo "could not install fonts-dejavu-core; the PDF reader tests will fail" >&2
fi
# The browser tests drive Debian's Chromium (Playwright's own browsers cannot be downloaded).
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  command -v chromium >/dev/null ||
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } ||
    echo "could not install chromium; the browser tests will fail" >&2
fi
.venv/bin/ruff check .
status=0
.venv/bin/python -m pytest "$@" || status=$?
if [ "$status" -eq 5 ]; then
  echo "no test ran: that is a failure" >&2
  exit 1
fi
exit "$status"
