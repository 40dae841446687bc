#!/usr/bin/env bash
set -euo pipefail
mkdir -p /tmp/cache
exec "$@"
