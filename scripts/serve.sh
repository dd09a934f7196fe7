#!/usr/bin/env bash
# Install everything, prepare the embedded SQLite database, serve.
# "prepare" migrates and adds the starting catalog only where it is missing: a restart never
# overwrites what curators changed.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
.venv/bin/python manage.py prepare
echo "BPO Advisor: http://${HOST:-127.0.0.1}:${PORT:-8000}/"
exec .venv/bin/python manage.py runserver "${HOST:-127.0.0.1}:${PORT:-8000}"
