#!/usr/bin/env bash
# Install everything (packages and Debian's Chromium) and run the whole test suite.
# Set DATABASE_URL to run it against PostgreSQL instead of SQLite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh test
.venv/bin/ruff check .
# Security lint of the project's own code: medium and high findings fail the run.
.venv/bin/bandit -ll -q -r assessment catalog bpo_advisor bench
.venv/bin/python -m pytest "$@"
