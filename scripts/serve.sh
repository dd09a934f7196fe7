#!/usr/bin/env bash
# Install everything, prepare the database, serve.
#   scripts/serve.sh               the embedded SQLite database, Django's development server
#   scripts/serve.sh --production  gunicorn with DEBUG=0: needs SECRET_KEY and ALLOWED_HOSTS
#                                  (and usually DATABASE_URL, REDIS_URL); see the README
# "prepare" migrates and adds the starting catalog only where it is missing: a restart never
# overwrites what curators changed.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
echo "BPO Advisor: http://${HOST:-127.0.0.1}:${PORT:-8000}/"
if [ "${1:-}" = "--production" ]; then
  export DEBUG=0
  : "${SECRET_KEY:?Set SECRET_KEY (a long random string) for production}"
  : "${ALLOWED_HOSTS:?Set ALLOWED_HOSTS (the site names, comma-separated) for production}"
  .venv/bin/python manage.py check --deploy --fail-level ERROR
  .venv/bin/python manage.py collectstatic --noinput --verbosity 0
  .venv/bin/python manage.py prepare
  exec .venv/bin/gunicorn --config bpo_advisor/gunicorn.conf.py bpo_advisor.wsgi
fi
.venv/bin/python manage.py prepare
exec .venv/bin/python manage.py runserver "${HOST:-127.0.0.1}:${PORT:-8000}"
