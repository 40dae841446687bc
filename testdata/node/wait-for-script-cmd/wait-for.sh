#!/bin/sh
# Waits until the host name resolves (its compose service is up), then runs
# the command given after --.
host=$1
shift
while [ $# -gt 0 ]; do
  case "$1" in
    --) shift; break ;;
    *) shift ;;
  esac
done
until getent hosts "$host" >/dev/null; do
  echo "waiting for $host"
  sleep 1
done
exec "$@"
