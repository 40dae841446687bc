#!/bin/sh
set -e
if [ -z "$PORT" ]; then
  export PORT=3000
fi
exec node server.js "$@"
