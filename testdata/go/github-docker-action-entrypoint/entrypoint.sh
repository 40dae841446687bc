#!/bin/sh
set -e
exec /app/app "$@"
