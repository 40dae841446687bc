#!/bin/sh
set -e
if [ -n "$MIGRATE" ]; then
  echo "migrations are run elsewhere" >&2
fi
exec node server.js "$@"
