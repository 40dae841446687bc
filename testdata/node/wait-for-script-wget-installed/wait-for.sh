#!/bin/sh
# Waits until the service answers on its health URL (compose has started it), then runs
# the command given after --.
host=$1
shift
while [ $# -gt 0 ]; do
  case "$1" in
    --) shift; break ;;
    *) shift ;;
  esac
done
until wget -q -O - "http://$host/health" >/dev/null; do
  echo "waiting for $host"
  sleep 1
done
exec "$@"
