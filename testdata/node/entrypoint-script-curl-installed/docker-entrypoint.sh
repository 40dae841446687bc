#!/bin/sh
# Fetches the feature flags the service starts with, then runs the CMD.
set -e
curl -fsS -o /tmp/flags.json "$FLAGS_URL"
exec "$@"
