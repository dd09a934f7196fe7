#!/usr/bin/env bash
# Install everything, prepare the embedded SQLite database with the starting catalog, serve.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
.venv/bin/python manage.py migrate --noinput
.venv/bin/python manage.py loaddata taxonomy vendors
echo "BPO Advisor: http://${HOST:-127.0.0.1}:${PORT:-8000}/"
exec .venv/bin/python manage.py runserver "${HOST:-127.0.0.1}:${PORT:-8000}"
