# Shared by the set-up scripts: make ./.venv with Python >= 3.11 and install the project.
# Usage: . scripts/_venv.sh EXTRAS   (EXTRAS: "" for the app, "test" for the test suite)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
extras="${1:-}"
python=""
for candidate in python3.11 python3 python; do
  if command -v "$candidate" >/dev/null 2>&1 &&
     "$candidate" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)'; then
    python="$candidate"
    break
  fi
done
if [ -z "$python" ]; then
  echo "mandate-graph needs Python 3.11 or newer; none was found on PATH" >&2
  exit 2
fi
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
  # The pip and setuptools that venv copies from Python's own bundle can be years old and
  # carry advisories fixed since (scripts/audit_dependencies.py would list them).
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -U pip setuptools
fi
spec="."
[ -n "$extras" ] && spec=".[$extras]"
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e "$spec"
