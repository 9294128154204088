#!/usr/bin/env bash
# The main job on a fresh machine: install into ./.venv, ingest the sample documents into the
# embedded store (./.mandate, or $MANDATE_STORE), show what the graph holds, and serve the web
# app at http://127.0.0.1:8000/ until stopped.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/_venv.sh" ""
.venv/bin/mandate ingest samples
.venv/bin/mandate stats
exec .venv/bin/mandate serve
